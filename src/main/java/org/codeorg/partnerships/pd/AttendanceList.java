package org.codeorg.partnerships.pd;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads an attendance form: "everyone present" or the roster numbers of those absent, e.g. "2, 5".
 * A number outside the roster is the staff member's typo: the task is not completed.
 */
public final class AttendanceList {

  private static final Pattern NUMBERS = Pattern.compile("\\s*\\d{1,4}(\\s*,\\s*\\d{1,4})*\\s*");

  private AttendanceList() {
  }

  /** @return roster positions (1-based) of the absent */
  public static Set<Integer> absentees(Object allPresent, Object absentees, int rosterSize) {
    Set<Integer> absent = new LinkedHashSet<>();
    if ("YES".equals(allPresent)) {
      return absent;
    }
    String text = absentees == null ? "" : absentees.toString();
    if (!NUMBERS.matcher(text).matches()) {
      throw new InvalidAttendance("absentees", "list the roster numbers of those absent, e.g. 2, 5");
    }
    for (String part : text.split(",")) {
      int number = Integer.parseInt(part.trim());
      if (number < 1 || number > rosterSize) {
        throw new InvalidAttendance("absentees", "roster number " + number + " is not between 1 and " + rosterSize);
      }
      absent.add(number);
    }
    return absent;
  }

  /** Rejects a task completion with 400 and the field, through Camunda's form validation path. */
  public static final class InvalidAttendance extends FormFieldValidationException {
    public InvalidAttendance(String field, String message) {
      super(field, field + ": " + message);
    }
  }
}
