package org.codeorg.partnerships.reporting;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.springframework.stereotype.Service;

/**
 * The "Partnership" tab of Cockpit's process-instance page, running or finished: the partnership
 * whose reference is the instance's business key, as the staff API shows it, and its emails.
 */
@Service
public class PartnershipTab {

  private final HistoryService history;
  private final PartnershipViews views;

  public PartnershipTab(HistoryService history, PartnershipViews views) {
    this.history = history;
    this.views = views;
  }

  public record Tab(PartnershipViews.Detail partnership, List<PartnershipViews.Email> emails) {
  }

  /**
   * @throws UnknownPartnershipException no instance has the id, or its business key names no partnership (404)
   */
  public Tab of(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      throw new UnknownPartnershipException("process instance " + processInstanceId);
    }
    String reference = instance.getBusinessKey();
    return new Tab(views.detail(reference), views.emails(reference));
  }
}
