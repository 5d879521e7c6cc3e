package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;

/**
 * The features the theme model reads, each a small named function of a commitment's text and of the heading or
 * lead line it stands under:
 * <ul>
 *   <li>{@code kw:T}: the lexicon ({@link ThemeClassifier}) finds theme T in the text;</li>
 *   <li>{@code imp:T}: a theme found implies T (theme_implies in the rules) and T was not found itself;</li>
 *   <li>{@code hkw:T}: the lexicon finds T in the heading or lead line above ("Trafik", "Narkotika" over a list);</li>
 *   <li>{@code p:ABCDE}: a word of the text begins with these letters: Swedish inflects and compounds at the
 *   end, so the first {@value #PREFIX} letters stand for the word's family ("narkotikaförsäljning", "narkotikan"
 *   are {@code p:narko}).</li>
 * </ul>
 * The model keeps a weight per feature and theme, and for {@code kw}, {@code imp} and {@code hkw} also one shared
 * by all themes for "the lexicon says this very theme", so a theme seen rarely in training still follows its
 * labels.
 */
final class ThemeFeatures {
  static final int PREFIX = 5;
  /** Words shorter than this carry no theme ("av", "och", "att"). */
  static final int MIN_WORD = 3;
  /** A heading or lead line further up than this many blocks does not govern the item. */
  static final int CONTEXT_BLOCKS = 12;

  private final ThemeClassifier lexicon;

  ThemeFeatures(ThemeClassifier lexicon) {
    this.lexicon = lexicon;
  }

  /** The features of a commitment's text under its heading or lead line (empty when there is none). */
  List<String> of(String text, String context) {
    return of(text, context, new java.util.HashMap<>());
  }

  /**
   * As {@link #of(String, String)}, reading the lexicon's hits in a heading from {@code contextHits} when another
   * item under it has been read already (the items of one list share their heading).
   */
  List<String> of(String text, String context, java.util.Map<String, List<String>> contextHits) {
    List<String> out = new ArrayList<>();
    List<String> hits = lexicon.hits(text);
    for (String t : hits) {
      out.add("kw:" + t);
    }
    for (String t : lexicon.implied(hits)) {
      out.add("imp:" + t);
    }
    if (!context.isEmpty()) {
      for (String t : contextHits.computeIfAbsent(context, lexicon::hits)) {
        out.add("hkw:" + t);
      }
    }
    for (String p : prefixes(text)) {
      out.add("p:" + p);
    }
    for (String p : heads(text)) {
      out.add("s:" + p);
    }
    return out;
  }

  /** Inflection endings dropped before a compound's head is read, longest first. */
  private static final List<String> ENDINGS =
      List.of("ernas", "arnas", "erna", "arna", "orna", "er", "ar", "or", "na", "en", "et", "n", "a", "e", "s");

  /**
   * The last {@value #PREFIX} letters of each long word's stem (one ending dropped): the head of a Swedish compound
   * ("hastighetskontroller", "trafikkontroll" are {@code s:troll}).
   */
  static Set<String> heads(String text) {
    Set<String> out = new LinkedHashSet<>();
    words(text, (from, to) -> {
      if (to - from >= 2 * PREFIX) {
        String w = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (String e : ENDINGS) {
          if (w.endsWith(e)) {
            w = w.substring(0, w.length() - e.length());
            break;
          }
        }
        out.add(w.substring(w.length() - PREFIX));
      }
    });
    return out;
  }

  /** The distinct word prefixes of a text, lower case, in order of first occurrence. */
  static Set<String> prefixes(String text) {
    Set<String> out = new LinkedHashSet<>();
    words(text, (from, to) -> {
      if (to - from >= MIN_WORD) {
        out.add(text.substring(from, Math.min(to, from + PREFIX)).toLowerCase(Locale.ROOT));
      }
    });
    return out;
  }

  /** What is done with a word's bounds in a text. */
  @FunctionalInterface
  private interface WordSpan {
    void at(int from, int to);
  }

  /** Calls {@code word} with the bounds of every run of letters in {@code text}, in order. */
  private static void words(String text, WordSpan word) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && Character.isLetter(text.charAt(end))) {
        end++;
      }
      word.at(i, end);
      i = end;
    }
  }

  /**
   * The heading or lead line a text at {@code start} stands under: the nearest heading or lead-in ("Polisen
   * lovar att:", "Trafik") above it, within {@link #CONTEXT_BLOCKS} blocks; empty when there is none.
   */
  static String context(MainText main, int start) {
    List<Block> blocks = main.blocks();
    int lo = 0;
    int hi = blocks.size() - 1;
    int at = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (blocks.get(mid).start() <= start) {
        at = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (int i = at - 1; i >= 0 && i >= at - CONTEXT_BLOCKS; i--) {
      Block b = blocks.get(i);
      if (b.isHeading() || b.isLeadIn()) {
        return b.text();
      }
    }
    return "";
  }
}
