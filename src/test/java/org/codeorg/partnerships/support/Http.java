package org.codeorg.partnerships.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for tests against the running application. */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Response get(String path, String credentials) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), credentials, Map.of());
  }

  public Response post(String path, String credentials, Object body, Map<String, String> headers) {
    return withBody("POST", path, credentials, body, headers);
  }

  /** A browser's form submission (application/x-www-form-urlencoded); redirects are not followed. */
  public Response postForm(String path, Map<String, String> fields) {
    String body = String.join("&", fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(),
        StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), null, Map.of());
  }

  /** Any method, media type and body, as hostile clients send them. */
  public Response raw(String method, String path, String credentials, String contentType, String body,
      Map<String, String> headers) {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    } catch (IllegalArgumentException unparseable) {
      return new Response(400, "client", "the client refuses to send " + path, null);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(request, credentials, headers);
  }

  /**
   * A multipart/form-data POST as Camunda Modeler sends a deployment: text fields first, then one
   * file part per entry of {@code files} (file name to content, in the map's order).
   */
  public Response postMultipart(String path, String credentials, Map<String, String> fields, Map<String, String> files) {
    String boundary = "----test" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    files.forEach((fileName, content) -> body.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), credentials, Map.of());
  }

  /** A file of a browser's multipart form: its name on disk and its bytes. */
  public record FilePart(String fileName, byte[] content) {
  }

  /**
   * A browser's multipart/form-data form: text fields (repeated names allowed through the list of
   * pairs), then one file part per entry of {@code files} (field name to file), as chromium sends them.
   */
  public Response postMultipartForm(String path, Map<String, String> fields, Map<String, FilePart> files) {
    String boundary = "----form" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, file) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + file.fileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), null, Map.of());
  }

  /** GET returning the body as bytes (a PDF, a CSV with its byte order mark). */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Response put(String path, String credentials, Object body) {
    return withBody("PUT", path, credentials, body, Map.of());
  }

  private Response withBody(String method, String path, String credentials, Object body, Map<String, String> headers) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(text)), credentials, headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Response send(HttpRequest.Builder request, String credentials, Map<String, String> headers) {
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String headerOf(Response response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The application body of README "HTTP API" (docs/examples/application.json), with a district of its own per call. */
  public static Map<String, Object> application() {
    Map<String, Object> form = TestApplications.startForm();
    String school = (String) form.get("schoolName");
    return new java.util.LinkedHashMap<>(Map.of(
        "district", Map.of("name", form.get("districtName"), "ncesId", form.get("districtNcesId"), "state", "CA"),
        "contact", Map.of("name", form.get("contactName"), "email", form.get("contactEmail"), "phone", "+1 555 0100"),
        "schoolYear", "2027-2028",
        "schools", java.util.List.of(Map.of("name", school, "level", "HIGH")),
        "courses", java.util.List.of(Map.of("course", "CSP", "school", school, "sections", 2)),
        "teachers", java.util.List.of(Map.of("name", form.get("teacherName"), "email", form.get("teacherEmail"),
            "school", school, "course", "CSP")),
        "leaders", java.util.List.of(Map.of("name", "Sam Cole", "email", "scole" + form.get("districtNcesId") + "@k12.test",
            "school", school, "role", "COUNSELOR")),
        "technology", Map.of("oneToOneComputing", true, "bandwidthMbps", 25)));
  }
}
