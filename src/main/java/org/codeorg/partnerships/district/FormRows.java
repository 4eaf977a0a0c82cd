package org.codeorg.partnerships.district;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.ui.Model;

/**
 * Lists of rows in a district form ({@code schools[3].name}, {@code teachers[12].email}, …) that grow without
 * JavaScript: the page has a generous set of empty rows, and an "Add rows" button posts the form back, which shows it
 * again with what was typed and more empty rows, up to the list's limit. With JavaScript
 * ({@code static/district/rows.js}) rows are added and removed in place. Shared by the application page and the
 * renewal form: row counts, the row to focus after "Add rows", the school choices (the schools entered) and the
 * rows with something typed in them (a blank row is no input, so clearing a row removes it).
 *
 * @param first empty rows of each list on a new form
 * @param more rows each "Add rows" adds
 * @param limits the most rows of each list (the limits of {@code PartnershipApplication})
 * @param fields the fields of a row of each list
 */
record FormRows(Map<String, Integer> first, Map<String, Integer> more, Map<String, Integer> limits,
    Map<String, List<String>> fields) {

  private static final Pattern FIELD = Pattern.compile("^([A-Za-z]+)\\[(\\d{1,6})]\\.([A-Za-z]+)$");
  private static final Pattern SCHOOL_CHOICE = Pattern.compile("^[A-Za-z]+\\[\\d+]\\.school$");

  /** The list an "Add rows" action names ({@code add-teachers} → {@code teachers}), or null for another action. */
  String addAction(String action) {
    if (action == null || !action.startsWith("add-")) {
      return null;
    }
    String list = action.substring(4);
    return fields.containsKey(list) ? list : null;
  }

  /** Indexes of the rows of {@code list} with at least one field filled, in order. */
  static List<Integer> filled(Map<String, String> values, String list) {
    Set<Integer> rows = new TreeSet<>();
    values.forEach((name, value) -> {
      Matcher m = FIELD.matcher(name);
      if (m.matches() && m.group(1).equals(list) && value != null && !value.isBlank()) {
        rows.add(Integer.parseInt(m.group(2)));
      }
    });
    return new ArrayList<>(rows);
  }

  /** How many more rows of {@code list} the form may take. */
  int room(Map<String, String> values, String list) {
    return Math.max(0, limits.get(list) - filled(values, list).size());
  }

  /**
   * Adds {@code rows} (rows per list), {@code limits}, {@code focus} (the first row added by "Add rows",
   * e.g. {@code teachers-10}) and {@code schoolOptions} to the model; {@code problem} when "Add rows" met the limit.
   *
   * @param addTo the list of an "Add rows" action, or null
   * @param whatWithTooMany the form's name in the limit's message ("An application", "A renewal")
   */
  void show(Model model, Map<String, String> values, String addTo, String whatWithTooMany) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String list : fields.keySet()) {
      int highest = 0;
      for (String name : values.keySet()) {
        Matcher m = FIELD.matcher(name);
        if (m.matches() && m.group(1).equals(list)) {
          highest = Math.max(highest, Integer.parseInt(m.group(2)) + 1);
        }
      }
      // Every row posted comes back (even past the limit, so that the limit's error shows what was typed);
      // "Add rows" adds up to the limit only.
      int rows = Math.max(first.get(list), highest);
      if (list.equals(addTo)) {
        rows = Math.max(rows, Math.min(rows + more.get(list), limits.get(list)));
      }
      counts.put(list, rows);
      if (list.equals(addTo) && highest >= limits.get(list)) {
        model.addAttribute("problem", whatWithTooMany + " takes at most " + limits.get(list) + " " + list
            + ". A larger district applies once per group of schools, or writes to partnerships@code.org.");
      }
    }
    model.addAttribute("rows", counts);
    model.addAttribute("limits", limits);
    model.addAttribute("focus", addTo == null ? null : addTo + "-" + Math.max(0, counts.get(addTo) - more.get(addTo)));
    model.addAttribute("schoolOptions", schoolOptions(values));
  }

  /** The schools entered (by name), then any other school chosen in a row, so that its error shows next to it. */
  static Map<String, String> schoolOptions(Map<String, String> values) {
    Map<String, String> schools = new LinkedHashMap<>();
    for (int i : filled(values, "schools")) {
      String name = values.get("schools[" + i + "].name");
      if (name != null && !name.isBlank()) {
        schools.putIfAbsent(name.trim(), name.trim());
      }
    }
    values.forEach((name, value) -> {
      if (SCHOOL_CHOICE.matcher(name).matches() && value != null && !value.isBlank()) {
        schools.putIfAbsent(value.trim(), value.trim());
      }
    });
    return schools;
  }

  /** Select options of an enum: its names with the labels given. */
  static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> label) {
    Map<String, String> options = new LinkedHashMap<>();
    for (E value : values) {
      options.put(value.name(), label.apply(value));
    }
    return options;
  }

  /** A field as typed, trimmed of spaces only (a control character at either end is refused as the API refuses it). */
  static String value(Map<String, String> values, String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : org.codeorg.partnerships.common.ControlCharacters.trimSpaces(value);
  }

  /**
   * The filled rows of the form's lists as the records a service checks, remembering the row each came from, so that
   * an error about {@code teachers[1].email} of the record shows at the form's row, e.g. {@code teachers[3].email}.
   */
  static final class Origins {

    private static final Pattern ROW = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]");

    private final Map<String, String> values;
    private final Map<String, List<Integer>> kept = new LinkedHashMap<>();

    Origins(Map<String, String> values) {
      this.values = values;
    }

    /** The filled rows of {@code name}, each made by {@code row} from its field prefix ({@code "teachers[3]."}). */
    <T> List<T> list(String name, Function<String, T> row) {
      List<T> items = new ArrayList<>();
      List<Integer> origin = new ArrayList<>();
      for (int i : filled(values, name)) {
        items.add(row.apply(name + "[" + i + "]."));
        origin.add(i);
      }
      kept.put(name, origin);
      return items;
    }

    /** A field of the records ({@code teachers[1].email}) → the form's field it came from. */
    String formField(String field) {
      Matcher m = ROW.matcher(field);
      if (!m.find() || !kept.containsKey(m.group(1))) {
        return field;
      }
      List<Integer> rows = kept.get(m.group(1));
      int index = Integer.parseInt(m.group(2));
      return index < rows.size() ? m.replaceFirst(m.group(1) + "[" + rows.get(index) + "]") : field;
    }
  }

  /** "HIGH" → "High". */
  static String capitalized(Enum<?> value) {
    return value.name().charAt(0) + value.name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
