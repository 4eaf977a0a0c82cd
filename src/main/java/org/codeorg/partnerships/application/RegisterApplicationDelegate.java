package org.codeorg.partnerships.application;

import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register application": turns the submitted application into the partnership's tables, makes
 * its reference the business key, and keeps only ids, stage and the reviewer's summary as
 * process variables.
 */
@Component("registerApplication")
public class RegisterApplicationDelegate implements JavaDelegate {

  /** Set by {@code POST /api/applications}: the whole application as JSON, removed once registered. */
  public static final String VAR_APPLICATION_JSON = "applicationJson";

  private final ApplicationService applications;
  private final ObjectMapper objectMapper;

  public RegisterApplicationDelegate(ApplicationService applications, ObjectMapper objectMapper) {
    this.applications = applications;
    this.objectMapper = objectMapper;
  }

  private PartnershipApplication json(String json) throws java.io.IOException {
    return objectMapper.readValue(json, PartnershipApplication.class);
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Object json = execution.getVariable(VAR_APPLICATION_JSON);
    PartnershipApplication application = json != null
        ? json(json.toString())
        : StartFormApplication.from(execution.getVariables());
    RegisteredPartnership registered = applications.register(application,
        (String) execution.getVariable(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE), execution.getProcessInstanceId());

    execution.setProcessBusinessKey(registered.reference());
    execution.removeVariables(StartFormApplication.FIELDS);
    execution.removeVariable(VAR_APPLICATION_JSON);
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_ID, registered.id());
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, registered.reference());
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE, registered.stage().name());
    execution.setVariable(LifecycleProcess.VAR_DISTRICT_NAME, registered.districtName());
    execution.setVariables(registered.reviewSummary());
  }
}
