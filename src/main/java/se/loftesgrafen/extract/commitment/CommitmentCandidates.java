package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.Sentences;
import se.loftesgrafen.extract.read.TextReader;

/**
 * Proposes the candidate undertakings of a page and describes each by features. The blocks are read as zones opened
 * by headings and lead-ins (rules: promise_headings, background_headings, stop_headings, nonpromise_leadins);
 * every list item, every short line, every sentence of prose and the coordinated clauses of a sentence become
 * candidates. What the hand-written rules would decide is kept beside ({@link Candidate#ruleAccepts()}), as the
 * baseline; the decision is the {@link CommitmentModel}'s, trained on annotated pages. Actors come from the candidate's own subject or tag,
 * else from the heading or lead-in above.
 */
final class CommitmentCandidates {
  /** A promise has a handful to a few dozen undertakings; past this many candidates a page is something else. */
  static final int MAX_CANDIDATES = 2_000;
  /** Shorter than this, a subject and modal ("Kommunen ska under perioden") is a lead-in, not an undertaking. */
  private static final int STUB = 40;

  enum Zone { NONE, PROMISE, BACKGROUND, STOP }

  private enum ListKind { DEFAULT, PROMISE, NOT_PROMISE }

  private final List<Pattern> stop;
  private final List<Pattern> background;
  private final List<Pattern> promise;
  private final List<Pattern> notPromise;
  private final List<Pattern> promiseTitles;
  private final List<Pattern> promisersAfterVerb;
  private final List<Pattern> actorTags;
  private final List<Pattern> aims;
  private final List<Pattern> links;
  private final List<Pattern> quotes;
  private final List<Pattern> undertakings;
  private final List<Pattern> results;
  private final List<Pattern> elaborations;
  private final List<Pattern> subElaborations;
  private final List<Pattern> gluedStarts;
  private final List<Pattern> splitBlocked;
  private final Pattern responsibility;
  private final ActorResolver actors;
  private final ThemeClassifier themes;
  private final TargetExtractor targets;
  private final CandidateFeatures features;
  private final ProseClauses prose;

  CommitmentCandidates(ExtractionRules rules, ActorResolver actors, ThemeClassifier themes, TargetExtractor targets) {
    this.stop = rules.combined("stop_headings");
    this.background = rules.combined("background_headings");
    this.promise = rules.combined("promise_headings");
    this.notPromise = rules.combined("nonpromise_leadins");
    this.promiseTitles = rules.combined("promise_titles");
    this.promisersAfterVerb = rules.combined("promisers_after_verb");
    this.actorTags = rules.patterns("actor_tags");
    this.aims = rules.combined("aim_sentences");
    this.links = rules.combined("link_sentences");
    this.quotes = rules.combined("quote_sentences");
    this.undertakings = rules.combined("commitment_sentences");
    this.results = rules.combined("result_items");
    this.elaborations = rules.combined("elaboration_items");
    this.subElaborations = rules.combined("elaboration_subitems");
    this.gluedStarts = rules.combined("glued_item_starts");
    this.splitBlocked = rules.patterns("split_blocked_by");
    this.responsibility = rules.patterns("responsibility_lines").get(0);
    this.actors = actors;
    this.themes = themes;
    this.targets = targets;
    this.features = new CandidateFeatures(rules, targets);
    this.prose = new ProseClauses(rules);
  }

  /** The subject actors of a sentence or item, read once per page. */
  private Set<Actor> subject(State st, String text) {
    return st.subjects.computeIfAbsent(text, t -> actors.subject(t, st.we));
  }

  /** The themes of a text, classified once per page (an item is read for its list's shape and for itself). */
  private List<String> themes(State st, String text) {
    return st.themes.computeIfAbsent(text, themes::classify);
  }

  /** What the walk knows of a candidate's place, for its features. */
  private CandidateFeatures.Context context(State st) {
    return new CandidateFeatures.Context("zone=" + st.zone, "list=" + st.list, st.underPromiseTitle, st.lastHead,
        st.cues, st.lastHeadIsLead, st.blocksSinceHead, st.promiseHeads, t -> subject(st, t), t -> themes(st, t));
  }

