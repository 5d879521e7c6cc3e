package se.loftesgrafen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OntologyTest {
  private static final Model ONTOLOGY = ModelFactory.createModelForGraph(
      VocabularyFiles.load(VocabularyFiles.ONTOLOGY, TestBase.BASE));
  private static final Resource ONTOLOGY_IRI = ONTOLOGY.createResource("https://w3id.org/loftesgrafen/def");

  private static Set<String> constants() throws IllegalAccessException {
    Set<String> iris = new TreeSet<>();
    for (Field field : LG.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && Resource.class.isAssignableFrom(field.getType())) {
        iris.add(((Resource) field.get(null)).getURI());
      }
    }
    return iris;
  }

  private static Set<String> terms() {
    Set<String> iris = new TreeSet<>();
    ONTOLOGY.listSubjects().forEach(s -> {
      if (s.isURIResource() && s.getURI().startsWith(LG.NS) && !s.getURI().equals(LG.NS)) {
        iris.add(s.getURI());
      }
    });
    return iris;
  }

  @Test
  void constantsAndOntologyTermsAreTheSame() throws IllegalAccessException {
    assertEquals(terms(), constants());
  }

  @Test
  void everyTermIsDocumentedInSwedishAndEnglish() {
    List<String> problems = new ArrayList<>();
    for (String iri : terms()) {
      Resource term = ONTOLOGY.createResource(iri);
      for (String lang : List.of("sv", "en")) {
        for (var property : List.of(RDFS.label, RDFS.comment)) {
          long count = term.listProperties(property).toList().stream()
              .filter(s -> s.getObject().isLiteral() && lang.equals(s.getLiteral().getLanguage())).count();
          if (count != 1) {
            problems.add(iri + " has " + count + " " + property.getLocalName() + "@" + lang);
          }
        }
      }
      if (!term.hasProperty(RDFS.isDefinedBy, ONTOLOGY_IRI)) {
        problems.add(iri + " lacks rdfs:isDefinedBy");
      }
      if (term.hasProperty(RDF.type, OWL.ObjectProperty) || term.hasProperty(RDF.type, OWL.DatatypeProperty)) {
        if (!term.hasProperty(RDFS.domain) || !term.hasProperty(RDFS.range)) {
          problems.add(iri + " lacks a domain or range");
        }
      } else if (!term.hasProperty(RDF.type, OWL.Class) && !term.hasProperty(RDF.type, SKOS.Concept)
          && !term.hasProperty(RDF.type, SKOS.ConceptScheme)) {
        problems.add(iri + " is neither class, property, concept nor scheme");
      }
    }
    assertEquals(List.of(), problems);
  }

  private static final String EXAMPLE_PREFIXES = """
      PREFIX lg: <https://w3id.org/loftesgrafen/def#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX schema: <https://schema.org/>
      PREFIX wdt: <http://www.wikidata.org/prop/direct/>
      """;

  /** Every term has a Turtle example that parses and uses the term. */
  @Test
  void everyTermHasAnExampleThatParses() {
    List<String> problems = new ArrayList<>();
    for (String iri : terms()) {
      Resource term = ONTOLOGY.createResource(iri);
      Statement example = term.getProperty(SKOS.example);
      if (example == null) {
        problems.add(iri + " has no skos:example");
        continue;
      }
      Model parsed = ModelFactory.createDefaultModel();
      try {
        RDFParser.fromString(EXAMPLE_PREFIXES + example.getString(), Lang.TURTLE).base(TestBase.BASE).strict(true)
            .parse(parsed);
      } catch (RuntimeException e) {
        problems.add(iri + ": example does not parse: " + e.getMessage());
        continue;
      }
      boolean uses = parsed.containsResource(term) || parsed.contains(null, ONTOLOGY.createProperty(iri));
      if (!uses) {
        problems.add(iri + ": example does not use the term");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void ontologyIsVersioned() {
    assertTrue(ONTOLOGY_IRI.hasProperty(RDF.type, OWL.Ontology));
    Statement version = ONTOLOGY_IRI.getProperty(OWL.versionInfo);
    Statement versionIri = ONTOLOGY_IRI.getProperty(OWL2_VERSION_IRI);
    assertTrue(version != null && version.getString().matches("\\d+\\.\\d+\\.\\d+"));
    assertEquals("https://w3id.org/loftesgrafen/def/" + version.getString(), versionIri.getResource().getURI());
    assertTrue(ONTOLOGY_IRI.hasProperty(DCTerms.license));
  }

  private static final org.apache.jena.rdf.model.Property OWL2_VERSION_IRI =
      ResourceFactory.createProperty(OWL.NS + "versionIRI");

  /** The links to the standards that the common brief's mapping relies on. */
  @ParameterizedTest
  @CsvSource({
      "Municipality, subClassOf, http://www.w3.org/ns/org#Organization",
      "SourceSnapshot, subClassOf, http://www.w3.org/ns/prov#Entity",
      "HarvestRun, subClassOf, http://www.w3.org/ns/prov#Activity",
      "Target, subClassOf, https://schema.org/QuantitativeValue",
      "Signatory, subClassOf, https://schema.org/Person",
      "CommitmentKind, subClassOf, http://www.w3.org/2004/02/skos/core#Concept",
      "theme, subPropertyOf, http://purl.org/dc/terms/subject",
      "commitment, subPropertyOf, http://purl.org/dc/terms/hasPart",
      "municipalityCode, subPropertyOf, http://purl.org/dc/terms/identifier",
  })
  void reusesStandards(String local, String relation, String standard) {
    var property = relation.equals("subClassOf") ? RDFS.subClassOf : RDFS.subPropertyOf;
    RDFNode object = ONTOLOGY.createResource(standard);
    assertTrue(ONTOLOGY.contains(ONTOLOGY.createResource(LG.NS + local), property, object), local + " " + relation);
  }

  @Test
  void followUpStatusesAndKindsAreConceptsOfTheirSchemes() {
    for (Resource status : List.of(LG.kept, LG.partlyKept, LG.notKept, LG.notYet, LG.uncheckable)) {
      assertTrue(ONTOLOGY.contains(status, RDF.type, LG.FollowUpStatus), status.getURI());
      assertTrue(ONTOLOGY.contains(status, SKOS.inScheme, LG.followUpStatuses), status.getURI());
    }
    for (Resource kind : List.of(LG.activity, LG.goal)) {
      assertTrue(ONTOLOGY.contains(kind, RDF.type, LG.CommitmentKind), kind.getURI());
      assertTrue(ONTOLOGY.contains(kind, SKOS.inScheme, LG.commitmentKinds), kind.getURI());
    }
  }
}
