package org.codeorg.partnerships.district;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.codeorg.partnerships.application.ApplicationIntake;
import org.codeorg.partnerships.application.DuplicateApplicationException;
import org.codeorg.partnerships.common.ConcurrentChangeException;
import org.codeorg.partnerships.common.ControlCharacters;
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

/**
 * The application as a web page (the API's application, field by field): the same intake,
 * validation and rate limit as {@code POST /api/applications}; errors are shown next to their
 * fields and in a summary that links to them. Empty rows of schools, courses, teachers and
 * leaders are left out.
 */
@Controller
public class DistrictApplicationPage {

  static final int SCHOOL_ROWS = 3;
  static final int COURSE_ROWS = 5;
  static final int TEACHER_ROWS = 5;
  static final int LEADER_ROWS = 3;
  private static final Pattern ROW = Pattern.compile("^(schools|courses|teachers|leaders)\\[(\\d+)]");

  private final ApplicationIntake intake;
  private final IntakeRateLimiter limiter;

  public DistrictApplicationPage(ApplicationIntake intake, IntakeRateLimiter limiter) {
    this.intake = intake;
    this.limiter = limiter;
  }

  @GetMapping("/district/apply")
  public String form(Model model) {
    return show(model, Map.of("schoolYear", "2027-2028"), Map.of(), null);
  }

  @PostMapping("/district/apply")
  public String apply(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
    Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr());
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
      return show(model, values, Map.of(), "Too many applications from your network. Please try again in a minute.");
    }
    Rows rows = new Rows(values);
    try {
      ApplicationIntake.Accepted accepted = intake.apply(rows.application());
      model.addAttribute("reference", accepted.reference());
      model.addAttribute("contactEmail", values.get("contact.email"));
      return "district/applied";
    } catch (InvalidApplicationException e) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldViolation violation : e.getViolations()) {
        errors.merge(rows.formField(violation.field()), violation.message(), (a, b) -> a + "; " + b);
      }
      return show(model, values, errors, null);
    } catch (DuplicateApplicationException e) {
      response.setStatus(409);
      return show(model, values, Map.of(), "Your district has already applied for this school year ("
          + e.getExistingReference() + "). Use the link in our email to follow it.");
    } catch (ConcurrentChangeException e) {
      response.setStatus(409);
      return show(model, values, Map.of(), e.getMessage() + ". Use the link in our email to follow the application.");
    }
  }

  private String show(Model model, Map<String, String> values, Map<String, String> errors, String problem) {
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("errorLabels", FieldLabels.of(errors));
    model.addAttribute("problem", problem);
    model.addAttribute("schoolRows", SCHOOL_ROWS);
    model.addAttribute("courseRows", COURSE_ROWS);
    model.addAttribute("teacherRows", TEACHER_ROWS);
    model.addAttribute("leaderRows", LEADER_ROWS);
    model.addAttribute("levels", options(SchoolLevel.values(), l -> l.name().charAt(0) + l.name().substring(1).toLowerCase()));
    model.addAttribute("courses", options(Course.values(), c -> c.title() + " (" + c.name() + ")"));
    model.addAttribute("roles", options(LeaderRole.values(), r -> r.name().charAt(0) + r.name().substring(1).toLowerCase()));
    model.addAttribute("yesNo", Map.of("true", "Yes", "false", "No"));
    return "district/apply";
  }

  private static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> label) {
    Map<String, String> options = new LinkedHashMap<>();
    for (E value : values) {
      options.put(value.name(), label.apply(value));
    }
    return options;
  }

  /** The form's rows without the empty ones, remembering where each came from for the error messages. */
  private static final class Rows {

    private final Map<String, String> values;
    private final Map<String, List<Integer>> kept = new LinkedHashMap<>();

    Rows(Map<String, String> values) {
      this.values = values;
    }

    PartnershipApplication application() {
      return new PartnershipApplication(
          new DistrictInfo(v("district.name"), v("district.ncesId"), v("district.state")),
          new ContactInfo(v("contact.name"), v("contact.email"), v("contact.phone")),
          v("schoolYear"),
          list("schools", SCHOOL_ROWS, List.of("name", "level"), p -> new SchoolInfo(v(p + "name"), v(p + "level"))),
          list("courses", COURSE_ROWS, List.of("course", "school", "sections"),
              p -> new CourseOffer(v(p + "course"), v(p + "school"), FormInput.integer(v(p + "sections")))),
          list("teachers", TEACHER_ROWS, List.of("name", "email", "school", "course"),
              p -> new TeacherInfo(v(p + "name"), v(p + "email"), v(p + "school"), v(p + "course"))),
          list("leaders", LEADER_ROWS, List.of("name", "email", "school", "role"),
              p -> new LeaderInfo(v(p + "name"), v(p + "email"), v(p + "school"), v(p + "role"))),
          new TechnologyInfo(FormInput.bool(v("technology.oneToOneComputing")), FormInput.integer(v("technology.bandwidthMbps"))));
    }

    /** "teachers[1].email" of the compacted list → the form's field name, e.g. "teachers[3].email". */
    String formField(String field) {
      Matcher m = ROW.matcher(field);
      if (!m.find()) {
        return field;
      }
      List<Integer> rows = kept.getOrDefault(m.group(1), List.of());
      int index = Integer.parseInt(m.group(2));
      return index < rows.size() ? m.replaceFirst(m.group(1) + "[" + rows.get(index) + "]") : field;
    }

    private <T> List<T> list(String name, int rows, List<String> fields, Function<String, T> row) {
      List<T> items = new ArrayList<>();
      List<Integer> origin = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        String prefix = name + "[" + i + "].";
        if (fields.stream().anyMatch(f -> v(prefix + f) != null)) {
          items.add(row.apply(prefix));
          origin.add(i);
        }
      }
      kept.put(name, origin);
      return items;
    }

    /** Trimmed of spaces only, so that a control character at either end is refused as the API refuses it. */
    private String v(String name) {
      String value = values.get(name);
      return value == null || value.isBlank() ? null : ControlCharacters.trimSpaces(value);
    }
  }
}