  /** Reading state while walking the blocks. */
  private static final class State {
    Zone zone = Zone.NONE;
    ListKind list = ListKind.DEFAULT;
    Set<Actor> context = EnumSet.noneOf(Actor.class);
    Set<Actor> we = ActorResolver.BOTH;
    ActorEvidence.PageParties page = ActorEvidence.PageParties.NONE;
    /** The text of the list item that sub-items inherit their actors from (read only when one needs it). */
    String parentItemText;
    boolean leadSeen;
    boolean underPromiseTitle;
    /** The last heading or lead-in, lower case ("" before the first). */
    String lastHead = "";
    List<String> cues = List.of();
    boolean lastHeadIsLead;
    int blocksSinceHead;
    int promiseHeads;
    /** Subjects already read on this page: an item or sentence is read as candidate, as rule span and as features. */
    final java.util.Map<String, Set<Actor>> subjects = new java.util.HashMap<>();
    final java.util.Map<String, List<String>> themes = new java.util.HashMap<>();
    final java.util.Map<String, Set<Actor>> mentioned = new java.util.HashMap<>();
    final java.util.Map<String, Boolean> thirdParties = new java.util.HashMap<>();
    /** Features of the list the current item belongs to (its size, how many items open with a verb). */
    List<String> listShape = List.of();
  }

  List<Candidate> find(MainText main) {
    List<Candidate> out = new ArrayList<>();
    List<Block> blocks = main.blocks();
    State st = new State();
    st.we = actors.we(main.text().substring(0, Math.min(main.text().length(), 1500)), main.text());
    st.page = actors.parties(main.text(), st.we);
    for (int i = 0; i < blocks.size() && out.size() < MAX_CANDIDATES; i++) {
      Block b = blocks.get(i);
      Block prev = i > 0 ? blocks.get(i - 1) : null;
      Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
      double position = blocks.size() <= 1 ? 0 : (double) i / (blocks.size() - 1);
      Matcher responsible = responsibility.matcher(b.text());
      if (responsible.matches()) {
        assignResponsibility(out, actors.named(responsible.group("who"), st.we), responsible.group("who"));
        continue;
      }
      if (b.isItem()) {
        if (prev == null || !prev.isItem()) {
          st.listShape = features.listShape(blocks, i, t -> themes(st, t));
        }
        item(b, prev, next, position, st, out);
        if (b.level() <= 1) {
          st.parentItemText = b.text();
        }
        st.blocksSinceHead++;
      } else if (b.isHeading() || b.isLeadIn() || TextReader.looksLikeHeading(b.text()) || isUnpunctuatedRule(b)) {
        if (!b.isLeadIn() && line(b, prev, next, position, st, out, blocks, i)) {
          // A line that ends in an actor tag ("Nattvandring på helger (Kommunen)") is an item whose bullet was
          // lost, not a heading: the lines after it stay under the heading or lead-in above.
          st.blocksSinceHead++;
          continue;
        }
        heading(b, st);
      } else {
        prose(b, position, st, out);
        st.blocksSinceHead++;
      }
    }
    return out;
  }

  private void heading(Block b, State st) {
    String t = b.text();
    st.underPromiseTitle = b.isHeading() && any(promiseTitles, t);
    st.lastHead = t.toLowerCase(Locale.ROOT);
    st.cues = features.cues(st.lastHead);
    st.lastHeadIsLead = b.isLeadIn();
    st.blocksSinceHead = 0;
    if (any(stop, t)) {
      st.zone = Zone.STOP;
      st.list = ListKind.NOT_PROMISE;
      return;
    }
    if (any(background, t)) {
      st.zone = Zone.BACKGROUND;
      st.list = ListKind.NOT_PROMISE;
      return;
    }
    if (any(notPromise, t)) {
      st.list = ListKind.NOT_PROMISE;
      return;
    }
    Set<Actor> named = headActors(t, st.we);
    if (any(promise, t)) {
      st.zone = Zone.PROMISE;
      st.list = ListKind.PROMISE;
      st.promiseHeads++;
      if (!named.isEmpty()) {
        st.context = named;
      }
      return;
    }
    if (st.zone == Zone.BACKGROUND && b.isHeading()) {
      st.zone = Zone.NONE;
    }
    st.list = ListKind.DEFAULT;
    if (!named.isEmpty()) {
      st.context = named;
    }
  }

