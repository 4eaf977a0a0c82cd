package org.codeorg.partnerships.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile with missing or demo credentials or a dev-only part (demo
 * data, the in-process SMTP server, the demo clock; {@code postgres} refuses the demo clock too), before any bean
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
    List<String> profiles = Arrays.asList(environment.getActiveProfiles());
    boolean prod = profiles.contains("prod");
    if ((prod || profiles.contains("postgres"))
        && environment.getProperty("partnership.demo.clock.enabled", Boolean.class, false)) {
      throw new IllegalStateException("The " + (prod ? "prod" : "postgres") + " profile refuses the demo clock "
          + "(partnership.demo.clock.enabled=true): moving time on a shared database fires real reminders");
    }
    if (!prod) {
      return;
    }
    if (environment.getProperty("partnership.demo.mail-server.enabled", Boolean.class, false)) {
      throw new IllegalStateException("The prod profile refuses the in-process demo SMTP server "
          + "(partnership.demo.mail-server.enabled=true): set SMTP_HOST and friends for a real one");
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
