package org.codeorg.partnerships.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.Http.FilePart;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.codeorg.partnerships.support.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application page at any size, over HTTP as a browser without JavaScript posts it
 * (multipart, for the roster files): rows added with what was typed kept, schools chosen from the
 * schools entered, a roster filling rows, and every bad input answered on the page, next to its
 * field, with nothing written and never a 5xx.
 */
class DistrictRosterPagesTest extends SpringIntegrationTest {

  @Autowired
  PartnershipRepository partnerships;

  private Http http;
  private Map<String, String> fields;
  private String highA;
  private String highB;
  private String domain;

  @BeforeEach
  void form() {
    http = new Http(baseUrl());
    Map<String, Object> start = TestApplications.startForm();
    highA = (String) start.get("schoolName");
    highB = highA + " East";
    domain = "@" + ((String) start.get("contactEmail")).replaceAll(".*@", "");
    fields = new LinkedHashMap<>();
    fields.put("district.name", (String) start.get("districtName"));
    fields.put("district.ncesId", (String) start.get("districtNcesId"));
    fields.put("district.state", "CA");
    fields.put("schoolYear", "2027-2028");
    fields.put("contact.name", (String) start.get("contactName"));
    fields.put("contact.email", (String) start.get("contactEmail"));
    fields.put("schools[0].name", highA);
    fields.put("schools[0].level", "HIGH");
    fields.put("schools[1].name", highB);
    fields.put("schools[1].level", "HIGH");
    fields.put("courses[0].course", "CSP");
    fields.put("courses[0].school", highA);
    fields.put("courses[0].sections", "2");
    fields.put("courses[1].course", "CSP");
    fields.put("courses[1].school", highB);
    fields.put("courses[1].sections", "1");
    fields.put("technology.oneToOneComputing", "true");
    fields.put("technology.bandwidthMbps", "25");
  }

  @Test
  void addRowsKeepsWhatWasTypedAndOffersTheSchoolsEntered() {
    fields.put("teachers[0].name", "Kept Name");
    fields.put("action", "add-teachers");
    long before = partnerships.count();

    Http.Response page = http.postMultipartForm("/district/apply", fields, Map.of());

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("value=\"Kept Name\"", "id=\"teachers-19-name\"", "for=\"teachers-19-school\"",
        "<option value=\"" + highB + "\"", "takes at most", "2000", "100")
        .doesNotContain("id=\"teachers-20-name\"", "There is a problem");
    assertThat(page.body()).containsPattern("(?s)id=\"courses-1-school\".*<option value=\"" + highB + "\" selected");
    assertThat(partnerships.count()).as("nothing written").isEqualTo(before);
    // The same without multipart (a form posted as urlencoded still works).
    assertThat(http.postForm("/district/apply", fields).body()).contains("id=\"teachers-19-name\"");
  }

  @Test
  void aTeacherRosterFillsRowsAndTheApplicationIsAccepted() {
    String csv = "name,email,school,course\r\n"
        + "Ana Lopez,alopez" + domain + "," + highA + ",CSP\r\n"
        + "\"Park, Lee\",lpark" + domain + "," + highB.toUpperCase() + ",csp\r\n"
        + "Mia Chen,mchen" + domain + "," + highA + ",CSP\r\n";
    fields.put("action", "upload");
    Http.Response uploaded = http.postMultipartForm("/district/apply", fields, roster(csv));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    assertThat(uploaded.body()).contains("Added from the roster: 3 teacher rows", "value=\"Park, Lee\"",
        "value=\"lpark" + domain + "\"");
    // The school takes the spelling entered on the page.
    assertThat(uploaded.body()).containsPattern("(?s)id=\"teachers-1-school\".*?<option value=\"" + highB + "\" selected");

    fields.put("action", "apply");
    long before = partnerships.count();
    Http.Response applied = http.postMultipartForm("/district/apply", fields, roster(csv));
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("Application received");
    String reference = applied.body().replaceAll("(?s).*(DP-\\d{4}-\\d{4}).*", "$1");
    assertThat(partnerships.count()).isEqualTo(before + 1);
    assertThat(http.get("/api/partnerships/" + reference, "manager:manager").json().get("professionalDevelopment").size())
        .isEqualTo(3);
  }

