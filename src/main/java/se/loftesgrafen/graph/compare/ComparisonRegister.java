package se.loftesgrafen.graph.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.loftesgrafen.reference.MunicipalityRegister;

/**
 * The municipality register ({@link MunicipalityRegister}, vocab/data/kommuner.csv) as comparisons need it: every
 * municipality in code order, and the counties. Coverage lists all 290 of them, not only those with data.
 */
public final class ComparisonRegister {
  private final Map<String, Comparison.Municipality> byCode;
  private final Map<String, String> counties;

  private ComparisonRegister(Map<String, Comparison.Municipality> byCode, Map<String, String> counties) {
    this.byCode = byCode;
    this.counties = counties;
  }

  public static ComparisonRegister load() {
    Map<String, Comparison.Municipality> rows = new LinkedHashMap<>();
    Map<String, String> counties = new TreeMap<>();
    MunicipalityRegister.load().all().stream()
        .sorted(Comparator.comparing(se.loftesgrafen.reference.Municipality::code))
        .forEach(m -> {
          rows.put(m.code(), new Comparison.Municipality(m.code(), m.name(), m.countyCode(), m.countyName()));
          counties.put(m.countyCode(), m.countyName());
        });
    return new ComparisonRegister(rows, new LinkedHashMap<>(counties));
  }

  public List<Comparison.Municipality> all() {
    return new ArrayList<>(byCode.values());
  }

  public Optional<Comparison.Municipality> municipality(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** County code → county name, in code order. */
  public Map<String, String> counties() {
    return counties;
  }

  public int size() {
    return byCode.size();
  }
}
