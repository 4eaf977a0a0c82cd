package org.codeorg.partnerships.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Staff credentials (HTTP Basic) checked against Camunda identity, the same users and passwords as
 * Tasklist and Cockpit. {@link IdentityService#checkPassword} is the check on purpose: it keeps
 * Camunda's throttling of wrong passwords (a user is refused for a few seconds after a failure).
 * The result's principal is the user id (a {@code String}); its authorities are the user's
 * Camunda group ids, as listed in {@code identity.StaffGroups}.
 */
final class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * @throws BadCredentialsException for an unknown user, a wrong password, or a user throttled after
   *     wrong passwords; over HTTP a 401 where staff credentials are required
   */
  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    if (user == null || user.isBlank() || !(authentication.getCredentials() instanceof String password)
        || !identityService.checkPassword(user, password)) {
      throw new BadCredentialsException("Wrong user or password");
    }
    List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(group.getId())).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
