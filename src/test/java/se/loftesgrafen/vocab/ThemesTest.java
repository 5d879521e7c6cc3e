package se.loftesgrafen.vocab;

import se.loftesgrafen.reference.CsvTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ThemesTest {
  private static final Model THEMES = ModelFactory.createModelForGraph(
      VocabularyFiles.load(VocabularyFiles.THEMES, TestBase.BASE));
  private static final Model CONCEPTS = ModelFactory.createModelForGraph(
      VocabularyFiles.load(VocabularyFiles.CONCEPTS, TestBase.BASE));
  private static final Map<String, String> SCHEMES =
      Map.of("fokusomrade", "fokusomraden", "insatstyp", "insatstyper", "malgrupp", "malgrupper");

  static Stream<Map<String, String>> themeRows() {
    return CsvTable.fromClasspath("vocab/data/teman.csv").rows().stream();
  }

  private static Resource iri(Model model, String relative) {
    return model.createResource(VocabIris.resolve(TestBase.BASE, relative));
  }

  private static Set<String> labels(Resource concept, Property property, String lang) {
    return concept.listProperties(property).toList().stream()
        .map(s -> s.getLiteral())
        .filter(l -> lang.equals(l.getLanguage()))
        .map(Literal::getLexicalForm)
        .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("themeRows")
  void everyThemeIdIsAConceptOfItsScheme(Map<String, String> row) {
    Resource concept = iri(THEMES, VocabIris.theme(row.get("id")));
    Resource scheme = iri(THEMES, VocabIris.themeScheme(SCHEMES.get(row.get("schema"))));
    assertTrue(concept.hasProperty(RDF.type, SKOS.Concept), row.get("id"));
    assertTrue(concept.hasProperty(SKOS.inScheme, scheme), row.get("id") + " in " + scheme);
    assertTrue(concept.hasProperty(SKOS.topConceptOf, scheme), row.get("id") + " top concept of " + scheme);
    assertEquals(row.get("id"), concept.getProperty(SKOS.notation).getString());
    assertEquals(Set.of(row.get("sv")), labels(concept, SKOS.prefLabel, "sv"));
    assertEquals(Set.of(row.get("en")), labels(concept, SKOS.prefLabel, "en"));
  }

  /** The examples of teman.csv are what the extractor must recognise: each is a label of the theme or a narrower one. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("themeRows")
  void everyExampleOfTheCsvIsALabel(Map<String, String> row) {
    Resource concept = iri(THEMES, VocabIris.theme(row.get("id")));
    Set<String> known = new HashSet<>();
    List<Resource> family = new ArrayList<>(List.of(concept));
    concept.listProperties(SKOS.narrower).forEach(s -> family.add(s.getResource()));
    for (Resource member : family) {
      for (Property p : List.of(SKOS.prefLabel, SKOS.altLabel)) {
        labels(member, p, "sv").forEach(l -> known.add(l.toLowerCase(Locale.ROOT)));
      }
    }
    List<String> missing = Stream.of(row.get("exempel").split(","))
        .map(e -> e.strip().toLowerCase(Locale.ROOT))
        .filter(e -> !known.contains(e))
        .toList();
    assertEquals(List.of(), missing, row.get("id"));
  }

  @Test
  void everyConceptIsWellFormed() {
    List<String> problems = new ArrayList<>();
    Set<String> notations = new HashSet<>();
    for (Resource concept : THEMES.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
      String notation = concept.getProperty(SKOS.notation).getString();
      if (!notations.add(notation)) {
        problems.add("notation used twice: " + notation);
      }
      if (!concept.getURI().equals(VocabIris.resolve(TestBase.BASE, VocabIris.theme(notation)))) {
        problems.add(concept + " does not match its notation " + notation);
      }
      for (String lang : List.of("sv", "en")) {
        if (labels(concept, SKOS.prefLabel, lang).size() != 1 || labels(concept, SKOS.definition, lang).size() != 1) {
          problems.add(notation + ": needs one prefLabel and one definition @" + lang);
        }
      }
      Set<String> alt = labels(concept, SKOS.altLabel, "sv");
      if (alt.size() < 8) {
        problems.add(notation + ": only " + alt.size() + " Swedish altLabels");
      }
      // SKOS S13: prefLabel and altLabel are disjoint (as literals; a lowercase copy is allowed).
      String pref = labels(concept, SKOS.prefLabel, "sv").iterator().next();
      alt.stream().filter(a -> a.equals(pref))
          .forEach(a -> problems.add(notation + ": altLabel repeats the prefLabel: " + a));
      Resource scheme = concept.getPropertyResourceValue(SKOS.inScheme);
      for (Statement broader : concept.listProperties(SKOS.broader).toList()) {
        Resource parent = broader.getResource();
        if (!parent.hasProperty(SKOS.narrower, concept) || !parent.hasProperty(SKOS.inScheme, scheme)) {
          problems.add(notation + ": broader " + parent + " does not list it as narrower in the same scheme");
        }
      }
      for (Statement narrower : concept.listProperties(SKOS.narrower).toList()) {
        if (!narrower.getResource().hasProperty(SKOS.broader, concept)) {
          problems.add(notation + ": narrower " + narrower.getResource() + " lacks skos:broader back");
        }
      }
      if (!concept.hasProperty(SKOS.broader) && !concept.hasProperty(SKOS.topConceptOf, scheme)) {
        problems.add(notation + ": neither top concept nor narrower");
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(notations.size() > CsvTable.fromClasspath("vocab/data/teman.csv").rows().size(),
        "expected narrower concepts beyond teman.csv");
  }

  @Test
  void actorAndBasisConceptsExist() {
    for (String actor : VocabIris.ACTORS) {
      Resource concept = iri(CONCEPTS, VocabIris.actor(actor));
      assertTrue(concept.hasProperty(SKOS.inScheme, iri(CONCEPTS, "id/aktor")), actor);
      assertEquals(actor, concept.getProperty(SKOS.notation).getString());
    }
    for (String basis : VocabIris.BASES) {
      Resource concept = iri(CONCEPTS, VocabIris.basis(basis));
      assertTrue(concept.hasProperty(SKOS.inScheme, iri(CONCEPTS, "id/underlag")), basis);
      assertEquals(basis, concept.getProperty(SKOS.notation).getString());
    }
    assertEquals(VocabIris.ACTORS.size() + VocabIris.BASES.size(),
        CONCEPTS.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList().size());
  }
}