  static Stream<Arguments> badRosters() {
    String header = "name,email,school,course\n";
    String good = "Ana Lopez,alopez@k12.test,{A},CSP\n";
    return Stream.of(
        Arguments.of("wrong headers", "teacherRoster", bytes("name,mail,school,course\n" + good),
            "row 1 must be the column names name,email,school,course in this order; the file has name,mail,school,course"),
        Arguments.of("missing headers", "teacherRoster", bytes(good + "Lee Park,lpark@k12.test,{A},CSP\n"),
            "row 1 must be the column names name,email,school,course"),
        Arguments.of("a missing column", "teacherRoster", bytes("name,email,school\nAna,a@k12.test,{A}\n"),
            "the file has name,email,school"),
        Arguments.of("a formula", "teacherRoster",
            bytes(header + good + "\"=HYPERLINK(\"\"https://evil.test\"\",\"\"Lee\"\")\",lpark@k12.test,{A},CSP\n"),
            "row 3, name: starts with &quot;=&quot;, which spreadsheets run as a formula"),
        Arguments.of("a file that is not UTF-8", "teacherRoster",
            (header + "Jos\u00e9 Ruiz,jruiz@k12.test,{A},CSP\n").getBytes(StandardCharsets.ISO_8859_1),
            "the file is not UTF-8 text"),
        Arguments.of("duplicate teacher emails", "teacherRoster",
            bytes(header + good + "Ana Lopez Jr,ALOPEZ@k12.test,{A},CSP\n"),
            "row 3, email: is the same as row 2&#39;s; each teacher once"),
        Arguments.of("a school not in the application", "teacherRoster",
            bytes(header + good + "Lee Park,lpark@k12.test,Nowhere High,CSP\n"),
            "row 3, school: Nowhere High is not one of the schools entered above"),
        Arguments.of("a bad email at row 7", "teacherRoster", bytes(header + good
            + "B Two,b2@k12.test,{A},CSP\nB Three,b3@k12.test,{A},CSP\nB Four,b4@k12.test,{A},CSP\n"
            + "B Five,b5@k12.test,{A},CSP\nB Six,not-an-email,{A},CSP\n"),
            "row 7, email: must be an email address"),
        Arguments.of("an empty file", "teacherRoster", bytes(""), "the file is empty"),
        Arguments.of("a course roster with bad sections", "courseRoster",
            bytes("course,school,sections\nCSP,{A},many\n"), "row 2, sections: must be between 1 and 50"),
        Arguments.of("a course roster with an unknown course", "courseRoster",
            bytes("course,school,sections\nPHYSICS,{A},2\n"), "row 2, course: must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRosters")
  void aBadRosterIsShownAtItsRowsAndWritesNothing(String name, String field, byte[] file, String message) {
    byte[] content = new String(file, StandardCharsets.ISO_8859_1).replace("{A}", highA)
        .getBytes(StandardCharsets.ISO_8859_1);
    fields.put("teachers[0].name", "Typed Teacher");
    fields.put("teachers[0].email", "typed" + domain);
    fields.put("teachers[0].school", highA);
    fields.put("teachers[0].course", "CSP");
    fields.put("teachers[1].name", "Typed Teacher B");
    fields.put("teachers[1].email", "typedb" + domain);
    fields.put("teachers[1].school", highB);
    fields.put("teachers[1].course", "CSP");
    fields.put("action", "apply");
    long before = partnerships.count();

    Http.Response page = http.postMultipartForm("/district/apply", fields,
        Map.of(field, new FilePart("roster.csv", content)));

    assertThat(page.status()).as(page.body()).isEqualTo(400);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains(message, "id=\"" + field + "-error\"", "aria-describedby=\"" + field + "-error\"",
        "href=\"#" + field + "\"", "There is a problem", "value=\"Typed Teacher\"");
    assertThat(partnerships.count()).as("nothing written").isEqualTo(before);
  }

  @Test
  void aTenMegabyteFileIsAPageSayingSoNotA5xx() {
    byte[] big = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    fields.put("action", "upload");
    long before = partnerships.count();

    Http.Response page = http.postMultipartForm("/district/apply", fields,
        Map.of("teacherRoster", new FilePart("huge.csv", big)));

    assertThat(page.status()).isEqualTo(413);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("The file is too large", "Nothing was sent");
    assertThat(partnerships.count()).isEqualTo(before);
  }

  @Test
  void aRosterFileOverOneMegabyteIsRefusedAtItsField() {
    StringBuilder csv = new StringBuilder("name,email,school,course\n");
    while (csv.length() <= RosterUpload.MAX_BYTES) {
      csv.append("Padding Teacher,pad@k12.test,").append(highA).append(",CSP\n");
    }
    fields.put("action", "upload");
    Http.Response page = http.postMultipartForm("/district/apply", fields, roster(csv.toString()));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("the file is larger than 1 MB");
  }

  @Test
  void duplicateTeacherEmailsAndAnUnlistedSchoolOnTheFormAreShownAtTheirFields() {
    fields.put("teachers[0].name", "Ana Lopez");
    fields.put("teachers[0].email", "alopez" + domain);
    fields.put("teachers[0].school", highA);
    fields.put("teachers[0].course", "CSP");
    fields.put("teachers[3].name", "Ana Lopez Again");
    fields.put("teachers[3].email", "ALOPEZ" + domain);
    fields.put("teachers[3].school", highB);
    fields.put("teachers[3].course", "CSP");
    fields.put("teachers[4].name", "Lee Park");
    fields.put("teachers[4].email", "lpark" + domain);
    fields.put("teachers[4].school", "Elsewhere High");
    fields.put("teachers[4].course", "CSP");
    long before = partnerships.count();

    Http.Response page = http.postMultipartForm("/district/apply", fields, Map.of());

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"teachers-3-email-error\"", "is the same as teacher 1&#39;s email",
        "id=\"teachers-4-school-error\"", "names a school that is not listed in schools: Elsewhere High",
        // kept as typed, so the error shows next to it
        "<option value=\"Elsewhere High\" selected");
    assertThat(partnerships.count()).isEqualTo(before);

    Map<String, Object> json = Http.application();
    List<?> teachers = (List<?>) json.get("teachers");
    json.put("teachers", List.of(teachers.get(0), teachers.get(0)));
    Http.Response api = http.post("/api/applications", null, json, Map.of());
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.body()).contains("teachers[1].email", "each teacher once");
  }

