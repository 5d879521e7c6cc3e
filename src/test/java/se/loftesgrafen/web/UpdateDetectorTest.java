package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Telling an update from a malformed query, in time linear in the text whatever the text. */
class UpdateDetectorTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("INSERT DATA { <a> <b> <c> }", true),
        Arguments.of("  # comment\n PREFIX ex: <http://example.org/>\nBASE <http://x/>\ndelete where { ?s ?p ?o }", true),
        Arguments.of("PREFIX : <urn:x:>\nWITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", true),
        Arguments.of("LOAD <http://example.org/data.ttl>", true),
        Arguments.of("DROP ALL", true),
        Arguments.of("SELECT * WHERE {", false),
        Arguments.of("PREFIX ex: <http://example.org/> SELEC * {}", false),
        Arguments.of("INSERTED { }", false),
        Arguments.of("PREFIX ex: <unterminated INSERT", false),
        Arguments.of("", false));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void tellsUpdatesFromBrokenQueries(String text, boolean update) {
    assertEquals(update, UpdateDetector.looksLikeUpdate(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<", "PREFIX a: <", "PREFIX a: <x> ", "#\n", " ", "BASE <>"})
  void hostileTextIsReadInLinearTime(String unit) {
    // 1 MB: the regex this replaces took 26 s for 64 KB and grew with the square of the length (hours for this)
    String text = unit.repeat((1 << 20) / unit.length());
    long start = System.nanoTime();
    boolean update = UpdateDetector.looksLikeUpdate(text + "INSERT DATA {}");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 3000, "took " + millis + " ms");
    if (unit.equals("<") || unit.equals("PREFIX a: <")) {
      assertFalse(update);
    }
  }
}
