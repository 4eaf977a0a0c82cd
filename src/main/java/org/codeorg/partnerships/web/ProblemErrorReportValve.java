package org.codeorg.partnerships.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses before any servlet sees them (e.g. an encoded NUL in the path) get
 * Tomcat's own error page; under {@code /api/} they get a problem+json body like every API error.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    int status = response.getStatus();
    if (uri == null || !uri.startsWith("/api/") || status < 400 || response.isCommitted()) {
      super.report(request, response, throwable);
      return;
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":" + status
            + ",\"detail\":\"The request cannot be served\",\"errors\":[]}");
      }
    } catch (IOException | IllegalStateException e) {
      super.report(request, response, throwable);
    }
  }

  @Configuration
  static class Registration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
      return factory -> factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
      });
    }
  }
}
