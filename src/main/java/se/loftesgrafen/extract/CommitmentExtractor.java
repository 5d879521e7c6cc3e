package se.loftesgrafen.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.Commitment.Kind;

/**
 * Finds the undertakings of a page. The blocks are read as zones opened by headings and lead-ins: the promise part
 * ("Det här ska vi göra", "Polisen lovar att:", "Medborgarlöfte 2023–2024") makes list items and actor sentences
 * commitments; background ("Situationen idag"), follow-up ("Följ med i hur det går!") and lists of problem areas
 * ("prioriterade områden:") make none. Outside any zone, items and sentences count when they name their actor and
 * undertake something. Actors come from the sentence's subject, else from the heading or lead-in above.
 */
final class CommitmentExtractor {
  /** A promise has a handful to a few dozen undertakings; past this a page is a list of something else. */
  static final int MAX_COMMITMENTS = 500;

  private enum Zone { NONE, PROMISE, BACKGROUND, STOP }

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
  private final List<Pattern> goals;
  private final List<Pattern> split;
  private final List<Pattern> splitRequires;
  private final List<Pattern> splitBlocked;
  private final ActorResolver actors;
  private final ThemeClassifier themes;
  private final TargetExtractor targets;

  CommitmentExtractor(ExtractionRules rules, ActorResolver actors, ThemeClassifier themes, TargetExtractor targets) {
    this.stop = rules.patterns("stop_headings");
    this.background = rules.patterns("background_headings");
    this.promise = rules.patterns("promise_headings");
    this.notPromise = rules.patterns("nonpromise_leadins");
    this.promiseTitles = rules.patterns("promise_titles");
    this.actorTags = rules.patterns("actor_tags");
    this.aims = rules.patterns("aim_sentences");
    this.links = rules.patterns("link_sentences");
    this.quotes = rules.patterns("quote_sentences");
    this.undertakings = rules.patterns("commitment_sentences");
    this.results = rules.patterns("result_items");
    this.elaborations = rules.patterns("elaboration_items");
    this.goals = rules.patterns("goal_sentences");
    this.split = rules.patterns("split_before");
    this.splitRequires = rules.patterns("split_requires");
    this.splitBlocked = rules.patterns("split_blocked_by");
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
    /** The last heading names the promise ("Medborgarlöften för Askersunds kommun"): its lists are undertakings. */
    boolean underPromiseTitle;
  }

  List<Commitment> extract(MainText main) {
    List<Commitment> out = new ArrayList<>();
    List<Block> blocks = main.blocks();
    State st = new State();
    st.we = actors.we(main.text().substring(0, Math.min(main.text().length(), 1500)));
    for (int i = 0; i < blocks.size() && out.size() < MAX_COMMITMENTS; i++) {
      Block b = blocks.get(i);
      if (b.isItem()) {
        item(b, i + 1 < blocks.size() ? blocks.get(i + 1) : null, st, out);
        if (b.level() <= 1) {
          st.parentItem = actors.named(b.text(), st.we);
        }
      } else if (b.isHeading() || b.isLeadIn() || TextReader.looksLikeHeading(b.text()) || isUnpunctuatedRule(b)) {
        heading(b, st);
      } else {
        prose(b, st, out);
      }
    }
    return out;
  }

  private void heading(Block b, State st) {
    String t = b.text();
    st.underPromiseTitle = b.isHeading() && any(promiseTitles, t);
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

  private void item(Block b, Block next, State st, List<Commitment> out) {
    String t = b.text();
    if (st.zone == Zone.STOP || st.zone == Zone.BACKGROUND || st.list == ListKind.NOT_PROMISE
        || b.link() || any(results, t) || any(links, t) || any(quotes, t) || t.length() < 12 || b.level() > 1 && any(elaborations, t)) {
      return;
    }
    if (isSubHeading(b, next) || isGroupHeading(b, next)) {
      return;
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
    }
    boolean inPromise = st.zone == Zone.PROMISE || st.list == ListKind.PROMISE || st.underPromiseTitle;
    if (!inPromise && !undertakes) {
      return;
    }
    Set<Actor> inherited = b.level() > 1 && !st.parentItem.isEmpty() ? st.parentItem : st.context;
    Set<Actor> who = own.isEmpty() ? withOthers(inherited, t) : own;
    out.add(commitment(t, who, b.start()));
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
        return actors.named(m.group("who"), we);
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
    Set<String> wb = new java.util.HashSet<>(List.of(b.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\d]+")));
    String[] wa = a.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\d]+");
    int hit = 0;
    for (String w : wa) {
      hit += wb.contains(w) ? 1 : 0;
    }
    return wa.length == 0 ? 0 : (double) hit / wa.length;
  }

  /** A paragraph without final punctuation that reads as a zone heading ("Det här ska X och polisen fokusera på under år 2022"). */
  private boolean isUnpunctuatedRule(Block b) {
    String t = b.text();
    char last = t.charAt(t.length() - 1);
    return t.length() < 120 && Character.isLetterOrDigit(last) && (any(promise, t) || any(stop, t) || any(background, t));
  }

  private void prose(Block b, State st, List<Commitment> out) {
    if (st.zone == Zone.STOP || st.zone == Zone.BACKGROUND) {
      return;
    }
    boolean lead = !st.leadSeen && st.zone == Zone.NONE;
    st.leadSeen = true;
    String t = b.text();
    int groupStart = -1;
    int groupEnd = -1;
    Set<Actor> groupActors = null;
    for (Sentences.Span s : Sentences.split(t)) {
      String text = s.text();
      Set<Actor> subject = actors.subject(text, st.we);
      boolean aim = any(aims, text) || any(links, text) || any(quotes, text);
      if (!subject.isEmpty() && (aim || lovar(text) && st.zone == Zone.NONE)) {
        st.context = subject;
      }
      if (!aim && !lead && !subject.isEmpty() && isUndertaking(text) && !(st.zone == Zone.NONE && lovar(text))) {
        flush(t, groupStart, groupEnd, groupActors, b.start(), out);
        groupStart = s.start();
        groupEnd = s.end();
        groupActors = subject;
      } else if (groupStart >= 0 && !aim && subject.isEmpty() && st.zone == Zone.PROMISE) {
        groupEnd = s.end();
      } else {
        flush(t, groupStart, groupEnd, groupActors, b.start(), out);
        groupStart = -1;
      }
    }
    flush(t, groupStart, groupEnd, groupActors, b.start(), out);
  }

  private static boolean lovar(String s) {
    return s.contains("lovar");
  }

  private boolean isUndertaking(String sentence) {
    return any(undertakings, sentence) && !any(aims, sentence) && !actors.subject(sentence).isEmpty();
  }

  private void flush(String block, int from, int to, Set<Actor> who, int blockStart, List<Commitment> out) {
    if (from < 0) {
      return;
    }
    String text = block.substring(from, to);
    for (int[] part : splitCoordinated(text)) {
      out.add(commitment(text.substring(part[0], part[1]).strip(), who, blockStart + from + part[0]));
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

  private Set<Actor> withOthers(Set<Actor> context, String text) {
    Set<Actor> out = context.isEmpty() ? EnumSet.of(Actor.POLISEN, Actor.KOMMUNEN) : EnumSet.copyOf(context);
    actors.thirdParties(text, out);
    return out;
  }

  private Commitment commitment(String text, Set<Actor> who, int start) {
    Kind kind = any(goals, text) ? Kind.GOAL : Kind.ACTIVITY;
    return new Commitment(text, who, themes.classify(text), kind, targets.extract(text), start, start + text.length());
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
