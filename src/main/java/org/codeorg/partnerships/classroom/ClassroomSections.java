package org.codeorg.partnerships.classroom;

import java.util.List;

import org.codeorg.partnerships.partnership.CourseSection;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sections to set up: the collection of {@code CallActivity_ClassroomSetup} in
 * {@code partnership-lifecycle} ({@code ${classroomSections.of(partnershipId)}}), read when it starts.
 */
@Component("classroomSections")
@Transactional(readOnly = true)
public class ClassroomSections {

  private final PartnershipRepository partnerships;

  public ClassroomSections(PartnershipRepository partnerships) {
    this.partnerships = partnerships;
  }

  public List<Long> of(Number partnershipId) {
    return partnerships.findById(partnershipId.longValue()).orElseThrow().getSections().stream()
        .map(CourseSection::getId).toList();
  }
}
