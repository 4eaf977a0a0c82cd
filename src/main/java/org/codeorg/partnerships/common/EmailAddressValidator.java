package org.codeorg.partnerships.common;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link EmailAddress}; null and blank are left to {@code @NotBlank}. */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || value.isBlank() || value.length() <= 320 && EMAIL.matcher(value).matches();
  }
}
