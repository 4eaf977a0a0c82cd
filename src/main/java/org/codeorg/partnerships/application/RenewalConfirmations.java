package org.codeorg.partnerships.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;

import org.codeorg.partnerships.application.PartnershipApplication.SchoolInfo;
import org.codeorg.partnerships.application.RenewalConfirmation.NewTeacher;
import org.codeorg.partnerships.application.RenewalConfirmation.SectionCount;
import org.codeorg.partnerships.application.RenewalConfirmation.TeacherChoice;
import org.codeorg.partnerships.common.ControlCharacters;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.engine.ConcurrentSubmission;
import org.codeorg.partnerships.engine.TextVariables;
import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.School;
import org.codeorg.partnerships.partnership.SchoolLevel;
import org.codeorg.partnerships.partnership.Teacher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The district confirms (or changes) what a renewal carried over: which teachers stay, who joins,
 * how many sections of each course each school offers. Then "Review renewal" opens for the
 * partnership managers.
 */
@Service
@Validated
public class RenewalConfirmations {

  private static final String NOT_WAITING = "The partnership is not waiting for a renewal confirmation";

  private final DistrictAccess access;
  private final PartnershipProgress progress;
  private final LifecycleMessages messages;
  private final Clock clock;
  private final EntityManager entityManager;

