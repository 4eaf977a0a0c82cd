package org.codeorg.partnerships.district;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field paths as people read them in an error summary: "teachers[0].email" → "Teacher 1 email". */
final class FieldLabels {

  private static final Pattern ROW = Pattern.compile("^([a-zA-Z]+)s\\[(\\d+)]\\.?(.*)$");
  private static final Pattern PREFIXED = Pattern.compile("^(teacher|section)-\\d+-(.*)$");

  private FieldLabels() {
  }

  static Map<String, String> of(Map<String, String> errors) {
    Map<String, String> labels = new LinkedHashMap<>();
    errors.keySet().forEach(field -> labels.put(field, label(field)));
    return labels;
  }

  static String label(String field) {
    Matcher prefixed = PREFIXED.matcher(field);
    if (prefixed.matches()) {
      return words(prefixed.group(2));
    }
    Matcher row = ROW.matcher(field);
    if (row.matches()) {
      String rest = row.group(3).isEmpty() ? "" : " " + lower(row.group(3));
      return words(row.group(1)) + " " + (Integer.parseInt(row.group(2)) + 1) + rest;
    }
    return words(field.replace('.', ' '));
  }

  private static String words(String camel) {
    String spaced = lower(camel);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String lower(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
        .replace("nces id", "NCES id").replace("mbps", "(Mb/s)");
  }
}
