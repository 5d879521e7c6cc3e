package se.loftesgrafen.outcomes;

import java.time.Duration;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/**
 * The outcome figures as a dataset of their own in the DCAT-AP-SE catalogue ({@code /datasets/dcat#utfall}), once
 * the store holds them: Kolada's terms as a rights statement and the attribution "Källa: Kolada" (they are not a
 * named licence, so there is no dct:license), the provenance, the period 1994–2022, and the SPARQL endpoint and
 * the comparison API as its distributions.
 */
public final class OutcomeCatalog {
  private static final String EU = "http://publications.europa.eu/resource/authority/";
  private static final String DOC = "datasets/dcat";
  /** DCAT-AP's dcatap:availability; its value, the EU table's "stable", is described by CatalogBuilder. */
  private static final org.apache.jena.rdf.model.Property AVAILABILITY =
      org.apache.jena.rdf.model.ResourceFactory.createProperty("http://data.europa.eu/r5r/availability");

  private OutcomeCatalog() {}

  /**
   * The bundled source as the store holds it, dated by the copy in the store (a refresh dates it by its day);
   * empty when the store does not hold the outcome graph. Blocks.
   */
  public static java.util.Optional<OutcomeSource> loaded(PromiseStore store, Iris iris) {
    ParameterizedSparqlString q = Queries.load("outcomes-present");
    OutcomeIris names = new OutcomeIris(iris);
    q.setIri("g", names.graph().getURI());
    q.setIri("copy", names.sourceCopy().getURI());
    java.util.Optional<String> retrieved = store.query(q.asQuery(), Duration.ofMinutes(1), exec -> {
      var rows = exec.select();
      return rows.hasNext() ? java.util.Optional.of(rows.next().get("retrieved").getLiteralLexicalForm())
          : java.util.Optional.<String>empty();
    });
    return retrieved.map(day -> {
      OutcomeSource s = OutcomeFiles.CLASSPATH.source();
      return new OutcomeSource(s.titleSv(), s.titleEn(), s.descriptionEn(), s.publisher(), s.homepage(), s.api(),
          day, s.attribution(), s.derivedAttribution(), s.termsEn());
    });
  }

