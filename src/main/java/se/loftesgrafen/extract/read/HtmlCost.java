package se.loftesgrafen.extract.read;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What an HTML page may cost ({@link DocumentLimits}): its tags are counted in the text before Jsoup builds a tree
 * of them (a node per tag, some hundred bytes each), and its nesting is measured on a tree whose depth the parser
 * caps just past the limit (Jsoup would otherwise hang deeper elements at its own cap of 512 and read on).
 */
public final class HtmlCost {
  private HtmlCost() {}

  /** Throws when the page has more tags than a document may have. */
  public static void checkTags(CharSequence html, DocumentLimits limits) throws DocumentTooCostlyException {
    int tags = 0;
    for (int i = 0, n = html.length() - 1; i < n; i++) {
      if (html.charAt(i) == '<' && tag(html.charAt(i + 1)) && ++tags > limits.maxHtmlTags()) {
        throw new DocumentTooCostlyException("the HTML page has more than " + limits.maxHtmlTags() + " tags");
      }
    }
  }

  /** Throws when the page's bytes hold more tags than a document may have ('<' is one byte in every charset we read). */
  public static void checkTags(byte[] html, DocumentLimits limits) throws DocumentTooCostlyException {
    checkTags(new String(html, java.nio.charset.StandardCharsets.ISO_8859_1), limits);
  }

  /** A parser whose tree stops one level past the limit, so that {@link #checkDepth} can see the limit broken. */
  static Parser parser(DocumentLimits limits) {
    return Parser.htmlParser().setMaxDepth(limits.maxHtmlDepth() + 2);
  }

  /** Throws when an element of the tree nests deeper than the limit (the document's root element is depth 1). */
  static void checkDepth(Document doc, DocumentLimits limits) throws DocumentTooCostlyException {
    int[] deepest = {0};
    NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
      if (node instanceof Element && depth > deepest[0]) {
        deepest[0] = depth;
      }
    }, doc);
    if (deepest[0] > limits.maxHtmlDepth()) {
      throw new DocumentTooCostlyException("the HTML page nests elements deeper than " + limits.maxHtmlDepth());
    }
  }

  private static boolean tag(char c) {
    return c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
