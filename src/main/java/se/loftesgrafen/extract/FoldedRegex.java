package se.loftesgrafen.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Compiles the extraction rules' case-insensitive, Unicode-aware patterns without Java's case-insensitive matching,
 * whose per-character Unicode case folding ({@code Character.toUpperCase} and {@code toLowerCase} on every character
 * of every scanned text) was the largest single cost of extraction (profiled with JFR on the extraction benchmark).
 *
 * <p>The pattern keeps its meaning: every letter it names is spelled out in both cases ({@code ska} becomes
 * {@code [sS][kK][aA]}, a class {@code [a-zö]} becomes {@code [a-zA-ZöÖ]}), and {@code \p{Lu}} and {@code \p{Ll}},
 * which match any cased letter under {@code CASE_INSENSITIVE}, say so. Inside {@code (?-i:...)} letters stay as
 * written. {@code UNICODE_CHARACTER_CLASS} stays, so {@code \b}, {@code \w} and {@code \s} are Unicode-aware as
 * before. A construct this does not rewrite ({@code \Q...\E}, a flag switched for the rest of a group) leaves the
 * pattern compiled as it was.
 */
final class FoldedRegex {
  private static final int FLAGS = Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final String CASED = "\\p{Lu}\\p{Ll}\\p{Lt}";

  private FoldedRegex() {}

  /** As {@code Pattern.compile(regex, CASE_INSENSITIVE | UNICODE_CASE | MULTILINE | UNICODE_CHARACTER_CLASS)}. */
  static Pattern compile(String regex) {
    String folded = fold(regex);
    if (folded == null) {
      return Pattern.compile(regex, FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
    return Pattern.compile(folded, FLAGS);
  }

  /** The pattern with both cases spelled out, or null when it holds a construct not rewritten here. */
  static String fold(String regex) {
    if (regex.contains("\\Q") || regex.contains("(?-i)") || regex.contains("(?i)")) {
      return null;
    }
    StringBuilder out = new StringBuilder(regex.length() * 3);
    boolean inClass = false;
    // Whether each open group matches case-insensitively: "(?-i:" turns it off, "(?i:" on again.
    Deque<Boolean> folding = new ArrayDeque<>();
    folding.push(true);
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i = escape(regex, i, inClass, folding.peek(), out);
        continue;
      }
      if (!inClass && c == '(') {
        int end = groupPrefixEnd(regex, i);
        folding.push(regex.startsWith("(?-i:", i) ? Boolean.FALSE : regex.startsWith("(?i:", i) || folding.peek());
        out.append(regex, i, end);
        i = end;
        continue;
      }
      if (!inClass && c == ')' && folding.size() > 1) {
        folding.pop();
      } else if (!inClass && c == '[') {
        inClass = true;
        out.append(c);
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          out.append('^');
          i++;
        }
        i++;
        continue;
      } else if (inClass && c == ']') {
        inClass = false;
      } else if (inClass && c == '[') {
        return null;
      }
      if (inClass && i + 2 < regex.length() && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != ']') {
        char to = regex.charAt(i + 2);
        out.append(c).append('-').append(to);
        if (folding.peek() && Character.isLetter(c) && Character.isLetter(to)) {
          char oc = other(c);
          char ot = other(to);
          if (oc != c && ot != to && ot - oc == to - c) {
            out.append(oc).append('-').append(ot);
          } else if (oc != c || ot != to) {
            return null;
          }
        }
        i += 3;
        continue;
      }
      char o = folding.peek() ? other(c) : c;
      if (o == c) {
        out.append(c);
      } else if (inClass) {
        out.append(c).append(o);
      } else {
        out.append('[').append(c).append(o).append(']');
      }
      i++;
    }
    return out.toString();
  }

  /** Copies the escape at {@code i} (rewriting {@code \p{Lu}}, {@code \p{Ll}}); returns the index after it. */
  private static int escape(String regex, int i, boolean inClass, boolean fold, StringBuilder out) {
    if (i + 1 >= regex.length()) {
      out.append('\\');
      return i + 1;
    }
    char e = regex.charAt(i + 1);
    int end = i + 2;
    if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && end < regex.length() && regex.charAt(end) == '{') {
      end = regex.indexOf('}', end) + 1;
      if (end == 0) {
        end = regex.length();
      }
    } else if (e == 'p' || e == 'P' || e == 'c') {
      end = Math.min(regex.length(), end + 1);
    } else if (e == 'x') {
      end = Math.min(regex.length(), end + 2);
    } else if (e == 'u') {
      end = Math.min(regex.length(), end + 4);
    } else if (e == 'k' && end < regex.length() && regex.charAt(end) == '<') {
      end = regex.indexOf('>', end) + 1;
      if (end == 0) {
        end = regex.length();
      }
    }
    String escape = regex.substring(i, end);
    if (fold && (escape.equals("\\p{Lu}") || escape.equals("\\p{Ll}"))) {
      out.append(inClass ? CASED : "[" + CASED + "]");
    } else {
      out.append(escape);
    }
    return end;
  }

  /** The end of a group's opening: "(", "(?:", "(?=", "(?<!", "(?<name>", "(?-i:", ... */
  private static int groupPrefixEnd(String regex, int i) {
    if (i + 1 >= regex.length() || regex.charAt(i + 1) != '?') {
      return i + 1;
    }
    if (regex.startsWith("(?<", i) && i + 3 < regex.length() && Character.isLetter(regex.charAt(i + 3))) {
      return regex.indexOf('>', i) + 1;
    }
    int j = i + 2;
    while (j < regex.length() && ":=!<>)".indexOf(regex.charAt(j)) < 0) {
      j++;
    }
    if (j < regex.length() && regex.charAt(j) == '<') {
      j++;
    }
    return Math.min(regex.length(), j + 1);
  }

  /** The other case of a cased letter, or the character itself. */
  private static char other(char c) {
    if (!Character.isLetter(c)) {
      return c;
    }
    char upper = Character.toUpperCase(c);
    if (upper != c) {
      return upper;
    }
    return Character.toLowerCase(c);
  }
}
