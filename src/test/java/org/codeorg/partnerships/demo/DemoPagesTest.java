package org.codeorg.partnerships.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxEmailRepository;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.mail.OutboxStatus;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The admin's mailbox and demo clock of the default start, on the shared context over HTTP: the
 * "application received" email of a new application listed, its district link opening the district's
 * page; the HTML body sandboxed; an attachment downloaded; the clock moving the engine and the outbox
 * together, with bad input refused and nothing moved; only administrators get in.
 */
class DemoPagesTest extends SpringIntegrationTest {

  private static final Pattern DISTRICT_LINK = Pattern.compile("href=\"(http://localhost:8080(/district/partnerships/[^\"]+))\"");

  @Autowired
  OutboxSender sender;
  @Autowired
  MailOutbox outbox;
  @Autowired
  OutboxEmailRepository emails;
  @Autowired
  Clock clock;
  @Autowired
  DemoClockOffset offsets;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  org.springframework.transaction.support.TransactionTemplate tx;

  @Test
  void theMailboxListsTheApplicationReceivedEmailAndItsLinkOpensTheDistrictsPage() {
    Http http = new Http(baseUrl());
    Map<String, Object> application = Http.application();
    String reference = http.post("/api/applications", null, application, Map.of()).json().get("reference").asText();
    @SuppressWarnings("unchecked")
    String contact = (String) ((Map<String, Object>) application.get("contact")).get("email");
    sender.deliverDue(clock.instant());

    Http.Response list = http.get("/demo/mailbox?to=" + contact, "admin:admin");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.contentType()).startsWith("text/html");
    String subject = "We received your Code.org partnership application (" + reference + ")";
    assertThat(HtmlUtils.htmlUnescape(list.body())).contains(subject, contact).contains("1 of ");
    Matcher number = Pattern.compile("href=\"/demo/mailbox/(\\d+)\">" + Pattern.quote(HtmlUtils.htmlEscape(subject)))
        .matcher(list.body());
    assertThat(number.find()).as(list.body()).isTrue();

    Http.Response message = http.get("/demo/mailbox/" + number.group(1), "admin:admin");
    assertThat(message.status()).isEqualTo(200);
    assertThat(message.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    Matcher link = DISTRICT_LINK.matcher(message.body());
    assertThat(link.find()).as("a clickable district link in " + message.body()).isTrue();
    Http.Response districtPage = http.get(HtmlUtils.htmlUnescape(link.group(2)), null);
    assertThat(districtPage.status()).isEqualTo(200);
    assertThat(districtPage.body()).contains(reference);

    Http.Response html = http.get("/demo/mailbox/" + number.group(1) + "/html", "admin:admin");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox ");
    assertThat(html.body()).startsWith("<base target=\"_top\">").contains(reference);
    assertThat(message.body()).contains("<iframe", "sandbox=\"allow-popups");
  }

