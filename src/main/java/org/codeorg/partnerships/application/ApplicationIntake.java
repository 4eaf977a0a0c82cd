package org.codeorg.partnerships.application;

import org.codeorg.partnerships.engine.ConcurrentSubmission;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.codeorg.partnerships.partnership.PartnershipReferences;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/applications}: checks the application, takes its reference number, then starts
 * the lifecycle, whose first step registers it. Bad input is refused before anything is written.
 * The number is taken in a short transaction before the lifecycle's, so concurrent intakes do not
 * wait for each other's registration (docs/performance.md, fix 1).
 */
@Service
public class ApplicationIntake {

  private final ApplicationValidator validator;
  private final PartnershipRepository partnerships;
  private final PartnershipReferences references;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;

  public ApplicationIntake(ApplicationValidator validator, PartnershipRepository partnerships,
      PartnershipReferences references, RuntimeService runtimeService, ObjectMapper objectMapper) {
    this.validator = validator;
    this.partnerships = partnerships;
    this.references = references;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
  }

  public record Accepted(Long id, String reference, String status) {
  }

  /**
   * Registers the application and starts its lifecycle.
   *
   * @throws InvalidApplicationException every broken intake rule, nothing written (400, each field named)
   * @throws DuplicateApplicationException the district applied for this school year already (409, naming the first)
   */
  @ConcurrentSubmission("This district applied for this school year at the same moment")
  public Accepted apply(PartnershipApplication application) {
    List<FieldViolation> violations = validator.validate(application);
    if (!violations.isEmpty()) {
      throw new InvalidApplicationException(violations);
    }
    partnerships.findByDistrictNcesIdAndSchoolYear(application.district().ncesId(), application.schoolYear())
        .ifPresent(existing -> {
          throw new DuplicateApplicationException(existing.getReference());
        });
    String reference = references.next();
    VariableMap registered = runtimeService.createProcessInstanceByKey(LifecycleProcess.PROCESS_KEY)
        // Transient: the first step reads it in this same transaction; stored, it would cost three
        // rows (runtime, history, detail), a byte array when over 4,000 characters, and keep the
        // applicant's personal data in the history after registration.
        .setVariable(LifecycleProcess.APPLICATION_JSON.name(), Variables.stringValue(json(application), true))
        .setVariables(LifecycleProcess.PARTNERSHIP_REFERENCE.with(reference))
        .executeWithVariablesInReturn().getVariables();
    return new Accepted(LifecycleProcess.PARTNERSHIP_ID.from(registered), reference,
        LifecycleProcess.PARTNERSHIP_STAGE.from(registered).name());
  }

  private String json(PartnershipApplication application) {
    try {
      return objectMapper.writeValueAsString(application);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An application that passed validation must serialize", e);
    }
  }
}