  /** Adds the outcome dataset to a catalogue built by CatalogBuilder (its catalogue, publisher, contact, service). */
  public static void addTo(Model m, Iris iris, OutcomeSource source) {
    Resource catalog = m.getResource(iris.inDocument(DOC, "catalog").getURI());
    Resource publisher = m.getResource(iris.inDocument(DOC, "publisher").getURI());
    Resource contact = m.getResource(iris.inDocument(DOC, "contact").getURI());
    Resource service = m.getResource(iris.inDocument(DOC, "sparql").getURI());
    Resource rights = m.createResource(iris.inDocument(DOC, "utfall-villkor").getURI())
        .addProperty(RDF.type, DCTerms.RightsStatement)
        .addProperty(RDFS.label, source.termsEn(), "en")
        .addProperty(RDFS.label, "Koladas villkor: fri användning, även kommersiell; en tjänst som visar data ska ange"
            + " källan, \"" + source.attribution() + "\"; det vi beräknar anges \"" + source.derivedAttribution()
            + "\".", "sv");
    Resource provenance = m.createResource(iris.inDocument(DOC, "utfall-proveniens").getURI())
        .addProperty(RDF.type, DCTerms.ProvenanceStatement)
        .addProperty(RDFS.label, "Från Kolada (RKA), en fullständig kopia av dess öppna API gjord " + source.retrieved()
            + ", kontrollerad mot SCB och Brå.", "sv")
        .addProperty(RDFS.label, "From Kolada (RKA), a complete copy of its open API made " + source.retrieved()
            + ", checked against SCB and Brå.", "en");
    Resource period = m.createResource(iris.inDocument(DOC, "utfall-period").getURI())
        .addProperty(RDF.type, DCTerms.PeriodOfTime)
        .addLiteral(DCAT.startDate, m.createTypedLiteral("1994-01-01", XSDDatatype.XSDdate))
        .addLiteral(DCAT.endDate, m.createTypedLiteral("2022-12-31", XSDDatatype.XSDdate));
    Resource sparql = m.createResource(iris.inDocument(DOC, "utfall-sparql").getURI())
        .addProperty(RDF.type, DCAT.Distribution)
        .addProperty(DCTerms.title, "SPARQL-ändpunkt (grafen graph/utfall)", "sv")
        .addProperty(DCTerms.title, "SPARQL endpoint (graph graph/utfall)", "en")
        .addProperty(DCTerms.description, "RDF Data Cube-observationer per kommun, år och nyckeltal", "sv")
        .addProperty(DCTerms.description, "RDF Data Cube observations per municipality, year and key figure", "en")
        .addProperty(DCAT.accessURL, iris.page("sparql"))
        .addProperty(DCAT.accessService, service)
        .addProperty(DCTerms.format, m.createResource(EU + "file-type/SPARQLQ").addProperty(RDF.type,
            DCTerms.MediaTypeOrExtent))
        .addProperty(DCTerms.rights, rights)
        .addProperty(AVAILABILITY, m.getResource(EU + "planned-availability/STABLE"));
    Resource api = m.createResource(iris.inDocument(DOC, "utfall-api").getURI())
        .addProperty(RDF.type, DCAT.Distribution)
        .addProperty(DCTerms.title, "Jämförelse löften och utfall (API, JSON och CSV)", "sv")
        .addProperty(DCTerms.title, "Promises beside outcomes (API, JSON and CSV)", "en")
        .addProperty(DCTerms.description, "/api/outcomes?theme=&year=&measure=", "sv")
        .addProperty(DCTerms.description, "/api/outcomes?theme=&year=&measure=", "en")
        .addProperty(DCAT.accessURL, iris.page("api/openapi.json"))
        .addProperty(DCTerms.format, m.createResource(EU + "file-type/CSV").addProperty(RDF.type,
            DCTerms.MediaTypeOrExtent))
        .addProperty(DCTerms.rights, rights)
        .addProperty(AVAILABILITY, m.getResource(EU + "planned-availability/STABLE"));
    Resource dataset = m.createResource(iris.inDocument(DOC, "utfall").getURI())
        .addProperty(RDF.type, DCAT.Dataset)
        .addProperty(DCTerms.title, source.titleSv(), "sv").addProperty(DCTerms.title, source.titleEn(), "en")
        .addProperty(DCTerms.description, "Anmälda brott per 100 000 invånare efter brottstyp (2008–2022), invånare"
            + " (1994–2022) och trygghetsmått ur Brås NTU och SCB:s medborgarundersökning (2019–2022) för Sveriges 290"
            + " kommuner, från Kolada. " + source.attribution() + ".", "sv")
        .addProperty(DCTerms.description, source.descriptionEn() + " " + source.attribution() + ".", "en")
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(DCAT.contactPoint, contact)
        .addProperty(DCTerms.rights, rights)
        .addProperty(DCTerms.bibliographicCitation, source.attribution(), "sv")
        .addProperty(DCTerms.provenance, provenance)
        .addProperty(DCTerms.temporal, period)
        .addProperty(DCTerms.spatial, m.createResource(EU + "country/SWE"))
        .addProperty(DCTerms.language, m.createResource(EU + "language/SWE"))
        .addProperty(DCTerms.accessRights, m.createResource(EU + "access-right/PUBLIC"))
        .addProperty(DCAT.theme, m.createResource(EU + "data-theme/JUST"))
        .addProperty(DCAT.theme, m.createResource(EU + "data-theme/SOCI"))
        .addProperty(DCAT.keyword, "anmälda brott", "sv").addProperty(DCAT.keyword, "trygghet", "sv")
        .addProperty(DCAT.keyword, "Kolada", "sv").addProperty(DCAT.keyword, "reported crime", "en")
        .addProperty(DCTerms.conformsTo, m.createResource("http://purl.org/linked-data/cube").addProperty(RDF.type,
            DCTerms.Standard).addProperty(DCTerms.title, "The RDF Data Cube Vocabulary", "en"))
        .addProperty(DCAT.landingPage, m.createResource(source.homepage()).addProperty(RDF.type,
            org.apache.jena.sparql.vocabulary.FOAF.Document).addProperty(DCTerms.title, "Kolada", "sv")
            .addProperty(DCTerms.title, "Kolada", "en"))
        .addProperty(DCAT.distribution, sparql)
        .addProperty(DCAT.distribution, api);
    catalog.addProperty(DCAT.dataset, dataset);
    service.addProperty(DCAT.servesDataset, dataset);
    m.setNsPrefix("skos", SKOS.uri);
  }
}
