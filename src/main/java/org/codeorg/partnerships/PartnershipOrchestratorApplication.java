package org.codeorg.partnerships;

import java.time.Clock;

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

  /** One clock for the application's own timestamps, so tests can move time like ClockUtil does for the engine. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
