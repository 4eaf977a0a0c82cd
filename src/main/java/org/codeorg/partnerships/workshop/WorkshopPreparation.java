package org.codeorg.partnerships.workshop;

import java.util.Comparator;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.codeorg.partnerships.identity.StaffGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Getting a {@code pd-workshop} ready: a qualified facilitator (found, or chosen by a PD manager)
 * and the vendor's confirmation of materials and meals. Called by the model's delegates only; an
 * exception is an incident on the step, never an HTTP answer.
 */
@Service
@Transactional
public class WorkshopPreparation {

  private final WorkshopRepository workshops;
  private final FacilitatorQualifications qualifications;
  private final IdentityService identityService;

  public WorkshopPreparation(WorkshopRepository workshops, FacilitatorQualifications qualifications,
      IdentityService identityService) {
    this.workshops = workshops;
    this.qualifications = qualifications;
    this.identityService = identityService;
  }

  /**
   * Assigns the qualified facilitator with the fewest open workshops (ties: the first user id).
   *
   * @return the facilitator's user id, empty when nobody is qualified for the course
   * @throws IllegalStateException when the workshop does not exist
   */
  public Optional<String> assignFacilitator(Long workshopId) {
    Workshop workshop = workshops.require(workshopId);
    Optional<String> chosen = qualifications.qualifiedFor(workshop.getCourse()).stream()
        .filter(this::isFacilitator)
        .min(Comparator.comparingLong((String user) -> workshops.countByFacilitatorAndStatusNot(user, WorkshopStatus.CLOSED))
            .thenComparing(Comparator.naturalOrder()));
    chosen.ifPresent(workshop::assignFacilitator);
    return chosen;
  }

  /**
   * A PD manager's choice when nobody was qualified; it also qualifies that facilitator for the course.
   *
   * @throws IllegalStateException when the workshop does not exist
   */
  public void chooseFacilitator(Long workshopId, String userId) {
    Workshop workshop = workshops.require(workshopId);
    workshop.assignFacilitator(userId);
    qualifications.qualify(userId, workshop.getCourse());
  }

  /** The facilitator may lead workshops of the course from now on. */
  void qualify(String userId, org.codeorg.partnerships.partnership.Course course) {
    qualifications.qualify(userId, course);
  }

  /** Whether {@code userId} is a member of the facilitators group; false for null. */
  public boolean isFacilitator(String userId) {
    return userId != null && identityService.createUserQuery().userId(userId).memberOfGroup(StaffGroups.FACILITATORS)
        .count() == 1;
  }

  /**
   * @param confirmation the vendor's order number as entered; stored trimmed
   * @throws IllegalStateException when the workshop does not exist
   */
  public void recordVendorConfirmation(Long workshopId, String confirmation) {
    workshops.require(workshopId).recordVendorConfirmation(confirmation.trim());
  }
}
