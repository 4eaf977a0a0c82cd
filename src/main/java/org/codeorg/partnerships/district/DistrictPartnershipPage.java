package org.codeorg.partnerships.district;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.codeorg.partnerships.application.InformationAnswer;
import org.codeorg.partnerships.application.InformationAnswers;
import org.codeorg.partnerships.application.InformationRequestRepository;
import org.codeorg.partnerships.classroom.SectionFacts;
import org.codeorg.partnerships.classroom.SectionReadinessReports;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.common.FieldViolations;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.evaluation.EvaluationData;
import org.codeorg.partnerships.evaluation.EvaluationSubmissions;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEventRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.SectionReadiness;
import org.codeorg.partnerships.partnership.TeacherPdStatus;
import org.codeorg.partnerships.pd.CommitmentAnswer;
import org.codeorg.partnerships.pd.TeacherCommitments;
import org.codeorg.partnerships.plan.PlanSections;
import org.codeorg.partnerships.plan.PlanSubmissions;
import org.codeorg.partnerships.pd.PdCertificates;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The page behind the link in every district email: where the partnership stands, what comes
 * next, its milestones, and the forms the district answers with at that stage (a question, the
 * plan, teachers' guarantees, sections' set-up, evaluation data). Forms post to the feature
 * services the JSON API calls, with the same records and checks; errors are shown next to their
 * fields. Opened by the partnership's token only; anything else is the same 404.
 */
@Controller
public class DistrictPartnershipPage {

  private static final Map<PartnershipStage, String> NEXT_STEPS = Map.of(
      PartnershipStage.APPLICATION_REVIEW, "A partnership manager is reviewing your application. We will email you the decision.",
      PartnershipStage.AWAITING_INFORMATION, "We asked you a question (below). Please answer it within 30 days of the question.",
      PartnershipStage.TERMS_SIGNATURE, "Please sign the partnership agreement we sent you and return it to the partnership team.",
      PartnershipStage.COMPREHENSIVE_PLAN, "Please submit your comprehensive plan below: vision, implementation, promotion and community support.",
      PartnershipStage.PLAN_APPROVED, "Your plan is approved. Professional development and classroom set-up come next; we will contact you.",
      PartnershipStage.IMPLEMENTATION, "Professional development and classroom set-up are under way: confirm each teacher's commitment and report each section's set-up below.",
      PartnershipStage.EVALUATION, "The school year has ended: please send your results per course for the program evaluation below.",
      PartnershipStage.DECLINED, "This application was declined.",
      PartnershipStage.WITHDRAWN, "This partnership was withdrawn.");

  private static final Map<String, String> DONE = Map.of(
      "information", "Thank you: we received your answer.",
      "plan", "Thank you: we received your comprehensive plan. A partnership manager will review it.",
      "commitment", "Thank you: we recorded the teacher's answer.",
      "readiness", "Thank you: we received the section's set-up and will email you if anything is missing.",
      "evaluation", "Thank you: we received your results for the program evaluation.",
      "renewal", "Thank you: we received your teachers and sections for the next school year.");

  private static final Map<String, String> PLAN_PARTS = planParts();
  /** Downloads also take the token as the API does (an HR system fetching the CSV); links carry it in the query. */
  private static final String TOKEN_HEADER = "X-Partnership-Token";

  private final DistrictAccess access;
  private final PartnershipEventRepository events;
  private final InformationRequestRepository informationRequests;
  private final InformationAnswers informationAnswers;
  private final PlanSubmissions planSubmissions;
  private final TeacherCommitments teacherCommitments;
  private final SectionReadinessReports readinessReports;
  private final EvaluationSubmissions evaluationSubmissions;
  private final TransactionTemplate readOnly;
  private final DistrictRenewalSection renewalSection;
  private final DistrictPdView pdView;
  private final PdCertificates certificates;

