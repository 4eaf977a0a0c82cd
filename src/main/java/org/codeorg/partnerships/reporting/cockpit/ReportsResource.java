package org.codeorg.partnerships.reporting.cockpit;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.codeorg.partnerships.identity.StaffGroups;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.codeorg.partnerships.reporting.PartnershipReports;
import org.codeorg.partnerships.reporting.PartnershipReports.PartnershipQuery;
import org.codeorg.partnerships.reporting.PartnershipTab;
import org.codeorg.partnerships.reporting.ReportCsv;
import org.codeorg.partnerships.reporting.ReportQueryException;
import org.codeorg.partnerships.reporting.ReportTables;
import org.springframework.context.ApplicationContext;

/**
 * The plugin's API, {@code /camunda/api/cockpit/plugin/partnerships/{engine}/…}, GET only:
 * <ul>
 *   <li>{@code access}: 204 when the user may read the reports (the client shows its menu then);</li>
 *   <li>{@code dashboard}, {@code partnerships} (filter, sort, page: {@link PartnershipQuery}),
 *       {@code pd}, {@code pd/districts?page=&size=}, {@code pd/teachers?page=&size=}: JSON;</li>
 *   <li>{@code csv/partnerships} (the filter, every page), {@code csv/pd-districts}, {@code csv/pd-teachers},
 *       {@code csv/{table}} ({@link ReportTables#REPORT_TABLES}): CSV as {@link ReportCsv} writes it;</li>
 *   <li>{@code process-instance/{id}} and {@code process-instance/{id}/csv/{table}}: the partnership tab.</li>
 * </ul>
 * Only {@link #READERS} get an answer: anyone else logged in to the webapps gets 403, and Cockpit's
 * filter answers 401 without a log-in. Bad parameters are a 400 problem naming the fields, an
 * unknown instance or table a 404 problem.
 */
public class ReportsResource extends AbstractCockpitPluginResource {

  /** Who may read the reports: administrators, partnership managers and PD managers. */
  public static final Set<String> READERS =
      Set.of(StaffGroups.ADMIN, StaffGroups.PARTNERSHIP_MANAGERS, StaffGroups.PD_MANAGERS);

  private static final String CSV = "text/csv; charset=UTF-8";
  private static final String PROBLEM = "application/problem+json";

  private final ApplicationContext context;

  public ReportsResource(String engineName, ApplicationContext context) {
    super(engineName);
    this.context = context;
  }

  @GET
  @Path("access")
  public Response access() {
    return guard(() -> Response.noContent().build());
  }

  @GET
  @Path("dashboard")
  public Response dashboard() {
    return guard(() -> json(reports().dashboard()));
  }

  @GET
  @Path("partnerships")
  public Response partnerships(@QueryParam("stage") String stage, @QueryParam("state") String state,
      @QueryParam("schoolYear") String schoolYear, @QueryParam("search") String search,
      @QueryParam("sort") String sort, @QueryParam("direction") String direction, @QueryParam("page") String page,
      @QueryParam("size") String size, @QueryParam("emailStatus") String emailStatus) {
    return guard(() -> json(reports().partnerships(new PartnershipQuery(stage, state, schoolYear, search, sort,
        direction, number("page", page), number("size", size), emailStatus))));
  }

  @GET
  @Path("csv/partnerships")
  public Response partnershipsCsv(@QueryParam("stage") String stage, @QueryParam("state") String state,
      @QueryParam("schoolYear") String schoolYear, @QueryParam("search") String search,
      @QueryParam("sort") String sort, @QueryParam("direction") String direction,
      @QueryParam("emailStatus") String emailStatus) {
    return guard(() -> csv("partnerships", ReportTables.partnerships(reports().allPartnerships(
        new PartnershipQuery(stage, state, schoolYear, search, sort, direction, null, null, emailStatus)))));
  }

  @GET
  @Path("pd")
  public Response pd() {
    return guard(() -> json(reports().pd()));
  }

  @GET
  @Path("pd/teachers")
  public Response teachers(@QueryParam("page") String page, @QueryParam("size") String size) {
    return guard(() -> json(reports().teachers(number("page", page), number("size", size))));
  }

  @GET
  @Path("pd/districts")
  public Response districts(@QueryParam("page") String page, @QueryParam("size") String size) {
    return guard(() -> json(reports().districts(number("page", page), number("size", size))));
  }

  @GET
  @Path("csv/pd-districts")
  public Response districtsCsv() {
    return guard(() -> csv("pd-districts", ReportTables.districts(reports().allDistricts())));
  }

