package org.codeorg.partnerships.district;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.codeorg.partnerships.application.InvalidRenewalException;
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
 * fields with what was typed kept, and nothing is written.
 */
@Controller
public class DistrictRenewalPage {

  private static final Pattern NEW_TEACHER_FIELD = Pattern.compile("^newTeachers\\[(\\d+)](.*)$");
  private static final Pattern SECTION_FIELD = Pattern.compile("^sections\\[(\\d+)](.*)$");
  private static final int MAX_ROWS = 2000;

  private final RenewalConfirmations confirmations;
  private final DistrictPartnershipPage page;

  public DistrictRenewalPage(RenewalConfirmations confirmations, DistrictPartnershipPage page) {
    this.confirmations = confirmations;
    this.page = page;
  }

  @PostMapping("/district/partnerships/{reference}/renewal-confirmation")
  public String confirm(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
    String token = form.getFirst("token");
    List<RenewalConfirmation.TeacherChoice> teachers = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS && form.containsKey("teachers[" + i + "].teacherId"); i++) {
      String p = "teachers[" + i + "].";
      teachers.add(new RenewalConfirmation.TeacherChoice(id(value(form, p + "teacherId")),
          FormInput.bool(value(form, p + "keep"))));
    }
    // Blank rows (the spare ones of a form without JavaScript) are no input; errors name the row as typed.
    List<RenewalConfirmation.NewTeacher> added = new ArrayList<>();
    List<Integer> addedRows = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS && form.containsKey("newTeachers[" + i + "].name"); i++) {
      String p = "newTeachers[" + i + "].";
      if (value(form, p + "name") != null || value(form, p + "email") != null) {
        added.add(new RenewalConfirmation.NewTeacher(value(form, p + "name"), value(form, p + "email"),
            value(form, p + "school"), value(form, p + "course")));
        addedRows.add(i);
      }
    }
    // Offers of last year have a number (kept as is when unchanged); a new offer's row counts once any of it is filled.
    List<RenewalConfirmation.SectionCount> sections = new ArrayList<>();
    List<Integer> sectionRows = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS && form.containsKey("sections[" + i + "].sections"); i++) {
      String p = "sections[" + i + "].";
      boolean blank = value(form, p + "sections") == null && value(form, p + "school") == null
          && value(form, p + "course") == null;
      if (!(form.containsKey(p + "new") && blank)) {
        sections.add(new RenewalConfirmation.SectionCount(value(form, p + "school"), value(form, p + "course"),
            FormInput.integer(value(form, p + "sections"))));
        sectionRows.add(i);
      }
    }
    try {
      confirmations.confirm(reference, token, new RenewalConfirmation(teachers, added, sections));
      return "redirect:/district/partnerships/" + reference + "?token="
          + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8) + "&done=renewal";
    } catch (ConstraintViolationException e) {
      return invalid(reference, token, FieldViolations.of(e.getConstraintViolations()), addedRows, sectionRows, values,
          response, model);
    } catch (InvalidRenewalException e) {
      return invalid(reference, token, e.getViolations(), addedRows, sectionRows, values, response, model);
    } catch (NotWaitingException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page.page(reference, token, model, values, Map.of(), e.getMessage());
    }
  }

  private String invalid(String reference, String token, List<FieldViolation> violations, List<Integer> addedRows,
      List<Integer> sectionRows, Map<String, String> values, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation violation : violations) {
      String field = row(row(violation.field(), NEW_TEACHER_FIELD, "newTeachers", addedRows), SECTION_FIELD,
          "sections", sectionRows);
      errors.merge(field.replaceFirst("^confirmation\\.", ""), violation.message(), (a, b) -> a + "; " + b);
    }
    return page.page(reference, token, model, values, errors, null);
  }

  /** "newTeachers[1].email" of the record → the form row it came from. */
  private static String row(String field, Pattern pattern, String name, List<Integer> rows) {
    Matcher matcher = pattern.matcher(field);
    if (!matcher.matches()) {
      return field;
    }
    int index = Integer.parseInt(matcher.group(1));
    return name + "[" + (index < rows.size() ? rows.get(index) : index) + "]" + matcher.group(2);
  }

  /** Not a number: an id no teacher has, so the shared check names the row. */
  private static Long id(String value) {
    try {
      return value == null ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  private static String value(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null || value.isBlank() ? null : value;
  }

  @ExceptionHandler(DistrictAccessDenied.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound() {
    return "district/not-found";
  }
}
