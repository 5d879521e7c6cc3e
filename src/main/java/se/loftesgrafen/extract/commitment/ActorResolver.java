package se.loftesgrafen.extract.commitment;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * Who commits, from the words of a sentence or a heading (rules: actors, partner_phrases, subject_end).
 * In a sentence only the subject counts ("Polisen ska i samverkan med kommunen ..." is the police alone, as
 * partners are means, not doers); in a heading or lead-in every party named counts
 * ("Polismyndigheten i samverkan med kommunen:" is both).
 */
public final class ActorResolver {
  static final Set<Actor> BOTH = java.util.Collections.unmodifiableSet(EnumSet.of(Actor.POLISEN, Actor.KOMMUNEN));

  private final List<Pattern> police;
  private final List<Pattern> municipality;
  private final List<Pattern> both;
  private final List<Pattern> other;
  private final List<Pattern> partners;
  private final List<Pattern> partyStatements;
  private final List<Pattern> subjectEnd;
  private final Pattern presentTense;
  private final List<Pattern> policeOwned;
  private final List<Pattern> places;
  private final List<Pattern> thirdPartyPages;
  private final List<Pattern> thirdPartyNames;
  private final Pattern leadVerb;

  /** The actor phrases of the rules, compiled once (built by {@code PromiseExtractor}). */
  public ActorResolver(ExtractionRules rules) {
    Map<String, List<Pattern>> actors = rules.namedCombined("actors");
    police = require(actors, "polisen");
    municipality = require(actors, "kommunen");
    both = require(actors, "both");
    other = require(actors, "other");
    partners = rules.combined("partner_phrases");
    subjectEnd = rules.combined("subject_end");
    presentTense = rules.patterns("subject_present_tense").get(0);
    policeOwned = rules.patterns("police_owned_pages");
    places = rules.combined("place_phrases");
    thirdPartyPages = rules.combined("third_party_pages");
    partyStatements = rules.combined("party_statements");
    thirdPartyNames = rules.combined("third_party_names");
    leadVerb = rules.combined("lead_verbs").get(0);
  }

  private static List<Pattern> require(Map<String, List<Pattern>> m, String key) {
    List<Pattern> p = m.get(key);
    if (p == null) {
      throw new IllegalStateException("extraction rules lack actors." + key);
    }
    return p;
  }

  /** The actors a sentence names as its subject, plus third parties it commits alongside. */
  Set<Actor> subject(String sentence) {
    return subject(sentence, BOTH);
  }

