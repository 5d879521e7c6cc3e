package se.loftesgrafen.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import se.loftesgrafen.graph.PromiseStore;

/**
 * The W3C Data Cube integrity constraints of {@code outcomes/integrity-constraints.rq}, run against a store. An ASK
 * that answers true is a violation. IC-20 and IC-21 are instantiated for every hierarchical code list's
 * parent-child property, as the recommendation prescribes.
 */
final class IntegrityConstraints {
  static final String RESOURCE = "outcomes/integrity-constraints.rq";
  private final String prefixes;
  private final Map<String, String> queries;

  private IntegrityConstraints(String prefixes, Map<String, String> queries) {
    this.prefixes = prefixes;
    this.queries = queries;
  }

  static IntegrityConstraints load() {
    try (InputStream in = IntegrityConstraints.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> blocks = new LinkedHashMap<>();
      String name = null;
      StringBuilder body = new StringBuilder();
      for (String line : text.split("\n")) {
        if (line.startsWith("#@ ")) {
          if (name != null) {
            blocks.put(name, body.toString());
          }
          name = line.substring(3).trim();
          body.setLength(0);
        } else if (name != null) {
          body.append(line).append('\n');
        }
      }
      blocks.put(name, body.toString());
      String prefixes = blocks.remove("prefixes");
      return new IntegrityConstraints(prefixes, blocks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the constraints ("IC-1 Unique DataSet", ..., "IC-21 ..."), without the instantiation query. */
  List<String> names() {
    return queries.keySet().stream().filter(n -> n.startsWith("IC-") && !n.contains("instantiation")).toList();
  }

  /** The names of the constraints the store violates; {@code skip} names constraints not run. */
  List<String> violated(PromiseStore store, List<String> skip) {
    List<String> out = new ArrayList<>();
    List<String> parentChild = parentChildProperties(store);
    for (String name : names()) {
      if (skip.stream().anyMatch(name::startsWith)) {
        continue;
      }
      String text = queries.get(name);
      if (text.contains("$p")) {
        for (String p : parentChild) {
          if (ask(store, text.replace("$p", p))) {
            out.add(name + " <" + p + ">");
          }
        }
      } else if (ask(store, text)) {
        out.add(name);
      }
    }
    return out;
  }

  private List<String> parentChildProperties(PromiseStore store) {
    Query q = QueryFactory.create(prefixes + queries.get("IC-20/21 instantiation"));
    return store.query(q, Duration.ofMinutes(5), exec -> {
      List<String> out = new ArrayList<>();
      exec.select().forEachRemaining(b -> out.add(b.get("p").getURI()));
      return out;
    });
  }

  boolean ask(PromiseStore store, String body) {
    return store.query(QueryFactory.create(prefixes + body), Duration.ofMinutes(5), exec -> exec.ask());
  }

  String query(String name) {
    return prefixes + queries.get(name);
  }
}
