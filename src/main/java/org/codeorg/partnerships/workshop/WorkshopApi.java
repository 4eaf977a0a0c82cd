package org.codeorg.partnerships.workshop;

import java.net.URI;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.codeorg.partnerships.common.ApiSchemes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PD managers' workshop endpoints: schedule an in-person workshop (starts its {@code pd-workshop}
 * instance), change its dates, read it. The rules are {@link WorkshopPlan}'s and {@link WorkshopScheduling}'s.
 */
@RestController
@Tag(name = "Staff: workshops")
@SecurityRequirement(name = ApiSchemes.STAFF)
public class WorkshopApi {

  private final WorkshopScheduling scheduling;
  private final WorkshopViews views;

  public WorkshopApi(WorkshopScheduling scheduling, WorkshopViews views) {
    this.scheduling = scheduling;
    this.views = views;
  }

  /** See {@link WorkshopScheduling#schedule(WorkshopPlan, String)} for the answers to bad input (400). */
  @PostMapping("/api/workshops")
  @Operation(summary = "Schedule an in-person workshop",
      description = "PD managers. The phase must be a workshop phase of the course's PD track; sessions are 1 to 10, "
          + "in the future, in order, 1 to 12 hours each. Starts the workshop's process: facilitator, vendor, "
          + "enrolment of committed teachers, reminders with calendar invites.",
      responses = @ApiResponse(responseCode = "201", description = "Scheduled"))
  public ResponseEntity<WorkshopViews.WorkshopView> schedule(@RequestBody WorkshopPlan body,
      @Parameter(hidden = true) @AuthenticationPrincipal String staffUser) {
    Workshop workshop = scheduling.schedule(body, staffUser);
    return ResponseEntity.created(URI.create("/api/workshops/" + workshop.getReference()))
        .body(views.view(workshop.getReference()));
  }

  /** See {@link WorkshopScheduling#reschedule} for the answers to bad input (400, 404, 409). */
  @PutMapping("/api/workshops/{reference}/sessions")
  @Operation(summary = "Change a workshop's dates",
      description = "Before its first session only (409 after). The enrolled get updated invites; reminders move.")
  public WorkshopViews.WorkshopView reschedule(@PathVariable String reference, @RequestBody WorkshopPlan.NewDates body) {
    scheduling.reschedule(reference, body);
    return views.view(reference);
  }

  /** See {@link WorkshopScheduling#cancel} for the answers to bad input (400, 404, 409). */
  @PostMapping("/api/workshops/{reference}/cancellation")
  @Operation(summary = "Cancel a workshop",
      description = "PD managers, before its last session ends (409 after, or when cancelled already). Enrolled and "
          + "waitlisted teachers and the facilitator get the reason and a METHOD:CANCEL calendar update; the vendor's "
          + "order is cancelled by email; each enrolled teacher waits for a seat again.")
  public WorkshopViews.WorkshopView cancel(@PathVariable String reference, @RequestBody WorkshopPlan.Cancellation body) {
    scheduling.cancel(reference, body);
    return views.view(reference);
  }

  /** See {@link WorkshopScheduling#replaceFacilitator} for the answers to bad input (400, 404, 409). */
  @PutMapping("/api/workshops/{reference}/facilitator")
  @Operation(summary = "Replace a workshop's facilitator",
      description = "PD managers, until the last session ends. The new facilitator (a member of the facilitators "
          + "group) gets the invite and the open attendance tasks; the former one a METHOD:CANCEL update.")
  public WorkshopViews.WorkshopView replaceFacilitator(@PathVariable String reference,
      @RequestBody WorkshopPlan.FacilitatorChange body) {
    scheduling.replaceFacilitator(reference, body);
    return views.view(reference);
  }

  /** @throws UnknownWorkshopException no workshop with this reference (404) */
  @GetMapping("/api/workshops/{reference}")
  @Operation(summary = "Read a workshop: sessions, seats, waitlist, attendance")
  public WorkshopViews.WorkshopView workshop(@PathVariable String reference) {
    return views.view(reference);
  }
}
