package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One figure of the bundled CSVs: a measure's value for a municipality and year, as Kolada published it.
 *
 * @param code    SCB municipality code, four digits with the leading zero ("0114")
 * @param year    the year the figure is for
 * @param measure our slug of the measure ("anmalda_narkotikabrott_per_100k")
 * @param value   the value as published, not rounded
 * @param unit    the unit as the CSV states it
 * @param kpi     Kolada's KPI id ("N07544")
 */
public record Outcome(@JsonProperty("kommunkod") String code, @JsonProperty("year") int year,
                      @JsonProperty("measure") String measure, @JsonProperty("value") BigDecimal value,
                      @JsonProperty("unit") String unit, @JsonProperty("kpi") String kpi) {
  private static final Pattern CODE = Pattern.compile("[0-9]{4}");
  private static final Pattern KPI = Pattern.compile("[A-Z][0-9]{5}");

  public Outcome {
    Objects.requireNonNull(code, "kommunkod");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kpi, "kpi");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("kommunkod '" + code + "' is not four digits");
    }
    if (!KPI.matcher(kpi).matches()) {
      throw new IllegalArgumentException("kpi '" + kpi + "' is not a Kolada KPI id (e.g. N07540)");
    }
    if (year < 1900 || year > 2100) {
      throw new IllegalArgumentException("year " + year + " out of range");
    }
  }
}
