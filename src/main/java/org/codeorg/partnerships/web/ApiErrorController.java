package org.codeorg.partnerships.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller saw (a wrong method, an unknown path, a request the container
 * refused before dispatch) reach {@code /error}: under {@code /api/} they are problem details
 * like every other API error; elsewhere Spring Boot's usual error page or JSON.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ApiErrorController extends BasicErrorController {

  public ApiErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
      ObjectProvider<ErrorViewResolver> errorViewResolvers) {
    super(errorAttributes, serverProperties.getError(), errorViewResolvers.orderedStream().toList());
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri == null || !uri.toString().startsWith("/api/")) {
      return super.error(request);
    }
    HttpStatus status = getStatus(request);
    String detail = status.is4xxClientError()
        ? "The request cannot be served: " + status.getReasonPhrase().toLowerCase()
        : "The request could not be processed; nothing was changed";
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Map.of(
        "type", "about:blank", "title", status.getReasonPhrase(), "status", status.value(), "detail", detail,
        "errors", List.of()));
  }
}
