package se.loftesgrafen.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import se.loftesgrafen.extract.ThemeLexicon;

/**
 * Reads the theme concepts of {@code vocab/teman.ttl} (notation, scheme, Swedish preferred and alternative labels,
 * broader) into the plain {@link ThemeLexicon} the extractor classifies with, so that extraction needs no RDF.
 */
public final class ThemeLexiconLoader {
  static final String RESOURCE = "vocab/teman.ttl";
  /** Relative concept IRIs only need some base to parse; the lexicon keeps notations, not IRIs. */
  private static final String PARSE_BASE = "http://localhost/";

  private ThemeLexiconLoader() {}

  public static ThemeLexicon load() {
    try (InputStream in = ThemeLexiconLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("theme vocabulary not on the classpath: " + RESOURCE);
      }
      Model model = ModelFactory.createDefaultModel();
      RDFParser.source(in).lang(Lang.TURTLE).base(PARSE_BASE).parse(model);
      return fromModel(model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static ThemeLexicon fromModel(Model model) {
    List<ThemeLexicon.Theme> themes = new ArrayList<>();
    model.listResourcesWithProperty(RDF.type, SKOS.Concept).forEachRemaining(c -> {
      Optional<String> id = literal(c.getProperty(SKOS.notation));
      if (id.isEmpty()) {
        return;
      }
      String scheme = Optional.ofNullable(c.getPropertyResourceValue(SKOS.inScheme))
          .map(Resource::getLocalName).orElse("");
      String pref = swedish(c, SKOS.prefLabel).stream().findFirst().orElse(id.get());
      List<String> alt = swedish(c, SKOS.altLabel);
      Optional<String> broader = Optional.ofNullable(c.getPropertyResourceValue(SKOS.broader))
          .flatMap(b -> literal(b.getProperty(SKOS.notation)));
      themes.add(new ThemeLexicon.Theme(id.get(), scheme, pref, alt, broader));
    });
    themes.sort(Comparator.comparing(ThemeLexicon.Theme::id));
    return new ThemeLexicon(themes);
  }

  private static List<String> swedish(Resource c, org.apache.jena.rdf.model.Property p) {
    List<String> out = new ArrayList<>();
    c.listProperties(p).forEachRemaining(s -> {
      RDFNode o = s.getObject();
      if (o.isLiteral() && o.asLiteral().getLanguage().toLowerCase().startsWith("sv")) {
        out.add(o.asLiteral().getString());
      }
    });
    out.sort(String::compareTo);
    return out;
  }

  private static Optional<String> literal(Statement s) {
    return s == null || !s.getObject().isLiteral() ? Optional.empty() : Optional.of(s.getString());
  }
}
