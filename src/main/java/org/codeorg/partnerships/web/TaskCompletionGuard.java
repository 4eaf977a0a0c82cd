package org.codeorg.partnerships.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.engine.TaskAssignedElsewhereException;
import org.codeorg.partnerships.engine.TaskFormValidator;
import org.codeorg.partnerships.engine.TaskOwnership;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every completion of a user task over HTTP — Tasklist ({@code /camunda/api/engine/…/submit-form})
 * and the REST API ({@code /engine-rest/task/{id}/complete|submit-form}) — is checked before the
 * engine sees it: by someone other than the task's assignee, 403 "Task assigned to someone else"
 * ({@link TaskOwnership}, which the engine enforces again inside the completion); against the
 * task's form, 400 with each field named. Either way the task stays open. Runs after the
 * authentication filters (the engine's current authentication is the caller), so strangers learn
 * nothing of a form.
 */
@Configuration
public class TaskCompletionGuard {

  static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");
  /** The engine a webapp call goes to: {@code /camunda/api/engine/engine/{name}/task/…}. */
  static final Pattern WEBAPP_ENGINE = Pattern.compile(".*/api/engine/engine/([^/]+)/task/.*");
  private static final int MAX_BODY = 256 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskCompletionGuardFilter(TaskService taskService,
      IdentityService identityService, TaskFormValidator validator, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new GuardFilter(taskService, identityService, validator, json));
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  static final class GuardFilter extends OncePerRequestFilter {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final TaskFormValidator validator;
    private final ObjectMapper json;

    GuardFilter(TaskService taskService, IdentityService identityService, TaskFormValidator validator,
        ObjectMapper json) {
      this.taskService = taskService;
      this.identityService = identityService;
      this.validator = validator;
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(RequestPaths.routed(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher matcher = COMPLETION.matcher(RequestPaths.routed(request));
      matcher.matches();
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        FilterProblems.write(response, 413, "Request too large", "Task completions are limited to " + MAX_BODY + " bytes");
        return;
      }
      Task task = taskService.createTaskQuery().taskId(matcher.group(1)).initializeFormKeys().singleResult();
      if (task != null) {
        try {
          TaskOwnership.check(task.getName(), task.getAssignee(), caller(request));
        } catch (TaskAssignedElsewhereException refused) {
          FilterProblems.write(response, 403, "Task assigned to someone else", refused.getMessage(), Map.of(
              "message", refused.getMessage(),   // what Tasklist shows
              "assignee", refused.getAssignee()));
          return;
        }
      }
      String formId = task == null || task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
      if (formId != null && validator.knows(formId)) {
        Map<String, Object> submitted;
        try {
          submitted = variables(body);
        } catch (IOException | RuntimeException unreadable) {
          reject(response, List.of(new FieldViolation("variables", "must be a JSON object of {name: {value}}")));
          return;
        }
        List<FieldViolation> violations = validator.validate(formId, submitted, taskService.getVariables(task.getId()));
        if (!violations.isEmpty()) {
          reject(response, violations);
          return;
        }
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * The user calling: the engine's current authentication ({@code /engine-rest}, set by its
     * authentication filter), else the webapps' log-in kept in the session (Tasklist: the webapps
     * set the engine's authentication only inside their API, after this filter).
     */
    private String caller(HttpServletRequest request) {
      Authentication engine = identityService.getCurrentAuthentication();
      if (engine != null) {
        return engine.getUserId();
      }
      Matcher webapp = WEBAPP_ENGINE.matcher(RequestPaths.routed(request));
      HttpSession session = request.getSession(false);
      if (!webapp.matches() || session == null) {
        return null;
      }
      Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
      var login = logins == null ? null : logins.getAuthenticationForProcessEngine(webapp.group(1));
      return login == null ? null : login.getName();
    }

    private Map<String, Object> variables(byte[] body) throws IOException {
      Map<String, Object> values = new LinkedHashMap<>();
      if (body.length == 0) {
        return values;
      }
      JsonNode variables = json.readTree(body).path("variables");
      variables.fields().forEachRemaining(entry -> {
        JsonNode value = entry.getValue().get("value");
        if (value != null && value.isTextual() && "json".equalsIgnoreCase(entry.getValue().path("type").asText())) {
          // Tasklist submits a checklist's list as a Json variable: its value is the JSON text.
          try {
            value = json.readTree(value.asText());
          } catch (IOException notJson) {
            throw new IllegalArgumentException("Variable " + entry.getKey() + " is not JSON", notJson);
          }
        }
        values.put(entry.getKey(), value == null || value.isNull() ? null : json.convertValue(value, Object.class));
      });
      return values;
    }

    private void reject(HttpServletResponse response, List<FieldViolation> violations) throws IOException {
      String summary = violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b)
          .orElse("");
      FilterProblems.write(response, 400, "Invalid task completion", "The task was not completed: " + summary, Map.of(
          "message", "The task was not completed: " + summary,   // what Tasklist shows
          "errors", violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList()));
    }
  }

}
