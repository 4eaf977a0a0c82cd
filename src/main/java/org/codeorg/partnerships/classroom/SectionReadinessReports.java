package org.codeorg.partnerships.classroom;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import java.util.Map;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.partnership.Partnership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** A section's set-up facts reported by the district through its link ({@code POST .../sections/{id}/readiness}). */
@Service
@Validated
public class SectionReadinessReports {

  private final DistrictAccess access;
  private final ClassroomSetupSteps steps;
  private final LifecycleMessages messages;

  public SectionReadinessReports(DistrictAccess access, ClassroomSetupSteps steps, LifecycleMessages messages) {
    this.access = access;
    this.steps = steps;
    this.messages = messages;
  }

  /**
   * Stores the section's facts and lets its set-up instance judge them.
   *
   * @return the section's label
   * @throws jakarta.validation.ConstraintViolationException missing or out-of-range facts, before the token is looked
   *     at (400, each field named)
   * @throws DistrictAccessDenied unknown reference, wrong token, or a section of another partnership (404)
   * @throws org.codeorg.partnerships.common.NotWaitingException the section's set-up is not waiting for facts;
   *     nothing is stored (409)
   */
  @ConcurrentSubmission("The section's set-up was reported at the same moment")
  @Transactional
  public String report(String reference, String token, Long sectionId, @Valid SectionFacts setup) {
    CourseSection.SetupFacts facts = setup.facts();
    Partnership partnership = access.openForChange(reference, token);
    CourseSection section = partnership.getSections().stream().filter(s -> s.getId().equals(sectionId)).findFirst()
        .orElseThrow(DistrictAccessDenied::new);
    steps.recordFacts(sectionId, facts);
    messages.deliver(ClassroomProcess.MESSAGE_READINESS, reference, section.getSetupProcessInstanceId(),
        ClassroomProcess.SECTION_ID.with(sectionId),
        Map.of(), section.label() + " is not waiting for set-up facts now");
    return section.label();
  }
}