  @Test
  void anAttachmentIsDownloadedAsAFile() {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";
    String recipient = "mailbox-attachment-" + System.nanoTime() + "@example.test";
    tx.executeWithoutResult(status -> outbox.enqueue(new EmailRequest(Milestone.APPLICATION_RECEIVED, recipient, null,
        Map.of("reference", "DP-2026-9999", "districtName", "Attachment District", "contactName", "Pat", "schoolYear", "2026-27",
            "districtLink", "http://localhost:8080/district/partnerships/DP-2026-9999?token=x"),
        null, "no-instance", "attachment-test-" + System.nanoTime(), ics)));
    sender.deliverDue(clock.instant());
    Http http = new Http(baseUrl());
    Matcher number = Pattern.compile("href=\"/demo/mailbox/(\\d+)\"").matcher(http.get("/demo/mailbox?to=" + recipient,
        "admin:admin").body());
    assertThat(number.find()).isTrue();
    assertThat(http.get("/demo/mailbox/" + number.group(1), "admin:admin").body()).contains("invite.ics", "text/calendar");

    Http.Response file = http.get("/demo/mailbox/" + number.group(1) + "/attachments/0", "admin:admin");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).startsWith("text/calendar");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
        .contains("invite.ics");
    assertThat(file.body().replace("\r\n", "\n")).isEqualTo(ics.replace("\r\n", "\n"));
    assertThat(http.get("/demo/mailbox/" + number.group(1) + "/attachments/1", "admin:admin").status()).isEqualTo(404);
    assertThat(http.get("/demo/mailbox/999999", "admin:admin").status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsGetIn() {
    Http http = new Http(baseUrl());
    for (String path : new String[] {"/demo/mailbox", "/demo/clock"}) {
      assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
      assertThat(http.get(path, "manager:manager").status()).as(path).isEqualTo(403);
      assertThat(http.get(path, "admin:admin").status()).as(path).isEqualTo(200);
      // An unknown user: a wrong password of a real one would throttle that user for the next tests.
      assertThat(http.get(path, "nobody:wrong").status()).as(path).isEqualTo(401);
    }
    assertThat(http.postForm("/demo/clock", Map.of("move", "days", "days", "30")).status()).isEqualTo(401);
  }

  @Test
  void theDemoClockRunsTheOverdueReviewReminderAndTheOutboxMovesWithIt() throws Exception {
    Http http = new Http(baseUrl());
    String reference = http.post("/api/applications", null, Http.application(), Map.of()).json().get("reference").asText();
    sender.deliverDue(clock.instant());
    Instant before = clock.instant();
    AdminBrowser admin = new AdminBrowser();

    HttpResponse<String> moved = admin.post("move=days&days=11");
    assertThat(moved.statusCode()).isEqualTo(302);
    assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/demo/clock");
    String report = HtmlUtils.htmlUnescape(admin.get("/demo/clock").body());

    assertThat(clock.instant()).isAfter(before.plus(Duration.ofDays(11)).minusSeconds(1));
    assertThat(clock.instant()).as("the clock keeps running from the new time").isBefore(before.plus(Duration.ofDays(11))
        .plus(Duration.ofMinutes(5)));
    assertThat(report).contains("Moved from", reference + ": ", "(timer)", "Emails sent");
    // The review is due in 10 days: its overdue reminder went to the partnership office, through SMTP.
    assertThat(emails.findByCreatedAtGreaterThanEqualOrderByIdAsc(before)).isNotEmpty()
        .allSatisfy(email -> assertThat(email.getStatus()).isEqualTo(OutboxStatus.SENT));
    assertThat(report).contains("Other steps run");

    // A restart: the engine's clock is the real time again until the stored offset is put back on start.
    try {
      long stored = offsets.stored().orElseThrow();
      assertThat(stored).as("offset stored").isBetween(Duration.ofDays(11).minusMinutes(1).toMillis(),
          Duration.ofDays(11).plusMinutes(5).toMillis());
      Instant movedTo = clock.instant();
      ClockUtil.reset();
      assertThat(clock.instant()).as("after the restart, before the restore").isBefore(movedTo.minus(Duration.ofDays(10)));
      offsets.afterSingletonsInstantiated();
      assertThat(clock.instant()).as("restored").isBetween(movedTo.minusSeconds(1), movedTo.plus(Duration.ofMinutes(5)));
      assertThat(ClockUtil.now().toInstant()).as("the engine's clock").isAfter(before.plus(Duration.ofDays(11)).minusSeconds(1));
    } finally {
      // The shared context goes on at the real time (SpringIntegrationTest resets the engine's clock after each test).
      jdbc.update("DELETE FROM demo_clock_offset");
    }
  }

  @Test
  void noStoredOffsetLeavesTheRealTime() {
    jdbc.update("DELETE FROM demo_clock_offset");
    ClockUtil.reset();
    offsets.afterSingletonsInstantiated();
    assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void badNumbersOfDaysMoveNothing() throws Exception {
    AdminBrowser admin = new AdminBrowser();
    for (String days : new String[] {"0", "-3", "abc", "", "732", "2.5"}) {
      Instant before = clock.instant();
      HttpResponse<String> refused = admin.post("move=days&days=" + days);
      assertThat(refused.statusCode()).as(days).isEqualTo(400);
      assertThat(refused.body()).contains("id=\"days-error\"", "aria-invalid=\"true\"", "from 1 to 731");
      assertThat(Duration.between(before, clock.instant())).as(days).isLessThan(Duration.ofMinutes(1));
    }
  }

  /** An administrator's browser: Basic credentials, a cookie jar, redirects not followed. */
  private final class AdminBrowser {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> post(String form) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/demo/clock"))
          .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization)
          .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
