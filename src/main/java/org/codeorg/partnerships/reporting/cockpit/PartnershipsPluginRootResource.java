package org.codeorg.partnerships.reporting.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/partnerships}: Cockpit serves the plugin's assets from here
 * ({@code static/…}) and hands every engine-scoped call to {@link ReportsResource}. Jersey creates
 * this class; the Spring beans come from the web application's context of the servlet context that
 * serves the request (so two application contexts in one JVM never mix).
 */
@Path("plugin/" + PartnershipsCockpitPlugin.ID)
public class PartnershipsPluginRootResource extends AbstractCockpitPluginRootResource {

  public PartnershipsPluginRootResource() {
    super(PartnershipsCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public ReportsResource reports(@PathParam("engineName") String engineName) {
    return subResource(new ReportsResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)), engineName);
  }
}
