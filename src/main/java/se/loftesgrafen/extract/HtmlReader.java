package se.loftesgrafen.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML page into the blocks of its main content: chrome (menus, banners, footers, ads, forms) removed by
 * the selectors of the rules, the content root chosen by the content selectors, and headings, paragraphs and list
 * items kept in reading order. The walk is iterative, so deeply nested markup cannot overflow the stack.
 */
final class HtmlReader {
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> PARAGRAPHS = Set.of("p", "div", "td", "th", "dd", "dt", "blockquote",
      "figcaption", "caption", "section", "article", "main", "body", "pre", "address", "header", "summary",
      "details", "table", "tr", "ul", "ol", "dl", "figure", "span-block");
  /** Text shorter than this under a content selector means the selector caught a wrapper of something else. */
  private static final int MIN_CONTENT = 200;

  private final List<String> chromeSelectors;
  private final List<String> contentSelectors;
  private final List<Pattern> chromeLines;

  HtmlReader(List<String> chromeSelectors, List<String> contentSelectors, List<Pattern> chromeLines) {
    this.chromeSelectors = chromeSelectors;
    this.contentSelectors = contentSelectors;
    this.chromeLines = chromeLines;
  }

  MainText read(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri);
    Optional<String> title = Optional.of(doc.title());
    for (String selector : chromeSelectors) {
      doc.select(selector).remove();
    }
    Element root = contentRoot(doc);
    MainText.Builder builder = new MainText.Builder(chromeLines);
    NodeTraversor.traverse(new BlockVisitor(builder, root), root);
    return builder.build(title);
  }

  private Element contentRoot(Document doc) {
    for (String selector : contentSelectors) {
      Elements found = doc.select(selector);
      if (!found.isEmpty() && found.first().text().length() >= MIN_CONTENT) {
        return found.first();
      }
    }
    return doc.body() != null ? doc.body() : doc;
  }

  /** Turns the element tree into blocks: block elements flush the text gathered so far. */
  private static final class BlockVisitor implements NodeVisitor {
    private final MainText.Builder out;
    private final Element root;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Block.Type> types = new ArrayDeque<>();
    private int itemDepth;

    BlockVisitor(MainText.Builder out, Element root) {
      this.out = out;
      this.root = root;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          if (current() == Block.Type.ITEM) {
            text.append(' ');
          } else {
            flush(current());
          }
        } else if (tag.equals("img")) {
          text.append(' ');
        } else if (isBlock(tag)) {
          flush(current());
          if (tag.equals("li")) {
            itemDepth++;
          }
          types.push(typeOf(tag));
        } else {
          text.append(tag.equals("td") ? " " : "");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && isBlock(e.normalName())) {
        flush(current());
        if (!types.isEmpty()) {
          types.pop();
        }
        if (e.normalName().equals("li")) {
          itemDepth--;
        }
      } else if (node == root) {
        flush(current());
      }
    }

    private Block.Type current() {
      return types.isEmpty() ? Block.Type.PARAGRAPH : types.peek();
    }

    private void flush(Block.Type type) {
      if (!text.isEmpty()) {
        out.add(type, text.toString(), type == Block.Type.ITEM ? itemDepth : 0);
        text.setLength(0);
      }
    }

    private static boolean isBlock(String tag) {
      return HEADINGS.contains(tag) || PARAGRAPHS.contains(tag) || tag.equals("li");
    }

    private static Block.Type typeOf(String tag) {
      if (HEADINGS.contains(tag)) {
        return Block.Type.HEADING;
      }
      return tag.equals("li") ? Block.Type.ITEM : Block.Type.PARAGRAPH;
    }
  }
}
