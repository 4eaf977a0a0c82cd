package org.codeorg.partnerships.district;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.codeorg.partnerships.application.InvalidRenewalException;
import org.codeorg.partnerships.application.PartnershipApplication;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.RenewalConfirmation;
import org.codeorg.partnerships.application.RenewalConfirmations;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.common.FieldViolations;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The renewal confirmation form of the district page: the same record and checks as
 * {@code POST /api/partnerships/{reference}/renewal-confirmation}; errors are shown next to their
 * fields and in the summary with what was typed kept, and nothing is written.
 *
 * <p>Like the application page ({@link DistrictApplicationPage}, {@link FormRows}): the schools, the courses (sections
 * per school) and the new teachers are lists of rows, pre-filled with last year's; rows are added and removed in
 * place with JavaScript ({@code static/district/rows.js}), and without it the form has empty rows to spare and "Add
 * rows" buttons that show it again with what was typed and more empty rows, up to an application's limits. A course's
 * and a new teacher's school is chosen from the schools entered. A cleared row is no input: a school cleared is
 * removed (its teachers must be answered "does not return"), a course cleared is dropped. A form without school rows
 * (from before the rows) changes only the sections it lists, as the API without {@code schools}.
 */
@Controller
public class DistrictRenewalPage {

  static final Map<String, Integer> SPARE_ROWS = Map.of("schools", 2, "sections", 3, "newTeachers", 10);
  static final FormRows ROWS = new FormRows(
      Map.of("schools", 3, "sections", 4, "newTeachers", 10),
      Map.of("schools", 5, "sections", 5, "newTeachers", 10),
      Map.of("schools", PartnershipApplication.MAX_SCHOOLS, "sections", PartnershipApplication.MAX_COURSES,
          "newTeachers", PartnershipApplication.MAX_TEACHERS),
      Map.of("schools", List.of("name", "level"), "sections", List.of("course", "school", "sections"),
          "newTeachers", List.of("name", "email", "school", "course")));

  private final RenewalConfirmations confirmations;
  private final DistrictPartnershipPage page;

  public DistrictRenewalPage(RenewalConfirmations confirmations, DistrictPartnershipPage page) {
    this.confirmations = confirmations;
    this.page = page;
  }

  /**
   * The form's one endpoint. {@code action}: {@code add-schools}, {@code add-sections}, {@code add-newTeachers} (the
   * page again with more empty rows, nothing checked or written) or anything else (confirm). Answers a redirect to the
   * district page on success, 400 with the page and its errors, 409 when no confirmation is expected, 404 for a wrong
   * link; nothing is written unless the whole confirmation is valid.
   */
  @PostMapping("/district/partnerships/{reference}/renewal-confirmation")
  public String confirm(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach((name, list) -> {
      if (!"action".equals(name)) {
        values.put(name, list.isEmpty() ? "" : list.get(0));
      }
    });
    // The marker of a new course row in forms from before the rows: not input (a row counts once anything is typed).
    values.keySet().removeIf(name -> name.matches("^sections\\[\\d+]\\.new$"));
    String token = form.getFirst("token");
    String addTo = ROWS.addAction(form.getFirst("action"));
    if (addTo != null) {
      model.addAttribute(DistrictRenewalSection.ADD_ROWS_TO, addTo);
      return page.page(reference, token, model, values, Map.of(), null);
    }
    List<RenewalConfirmation.TeacherChoice> teachers = new ArrayList<>();
    for (int i = 0; i < PartnershipApplication.MAX_TEACHERS && values.containsKey("teachers[" + i + "].teacherId"); i++) {
      String p = "teachers[" + i + "].";
      teachers.add(new RenewalConfirmation.TeacherChoice(id(FormRows.value(values, p + "teacherId")),
          FormInput.bool(FormRows.value(values, p + "keep"))));
    }
    // Blank rows (the spare ones) are no input; errors name the row as typed.
    FormRows.Origins rows = new FormRows.Origins(values);
    List<RenewalConfirmation.NewTeacher> added = rows.list("newTeachers", p -> new RenewalConfirmation.NewTeacher(
        FormRows.value(values, p + "name"), FormRows.value(values, p + "email"), FormRows.value(values, p + "school"),
        FormRows.value(values, p + "course")));
    List<RenewalConfirmation.SectionCount> sections = rows.list("sections", p -> new RenewalConfirmation.SectionCount(
        FormRows.value(values, p + "school"), FormRows.value(values, p + "course"),
        FormInput.integer(FormRows.value(values, p + "sections"))));
    boolean schoolRows = values.keySet().stream().anyMatch(name -> name.startsWith("schools["));
    List<SchoolInfo> schools = !schoolRows ? null : rows.list("schools",
        p -> new SchoolInfo(FormRows.value(values, p + "name"), FormRows.value(values, p + "level")));
    try {
      confirmations.confirm(reference, token, new RenewalConfirmation(teachers, added, sections, schools));
      return "redirect:/district/partnerships/" + reference + "?token="
          + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8) + "&done=renewal";
    } catch (ConstraintViolationException e) {
      return invalid(reference, token, FieldViolations.of(e.getConstraintViolations()), rows, values, response, model);
    } catch (InvalidRenewalException e) {
      return invalid(reference, token, e.getViolations(), rows, values, response, model);
    } catch (NotWaitingException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page.page(reference, token, model, values, Map.of(), e.getMessage());
    }
  }

  private String invalid(String reference, String token, List<FieldViolation> violations, FormRows.Origins rows,
      Map<String, String> values, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation violation : violations) {
      String field = rows.formField(violation.field().replaceFirst("^confirmation\\.", ""));
      errors.merge(field, violation.message(), (a, b) -> a + "; " + b);
    }
    return page.page(reference, token, model, values, errors, null);
  }

  /** Not a number: an id no teacher has, so the shared check names the row. */
  private static Long id(String value) {
    try {
      return value == null ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  @ExceptionHandler(DistrictAccessDenied.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound() {
    return "district/not-found";
  }
}
