package org.codeorg.partnerships.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hardening of the project's own API ({@code /api/**}): security headers on every answer, a
 * request body limit (413), and the per-client rate limit of the public intake (429 with Retry-After).
 *
 * <p>Two body limits: an application or a renewal confirmation (API and page) may list everything
 * {@code PartnershipApplication} allows (2,000 teachers, 100 schools, 300 course offers, 200 leaders; about
 * 1.7 MB of JSON with every text at its 200-character maximum), so those four paths take up to
 * {@code partnership.district.max-application-bytes} (4 MB, more than twice that); every other body up to
 * {@code partnership.api.max-body-bytes} (64 KB).
 */
@Configuration
public class ApiGuard {

  /** Before every other filter of the API: limits and headers apply to refusals too. */
  static final int ORDER = 5;

  /** The paths whose bodies are as large as an application at its limits. */
  static final Pattern APPLICATION_SIZED = Pattern.compile(
      "^(/api/applications|/district/apply|/(api|district)/partnerships/[^/]+/renewal-confirmation)$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiGuardFilter(IntakeRateLimiter limiter,
      @Value("${partnership.api.max-body-bytes:65536}") long maxBodyBytes,
      @Value("${partnership.district.max-application-bytes:4194304}") long maxApplicationBytes,
      ITemplateEngine templates) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new GuardFilter(limiter, maxBodyBytes, maxApplicationBytes, templates));
    registration.addUrlPatterns("/api/*", "/district/*", "/certificates/*");
    registration.setOrder(ORDER);
    return registration;
  }

  static final class GuardFilter extends OncePerRequestFilter {

    private final IntakeRateLimiter limiter;
    private final long maxBodyBytes;
    private final long maxApplicationBytes;
    private final ITemplateEngine templates;

    GuardFilter(IntakeRateLimiter limiter, long maxBodyBytes, long maxApplicationBytes, ITemplateEngine templates) {
      this.limiter = limiter;
      this.maxBodyBytes = maxBodyBytes;
      this.maxApplicationBytes = maxApplicationBytes;
      this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      // District pages carry the token in their URL: no referrer leaves them, and nothing loads from elsewhere.
      // Their one script (a form is sent once) is a file of this application; inline scripts stay refused.
      String path = RequestPaths.routed(request);
      response.setHeader("Content-Security-Policy", path.startsWith("/district/") || path.startsWith("/certificates/")
          ? "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
          : "default-src 'none'; frame-ancestors 'none'");
      response.setHeader("Cache-Control", "no-store");

      if ("POST".equals(request.getMethod()) && "/api/applications".equals(RequestPaths.routed(request))) {
        Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr());
        if (wait.isPresent()) {
          long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
          response.setHeader("Retry-After", Long.toString(seconds));
          FilterProblems.write(response, 429, "Too many requests",
              "Too many applications from this address; retry after " + seconds + " s");
          return;
        }
      }
      // An application (page with roster files, or JSON) and a renewal confirmation list up to 2,000 teachers;
      // everything else the API's limit.
      long limit = "POST".equals(request.getMethod()) && APPLICATION_SIZED.matcher(path).matches()
          ? maxApplicationBytes : maxBodyBytes;
      if (request.getContentLengthLong() > limit) {
        if (path.startsWith("/district/")) {
          // A page, not problem+json: a district chose a file that is too large (server.tomcat.max-swallow-size
          // lets Tomcat read the rest of such a body, so the browser receives this answer).
          response.setStatus(413);
          response.setContentType("text/html;charset=UTF-8");
          Context context = new Context(request.getLocale());
          context.setVariable("limitMegabytes", Math.max(1, limit / (1024 * 1024)));
          templates.process("district/too-large", context, response.getWriter());
          return;
        }
        FilterProblems.write(response, 413, "Request too large", "Request bodies are limited to " + limit + " bytes");
        return;
      }
      chain.doFilter(request.getContentLengthLong() < 0 ? new LimitedBodyRequest(request, limit) : request,
          response);
    }
  }
}