  /** As {@link #subject(String)}, with "vi"/"parterna" meaning {@code we} (the page's promisers). */
  Set<Actor> subject(String sentence, Set<Actor> we) {
    Set<Actor> out = EnumSet.noneOf(Actor.class);
    String s = withoutPartners(sentence);
    Matcher present = presentTense.matcher(s);
    Matcher verb = present.lookingAt() ? present : firstOf(subjectEnd, s);
    if (verb != null) {
      int verbStart = verb == present ? present.start("verb") : verb.start();
      int verbEnd = verb == present ? present.end("verb") : verb.end();
      String before = s.substring(0, verbStart);
      mentions(before, we, out);
      if (firstOf(thirdPartyNames, before) != null) {
        out.add(Actor.OTHER);
      }
      if (out.isEmpty()) {
        // Inverted word order after an adverbial: "Under året ska Ljungby kommun informera ..."
        String after = s.substring(verbEnd);
        String[] words = after.strip().split("\\s+", 5);
        mentions(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 4))), we, out);
      }
    }
    if (!out.isEmpty()) {
      if (namesThirdParties(sentence)) {
        out.add(Actor.OTHER);
      }
    }
    return out;
  }

  /**
   * The parties an item without a subject names as doers anywhere in it ("Öka polisens närvaro", "Lokalpolisen
   * och kommunen ..."): partner phrases ("tillsammans med kommunen") and places ("i kommunen") do not count.
   */
  Set<Actor> mentioned(String item, Set<Actor> we) {
    Set<Actor> out = EnumSet.noneOf(Actor.class);
    mentions(withoutPartners(item), we, out);
    return out;
  }

  /** Every party a heading or lead-in names, third parties by name included. */
  Set<Actor> named(String heading, Set<Actor> we) {
    Set<Actor> out = EnumSet.noneOf(Actor.class);
    mentions(heading, we, out);
    if (firstOf(thirdPartyNames, withoutPartners(heading)) != null) {
      out.add(Actor.OTHER);
    }
    return out;
  }

  /**
   * Who "vi" is on this page: the police alone on a page that says it is the police's own promise or never names a
   * municipality, all three when a third party makes the promise with them (said at the page's start, or in a
   * statement of its parties anywhere: rules party_statements), else police and municipality.
   */
  Set<Actor> we(String pageStart, String page) {
    if (firstOf(policeOwned, pageStart) != null) {
      return EnumSet.of(Actor.POLISEN);
    }
    if (firstOf(thirdPartyPages, pageStart) != null) {
      return EnumSet.allOf(Actor.class);
    }
    if (!page.isEmpty() && !namesMunicipality(page)) {
      // a promise page that never names the municipality as a party is the police's own
      return EnumSet.of(Actor.POLISEN);
    }
    for (Pattern p : partyStatements) {
      Matcher m = p.matcher(page);
      while (m.find()) {
        String sentence = sentenceAround(page, m.start(), m.end());
        Set<Actor> named = EnumSet.noneOf(Actor.class);
        mentions(sentence, BOTH, named);
        if (named.containsAll(BOTH) && firstOf(thirdPartyNames, sentence) != null) {
          return EnumSet.allOf(Actor.class);
        }
      }
    }
    return BOTH;
  }

  /** Whether a page names the municipality at all, as a party or as a place. */
  private boolean namesMunicipality(String page) {
    return firstOf(municipality, page) != null;
  }

  /** How much of a page its lead sentence and its parties are looked for in. */
  private static final int PAGE_HEAD = 3000;

  /**
   * What a page says of its parties: who "vi" is, whom its lead sentence names ("... lovar Örebro kommun, City
   * Örebro och lokalpolisområde Örebro att:") and whether its head names a third party by name.
   */
  ActorEvidence.PageParties parties(String text, Set<Actor> we) {
    String head = text.substring(0, Math.min(text.length(), PAGE_HEAD));
    Matcher verb = leadVerb.matcher(head);
    Set<Actor> leadParties = verb.find() ? named(sentenceAround(head, verb.start(), verb.end()), we) : Set.of();
    return new ActorEvidence.PageParties(we, leadParties, firstOf(thirdPartyNames, head) != null);
  }

  /**
   * The sentence or line around {@code from..to}: up to the stop, colon or line break before and after. Found from
   * the verb outwards, so a long head costs one scan, not a pattern tried at every position.
   */
  private static String sentenceAround(String s, int from, int to) {
    int start = from;
    while (start > 0 && ".:!?\n".indexOf(s.charAt(start - 1)) < 0) {
      start--;
    }
    int end = to;
    while (end < s.length() && ".:!?\n".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return s.substring(start, end);
  }

  /** Whether a sentence has third parties commit beside police and municipality ("tillsammans med SL", ...). */
  boolean namesThirdParties(String sentence) {
    return firstOf(other, sentence) != null;
  }

  private void mentions(String text, Set<Actor> we, Set<Actor> out) {
    String s = text;
    for (Pattern p : places) {
      s = p.matcher(s).replaceAll(" ");
    }
    if (firstOf(both, s) != null) {
      out.addAll(we);
    }
    if (firstOf(police, s) != null) {
      out.add(Actor.POLISEN);
    }
    if (firstOf(municipality, s) != null) {
      out.add(Actor.KOMMUNEN);
    }
  }

  private String withoutPartners(String s) {
    String out = s;
    for (Pattern p : partners) {
      out = p.matcher(out).replaceAll(" ");
    }
    return out;
  }

  private static Matcher firstOf(List<Pattern> patterns, String s) {
    Matcher best = null;
    for (Pattern p : patterns) {
      Matcher m = p.matcher(s);
      if (m.find() && (best == null || m.start() < best.start())) {
        best = m;
      }
    }
    return best;
  }

  /**
   * Whether a tag's words name a party of its own ("(Räddningstjänsten)", "(Fastighetsägarna)"): a capitalised
   * name of at most four words, not a file note or a date.
   */
  boolean isParty(String words) {
    String w = words.strip();
    if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || w.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    return w.split("\\s+").length <= 4 && !w.toLowerCase(java.util.Locale.ROOT).matches(".*\\b(pdf|kb|mb|docx?|länk)\\b.*");
  }
}
