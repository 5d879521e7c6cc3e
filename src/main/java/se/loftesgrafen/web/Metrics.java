package se.loftesgrafen.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A small registry of counters, histograms and gauges, written in the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/). One instance per service; the web layer counts
 * requests and query times, the harvester counts pages. Label sets must stay small (routes, outcomes, not IRIs).
 */
public final class Metrics {
  /** Upper bounds in seconds of the latency histograms. */
  private static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

  private final Map<String, Family> families = new ConcurrentSkipListMap<>();

  /** Adds one to the counter {@code name} with the given labels. */
  public void increment(String name, String help, Map<String, String> labels) {
    family(name, help, "counter").counters.computeIfAbsent(labelText(labels), k -> new LongAdder()).increment();
  }

  /** Records one observation (seconds) in the histogram {@code name}. */
  public void observe(String name, String help, Map<String, String> labels, double seconds) {
    family(name, help, "histogram").histograms.computeIfAbsent(labelText(labels), k -> new Histogram())
        .observe(seconds);
  }

  /** A gauge read at every scrape (on a worker thread: it may query the store). */
  public void gauge(String name, String help, Supplier<? extends Number> value) {
    family(name, help, "gauge").gauge = value;
  }

  /** The current value of a counter; 0 when it was never incremented. */
  public long count(String name, Map<String, String> labels) {
    Family f = families.get(name);
    LongAdder a = f == null ? null : f.counters.get(labelText(labels));
    return a == null ? 0 : a.sum();
  }

  /** All metrics in the text exposition format. */
  public String text() {
    StringBuilder out = new StringBuilder();
    families.forEach((name, f) -> {
      out.append("# HELP ").append(name).append(' ').append(f.help).append('\n');
      out.append("# TYPE ").append(name).append(' ').append(f.type).append('\n');
      new TreeMap<>(f.counters).forEach((labels, v) -> line(out, name, labels, v.sum()));
      new TreeMap<>(f.histograms).forEach((labels, h) -> h.write(out, name, labels));
      if (f.gauge != null) {
        Number value;
        try {
          value = f.gauge.get();
        } catch (RuntimeException e) {
          value = Double.NaN;
        }
        line(out, name, "", value);
      }
    });
    return out.toString();
  }

  private Family family(String name, String help, String type) {
    Family f = families.computeIfAbsent(name, n -> new Family(help, type));
    if (!f.type.equals(type)) {
      throw new IllegalArgumentException("metric " + name + " is a " + f.type + ", not a " + type);
    }
    return f;
  }

  private static String labelText(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream()
        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
            .replace("\n", "\\n") + "\"")
        .collect(Collectors.joining(","));
  }

  private static void line(StringBuilder out, String name, String labels, Number value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  private static final class Family {
    final String help;
    final String type;
    final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
    volatile Supplier<? extends Number> gauge;

    Family(String help, String type) {
      this.help = help.replace("\n", " ");
      this.type = type;
    }
  }

  private static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void write(StringBuilder out, String name, String labels) {
      String sep = labels.isEmpty() ? "" : labels + ",";
      for (int i = 0; i < BUCKETS.length; i++) {
        line(out, name + "_bucket", sep + "le=\"" + BUCKETS[i] + "\"", buckets[i].sum());
      }
      line(out, name + "_bucket", sep + "le=\"+Inf\"", count.sum());
      line(out, name + "_sum", labels, sum.sum());
      line(out, name + "_count", labels, count.sum());
    }
  }
}
