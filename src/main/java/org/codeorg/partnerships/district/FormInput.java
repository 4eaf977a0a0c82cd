package org.codeorg.partnerships.district;

import java.math.BigDecimal;

/**
 * Values of a browser's form post. Text that is not a number becomes an out-of-range number, so
 * the shared checks name the field instead of the page failing to parse it.
 */
final class FormInput {

  private FormInput() {
  }

  static Boolean bool(String value) {
    return value == null ? null : Boolean.valueOf("true".equals(value));
  }

  static Integer integer(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static BigDecimal decimal(String value) {
    try {
      return value == null ? null : new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return BigDecimal.valueOf(-1);
    }
  }
}