  public DistrictPartnershipPage(DistrictAccess access, PartnershipEventRepository events,
      InformationRequestRepository informationRequests, InformationAnswers informationAnswers,
      PlanSubmissions planSubmissions, TeacherCommitments teacherCommitments, SectionReadinessReports readinessReports,
      EvaluationSubmissions evaluationSubmissions, TransactionTemplate transactions,
      DistrictRenewalSection renewalSection, DistrictPdView pdView, PdCertificates certificates) {
    this.renewalSection = renewalSection;
    this.pdView = pdView;
    this.certificates = certificates;
    this.access = access;
    this.events = events;
    this.informationRequests = informationRequests;
    this.informationAnswers = informationAnswers;
    this.planSubmissions = planSubmissions;
    this.teacherCommitments = teacherCommitments;
    this.readinessReports = readinessReports;
    this.evaluationSubmissions = evaluationSubmissions;
    this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
    this.readOnly.setReadOnly(true);
  }

  @GetMapping("/district/partnerships/{reference}")
  public String partnership(@PathVariable String reference, @RequestParam(value = "token", required = false) String token,
      @RequestParam(value = "done", required = false) String done, Model model) {
    model.addAttribute("done", done == null ? null : DONE.get(done));
    return page(reference, token, model, Map.of(), Map.of(), null);
  }

  /**
   * The PD hours report as a printable page: one row per teacher per completed phase with its dates
   * and hours. A wrong token is the district's 404 page.
   */
  @GetMapping("/district/partnerships/{reference}/pd-hours")
  public String hoursReport(@PathVariable String reference, @RequestParam(value = "token", required = false) String query,
      @RequestHeader(value = TOKEN_HEADER, required = false) String header,
      Model model) {
    String token = header != null ? header : query;
    readOnly.executeWithoutResult(status -> {
      Partnership partnership = access.open(reference, token);
      List<List<String>> rows = pdView.hoursReport(partnership);
      model.addAttribute("reference", partnership.getReference());
      model.addAttribute("district", partnership.getDistrict().getName());
      model.addAttribute("schoolYear", partnership.getSchoolYear());
      model.addAttribute("columns", DistrictPdView.REPORT_COLUMNS);
      model.addAttribute("rows", rows);
      model.addAttribute("totalHours", rows.stream().mapToInt(r -> Integer.parseInt(r.get(r.size() - 1))).sum());
      model.addAttribute("token", token);
    });
    return "district/pd-hours";
  }

