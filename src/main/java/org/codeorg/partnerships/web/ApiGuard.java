package org.codeorg.partnerships.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hardening of the project's own API ({@code /api/**}): security headers on every answer, a
 * request body limit (413), and the per-client rate limit of the public intake (429 with Retry-After).
 */
@Configuration
public class ApiGuard {

  /** Before every other filter of the API: limits and headers apply to refusals too. */
  static final int ORDER = 5;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiGuardFilter(IntakeRateLimiter limiter,
      @Value("${partnership.api.max-body-bytes:65536}") long maxBodyBytes) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new GuardFilter(limiter, maxBodyBytes));
    registration.addUrlPatterns("/api/*", "/district/*", "/certificates/*");
    registration.setOrder(ORDER);
    return registration;
  }

  static final class GuardFilter extends OncePerRequestFilter {

    private final IntakeRateLimiter limiter;
    private final long maxBodyBytes;

    GuardFilter(IntakeRateLimiter limiter, long maxBodyBytes) {
      this.limiter = limiter;
      this.maxBodyBytes = maxBodyBytes;
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
      if (request.getContentLengthLong() > maxBodyBytes) {
        FilterProblems.write(response, 413, "Request too large", "Request bodies are limited to " + maxBodyBytes + " bytes");
        return;
      }
      chain.doFilter(request.getContentLengthLong() < 0 ? new LimitedBodyRequest(request, maxBodyBytes) : request,
          response);
    }
  }
}
