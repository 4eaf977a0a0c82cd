package org.codeorg.partnerships.pd;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.codeorg.partnerships.engine.ProcessVariable;

/**
 * Reads an attendance form: "everyone present" or the roster numbers of those absent, e.g. "2, 5".
 * A number outside the roster is the staff member's typo: the task is not completed.
 */
public final class AttendanceList {

  private static final Pattern NUMBERS = Pattern.compile("\\s*\\d{1,4}(\\s*,\\s*\\d{1,4})*\\s*");

  /** The forms' first question, "was everyone there?"; the list of absentees is asked for only on {@code NO}. */
  public enum AllPresent {
    YES, NO
  }

  private AttendanceList() {
  }

  /**
   * Reads the two fields of an attendance form from {@code scope}.
   *
   * @param rosterSize how many are on the numbered roster the form showed
   * @return roster positions (1-based) of the absent; empty when everyone was present
   * @throws InvalidAttendance when the list is not roster numbers, a number is outside the roster or
   *     the first answer is neither {@code YES} nor {@code NO}: the task stays open, and a task
   *     completion over the engine's REST API answers 400 naming the field
   */
  public static Set<Integer> absentees(VariableScope scope, ProcessVariable<AllPresent> allPresent,
      ProcessVariable<String> absentees, int rosterSize) {
    AllPresent answer;
    try {
      answer = allPresent.get(scope);
    } catch (IllegalArgumentException e) {
      throw new InvalidAttendance(allPresent.name(), "answer YES or NO");
    }
    Set<Integer> absent = new LinkedHashSet<>();
    if (answer == AllPresent.YES) {
      return absent;
    }
    Object listed = scope.getVariable(absentees.name());   // as text, whatever type the REST API sent
    String text = listed == null ? "" : listed.toString();
    if (!NUMBERS.matcher(text).matches()) {
      throw new InvalidAttendance(absentees.name(), "list the roster numbers of those absent, e.g. 2, 5");
    }
    for (String part : text.split(",")) {
      int number = Integer.parseInt(part.trim());
      if (number < 1 || number > rosterSize) {
        throw new InvalidAttendance(absentees.name(), "roster number " + number + " is not between 1 and " + rosterSize);
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
