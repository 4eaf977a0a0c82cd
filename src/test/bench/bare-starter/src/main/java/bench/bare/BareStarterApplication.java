package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Camunda Spring Boot starter with nothing of its own: the baseline of StartupMemoryBench. */
@SpringBootApplication
public class BareStarterApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareStarterApplication.class, args);
  }
}
