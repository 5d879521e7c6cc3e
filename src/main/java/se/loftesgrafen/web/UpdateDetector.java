package se.loftesgrafen.web;

import java.util.Locale;
import java.util.Set;

/**
 * Whether text that failed to parse as a query is a SPARQL Update (then the answer is "read-only", 405, not
 * "malformed"): after comments, PREFIX and BASE declarations, the first word is an update operation
 * (https://www.w3.org/TR/sparql11-update/#grammar). One pass over the prologue, each character read at most
 * twice, so hostile input (64 KB of '<') costs linear time; the regular expression this replaces backtracked.
 */
final class UpdateDetector {
  private static final Set<String> OPERATIONS = Set.of("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD",
      "MOVE", "COPY", "WITH");

  private UpdateDetector() {}

  static boolean looksLikeUpdate(String text) {
    int i = 0;
    int n = text.length();
    while (true) {
      i = skipSpaceAndComments(text, i);
      if (text.regionMatches(true, i, "PREFIX", 0, 6)) {
        i = afterIri(text, text.indexOf('<', i + 6));
      } else if (text.regionMatches(true, i, "BASE", 0, 4)) {
        i = afterIri(text, text.indexOf('<', i + 4));
      } else {
        return OPERATIONS.contains(word(text, i).toUpperCase(Locale.ROOT));
      }
      if (i < 0 || i >= n) {
        return false;
      }
    }
  }

  private static int skipSpaceAndComments(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length() : eol + 1;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static String word(String text, int i) {
    int end = i;
    while (end < text.length() && end - i < 8 && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(i, end);
  }

  /** The index after the IRI that opens at {@code lt}, or -1 when there is none. */
  private static int afterIri(String text, int lt) {
    if (lt < 0) {
      return -1;
    }
    int gt = text.indexOf('>', lt);
    return gt < 0 ? -1 : gt + 1;
  }
}
