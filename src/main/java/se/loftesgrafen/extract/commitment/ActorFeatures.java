package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import se.loftesgrafen.extract.Commitment.Actor;

/**
 * The features that say how far to trust the actors read for a commitment: what was read (its own subject or tag,
 * the heading or lead-in above, the parties it was inherited from) and what else the page says that the reading did
 * not take in (a party named in a partner phrase, the page's lead sentence naming more parties, "vi" on the page, a
 * third party on the page). Each is a small named test; the {@link ActorModel} learns from annotated pages how much
 * each counts.
 */
final class ActorFeatures {
  private final ActorResolver actors;

  ActorFeatures(ActorResolver actors) {
    this.actors = actors;
  }

  /** The features of the actors read for candidate {@code c}. */
  List<String> of(Candidate c) {
    ActorEvidence e = c.evidence();
    Set<Actor> read = c.actors();
    Set<Actor> we = e.page().we();
    List<String> f = new ArrayList<>();
    f.add("read=" + ids(read));
    f.add(e.own().isEmpty() ? "own=none" : e.tagged() ? "own=tag" : "own=subject");
    f.add("context=" + ids(e.context()));
    flag(f, "read=context", read.equals(e.context()));
    Set<Actor> anywhere = actors.named(c.text(), we);
    flag(f, "namesMore", !read.containsAll(anywhere));
    flag(f, "namesFewer", !anywhere.isEmpty() && !anywhere.containsAll(read));
    flag(f, "namesNone", anywhere.isEmpty());
    flag(f, "partnerPhrase", !actors.mentioned(c.text(), we).containsAll(anywhere));
    flag(f, "thirdParties", actors.namesThirdParties(c.text()));
    String lower = c.text().toLowerCase(Locale.ROOT);
    flag(f, "vi", lower.startsWith("vi ") || lower.contains(" vi "));
    flag(f, "policePage", we.size() == 1);
    flag(f, "leadNamesMore", !read.containsAll(e.page().lead()));
    flag(f, "pageNamesOther", e.page().thirdParty() && !read.contains(Actor.OTHER));
    for (String s : c.features()) {
      if (s.startsWith("src=")) {
        f.add(s);
      }
    }
    return f;
  }

  private static String ids(Set<Actor> set) {
    return set.isEmpty() ? "none" : EnumSet.copyOf(set).stream().map(Actor::id).collect(Collectors.joining("+"));
  }

  private static void flag(List<String> f, String name, boolean on) {
    if (on) {
      f.add(name);
    }
  }
}
