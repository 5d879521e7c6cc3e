package se.loftesgrafen.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/** Reads what the index holds per commitment from the store (queries/compare-search-documents.rq). */
public final class SearchDocuments {
  static final String ID = "id";
  static final String TEXT = "text";
  static final String TITLE = "title";
  static final String KOMMUN = "kommun";
  static final String COUNTY = "county";
  static final String FROM = "from";
  static final String TO = "to";
  static final String KIND = "kind";
  static final String ACTOR = "actor";
  static final String THEME = "theme";
  /** The English labels of the commitment's themes: what {@code lang=en} searches besides the text. */
  static final String LABELS_EN = "labels_en";
  static final String ORDER = "order";
  /** lg:confidence as a double for range filters; absent for a commitment stored without one. */
  static final String CONFIDENCE = "confidence";

  private final PromiseStore store;
  private final Duration timeout;

  public SearchDocuments(PromiseStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
  }

  /** One commitment as indexed. */
  record Doc(String iri, String text, String title, Set<String> municipalities, Optional<int[]> years, String kind,
             Set<String> actors, Set<String> themes, String labelsEn, Optional<Double> confidence) {
    Document toLucene() {
      Document d = new Document();
      d.add(new KeywordField(ID, iri, Field.Store.YES));
      d.add(new TextField(TEXT, text, Field.Store.YES));
      d.add(new TextField(TITLE, title, Field.Store.NO));
      d.add(new TextField(LABELS_EN, labelsEn, Field.Store.NO));
      for (String code : municipalities) {
        d.add(new KeywordField(KOMMUN, code, Field.Store.NO));
        d.add(new KeywordField(COUNTY, code.substring(0, 2), Field.Store.NO));
      }
      years.ifPresent(y -> {
        d.add(new IntField(FROM, y[0], Field.Store.NO));
        d.add(new IntField(TO, y[1], Field.Store.NO));
      });
      d.add(new KeywordField(KIND, kind, Field.Store.NO));
      actors.forEach(a -> d.add(new KeywordField(ACTOR, a, Field.Store.NO)));
      themes.forEach(t -> d.add(new KeywordField(THEME, t, Field.Store.NO)));
      confidence.ifPresent(c -> d.add(new DoubleField(CONFIDENCE, c, Field.Store.NO)));
      // Stable order for equal scores and for searches without words: municipality, year, IRI.
      String first = municipalities.isEmpty() ? "9999" : municipalities.iterator().next();
      d.add(new SortedDocValuesField(ORDER,
          new BytesRef(first + "|" + years.map(y -> String.format("%04d", y[0])).orElse("9999") + "|" + iri)));
      return d;
    }
  }

  List<Doc> read() {
    Map<String, String> english = new java.util.HashMap<>();
    store.query(Queries.load("search-theme-labels-en").asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(b -> english.merge(iri(b, "concept"), literal(b, "label"), (a, c) -> a + " " + c));
      return null;
    });
    Map<String, Builder> found = new LinkedHashMap<>();
    store.query(Queries.load("compare-search-documents").asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(b -> found.computeIfAbsent(iri(b, "c"), c -> new Builder(c, b)).add(b));
      return null;
    });
    List<Doc> out = new ArrayList<>(found.size());
    found.values().forEach(b -> out.add(b.build(english)));
    return out;
  }

  private static final class Builder {
    final String iri;
    final String text;
    final String title;
    final Optional<int[]> years;
    final Set<String> municipalities = new TreeSet<>();
    final Set<String> actors = new TreeSet<>();
    final Set<String> themes = new TreeSet<>();
    String kind = "activity";
    Optional<Double> confidence = Optional.empty();

    Builder(String iri, Binding first) {
      this.iri = iri;
      this.text = literal(first, "text");
      this.title = literal(first, "title");
      this.years = years(first);
    }

    void add(Binding b) {
      Optional.ofNullable(iri(b, "kommun")).map(Builder::last).ifPresent(municipalities::add);
      Optional.ofNullable(iri(b, "actor")).map(Builder::last).ifPresent(actors::add);
      Optional.ofNullable(iri(b, "tag")).ifPresent(themes::add);
      Optional.ofNullable(iri(b, "kind")).map(k -> k.substring(k.lastIndexOf('#') + 1)).ifPresent(k -> kind = k);
      if (confidence.isEmpty() && !literal(b, "confidence").isEmpty()) {
        try {
          confidence = Optional.of(Double.parseDouble(literal(b, "confidence")));
        } catch (NumberFormatException e) {
          // not a number: the shapes refuse it; indexed without, as a commitment without a confidence
        }
      }
    }

    Doc build(Map<String, String> english) {
      StringBuilder labels = new StringBuilder();
      themes.forEach(t -> labels.append(english.getOrDefault(t, "")).append(' '));
      return new Doc(iri, text, title, municipalities, years, kind, actors, themes, labels.toString().strip(),
          confidence);
    }

    static String last(String iri) {
      return iri.substring(iri.lastIndexOf('/') + 1);
    }
  }

  private static Optional<int[]> years(Binding b) {
    Optional<Integer> from = year(literal(b, "start"));
    Optional<Integer> to = year(literal(b, "end"));
    if (from.isEmpty() && to.isEmpty()) {
      return Optional.empty();
    }
    int f = from.orElse(to.orElse(0));
    int t = to.orElse(f);
    return Optional.of(new int[] {Math.min(f, t), Math.max(f, t)});
  }

  private static Optional<Integer> year(String lexical) {
    return lexical.matches("\\d{4}.*") ? Optional.of(Integer.parseInt(lexical.substring(0, 4))) : Optional.empty();
  }

  private static String iri(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n != null && n.isURI() ? n.getURI() : null;
  }

  private static String literal(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : "";
  }
}
