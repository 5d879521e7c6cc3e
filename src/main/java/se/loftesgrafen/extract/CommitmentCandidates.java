package se.loftesgrafen.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment.Actor;

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
  private final List<Pattern> actorTags;
  private final List<Pattern> aims;
  private final List<Pattern> links;
  private final List<Pattern> quotes;
  private final List<Pattern> undertakings;
  private final List<Pattern> results;
  private final List<Pattern> elaborations;
  private final List<Pattern> subElaborations;
  private final List<Pattern> split;
  private final List<Pattern> splitRequires;
  private final List<Pattern> glued;
  private final List<Pattern> gluedStarts;
  private final List<Pattern> splitBlocked;
  private final List<Pattern> clauseSplit;
  private final Pattern colonList;
  private final Pattern infinitiveShape;
  private final Pattern dangling;
  private final Pattern responsibility;
  private final List<Pattern> verbStarts;
  private final List<Pattern> nounStarts;
  private final List<Pattern> problemWords;
  private final java.util.Map<String, List<Pattern>> leadCues;
  private final ActorResolver actors;
  private final ThemeClassifier themes;
  private final TargetExtractor targets;

  CommitmentCandidates(ExtractionRules rules, ActorResolver actors, ThemeClassifier themes, TargetExtractor targets) {
    this.stop = rules.combined("stop_headings");
    this.background = rules.combined("background_headings");
    this.promise = rules.combined("promise_headings");
    this.notPromise = rules.combined("nonpromise_leadins");
    this.promiseTitles = rules.combined("promise_titles");
    this.actorTags = rules.patterns("actor_tags");
    this.aims = rules.combined("aim_sentences");
    this.links = rules.combined("link_sentences");
    this.quotes = rules.combined("quote_sentences");
    this.undertakings = rules.combined("commitment_sentences");
    this.results = rules.combined("result_items");
    this.elaborations = rules.combined("elaboration_items");
    this.subElaborations = rules.combined("elaboration_subitems");
    this.split = rules.patterns("split_before");
    this.splitRequires = rules.patterns("split_requires");
    this.glued = rules.combined("glued_items");
    this.gluedStarts = rules.combined("glued_item_starts");
    this.splitBlocked = rules.patterns("split_blocked_by");
    this.clauseSplit = rules.patterns("clause_split_before");
    this.colonList = rules.combined("inline_list_leads").get(0);
    this.infinitiveShape = rules.combined("infinitive_shape").get(0);
    this.dangling = rules.combined("dangling_ends").get(0);
    this.responsibility = rules.patterns("responsibility_lines").get(0);
    this.verbStarts = rules.combined("verb_starts");
    this.nounStarts = rules.combined("activity_noun_starts");
    this.problemWords = rules.combined("problem_words");
    this.leadCues = rules.namedCombined("lead_cues");
    this.actors = actors;
    this.themes = themes;
    this.targets = targets;
  }

  /** Reading state while walking the blocks. */
  private static final class State {
    Zone zone = Zone.NONE;
    ListKind list = ListKind.DEFAULT;
    Set<Actor> context = EnumSet.noneOf(Actor.class);
    Set<Actor> we = ActorResolver.BOTH;
    Set<Actor> parentItem = EnumSet.noneOf(Actor.class);
    boolean leadSeen;
    boolean underPromiseTitle;
    /** The last heading or lead-in, lower case ("" before the first). */
    String lastHead = "";
    boolean lastHeadIsLead;
    int blocksSinceHead;
    int promiseHeads;
    /** Features of the list the current item belongs to (its size, how many items open with a verb). */
    List<String> listShape = List.of();
  }

  List<Candidate> find(MainText main) {
    List<Candidate> out = new ArrayList<>();
    List<Block> blocks = main.blocks();
    State st = new State();
    st.we = actors.we(main.text().substring(0, Math.min(main.text().length(), 1500)));
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
          st.listShape = listFeatures(blocks, i);
        }
        item(b, prev, next, position, st, out);
        if (b.level() <= 1) {
          st.parentItem = actors.named(b.text(), st.we);
        }
        st.blocksSinceHead++;
      } else if (b.isHeading() || b.isLeadIn() || TextReader.looksLikeHeading(b.text()) || isUnpunctuatedRule(b)) {
        if (!b.isLeadIn()) {
          line(b, prev, next, position, st, out, blocks, i);
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
    Set<Actor> named = actors.named(t, st.we);
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

  private void item(Block b, Block prev, Block next, double position, State st, List<Candidate> out) {
    String t = b.text();
    if (t.length() < 3 || isNeverAnUndertaking(t) || b.link()) {
      return;
    }
    List<String> f = common(t, position, st);
    f.add("src=item");
    f.addAll(st.listShape);
    if (b.level() > 1) {
      f.add("level2");
    }
    boolean excluded = false;
    excluded |= flag(f, "link", b.link() || any(links, t));
    excluded |= flag(f, "result", any(results, t));
    excluded |= flag(f, "quote", any(quotes, t));
    excluded |= flag(f, "elaboration", any(elaborations, t) || b.level() > 1 && any(subElaborations, t));
    excluded |= flag(f, "tiny", t.length() < 12);
    excluded |= flag(f, "subheading", isSubHeading(b, next));
    excluded |= flag(f, "groupheading", isGroupHeading(b, next));
    if (prev != null && !prev.isItem()) {
      f.add("firstInList");
    }
    Set<Actor> own = EnumSet.noneOf(Actor.class);
    boolean undertakes = false;
    for (Sentences.Span s : Sentences.split(t)) {
      Set<Actor> a = actors.subject(s.text(), st.we);
      own.addAll(a);
      undertakes |= !a.isEmpty() && any(undertakings, s.text()) && !any(aims, s.text());
    }
    Set<Actor> tagged = tag(t, st.we);
    if (!tagged.isEmpty()) {
      own = tagged;
      f.add("tag");
    }
    flag(f, "undertakes", undertakes);
    flag(f, "ownActor", !own.isEmpty());
    boolean inPromise = st.zone == Zone.PROMISE || st.list == ListKind.PROMISE || st.underPromiseTitle;
    boolean rule = !excluded && st.zone != Zone.STOP && st.zone != Zone.BACKGROUND && st.list != ListKind.NOT_PROMISE
        && (inPromise || undertakes);
    Set<Actor> inherited = b.level() > 1 && !st.parentItem.isEmpty() ? st.parentItem : st.context;
    Set<Actor> who = own.isEmpty() ? named(inherited, t, st.we) : own;
    out.add(new Candidate(t, b.start(), who, f, rule));
  }

  /**
   * A short line that is not a lead-in: a section heading, or an item without a bullet ("Nattvandring",
   * "Ökad synlighet och närvaro"). Runs of such lines under a lead-in are lists whose markup was lost.
   */
  private void line(Block b, Block prev, Block next, double position, State st, List<Candidate> out,
      List<Block> blocks, int i) {
    String t = b.text();
    if (t.length() < 6 || isNeverAnUndertaking(t)) {
      return;
    }
    List<String> f = common(t, position, st);
    f.add(b.isHeading() ? "src=heading" : "src=line");
    int run = 1;
    for (int j = i - 1; j >= 0 && isShortLine(blocks.get(j)); j--) {
      run++;
    }
    for (int j = i + 1; j < blocks.size() && isShortLine(blocks.get(j)); j++) {
      run++;
    }
    f.add(run >= 3 ? "run>=3" : run == 2 ? "run=2" : "run=1");
    flag(f, "afterLead", prev != null && prev.isLeadIn());
    flag(f, "nextIsProse", next != null && !next.isItem() && !isShortLine(next));
    flag(f, "nextIsItem", next != null && next.isItem());
    flag(f, "headPattern", any(promise, t) || any(stop, t) || any(background, t) || any(notPromise, t)
        || any(promiseTitles, t));
    Set<Actor> tagged = tag(t, st.we);
    if (!tagged.isEmpty()) {
      f.add("tag");
    }
    Set<Actor> who = tagged.isEmpty() ? named(st.context, t, st.we) : tagged;
    out.add(new Candidate(t, b.start(), who, f, false));
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
    out.set(out.size() - 1, new Candidate(last.text(), last.start(), actorsOfItem, f, last.ruleAccepts()));
  }

  /** What the run of items starting at {@code from} looks like as a whole. */
  private List<String> listFeatures(List<Block> blocks, int from) {
    int n = 0;
    int verbs = 0;
    int themed = 0;
    int sentences = 0;
    for (int j = from; j < blocks.size() && blocks.get(j).isItem(); j++) {
      String t = blocks.get(j).text();
      n++;
      verbs += any(verbStarts, t) || any(nounStarts, t) || infinitiveShape.matcher(t).lookingAt() ? 1 : 0;
      themed += themes.classify(t).isEmpty() ? 0 : 1;
      sentences += t.endsWith(".") ? 1 : 0;
    }
    List<String> f = new ArrayList<>();
    f.add(n == 1 ? "listSize=1" : n <= 3 ? "listSize<=3" : "listSize>3");
    f.add(verbs * 2 >= n ? "listVerbs=most" : "listVerbs=few");
    f.add(themed * 2 >= n ? "listThemes=most" : "listThemes=few");
    f.add(sentences * 2 >= n ? "listEnds=." : "listEnds=word");
    return f;
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

  /** Features every candidate has: where it stands, what it says, what the rules think of it. */
  private List<String> common(String t, double position, State st) {
    List<String> f = new ArrayList<>();
    f.add("zone=" + st.zone);
    f.add("list=" + st.list);
    if (st.underPromiseTitle) {
      f.add("underPromiseTitle");
    }
    f.add(st.lastHeadIsLead ? "head=lead" : st.lastHead.isEmpty() ? "head=none" : "head=heading");
    leadCues.forEach((name, patterns) -> {
      if (any(patterns, st.lastHead)) {
        f.add("cue=" + name);
      }
    });
    f.add(st.blocksSinceHead == 0 ? "sinceHead=0" : st.blocksSinceHead < 4 ? "sinceHead<4" : "sinceHead>=4");
    f.add(position < 0.15 ? "pos=head" : position > 0.85 ? "pos=tail" : "pos=body");
    f.add(st.promiseHeads == 0 ? "promiseHeads=0" : "promiseHeads>0");
    int words = t.split("\\s+").length;
    f.add(words <= 2 ? "words<=2" : words <= 5 ? "words<=5" : words <= 12 ? "words<=12" : words <= 30 ? "words<=30"
        : "words>30");
    char last = t.charAt(t.length() - 1);
    f.add(last == '.' ? "end=." : last == ':' ? "end=:" : last == '?' ? "end=?" : last == '!' ? "end=!"
        : last == ')' ? "end=)" : Character.isLetterOrDigit(last) ? "end=word" : "end=other");
    String lower = t.toLowerCase(Locale.ROOT);
    flag(f, "aim", any(aims, t));
    flag(f, "quote", any(quotes, t));
    flag(f, "linkText", any(links, t));
    flag(f, "modal", any(undertakings, t));
    flag(f, "lovar", lower.contains("lovar"));
    flag(f, "verbStart", any(verbStarts, t));
    flag(f, "infinitiveShape", infinitiveShape.matcher(t).lookingAt());
    flag(f, "statement", !any(undertakings, t) && !actors.subject(t, st.we).isEmpty());
    flag(f, "nounStart", any(nounStarts, t));
    flag(f, "problem", any(problemWords, t));
    flag(f, "target", !targets.extract(t).isEmpty());
    flag(f, "dangling", dangling.matcher(t).find());
    flag(f, "digitStart", Character.isDigit(t.codePointAt(0)));
    flag(f, "lowerStart", Character.isLowerCase(t.codePointAt(0)));
    flag(f, "year", lower.matches(".*\\b(19|20)\\d\\d\\b.*"));
    flag(f, "contact", lower.contains("@") || lower.matches(".*\\b(tel|telefon|e-post)\\b.*"));
    int themeCount = themes.classify(t).size();
    f.add(themeCount == 0 ? "themes=0" : themeCount == 1 ? "themes=1" : "themes>=2");
    Set<Actor> subject = actors.subject(t, st.we);
    f.add(subject.isEmpty() ? "subject=none" : subject.size() > 1 ? "subject=several"
        : "subject=" + subject.iterator().next().id());
    return f;
  }

  private static boolean flag(List<String> f, String name, boolean on) {
    if (on) {
      f.add(name);
    }
    return on;
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
    for (Sentences.Span s : unglue(Sentences.split(t))) {
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
      Set<Actor> subject = actors.subject(s.text(), st.we);
      Set<Actor> tagged = tag(s.text(), st.we);
      Set<Actor> who = !tagged.isEmpty() ? tagged : !subject.isEmpty() ? subject : named(st.context, s.text(), st.we);
      List<Clause> clauses = clauses(s.text());
      if (clauses.size() > 1) {
        for (Clause c : clauses) {
          List<String> f = common(c.text, position, st);
          f.add("src=clause");
          f.add(c.first ? "clause=first" : "clause=next");
          out.add(new Candidate(c.text, b.start() + s.start() + c.start, who, f, false));
        }
      } else {
        List<String> f = common(s.text(), position, st);
        f.add(t.length() == s.text().length() ? "src=paragraph" : "src=sentence");
        flag(f, "firstSentence", firstSentence);
        if (!tagged.isEmpty()) {
          f.add("tag");
        }
        out.add(new Candidate(s.text(), b.start() + s.start(), who, f, false));
      }
      firstSentence = false;
    }
    for (int k = 0; k < ruleSpans.size(); k++) {
      int[] r = ruleSpans.get(k);
      String text = t.substring(r[0], r[1]);
      List<Clause> clauses = clauses(text);
      if (clauses.size() > 1) {
        for (Clause c : clauses) {
          List<String> f = common(c.text, position, st);
          f.add("src=clause");
          f.add(c.first ? "clause=first" : "clause=next");
          out.add(new Candidate(c.text, b.start() + r[0] + c.start, ruleActors.get(k), f, false));
        }
        continue;
      }
      List<String> f = common(text, position, st);
      f.add("src=ruleSpan");
      out.add(new Candidate(text, b.start() + r[0], ruleActors.get(k), f, true));
    }
  }

  private record Clause(String text, int start, boolean first) {}

  /**
   * The clauses of a sentence that coordinates undertakings ("ska anordna X, samverka med Y och mäta Z"):
   * split before a comma or "och" followed by an infinitive (rules: clause_split_before), once the sentence has
   * a modal. One clause when there is nothing to split.
   */
  private List<Clause> clauses(String sentence) {
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
    if (!parts.isEmpty() && och > 0 && last.substring(0, och).strip().split("\\s+").length >= 2
        && last.substring(och + 5).strip().split("\\s+").length >= 2) {
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

  private static void addClause(List<Clause> out, String s, int from, int to) {
    String part = s.substring(from, to);
    String stripped = part.strip();
    if (!stripped.isEmpty()) {
      out.add(new Clause(stripped, from + part.indexOf(stripped), out.isEmpty()));
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
    for (Sentences.Span s : unglue(Sentences.split(t))) {
      String text = s.text();
      Set<Actor> subject = actors.subject(text, st.we);
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

  /** Splits sentences where a CMS glued list items together (rules: glued_items). */
  private List<Sentences.Span> unglue(List<Sentences.Span> sentences) {
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
    for (int[] part : splitCoordinated(text)) {
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

  /** "kommer att ha X, utveckla Y och utveckla Z" holds three undertakings (rules: split_before). */
  private List<int[]> splitCoordinated(String text) {
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

  /** Who does an item without a subject: the one party it names as doer, else the heading's parties. */
  private Set<Actor> named(Set<Actor> context, String text, Set<Actor> we) {
    Set<Actor> mentioned = actors.mentioned(text, we);
    mentioned.remove(Actor.OTHER);
    if (mentioned.size() == 1 && (context.isEmpty() || context.size() > 1)) {
      return withOthers(mentioned, text);
    }
    return withOthers(context, text);
  }

  private Set<Actor> withOthers(Set<Actor> context, String text) {
    Set<Actor> out = context.isEmpty() ? EnumSet.of(Actor.POLISEN, Actor.KOMMUNEN) : EnumSet.copyOf(context);
    actors.thirdParties(text, out);
    return out;
  }

  static boolean any(List<Pattern> patterns, String s) {
    for (Pattern p : patterns) {
      if (p.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }
}