  @GET
  @Path("csv/pd-teachers")
  public Response teachersCsv() {
    return guard(() -> {
      PartnershipReports.Page<PartnershipReports.TeacherHours> first = reports().teachers(0, 1);
      List<PartnershipReports.TeacherHours> all = new java.util.ArrayList<>();
      for (int page = 0; (long) page * PartnershipReports.MAX_PAGE_SIZE < first.total(); page++) {
        all.addAll(reports().teachers(page, PartnershipReports.MAX_PAGE_SIZE).rows());
      }
      return csv("pd-teachers", ReportTables.teachers(all));
    });
  }

  @GET
  @Path("csv/{table}")
  public Response reportCsv(@PathParam("table") String table) {
    return guard(() -> {
      if (!ReportTables.REPORT_TABLES.contains(table)) {
        return problem(Response.Status.NOT_FOUND, "No report table " + table, List.of());
      }
      PartnershipReports.PdReport pd = table.startsWith("pd-") || List.of("workshops", "sessions", "facilitators")
          .contains(table) ? reports().pd() : null;
      PartnershipReports.Dashboard dashboard = pd == null ? reports().dashboard() : null;
      return csv(table, ReportTables.report(table, dashboard, pd));
    });
  }

  @GET
  @Path("process-instance/{id}")
  public Response instance(@PathParam("id") String processInstanceId) {
    return guard(() -> json(tab().of(processInstanceId)));
  }

  @GET
  @Path("process-instance/{id}/csv/{table}")
  public Response instanceCsv(@PathParam("id") String processInstanceId, @PathParam("table") String table) {
    return guard(() -> {
      if (!ReportTables.INSTANCE_TABLES.contains(table)) {
        return problem(Response.Status.NOT_FOUND, "No table " + table + " on the partnership tab", List.of());
      }
      PartnershipTab.Tab tab = tab().of(processInstanceId);
      return csv(tab.partnership().reference() + "-" + table,
          ReportTables.instance(table, tab.partnership(), tab.emails()));
    });
  }

  // ---------------------------------------------------------------------------------------------

  private interface Answer {
    Response get() throws JsonProcessingException;
  }

  private Response guard(Answer answer) {
    if (!mayRead(groups())) {
      return problem(Response.Status.FORBIDDEN, "Only administrators, partnership managers and PD managers may "
          + "read the partnership reports", List.of());
    }
    // The reports show every partnership's tasks, as the staff API does: the engine's authorization checks for the
    // Cockpit user (which would hide the tasks of other candidate groups) are off while a report is read.
    org.camunda.bpm.engine.IdentityService identity = getProcessEngine().getIdentityService();
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return answer.get();
    } catch (ReportQueryException e) {
      return problem(Response.Status.BAD_REQUEST, "Invalid report parameters",
          e.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    } catch (UnknownPartnershipException e) {
      return problem(Response.Status.NOT_FOUND, "This process instance belongs to no partnership", List.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  /** True when one of {@code groups} is in {@link #READERS}. */
  public static boolean mayRead(Collection<String> groups) {
    return groups.stream().anyMatch(READERS::contains);
  }

  /** The Cockpit user's groups; the webapp's filter puts its authentication on the engine for the request. */
  private Collection<String> groups() {
    Authentication current = getCurrentAuthentication();
    if (current != null && current.getGroupIds() != null) {
      return current.getGroupIds();
    }
    org.camunda.bpm.webapp.impl.security.auth.Authentications all =
        org.camunda.bpm.webapp.impl.security.auth.Authentications.getCurrent();
    if (all == null) {
      return List.of();
    }
    org.camunda.bpm.webapp.impl.security.auth.Authentication webapp = all.getAuthenticationForProcessEngine(engineName);
    return webapp instanceof org.camunda.bpm.webapp.impl.security.auth.UserAuthentication user
        && user.getGroupIds() != null ? user.getGroupIds() : List.of();
  }

  private static Integer number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new ReportQueryException(List.of(new org.codeorg.partnerships.common.FieldViolation(field,
          "must be a whole number")));
    }
  }

  private PartnershipReports reports() {
    return context.getBean(PartnershipReports.class);
  }

  private PartnershipTab tab() {
    return context.getBean(PartnershipTab.class);
  }

  private Response json(Object body) throws JsonProcessingException {
    return Response.ok(context.getBean(ObjectMapper.class).writeValueAsString(body), "application/json")
        .header("Cache-Control", "no-store").build();
  }

  private static Response csv(String name, ReportCsv.Table table) {
    return Response.ok(ReportCsv.write(table).getBytes(StandardCharsets.UTF_8), CSV)
        .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9-]", "_") + ".csv\"")
        .header("Cache-Control", "no-store").build();
  }

  private Response problem(Response.Status status, String detail, List<Map<String, String>> fields) {
    Map<String, Object> body = fields.isEmpty()
        ? Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.getStatusCode(),
            "detail", detail)
        : Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.getStatusCode(),
            "detail", detail, "errors", fields);
    try {
      return Response.status(status).type(PROBLEM).entity(context.getBean(ObjectMapper.class).writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
