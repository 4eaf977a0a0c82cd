package org.codeorg.partnerships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The district's pages as a browser submits them (form posts, no JavaScript): the application
 * with errors next to their fields and nothing written, then accepted; the token page's forms at
 * the stages that need them, redirecting after success and showing errors otherwise.
 */
class DistrictPagesTest extends SpringIntegrationTest {

  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  OutboxSender sender;

  @Test
  void aDistrictAppliesThroughTheWebPage() {
    Http http = new Http(baseUrl());
    Http.Response form = http.get("/district/apply", null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("<label for=\"district-name\">", "<label for=\"teachers-0-email\">",
        "name=\"technology.bandwidthMbps\"", "<html lang=\"en\"", "name=\"viewport\"");

    Map<String, String> valid = fields();
    Map<String, String> fields = new LinkedHashMap<>(valid);
    fields.put("teachers[0].email", "not-an-email");
    fields.put("courses[0].course", "CSF");
    long before = partnerships.count();
    Http.Response invalid = http.postForm("/district/apply", fields);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("There is a problem", "href=\"#teachers-0-email\"", "Teacher 1 email: must be an email address",
        "id=\"teachers-0-email-error\"", "aria-invalid=\"true\"", "elementary school course", "value=\"not-an-email\"");
    assertThat(partnerships.count()).as("nothing written").isEqualTo(before);

    Http.Response accepted = http.postForm("/district/apply", valid);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.body()).contains("Application received");
    String reference = accepted.body().replaceAll("(?s).*(DP-\\d{4}-\\d{4}).*", "$1");
    assertThat(partnerships.findByReference(reference)).isPresent();
    Http.Response again = http.postForm("/district/apply", valid);
    assertThat(again.status()).as("second application").isEqualTo(409);
    assertThat(again.body()).contains("already applied", reference);
  }

