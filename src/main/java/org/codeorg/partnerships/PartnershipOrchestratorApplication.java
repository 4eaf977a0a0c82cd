package org.codeorg.partnerships;

import java.time.Clock;

import org.codeorg.partnerships.engine.EngineClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnershipOrchestratorApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnershipOrchestratorApplication.class, args);
  }

  /** One clock for the application's own timestamps and the engine's timers; tests move both with ClockUtil. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