  /**
   * Who a heading or lead-in names as doers: its subject when it has one ("Staden stödjer polisens löfte genom:" is
   * the municipality), else every party it names ("Polismyndigheten i samverkan med kommunen:" is both).
   */
  private Set<Actor> headActors(String head, Set<Actor> we) {
    if (any(promisersAfterVerb, head)) {
      // "För att minska brottsligheten lovar Örebro kommun, City Örebro och lokalpolisområde Örebro att:": the
      // promisers follow the verb, all of them, not only the first few words an inverted subject is read from.
      return actors.named(head, we);
    }
    Set<Actor> subject = actors.subject(head, we);
    return subject.isEmpty() ? actors.named(head, we) : subject;
  }

  private void item(Block b, Block prev, Block next, double position, State st, List<Candidate> out) {
    String t = b.text();
    if (t.length() < 3 || isNeverAnUndertaking(t) || b.link() || isSubHeading(b, next)) {
      // A sub-heading's undertaking is the paragraph under it, which is a candidate of its own.
      return;
    }
    List<String> f = features.of(t, position, context(st));
    f.add("src=item");
    f.addAll(st.listShape);
    if (b.level() > 1) {
      f.add("level2");
    }
    // Quotes and link texts never get here (isNeverAnUndertaking), so they are no features either.
    boolean excluded = false;
    excluded |= CandidateFeatures.flag(f, "result", any(results, t));
    excluded |= CandidateFeatures.flag(f, "elaboration", any(elaborations, t) || b.level() > 1 && any(subElaborations, t));
    excluded |= CandidateFeatures.flag(f, "tiny", t.length() < 12);
    excluded |= CandidateFeatures.flag(f, "groupheading", isGroupHeading(b, next));
    if (prev != null && !prev.isItem()) {
      f.add("firstInList");
    }
    Set<Actor> own = EnumSet.noneOf(Actor.class);
    boolean undertakes = false;
    for (Sentences.Span s : Sentences.split(t)) {
      Set<Actor> a = subject(st, s.text());
      own.addAll(a);
      undertakes |= !a.isEmpty() && any(undertakings, s.text()) && !any(aims, s.text());
    }
    Set<Actor> tagged = tag(t, st.we);
    if (!tagged.isEmpty()) {
      own = tagged;
      f.add("tag");
    }
    CandidateFeatures.flag(f, "undertakes", undertakes);
    CandidateFeatures.flag(f, "ownActor", !own.isEmpty());
    boolean inPromise = st.zone == Zone.PROMISE || st.list == ListKind.PROMISE || st.underPromiseTitle;
    boolean rule = !excluded && st.zone != Zone.STOP && st.zone != Zone.BACKGROUND && st.list != ListKind.NOT_PROMISE
        && (inPromise || undertakes);
    Set<Actor> parent = b.level() > 1 && own.isEmpty() && st.parentItemText != null
        ? actors.named(st.parentItemText, st.we) : Set.of();
    Set<Actor> inherited = !parent.isEmpty() ? parent : st.context;
    Set<Actor> who = own.isEmpty() ? named(st, inherited, t) : own;
    out.add(new Candidate(t, b.start(), who, f, new ActorEvidence(own, !tagged.isEmpty(), inherited, st.page), rule));
  }

