package org.codeorg.partnerships.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.codeorg.partnerships.pd.PdPhase;
import org.codeorg.partnerships.pd.PdPhaseReports;
import org.codeorg.partnerships.pd.PdTrack;
import org.codeorg.partnerships.pd.PlannedPhase;
import org.codeorg.partnerships.workshop.SessionTimes;
import org.codeorg.partnerships.workshop.Workshop;
import org.codeorg.partnerships.workshop.WorkshopScheduling;
import org.codeorg.partnerships.workshop.WorkshopViews;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PD managers' endpoints: schedule an in-person workshop (starts its {@code pd-workshop}
 * instance), change its dates, read it; report an online phase's completion for a teacher.
 */
@RestController
public class PdStaffApiController {

  static final int MAX_SESSIONS = 10;
  private static final java.time.format.DateTimeFormatter STARTS =
      java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);
  static final Duration MAX_SESSION_LENGTH = Duration.ofHours(12);

  private final WorkshopScheduling scheduling;
  private final WorkshopViews workshopViews;
  private final PdPhaseReports reports;
  private final PdTrack track;
  private final Clock clock;

  public PdStaffApiController(WorkshopScheduling scheduling, WorkshopViews workshopViews, PdPhaseReports reports,
      PdTrack track, Clock clock) {
    this.clock = clock;
    this.scheduling = scheduling;
    this.workshopViews = workshopViews;
    this.reports = reports;
    this.track = track;
  }

  public record SessionBody(String startsAt, String endsAt) {
  }

  public record WorkshopBody(String course, Integer phase, String title, String region, String location,
      Integer capacity, List<SessionBody> sessions) {
  }

  public record SessionsBody(List<SessionBody> sessions) {
  }

  public record CompletionBody(Integer hours) {
  }

  @PostMapping("/api/workshops")
  public ResponseEntity<WorkshopViews.WorkshopView> schedule(@RequestBody WorkshopBody body,
      @AuthenticationPrincipal String staffUser) {
    List<FieldViolation> violations = new ArrayList<>();
    if (body == null) {
      throw new InvalidRequestException(List.of(new FieldViolation("body", "is required")));
    }
    Course course = course(body.course(), violations);
    PlannedPhase phase = course == null ? null : workshopPhase(course, body.phase(), violations);
    String region = body.region() == null ? "" : body.region().trim();
    if (!region.matches("[A-Z]{2}")) {
      violations.add(new FieldViolation("region", "must be a two-letter state code, e.g. CA"));
    }
    String location = text("location", body.location(), 300, true, violations);
    String title = text("title", body.title(), 200, false, violations);
    if (body.capacity() == null || body.capacity() < 1 || body.capacity() > 500) {
      violations.add(new FieldViolation("capacity", "must be between 1 and 500"));
    }
    List<SessionTimes> sessions = sessions(body.sessions(), clock.instant(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    String workshopTitle = title != null ? title : course.title() + ", phase " + phase.number() + ": " + phase.name()
        + ", " + STARTS.format(sessions.get(0).startsAt());
    Workshop workshop = scheduling.schedule(new WorkshopScheduling.Request(course, phase.number(), workshopTitle, region,
        location, body.capacity(), sessions), staffUser);
    return ResponseEntity.created(URI.create("/api/workshops/" + workshop.getReference()))
        .body(workshopViews.view(workshop.getReference()));
  }

  @PutMapping("/api/workshops/{reference}/sessions")
  public WorkshopViews.WorkshopView reschedule(@PathVariable String reference, @RequestBody SessionsBody body) {
    List<FieldViolation> violations = new ArrayList<>();
    List<SessionTimes> sessions = sessions(body == null ? null : body.sessions(), clock.instant(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    scheduling.reschedule(reference, sessions);
    return workshopViews.view(reference);
  }

  @GetMapping("/api/workshops/{reference}")
  public WorkshopViews.WorkshopView workshop(@PathVariable String reference) {
    return workshopViews.view(reference);
  }

  @PostMapping("/api/partnerships/{reference}/teachers/{teacherId}/pd-phases/{phase}/completion")
  public ResponseEntity<Map<String, Object>> onlineCompletion(@PathVariable String reference,
      @PathVariable Long teacherId, @PathVariable Integer phase, @RequestBody CompletionBody body) {
    if (body == null || body.hours() == null || body.hours() < 1 || body.hours() > 200) {
      throw new InvalidRequestException(List.of(new FieldViolation("hours", "must be between 1 and 200")));
    }
    PdPhase reported = reports.reportOnlineCompletion(reference, teacherId, phase, body.hours());
    return ResponseEntity.accepted().body(Map.of("reference", reference, "teacherId", teacherId,
        "phase", reported.getPhaseNumber(), "name", reported.getName(), "hours", body.hours(), "status", "REPORTED"));
  }

  private static Course course(String value, List<FieldViolation> violations) {
    try {
      return Course.valueOf(value == null ? "" : value.trim());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation("course", "must be one of ECS, CSP, CS_ALGEBRA, CS_SCIENCE, CSF"));
      return null;
    }
  }

  /** The phase must exist in the course's pd-track and be delivered in person (or by an affiliate). */
  private PlannedPhase workshopPhase(Course course, Integer number, List<FieldViolation> violations) {
    List<PlannedPhase> phases = track.phases(course, ElementaryPdPath.REGIONAL_AFFILIATE);
    PlannedPhase phase = phases.stream().filter(p -> number != null && p.number() == number).findFirst().orElse(null);
    if (phase == null || !phase.delivery().isWorkshop()) {
      violations.add(new FieldViolation("phase", "must be a workshop phase of " + course + ": " + phases.stream()
          .filter(p -> p.delivery().isWorkshop()).map(p -> p.number() + " (" + p.name() + ")").toList()));
      return null;
    }
    return phase;
  }

  private static String text(String field, String value, int max, boolean required, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new FieldViolation(field, "is required"));
      }
      return null;
    }
    if (value.length() > max) {
      violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
    }
    return value.trim();
  }

  /** Sessions in order, each in the future, starting after the previous one ends, at most 12 hours long. */
  private static List<SessionTimes> sessions(List<SessionBody> bodies, Instant now, List<FieldViolation> violations) {
    List<SessionTimes> sessions = new ArrayList<>();
    if (bodies == null || bodies.isEmpty() || bodies.size() > MAX_SESSIONS) {
      violations.add(new FieldViolation("sessions", "must list 1 to " + MAX_SESSIONS + " sessions"));
      return sessions;
    }
    Instant previousEnd = now;
    for (int i = 0; i < bodies.size(); i++) {
      String field = "sessions[" + i + "]";
      SessionBody body = bodies.get(i);
      Instant start = instant(body == null ? null : body.startsAt(), field + ".startsAt", violations);
      Instant end = instant(body == null ? null : body.endsAt(), field + ".endsAt", violations);
      if (start == null || end == null) {
        continue;
      }
      if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_SESSION_LENGTH) > 0
          || Duration.between(start, end).toHours() < 1) {
        violations.add(new FieldViolation(field, "must last between 1 and 12 hours"));
      } else if (!start.isAfter(previousEnd)) {
        violations.add(new FieldViolation(field + ".startsAt",
            i == 0 ? "must be in the future" : "must be after the previous session ends"));
      }
      previousEnd = end;
      sessions.add(new SessionTimes(start, end));
    }
    return sessions;
  }

  private static Instant instant(String value, String field, List<FieldViolation> violations) {
    try {
      return OffsetDateTime.parse(value == null ? "" : value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date-time with offset, e.g. 2027-07-12T09:00:00-07:00"));
      return null;
    }
  }
}
