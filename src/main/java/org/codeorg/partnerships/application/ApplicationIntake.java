package org.codeorg.partnerships.application;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /api/applications}: checks the application, then starts the lifecycle, whose first
 * step registers it. Bad input is refused before anything is written.
 */
@Service
public class ApplicationIntake {

  private final ApplicationValidator validator;
  private final PartnershipRepository partnerships;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;

  public ApplicationIntake(ApplicationValidator validator, PartnershipRepository partnerships,
      RuntimeService runtimeService, ObjectMapper objectMapper) {
    this.validator = validator;
    this.partnerships = partnerships;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
  }

  public record Accepted(Long id, String reference, String status) {
  }

  @Transactional
  public Accepted apply(PartnershipApplication application) {
    List<FieldViolation> violations = validator.validate(application);
    if (!violations.isEmpty()) {
      throw new InvalidApplicationException(violations);
    }
    partnerships.findByDistrictNcesIdAndSchoolYear(application.district().ncesId(), application.schoolYear())
        .ifPresent(existing -> {
          throw new DuplicateApplicationException(existing.getReference());
        });
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(LifecycleProcess.PROCESS_KEY,
        Map.of(RegisterApplicationDelegate.VAR_APPLICATION_JSON, json(application)));
    Partnership partnership = partnerships.findByReference(instance.getBusinessKey()).orElseThrow();
    return new Accepted(partnership.getId(), partnership.getReference(), partnership.getStage().name());
  }

  private String json(PartnershipApplication application) {
    try {
      return objectMapper.writeValueAsString(application);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An application that passed validation must serialize", e);
    }
  }
}
