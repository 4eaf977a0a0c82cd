package org.codeorg.partnerships.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the administrator's demo pages ({@code /demo/**}) only: a user logged in to the Camunda webapps
 * (Tasklist, Cockpit, Admin) in this browser is that user here too, so the newcomer who logged in as
 * {@code admin} opens the mailbox and the demo clock without a second log-in. HTTP Basic works as well.
 * The groups come from Camunda identity at each request, as with Basic.
 *
 * <p>A session cookie is ambient, so a state-changing request (the clock's POST) counts only when the
 * browser says it comes from this site ({@code Sec-Fetch-Site: same-origin}, or an {@code Origin} of this
 * host); a cross-site form post gets no authentication and the usual 401. The JSON API never takes the
 * session (no CSRF protection there, see {@link ApiSecurity}).
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final RequestMatcher paths;
  private final IdentityService identityService;
  private final String engineName;

  WebappSessionAuthentication(RequestMatcher paths, IdentityService identityService, String engineName) {
    this.paths = paths;
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (paths.matches(request) && SecurityContextHolder.getContext().getAuthentication() == null
        && (SAFE_METHODS.contains(request.getMethod()) || sameSite(request))) {
      HttpSession session = request.getSession(false);
      Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null && authentications.getAuthenticationForProcessEngine(engineName)
          instanceof UserAuthentication user) {
        String userId = user.getIdentityId();
        List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
            .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(group.getId())).toList();
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, groups));
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean sameSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return fetchSite.equals("same-origin");
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getServerName();
      return host.equalsIgnoreCase(uri.getHost()) && request.getServerPort() == (uri.getPort() == -1
          ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
