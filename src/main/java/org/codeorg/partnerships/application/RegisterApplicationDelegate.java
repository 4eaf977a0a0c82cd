package org.codeorg.partnerships.application;

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

  private final ApplicationService applications;

  public RegisterApplicationDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PartnershipApplication application = StartFormApplication.from(execution.getVariables());
    RegisteredPartnership registered = applications.register(application, execution.getProcessInstanceId());

    execution.setProcessBusinessKey(registered.reference());
    execution.removeVariables(StartFormApplication.FIELDS);
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_ID, registered.id());
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_REFERENCE, registered.reference());
    execution.setVariable(LifecycleProcess.VAR_PARTNERSHIP_STAGE, registered.stage().name());
    execution.setVariable(LifecycleProcess.VAR_DISTRICT_NAME, registered.districtName());
    execution.setVariables(registered.reviewSummary());
  }
}
