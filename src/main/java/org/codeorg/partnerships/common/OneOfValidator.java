package org.codeorg.partnerships.common;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link OneOf}. */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

  private List<String> names;
  private String message;

  @Override
  public void initialize(OneOf constraint) {
    names = names(constraint.value());
    message = constraint.message().replace("{values}", String.join(", ", names));
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value != null && names.contains(value.trim())) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(FieldViolations.literal(message)).addConstraintViolation();
    return false;
  }

  /** The constant of {@code type} that {@code code} names (trimmed), if any. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
    return code == null ? Optional.empty()
        : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code.trim())).findFirst();
  }

  public static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
  }
}
