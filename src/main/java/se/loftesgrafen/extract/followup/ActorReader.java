package se.loftesgrafen.extract.followup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a commitment binds, by the rules' actor phrases: its own tag ("(kommun och polis)") first, then its subject,
 * then the heading or lead it stands under, then the page's lead ("lovade polisen och Skara kommun"). Named
 * collaborators (föreningar, näringsliv, fastighetsägare) are "other".
 */
final class ActorReader {
  static final String POLICE = "polisen";
  static final String MUNICIPALITY = "kommunen";
  static final String OTHER = "other";
  /** How much of a commitment's start is read for its subject. */
  private static final int SUBJECT = 60;

  private final Map<String, List<Pattern>> phrases;
  private final Pattern tag;

  ActorReader(FollowUpRules rules) {
    this.phrases = rules.named("actors");
    this.tag = rules.pattern("actor_tag");
  }

  /** The actors a text names anywhere (a heading, a lead, a tag). */
  Set<String> named(String text) {
    Set<String> out = new TreeSet<>();
    if (FollowUpRules.any(phrases.get("both"), text)) {
      out.add(POLICE);
      out.add(MUNICIPALITY);
    }
    if (FollowUpRules.any(phrases.get(POLICE), text)) {
      out.add(POLICE);
    }
    if (FollowUpRules.any(phrases.get(MUNICIPALITY), text)) {
      out.add(MUNICIPALITY);
    }
    if (FollowUpRules.any(phrases.get(OTHER), text)) {
      out.add(OTHER);
    }
    return out;
  }

  /** A commitment's actors: tag, subject, section, page lead, in that order. */
  Set<String> of(String commitment, Set<String> section, Set<String> page) {
    Matcher m = tag.matcher(commitment);
    if (m.find()) {
      Set<String> tagged = named(m.group("tag"));
      if (!tagged.isEmpty()) {
        return tagged;
      }
    }
    Set<String> subject = named(commitment.substring(0, Math.min(SUBJECT, commitment.length())));
    subject.remove(OTHER);
    Set<String> others = named(commitment).contains(OTHER) ? Set.of(OTHER) : Set.of();
    Set<String> out = new TreeSet<>(!subject.isEmpty() ? subject : !section.isEmpty() ? section : page);
    if (out.isEmpty()) {
      out.add(POLICE);
    }
    out.addAll(others);
    return out;
  }
}