  public RenewalConfirmations(DistrictAccess access, PartnershipProgress progress, LifecycleMessages messages,
      Clock clock, EntityManager entityManager) {
    this.entityManager = entityManager;
    this.access = access;
    this.progress = progress;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Checks the whole confirmation against the partnership, then applies it and moves the
   * partnership to {@code RENEWAL_REVIEW}; on any error nothing is written.
   *
   * @return the number of teachers and of sections of the next school year
   * @throws jakarta.validation.ConstraintViolationException a field missing or out of range, before the token is
   *     looked at (400, each field named)
   * @throws org.codeorg.partnerships.partnership.DistrictAccessDenied unknown reference or wrong token (404)
   * @throws NotWaitingException no renewal confirmation is expected (already confirmed, or no renewal): 409
   * @throws InvalidRenewalException a teacher not answered or answered twice, an unknown teacher or school, a course
   *     at a school of another level, a teacher whose course has no section, an email twice, nobody left, a school
   *     listed twice or with another level than last year, a teacher kept at a school removed (400)
   */
  @ConcurrentSubmission("The renewal was confirmed at the same moment")
  @Transactional
  public Confirmed confirm(String reference, String token, @Valid RenewalConfirmation confirmation) {
    Partnership partnership = access.openForChange(reference, token);
    if (partnership.getStage() != PartnershipStage.RENEWAL_CONFIRMATION) {
      throw new NotWaitingException(NOT_WAITING);
    }
    Plan plan = check(partnership, confirmation);
    plan.removed.forEach(partnership::removeTeacher);
    if (!plan.removedSchools.isEmpty()) {
      plan.removedSchools.forEach(partnership::removeFromSchool);
      // Sections, teachers and leaders are deleted before their school (the foreign keys); Hibernate would delete
      // the orphaned schools first, as their collection comes first.
      entityManager.flush();
      plan.removedSchools.forEach(partnership::removeSchool);
    }
    plan.newSchools.forEach(partnership::addSchool);
    plan.sections.forEach((offer, count) -> partnership.changeSections(partnership.findSchool(offer.school).orElseThrow(),
        offer.course, count));
    for (int i = 0; i < confirmation.newTeachers().size(); i++) {
      NewTeacher added = confirmation.newTeachers().get(i);
      partnership.addTeacher(partnership.findSchool(plan.newTeacherSchools.get(i)).orElseThrow(), added.name().trim(),
          added.email().trim(), Course.valueOf(added.course().trim()));
    }
    partnership.confirmRenewal(clock.instant());
    String changes = changes(partnership, plan, confirmation);
    progress.moveTo(partnership, PartnershipStage.RENEWAL_REVIEW, "RENEWAL_CONFIRMED", changes);
    Map<String, Object> payload = LifecycleProcess.PARTNERSHIP_STAGE.with(PartnershipStage.RENEWAL_REVIEW);
    LifecycleProcess.RENEWAL_CHANGES.putIn(payload, TextVariables.fit(changes, "the full list is in the partnership's staff view"));
    messages.deliver(LifecycleProcess.MESSAGE_RENEWAL_CONFIRMED, reference, partnership.getProcessInstanceId(),
        Map.of(), payload, NOT_WAITING);
    return new Confirmed(partnership.getTeachers().size(), partnership.getSections().size());
  }

  /** The counts of the next school year after the confirmation. */
  public record Confirmed(int teachers, int sections) {
  }

  /** A course at a school, the school by its name as entered (names are compared ignoring case). */
  private record Offer(String school, Course course) {

    Offer {
      school = school.toLowerCase(Locale.ROOT);
    }
  }

  /** A school of the next school year: carried over ({@code carried} set) or new. */
  private record NextSchool(String name, SchoolLevel level, School carried) {
  }

  /** What a valid confirmation changes. */
  private static final class Plan {
    final List<Teacher> removed = new ArrayList<>();
    final Map<Offer, Integer> sections = new LinkedHashMap<>();
    /** The school of each new teacher, by name. */
    final List<String> newTeacherSchools = new ArrayList<>();
    final List<School> removedSchools = new ArrayList<>();
    final Map<String, SchoolLevel> newSchools = new LinkedHashMap<>();
    /** The schools of the next school year by lower-case name. */
    final Map<String, NextSchool> schools = new LinkedHashMap<>();

    Optional<NextSchool> school(String name) {
      return Optional.ofNullable(schools.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    boolean removes(School school) {
      return removedSchools.contains(school);
    }
  }

  private static Plan check(Partnership partnership, RenewalConfirmation confirmation) {
    List<FieldViolation> violations = new ArrayList<>();
    Plan plan = new Plan();
    schools(partnership, confirmation.schools(), plan, violations);
    Map<Long, Teacher> carried = new HashMap<>();
    partnership.getTeachers().forEach(t -> carried.put(t.getId(), t));
    Set<Long> answered = new HashSet<>();
    List<Teacher> staying = new ArrayList<>();
    for (int i = 0; i < confirmation.teachers().size(); i++) {
      TeacherChoice choice = confirmation.teachers().get(i);
      Teacher teacher = carried.get(choice.teacherId());
      if (teacher == null) {
        violations.add(new FieldViolation("teachers[" + i + "].teacherId", "is not a teacher of this partnership"));
      } else if (!answered.add(choice.teacherId())) {
        violations.add(new FieldViolation("teachers[" + i + "].teacherId", "is listed twice"));
      } else if (choice.keep() && plan.removes(teacher.getSchool())) {
        violations.add(new FieldViolation("teachers[" + i + "].keep", teacher.getName() + " teaches at "
            + teacher.getSchool().getName() + ", which is no longer among the schools: answer \"does not return\", "
            + "or keep the school"));
      } else if (choice.keep()) {
        staying.add(teacher);
      } else {
        plan.removed.add(teacher);
      }
    }
    List<String> unanswered = carried.values().stream().filter(t -> !answered.contains(t.getId()))
        .map(t -> t.getName() + " (teacherId " + t.getId() + ")").sorted().toList();
    if (!unanswered.isEmpty()) {
      violations.add(new FieldViolation("teachers", "must say for every teacher carried over whether they stay; missing: "
          + String.join(", ", unanswered)));
    }

    // With the schools listed, the sections list every offer: a carried-over offer not listed is dropped.
    Map<Offer, Integer> counts = new HashMap<>();
    partnership.getSections().stream().filter(s -> !plan.removes(s.getSchool())).forEach(s -> {
      Offer offer = new Offer(s.getSchool().getName(), s.getCourse());
      if (confirmation.schools() == null) {
        counts.merge(offer, 1, Integer::sum);
      } else {
        counts.put(offer, 0);
      }
    });
    Map<Offer, Integer> dropped = new LinkedHashMap<>(counts);
    Set<Offer> listed = new HashSet<>();
    for (int i = 0; i < confirmation.sections().size(); i++) {
      SectionCount change = confirmation.sections().get(i);
      String field = "sections[" + i + "]";
      Optional<NextSchool> school = school(plan, change.school(), field + ".school", violations);
      Course course = Course.valueOf(change.course().trim());
      if (school.isPresent() && course.level() != school.get().level()) {
        violations.add(new FieldViolation(field + ".course", "is a " + course.level().name().toLowerCase()
            + " school course; " + school.get().name() + " is a " + school.get().level().name().toLowerCase()
            + " school"));
      } else if (school.isPresent()) {
        Offer offer = new Offer(school.get().name(), course);
        if (!listed.add(offer)) {
          violations.add(new FieldViolation(field, "lists " + course + " at " + school.get().name() + " twice"));
        }
        plan.sections.put(offer, change.sections());
        counts.put(offer, change.sections());
      }
    }
    if (confirmation.schools() != null) {
      dropped.keySet().removeAll(listed);
      dropped.keySet().forEach(offer -> plan.sections.put(offer, 0));
    }

    // Every teacher carried over and not explicitly leaving keeps their email.
    Set<String> emails = new HashSet<>();
    carried.values().stream().filter(t -> !plan.removed.contains(t)).forEach(t -> emails.add(t.getEmail().toLowerCase()));
    for (int i = 0; i < confirmation.newTeachers().size(); i++) {
      NewTeacher added = confirmation.newTeachers().get(i);
      String field = "newTeachers[" + i + "]";
      Optional<NextSchool> school = school(plan, added.school(), field + ".school", violations);
      plan.newTeacherSchools.add(school.map(NextSchool::name).orElse(null));
      if (!emails.add(added.email().trim().toLowerCase())) {
        violations.add(new FieldViolation(field + ".email", "is already a teacher of the partnership"));
      }
      Course course = Course.valueOf(added.course().trim());
      if (school.isPresent() && counts.getOrDefault(new Offer(school.get().name(), course), 0) == 0) {
        violations.add(new FieldViolation(field + ".course", "has no section at " + school.get().name()
            + "; add sections of it first"));
      }
    }
    for (Teacher teacher : staying) {
      if (counts.getOrDefault(new Offer(teacher.getSchool().getName(), teacher.getCourse()), 0) == 0) {
        violations.add(new FieldViolation("sections", teacher.getName() + " stays to teach " + teacher.getCourse()
            + " at " + teacher.getSchool().getName() + ", which would have no section"));
      }
    }
    if (staying.isEmpty() && confirmation.newTeachers().isEmpty()) {
      violations.add(new FieldViolation("teachers", "must keep or add at least one teacher"));
    }
    if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      violations.add(new FieldViolation("sections", "must leave at least one section"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRenewalException(violations);
    }
    return plan;
  }

  /**
   * The schools of the next school year into {@code plan}: the carried-over ones, or those listed (a carried-over
   * school not listed is removed, a new name added; each name once; a carried-over school keeps its level).
   */
  private static void schools(Partnership partnership, List<SchoolInfo> listed, Plan plan,
      List<FieldViolation> violations) {
    if (listed == null) {
      partnership.getSchools().forEach(s -> plan.schools.put(s.getName().toLowerCase(Locale.ROOT),
          new NextSchool(s.getName(), s.getLevel(), s)));
      return;
    }
    for (int i = 0; i < listed.size(); i++) {
      String name = ControlCharacters.trimSpaces(listed.get(i).name());
      SchoolLevel level = SchoolLevel.valueOf(listed.get(i).level().trim());
      String key = name.toLowerCase(Locale.ROOT);
      Optional<School> carried = partnership.findSchool(name);
      if (plan.schools.containsKey(key)) {
        violations.add(new FieldViolation("schools[" + i + "].name", "is listed twice"));
      } else if (carried.isPresent() && carried.get().getLevel() != level) {
        violations.add(new FieldViolation("schools[" + i + "].level", "must stay " + carried.get().getLevel().name()
            .toLowerCase(Locale.ROOT) + ": " + carried.get().getName() + " was a " + carried.get().getLevel().name()
            .toLowerCase(Locale.ROOT) + " school last year (remove it and add the new school under its own name)"));
      } else {
        plan.schools.put(key, new NextSchool(carried.map(School::getName).orElse(name), level, carried.orElse(null)));
        if (carried.isEmpty()) {
          plan.newSchools.put(name, level);
        }
      }
    }
    partnership.getSchools().stream().filter(s -> !plan.schools.containsKey(s.getName().toLowerCase(Locale.ROOT)))
        .forEach(plan.removedSchools::add);
  }

  private static Optional<NextSchool> school(Plan plan, String name, String field, List<FieldViolation> violations) {
    Optional<NextSchool> school = plan.school(name);
    if (school.isEmpty()) {
      violations.add(new FieldViolation(field, "must be one of the partnership's schools: " + plan.schools.values()
          .stream().map(NextSchool::name).collect(Collectors.joining(", "))));
    }
    return school;
  }

  private static String changes(Partnership partnership, Plan plan, RenewalConfirmation confirmation) {
    List<String> lines = new ArrayList<>();
    lines.add(partnership.getTeachers().size() + " teacher(s), " + partnership.getSections().size() + " section(s).");
    if (!plan.removed.isEmpty()) {
      lines.add("Not returning: " + plan.removed.stream().map(Teacher::getName).collect(Collectors.joining(", ")) + ".");
    }
    if (!plan.removedSchools.isEmpty()) {
      lines.add("Schools removed: " + plan.removedSchools.stream().map(School::getName).collect(Collectors.joining(", "))
          + ".");
    }
    if (!plan.newSchools.isEmpty()) {
      lines.add("Schools added: " + plan.newSchools.entrySet().stream().map(e -> e.getKey() + " ("
          + e.getValue().name().toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining(", ")) + ".");
    }
    if (!confirmation.newTeachers().isEmpty()) {
      lines.add("New: " + confirmation.newTeachers().stream().map(t -> t.name().trim() + " (" + t.course().trim() + ")")
          .collect(Collectors.joining(", ")) + ".");
    }
    plan.sections.forEach((offer, count) -> lines.add(offer.course + " at " + partnership.findSchool(offer.school)
        .map(School::getName).orElse(offer.school) + ": " + count + " section(s)."));
    return String.join(" ", lines);
  }
}