  /**
   * A short line that is not a lead-in: a section heading, or an item without a bullet ("Nattvandring",
   * "Ökad synlighet och närvaro"). Runs of such lines under a lead-in are lists whose markup was lost. Returns
   * whether the line ends in an actor tag (then it is an item, never a heading).
   */
  private boolean line(Block b, Block prev, Block next, double position, State st, List<Candidate> out,
      List<Block> blocks, int i) {
    String t = b.text();
    if (t.length() < 6 || isNeverAnUndertaking(t)) {
      return !tag(t, st.we).isEmpty();
    }
    List<String> f = features.of(t, position, context(st));
    f.add(b.isHeading() ? "src=heading" : "src=line");
    int run = 1;
    for (int j = i - 1; j >= 0 && isShortLine(blocks.get(j)); j--) {
      run++;
    }
    for (int j = i + 1; j < blocks.size() && isShortLine(blocks.get(j)); j++) {
      run++;
    }
    f.add(run >= 3 ? "run>=3" : run == 2 ? "run=2" : "run=1");
    CandidateFeatures.flag(f, "afterLead", prev != null && prev.isLeadIn());
    CandidateFeatures.flag(f, "nextIsProse", next != null && !next.isItem() && !isShortLine(next));
    CandidateFeatures.flag(f, "nextIsItem", next != null && next.isItem());
    CandidateFeatures.flag(f, "headPattern", any(promise, t) || any(stop, t) || any(background, t) || any(notPromise, t)
        || any(promiseTitles, t));
    Set<Actor> tagged = tag(t, st.we);
    if (!tagged.isEmpty()) {
      f.add("tag");
    }
    Set<Actor> who = tagged.isEmpty() ? named(st, st.context, t) : tagged;
    out.add(new Candidate(t, b.start(), who, f, new ActorEvidence(tagged, !tagged.isEmpty(), st.context, st.page),
        false));
    return !tagged.isEmpty();
  }

  /** "Ansvarig: kommunen" under an item: the item's actors are the ones named (other for a party of its own). */
  private void assignResponsibility(List<Candidate> out, Set<Actor> named, String who) {
    if (out.isEmpty()) {
      return;
    }
    Set<Actor> actorsOfItem = EnumSet.noneOf(Actor.class);
    actorsOfItem.addAll(named);
    if (actorsOfItem.isEmpty() && actors.isParty(who)) {
      actorsOfItem.add(Actor.OTHER);
    }
    if (actorsOfItem.isEmpty()) {
      return;
    }
    Candidate last = out.get(out.size() - 1);
    List<String> f = new ArrayList<>(last.features());
    f.add("responsibilityLine");
    ActorEvidence was = last.evidence();
    out.set(out.size() - 1, new Candidate(last.text(), last.start(), actorsOfItem, f,
        new ActorEvidence(actorsOfItem, true, was.context(), was.page()), last.ruleAccepts()));
  }

  /**
   * What by definition is no undertaking, whatever its words: what someone says (a quote in a news text) and link
   * or document texts. These are not candidates at all; the model never has to outweigh them.
   */
  private boolean isNeverAnUndertaking(String t) {
    return any(quotes, t) || any(links, t);
  }

  private static boolean isShortLine(Block b) {
    return !b.isItem() && !b.isLeadIn() && (b.isHeading() || TextReader.looksLikeHeading(b.text()));
  }

  /**
   * A short numbered line followed by a paragraph whose first sentence states the same undertaking with its actors
   * is a sub-heading, not an item ("1. Öka insatserna mot narkotikamissbruket" / "Polisen och kommunen ska öka
   * insatserna mot narkotikamissbruket.").
   */
  private boolean isSubHeading(Block b, Block next) {
    if (next == null || next.isItem() || next.isHeading() || next.isLeadIn() || b.text().split(" ").length > 15) {
      return false;
    }
    List<Sentences.Span> first = Sentences.split(next.text());
    return !first.isEmpty() && isUndertaking(first.get(0).text()) && overlap(b.text(), first.get(0).text()) >= 0.6;
  }

