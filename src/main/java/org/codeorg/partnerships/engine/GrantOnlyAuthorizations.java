package org.codeorg.partnerships.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks no REVOKE authorizations ({@code authorization-check-revokes: never} in
 * application.yaml), so this plugin makes sure none exists: the project grants only (the staff
 * groups' grants, and the per-task grants the engine creates with each task's identity links).
 *
 * <p>Why: in its default mode ("auto") the engine asks the database, before every query of every
 * command run with a user, whether a revoke exists for that user or their groups; and were one
 * ever created, each task query of Tasklist would switch to the revoke-aware check (a correlated
 * sub-select per task and per permission), which Camunda's own documentation calls "very
 * expensive for resources with a high potential cardinality like tasks" (docs/performance.md,
 * "National scale"). With "never", a revoke would be silently ignored, which would be a hole: so
 * the application refuses to start while one exists, and refuses to save one (Admin, REST or
 * {@code AuthorizationService}) with a 400 that says why.
 */
@Component
public class GrantOnlyAuthorizations extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(GrantOnlyAuthorizations.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new RefuseRevokes(configuration));
  }

  /**
   * @throws IllegalStateException (the application does not start) when revokes are not checked
   *     and a REVOKE authorization exists
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfiguration configuration = processEngine.getProcessEngineConfiguration();
    if (!revokesIgnored(configuration)) {
      return;
    }
    long revokes = processEngine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      throw new IllegalStateException(revokes + " REVOKE authorization(s) exist, but the engine is configured not to"
          + " check revokes (camunda.bpm.authorization.authorization-check-revokes: never), so they"
          + " would be ignored. Replace them with narrower grants (Admin > Authorizations, type Revoke), or set the"
          + " property to auto (Tasklist's task queries get slower).");
    }
    log.info("Authorization checks ignore revokes; none exists, and saving one is refused");
  }

  static boolean revokesIgnored(ProcessEngineConfiguration configuration) {
    return ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER
        .equalsIgnoreCase(configuration.getAuthorizationCheckRevokes());
  }

  /** Refuses to save a REVOKE authorization while revokes are not checked. */
  static final class RefuseRevokes extends CommandInterceptor {

    private static final Field AUTHORIZATION = authorizationField();

    private final ProcessEngineConfiguration configuration;

    RefuseRevokes(ProcessEngineConfiguration configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof SaveAuthorizationCmd save && revokesIgnored(configuration)) {
        Authorization authorization = authorizationOf(save);
        if (authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
          throw new BadUserRequestException("REVOKE authorizations are not used here: the engine does not check them"
              + " (authorization-check-revokes: never). Narrow the GRANT authorizations instead.");
        }
      }
      return next.execute(command);
    }

    private static Authorization authorizationOf(SaveAuthorizationCmd save) {
      try {
        return AUTHORIZATION == null ? null : (Authorization) AUTHORIZATION.get(save);
      } catch (IllegalAccessException e) {
        return null;
      }
    }

    /** The command keeps its authorization in a protected field; null if an engine version renamed it. */
    private static Field authorizationField() {
      try {
        Field field = SaveAuthorizationCmd.class.getDeclaredField("authorization");
        field.setAccessible(true);
        return field;
      } catch (ReflectiveOperationException | RuntimeException e) {
        log.warn("Cannot see the authorization of SaveAuthorizationCmd ({}): REVOKE authorizations are not refused on save,"
            + " only at start-up", e.toString());
        return null;
      }
    }
  }
}
