package se.loftesgrafen.vocab;

import se.loftesgrafen.reference.CsvTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterGeneratorTest {
  private static final CsvTable KOMMUNER = CsvTable.fromClasspath("vocab/data/kommuner.csv");
  private static final CsvTable REGIONER = CsvTable.fromClasspath("vocab/data/polisregioner.csv");
  private static final Model COMMITTED = ModelFactory.createModelForGraph(
      VocabularyFiles.load(VocabularyFiles.REGISTER, TestBase.BASE));

  static Stream<Map<String, String>> municipalities() {
    return KOMMUNER.rows().stream();
  }

  @Test
  void committedFileIsWhatTheGeneratorWrites() {
    Model generated = RegisterGenerator.generate(KOMMUNER, REGIONER, TestBase.BASE);
    assertTrue(generated.isIsomorphicWith(COMMITTED),
        "vocab/kommuner.ttl is stale: regenerate it (vocab/README.md)");
  }

  /** The Turtle written is relative (no @base) and reads back to the same graph against any base. */
  @Test
  void writtenTurtleIsRelative() {
    Model generated = RegisterGenerator.generate(KOMMUNER, REGIONER, RegisterGenerator.PLACEHOLDER_BASE);
    String turtle = RegisterGenerator.toTurtle(generated);
    assertTrue(turtle.contains("<id/kommun/1492>"));
    assertTrue(!turtle.contains("base.invalid"), "placeholder base leaked into the output");
    Model read = ModelFactory.createDefaultModel();
    RDFParser.fromString(turtle, Lang.TURTLE).base(TestBase.BASE).parse(read);
    assertTrue(read.isIsomorphicWith(RegisterGenerator.generate(KOMMUNER, REGIONER, TestBase.BASE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("municipalities")
  void everyMunicipalityIsInTheRegister(Map<String, String> row) {
    String code = row.get("kommunkod");
    Resource municipality = COMMITTED.createResource(VocabIris.resolve(TestBase.BASE, VocabIris.municipality(code)));
    assertTrue(municipality.hasProperty(RDF.type, LG.Municipality), code);
    assertEquals(code, municipality.getProperty(LG.municipalityCode).getString());
    assertEquals(code, municipality.getProperty(RegisterGenerator.P525).getString());
    assertEquals(row.get("kommun"), municipality.getProperty(SchemaDO.name).getString());
    Resource county = municipality.getPropertyResourceValue(LG.county);
    assertEquals(VocabIris.resolve(TestBase.BASE, VocabIris.county(row.get("lanskod"))), county.getURI());
    assertEquals(row.get("lanskod"), county.getProperty(LG.countyCode).getString());
    assertEquals(row.get("lan"), county.getProperty(SchemaDO.name).getString());
    assertEquals("http://www.wikidata.org/entity/" + row.get("wikidata"),
        municipality.getPropertyResourceValue(OWL.sameAs).getURI());
    assertEquals("https://" + row.get("webbplats") + "/",
        municipality.getPropertyResourceValue(org.apache.jena.sparql.vocabulary.FOAF.homepage).getURI());
  }

  @Test
  void countiesAndPoliceRegions() {
    assertEquals(290, COMMITTED.listSubjectsWithProperty(RDF.type, LG.Municipality).toList().size());
    assertEquals(21, COMMITTED.listSubjectsWithProperty(RDF.type, LG.County).toList().size());
    Set<String> regions = COMMITTED.listSubjectsWithProperty(RDF.type, LG.PoliceRegion).toList().stream()
        .map(r -> r.getProperty(SchemaDO.name).getString()).collect(Collectors.toSet());
    assertEquals(Set.of("Polisregion Nord", "Polisregion Mitt", "Polisregion Stockholm", "Polisregion Öst",
        "Polisregion Väst", "Polisregion Syd", "Polisregion Bergslagen"), regions);
    for (Resource county : COMMITTED.listSubjectsWithProperty(RDF.type, LG.County).toList()) {
      assertTrue(county.hasProperty(LG.policeRegion), county.getURI());
    }
  }

  /** polisregioner.csv is written for this project: its counties must be exactly those of kommuner.csv. */
  @Test
  void regionFileListsTheCountiesOfTheMunicipalityFile() {
    Map<String, String> counties = KOMMUNER.rows().stream()
        .collect(Collectors.toMap(r -> r.get("lanskod"), r -> r.get("lan"), (a, b) -> a));
    Map<String, String> inRegionFile = REGIONER.rows().stream()
        .collect(Collectors.toMap(r -> r.get("lanskod"), r -> r.get("lan")));
    assertEquals(counties, inRegionFile);
  }
}
