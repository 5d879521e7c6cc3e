package se.loftesgrafen.extract.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.Sentences;

/**
 * Reads a report's blocks into restated commitments and results. Reports come in three shapes: two lists (the
 * promise restated under "I medborgarlöftet lovade ...", then "Utfallet blev:"), alternating (each commitment,
 * then "Resultat" and what was done), and prose (news). The section a block stands in is set by the headings and
 * lead-ins ({@code promise_leads}, {@code result_leads}, {@code neutral_leads}); within it, tense decides: a
 * perfect or preterite sentence ({@code done}) is a result, a modal or future one a commitment, and a trailing
 * actor tag "(Polis)" marks a restated commitment anywhere.
 */
final class ReportSections {
  private enum Section { NONE, PROMISE, RESULT, NEUTRAL }

  private static final Pattern MODAL = Pattern.compile(
      "\\b(ska|skall|skulle|kommer ([\\p{L}\\d–-]+ ){0,3}att|(lovar|lovade|avser)\\b[^.]{0,80}\\batt)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  /** A line this short ending in a colon introduces what follows; it is never itself a commitment or result. */
  private static final int LEAD_IN = 120;

  private final List<Pattern> promiseLeads;
  private final List<Pattern> resultLeads;
  private final List<Pattern> neutralLeads;
  private final Pattern actorTag;
  private final List<Pattern> focusLists;
  private final Pattern inline;
  private final Pattern wholePromise;
  private final Pattern promiseWithResult;
  private final TenseCues tense;
  private final ActorReader actors;

  ReportSections(FollowUpRules rules, TenseCues tense, ActorReader actors) {
    this.promiseLeads = rules.patterns("promise_leads");
    this.resultLeads = rules.patterns("result_leads");
    this.neutralLeads = rules.patterns("neutral_leads");
    this.actorTag = rules.pattern("actor_tag");
    this.focusLists = rules.patterns("focus_lists");
    this.inline = rules.pattern("inline_result");
    this.wholePromise = rules.pattern("whole_promise");
    this.promiseWithResult = rules.pattern("promise_with_result");
    this.tense = tense;
    this.actors = actors;
  }

  /** The statements of the blocks from {@code from} (the report's start) to {@code to} (exclusive). */
  List<Statement> read(MainText main, int from, int to) {
    List<Statement> out = new ArrayList<>();
    Section section = Section.NONE;
    Set<String> leadActors = Set.of();
    List<Block> blocks = main.blocks();
    for (int i = from; i < to; i++) {
      Block b = blocks.get(i);
      String t = b.text();
      if (b.link()) {
        continue;
      }
      boolean tagged = actorTag.matcher(t).find();
      boolean overList = !b.isItem() && i + 1 < to && blocks.get(i + 1).isItem() && opensWithPromise(t);
      if (!tagged && (b.isHeading() || t.endsWith(":") || b.isLeadIn() || overList)) {
        Section s = lead(t);
        if (s != null) {
          section = s;
          leadActors = actors.named(t);
          continue;
        }
        if (b.isHeading()) {
          section = Section.NONE;
          leadActors = Set.of();
          continue;
        }
      }
      if (section == Section.NEUTRAL || !tagged && t.endsWith(":") && t.length() < LEAD_IN) {
        continue;
      }
      if (b.isItem() && inlineResult(out, b, i, leadActors)) {
        continue;
      }
      if (tagged || section == Section.PROMISE && !tense.done(t)) {
        out.add(new Statement(Statement.Role.COMMITMENT, t, b.start(), i, leadActors, false));
        continue;
      }
      if (section == Section.RESULT && MODAL.matcher(t).find() && !tense.done(t) && !tense.planned(t)) {
        out.add(new Statement(Statement.Role.COMMITMENT, t, b.start(), i, leadActors, false));
        section = Section.NONE;
        continue;
      }
      sentences(out, b, i, section, leadActors);
    }
    return out;
  }

  /** A block read sentence by sentence: results where they report, commitments where they are modal. */
  private void sentences(List<Statement> out, Block b, int index, Section section, Set<String> leadActors) {
    if (section == Section.RESULT && b.isItem()) {
      if (!tense.planned(b.text()) || tense.done(b.text())) {
        out.add(new Statement(Statement.Role.RESULT, b.text(), b.start(), index, leadActors, true));
      }
      return;
    }
    for (Sentences.Span s : Sentences.split(b.text())) {
      String t = s.text();
      int start = b.start() + s.start();
      java.util.regex.Matcher both = promiseWithResult.matcher(t);
      if (section == Section.NONE && both.matches() && (tense.done(both.group("r")) || tense.notDone(both.group("r")))) {
        out.add(new Statement(Statement.Role.COMMITMENT, both.group("c"), start, index, leadActors, false));
        out.add(new Statement(Statement.Role.RESULT, both.group("r"), start + both.start("r"), index, leadActors, false,
            start));
        continue;
      }
      boolean done = tense.done(t) || tense.notDone(t) || tense.reportsShare(t);
      if (wholePromise.matcher(t).find() && done) {
        continue; // a verdict on the whole promise (VerdictFinder), not the result of one commitment
      }
      if (done && !tense.background(t)) {
        out.add(new Statement(Statement.Role.RESULT, t, start, index, leadActors, section == Section.RESULT));
      } else if (section == Section.RESULT && !tense.planned(t) && !tense.background(t)) {
        out.add(new Statement(Statement.Role.RESULT, t, start, index, leadActors, true));
      } else if (section == Section.NONE && MODAL.matcher(t).find() && !tense.background(t)
          && !FollowUpRules.any(focusLists, t)) {
        out.add(new Statement(Statement.Role.COMMITMENT, t, start, index, leadActors, false));
      }
    }
  }

  /**
   * Headings that name the commitments when nothing else restates them: a report that gives each commitment a
   * heading ("Trafikkontroller vid skolorna") and what was done under it. A heading counts when the block right
   * under it reports; the title, leads and headings over nothing reported do not.
   */
  List<Statement> topicHeadings(MainText main, ReportLocator.Span span, List<Statement> results) {
    List<Statement> out = new ArrayList<>();
    java.util.Set<Integer> reporting = new java.util.HashSet<>();
    results.forEach(r -> reporting.add(r.block()));
    for (int i = span.from() + 1; i < span.to() - 1; i++) {
      Block b = main.blocks().get(i);
      if (b.isHeading() && lead(b.text()) == null && reporting.contains(i + 1)) {
        out.add(new Statement(Statement.Role.COMMITMENT, b.text(), b.start(), i, Set.of(), false));
      }
    }
    return out;
  }

  /**
   * A list item that restates a commitment and gives its result in the same line ("Genomföra minst åtta
   * kontroller – Genomfört. Tolv kontroller har gjorts.", "... Status: Ej genomfört"): a commitment and its result.
   */
  private boolean inlineResult(List<Statement> out, Block b, int index, Set<String> leadActors) {
    java.util.regex.Matcher m = inline.matcher(b.text());
    if (!m.matches()) {
      return false;
    }
    boolean dash = m.group("c") != null;
    String c = dash ? m.group("c") : m.group("c2");
    String r = dash ? m.group("r") : m.group("r2");
    int rAt = b.start() + (dash ? m.start("r") : m.start("r2"));
    if (tense.done(c) || tense.notDone(c) || !(tense.done(r) || tense.notDone(r) || tense.partly(r))) {
      return false;
    }
    out.add(new Statement(Statement.Role.COMMITMENT, c.strip(), b.start(), index, leadActors, false));
    out.add(new Statement(Statement.Role.RESULT, r, rAt, index, leadActors, true, b.start()));
    return true;
  }

  /**
   * A short paragraph over a list that opens by restating the promise ("I medborgarlöftet för 2022 lovade ..."),
   * alone or with a sentence of background ("Syftet var att ..."); not a promise followed by its result.
   */
  private boolean opensWithPromise(String t) {
    List<Sentences.Span> s = Sentences.split(t);
    return !s.isEmpty() && FollowUpRules.any(promiseLeads, s.get(0).text())
        && (s.size() == 1 || s.size() == 2 && tense.background(s.get(1).text()));
  }

  private Section lead(String t) {
    if (FollowUpRules.any(neutralLeads, t)) {
      return Section.NEUTRAL;
    }
    if (FollowUpRules.any(resultLeads, t)) {
      return Section.RESULT;
    }
    if (FollowUpRules.any(promiseLeads, t)) {
      return Section.PROMISE;
    }
    return null;
  }
}