  @Test
  void beyondTheLimitsTheAnswerSaysSo() {
    for (int i = 2; i <= 100; i++) {
      fields.put("schools[" + i + "].name", "Extra School " + i);
      fields.put("schools[" + i + "].level", "HIGH");
    }
    long before = partnerships.count();
    fields.put("action", "add-schools");
    Http.Response adding = http.postMultipartForm("/district/apply", fields, Map.of());
    assertThat(adding.status()).isEqualTo(200);
    assertThat(adding.body()).contains("An application takes at most 100 schools", "id=\"schools-100-name\"")
        .doesNotContain("id=\"schools-101-name\"");

    fields.put("action", "apply");
    Http.Response page = http.postMultipartForm("/district/apply", fields, Map.of());
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("must be at most 100 schools per application", "href=\"#schools\"");
    assertThat(partnerships.count()).isEqualTo(before);

    Map<String, Object> json = Http.application();
    List<Map<String, String>> schools = new java.util.ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      schools.add(Map.of("name", "School " + i, "level", "HIGH"));
    }
    json.put("schools", schools);
    Http.Response api = http.post("/api/applications", null, json, Map.of());
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.body()).contains("\"field\":\"schools\"", "at most 100 schools");
  }

  private static Map<String, FilePart> roster(String csv) {
    return Map.of("teacherRoster", new FilePart("teachers.csv", bytes(csv)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
