package se.loftesgrafen.extract.followup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.Sentences;

/**
 * Commitments quoted inside prose, as news reports name them ("som att genomföra minst två trygghetsvandringar
 * och minst 50 trafikkontroller", "löftet att "införa arbetsmetoder ...""), and promises named only by their focus
 * groups ("lovade ... att ha särskilt fokus på A, B och C"). A quote of a commitment already named is a verdict on
 * it, so that sentence becomes a result instead.
 */
final class ProseCommitments {
  /** A commitment whose words overlap an earlier one's this much is the same one named again. */
  static final double SAME = 0.6;

  private final List<Pattern> quoted;
  private final Pattern split;
  private final List<Pattern> focus;
  private final TenseCues tense;

  ProseCommitments(FollowUpRules rules, TenseCues tense) {
    this.quoted = rules.patterns("prose_commitments");
    this.split = rules.pattern("prose_split");
    this.focus = rules.patterns("focus_lists");
    this.tense = tense;
  }

  /**
   * The statements with prose commitments added (from paragraph sentences that are not statements yet), and
   * commitments named twice (a result heading that repeats its commitment) reduced to their first naming.
   */
  List<Statement> add(MainText main, ReportLocator.Span span, List<Statement> statements) {
    List<Statement> out = new ArrayList<>(statements);
    for (int i = span.from(); i < span.to(); i++) {
      Block b = main.blocks().get(i);
      if (b.isHeading() || b.isItem()) {
        continue;
      }
      for (Sentences.Span s : Sentences.split(b.text())) {
        int at = b.start() + s.start();
        if (out.stream().anyMatch(st -> st.start() <= at && at < st.start() + st.text().length())
            || tense.done(s.text())) {
          continue;
        }
        List<Statement> q = quoted(s.text(), at, i);
        if (q.stream().anyMatch(c -> namedBefore(out, c))) {
          out.add(new Statement(Statement.Role.RESULT, s.text(), at, i, Set.of(), false));
        } else {
          out.addAll(q);
        }
      }
    }
    out.sort(Comparator.comparingInt(Statement::start));
    return once(out);
  }

  private static boolean namedBefore(List<Statement> statements, Statement c) {
    return statements.stream().anyMatch(s -> s.role() == Statement.Role.COMMITMENT && s.start() < c.start()
        && same(s, c));
  }

  private static boolean same(Statement a, Statement b) {
    return WordOverlap.dice(a.text(), b.text()) >= SAME || a.text().contains(b.text()) || b.text().contains(a.text());
  }

  private List<Statement> quoted(String sentence, int at, int block) {
    List<Statement> out = new ArrayList<>();
    for (Pattern p : quoted) {
      Matcher m = p.matcher(sentence);
      if (m.find()) {
        String c = m.group("c");
        int cAt = m.start("c");
        Matcher and = split.matcher(c);
        int from = 0;
        while (and.find()) {
          out.add(commitment(c.substring(from, and.start()), at + cAt + from, block));
          from = and.end();
        }
        out.add(commitment(c.substring(from), at + cAt + from, block));
        return out;
      }
    }
    return out;
  }

  private static Statement commitment(String text, int start, int block) {
    String t = text.strip();
    return new Statement(Statement.Role.COMMITMENT, t, start + text.indexOf(t), block, Set.of(), false);
  }

  /** A commitment named again becomes a result of the first (a quote with a verdict) or is dropped (a heading). */
  private static List<Statement> once(List<Statement> statements) {
    List<Statement> out = new ArrayList<>();
    List<Statement> named = new ArrayList<>();
    for (Statement s : statements) {
      if (s.role() == Statement.Role.COMMITMENT) {
        boolean again = named.stream().anyMatch(c -> same(c, s));
        if (again) {
          continue;
        }
        named.add(s);
      }
      out.add(s);
    }
    return out;
  }

  /** The focus groups of a "lovade ... att ha särskilt fokus på A, B och C" sentence, each a commitment. */
  List<Statement> focusList(MainText main, ReportLocator.Span span) {
    for (int i = span.from(); i < span.to(); i++) {
      Block b = main.blocks().get(i);
      for (Pattern p : focus) {
        Matcher m = p.matcher(b.text());
        if (m.find()) {
          return groups(m.group("c"), b.start() + m.start("c"), i);
        }
      }
    }
    return List.of();
  }

  private static List<Statement> groups(String list, int at, int block) {
    List<Statement> out = new ArrayList<>();
    int lastAnd = list.lastIndexOf(" och ");
    List<int[]> parts = new ArrayList<>();
    int from = 0;
    for (int comma = list.indexOf(", "); comma >= 0 && comma < Math.max(lastAnd, 0); comma = list.indexOf(", ", from)) {
      parts.add(new int[] {from, comma});
      from = comma + 2;
    }
    if (lastAnd > from) {
      parts.add(new int[] {from, lastAnd});
      from = lastAnd + " och ".length();
    }
    parts.add(new int[] {from, list.length()});
    for (int[] p : parts) {
      String t = list.substring(p[0], p[1]);
      if (!t.isBlank()) {
        out.add(commitment(t, at + p[0], block));
      }
    }
    return out;
  }
}
