package org.codeorg.partnerships.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.codeorg.partnerships.partnership.DistrictAccess;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a district request by its partnership's token: header {@value #HEADER}, else
 * parameter {@code token} (the query of an emailed link, or the hidden field of a district page's
 * form), checked for the {@code {reference}} in the path. Only on the district routes it is given,
 * so a token never stands in for staff credentials. A missing or wrong token leaves the request
 * anonymous; the access rules then answer it as they answer an unknown reference (404).
 *
 * <p>The district services still open the partnership with the token ({@code DistrictAccess.open})
 * in their own transaction: they need it loaded there, and a link reissued between this check and
 * theirs is then refused too.
 */
final class DistrictTokenFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Partnership-Token";

  private final RequestMatcher districtRoutes;
  private final DistrictAccess access;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  /** @param districtRoutes matchers whose path has a {@code {reference}} variable */
  DistrictTokenFilter(RequestMatcher districtRoutes, DistrictAccess access) {
    this.districtRoutes = districtRoutes;
    this.access = access;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestMatcher.MatchResult route = districtRoutes.matcher(request);
    String reference = route.isMatch() ? route.getVariables().get("reference") : null;
    String token = token(request);
    if (reference != null && token != null && access.admits(reference, token)) {
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(new DistrictTokenAuthentication(reference));
      contexts.setContext(context);
    }
    chain.doFilter(request, response);
  }

  private static String token(HttpServletRequest request) {
    String header = request.getHeader(HEADER);
    return header != null && !header.isBlank() ? header.trim() : request.getParameter("token");
  }
}
