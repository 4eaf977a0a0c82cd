package org.codeorg.partnerships.deliverables;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.SchoolYears;
import org.codeorg.partnerships.partnership.TeacherPdStatus;
import org.codeorg.partnerships.pd.PdPhaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Code.org's side of the terms as steps: the marketing kit after plan approval, Hour of Code
 * materials before CS Education Week, teacher-leader nominations after PD.
 */
@Service
@Transactional
public class DeliverableSteps {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
  /** Hour of Code materials go out this many days before CS Education Week starts. */
  static final int HOUR_OF_CODE_LEAD_DAYS = 21;

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final PdPhaseRepository phases;
  private final Clock clock;

  public DeliverableSteps(PartnershipProgress progress, PartnershipEmails emails, PdPhaseRepository phases, Clock clock) {
    this.progress = progress;
    this.emails = emails;
    this.phases = phases;
    this.clock = clock;
  }

  public void sendMarketingKit(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    emails.toDistrict(p, Milestone.MARKETING_KIT, processInstanceId, null, Map.of());
    progress.record(p, "MARKETING_KIT_SENT", null);
  }

  /**
   * When the next Hour of Code materials go out: three weeks before the next CS Education Week
   * (the week of 9 December) that falls in the partnership's school year; empty when none is left.
   */
  public Optional<Date> nextHourOfCode(Long partnershipId) {
    Partnership p = progress.load(partnershipId);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate week = csEducationWeek(SchoolYears.start(p.getSchoolYear()).getYear());
    LocalDate send = week.minusDays(HOUR_OF_CODE_LEAD_DAYS);
    if (today.isAfter(week) || week.isAfter(SchoolYears.end(p.getSchoolYear()))) {
      return Optional.empty();
    }
    return Optional.of(Date.from((send.isBefore(today) ? today : send).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  public void sendHourOfCode(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    LocalDate week = csEducationWeek(SchoolYears.start(p.getSchoolYear()).getYear());
    emails.toDistrict(p, Milestone.HOUR_OF_CODE, processInstanceId, String.valueOf(week.getYear()), Map.of(
        "csEdWeek", DAY.format(week) + "–" + Dates.LONG.format(week.plusDays(6))));
    progress.record(p, "HOUR_OF_CODE_MATERIALS_SENT", "CS Education Week " + week);
  }

  /** Asks the district to nominate teachers who completed PD as future facilitators. */
  public void requestTeacherLeaderNominations(Long partnershipId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    Map<Long, Integer> hours = new java.util.HashMap<>();
    phases.findByPartnershipIdOrderByTeacherIdAscPhaseNumberAsc(partnershipId)
        .forEach(ph -> hours.merge(ph.getTeacherId(), ph.getHoursEarned(), Integer::sum));
    List<Map<String, Object>> certified = p.getTeachers().stream()
        .filter(t -> t.getPdStatus() == TeacherPdStatus.COMPLETED)
        .map(t -> Map.<String, Object>of("name", t.getName(), "course", t.getCourse().title(),
            "hours", hours.getOrDefault(t.getId(), 0)))
        .toList();
    emails.toDistrict(p, Milestone.TEACHER_LEADER_NOMINATIONS, processInstanceId, null, Map.of("teachers", certified));
    progress.record(p, "TEACHER_LEADER_NOMINATIONS_REQUESTED", certified.size() + " teachers completed PD");
  }

  /** CS Education Week is held in the week of Grace Hopper's birthday, 9 December: from the Monday of that week. */
  static LocalDate csEducationWeek(int year) {
    return LocalDate.of(year, 12, 9).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
