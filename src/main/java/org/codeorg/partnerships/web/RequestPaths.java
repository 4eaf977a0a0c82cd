package org.codeorg.partnerships.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed by. Filters that decide on a path must read this, not
 * {@link HttpServletRequest#getRequestURI()}: the raw URI keeps percent-encoding and path parameters
 * ({@code /api/%61pplications}, {@code /task/1/complete;x=1}), which the servlet container and the
 * frameworks behind it decode and strip before they route, so a check on the raw URI can be walked
 * around by another spelling of the same path.
 */
final class RequestPaths {

  private RequestPaths() {
  }

  /** The decoded path within the application, without path parameters, e.g. {@code /api/applications}. */
  static String routed(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
