package org.codeorg.partnerships.application;

import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.codeorg.partnerships.application.PartnershipApplication.CourseOffer;
import org.codeorg.partnerships.application.PartnershipApplication.LeaderInfo;
import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.PartnershipApplication.TeacherInfo;
import org.codeorg.partnerships.engine.TextVariables;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.District;
import org.codeorg.partnerships.partnership.DistrictAccessTokens;
import org.codeorg.partnerships.partnership.DistrictRepository;
import org.codeorg.partnerships.partnership.LeaderRole;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipReferences;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.School;
import org.codeorg.partnerships.partnership.SchoolLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a district's application: validates it, stores the partnership with its schools,
 * sections, teachers and leaders, issues the district access token and queues the
 * "application received" email with the token link, all in the caller's transaction.
 */
@Service
public class ApplicationService {

  private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
  private static final String FULL_LIST = "the full list is in the partnership's staff view";

  private final ApplicationValidator validator;
  private final PartnershipRepository partnerships;
  private final DistrictRepository districts;
  private final PartnershipReferences references;
  private final DistrictAccessTokens tokens;
  private final PartnershipEmails emails;
  private final PartnershipProgress progress;
  private final OutboxMailProperties mailProperties;
  private final Clock clock;

  public ApplicationService(ApplicationValidator validator, PartnershipRepository partnerships,
      DistrictRepository districts, PartnershipReferences references, DistrictAccessTokens tokens,
      PartnershipEmails emails, PartnershipProgress progress, OutboxMailProperties mailProperties, Clock clock) {
    this.validator = validator;
    this.partnerships = partnerships;
    this.districts = districts;
    this.references = references;
    this.tokens = tokens;
    this.emails = emails;
    this.progress = progress;
    this.mailProperties = mailProperties;
    this.clock = clock;
  }

  /**
   * @param reservedReference the number the intake took before starting the lifecycle, or null (an
   *     application keyed in through Tasklist's start form): then one is taken here
   */
  @Transactional
  public RegisteredPartnership register(PartnershipApplication application, String reservedReference,
      String processInstanceId) {
    List<FieldViolation> violations = validator.validate(application);
    if (!violations.isEmpty()) {
      throw new InvalidApplicationException(violations);
    }
    String ncesId = application.district().ncesId();
    partnerships.findByDistrictNcesIdAndSchoolYear(ncesId, application.schoolYear()).ifPresent(existing -> {
      throw new DuplicateApplicationException(existing.getReference());
    });

    Instant now = clock.instant();
    District district = districts.findByNcesId(ncesId).orElseGet(() -> districts.save(
        new District(application.district().name().trim(), ncesId, application.district().state(), now)));
    String reference = reservedReference != null ? reservedReference : references.next();
    String token = tokens.tokenFor(reference, 1);
    Partnership partnership = new Partnership(reference, district, application.schoolYear(),
        new Partnership.Contact(application.contact().name().trim(), application.contact().email().trim(),
            application.contact().phone()),
        new Partnership.Technology(application.technology().oneToOneComputing(),
            application.technology().bandwidthMbps()),
        DistrictAccessTokens.hash(token), mailProperties.defaultReplyTo(), now);
    addSchoolsAndPeople(partnership, application);
    partnership.attachProcessInstance(processInstanceId);
    partnerships.save(partnership);

    progress.record(partnership, "APPLICATION_RECEIVED", null);
    emails.toDistrict(partnership, Milestone.APPLICATION_RECEIVED, processInstanceId, null, Map.of());
    log.info("Registered partnership {} (process instance {})", partnership.getReference(), processInstanceId);
    return new RegisteredPartnership(partnership.getId(), partnership.getReference(), partnership.getStage(),
        district.getName(), reviewSummary(partnership));
  }

  private static void addSchoolsAndPeople(Partnership partnership, PartnershipApplication application) {
    for (SchoolInfo school : application.schools()) {
      partnership.addSchool(school.name().trim(), SchoolLevel.valueOf(school.level().trim()));
    }
    for (CourseOffer offer : application.courses()) {
      partnership.addSections(school(partnership, offer.school()), Course.valueOf(offer.course().trim()),
          offer.sections());
    }
    for (TeacherInfo teacher : application.teachers()) {
      partnership.addTeacher(school(partnership, teacher.school()), teacher.name().trim(), teacher.email().trim(),
          Course.valueOf(teacher.course().trim()));
    }
    for (LeaderInfo leader : application.leaders()) {
      partnership.addLeader(school(partnership, leader.school()), leader.name().trim(), leader.email().trim(),
          LeaderRole.valueOf(leader.role().trim()));
    }
  }

  private static School school(Partnership partnership, String name) {
    return partnership.findSchool(name.trim()).orElseThrow();
  }

  /** The facts the "Review application" form shows, as text variables the form templates read. */
  private static Map<String, Object> reviewSummary(Partnership p) {
    Map<String, Object> summary = new LinkedHashMap<>();
    LifecycleProcess.DISTRICT_STATE.putIn(summary, p.getDistrict().getState());
    LifecycleProcess.SCHOOL_YEAR.putIn(summary, p.getSchoolYear());
    LifecycleProcess.CONTACT_SUMMARY.putIn(summary, p.getContactName() + " <" + p.getContactEmail() + ">"
        + (p.getContactPhone() == null || p.getContactPhone().isBlank() ? "" : ", " + p.getContactPhone()));
    LifecycleProcess.SCHOOLS_SUMMARY.putIn(summary, TextVariables.fit(p.getSchools().stream()
        .map(s -> s.getName() + " (" + s.getLevel().name().toLowerCase() + ")")
        .collect(Collectors.joining(", ")), FULL_LIST));
    Map<String, Long> sectionsPerOffer = p.getSections().stream().collect(Collectors.groupingBy(
        s -> s.getCourse() + " at " + s.getSchool().getName(), LinkedHashMap::new, Collectors.counting()));
    LifecycleProcess.COURSES_SUMMARY.putIn(summary, TextVariables.fit(sectionsPerOffer.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " section" : " sections"))
        .collect(Collectors.joining("; ")), FULL_LIST));
    LifecycleProcess.TEACHERS_SUMMARY.putIn(summary, TextVariables.fit(p.getTeachers().size() + " teacher(s): " + p.getTeachers().stream()
        .map(t -> t.getName() + " (" + t.getCourse() + ")")
        .collect(Collectors.joining(", ")), FULL_LIST));
    LifecycleProcess.TECHNOLOGY_SUMMARY.putIn(summary, (p.isOneToOneComputing() ? "1:1 computing" : "no 1:1 computing") + ", "
        + p.getBandwidthMbps() + " Mb/s");
    return summary;
  }
}