  /**
   * The PD hours report as CSV (UTF-8 with a byte order mark, RFC 4180; formula-like cells neutralised
   * with a leading apostrophe), as a download named after the partnership.
   */
  @GetMapping(value = "/district/partnerships/{reference}/pd-hours.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> hoursReportCsv(@PathVariable String reference,
      @RequestParam(value = "token", required = false) String query,
      @RequestHeader(value = TOKEN_HEADER, required = false) String header) {
    String token = header != null ? header : query;
    String csv = readOnly.execute(status -> DistrictPdView.csv(pdView.hoursReport(access.open(reference, token))));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("pd-hours-" + reference + ".csv").build().toString())
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A teacher's PD certificate as PDF. 404 (the district's page) for another partnership's teacher or a
   * teacher without a certificate yet.
   */
  @GetMapping("/district/partnerships/{reference}/teachers/{teacherId}/certificate.pdf")
  public ResponseEntity<byte[]> certificate(@PathVariable String reference, @PathVariable Long teacherId,
      @RequestParam(value = "token", required = false) String query,
      @RequestHeader(value = TOKEN_HEADER, required = false) String header) {
    String token = header != null ? header : query;
    Optional<byte[]> pdf = readOnly.execute(status -> {
      Partnership partnership = access.open(reference, token);
      return partnership.getTeachers().stream().anyMatch(t -> t.getId().equals(teacherId))
          ? certificates.pdf(teacherId) : Optional.<byte[]>empty();
    });
    if (pdf.isEmpty()) {
      throw new DistrictAccessDenied();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("pd-certificate-" + reference + "-" + teacherId + ".pdf").build().toString())
        .body(pdf.get());
  }

  @PostMapping("/district/partnerships/{reference}/information")
  public String answer(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response, Model model) {
    return submit(reference, form, "information", response, model, "",
        () -> informationAnswers.answer(reference, token(form), new InformationAnswer(value(form, "answer"))));
  }

  @PostMapping("/district/partnerships/{reference}/plan")
  public String plan(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response, Model model) {
    return submit(reference, form, "plan", response, model, "", () -> planSubmissions.submit(reference, token(form),
        new PlanSections(value(form, "vision"), value(form, "implementation"), value(form, "promotion"),
            value(form, "communitySupport"))));
  }

  @PostMapping("/district/partnerships/{reference}/teachers/{teacherId}/commitment")
  public String commitment(@PathVariable String reference, @PathVariable Long teacherId,
      @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
    String p = "teacher-" + teacherId + "-";
    return submit(reference, form, "commitment", response, model, p, () -> teacherCommitments.answer(reference,
        token(form), teacherId, new CommitmentAnswer(FormInput.bool(value(form, p + "commits")))));
  }

  @PostMapping("/district/partnerships/{reference}/sections/{sectionId}/readiness")
  public String readiness(@PathVariable String reference, @PathVariable Long sectionId,
      @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
    String p = "section-" + sectionId + "-";
    return submit(reference, form, "readiness", response, model, p, () -> readinessReports.report(reference,
        token(form), sectionId, new SectionFacts(value(form, p + "timeSlot"), value(form, p + "room"),
            value(form, p + "courseCode"), FormInput.bool(value(form, p + "oneToOneComputing")),
            FormInput.integer(value(form, p + "bandwidthMbps")), FormInput.bool(value(form, p + "materialsReady")),
            FormInput.decimal(value(form, p + "materialsCostPerClass")))));
  }

  @PostMapping("/district/partnerships/{reference}/evaluation-data")
  public String evaluation(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response, Model model) {
    List<EvaluationData.CourseCounts> courses = new ArrayList<>();
    for (int i = 0; value(form, "courses[" + i + "].course") != null && i < 20; i++) {
      String p = "courses[" + i + "].";
      courses.add(new EvaluationData.CourseCounts(value(form, p + "course"),
          FormInput.integer(value(form, p + "sectionsTaught")), FormInput.integer(value(form, p + "studentsEnrolled")),
          FormInput.integer(value(form, p + "studentsCompleted"))));
    }
    return submit(reference, form, "evaluation", response, model, "",
        () -> evaluationSubmissions.submit(reference, token(form), new EvaluationData(courses)));
  }

  /** Runs a submission: success redirects to the page (no resubmission on reload), errors show the page again. */
  private String submit(String reference, MultiValueMap<String, String> form, String done, HttpServletResponse response,
      Model model, String fieldPrefix, Runnable submission) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
    try {
      submission.run();
      return "redirect:/district/partnerships/" + reference + "?token="
          + URLEncoder.encode(token(form) == null ? "" : token(form), StandardCharsets.UTF_8) + "&done=" + done;
    } catch (ConstraintViolationException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldViolation violation : FieldViolations.of(e.getConstraintViolations())) {
        errors.merge(fieldPrefix + violation.field(), violation.message(), (a, b) -> a + "; " + b);
      }
      return page(reference, token(form), model, values, errors, null);
    } catch (NotWaitingException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(reference, token(form), model, values, Map.of(), e.getMessage());
    }
  }

  /** The page with what was typed, its errors and a problem; also the renewal form's answer to bad input. */
  String page(String reference, String token, Model model, Map<String, String> values,
      Map<String, String> errors, String problem) {
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("errorLabels", FieldLabels.of(errors));
    model.addAttribute("problem", problem);
    model.addAttribute("yesNo", Map.of("true", "Yes", "false", "No"));
    // After what was typed: the renewal's part fills its rows from it (or from last year's on a first view).
    readOnly.executeWithoutResult(status -> fill(access.open(reference, token), token, model));
    return "district/partnership";
  }

  private void fill(Partnership partnership, String token, Model model) {
    PartnershipStage stage = partnership.getStage();
    model.addAttribute("token", token);
    model.addAttribute("reference", partnership.getReference());
    model.addAttribute("district", partnership.getDistrict().getName());
    model.addAttribute("schoolYear", partnership.getSchoolYear());
    model.addAttribute("stage", stage.label());
    model.addAttribute("nextStep", NEXT_STEPS.getOrDefault(stage, ""));
    model.addAttribute("question", stage == PartnershipStage.AWAITING_INFORMATION
        ? informationRequests.findFirstByPartnershipIdAndAnsweredAtIsNullOrderByAskedAtDesc(partnership.getId())
            .map(q -> q.getQuestion()).orElse(null)
        : null);
    model.addAttribute("planExpected", stage == PartnershipStage.COMPREHENSIVE_PLAN);
    model.addAttribute("planParts", PLAN_PARTS);
    boolean implementation = stage == PartnershipStage.IMPLEMENTATION;
    model.addAttribute("teachersAwaiting", !implementation ? List.of() : partnership.getTeachers().stream()
        .filter(t -> t.getPdStatus() == TeacherPdStatus.AWAITING_COMMITMENT)
        .map(t -> Map.of("id", t.getId(), "name", t.getName(), "course", t.getCourse().title(),
            "school", t.getSchool().getName())).toList());
    model.addAttribute("sectionsToReport", !implementation ? List.of() : partnership.getSections().stream()
        .filter(s -> s.getReadiness() == SectionReadiness.NOT_REPORTED || s.getReadiness() == SectionReadiness.NOT_READY)
        .map(DistrictPartnershipPage::section).toList());
    model.addAttribute("evaluationCourses", stage != PartnershipStage.EVALUATION ? List.of()
        : partnership.getSections().stream().map(s -> s.getCourse()).distinct()
            .map(c -> Map.of("code", c.name(), "title", c.title())).toList());
    List<Map<String, Object>> pdTeachers = pdView.teachers(partnership);
    boolean pdStarted = switch (stage) {
      case PLAN_APPROVED, IMPLEMENTATION, EVALUATION, CLOSED -> true;
      default -> false;
    };
    model.addAttribute("pdTeachers", pdStarted ? pdTeachers : List.of());
    model.addAttribute("sectionStatus", implementation || stage == PartnershipStage.EVALUATION
        ? pdView.sections(partnership) : List.of());
    model.addAttribute("evaluation", pdView.evaluation(partnership).orElse(null));
    model.addAttribute("milestones", events.findByPartnershipIdOrderByOccurredAtAscIdAsc(partnership.getId()).stream()
        .map(e -> Map.<String, Object>of("event", e.getEvent().replace('_', ' ').toLowerCase(),
            "date", e.getOccurredAt().toString().substring(0, 10))).toList());
    renewalSection.fill(partnership, model);
  }

  private static Map<String, String> planParts() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("vision", "The district's vision for computer science");
    parts.put("implementation", "How the district will implement the programs");
    parts.put("promotion", "How the district will promote the program to teachers and students");
    parts.put("communitySupport", "Support for the partnership within the district and the local community");
    return parts;
  }

  private static Map<String, Object> section(CourseSection s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", s.getId());
    view.put("label", s.label());
    view.put("materials", s.getCourse().materials());
    view.put("reasons", s.getReadiness() == SectionReadiness.NOT_READY ? s.getReadinessReasons() : null);
    return view;
  }

  private static String token(MultiValueMap<String, String> form) {
    return form.getFirst("token");
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
