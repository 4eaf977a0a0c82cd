package org.codeorg.partnerships.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.codeorg.partnerships.lifecycle.TaskCompletionTimeline;
import org.codeorg.partnerships.mail.OutboxSender;

/**
 * One district from {@code POST /api/applications} through review, signed terms, one plan
 * revision and approval, over HTTP as the district and a partnership manager would do it, with
 * every email checked as the SMTP server receives it. Runs against H2 and PostgreSQL.
 */
public final class DistrictJourney {

  private static final Pattern LINK = Pattern.compile("/district/partnerships/(DP-\\d{4}-\\d{4})\\?token=([A-Za-z0-9_-]{43})");

  private final Http http;
  private final ProcessEngine engine;
  private final OutboxSender sender;
  private final String manager;

  public DistrictJourney(Http http, ProcessEngine engine, OutboxSender sender, String managerCredentials) {
    this.http = http;
    this.engine = engine;
    this.sender = sender;
    this.manager = managerCredentials;
  }

  /** The approved partnership, for journeys that go on from there. */
  public record Approved(String reference, String token, String contact) {
  }

  public Approved run() {
    return run(Http.application());
  }

  public Approved run(Map<String, Object> application) {
    String contact = (String) ((Map<?, ?>) application.get("contact")).get("email");

    // 1. The district applies.
    Http.Response applied = http.post("/api/applications", null, application, Map.of());
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    JsonNode body = applied.json();
    String reference = body.get("reference").asText();
    assertThat(reference).matches("DP-\\d{4}-\\d{4}");
    assertThat(body.get("status").asText()).isEqualTo("APPLICATION_REVIEW");
    assertThat(body.has("id")).isTrue();
    assertThat(applied.body()).doesNotContainIgnoringCase("token");

    MimeMessage received = deliveredTo(contact, "We received your Code.org partnership application (" + reference + ")");
    String token = tokenFrom(received, reference);
    assertThat(http.post("/api/partnerships/" + reference + "/information", null, Map.of("answer", "x"),
        Map.of("X-Partnership-Token", token)).status()).as("token accepted, nothing asked yet").isEqualTo(409);
    assertThat(http.post("/api/partnerships/" + reference + "/information", null, Map.of("answer", "x"),
        Map.of("X-Partnership-Token", token.substring(1) + "A")).status()).as("wrong token").isEqualTo(404);

    Http.Response page = http.get("/district/partnerships/" + reference + "?token=" + token, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains(reference, "Application review", "application received");
    assertThat(http.get("/district/partnerships/" + reference + "?token=" + token.substring(1) + "A", null).status())
        .isEqualTo(404);

    // 2. A partnership manager reviews and accepts.
    JsonNode review = openTask(reference, "Task_ReviewApplication");
    JsonNode formVariables = http.get("/engine-rest/task/" + review.get("id").asText() + "/form-variables", manager).json();
    assertThat(formVariables.path("screeningResult").path("value").asText()).isEqualTo("ELIGIBLE");
    complete(review, Map.of("reviewDecision", "ACCEPT"));
    runJobs(reference);
    MimeMessage terms = deliveredTo(contact, "Welcome to the Code.org partnership program (" + reference + "): the partnership terms");
    assertThat(plainText(terms)).contains("evaluators to assess the program");
    assertThat(tokenFrom(terms, reference)).isEqualTo(token);

    // 3. The signed agreement is recorded; the plan is requested.
    complete(openTask(reference, "Task_RecordSignedAgreement"),
        Map.of("signatoryName", "Dr. Ada Lovelace, Superintendent", "agreementSignedOn", "2027-03-15"));
    runJobs(reference);
    assertThat(tokenFrom(deliveredTo(contact, "Code.org partnership " + reference + ": your comprehensive plan"), reference))
        .isEqualTo(token);

    // 4. The district submits a plan (one section missing first), a revision is asked for, then approved.
    Map<String, String> plan = Map.of("vision", "Computer science for every student by 2030",
        "implementation", "CSP in both high schools", "promotion", "Family nights",
        "communitySupport", "Local employers mentor");
    Http.Response incomplete = http.post("/api/partnerships/" + reference + "/plan", null,
        Map.of("vision", "v", "implementation", "i", "promotion", "p"), Map.of("X-Partnership-Token", token));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.contentType()).startsWith("application/problem+json");
    assertThat(incomplete.json().get("errors").toString()).contains("communitySupport");
    assertThat(openTasks(reference)).isEmpty();

    Http.Response first = http.post("/api/partnerships/" + reference + "/plan", null, plan, Map.of("X-Partnership-Token", token));
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(first.json().get("round").asInt()).isEqualTo(1);
    complete(openTask(reference, "Task_ReviewPlan"),
        Map.of("planDecision", "REVISE", "visionComment", "Name the grades that will take CS first."));
    runJobs(reference);
    MimeMessage revision = deliveredTo(contact, "Code.org partnership " + reference + ": please revise your comprehensive plan");
    assertThat(plainText(revision)).contains("Name the grades that will take CS first.");

    Http.Response second = http.post("/api/partnerships/" + reference + "/plan?token=" + token, null, plan, Map.of());
    assertThat(second.status()).as(second.body()).isEqualTo(202);
    assertThat(second.json().get("round").asInt()).isEqualTo(2);
    complete(openTask(reference, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));
    runJobs(reference);
    deliveredTo(contact, "Code.org partnership " + reference + ": comprehensive plan approved");

    // 5. What staff see: professional development has started.
    JsonNode detail = http.get("/api/partnerships/" + reference, manager).json();
    assertThat(detail.get("stage").asText()).isEqualTo("IMPLEMENTATION");
    assertThat(detail.get("openTasks").size()).as("PD work for staff").isPositive();
    List<String> timeline = new java.util.ArrayList<>();
    List<String> completedTasks = new java.util.ArrayList<>();
    detail.get("timeline").forEach(entry -> {
      assertThat(Instant.parse(entry.get("at").asText())).isBefore(Instant.now().plusSeconds(1));
      if (entry.get("event").asText().equals(TaskCompletionTimeline.EVENT)) {
        completedTasks.add(entry.get("detail").asText());
      } else {
        timeline.add(entry.get("event").asText());
      }
    });
    String managerId = manager.substring(0, manager.indexOf(':'));
    assertThat(completedTasks).containsExactly(
        TaskCompletionTimeline.detail("Review application", managerId),
        TaskCompletionTimeline.detail("Record signed partnership agreement", managerId),
        TaskCompletionTimeline.detail("Review comprehensive plan", managerId),
        TaskCompletionTimeline.detail("Review comprehensive plan", managerId));
    assertThat(timeline).startsWith("APPLICATION_RECEIVED", "SCREENED", "APPLICATION_ACCEPTED", "AGREEMENT_SIGNED",
        "PLAN_REQUESTED", "PLAN_SUBMITTED", "PLAN_REVIEWED", "PLAN_REVISION_REQUESTED", "PLAN_SUBMITTED",
        "PLAN_REVIEWED", "PLAN_APPROVED", "IMPLEMENTATION_STARTED");
    assertThat(http.get("/api/partnerships?stage=IMPLEMENTATION", manager).body()).contains(reference);
    JsonNode emails = http.get("/api/partnerships/" + reference + "/emails", manager).json();
    List<String> milestones = new java.util.ArrayList<>();
    emails.forEach(email -> {
      assertThat(email.get("status").asText()).isEqualTo("SENT");
      milestones.add(email.get("milestone").asText());
    });
    assertThat(milestones).startsWith("APPLICATION_RECEIVED", "APPLICATION_ACCEPTED", "PLAN_REQUESTED",
        "PLAN_REVISION_REQUESTED", "PLAN_APPROVED");
    assertThat(http.get("/api/partnerships/" + reference, null).status()).isEqualTo(401);
    assertThat(http.get("/district/partnerships/" + reference + "?token=" + token, null).body())
        .contains("Professional development and classroom set-up", "plan approved");
    return new Approved(reference, token, contact);
  }

