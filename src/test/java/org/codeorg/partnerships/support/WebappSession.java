package org.codeorg.partnerships.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A Camunda webapp session as a browser gets it: the XSRF cookie from the app's page, then the
 * log-in form, then API calls with the session cookie and the XSRF header. The log-in starts a new
 * session with a new XSRF cookie, so each call sends the cookie's current value, as the webapps do.
 */
public final class WebappSession {

  private final HttpClient client;
  private final CookieManager cookies;
  private final String baseUrl;
  private final int loginStatus;

  private WebappSession(HttpClient client, CookieManager cookies, String baseUrl, int loginStatus) {
    this.client = client;
    this.cookies = cookies;
    this.baseUrl = baseUrl;
    this.loginStatus = loginStatus;
  }

  /** Logs in to {@code app} (tasklist, cockpit, admin); see {@link #loginStatus()} for the answer. */
  public static WebappSession logIn(String baseUrl, String app, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    // The app's first call after log-in, which hands the new session its XSRF cookie.
    client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.discarding());
    return new WebappSession(client, cookies, baseUrl, login.statusCode());
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, latest) -> latest).orElseThrow();
  }

  public int loginStatus() {
    return loginStatus;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-XSRF-TOKEN", xsrf(cookies)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
