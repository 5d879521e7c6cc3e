package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.Sentences;

/**
 * Splits prose into the pieces that can each be an undertaking: list items a CMS glued into one paragraph
 * (rules: glued_items), the coordinated infinitive clauses of one sentence ("ska anordna X, samverka med Y och mäta
 * Z"; rules: clause_split_before, split_before) and the items of an inline list after a lead ("... är: X, Y och Z";
 * rules: inline_list_leads).
 */
final class ProseClauses {
  private final List<Pattern> undertakings;
  private final List<Pattern> split;
  private final List<Pattern> splitRequires;
  private final List<Pattern> splitBlocked;
  private final List<Pattern> glued;
  private final List<Pattern> clauseSplit;
  private final Pattern colonList;

  ProseClauses(ExtractionRules rules) {
    this.undertakings = rules.combined("commitment_sentences");
    this.split = rules.patterns("split_before");
    this.splitRequires = rules.patterns("split_requires");
    this.splitBlocked = rules.patterns("split_blocked_by");
    this.glued = rules.combined("glued_items");
    this.clauseSplit = rules.patterns("clause_split_before");
    this.colonList = rules.combined("inline_list_leads").get(0);
  }

  /** One clause of a sentence, where it starts in the sentence, and whether it is the first. */
  record Clause(String text, int start, boolean first) {}

  /**
   * The clauses of a sentence that coordinates undertakings ("ska anordna X, samverka med Y och mäta Z"):
   * split before a comma or "och" followed by an infinitive (rules: clause_split_before), once the sentence has
   * a modal. One clause when there is nothing to split.
   */
  List<Clause> clauses(String sentence) {
    List<Clause> out = new ArrayList<>();
    Matcher lead = colonList.matcher(sentence);
    if (lead.find() && lead.end() < sentence.length()) {
      List<Clause> items = listItems(sentence, lead.end());
      if (items.size() >= 2) {
        out.add(new Clause(sentence.substring(0, lead.end()).strip(), 0, true));
        out.addAll(items);
        return out;
      }
    }
    if (!any(undertakings, sentence) && !sentence.contains(":")) {
      out.add(new Clause(sentence, 0, true));
      return out;
    }
    int from = 0;
    for (Pattern p : clauseSplit) {
      Matcher m = p.matcher(sentence);
      while (m.find()) {
        if (m.start() > from + 15 && !any(splitBlocked, sentence.substring(0, m.start()))) {
          addClause(out, sentence, from, m.start());
          from = m.end();
        }
      }
    }
    addClause(out, sentence, from, sentence.length());
    return out;
  }

  /**
   * The items of an inline list after a lead ("... är: ökad tillgänglighet, riktade insatser mot X och Y, ha en
   * centrumvärd och ordningsvakter"): split at commas, and the last one at its final "och" when both sides have
   * words enough to stand alone.
   */
  private static List<Clause> listItems(String s, int from) {
    List<Clause> out = new ArrayList<>();
    List<int[]> parts = new ArrayList<>();
    int start = from;
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == ',' || s.charAt(i) == ';') {
        parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    int end = s.length();
    while (end > start && ".!".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    String last = s.substring(start, end);
    int och = last.lastIndexOf(" och ");
    // "X, Y och Z" of single nouns ("nattvandring, föräldramöten och trafikkontroller") is three items; otherwise
    // "och" joins two items only when both sides have words enough to stand alone ("alkohol och narkotika" is one).
    boolean shortItems = !parts.isEmpty() && parts.stream().allMatch(p -> words(s.substring(p[0], p[1])) <= 2);
    if (!parts.isEmpty() && och > 0 && (shortItems && words(last.substring(och + 5)) <= 2
        || words(last.substring(0, och)) >= 2 && words(last.substring(och + 5)) >= 2)) {
      parts.add(new int[] {start, start + och});
      parts.add(new int[] {start + och + 5, end});
    } else {
      parts.add(new int[] {start, end});
    }
    for (int[] p : parts) {
      String part = s.substring(p[0], p[1]);
      String stripped = part.strip();
      if (stripped.length() >= 4) {
        out.add(new Clause(stripped, p[0] + part.indexOf(stripped), false));
      }
    }
    return out;
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static void addClause(List<Clause> out, String s, int from, int to) {
    String part = s.substring(from, to);
    String stripped = part.strip();
    if (!stripped.isEmpty()) {
      out.add(new Clause(stripped, from + part.indexOf(stripped), out.isEmpty()));
    }
  }

  /** Splits sentences where a CMS glued list items together (rules: glued_items). */
  List<Sentences.Span> unglue(List<Sentences.Span> sentences) {
    List<Sentences.Span> out = new ArrayList<>();
    for (Sentences.Span s : sentences) {
      Matcher m = glued.get(0).matcher(s.text());
      int from = 0;
      while (m.find()) {
        if (m.start() > from) {
          add(out, s, from, m.start());
        }
        from = m.end();
      }
      add(out, s, from, s.text().length());
    }
    return out;
  }

  private static void add(List<Sentences.Span> out, Sentences.Span s, int from, int to) {
    String part = s.text().substring(from, to);
    String stripped = part.strip();
    if (!stripped.isEmpty()) {
      out.add(new Sentences.Span(stripped, s.start() + from + part.indexOf(stripped)));
    }
  }

  /** "kommer att ha X, utveckla Y och utveckla Z" holds three undertakings (rules: split_before). */
  List<int[]> splitCoordinated(String text) {
    List<int[]> parts = new ArrayList<>();
    int from = 0;
    for (Pattern p : split) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String before = text.substring(0, m.start());
        if (m.start() > from + 20 && any(splitRequires, before) && !any(splitBlocked, before)) {
          parts.add(new int[] {from, m.start()});
          from = m.end();
        }
      }
    }
    parts.add(new int[] {from, text.length()});
    return parts;
  }

  private static boolean any(List<Pattern> patterns, String s) {
    return CommitmentCandidates.any(patterns, s);
  }
}
