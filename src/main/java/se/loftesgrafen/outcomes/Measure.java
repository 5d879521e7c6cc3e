package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A measure of the bundled data (outcomes/measures.csv): our slug, Kolada's KPI id, the file it is in, labels, and
 * its meaning as SOURCES.md gives it.
 */
public record Measure(@JsonProperty("measure") String slug, @JsonProperty("kpi") String kpi,
                      @JsonProperty("file") String file, @JsonProperty("label_sv") String labelSv,
                      @JsonProperty("label_en") String labelEn, @JsonProperty("definition") String definition) {
  public Measure {
    Objects.requireNonNull(slug, "measure");
    Objects.requireNonNull(kpi, "kpi");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(labelSv, "label_sv");
    Objects.requireNonNull(labelEn, "label_en");
    Objects.requireNonNull(definition, "definition");
  }
}
