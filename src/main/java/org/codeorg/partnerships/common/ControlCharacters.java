package org.codeorg.partnerships.common;

/**
 * The project's one rule for control characters in text people type, shared by the request
 * records ({@link SingleLine}, {@link MultiLine}), the district pages (which build those records)
 * and the Tasklist forms ({@code engine.TaskFormValidator}), so that a value gets the same answer
 * wherever it comes in.
 *
 * <p>Single-line text (names, titles, addresses, subjects, codes) refuses every Unicode control
 * character — C0 (U+0000–U+001F, TAB included), DEL (U+007F) and C1 (U+0080–U+009F, among them
 * NEL U+0085) — and the line and paragraph separators U+2028 and U+2029. All of these end a line
 * somewhere: CR and LF in a mail header (a contact name holding "\r\nBcc: …"), NEL in XML 1.1 and
 * in Unicode's line-breaking rules, U+2028/U+2029 in JavaScript and in every text layout engine, so
 * a "single line" holding one is two lines in some reader (an email, a CSV export, a log, Cockpit).
 * The C1 range carries no text: it shows up from mis-decoded Windows-1252, and is refused rather
 * than guessed at.
 *
 * <p>Multi-line text (answers, plan sections, comments, notes) keeps TAB, LF and CR and the two
 * separators, and refuses the other control characters: NUL ends a string in C and in PostgreSQL
 * ({@code text} refuses it), the rest have no meaning in prose and can hide content from a reader.
 */
public final class ControlCharacters {

  /** What a single-line field says when it holds a control character or a line break. */
  public static final String SINGLE_LINE = "must be a single line without control characters";
  /** What a multi-line field says when it holds a control character other than TAB, LF and CR. */
  public static final String MULTI_LINE = "must not contain control characters (line breaks and tabs are fine)";

  private ControlCharacters() {
  }

  /** True for null and for text without control characters and line or paragraph separators. */
  public static boolean isSingleLine(CharSequence text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** True for null and for text whose only control characters are TAB, LF and CR. */
  public static boolean isMultiLine(CharSequence text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} without leading and trailing spaces — but with its control characters, where
   * {@link String#trim()} would drop those at either end (everything up to U+0020) and so accept on
   * a form what the API refuses. Null stays null.
   */
  public static String trimSpaces(String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.getType(c) == Character.SPACE_SEPARATOR;
  }
}