  /** The actors an item's tag names: "(Kommunen)", "(Polisen och kommunen)". */
  private Set<Actor> tag(String text, Set<Actor> we) {
    for (Pattern p : actorTags) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        Set<Actor> named = actors.named(m.group("who"), we);
        if (named.isEmpty() && actors.isParty(m.group("who"))) {
          return EnumSet.of(Actor.OTHER);
        }
        return named;
      }
    }
    return EnumSet.noneOf(Actor.class);
  }

  /** An item with sub-items heads them, unless it states a measurable undertaking itself. */
  private boolean isGroupHeading(Block b, Block next) {
    return b.level() <= 1 && next != null && next.isItem() && next.level() > b.level()
        && targets.extract(b.text()).isEmpty();
  }

  /** Share of the words of {@code a} that occur in {@code b}. */
  private static double overlap(String a, String b) {
    Set<String> wb = new java.util.HashSet<>(List.of(b.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")));
    String[] wa = a.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+");
    int hit = 0;
    for (String w : wa) {
      hit += wb.contains(w) ? 1 : 0;
    }
    return wa.length == 0 ? 0 : (double) hit / wa.length;
  }

  /** A paragraph without final punctuation that reads as a zone heading. */
  private boolean isUnpunctuatedRule(Block b) {
    String t = b.text();
    char last = t.charAt(t.length() - 1);
    return t.length() < 120 && Character.isLetterOrDigit(last) && (any(promise, t) || any(stop, t) || any(background, t));
  }

  /**
   * Prose: the spans the rules take (an actor sentence with its continuation, split at coordinated infinitives)
   * are candidates of their own ({@code src=ruleSpan}); every other sentence is a candidate of its own, and so are the
   * clauses of a sentence that coordinates several undertakings.
   */
  private void prose(Block b, double position, State st, List<Candidate> out) {
    String t = b.text();
    List<int[]> ruleSpans = new ArrayList<>();
    List<Set<Actor>> ruleActors = new ArrayList<>();
    if (st.zone != Zone.STOP && st.zone != Zone.BACKGROUND) {
      ruleSpans(b, st, ruleSpans, ruleActors);
    }
    boolean firstSentence = true;
    for (Sentences.Span s : prose.unglue(Sentences.split(t))) {
      int covered = -1;
      for (int k = 0; k < ruleSpans.size(); k++) {
        int[] r = ruleSpans.get(k);
        if (r[0] < s.end() && s.start() < r[1]) {
          covered = k;
          break;
        }
      }
      if (covered >= 0) {
        firstSentence = false;
        continue;
      }
      if (isNeverAnUndertaking(s.text())) {
        firstSentence = false;
        continue;
      }
      Set<Actor> subject = subject(st, s.text());
      Set<Actor> tagged = tag(s.text(), st.we);
      Set<Actor> who = !tagged.isEmpty() ? tagged : !subject.isEmpty() ? subject : named(st, st.context, s.text());
      ActorEvidence evidence = new ActorEvidence(!tagged.isEmpty() ? tagged : subject, !tagged.isEmpty(), st.context,
          st.page);
      List<ProseClauses.Clause> clauses = prose.clauses(s.text());
      if (clauses.size() > 1) {
        boolean sentenceUndertakes = any(undertakings, s.text());
        for (ProseClauses.Clause c : clauses) {
          List<String> f = features.of(c.text(), position, context(st));
          f.add("src=clause");
          f.add(c.first() ? "clause=first" : "clause=next");
          CandidateFeatures.flag(f, "inUndertaking", sentenceUndertakes);
          out.add(new Candidate(c.text(), b.start() + s.start() + c.start(), who, f, evidence, false));
        }
      } else {
        List<String> f = features.of(s.text(), position, context(st));
        f.add(t.length() == s.text().length() ? "src=paragraph" : "src=sentence");
        CandidateFeatures.flag(f, "firstSentence", firstSentence);
        if (!tagged.isEmpty()) {
          f.add("tag");
        }
        out.add(new Candidate(s.text(), b.start() + s.start(), who, f, evidence, false));
      }
      firstSentence = false;
    }
    for (int k = 0; k < ruleSpans.size(); k++) {
      int[] r = ruleSpans.get(k);
      String text = t.substring(r[0], r[1]);
      List<ProseClauses.Clause> clauses = prose.clauses(text);
      if (clauses.size() > 1) {
        for (ProseClauses.Clause c : clauses) {
          List<String> f = features.of(c.text(), position, context(st));
          f.add("src=clause");
          f.add(c.first() ? "clause=first" : "clause=next");
          f.add("inUndertaking");
          out.add(new Candidate(c.text(), b.start() + r[0] + c.start(), ruleActors.get(k), f,
              new ActorEvidence(ruleActors.get(k), false, st.context, st.page), false));
        }
        continue;
      }
      List<String> f = features.of(text, position, context(st));
      f.add("src=ruleSpan");
      out.add(new Candidate(text, b.start() + r[0], ruleActors.get(k), f,
          new ActorEvidence(ruleActors.get(k), false, st.context, st.page), true));
    }
  }

  /** The spans of a paragraph that the hand-written prose rules take as undertakings, with their actors. */
  private void ruleSpans(Block b, State st, List<int[]> spans, List<Set<Actor>> who) {
    boolean lead = !st.leadSeen && st.zone == Zone.NONE;
    st.leadSeen = true;
    String t = b.text();
    int groupStart = -1;
    int groupEnd = -1;
    Set<Actor> groupActors = null;
    for (Sentences.Span s : prose.unglue(Sentences.split(t))) {
      String text = s.text();
      Set<Actor> subject = subject(st, text);
      if (subject.isEmpty() && groupStart >= 0 && st.zone == Zone.PROMISE && any(gluedStarts, text)) {
        if (groupEnd - groupStart >= STUB) {
          flush(t, groupStart, groupEnd, groupActors, spans, who);
        }
        groupStart = s.start();
        groupEnd = s.end();
        continue;
      }
      boolean aim = any(aims, text) || any(links, text) || any(quotes, text);
      if (!subject.isEmpty() && (aim || lovar(text) && st.zone == Zone.NONE)) {
        st.context = subject;
      }
      if (!aim && !lead && !subject.isEmpty() && any(undertakings, text) && !(st.zone == Zone.NONE && lovar(text))) {
        flush(t, groupStart, groupEnd, groupActors, spans, who);
        groupStart = s.start();
        groupEnd = s.end();
        groupActors = subject;
      } else if (groupStart >= 0 && !aim && subject.isEmpty() && st.zone == Zone.PROMISE) {
        groupEnd = s.end();
      } else {
        flush(t, groupStart, groupEnd, groupActors, spans, who);
        groupStart = -1;
      }
    }
    flush(t, groupStart, groupEnd, groupActors, spans, who);
  }

  private static boolean lovar(String s) {
    return s.contains("lovar");
  }

  private boolean isUndertaking(String sentence) {
    return any(undertakings, sentence) && !any(aims, sentence) && !actors.subject(sentence).isEmpty();
  }

  private void flush(String block, int from, int to, Set<Actor> actorsOfGroup, List<int[]> spans,
      List<Set<Actor>> who) {
    if (from < 0) {
      return;
    }
    String text = block.substring(from, to);
    for (int[] part : prose.splitCoordinated(text)) {
      String piece = text.substring(part[0], part[1]);
      String stripped = piece.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      int s = from + part[0] + piece.indexOf(stripped);
      spans.add(new int[] {s, s + stripped.length()});
      who.add(actorsOfGroup);
    }
  }

  /** Who does an item without a subject: the one party it names as doer, else the heading's parties. */
  private Set<Actor> named(State st, Set<Actor> context, String text) {
    Set<Actor> mentioned = EnumSet.noneOf(Actor.class);
    mentioned.addAll(st.mentioned.computeIfAbsent(text, t -> actors.mentioned(t, st.we)));
    mentioned.remove(Actor.OTHER);
    if (mentioned.size() == 1 && (context.isEmpty() || context.size() > 1)) {
      return withOthers(st, mentioned, text);
    }
    return withOthers(st, context, text);
  }

  private Set<Actor> withOthers(State st, Set<Actor> context, String text) {
    // Nothing above names a doer: the page's parties ("vi": police and municipality, the police alone on its own
    // page, all three where a third party makes the promise with them)
    Set<Actor> out = EnumSet.copyOf(context.isEmpty() ? st.we : context);
    if (st.thirdParties.computeIfAbsent(text, actors::namesThirdParties)) {
      out.add(Actor.OTHER);
    }
    return out;
  }

  static boolean any(List<Pattern> patterns, String s) {
    return ExtractionRules.any(patterns, s);
  }
}
