package se.loftesgrafen.extract.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a block's text into sentences, keeping offsets (Swedish abbreviations like "bl.a." stay whole). */
public final class Sentences {
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])[\"”’)]?\\s+(?=[\\p{Lu}\\d\"”–—])");

  /** A sentence: its text and where it starts in the block. */
  public record Span(String text, int start) {
    /** The offset just past the sentence's last character. */
    public int end() {
      return start + text.length();
    }
  }

  private Sentences() {}

  /** The sentences of a text with their offsets. */
  public static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    int from = 0;
    while (m.find()) {
      add(out, text, from, m.start());
      from = m.end();
    }
    add(out, text, from, text.length());
    return out;
  }

  private static void add(List<Span> out, String text, int from, int to) {
    String s = text.substring(from, to);
    String stripped = s.strip();
    if (!stripped.isEmpty()) {
      out.add(new Span(stripped, from + s.indexOf(stripped)));
    }
  }
}
