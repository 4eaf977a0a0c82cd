package org.codeorg.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TextVariablesTest {

  @Test
  void aTextThatFitsIsKeptAsItIs() {
    String roster = "1. Ada Moss\n2. Eli Ward";
    assertThat(TextVariables.fit(roster, "see the staff view")).isSameAs(roster);
    assertThat(TextVariables.fit(null, "see the staff view")).isNull();
  }

  @Test
  void aLongListIsCutAfterAWholeItemWithANoteWhereTheRestIs() {
    String roster = IntStream.rangeClosed(1, 300).mapToObj(n -> n + ". Teacher Number " + n + " (DP-2027-0001)")
        .collect(Collectors.joining("\n"));

    String fitted = TextVariables.fit(roster, "every seat is in the workshop's staff view");

    assertThat(fitted).hasSizeLessThanOrEqualTo(TextVariables.MAX_LENGTH)
        .startsWith("1. Teacher Number 1 (DP-2027-0001)\n2. Teacher Number 2")
        .endsWith(" … (shortened to fit a task form; every seat is in the workshop's staff view)");
    String lastKept = fitted.substring(0, fitted.indexOf(" … (shortened")).lines().reduce((a, b) -> b).orElseThrow();
    assertThat(lastKept).matches("\\d+\\. Teacher Number \\d+ \\(DP-2027-0001\\)");
  }

  @Test
  void commaAndSemicolonListsAreCutBetweenItems() {
    String teachers = IntStream.range(0, 400).mapToObj(n -> "Teacher " + n + " (CSP)").collect(Collectors.joining(", "));
    String courses = IntStream.range(0, 400).mapToObj(n -> "CSP at School " + n + ": 2 sections")
        .collect(Collectors.joining("; "));

    assertThat(TextVariables.fit(teachers, "x")).hasSizeLessThanOrEqualTo(4000).matches("(?s).*\\(CSP\\) … \\(shortened.*");
    assertThat(TextVariables.fit(courses, "x")).hasSizeLessThanOrEqualTo(4000).matches("(?s).*sections … \\(shortened.*");
  }
}
