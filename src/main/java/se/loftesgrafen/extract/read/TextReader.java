package se.loftesgrafen.extract.read;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text (a stored page text) into blocks: one block per line; bullet and
 * numbered lines are list items (deeper indentation nests), short lines without final punctuation are headings,
 * and a lower-case line after an item continues it (a wrapped item).
 */
public final class TextReader {
  /** Bullets seen in page texts and PDFs: •, ·, -, –, *, ▪, ●, ◦, , o, and "1." / "1)" / "a)". */
  static final Pattern BULLET = Pattern.compile(
      "^(\\s*)(?:[•·▪●◦\\u2022\\u2023\\u2043\\u25aa\\u25cf\\uf0b7\\uf0a7*–—-]|o(?=\\s)|\\d{1,2}[.)]|[a-h]\\))\\s+(\\S.*)$");

  private final List<Pattern> chrome;

  /** A reader that drops the lines these chrome patterns match. */
  public TextReader(List<Pattern> chrome) {
    this.chrome = chrome;
  }

  /** A builder that drops the same chrome lines, for readers that find blocks by other means (PDF layout). */
  MainText.Builder builder() {
    return new MainText.Builder(chrome);
  }

  MainText read(String text) {
    MainText.Builder b = new MainText.Builder(chrome);
    int listIndent = -1;
    Optional<String> title = Optional.empty();
    for (String line : text.split("\\r?\\n|\\r")) {
      String s = MainText.Builder.normalise(line);
      if (s.isEmpty()) {
        continue;
      }
      Matcher m = BULLET.matcher(line.replace('\u00a0', ' '));
      if (m.matches()) {
        int indent = m.group(1).length();
        if (listIndent < 0) {
          listIndent = indent;
        }
        b.add(Block.Type.ITEM, m.group(2), indent > listIndent ? 2 : 1);
        continue;
      }
      boolean heading = looksLikeHeading(s);
      if (!heading || !Character.isLowerCase(s.codePointAt(0))) {
        listIndent = -1;
      }
      b.add(heading ? Block.Type.HEADING : Block.Type.PARAGRAPH, s, 0);
    }
    return b.build(title);
  }

  /** The shape the municipal CMSs give their headings: short, no final punctuation, few words. */
  public static boolean looksLikeHeading(String s) {
    if (s.length() >= 70 || s.isEmpty()) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == '.' || last == ':' || last == '!' || last == '?') {
      return false;
    }
    return s.split(" ").length <= 9;
  }
}
