package se.loftesgrafen.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.SKOS;

/**
 * The words compounds are split into: every word of the Swedish theme labels (skos:prefLabel, skos:altLabel in
 * vocab/teman.ttl) and search/compound-words.txt, minus generic parts (search/compound-stop.txt) that would make
 * everything match. Read once at start; a missing file stops start-up with its name.
 */
public final class CompoundDictionary {
  private static final int MIN_WORD = 4;

  private CompoundDictionary() {}

  public static Set<String> load() {
    Set<String> words = new TreeSet<>();
    Model themes = ModelFactory.createDefaultModel();
    try (InputStream in = open("/vocab/teman.ttl")) {
      RDFParser.source(in).lang(Lang.TURTLE).base("http://localhost/").parse(themes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocab/teman.ttl", e);
    }
    themes.listObjectsOfProperty(SKOS.prefLabel).andThen(themes.listObjectsOfProperty(SKOS.altLabel))
        .forEachRemaining(node -> swedish(node, words));
    words.addAll(lines("/search/compound-words.txt"));
    words.removeAll(lines("/search/compound-stop.txt"));
    words.removeIf(w -> w.length() < MIN_WORD);
    return words;
  }

  private static void swedish(RDFNode node, Set<String> words) {
    if (node.isLiteral()) {
      Literal l = node.asLiteral();
      if (l.getLanguage().isEmpty() || l.getLanguage().startsWith("sv")) {
        for (String w : l.getLexicalForm().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          words.add(w);
        }
      }
    }
  }

  private static Set<String> lines(String resource) {
    Set<String> out = new TreeSet<>();
    try (InputStream in = open(resource);
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT)).forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return out;
  }

  private static InputStream open(String resource) {
    InputStream in = CompoundDictionary.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return in;
  }
}
