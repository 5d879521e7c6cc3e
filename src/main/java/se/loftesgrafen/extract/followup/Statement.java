package se.loftesgrafen.extract.followup;

import java.util.Objects;
import java.util.Set;

/**
 * A piece of a report: a commitment as restated, or a result. Package-private working data.
 *
 * @param role      commitment or result
 * @param text      verbatim text
 * @param start     offset in the main text
 * @param block     index of its block (results follow commitments in alternating reports)
 * @param actors    actors its section heading or lead names (empty when none does)
 * @param inResults it stands under a results lead ("Utfallet blev:"), which asserts it was done
 * @param answers   for a result given in the commitment's own line ("... – Genomfört."), the commitment's start;
 *                  -1 when it is tied by content
 */
record Statement(Role role, String text, int start, int block, Set<String> actors, boolean inResults, int answers) {
  enum Role { COMMITMENT, RESULT }

  Statement {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
    actors = Set.copyOf(actors);
  }

  Statement(Role role, String text, int start, int block, Set<String> actors, boolean inResults) {
    this(role, text, start, block, actors, inResults, -1);
  }
}
