package org.codeorg.partnerships.classroom;

import java.util.Map;

import org.codeorg.partnerships.lifecycle.LifecycleMessages;
import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.partnership.Partnership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A section's set-up facts reported by the district through its link ({@code POST .../sections/{id}/readiness}). */
@Service
public class SectionReadinessReports {

  private final DistrictAccess access;
  private final ClassroomSetupSteps steps;
  private final LifecycleMessages messages;

  public SectionReadinessReports(DistrictAccess access, ClassroomSetupSteps steps, LifecycleMessages messages) {
    this.access = access;
    this.steps = steps;
    this.messages = messages;
  }

  /** @return the section's label; nothing is stored when the section's set-up is not waiting for facts (409) */
  @Transactional
  public String report(String reference, String token, Long sectionId, CourseSection.SetupFacts facts) {
    Partnership partnership = access.open(reference, token);
    CourseSection section = partnership.getSections().stream().filter(s -> s.getId().equals(sectionId)).findFirst()
        .orElseThrow(DistrictAccessDenied::new);
    steps.recordFacts(sectionId, facts);
    messages.deliver(ClassroomProcess.MESSAGE_READINESS, reference, section.getSetupProcessInstanceId(),
        ClassroomProcess.SECTION_ID.with(sectionId),
        Map.of(), section.label() + " is not waiting for set-up facts now");
    return section.label();
  }
}
