package se.loftesgrafen.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One concrete undertaking of a promise.
 *
 * @param text    the words as on the page (a whole list item, or the clause stating it)
 * @param actors  who commits: polisen, kommunen, other (both when joint)
 * @param themes  theme ids of vocab/teman.ttl (skos:notation)
 * @param kind    activity or measurable goal
 * @param targets measurable targets stated in the text
 * @param start   character offset of {@code text} in the page's main text
 * @param end     end offset (exclusive) in the page's main text
 * @param confidence how sure the extractor is of it, its actors and its themes (calibrated probabilities); empty
 *                for a commitment that no extractor decided on (a test's or a synthetic one)
 */
public record Commitment(String text, Set<Actor> actors, List<String> themes, Kind kind, List<Target> targets,
                         int start, int end, Optional<Confidence> confidence) {
  public Commitment {
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(text, "text");
    actors = Set.copyOf(actors);
    themes = List.copyOf(themes);
    Objects.requireNonNull(kind, "kind");
    targets = List.copyOf(targets);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end);
    }
  }

  /** A commitment without a confidence (not decided by an extractor: tests, synthetic data). */
  public Commitment(String text, Set<Actor> actors, List<String> themes, Kind kind, List<Target> targets,
      int start, int end) {
    this(text, actors, themes, kind, targets, start, end, Optional.empty());
  }

  /**
   * Calibrated probabilities from the extractor's learned models: that the text is a commitment at all, that its
   * actors are exactly right, and that its themes are (the product over the scheme's themes of the theme model's
   * probability for each theme assigned and its complement for each left out). Each in [0, 1].
   */
  public record Confidence(double commitment, double actors, double themes) {
    public Confidence {
      check("commitment", commitment);
      check("actors", actors);
      check("themes", themes);
    }

    private static void check(String what, double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(what + " confidence outside [0, 1]: " + p);
      }
    }
  }

  /** Who commits. JSON and RDF use {@link #id()}. */
  public enum Actor {
    POLISEN("polisen"), KOMMUNEN("kommunen"), OTHER("other");

    private final String id;

    Actor(String id) { this.id = id; }

    public String id() { return id; }
  }

  public enum Kind {
    ACTIVITY("activity"), GOAL("goal");

    private final String id;

    Kind(String id) { this.id = id; }

    public String id() { return id; }
  }

  /**
   * A measurable target: "minst fem personer" is quantity 5, unit "personer", counted "lagförda för narkotikabrott".
   */
  public record Target(double quantity, String unit, String counted, String text) {
    public Target {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(counted, "counted");
      Objects.requireNonNull(text, "text");
    }
  }
}
