package se.loftesgrafen.outcomes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.reference.Municipality;
import se.loftesgrafen.reference.MunicipalityRegister;

/**
 * Refreshes the outcome graph from Kolada's API: for every measure, the years the bundled copy has for it are asked
 * again; a value Kolada now gives differently replaces the bundled one, a new one is added. All or nothing: when any
 * KPI's answer fails, nothing is written and the result names the failure. The data set's retrieval date becomes the
 * day of the refresh. Blocks: run it on a worker thread.
 */
public final class OutcomesRefresh {
  private static final Logger LOG = LoggerFactory.getLogger("outcomes");

  /** What a refresh did: the load, or the failures that stopped it (then the store is unchanged). */
  public record Result(List<KoladaClient.Failed> failures, int fetched, int changed,
                       java.util.Optional<OutcomesLoader.Loaded> loaded) {
    public Result {
      failures = List.copyOf(failures);
    }
  }

  private final KoladaClient client;

  public OutcomesRefresh(KoladaClient client) {
    this.client = client;
  }

  public Result refresh(PromiseStore store, Iris iris, OutcomeData bundled, LocalDate today) {
    Set<String> codes = MunicipalityRegister.load().all().stream().map(Municipality::code)
        .collect(Collectors.toSet());
    Map<String, Outcome> merged = new LinkedHashMap<>();
    bundled.outcomes().forEach(o -> merged.put(key(o), o));
    List<KoladaClient.Failed> failures = new ArrayList<>();
    int fetched = 0;
    int changed = 0;
    for (Measure m : bundled.measures()) {
      List<Outcome> of = bundled.outcomes().stream().filter(o -> o.measure().equals(m.slug())).toList();
      if (of.isEmpty()) {
        continue;
      }
      List<Integer> years = List.copyOf(of.stream().map(Outcome::year).collect(Collectors.toCollection(TreeSet::new)));
      switch (client.fetch(m, of.get(0).unit(), years, codes)) {
        case KoladaClient.Failed f -> failures.add(f);
        case KoladaClient.Fetched f -> {
          fetched += f.outcomes().size();
          for (Outcome o : f.outcomes()) {
            Outcome before = merged.put(key(o), o);
            if (before == null || before.value().compareTo(o.value()) != 0) {
              changed++;
            }
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      LOG.warn("outcomes refresh: {} KPI(s) failed, nothing written: {}", failures.size(), failures);
      return new Result(failures, fetched, changed, java.util.Optional.empty());
    }
    OutcomeSource s = bundled.source();
    OutcomeSource source = new OutcomeSource(s.titleSv(), s.titleEn(), s.descriptionEn(), s.publisher(),
        s.homepage(), s.api(), today.toString(), s.attribution(), s.derivedAttribution(), s.termsEn());
    OutcomeData data = new OutcomeData(source, bundled.measures(), List.copyOf(merged.values()));
    OutcomesLoader.Loaded loaded = OutcomesLoader.load(store, iris, data, checksum(data));
    LOG.info("outcomes refresh: {} values fetched, {} new or changed, written: {}", fetched, changed,
        loaded.written());
    return new Result(List.of(), fetched, changed, java.util.Optional.of(loaded));
  }

  private static String key(Outcome o) {
    return o.kpi() + "|" + o.code() + "|" + o.year();
  }

  /** SHA-256 over the values (not the retrieval day): the same figures fetched again change nothing. */
  static String checksum(OutcomeData data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Outcome o : data.outcomes()) {
        digest.update((key(o) + "|" + o.value().stripTrailingZeros().toPlainString() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      return "values-" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
