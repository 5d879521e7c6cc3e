package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A caveat stated next to the numbers (outcomes/caveats.csv): for the measures whose slug starts with
 * {@code appliesTo}, or for every answer ({@code *}).
 */
public record Caveat(@JsonProperty("applies_to") String appliesTo, @JsonProperty("caveat_sv") String sv,
                     @JsonProperty("caveat_en") String en) {
  public Caveat {
    Objects.requireNonNull(appliesTo, "applies_to");
    Objects.requireNonNull(sv, "caveat_sv");
    Objects.requireNonNull(en, "caveat_en");
  }

  public boolean appliesTo(Measure measure) {
    return appliesTo.equals("*") || measure.slug().startsWith(appliesTo);
  }
}
