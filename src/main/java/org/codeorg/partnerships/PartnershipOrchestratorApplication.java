package org.codeorg.partnerships;

import java.time.Clock;

import javax.xml.datatype.DatatypeFactory;

import org.codeorg.partnerships.engine.EngineClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

// Spring Security guards the project's own paths only (web.ApiSecurity registers its filter there), and users
// are Camunda's: no filter on every path, no generated user and password.
@SpringBootApplication(exclude = {SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
public class PartnershipOrchestratorApplication {

  static {
    // The engine reads every timer duration (P10D, R/P14D) through DatatypeFactory.newInstance(). Unless this
    // property names the implementation, each call scans the class path for another one: 5 % of an intake's
    // CPU in the intake profile (docs/performance.md, fix 5). The JDK's own implementation is the one that scan finds here anyway.
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(PartnershipOrchestratorApplication.class, args);
  }

  /** One clock for the application's own timestamps and the engine's timers; tests move both with ClockUtil. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }

  /**
   * Bean Validation's "now" ({@code @PastOrPresent} and the like) is the same clock: a date the
   * engine's clock (moved by the demo clock or a test) has reached is not "in the future".
   */
  @Bean
  ValidationConfigurationCustomizer validationClock(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }
}
