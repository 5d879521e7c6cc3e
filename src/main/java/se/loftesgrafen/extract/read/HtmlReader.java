package se.loftesgrafen.extract.read;

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
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * Reads an HTML page into the blocks of its main content: chrome (menus, banners, footers, ads, forms) removed by
 * the selectors of the rules, the content root chosen by the content selectors, and headings, paragraphs and list
 * items kept in reading order. The walk is iterative, so deeply nested markup cannot overflow the stack.
 */
public final class HtmlReader {
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "summary");
  private static final Set<String> PARAGRAPHS = Set.of("p", "div", "td", "th", "dd", "dt", "blockquote",
      "figcaption", "caption", "section", "article", "main", "body", "pre", "address", "header",
      "details", "table", "tr", "ul", "ol", "dl", "figure", "span-block");
  /** Text shorter than this under a content selector means the selector caught a wrapper of something else. */
  private static final int MIN_CONTENT = 200;

  private final DocumentLimits limits;
  private final Set<String> chromeTags;
  private final List<Evaluator> chromeSelectors;
  private final List<String> chromeWords;
  private final List<String> contentSelectors;
  private final List<Pattern> chromeLines;
  private final ResponsibilityTables tables;

  /** A reader with the chrome and content selectors of the rules, dropping these chrome lines. */
  public HtmlReader(ExtractionRules rules, List<Pattern> chromeLines) {
    this.limits = DocumentLimits.STANDARD;
    this.chromeTags = Set.copyOf(rules.strings("chrome_tags"));
    this.chromeSelectors = rules.selectors("chrome_selectors").stream().map(QueryParser::parse).toList();
    this.chromeWords = rules.strings("chrome_name_words");
    this.contentSelectors = rules.selectors("content_selectors");
    this.chromeLines = chromeLines;
    this.tables = new ResponsibilityTables(rules);
  }

  MainText read(String html, String baseUri) throws DocumentTooCostlyException {
    HtmlCost.checkTags(html, limits);
    Document doc = Jsoup.parse(html, baseUri, HtmlCost.parser(limits));
    HtmlCost.checkDepth(doc, limits);
    Optional<String> title = Optional.of(doc.title());
    NodeTraversor.filter(new ChromeFilter(), doc);
    Element root = contentRoot(doc);
    tables.rewrite(root);
    MainText.Builder builder = new MainText.Builder(chromeLines);
    NodeTraversor.traverse(new BlockVisitor(builder, root), root);
    return builder.build(title);
  }

  private Element contentRoot(Document doc) {
    for (String selector : contentSelectors) {
      Element found = doc.selectFirst(selector);
      if (found != null && hasText(found, MIN_CONTENT)) {
        return found;
      }
    }
    return doc.body() != null ? doc.body() : doc;
  }

  /** Whether an element holds at least this much text, without collecting all of it. */
  private static boolean hasText(Element e, int min) {
    int[] count = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          count[0] += t.text().strip().length();
        }
        return count[0] >= min ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, e);
    return count[0] >= min;
  }

  /** Removes chrome in one pass: by tag, by attribute selector, and by the words of an element's id and class. */
  private final class ChromeFilter implements NodeFilter {
    @Override
    public FilterResult head(Node node, int depth) {
      if (!(node instanceof Element e) || e instanceof Document) {
        return FilterResult.CONTINUE;
      }
      String tag = e.normalName();
      if (chromeTags.contains(tag) && !(tag.equals("header") && insideContent(e))) {
        return FilterResult.REMOVE;
      }
      if (e.attributesSize() == 0 || tag.equals("body") || tag.equals("html") || tag.equals("main")) {
        return FilterResult.CONTINUE;
      }
      for (Evaluator ev : chromeSelectors) {
        if (e.is(ev)) {
          return FilterResult.REMOVE;
        }
      }
      return hasChromeName(e.id()) || hasChromeName(e.className()) ? FilterResult.REMOVE : FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      return FilterResult.CONTINUE;
    }

    /** An article's own header (title, byline with the date) is content, the site header is not. */
    private boolean insideContent(Element e) {
      for (Element p = e.parent(); p != null; p = p.parent()) {
        if (p.normalName().equals("article") || p.normalName().equals("main")) {
          return true;
        }
      }
      return false;
    }

    private boolean hasChromeName(String value) {
      if (value.isEmpty()) {
        return false;
      }
      String v = value.toLowerCase(java.util.Locale.ROOT);
      int start = 0;
      for (int i = 0; i <= v.length(); i++) {
        if (i == v.length() || !Character.isLetterOrDigit(v.charAt(i))) {
          if (i > start && isChromeToken(v, start, i)) {
            return true;
          }
          start = i + 1;
        }
      }
      return false;
    }

    private boolean isChromeToken(String v, int from, int to) {
      int len = to - from;
      for (String w : chromeWords) {
        if (len == w.length() ? v.startsWith(w, from) : w.length() >= 5 && len > w.length() && v.startsWith(w, from)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Turns the element tree into blocks: block elements flush the text gathered so far. */
  private static final class BlockVisitor implements NodeVisitor {
    private final MainText.Builder out;
    private final Element root;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Block.Type> types = new ArrayDeque<>();
    private int itemDepth;
    private int linkDepth;
    private int linkChars;
    /** Per open list item: whether it has given its item block already (later paragraphs in it describe it). */
    private final Deque<Boolean> itemEmitted = new ArrayDeque<>();

    BlockVisitor(MainText.Builder out, Element root) {
      this.out = out;
      this.root = root;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String w = t.getWholeText();
        text.append(w);
        if (linkDepth > 0) {
          linkChars += w.strip().length();
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("a")) {
          linkDepth++;
        } else if (tag.equals("br")) {
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
            itemEmitted.push(false);
          }
          // <li><p>text</p></li>: the paragraph is the item's text (editors wrap list items in paragraphs).
          boolean inItem = current() == Block.Type.ITEM && !HEADINGS.contains(tag) && !tag.equals("ul")
              && !tag.equals("ol") && !tag.equals("li");
          types.push(inItem ? Block.Type.ITEM : typeOf(tag));
        } else {
          text.append(tag.equals("td") ? " " : "");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element a && a.normalName().equals("a")) {
        linkDepth--;
      }
      if (node instanceof Element e && isBlock(e.normalName())) {
        flush(current());
        if (!types.isEmpty()) {
          types.pop();
        }
        if (e.normalName().equals("li")) {
          itemDepth--;
          if (!itemEmitted.isEmpty()) {
            itemEmitted.pop();
          }
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
        String s = text.toString();
        int visible = s.strip().length();
        boolean link = visible > 0 && linkChars >= visible * 0.9;
        Block.Type t = type;
        if (t == Block.Type.ITEM && !itemEmitted.isEmpty()) {
          if (itemEmitted.peek()) {
            t = Block.Type.PARAGRAPH;
          } else if (visible > 0) {
            itemEmitted.pop();
            itemEmitted.push(true);
          }
        }
        out.add(t, s, t == Block.Type.ITEM ? itemDepth : 0, link);
        text.setLength(0);
      }
      linkChars = 0;
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
