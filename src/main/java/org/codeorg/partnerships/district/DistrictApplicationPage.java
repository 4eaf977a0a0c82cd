package org.codeorg.partnerships.district;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.codeorg.partnerships.application.ApplicationIntake;
import org.codeorg.partnerships.application.DuplicateApplicationException;
import org.codeorg.partnerships.common.ConcurrentChangeException;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.application.InvalidApplicationException;
import org.codeorg.partnerships.application.PartnershipApplication.ContactInfo;
import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.DistrictInfo;
import org.codeorg.partnerships.application.PartnershipApplication.LeaderInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TechnologyInfo;
import org.codeorg.partnerships.application.PartnershipApplication;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.LeaderRole;
import org.codeorg.partnerships.partnership.SchoolLevel;
import org.codeorg.partnerships.web.IntakeRateLimiter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The application as a web page (the API's application, field by field): the same intake,
 * validation and rate limit as {@code POST /api/applications}; errors are shown next to their
 * fields and in a summary that links to them. Empty rows of schools, courses, teachers and
 * leaders are left out, so clearing a row removes it.
 *
 * <p>Any size up to the limits of {@link PartnershipApplication}: without JavaScript the page has
 * a generous set of empty rows and "Add rows" buttons that show the page again with what was typed
 * and more empty rows; with JavaScript ({@code static/district/rows.js}) rows are added and removed
 * in place. A teacher's, a course's and a leader's school is chosen from the schools entered. A
 * roster file (CSV, {@link RosterUpload}) fills teacher or course rows; any error in it takes no row.
 * The form is {@code multipart/form-data}; nothing is written before the application is sent and valid.
 */
@Controller
public class DistrictApplicationPage {

  static final Map<String, Integer> FIRST_ROWS = Map.of("schools", 5, "courses", 8, "teachers", 10, "leaders", 4);
  static final Map<String, Integer> MORE_ROWS = Map.of("schools", 5, "courses", 5, "teachers", 10, "leaders", 4);
  static final Map<String, Integer> LIMITS = Map.of("schools", PartnershipApplication.MAX_SCHOOLS,
      "courses", PartnershipApplication.MAX_COURSES, "teachers", PartnershipApplication.MAX_TEACHERS,
      "leaders", PartnershipApplication.MAX_LEADERS);
  static final Map<String, List<String>> FIELDS = Map.of("schools", List.of("name", "level"),
      "courses", List.of("course", "school", "sections"), "teachers", List.of("name", "email", "school", "course"),
      "leaders", List.of("name", "email", "school", "role"));
  static final FormRows ROWS = new FormRows(FIRST_ROWS, MORE_ROWS, LIMITS, FIELDS);

  private final ApplicationIntake intake;
  private final IntakeRateLimiter limiter;
  private final RosterUpload rosters;

  public DistrictApplicationPage(ApplicationIntake intake, IntakeRateLimiter limiter, RosterUpload rosters) {
    this.intake = intake;
    this.limiter = limiter;
    this.rosters = rosters;
  }

  @GetMapping("/district/apply")
  public String form(Model model) {
    return show(model, new LinkedHashMap<>(Map.of("schoolYear", "2027-2028")), Map.of(), null, null);
  }

  /**
   * The page's one form. {@code action}: {@code add-schools}, {@code add-courses}, {@code add-teachers},
   * {@code add-leaders} (the page again with more empty rows), {@code upload} (the roster files into
   * rows) or anything else (send the application; a roster file chosen is read first). Answers 200
   * with the page, 400 with the errors, 409 for a district that has applied, 429 when rate-limited,
   * 201-like "applied" page on success; never writes anything unless the application is sent and valid.
   */
  @PostMapping("/district/apply")
  public String apply(@RequestParam MultiValueMap<String, String> form,
      @RequestParam(value = "teacherRoster", required = false) MultipartFile teacherRoster,
      @RequestParam(value = "courseRoster", required = false) MultipartFile courseRoster,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach((name, list) -> {
      if (!"action".equals(name) && !"teacherRoster".equals(name) && !"courseRoster".equals(name)) {
        values.put(name, list.isEmpty() ? "" : list.get(0));
      }
    });
    String action = form.getFirst("action") == null ? "apply" : form.getFirst("action");
    if (ROWS.addAction(action) != null) {
      return show(model, values, Map.of(), null, ROWS.addAction(action));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String notice = readRosters(values, teacherRoster, courseRoster, errors);
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return show(model, values, errors, null, null);
    }
    if ("upload".equals(action)) {
      model.addAttribute("notice", notice == null ? "Choose a roster file to upload." : notice);
      return show(model, values, Map.of(), null, null);
    }
    Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr());
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
      return show(model, values, Map.of(), "Too many applications from your network. Please try again in a minute.", null);
    }
    Rows rows = new Rows(values);
    try {
      ApplicationIntake.Accepted accepted = intake.apply(rows.application());
      model.addAttribute("reference", accepted.reference());
      model.addAttribute("contactEmail", values.get("contact.email"));
      return "district/applied";
    } catch (InvalidApplicationException e) {
      response.setStatus(400);
      for (FieldViolation violation : e.getViolations()) {
        errors.merge(rows.formField(violation.field()), violation.message(), (a, b) -> a + "; " + b);
      }
      return show(model, values, errors, null, null);
    } catch (DuplicateApplicationException e) {
      response.setStatus(409);
      return show(model, values, Map.of(), "Your district has already applied for this school year ("
          + e.getExistingReference() + "). Use the link in our email to follow it.", null);
    } catch (ConcurrentChangeException e) {
      response.setStatus(409);
      return show(model, values, Map.of(), e.getMessage() + ". Use the link in our email to follow the application.", null);
    }
  }

  /** Reads the chosen roster files into {@code values} (after the rows already filled); errors by file. */
  private String readRosters(Map<String, String> values, MultipartFile teacherRoster, MultipartFile courseRoster,
      Map<String, String> errors) {
    List<String> done = new ArrayList<>();
    List<String> schools = FormRows.filled(values, "schools").stream().map(i -> values.get("schools[" + i + "].name"))
        .filter(n -> n != null && !n.isBlank()).toList();
    if (chosen(courseRoster)) {
      RosterUpload.Result result = rosters.courses(bytes(courseRoster), schools, ROWS.room(values, "courses"));
      take(values, "courses", result, "courseRoster", errors).ifPresent(n -> done.add(n + " course rows"));
    }
    if (chosen(teacherRoster)) {
      Set<String> emails = new HashSet<>();
      FormRows.filled(values, "teachers").forEach(i -> {
        String email = values.get("teachers[" + i + "].email");
        if (email != null && !email.isBlank()) {
          emails.add(email.trim().toLowerCase(Locale.ROOT));
        }
      });
      RosterUpload.Result result = rosters.teachers(bytes(teacherRoster), schools, emails, ROWS.room(values, "teachers"));
      take(values, "teachers", result, "teacherRoster", errors).ifPresent(n -> done.add(n + " teacher rows"));
    }
    return done.isEmpty() ? null : "Added from the roster: " + String.join(" and ", done)
        + ". Check them below, then send the application.";
  }

  /** A file the district chose (an empty one too: that is an error); a browser sends an unnamed empty part for none. */
  private static boolean chosen(MultipartFile file) {
    return file != null && (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()));
  }

  private static Optional<Integer> take(Map<String, String> values, String list, RosterUpload.Result result,
      String field, Map<String, String> errors) {
    if (!result.ok()) {
      errors.put(field, String.join("\n", result.errors()));
      return Optional.empty();
    }
    int next = FormRows.filled(values, list).stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    for (Map<String, String> row : result.rows()) {
      for (String f : FIELDS.get(list)) {
        values.put(list + "[" + next + "]." + f, row.get(f) == null ? "" : row.get(f));
      }
      next++;
    }
    return Optional.of(result.rows().size());
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getSize() > RosterUpload.MAX_BYTES ? new byte[RosterUpload.MAX_BYTES + 1] : file.getBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private String show(Model model, Map<String, String> values, Map<String, String> errors, String problem,
      String addTo) {
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("errorLabels", FieldLabels.of(errors));
    Map<String, List<String>> lines = new LinkedHashMap<>();
    errors.forEach((field, message) -> lines.put(field, List.of(message.split("\n"))));
    model.addAttribute("errorLines", lines);
    model.addAttribute("problem", problem);
    ROWS.show(model, values, addTo, "An application");
    model.addAttribute("levels", FormRows.options(SchoolLevel.values(), FormRows::capitalized));
    model.addAttribute("courses", courseOptions());
    model.addAttribute("roles", FormRows.options(LeaderRole.values(), FormRows::capitalized));
    model.addAttribute("yesNo", Map.of("true", "Yes", "false", "No"));
    return "district/apply";
  }

  /** Courses as the district reads them: "Computer Science Principles (CSP)". */
  static Map<String, String> courseOptions() {
    return FormRows.options(Course.values(), c -> c.title() + " (" + c.name() + ")");
  }

  /** The form's rows without the empty ones, remembering where each came from for the error messages. */
  private static final class Rows {

    private final Map<String, String> values;
    private final FormRows.Origins origins;

    Rows(Map<String, String> values) {
      this.values = values;
      this.origins = new FormRows.Origins(values);
    }

    PartnershipApplication application() {
      return new PartnershipApplication(
          new DistrictInfo(v("district.name"), v("district.ncesId"), v("district.state")),
          new ContactInfo(v("contact.name"), v("contact.email"), v("contact.phone")),
          v("schoolYear"),
          origins.list("schools", p -> new SchoolInfo(v(p + "name"), v(p + "level"))),
          origins.list("courses", p -> new CourseOffer(v(p + "course"), v(p + "school"), FormInput.integer(v(p + "sections")))),
          origins.list("teachers", p -> new TeacherInfo(v(p + "name"), v(p + "email"), v(p + "school"), v(p + "course"))),
          origins.list("leaders", p -> new LeaderInfo(v(p + "name"), v(p + "email"), v(p + "school"), v(p + "role"))),
          new TechnologyInfo(FormInput.bool(v("technology.oneToOneComputing")), FormInput.integer(v("technology.bandwidthMbps"))));
    }

    /** "teachers[1].email" of the compacted list → the form's field name, e.g. "teachers[3].email". */
    String formField(String field) {
      return origins.formField(field);
    }

    private String v(String name) {
      return FormRows.value(values, name);
    }
  }
}
