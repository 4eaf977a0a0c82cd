package org.codeorg.partnerships.engine;

/**
 * Text for the process variables that forms show (summaries, rosters). The engine keeps a string
 * variable in a column of 4,000 characters; a longer one fails the whole transaction on
 * PostgreSQL and H2. A list that could grow with a district or a workshop (300 teachers, a
 * 100-seat workshop) is therefore cut at an item boundary, with a note saying where the rest is.
 */
public final class TextVariables {

  /** The engine's limit for a string variable's value (ACT_RU_VARIABLE.TEXT_, ACT_HI_VARINST.TEXT_). */
  public static final int MAX_LENGTH = 4000;

  private TextVariables() {
  }

  /**
   * @param text a list, one item per line or separated by ", " or "; "
   * @param restIn where the whole list can be read, for the note that replaces the cut items
   * @return the text itself when it fits, else its first items and the note
   */
  public static String fit(String text, String restIn) {
    if (text == null || text.length() <= MAX_LENGTH) {
      return text;
    }
    String note = " … (shortened to fit a task form; " + restIn + ")";
    int room = MAX_LENGTH - note.length();
    int cut = Math.max(text.lastIndexOf('\n', room), Math.max(text.lastIndexOf(", ", room), text.lastIndexOf("; ", room)));
    return text.substring(0, cut > 0 ? cut : room) + note;
  }
}
