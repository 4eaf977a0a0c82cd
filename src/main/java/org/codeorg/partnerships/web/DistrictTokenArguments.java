package org.codeorg.partnerships.web;

import java.util.List;

import org.codeorg.partnerships.partnership.DistrictToken;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Fills a controller's {@link DistrictToken} parameter from the request, so no endpoint repeats where it comes from. */
@Configuration
public class DistrictTokenArguments implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DistrictToken.class;
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return DistrictToken.of(request.getHeader(DistrictToken.HEADER), request.getParameter(DistrictToken.QUERY));
      }
    });
  }
}
