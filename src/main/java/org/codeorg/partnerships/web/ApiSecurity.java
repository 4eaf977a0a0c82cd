package org.codeorg.partnerships.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.codeorg.partnerships.identity.StaffGroups;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Who may call the project's own HTTP surface: the JSON API ({@code /api/**}), the district pages
 * ({@code /district/**}), the actuator ({@code /actuator/**}) and the default start's demo pages
 * ({@code /demo/**}). The rules in
 * {@link #apiSecurityFilterChain} are the access table of the README (section Security); the first
 * rule that matches decides, and a request no rule lists is refused to everyone, so a new endpoint
 * stays closed until a rule here opens it.
 *
 * <p>Staff authenticate with HTTP Basic against Camunda identity
 * ({@link CamundaIdentityAuthenticationProvider}; Camunda groups are the authorities); a district with
 * its partnership's token ({@link DistrictTokenFilter}). Refusals: 401 with
 * {@code WWW-Authenticate: Basic} or 403, as problem details; on a district route the same 404 as for
 * an unknown partnership, whatever was wrong with the token.
 *
 * <p>{@code /engine-rest/**} and the webapps ({@code /camunda/**}) are not behind any of this:
 * Camunda authenticates them ({@link EngineRestAuthentication}, the webapps' own log-in), and Spring
 * Security's filter is not even mapped on their paths.
 */
@Configuration
public class ApiSecurity {

  private static final String[] STAFF = Stream.concat(Stream.of(StaffGroups.ADMIN), StaffGroups.WORKING_GROUPS.stream())
      .toArray(String[]::new);
  private static final String NOT_IN_THE_RULES = "No access rule of the API allows this request";

  /**
   * Where a district's token is the authentication: its submissions, as JSON and as the page's forms,
   * and its page. Each path has the partnership's {@code {reference}}.
   */
  private static final RequestMatcher DISTRICT_ROUTES = districtRoutes("/information", "/plan",
      "/teachers/{teacherId}/commitment", "/sections/{sectionId}/readiness", "/evaluation-data",
      "/renewal-confirmation");

  /** Refused with the district's 404 (no Basic log-in prompt on a district page, no hint to a token guesser). */
  private static final RequestMatcher DISTRICT_REFUSALS =
      new OrRequestMatcher(DISTRICT_ROUTES, PathPatternRequestMatcher.withDefaults().matcher("/district/**"));

  /** The administrator's pages of the default start: the mailbox and the demo clock. */
  private static final RequestMatcher DEMO_PAGES = PathPatternRequestMatcher.withDefaults().matcher("/demo/**");

  @Bean
  SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, IdentityService identityService,
      DistrictAccess districtAccess, ITemplateEngine templates, ProcessEngine processEngine) throws Exception {
    AuthenticationManager staffLogIn = new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService));
    Refusals refusals = new Refusals(templates);
    http.securityMatcher("/api/**", "/district/**", "/certificates/**", "/actuator/**", "/demo/**")
        .authenticationManager(staffLogIn)
        // This constructor lets a failed Basic log-in go on anonymous instead of answering 401 at once: public
        // and district endpoints then answer as if no credentials had been sent, staff endpoints 401.
        .addFilterAt(new BasicAuthenticationFilter(staffLogIn), BasicAuthenticationFilter.class)
        // After Basic: on a district route the token decides, whatever else the request carries.
        .addFilterAfter(new DistrictTokenFilter(DISTRICT_ROUTES, districtAccess), BasicAuthenticationFilter.class)
        // The demo pages also take the Camunda webapps' log-in of this browser (same-site requests only).
        .addFilterAfter(new WebappSessionAuthentication(DEMO_PAGES, identityService, processEngine.getName()),
            BasicAuthenticationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // No CSRF protection, because nothing here is ambient: CSRF abuses credentials the browser adds by itself
        // (a session cookie). Staff send HTTP Basic with each call from scripts and integrations, and no session is
        // created; a district page's form carries the token in a hidden field, so a forged request would need the
        // very token it means to abuse. The district forms post without a CSRF field and must keep working.
        .csrf(csrf -> csrf.disable())
        // ApiGuard writes the API's headers (no-store, CSP, nosniff, DENY); Spring Security's would replace them.
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .authorizeHttpRequests(rules -> rules
            // Public: the intake, as JSON and as a page; the health probes (never with details)
            .requestMatchers(POST, "/api/applications").permitAll()
            .requestMatchers(GET, "/district/apply").permitAll()
            .requestMatchers(POST, "/district/apply").permitAll()
            .requestMatchers(GET, "/district/submit-once.js", "/district/rows.js").permitAll()
            // Public: a PD certificate's verification by its code (name, course, hours, date only)
            .requestMatchers(GET, "/certificates/{code}").permitAll()
            // Public: a teacher's workshop seat by the 128-bit token of the enrolment email's link (see, give up)
            .requestMatchers(GET, "/district/seats/{token}").permitAll()
            .requestMatchers(POST, "/district/seats/{token}").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            // District: the partnership's own token opens that partnership only
            .requestMatchers(DISTRICT_ROUTES).access(ApiSecurity::tokenOfThisPartnership)
            // Staff views: any staff group
            .requestMatchers(GET, "/api/partnerships", "/api/partnerships/{reference}",
                "/api/partnerships/{reference}/emails", "/api/workshops/{reference}")
                .access(staff("Only program staff may read partnerships", STAFF))
            // A district's link and its emails: partnership managers
            .requestMatchers(POST, "/api/partnerships/{reference}/access-token",
                "/api/partnerships/{reference}/emails/{emailId}/retry")
                .access(staff("Only partnership managers may reissue a district's link or retry its emails",
                    StaffGroups.ADMIN, StaffGroups.PARTNERSHIP_MANAGERS))
            // Workshops (any method but the GET above) and online PD: PD managers
            .requestMatchers("/api/workshops/**",
                "/api/partnerships/{reference}/teachers/{teacherId}/pd-phases/{phase}/completion")
                .access(staff("Only PD managers may schedule workshops and report PD",
                    StaffGroups.ADMIN, StaffGroups.PD_MANAGERS))
            // Operations: administrators
            .requestMatchers(GET, "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/metrics/{name}")
                .access(staff("Only administrators may read metrics and application info", StaffGroups.ADMIN))
            // The default start's mailbox and demo clock (demo package; absent, so 404, in other profiles): administrators
            .requestMatchers(DEMO_PAGES)
                .access(staff("Only administrators may read the demo mailbox and move the demo clock", StaffGroups.ADMIN))
            .anyRequest().denyAll());
    return http.build();
  }

  /**
   * Spring Security on the project's paths only, instead of Boot's registration on every path
   * (excluded in the application class): {@code /engine-rest} and {@code /camunda} see none of it, not
   * even its request firewall. Ordered after {@link ApiGuard}, so the 413 and the intake's 429 answer
   * before any authentication, as they always have.
   */
  @Bean
  DelegatingFilterProxyRegistrationBean apiSecurityFilterRegistration() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
    registration.addUrlPatterns("/api/*", "/district/*", "/certificates/*", "/actuator/*", "/demo/*");
    registration.setOrder(ApiGuard.ORDER + 1);
    return registration;
  }

  /**
   * A URL the firewall refuses (a path parameter such as {@code ;jsessionid=}, a double slash, an
   * encoded dot or slash) is a 400 problem like every other refusal of the API, not the container's
   * default error body.
   */
  @Bean
  RequestRejectedHandler rejectedUrls() {
    return (request, response, rejected) -> FilterProblems.write(response, 400, "Bad request",
        "The request's URL is not accepted (no path parameters, double slashes or encoded separators)");
  }

  /** The rules' string patterns are path patterns, as in {@code @RequestMapping}. */
  @Bean
  PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  private static RequestMatcher districtRoutes(String... submissions) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    List<RequestMatcher> routes = new ArrayList<>();
    routes.add(paths.matcher(GET, "/district/partnerships/{reference}"));
    // The PD hours report (page and CSV) and a teacher's certificate PDF
    routes.add(paths.matcher(GET, "/district/partnerships/{reference}/pd-hours"));
    routes.add(paths.matcher(GET, "/district/partnerships/{reference}/pd-hours.csv"));
    routes.add(paths.matcher(GET, "/district/partnerships/{reference}/teachers/{teacherId}/certificate.pdf"));
    for (String submission : submissions) {
      routes.add(paths.matcher(POST, "/api/partnerships/{reference}" + submission));
      routes.add(paths.matcher(POST, "/district/partnerships/{reference}" + submission));
    }
    return new OrRequestMatcher(routes);
  }

  private static AuthorizationDecision tokenOfThisPartnership(Supplier<Authentication> authentication,
      RequestAuthorizationContext request) {
    return new AuthorizationDecision(authentication.get() instanceof DistrictTokenAuthentication district
        && district.opens(request.getVariables().get("reference")));
  }

  /** Staff of one of {@code groups}; a refusal's 403 says {@code refusal}. */
  private static AuthorizationManager<RequestAuthorizationContext> staff(String refusal, String... groups) {
    AuthorityAuthorizationManager<RequestAuthorizationContext> members =
        AuthorityAuthorizationManager.hasAnyAuthority(groups);
    return (authentication, request) ->
        new StaffDecision(members.authorize(authentication, request).isGranted(), refusal);
  }

  /** A staff rule's decision, carrying what its refusal tells the caller. */
  private static final class StaffDecision extends AuthorizationDecision {

    private final String refusal;

    StaffDecision(boolean granted, String refusal) {
      super(granted);
      this.refusal = refusal;
    }
  }

  /** Staff and actuator routes: 401 and 403 as problem details. District routes and pages: the district's 404. */
  private static final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ITemplateEngine templates;

    Refusals(ITemplateEngine templates) {
      this.templates = templates;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
      if (DISTRICT_REFUSALS.matches(request)) {
        notFound(request, response);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"partnerships\"");
      FilterProblems.write(response, 401, "Unauthorized", "Staff credentials (HTTP Basic) are required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
        throws IOException {
      if (DISTRICT_REFUSALS.matches(request)) {
        notFound(request, response);
        return;
      }
      FilterProblems.write(response, 403, "Forbidden", e instanceof AuthorizationDeniedException denied
          && denied.getAuthorizationResult() instanceof StaffDecision decision ? decision.refusal : NOT_IN_THE_RULES);
    }

    /** As {@link ApiProblems} and {@code DistrictPageController} answer a {@link DistrictAccessDenied}. */
    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (RequestPaths.routed(request).startsWith("/district/")) {
        response.setStatus(404);
        response.setContentType("text/html;charset=UTF-8");
        templates.process("district/not-found", new Context(request.getLocale()), response.getWriter());
        return;
      }
      FilterProblems.write(response, 404, "Not found", new DistrictAccessDenied().getMessage(),
          Map.of("instance", request.getRequestURI()));
    }
  }
}
