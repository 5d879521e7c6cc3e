package se.loftesgrafen.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The theme concepts the classifier knows, as plain data (the extractor never sees RDF): read from
 * {@code vocab/teman.ttl} by {@code vocab.ThemeLexiconLoader}.
 */
public record ThemeLexicon(List<Theme> themes) {
  public ThemeLexicon {
    themes = List.copyOf(themes);
  }

  /**
   * One concept.
   *
   * @param id        skos:notation, the theme id of teman.csv ("narkotika")
   * @param scheme    notation of the concept scheme's local name ("fokusomraden")
   * @param prefLabel Swedish preferred label
   * @param altLabels Swedish alternative labels (inflections, synonyms, compounds)
   * @param broader   id of the broader concept, when there is one
   */
  public record Theme(String id, String scheme, String prefLabel, List<String> altLabels, Optional<String> broader) {
    public Theme {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(prefLabel, "prefLabel");
      altLabels = List.copyOf(altLabels);
      Objects.requireNonNull(broader, "broader");
    }
  }
}
