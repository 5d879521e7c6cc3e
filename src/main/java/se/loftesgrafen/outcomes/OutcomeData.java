package se.loftesgrafen.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome figures with their measures and source. Every figure's measure is one of {@code measures}, with the
 * same KPI id, and every municipality code is in the register: checked here, so a broken copy fails with its line.
 *
 * @param source   where the copy came from
 * @param measures the measures, in the order of measures.csv
 * @param outcomes every figure
 */
public record OutcomeData(OutcomeSource source, List<Measure> measures, List<Outcome> outcomes) {
  public OutcomeData {
    Objects.requireNonNull(source, "source");
    measures = List.copyOf(measures);
    outcomes = List.copyOf(outcomes);
    Map<String, Measure> bySlug = new LinkedHashMap<>();
    measures.forEach(m -> bySlug.put(m.slug(), m));
    for (Outcome o : outcomes) {
      Measure m = bySlug.get(o.measure());
      if (m == null || !m.kpi().equals(o.kpi())) {
        throw new IllegalArgumentException("figure " + o + ": measure '" + o.measure() + "' with KPI " + o.kpi()
            + " is not in measures.csv");
      }
    }
  }

  /** The bundled copy on the classpath. */
  public static OutcomeData bundled() {
    return OutcomeFiles.CLASSPATH.read();
  }

  public Optional<Measure> measure(String slug) {
    return measures.stream().filter(m -> m.slug().equals(slug)).findFirst();
  }
}
