package org.codeorg.partnerships.engine;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The engine configuration of the Camunda starter, with one change: deployment resources are
 * named by their path in the repository ({@code bpmn/partnership-lifecycle.bpmn},
 * {@code forms/review-application.form}). Spring's default names them by absolute file path when
 * run from {@code target/classes} and by bare file name inside the jar, so the same model would
 * look changed, and be deployed again, when the way of running the app changes.
 */
@Configuration
public class ProcessEngineSetup {

  static final List<String> RESOURCE_ROOTS = List.of("bpmn/", "forms/");

  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration =
        CamundaSpringBootUtil.initCustomFields(new RepositoryNamedResourcesConfiguration());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }

  static String repositoryPath(String url) {
    for (String root : RESOURCE_ROOTS) {
      int start = url.lastIndexOf("/" + root);
      if (start >= 0) {
        return url.substring(start + 1);
      }
    }
    return null;
  }

  static class RepositoryNamedResourcesConfiguration extends SpringProcessEngineConfiguration {
    @Override
    protected String getFileResourceName(Resource resource) {
      try {
        String path = repositoryPath(resource.getURL().toString());
        return path != null ? path : super.getFileResourceName(resource);
      } catch (IOException e) {
        return super.getFileResourceName(resource);
      }
    }
  }
}
