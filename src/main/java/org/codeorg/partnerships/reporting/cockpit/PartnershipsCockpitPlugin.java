package org.codeorg.partnerships.reporting.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The server side of the managers' reports in Cockpit, registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}: its API answers under
 * {@code /camunda/api/cockpit/plugin/partnerships/{engine}/…} behind Cockpit's own log-in and CSRF
 * filter. The client module is {@code app/cockpit/scripts/partnerships/plugin.js}, listed in
 * Cockpit's {@code config.js} ({@code customScripts}).
 */
public class PartnershipsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "partnerships";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(PartnershipsPluginRootResource.class);
  }
}
