package org.codeorg.partnerships.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile with missing or demo credentials, before any bean
 * (and so before the engine creates an admin user) exists. Registered in META-INF/spring.factories.
 */
public class ProductionCredentialsGuard implements EnvironmentPostProcessor {

  /** Passwords of the demo profile and the usual defaults of Camunda examples. */
  static final Set<String> DEMO_PASSWORDS = Set.of("admin", "demo", "password", "camunda", "changeme",
      "manager", "pdmanager", "facilitator", "evaluator", "liaison");
  private static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    if (!prod) {
      return;
    }
    String user = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (user.isBlank()) {
      throw new IllegalStateException("The prod profile needs ADMIN_USER: the administrator's user id");
    }
    if (!USER_ID.matcher(user).matches()) {
      // The engine's user id whitelist; said here instead of deep inside engine start-up.
      throw new IllegalStateException("ADMIN_USER must consist of letters and digits only (Camunda user id rules)");
    }
    if (password.isBlank()) {
      throw new IllegalStateException("The prod profile needs ADMIN_PASSWORD: the administrator's password");
    }
    if (DEMO_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) || password.equalsIgnoreCase(user)) {
      throw new IllegalStateException("ADMIN_PASSWORD is a demo or default password; the prod profile refuses it");
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    String tokenSecret = environment.getProperty("partnership.tokens.secret", "");
    if (tokenSecret.length() < 32 || tokenSecret.startsWith("dev-only")) {
      throw new IllegalStateException("The prod profile needs DISTRICT_TOKEN_SECRET: a random secret of 32+ "
          + "characters (e.g. openssl rand -base64 48)");
    }
    if (environment.getProperty("partnership.demo.enabled", Boolean.class, false)) {
      throw new IllegalStateException("The prod profile must not load demo users and sample data "
          + "(partnership.demo.enabled=true)");
    }
  }
}
