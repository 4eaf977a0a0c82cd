package org.codeorg.partnerships.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.application.PartnershipRenewals;
import org.codeorg.partnerships.mail.OutboxSender;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.DistrictJourney;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal form without JavaScript, and its {@code schools} over the API: "Add rows" shows the form again with what
 * was typed and more empty rows (nothing written); bad school lists are 400s naming the field with nothing written.
 * The in-place rows and a confirmation are {@code DistrictRenewalBrowserTest}.
 */
class DistrictRenewalPageTest extends SpringIntegrationTest {

  @Autowired
  OutboxSender sender;
  @Autowired
  PartnershipRenewals renewals;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  TransactionTemplate transactions;

  @Test
  void addRowsKeepsWhatWasTypedAndBadSchoolListsWriteNothing() {
    Http http = new Http(baseUrl());
    Map<String, Object> application = Http.application();
    String contact = (String) ((Map<?, ?>) application.get("contact")).get("email");
    String school = (String) ((Map<?, ?>) ((List<?>) application.get("schools")).get(0)).get("name");
    String reference = http.post("/api/applications", null, application, Map.of()).json().get("reference").asText();
    DistrictJourney district = new DistrictJourney(http, processEngine, sender, "manager:manager");
    district.runJobs(reference);
    String token = district.tokenOf(contact, reference);
    Long id = partnerships.findByReference(reference).orElseThrow().getId();
    String next = transactions.execute(s -> renewals.startNextYear(id)).orElseThrow();
    district.runJobs(next);

    String first = http.get("/district/partnerships/" + next + "?token=" + token, null).body();
    assertThat(first).contains("name=\"schools[0].name\"", "value=\"" + school + "\"", "name=\"schools[2].name\"",
        "name=\"newTeachers[9].name\"").doesNotContain("name=\"newTeachers[10].name\"");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("schools[0].name", school);
    form.put("schools[0].level", "HIGH");
    form.put("schools[1].name", "Typed Middle");
    form.put("schools[1].level", "MIDDLE");
    form.put("newTeachers[0].name", "Typed Teacher");
    form.put("newTeachers[0].school", "Typed Middle");
    form.put("action", "add-newTeachers");
    Http.Response more = http.postForm("/district/partnerships/" + next + "/renewal-confirmation", form);
    assertThat(more.status()).isEqualTo(200);
    assertThat(more.body()).contains("value=\"Typed Middle\"", "value=\"Typed Teacher\"", "name=\"newTeachers[10].name\"",
        "data-focus=\"newTeachers-10\"").doesNotContain("There is a problem");
    assertThat(more.body()).containsPattern("<option value=\"Typed Middle\"\\s+selected");

    Map<String, String> tokenHeader = Map.of("X-Partnership-Token", token);
    long teacherId = http.get("/api/partnerships/" + next, "manager:manager").json().get("professionalDevelopment")
        .get(0).get("teacherId").asLong();
    Http.Response bad = http.post("/api/partnerships/" + next + "/renewal-confirmation", null, Map.of(
        "teachers", List.of(Map.of("teacherId", teacherId, "keep", true)),
        "schools", List.of(Map.of("name", school, "level", "MIDDLE"), Map.of("name", "Twice Elementary", "level",
            "ELEMENTARY"), Map.of("name", "twice elementary", "level", "ELEMENTARY")),
        "sections", List.of(Map.of("school", "Twice Elementary", "course", "CSP", "sections", 1))), tokenHeader);
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.json().get("errors").findValuesAsText("field")).contains("schools[0].level", "schools[2].name",
        "sections[0].course");
    Http.Response none = http.post("/api/partnerships/" + next + "/renewal-confirmation", null, Map.of(
        "teachers", List.of(Map.of("teacherId", teacherId, "keep", true)), "schools", List.of()), tokenHeader);
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(none.json().get("errors").findValuesAsText("field")).contains("schools");
    String stage = transactions.execute(s -> partnerships.findByReference(next).orElseThrow().getStage().name());
    assertThat(stage).as("nothing written").isEqualTo("RENEWAL_CONFIRMATION");
    Integer schools = transactions.execute(s -> partnerships.findByReference(next).orElseThrow().getSchools().size());
    assertThat(schools).isEqualTo(1);
  }

}
