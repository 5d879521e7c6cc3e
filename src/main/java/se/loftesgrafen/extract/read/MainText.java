package se.loftesgrafen.extract.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The main content of a page as blocks, with the text they are offsets into (blocks joined by newlines).
 *
 * @param title  the page title (HTML {@code <title>} or first heading), when there is one
 * @param blocks headings, paragraphs and list items in reading order
 * @param text   the blocks' texts joined by '\n'
 */
public record MainText(Optional<String> title, List<Block> blocks, String text) {
  public MainText {
    blocks = List.copyOf(blocks);
  }

  /** Collects blocks, dropping chrome lines and joining wrapped continuations. */
  public static final class Builder {
    /** Main text beyond this is not kept: a promise is a few pages; this bounds the cost of pathological input. */
    static final int MAX_TEXT = 1_000_000;
    /** Bullets that make a paragraph an item; not dashes, which open quotes in Swedish news text. */
    private static final Pattern PARAGRAPH_BULLET = Pattern.compile(
        "^(\\s*)(?:[•·▪●◦\\u2022\\u25aa\\u25cf*]|\\d{1,2}[.)])\\s+(\\S.*)$");
    private final List<Pattern> chrome;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Block.Type pendingType;
    private int pendingLevel;
    private boolean pendingLink;
    private final StringBuilder pending = new StringBuilder();

    /** A builder that drops the lines these chrome patterns match. */
    public Builder(List<Pattern> chrome) {
      this.chrome = chrome;
    }

    /** Adds a block; a paragraph or heading starting in lower case right after a list item continues it. */
    public Builder add(Block.Type type, String raw, int level) {
      return add(type, raw, level, false);
    }

    /**
     * Adds a block; a paragraph starting in lower case right after a list item continues it (a wrapped line), and
     * a paragraph that starts with a bullet ("• ..." lines separated by {@code <br>}) is an item.
     */
    Builder add(Block.Type type, String raw, int level, boolean link) {
      if (text.length() > MAX_TEXT) {
        return this;
      }
      String s = normalise(raw);
      if (s.isEmpty() || isChrome(s)) {
        return this;
      }
      // A wrapped line of an item: a lower-case start is never a heading's or a new paragraph's (a short wrapped
      // line looks like a heading to the text and HTML readers: no final stop, few words)
      if (type != Block.Type.ITEM && pendingType == Block.Type.ITEM && continues(s)) {
        pending.append(' ').append(s);
        pendingLink &= link;
        return this;
      }
      Block.Type t = type;
      int lvl = level;
      if (type == Block.Type.PARAGRAPH) {
        java.util.regex.Matcher bullet = PARAGRAPH_BULLET.matcher(s);
        if (bullet.matches()) {
          t = Block.Type.ITEM;
          s = bullet.group(2);
          lvl = 1;
        }
      }
      flush();
      pendingType = t;
      pendingLevel = t == Block.Type.ITEM ? Math.max(1, lvl) : 0;
      pendingLink = link;
      pending.append(s);
      return this;
    }

    private static boolean continues(String s) {
      int c = s.codePointAt(0);
      return Character.isLowerCase(c);
    }

    private boolean isChrome(String s) {
      if (s.length() > 300) {
        return false;
      }
      for (Pattern p : chrome) {
        if (p.matcher(s).find()) {
          return true;
        }
      }
      return false;
    }

    private void flush() {
      if (pendingType == null) {
        return;
      }
      if (!text.isEmpty()) {
        text.append('\n');
      }
      String s = pending.toString();
      blocks.add(new Block(pendingType, s, pendingLevel, text.length(), pendingLink));
      text.append(s);
      pending.setLength(0);
      pendingType = null;
    }

    /** The main text of the blocks added so far, under this title (normalised; none when blank). */
    public MainText build(Optional<String> title) {
      flush();
      Optional<String> t = title.map(Builder::normalise).filter(s -> !s.isEmpty());
      return new MainText(t, blocks, text.toString());
    }

    /** A text as blocks hold it: runs of white space (and zero-width spaces, BOMs) as one space, controls dropped. */
    public static String normalise(String s) {
      StringBuilder out = new StringBuilder(s.length());
      boolean space = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
          space = !out.isEmpty();
        } else if (!Character.isISOControl(c)) {
          if (space) {
            out.append(' ');
            space = false;
          }
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
