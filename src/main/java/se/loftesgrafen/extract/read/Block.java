package se.loftesgrafen.extract.read;

import java.util.Objects;

/**
 * One block of a page's main text: a heading, a paragraph or a list item.
 *
 * @param type  what the block is
 * @param text  its text, whitespace normalised
 * @param level list nesting depth (1 = top-level item; 0 for headings and paragraphs)
 * @param start offset of the text in {@link MainText#text()}
 * @param link  the block is nothing but link text (a related link, a document link), never an undertaking
 */
public record Block(Type type, String text, int level, int start, boolean link) {
  /** What a block is. */
  public enum Type { HEADING, PARAGRAPH, ITEM }

  public Block {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  Block(Type type, String text, int level, int start) {
    this(type, text, level, start, false);
  }

  int end() {
    return start + text.length();
  }

  /** Whether the block is a heading. */
  public boolean isHeading() {
    return type == Type.HEADING;
  }

  /** Whether the block is a list item. */
  public boolean isItem() {
    return type == Type.ITEM;
  }

  /**
   * A lead-in line such as "Polisen lovar att:" (or "Polisen lovar att..", "Kommunen lovar att …") introduces
   * what follows.
   */
  public boolean isLeadIn() {
    return !isItem() && (text.endsWith(":") || text.length() < 120 && (text.endsWith("..") || text.endsWith("…")));
  }
}
