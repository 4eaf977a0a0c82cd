package org.codeorg.partnerships.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link MultiLine}. */
public class MultiLineValidator implements ConstraintValidator<MultiLine, CharSequence> {

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return ControlCharacters.isMultiLine(value);
  }
}
