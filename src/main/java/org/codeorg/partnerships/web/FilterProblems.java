package org.codeorg.partnerships.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Problem details (RFC 9457) written by servlet filters, which answer before any controller advice. */
final class FilterProblems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FilterProblems() {
  }

  static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    write(response, status, title, detail, Map.of());
  }

  static void write(HttpServletResponse response, int status, String title, String detail, Map<String, Object> extra)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.putAll(extra);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
