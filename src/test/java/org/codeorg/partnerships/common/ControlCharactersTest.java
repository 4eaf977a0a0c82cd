package org.codeorg.partnerships.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for control characters that the records, the pages and the Tasklist forms share. */
class ControlCharactersTest {

  /** Every C0 character, DEL, the C1 range (NEL among it), and the line and paragraph separators. */
  static Stream<Named<Character>> notOnOneLine() {
    return Stream.of(IntStream.rangeClosed(0x00, 0x1F), IntStream.of(0x7F), IntStream.rangeClosed(0x80, 0x9F),
        IntStream.of(0x2028, 0x2029)).flatMapToInt(s -> s).mapToObj(c -> Named.of(String.format("U+%04X", c), (char) c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notOnOneLine")
  void aSingleLineRefusesControlCharactersAndLineBreaksAnywhere(Character c) {
    assertThat(ControlCharacters.isSingleLine("Ana" + c + "Bcc: x@evil.test")).isFalse();
    assertThat(ControlCharacters.isSingleLine(c + "Ana")).isFalse();
    assertThat(ControlCharacters.isSingleLine("Ana" + c)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notOnOneLine")
  void multiLineTextKeepsTabsAndLineBreaksAndRefusesTheRest(Character c) {
    boolean kept = c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    assertThat(ControlCharacters.isMultiLine("First line" + c + "second line")).as("U+%04X", (int) c).isEqualTo(kept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ana Ruiz", "José Ñúñez-O'Brien", "李小龍", "Ana\u00A0Ruiz", "\uD83D\uDE00", "", " "})
  void textPeopleTypeIsOneLine(String text) {
    assertThat(ControlCharacters.isSingleLine(text)).isTrue();
    assertThat(ControlCharacters.isMultiLine(text)).isTrue();
  }

  @Test
  void nullIsLeftToTheRequiredChecks() {
    assertThat(ControlCharacters.isSingleLine(null)).isTrue();
    assertThat(ControlCharacters.isMultiLine(null)).isTrue();
    assertThat(ControlCharacters.trimSpaces(null)).isNull();
  }

  @Test
  void trimmingDropsSpacesButKeepsControlCharactersSoThatTheyAreRefused() {
    assertThat(ControlCharacters.trimSpaces("  Ana Ruiz \u3000")).isEqualTo("Ana Ruiz");
    assertThat(ControlCharacters.trimSpaces(" Ana Ruiz\r\n ")).isEqualTo("Ana Ruiz\r\n");
    assertThat(ControlCharacters.trimSpaces("\u0000Ana")).isEqualTo("\u0000Ana");
    assertThat(ControlCharacters.trimSpaces("   ")).isEmpty();
  }
}
