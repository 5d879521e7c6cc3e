package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Where the bundled copy came from (outcomes/source.yaml, from SOURCES.md): publisher, the API, when the copy was
 * made (as precisely as known: SOURCES.md says a month; a refresh knows its day) and Kolada's attribution terms.
 */
public record OutcomeSource(@JsonProperty("title_sv") String titleSv, @JsonProperty("title_en") String titleEn,
                            @JsonProperty("description_en") String descriptionEn,
                            @JsonProperty("publisher") String publisher, @JsonProperty("homepage") String homepage,
                            @JsonProperty("api") String api, @JsonProperty("retrieved") String retrieved,
                            @JsonProperty("attribution") String attribution,
                            @JsonProperty("derivedAttribution") String derivedAttribution,
                            @JsonProperty("terms_en") String termsEn) {
  public OutcomeSource {
    Objects.requireNonNull(titleSv, "title_sv");
    Objects.requireNonNull(titleEn, "title_en");
    Objects.requireNonNull(descriptionEn, "description_en");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(homepage, "homepage");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(retrieved, "retrieved");
    Objects.requireNonNull(attribution, "attribution");
    Objects.requireNonNull(derivedAttribution, "derivedAttribution");
    Objects.requireNonNull(termsEn, "terms_en");
    if (!retrieved.matches("[0-9]{4}-[0-9]{2}(-[0-9]{2})?")) {
      throw new IllegalArgumentException("retrieved '" + retrieved + "' is not a month (YYYY-MM) or day (YYYY-MM-DD)");
    }
  }
}