  @Test
  void theTokenPageTakesTheTeachersGuaranteesAndTheSectionsSetUp() {
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    DistrictJourney.Approved approved = district.run();
    String page = "/district/partnerships/" + approved.reference();
    JsonNode detail = http.get("/api/partnerships/" + approved.reference(), "manager:manager").json();
    String teacherId = detail.get("professionalDevelopment").get(0).get("teacherId").asText();
    String sectionId = detail.get("sections").get(0).get("sectionId").asText();

    String html = http.get(page + "?token=" + approved.token(), null).body();
    assertThat(html).contains("Teachers' commitments", "Classroom set-up", "name=\"teacher-" + teacherId + "-commits\"",
        "for=\"section-" + sectionId + "-room\"");

    Http.Response noChoice = http.postForm(page + "/teachers/" + teacherId + "/commitment", Map.of("token", approved.token()));
    assertThat(noChoice.status()).isEqualTo(400);
    assertThat(noChoice.body()).contains("id=\"teacher-" + teacherId + "-commits-error\"");
    assertThat(http.postForm(page + "/teachers/" + teacherId + "/commitment",
        Map.of("token", approved.token().substring(1) + "A", "teacher-" + teacherId + "-commits", "true")).status())
        .as("wrong token").isEqualTo(404);
    Http.Response committed = http.postForm(page + "/teachers/" + teacherId + "/commitment",
        Map.of("token", approved.token(), "teacher-" + teacherId + "-commits", "true"));
    assertThat(committed.status()).isEqualTo(302);
    assertThat(http.headerOf(committed, "Location")).contains("done=commitment");

    String p = "section-" + sectionId + "-";
    Http.Response missing = http.postForm(page + "/sections/" + sectionId + "/readiness",
        Map.of("token", approved.token(), p + "room", "B-2"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("id=\"" + p + "bandwidthMbps-error\"", "value=\"B-2\"");
    Map<String, String> setUp = new LinkedHashMap<>(Map.of("token", approved.token(), p + "timeSlot", "Period 1",
        p + "room", "B-2", p + "courseCode", "CSP-1", p + "oneToOneComputing", "true", p + "bandwidthMbps", "30",
        p + "materialsReady", "true", p + "materialsCostPerClass", "45.50"));
    Http.Response reported = http.postForm(page + "/sections/" + sectionId + "/readiness", setUp);
    assertThat(reported.status()).as(reported.body()).isEqualTo(302);
    district.runJobs(approved.reference());
    assertThat(http.get(page + "?token=" + approved.token() + "&done=readiness", null).body())
        .contains("we received the section", "setup reported");
    assertThat(http.get("/api/partnerships/" + approved.reference(), "manager:manager").json().get("sections").get(0)
        .get("readiness").asText()).isEqualTo("READY");
  }

  @Test
  void theTokenPageTakesTheAnswerToAQuestionAndThePlan() {
    Http http = new Http(baseUrl());
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    Map<String, Object> application = Http.application();
    String reference = http.post("/api/applications", null, application, Map.of()).json().get("reference").asText();
    String contact = (String) ((Map<?, ?>) application.get("contact")).get("email");
    String token = district.tokenOf(contact, reference);
    String page = "/district/partnerships/" + reference;

    district.complete(district.openTask(reference, "Task_ReviewApplication"),
        Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequest", "Which period will CSP be taught in?"));
    district.runJobs(reference);
    assertThat(http.get(page + "?token=" + token, null).body()).contains("Which period will CSP be taught in?",
        "<label for=\"answer\">");
    Http.Response empty = http.postForm(page + "/information", Map.of("token", token, "answer", " "));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("id=\"answer-error\"", "Answer: is required");
    Http.Response answered = http.postForm(page + "/information", Map.of("token", token, "answer", "Period 3"));
    assertThat(answered.status()).isEqualTo(302);
    assertThat(http.postForm(page + "/information", Map.of("token", token, "answer", "Again")).status())
        .as("no question open any more").isEqualTo(409);

    district.complete(district.openTask(reference, "Task_ReviewApplication"), Map.of("reviewDecision", "ACCEPT"));
    district.runJobs(reference);
    district.complete(district.openTask(reference, "Task_RecordSignedAgreement"),
        Map.of("signatoryName", "Dr. Lee", "agreementSignedOn", "2027-03-01"));
    district.runJobs(reference);
    Http.Response partial = http.postForm(page + "/plan", Map.of("token", token, "vision", "CS for all",
        "implementation", "CSP in grade 11"));
    assertThat(partial.status()).isEqualTo(400);
    assertThat(partial.body()).contains("id=\"promotion-error\"", "id=\"communitySupport-error\"", "CS for all");
    Http.Response submitted = http.postForm(page + "/plan", Map.of("token", token, "vision", "CS for all",
        "implementation", "CSP in grade 11", "promotion", "Family night", "communitySupport", "Board support"));
    assertThat(submitted.status()).isEqualTo(302);
    assertThat(http.get(page + "?token=" + token + "&done=plan", null).body())
        .contains("we received your comprehensive plan", "plan submitted");
    assertThat(district.openTask(reference, "Task_ReviewPlan")).isNotNull();
  }

  private static Map<String, String> fields() {
    Map<String, Object> start = TestApplications.startForm();
    String school = (String) start.get("schoolName");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("district.name", (String) start.get("districtName"));
    fields.put("district.ncesId", (String) start.get("districtNcesId"));
    fields.put("district.state", "CA");
    fields.put("schoolYear", "2027-2028");
    fields.put("contact.name", (String) start.get("contactName"));
    fields.put("contact.email", (String) start.get("contactEmail"));
    fields.put("contact.phone", "");
    fields.put("schools[0].name", school);
    fields.put("schools[0].level", "HIGH");
    fields.put("schools[1].name", "");
    fields.put("courses[0].course", "CSP");
    fields.put("courses[0].school", school);
    fields.put("courses[0].sections", "2");
    fields.put("teachers[0].name", (String) start.get("teacherName"));
    fields.put("teachers[0].email", (String) start.get("teacherEmail"));
    fields.put("teachers[0].school", school);
    fields.put("teachers[0].course", "CSP");
    fields.put("technology.oneToOneComputing", "true");
    fields.put("technology.bandwidthMbps", "25");
    return fields;
  }
}
