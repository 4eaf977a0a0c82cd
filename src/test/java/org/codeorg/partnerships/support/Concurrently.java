package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** N copies of one request released at the same moment, as a double-click or a client's retries send them. */
public final class Concurrently {

  private Concurrently() {
  }

  /** @return the answers in the order the copies were started */
  public static List<Http.Response> send(int copies, Supplier<Http.Response> request) {
    ExecutorService threads = Executors.newFixedThreadPool(copies);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        futures.add(threads.submit(() -> {
          start.await();
          return request.get();
        }));
      }
      start.countDown();
      List<Http.Response> answers = new ArrayList<>();
      for (Future<Http.Response> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The statuses, e.g. "201 409 409", for reports. */
  public static String statuses(List<Http.Response> answers) {
    return String.join(" ", answers.stream().map(r -> Integer.toString(r.status())).sorted().toList());
  }

  /** Exactly one copy got {@code success}; every other a 409 problem; none a 5xx. */
  public static void assertOneSucceeded(List<Http.Response> answers, int success) {
    assertThat(answers).as(statuses(answers) + " " + answers.stream().map(Http.Response::body).toList())
        .noneMatch(r -> r.status() >= 500)
        .filteredOn(r -> r.status() == success).hasSize(1);
    assertThat(answers).filteredOn(r -> r.status() != success).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
  }

  public static Http.Response succeeded(List<Http.Response> answers, int success) {
    return answers.stream().filter(r -> r.status() == success).findFirst().orElseThrow();
  }
}
