package org.codeorg.partnerships.pd;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.LeaderRole;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.SchoolLeader;
import org.codeorg.partnerships.partnership.SchoolYears;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counselor/Administrator PD of one participating high school (process {@code leadership-pd}). */
@Service
@Transactional
public class LeadershipPdSteps {

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final LeadershipEnrolmentRepository enrolments;
  private final PdProperties properties;
  private final Clock clock;

  public LeadershipPdSteps(PartnershipProgress progress, PartnershipEmails emails,
      LeadershipEnrolmentRepository enrolments, PdProperties properties, Clock clock) {
    this.progress = progress;
    this.emails = emails;
    this.enrolments = enrolments;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the attendance task shows: the program date and each leader's id with the label the checklist shows. */
  public record Enrolled(Date programDate, Map<Long, String> leaders) {
  }

  public Enrolled enrol(Long partnershipId, Long schoolId, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    List<SchoolLeader> leaders = leaders(p, schoolId);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate beforeSchool = SchoolYears.start(p.getSchoolYear()).minusMonths(2);
    LocalDate earliest = today.plusDays(properties.leadershipProgramDays());
    LocalDate programDate = beforeSchool.isBefore(earliest) ? earliest : beforeSchool;
    for (SchoolLeader leader : leaders) {
      if (enrolments.findByLeaderId(leader.getId()).isEmpty()) {
        enrolments.save(new LeadershipEnrolment(p.getId(), leader.getId(), clock.instant()));
      }
      emails.toPerson(p, leader.getEmail(), Milestone.LEADERSHIP_PD_ENROLLED, processInstanceId, null, Map.of(
          "leaderName", leader.getName(),
          "roleLabel", leader.getRole() == LeaderRole.COUNSELOR ? "counselor" : "principal",
          "schoolName", leader.getSchool().getName(),
          "programDate", Dates.LONG.format(programDate)), null);
    }
    progress.record(p, "LEADERSHIP_PD_ENROLLED", leaders.get(0).getSchool().getName() + ": " + leaders.size() + " leaders");
    return new Enrolled(Dates.endOf(programDate), labels(leaders));
  }

  /**
   * The checklist's labels of a school's leaders as {@link #enrol} gives them, read only: for an
   * attendance task opened before the checklist existed ({@code workshop.AttendanceOptionsBackfill}).
   *
   * @throws IllegalStateException when the school has no leaders
   */
  @Transactional(readOnly = true)
  public Map<Long, String> attendanceLabels(Long partnershipId, Long schoolId) {
    return labels(leaders(progress.load(partnershipId), schoolId));
  }

  /**
   * @param present ids of the leaders ticked as present; every other enrolled leader of the school
   *     did not attend
   */
  public void complete(Long partnershipId, Long schoolId, Set<Long> present, String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    List<SchoolLeader> leaders = leaders(p, schoolId);
    for (int i = 0; i < leaders.size(); i++) {
      SchoolLeader leader = leaders.get(i);
      LeadershipEnrolment enrolment = enrolments.findByLeaderId(leader.getId()).orElseThrow();
      if (!present.contains(leader.getId())) {
        enrolment.absent(clock.instant());
      } else {
        enrolment.attended(properties.leadershipProgramHours(), clock.instant());
        emails.toPerson(p, leader.getEmail(), Milestone.LEADERSHIP_PD_COMPLETED, processInstanceId, null, Map.of(
            "leaderName", leader.getName(),
            "schoolName", leader.getSchool().getName(),
            "hours", properties.leadershipProgramHours()), null);
      }
    }
    progress.record(p, "LEADERSHIP_PD_COMPLETED", leaders.get(0).getSchool().getName() + ": "
        + leaders.stream().filter(l -> present.contains(l.getId())).count() + " of " + leaders.size() + " attended");
  }

  private static List<SchoolLeader> leaders(Partnership p, Long schoolId) {
    List<SchoolLeader> leaders = p.getLeaders().stream().filter(l -> l.getSchool().getId().equals(schoolId)).toList();
    if (leaders.isEmpty()) {
      throw new IllegalStateException("School " + schoolId + " of " + p.getReference() + " has no leaders");
    }
    return leaders;
  }

  private static Map<Long, String> labels(List<SchoolLeader> leaders) {
    Map<Long, String> labels = new java.util.LinkedHashMap<>();
    leaders.forEach(l -> labels.put(l.getId(), l.getName() + " (" + l.getRole().name().toLowerCase() + ", "
        + l.getSchool().getName() + ")"));
    return labels;
  }
}
