package org.codeorg.partnerships.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.codeorg.partnerships.workshop.InvalidWorkshopPlanException;
import org.codeorg.partnerships.application.DuplicateApplicationException;
import org.codeorg.partnerships.common.ConcurrentChangeException;
import org.codeorg.partnerships.engine.ConcurrentSubmissions;
import org.codeorg.partnerships.common.FieldViolation;
import org.codeorg.partnerships.common.FieldViolations;
import org.codeorg.partnerships.application.InvalidApplicationException;
import org.codeorg.partnerships.application.InvalidRenewalException;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.common.NotWaitingException;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.codeorg.partnerships.mail.OutboxRetries;
import org.codeorg.partnerships.workshop.UnknownWorkshopException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the project's API as RFC 9457 problem details ({@code application/problem+json}),
 * with an {@code errors} list of {field, message} for bad input. No stack traces or SQL in bodies.
 * Bad input is a Bean Validation failure of a feature service's request record (method
 * validation), a broken intake rule, or JSON that does not fit the record: each names its field.
 */
@RestControllerAdvice(basePackages = "org.codeorg.partnerships")
public class ApiProblems {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidApplicationException.class)
  ResponseEntity<ProblemDetail> invalidApplication(InvalidApplicationException e) {
    return invalid("The application has errors", e.getViolations());
  }

  @ExceptionHandler(InvalidRenewalException.class)
  ResponseEntity<ProblemDetail> invalidRenewal(InvalidRenewalException e) {
    return invalid("The renewal confirmation has errors", e.getViolations());
  }

  @ExceptionHandler(InvalidWorkshopPlanException.class)
  ResponseEntity<ProblemDetail> invalidWorkshop(InvalidWorkshopPlanException e) {
    return invalid("The request has errors", e.getViolations());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> invalidRequest(ConstraintViolationException e) {
    return invalid("The request has errors", FieldViolations.of(e.getConstraintViolations()));
  }

  @ExceptionHandler(DuplicateApplicationException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateApplicationException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Already applied", e.getMessage());
    problem.setProperty("reference", e.getExistingReference());
    return respond(problem);
  }

  @ExceptionHandler(DistrictAccessDenied.class)
  ResponseEntity<ProblemDetail> accessDenied(DistrictAccessDenied e) {
    return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  /** A lost race to an identical request: says what the winner did (the more specific handler wins over notWaiting). */
  @ExceptionHandler(ConcurrentChangeException.class)
  ResponseEntity<ProblemDetail> concurrentChange(ConcurrentChangeException e) {
    return respond(problem(HttpStatus.CONFLICT, "Changed at the same moment", e.getMessage()));
  }

  @ExceptionHandler(NotWaitingException.class)
  ResponseEntity<ProblemDetail> notWaiting(NotWaitingException e) {
    return respond(problem(HttpStatus.CONFLICT, "Not expected now", e.getMessage()));
  }

  @ExceptionHandler(OutboxRetries.UnknownEmailException.class)
  ResponseEntity<ProblemDetail> unknownEmail(OutboxRetries.UnknownEmailException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  @ExceptionHandler(UnknownWorkshopException.class)
  ResponseEntity<ProblemDetail> unknownWorkshop(UnknownWorkshopException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  @ExceptionHandler(UnknownPartnershipException.class)
  ResponseEntity<ProblemDetail> unknown(UnknownPartnershipException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof LimitedBodyRequest.PayloadTooLargeException) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", cause.getMessage()));
      }
    }
    FieldViolation violation = wrongType(e);
    return invalid("The request body is not valid JSON of the expected shape",
        List.of(violation != null ? violation : new FieldViolation("body", "must be a JSON object as documented")));
  }

  /** A value of the wrong JSON type inside the body, named by its path; null when the body itself is the problem. */
  private static FieldViolation wrongType(HttpMessageNotReadableException e) {
    JsonMappingException mapping = null;
    Class<?> target = null;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonMappingException m && mapping == null) {
        mapping = m;
      }
      if (cause instanceof MismatchedInputException m && target == null) {
        target = m.getTargetType();
      }
      if (cause instanceof InputCoercionException c && target == null) {
        target = c.getTargetType();
      }
    }
    if (mapping == null || mapping.getPath().isEmpty()) {
      return null;
    }
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? null : new FieldViolation(field.toString(), expected(target));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has a value of the wrong type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() || type == BigDecimal.class) {
      return "must be a number";
    }
    if (type == String.class || Temporal.class.isAssignableFrom(type) || type.isEnum()) {
      return "must be text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    return "must be a JSON object";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid("A parameter has a wrong value", List.of(new FieldViolation(e.getName(), "has an unknown value")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "Not found", "No such resource"));
  }

  /**
   * A multipart body the container refused: too large (a chunked body past the limit, Spring's
   * {@link MaxUploadSizeExceededException}) is a 413, too many parts or a broken body a 400; never a 5xx.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof LimitedBodyRequest.PayloadTooLargeException || cause instanceof MaxUploadSizeExceededException) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
            "The form with its files is larger than this page accepts"));
      }
    }
    return respond(problem(HttpStatus.BAD_REQUEST, "Bad request",
        "The form could not be read (too many fields, or a broken upload); nothing was changed"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (ConcurrentSubmissions.lostRace(e)) {
      // A state-changing method without @ConcurrentSubmission lost a race: still not a server error.
      log.warn("A request lost a race to a concurrent one outside @ConcurrentSubmission", e);
      return respond(problem(HttpStatus.CONFLICT, "Changed at the same moment",
          "Another request changed the same thing at the same moment; nothing was changed by this one"));
    }
    log.error("Unexpected error in the partnership API", e);
    return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The request could not be processed; nothing was changed"));
  }

  private static ResponseEntity<ProblemDetail> invalid(String detail, List<FieldViolation> violations) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    problem.setProperty("errors", violations.stream()
        .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    return respond(problem);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