  public JsonNode openTask(String reference, String taskDefinitionKey) {
    return openTask(reference, taskDefinitionKey, manager);
  }

  public JsonNode openTask(String businessKey, String taskDefinitionKey, String credentials) {
    JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
        + taskDefinitionKey, credentials).json();
    assertThat(tasks.size()).as("open " + taskDefinitionKey + ": " + tasks).isEqualTo(1);
    return tasks.get(0);
  }

  private List<String> openTasks(String reference) {
    List<String> keys = new java.util.ArrayList<>();
    http.get("/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=Task_ReviewPlan", manager)
        .json().forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
    return keys;
  }

  public void complete(JsonNode task, Map<String, Object> variables) {
    complete(task, variables, manager);
  }

  /**
   * Reassigns the task to the caller, as a manager does in Tasklist to complete work assigned to
   * someone else (only the assignee may complete a task).
   */
  public void takeOver(JsonNode task, String credentials) {
    String userId = credentials.substring(0, credentials.indexOf(':'));
    Http.Response reassigned = http.post("/engine-rest/task/" + task.get("id").asText() + "/assignee", credentials,
        Map.of("userId", userId), Map.of());
    assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
  }

  public void complete(JsonNode task, Map<String, Object> variables, String credentials) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    Http.Response done = http.post("/engine-rest/task/" + task.get("id").asText() + "/complete", credentials,
        Map.of("variables", typed), Map.of());
    assertThat(done.status()).as(done.body()).isIn(200, 204);
  }

  /**
   * The due jobs (async steps, timers) of every instance with this business key (the lifecycle
   * and its PD instances share the partnership's reference), executed by hand as the job executor would.
   */
  public void runJobs(String businessKey) {
    for (int guard = 0; guard < 500; guard++) {
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list().stream().map(i -> i.getId()).toList();
      // One at a time: a job may cancel another (an interrupting timer).
      List<Job> jobs = instances.isEmpty() ? List.of() : engine.getManagementService().createJobQuery()
          .processInstanceIds(new java.util.HashSet<>(instances)).executable().orderByJobDuedate().asc().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("Jobs of " + businessKey + " keep creating due jobs");
  }

  public MimeMessage deliveredTo(String recipient, String subject) {
    assertThat(received(recipient, subject)).as("email '" + subject + "' to " + recipient).isEqualTo(1);
    return matching(recipient, subject).get(0);
  }

  /** How many emails with this subject the SMTP server received for the recipient (after a delivery run). */
  public long received(String recipient, String subject) {
    sender.deliverDue(ClockUtil.getCurrentTime().toInstant());
    return matching(recipient, subject).size();
  }

  private static List<MimeMessage> matching(String recipient, String subject) {
    return Arrays.stream(TestSmtpServer.server().getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(recipient) && subject.equals(m.getSubject());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The decoded text/plain part, as a mail client shows it. */
  public static String plainText(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String text = plainText(multipart.getBodyPart(i));
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The district's token from the "application received" email. */
  public String tokenOf(String contact, String reference) {
    return tokenFrom(deliveredTo(contact, "We received your Code.org partnership application (" + reference + ")"),
        reference);
  }

  private static String tokenFrom(MimeMessage message, String reference) {
    Matcher link = LINK.matcher(plainText(message));
    assertThat(link.find()).as("district link in " + message).isTrue();
    assertThat(link.group(1)).isEqualTo(reference);
    return link.group(2);
  }
}
