package org.codeorg.partnerships.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A Camunda webapp session as a browser gets it: the XSRF cookie from the app's page, then the
 * log-in form, then API calls with the session cookie and the XSRF header.
 */
public final class WebappSession {

  private final HttpClient client;
  private final String baseUrl;
  private final String xsrf;
  private final int loginStatus;

  private WebappSession(HttpClient client, String baseUrl, String xsrf, int loginStatus) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.xsrf = xsrf;
    this.loginStatus = loginStatus;
  }

  /** Logs in to {@code app} (tasklist, cockpit, admin); see {@link #loginStatus()} for the answer. */
  public static WebappSession logIn(String baseUrl, String app, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new WebappSession(client, baseUrl, xsrf, login.statusCode());
  }

  public int loginStatus() {
    return loginStatus;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-XSRF-TOKEN", xsrf).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
