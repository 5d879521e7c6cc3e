package se.loftesgrafen.extract;

import java.util.List;
import java.util.Objects;
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
 */
public record Commitment(String text, Set<Actor> actors, List<String> themes, Kind kind, List<Target> targets,
                         int start, int end) {
  public Commitment {
    Objects.requireNonNull(text, "text");
    actors = Set.copyOf(actors);
    themes = List.copyOf(themes);
    Objects.requireNonNull(kind, "kind");
    targets = List.copyOf(targets);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end);
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
