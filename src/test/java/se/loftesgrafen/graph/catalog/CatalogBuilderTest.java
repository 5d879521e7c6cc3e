package se.loftesgrafen.graph.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;

/** What the catalogue states comes from the configuration: addresses, licence, publisher, contact, periodicity. */
class CatalogBuilderTest {
  private static final Iris IRIS = new Iris(URI.create("https://w3id.org/loftesgrafen/"));
  private static final AppConfig.CatalogConfig SETTINGS = new AppConfig.CatalogConfig("Exempelkommunen",
      Optional.of(URI.create("https://www.example.se/")), "Dataenheten", "data@example.se",
      URI.create("https://creativecommons.org/licenses/by/4.0/"), Optional.of("WEEKLY"));

  private static List<String> objects(Model m, Resource s, org.apache.jena.rdf.model.Property p) {
    return m.listObjectsOfProperty(s, p).mapWith(RDFNode::toString).toList();
  }

  @Test
  void theConfigurationIsWhatTheCatalogueSays() {
    Model m = new CatalogBuilder(IRIS, "0 0 3 * * ?", SETTINGS, "https://data.example.se/")
        .catalog(Optional.empty(), Instant.parse("2026-12-01T00:00:00Z"), Optional.empty());
    Resource dataset = m.getResource(IRIS.base() + "datasets/dcat#dataset");
    assertEquals(List.of("http://publications.europa.eu/resource/authority/frequency/WEEKLY"),
        objects(m, dataset, DCTerms.accrualPeriodicity), "the configured periodicity, not the cron's DAILY");
    assertEquals(List.of("https://creativecommons.org/licenses/by/4.0/"), objects(m, dataset, DCTerms.license));
    Resource catalog = m.getResource(IRIS.base() + "datasets/dcat#catalog");
    assertEquals(List.of("https://creativecommons.org/licenses/by/4.0/"), objects(m, catalog, DCTerms.license));
    Resource contact = m.getResource(IRIS.base() + "datasets/dcat#contact");
    assertEquals(List.of("mailto:data@example.se"), objects(m, contact, VCARD4.hasEmail));
    assertEquals(List.of("Dataenheten"), objects(m, contact, VCARD4.fn));
    Resource publisher = m.getResource(IRIS.base() + "datasets/dcat#publisher");
    assertTrue(m.listObjectsOfProperty(publisher, org.apache.jena.sparql.vocabulary.FOAF.name).toList().stream()
        .allMatch(n -> n.asLiteral().getLexicalForm().equals("Exempelkommunen")), "the configured publisher");
    // addresses are where this instance serves them, names stay under the base IRI
    Resource nquads = m.getResource(IRIS.base() + "datasets/dcat#dump-nquads");
    assertEquals(List.of("https://data.example.se/dumps/loftesgrafen.nq.gz"), objects(m, nquads, DCAT.downloadURL));
    Resource service = m.getResource(IRIS.base() + "datasets/dcat#sparql");
    assertEquals(List.of("https://data.example.se/sparql"), objects(m, service, DCAT.endpointURL));
  }

  @Test
  void withoutAConfiguredPeriodicityTheScheduleGivesItAndVoidNamesTheReadableDumps() {
    CatalogBuilder builder = new CatalogBuilder(IRIS, "0 0 4 ? * MON", AppConfig.CatalogConfig.defaults(),
        "http://localhost:8080/");
    Model m = builder.catalog(Optional.empty(), Instant.parse("2026-12-01T00:00:00Z"), Optional.empty());
    assertEquals(List.of("http://publications.europa.eu/resource/authority/frequency/WEEKLY"),
        objects(m, m.getResource(IRIS.base() + "datasets/dcat#dataset"), DCTerms.accrualPeriodicity));
    assertEquals(List.of(AppConfig.CatalogConfig.CC0.toString()),
        objects(m, m.getResource(IRIS.base() + "datasets/dcat#dataset"), DCTerms.license));
    Model v = builder.voidDescription(10, Optional.empty(), Instant.parse("2026-12-01T00:00:00Z"));
    List<String> dumps = objects(v, v.getResource(IRIS.base() + ".well-known/void#dataset"), VOID.dataDump);
    assertEquals(List.of("http://localhost:8080/dumps/loftesgrafen.jsonld", "http://localhost:8080/dumps/loftesgrafen.nq"),
        dumps.stream().sorted().toList());
  }
}
