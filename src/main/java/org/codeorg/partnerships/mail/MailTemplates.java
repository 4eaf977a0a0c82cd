package org.codeorg.partnerships.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a milestone's HTML and plain-text templates from {@code templates/mail/}. A template
 * engine of its own, so mail rendering does not depend on the web page configuration.
 */
@Component
public class MailTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  public MailTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  public RenderedEmail render(Milestone milestone, Map<String, Object> model) {
    Context context = new Context(Locale.US, model);
    return new RenderedEmail(
        engine.process(milestone.template() + ".html", context),
        engine.process(milestone.template() + ".txt", context));
  }
}
