package org.codeorg.partnerships.lifecycle;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history, as at level {@code full}, without the task-local copies of what a task's
 * card shows ({@link PartnershipTaskContext#CARD_VARIABLES}).
 *
 * <p>Each task keeps a copy of its partnership's reference, district, stage (and workshop) so that
 * Tasklist can show them with the task's own permissions. The copies repeat the process
 * instance's variables, whose history is kept in full, and nothing reads their history: no report,
 * no Cockpit view (the community Cockpit shows no task variable history), no audit question that
 * the instance's own history and the partnership timeline do not answer. Written, they cost a
 * historic variable row and a detail row per copy, an update and a detail row per stage change,
 * and a look-up and an update when the task ends: about a hundred statements per partnership
 * (docs/performance.md). Every other history event, including every other variable's detail, the
 * user operation log and the decision history, is written as before.
 */
@Component
public class CardCopiesWithoutHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Handler());
  }

  /** The engine's database handler, passing over the card copies. */
  static final class Handler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isCardCopy(event)) {
        super.handleEvent(event);
      }
    }

    static boolean isCardCopy(HistoryEvent event) {
      // The task id is the variable instance's own: set only on a task-local variable, never on a
      // process variable changed through a task (e.g. a form's submitted values).
      return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
          && PartnershipTaskContext.CARD_VARIABLES.contains(variable.getVariableName());
    }
  }
}
