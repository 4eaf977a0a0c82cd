package org.codeorg.partnerships.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.codeorg.partnerships.PartnershipOrchestratorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The prod profile refuses to start without safe admin credentials. Runs the real application
 * start-up; the guard stops it before any bean exists (an in-memory database and port 0 in case
 * it did not).
 */
class ProductionProfileTest {

  @ParameterizedTest(name = "[{index}] {2}")
  @CsvSource(delimiter = '|', value = {
      "''    | ''                    | ADMIN_USER",
      "ops-admin | a-long-and-unusual-secret | letters and digits only",
      "ops   | ''                    | ADMIN_PASSWORD",
      "ops   | admin                 | demo or default password",
      "ops   | Demo                  | demo or default password",
      "ops   | manager               | demo or default password",
      "ops   | short-pw              | at least 12 characters",
      "admin | admin                 | demo or default password",
      "opsadministrator | OpsAdministrator | demo or default password",
  })
  void refusesMissingOrDemoAdminCredentials(String user, String password, String expectedMessage) {
    assertThatThrownBy(() -> start("--ADMIN_USER=" + user, "--ADMIN_PASSWORD=" + password))
        .hasMessageContaining(expectedMessage);
  }

  @Test
  void refusesAMissingOrDevelopmentTokenSecret() {
    assertThatThrownBy(() -> start("--ADMIN_USER=ops", "--ADMIN_PASSWORD=a-long-and-unusual-secret"))
        .hasMessageContaining("DISTRICT_TOKEN_SECRET");
    assertThatThrownBy(() -> start("--ADMIN_USER=ops", "--ADMIN_PASSWORD=a-long-and-unusual-secret",
        "--DISTRICT_TOKEN_SECRET=dev-only-district-token-secret-not-for-production"))
        .hasMessageContaining("DISTRICT_TOKEN_SECRET");
  }

  @Test
  void refusesDemoDataInProduction() {
    assertThatThrownBy(() -> start("--ADMIN_USER=ops", "--ADMIN_PASSWORD=a-long-and-unusual-secret",
        "--DISTRICT_TOKEN_SECRET=0123456789abcdef0123456789abcdef-ci", "--partnership.demo.enabled=true"))
        .hasMessageContaining("must not load demo users");
  }

  @Test
  void refusesTheDemoClockAndTheInProcessMailServer() {
    assertThatThrownBy(() -> start("--partnership.demo.clock.enabled=true"))
        .hasMessageContaining("refuses the demo clock");
    assertThatThrownBy(() -> start("--partnership.demo.mail-server.enabled=true"))
        .hasMessageContaining("refuses the in-process demo SMTP server");
    // The postgres profile too refuses the clock, before it would open any database connection.
    assertThatThrownBy(() -> new SpringApplicationBuilder(PartnershipOrchestratorApplication.class).profiles("postgres")
        .run("--partnership.demo.clock.enabled=true", "--server.port=0").close())
        .hasMessageContaining("postgres profile refuses the demo clock");
  }

  private static void start(String... args) {
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--spring.datasource.url=jdbc:h2:mem:prod-guard";
    all[args.length + 1] = "--server.port=0";
    all[args.length + 2] = "--camunda.bpm.generate-unique-process-engine-name=true";
    new SpringApplicationBuilder(PartnershipOrchestratorApplication.class).profiles("prod").run(all).close();
  }
}
