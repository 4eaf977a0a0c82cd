package org.codeorg.partnerships.pd;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEmails;
import org.codeorg.partnerships.partnership.PartnershipProgress;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.SchoolYears;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lifecycle's implementation stage: start, the elementary affiliate path, all implementation complete. */
@Service
@Transactional
public class ImplementationSteps {

  private final PartnershipProgress progress;
  private final PartnershipEmails emails;
  private final Clock clock;

  public ImplementationSteps(PartnershipProgress progress, PartnershipEmails emails, Clock clock) {
    this.progress = progress;
    this.emails = emails;
    this.clock = clock;
  }

  public record Started(PartnershipStage stage, boolean hasElementaryTeachers, String elementaryTeachers,
      java.util.Date schoolYearEndsAt) {
  }

  public Started start(Long partnershipId) {
    Partnership p = progress.load(partnershipId);
    progress.moveTo(p, PartnershipStage.IMPLEMENTATION, "IMPLEMENTATION_STARTED",
        p.getTeachers().size() + " teachers, " + p.getLeaders().size() + " school leaders");
    String elementary = String.join("  \n", p.getTeachers().stream()
        .filter(t -> t.getCourse() == Course.CSF)
        .map(t -> t.getName() + " (" + t.getSchool().getName() + ")").toList());
    java.util.Date yearEnds = Dates.endOf(SchoolYears.end(p.getSchoolYear()));
    return new Started(p.getStage(), !elementary.isEmpty(), elementary, yearEnds);
  }

  /** Records who trains elementary teachers; on the district path, enrols the district's trainer. */
  public void chooseElementaryPath(Long partnershipId, ElementaryPdPath path, String trainerName, String trainerEmail,
      String processInstanceId) {
    Partnership p = progress.load(partnershipId);
    p.chooseElementaryPdPath(path, trim(trainerName), trim(trainerEmail), clock.instant());
    progress.record(p, "ELEMENTARY_PD_PATH_CHOSEN", path.label());
    if (path == ElementaryPdPath.DISTRICT_AFFILIATE) {
      emails.toPerson(p, p.getAffiliateTrainerEmail(), Milestone.AFFILIATE_TRAINER_ENROLLED, processInstanceId, null,
          Map.of("trainerName", p.getAffiliateTrainerName(),
              "trainingInfo", "A Code.org PD manager will send the dates of your trainer training; once you have "
                  + "completed it, you will lead the K-5 workshop for the district's elementary teachers."), null);
    }
  }

  public void recordTrainerTrained(Long partnershipId, LocalDate trainedOn) {
    Partnership p = progress.load(partnershipId);
    p.recordAffiliateTrainerTrained(trainedOn, clock.instant());
    progress.record(p, "AFFILIATE_TRAINER_TRAINED", p.getAffiliateTrainerName() + " on " + trainedOn);
  }

  /** PD, leadership PD, classroom set-up and the deliverables have all ended. */
  public void complete(Long partnershipId) {
    progress.record(progress.load(partnershipId), "IMPLEMENTATION_COMPLETED", null);
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
