package org.codeorg.partnerships.application;

import org.codeorg.partnerships.lifecycle.LifecycleProcess;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterApplication} ({@code ${registerApplication}}): turns the submitted application into the partnership's tables, makes
 * its reference the business key, and keeps only ids, stage and the reviewer's summary as
 * process variables.
 */
@Component("registerApplication")
public class RegisterApplicationDelegate implements JavaDelegate {

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
    String json = LifecycleProcess.APPLICATION_JSON.get(execution);
    PartnershipApplication application = json != null
        ? json(json)
        : StartFormApplication.from(execution.getVariables());
    RegisteredPartnership registered = applications.register(application,
        LifecycleProcess.PARTNERSHIP_REFERENCE.get(execution), execution.getProcessInstanceId());

    execution.setProcessBusinessKey(registered.reference());
    execution.removeVariables(StartFormApplication.FIELDS);
    execution.removeVariable(LifecycleProcess.APPLICATION_JSON.name());
    LifecycleProcess.PARTNERSHIP_ID.set(execution, registered.id());
    LifecycleProcess.PARTNERSHIP_REFERENCE.set(execution, registered.reference());
    LifecycleProcess.PARTNERSHIP_STAGE.set(execution, registered.stage());
    LifecycleProcess.DISTRICT_NAME.set(execution, registered.districtName());
    execution.setVariables(registered.reviewSummary());
  }
}
