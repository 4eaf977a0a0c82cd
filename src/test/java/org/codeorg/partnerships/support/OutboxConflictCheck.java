package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxEmail;
import org.codeorg.partnerships.mail.OutboxEmailRepository;
import org.codeorg.partnerships.mail.OutboxStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's one-statement conflict handling ({@code INSERT … ON CONFLICT DO NOTHING} on
 * PostgreSQL, {@code MERGE} on H2), on whichever database the application runs: an email asked
 * for again leaves the first row as it was, whether the first is already committed or still in a
 * transaction that has not ended.
 */
public record OutboxConflictCheck(MailOutbox mailOutbox, OutboxEmailRepository outbox,
    PlatformTransactionManager transactionManager) {

  /** A repeat after the first one committed: false, one row, the first one's body and calendar. */
  public void aRepeatLeavesTheFirstRow() {
    String occurrence = "conflict-" + System.nanoTime();
    assertThat(enqueue(request(occurrence, "First District", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))).isTrue();
    assertThat(enqueue(request(occurrence, "Second District", null))).isFalse();

    OutboxEmail kept = outbox.findByIdempotencyKey(request(occurrence, "x", null).idempotencyKey()).orElseThrow();
    assertThat(kept.getBodyText()).contains("First District").doesNotContain("Second District");
    assertThat(kept.getCalendarIcs()).startsWith("BEGIN:VCALENDAR");
    assertThat(kept.getStatus()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(kept.getReplyTo()).isNotBlank();
    assertThat(outbox.findAll().stream().filter(e -> e.getIdempotencyKey().equals(kept.getIdempotencyKey())))
        .hasSize(1);
  }

  /**
   * Two transactions queue the same email, the second while the first has not committed: the
   * second waits for the first and then does nothing; no error, one row. (The select-then-insert
   * this replaced failed the second transaction on the unique key.)
   */
  public void twoTransactionsAtOnceLeaveOneRowAndNoError() throws Exception {
    String occurrence = "race-" + System.nanoTime();
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = threads.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
        boolean queued = mailOutbox.enqueue(request(occurrence, "First District", null));
        firstWrote.countDown();
        await(secondStarted);
        sleep(300);  // the second is now in its statement, waiting for this transaction's row
        return queued;
      }));
      await(firstWrote);
      Future<Boolean> second = threads.submit(() -> {
        secondStarted.countDown();
        return enqueue(request(occurrence, "Second District", null));
      });
      assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
    } finally {
      threads.shutdownNow();
    }
    String key = request(occurrence, "x", null).idempotencyKey();
    assertThat(outbox.findByIdempotencyKey(key).orElseThrow().getBodyText()).contains("First District");
    assertThat(outbox.findAll().stream().filter(e -> e.getIdempotencyKey().equals(key))).hasSize(1);
  }

  private boolean enqueue(EmailRequest request) {
    return Boolean.TRUE.equals(new TransactionTemplate(transactionManager).execute(s -> mailOutbox.enqueue(request)));
  }

  private static EmailRequest request(String occurrence, String districtName, String calendar) {
    return new EmailRequest(Milestone.APPLICATION_RECEIVED, "outbox-conflict@example.test", null,
        Map.of("reference", "DP-2099-0001", "districtName", districtName, "contactName", "Pat", "schoolYear",
            "2099-00", "districtLink", "http://localhost/district"),
        null, "no-instance", occurrence, calendar);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
