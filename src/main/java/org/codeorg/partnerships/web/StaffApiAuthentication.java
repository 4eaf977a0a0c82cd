package org.codeorg.partnerships.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.codeorg.partnerships.identity.StaffGroups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff endpoints need HTTP Basic credentials (Camunda identity): the views
 * ({@code GET /api/partnerships/**}) any staff group, reissuing a district's link
 * ({@code POST /api/partnerships/{ref}/access-token}) partnership managers or admins, scheduling
 * workshops ({@code /api/workshops}) and reporting online PD completion PD managers or admins. District
 * endpoints (other POSTs, with a token) pass through. The staff user id is kept as request attribute
 * {@value #STAFF_USER}.
 */
@Configuration
public class StaffApiAuthentication {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffApiAuthenticationFilter(IdentityService identityService) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new StaffFilter(identityService));
    registration.addUrlPatterns("/api/partnerships", "/api/partnerships/*", "/api/workshops", "/api/workshops/*");
    registration.setOrder(20);
    return registration;
  }

  public static final String STAFF_USER = "partnerships.staffUser";

  static final class StaffFilter extends OncePerRequestFilter {

    private static final List<String> STAFF_GROUPS =
        Stream.concat(Stream.of(StaffGroups.ADMIN), StaffGroups.WORKING_GROUPS.stream()).toList();
    private static final List<String> LINK_ISSUERS = List.of(StaffGroups.ADMIN, StaffGroups.PARTNERSHIP_MANAGERS);
    private static final List<String> PD_WRITERS = List.of(StaffGroups.ADMIN, StaffGroups.PD_MANAGERS);

    private final IdentityService identityService;

    StaffFilter(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"GET".equals(request.getMethod()) && !isLinkReissue(request) && !isPdWrite(request);
    }

    /** Scheduling workshops and reporting online PD completion: PD managers. */
    private static boolean isPdWrite(HttpServletRequest request) {
      String uri = request.getRequestURI();
      return !"GET".equals(request.getMethod())
          && (uri.startsWith("/api/workshops") || uri.matches("/api/partnerships/[^/]+/teachers/[^/]+/pd-phases/.*"));
    }

    /** Partnership managers' actions: reissuing a district's link, sending a failed email again. */
    private static boolean isLinkReissue(HttpServletRequest request) {
      String uri = request.getRequestURI();
      return "POST".equals(request.getMethod()) && (uri.endsWith("/access-token") || uri.matches(".*/emails/[^/]+/retry"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String[] credentials = basicCredentials(request.getHeader("Authorization"));
      if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"partnerships\"");
        FilterProblems.write(response, 401, "Unauthorized", "Staff credentials (HTTP Basic) are required");
        return;
      }
      List<String> required = isLinkReissue(request) ? LINK_ISSUERS : isPdWrite(request) ? PD_WRITERS : STAFF_GROUPS;
      boolean allowed = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
          .map(Group::getId).anyMatch(required::contains);
      if (!allowed) {
        FilterProblems.write(response, 403, "Forbidden", isLinkReissue(request)
            ? "Only partnership managers may reissue a district's link or retry its emails"
            : isPdWrite(request) ? "Only PD managers may schedule workshops and report PD"
            : "Only program staff may read partnerships");
        return;
      }
      request.setAttribute(STAFF_USER, credentials[0]);
      chain.doFilter(request, response);
    }

    private static String[] basicCredentials(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
  }
}
