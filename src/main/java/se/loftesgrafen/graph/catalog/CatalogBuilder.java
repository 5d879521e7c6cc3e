package se.loftesgrafen.graph.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.VOID;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.dump.DumpWriter;
import se.loftesgrafen.graph.sparql.SparqlFormat;
import se.loftesgrafen.vocab.LG;

/**
 * The service's descriptions of itself: the DCAT-AP-SE catalog (https://docs.dataportal.se/dcat/), the VoID
 * description (https://www.w3.org/TR/void/) and the SPARQL 1.1 Service Description. Catalog, dataset,
 * distributions, data service and publisher have IRIs (hash IRIs in the documents that describe them), never
 * blank nodes, so harvesters such as dataportal.se can follow them.
 */
public final class CatalogBuilder {
  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  static final String FORMATS = "http://www.w3.org/ns/formats/";
  private static final String EU = "http://publications.europa.eu/resource/authority/";
  private static final Resource CC0 = ResourceFactory.createResource("http://creativecommons.org/publicdomain/zero/1.0/");
  private static final Resource SWEDEN = ResourceFactory.createResource(EU + "country/SWE");
  private static final Resource JUSTICE = ResourceFactory.createResource(EU + "data-theme/JUST");
  private static final Resource SWEDISH = ResourceFactory.createResource(EU + "language/SWE");
  private static final Resource PUBLIC = ResourceFactory.createResource(EU + "access-right/PUBLIC");
  private static final Resource PUBLISHER_TYPE =
      ResourceFactory.createResource("http://purl.org/adms/publishertype/NonProfitOrganisation");

  private static final Resource AVAILABLE = ResourceFactory.createResource(EU + "planned-availability/STABLE");
  private static final Property AVAILABILITY = ResourceFactory.createProperty("http://data.europa.eu/r5r/availability");
  private static final String IANA = "https://www.iana.org/assignments/media-types/";

  /**
   * Every vocabulary the data uses (void:vocabulary): the vocabulary file and the mapper's terms. Kept in step with
   * the data by DcatShapesIT, which reads the namespaces of every predicate and class of the bundled sample.
   */
  static final List<String> VOCABULARIES = List.of(LG.NS, DCTerms.NS, "https://schema.org/",
      "http://www.w3.org/ns/prov#", SKOS.uri, DCAT.NS, RDFS.uri, OWL.NS, FOAF.NS,
      "http://purl.org/vocab/vann/", "http://www.wikidata.org/prop/direct/", "http://www.w3.org/ns/org#",
      "http://www.w3.org/2006/time#");

  private final Iris iris;
  private final String harvestSchedule;
  private final AppConfig.CatalogConfig settings;
  /** Where this instance serves its pages: download, access and endpoint URLs are under it, not the base IRI. */
  private final String publicUrl;

  /**
   * {@code harvestSchedule}: the Quartz cron of {@code harvest.schedule}, which gives the accrual periodicity;
   * {@code settings}: publisher and contact point ({@code catalog:} in the configuration).
   */
  public CatalogBuilder(Iris iris, String harvestSchedule, AppConfig.CatalogConfig settings, String publicUrl) {
    this.iris = iris;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    this.harvestSchedule = harvestSchedule;
    this.settings = settings;
  }

  public Iris iris() {
    return iris;
  }

  /**
   * The DCAT-AP-SE catalog; {@code release} adds sizes and checksums of the dumps, {@code modified} the data date,
   * {@code issued} when the first page was harvested.
   */
  public Model catalog(Optional<DumpWriter.Release> release, Instant modified, Optional<Instant> issued) {
    Model m = model();
    Resource home = document(m, link("").getURI(), "Löftesgrafen", "Löftesgrafen");
    Resource publisher = m.createResource(iris.inDocument("datasets/dcat", "publisher").getURI())
        .addProperty(RDF.type, FOAF.Agent).addProperty(RDF.type, DCTerms.Agent)
        .addProperty(FOAF.name, settings.publisher(), "sv").addProperty(FOAF.name, settings.publisher(), "en")
        .addProperty(DCTerms.type, concept(m, PUBLISHER_TYPE.getURI(), "http://purl.org/adms/publishertype/1.0",
            "Non-Profit Organisation"))
        .addProperty(FOAF.homepage, settings.publisherHomepage()
            .map(h -> document(m, h.toString(), settings.publisher(), settings.publisher())).orElse(home));
    Resource contact = m.createResource(iris.inDocument("datasets/dcat", "contact").getURI())
        .addProperty(RDF.type, VCARD4.Kind).addProperty(RDF.type, VCARD4.Organization)
        .addProperty(VCARD4.fn, settings.contactName())
        .addProperty(VCARD4.hasEmail, m.createResource("mailto:" + settings.contactEmail()));
    Resource dataset = dataset(m, publisher, contact, modified, home);
    issued.ifPresent(at -> dataset.addLiteral(DCTerms.issued, dateTime(m, at)));
    Resource catalog = m.createResource(iris.inDocument("datasets/dcat", "catalog").getURI())
        .addProperty(RDF.type, DCAT.Catalog)
        .addProperty(DCTerms.title, "Löftesgrafen: katalog", "sv").addProperty(DCTerms.title, "Löftesgrafen: catalogue", "en")
        .addProperty(DCTerms.description, "Öppna länkade data om medborgarlöften mellan Polisen och Sveriges kommuner.", "sv")
        .addProperty(DCTerms.description, "Open linked data on the citizen promises of the Swedish police and municipalities.", "en")
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(DCTerms.license, licence(m))
        .addProperty(DCTerms.language, SWEDISH)
        .addProperty(DCTerms.spatial, SWEDEN)
        .addProperty(FOAF.homepage, home)
        .addLiteral(DCTerms.modified, dateTime(m, modified))
        .addProperty(DCAT.themeTaxonomy, m.createResource(EU + "data-theme").addProperty(RDF.type, SKOS.ConceptScheme)
            .addProperty(DCTerms.title, "Data theme", "en").addProperty(DCTerms.title, "Datatema", "sv"))
        .addProperty(DCAT.dataset, dataset);
    issued.ifPresent(at -> catalog.addLiteral(DCTerms.issued, dateTime(m, at)));
    Resource service = m.createResource(iris.inDocument("datasets/dcat", "sparql").getURI())
        .addProperty(RDF.type, DCAT.DataService)
        .addProperty(DCTerms.title, "SPARQL 1.1-tjänst för Löftesgrafen", "sv")
        .addProperty(DCTerms.title, "SPARQL 1.1 endpoint of Löftesgrafen", "en")
        .addProperty(DCTerms.description, "Läsbar SPARQL 1.1-ändpunkt med tids- och storleksgränser.", "sv")
        .addProperty(DCTerms.description, "Read-only SPARQL 1.1 endpoint with time and size limits.", "en")
        .addProperty(DCAT.endpointURL, link("sparql"))
        .addProperty(DCAT.endpointDescription, link("sparql"))
        .addProperty(DCAT.servesDataset, dataset)
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(DCTerms.license, licence(m))
        .addProperty(DCAT.contactPoint, contact)
        .addProperty(DCAT.theme, JUSTICE)
        .addProperty(DCAT.keyword, "SPARQL", "sv").addProperty(DCAT.keyword, "SPARQL", "en")
        .addProperty(DCAT.keyword, "medborgarlöfte", "sv").addProperty(DCAT.keyword, "citizen promise", "en")
        .addProperty(DCTerms.conformsTo, standard(m, "https://www.w3.org/TR/sparql11-protocol/",
            "SPARQL 1.1 Protocol"));
    catalog.addProperty(DCAT.service, service);
    distributions(m, dataset, release);
    return m;
  }

  private Resource dataset(Model m, Resource publisher, Resource contact, Instant modified, Resource home) {
    Resource period = m.createResource(iris.inDocument("datasets/dcat", "period").getURI())
        .addProperty(RDF.type, DCTerms.PeriodOfTime)
        .addLiteral(DCAT.startDate, m.createTypedLiteral("2016-01-01", XSDDatatype.XSDdate));
    return m.createResource(iris.inDocument("datasets/dcat", "dataset").getURI())
        .addProperty(RDF.type, DCAT.Dataset)
        .addProperty(DCTerms.title, "Medborgarlöften", "sv").addProperty(DCTerms.title, "Citizen promises", "en")
        .addProperty(DCTerms.description, "Medborgarlöften från kommunernas och Polisens webbsidor: löften, åtaganden,"
            + " aktörer, teman, mätbara mål och undertecknare, med källa och hämtningstid för varje uppgift.", "sv")
        .addProperty(DCTerms.description, "Citizen promises from the web pages of municipalities and the police:"
            + " promises, commitments, actors, themes, targets and signatories, each with its source.", "en")
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(DCAT.contactPoint, contact)
        .addProperty(DCTerms.license, licence(m))
        .addProperty(DCAT.theme, JUSTICE)
        .addProperty(DCAT.keyword, "medborgarlöfte", "sv").addProperty(DCAT.keyword, "polisen", "sv")
        .addProperty(DCAT.keyword, "kommun", "sv").addProperty(DCAT.keyword, "trygghet", "sv")
        .addProperty(DCAT.keyword, "citizen promise", "en")
        .addProperty(DCTerms.spatial, SWEDEN)
        .addProperty(DCTerms.temporal, period)
        .addProperty(DCTerms.language, SWEDISH)
        .addProperty(DCTerms.accessRights, PUBLIC)
        .addProperty(DCTerms.conformsTo, standard(m, LG.getURI().getURI(), "Löftesgrafen vocabulary"))
        .addProperty(DCAT.landingPage, home)
        .addProperty(DCTerms.accrualPeriodicity, m.createResource(AccrualPeriodicity.FREQUENCY
            + settings.accrualPeriodicity().orElseGet(() -> AccrualPeriodicity.code(harvestSchedule))))
        .addLiteral(DCTerms.modified, dateTime(m, modified));
  }

  private void distributions(Model m, Resource dataset, Optional<DumpWriter.Release> release) {
    record Dist(String file, String fragment, String mediaType, String format, String sv, String en) {
    }
    // dct:format codes of the EU file-type table (http://publications.europa.eu/resource/authority/file-type)
    List<Dist> all = List.of(
        new Dist(DumpWriter.NQUADS, "dump-nquads", "application/n-quads", "RDF_N_QUADS",
            "Hela grafen som N-Quads (gzip), en namngiven graf per hämtad sida",
            "The whole graph as N-Quads (gzip), one named graph per harvested page"),
        new Dist(DumpWriter.NQUADS_PLAIN, "dump-nquads-plain", "application/n-quads", "RDF_N_QUADS",
            "Hela grafen som N-Quads, gzip-kodad i överföringen när klienten tar emot det",
            "The whole graph as N-Quads, gzip-coded on the wire for a client that accepts it"),
        new Dist(DumpWriter.JSONLD, "dump-jsonld", "application/ld+json", "JSON_LD",
            "Hela grafen som JSON-LD", "The whole graph as JSON-LD"),
        new Dist(DumpWriter.CSV, "dump-csv", "text/csv", "CSV",
            "Åtagandena som en platt tabell (CSV), en rad per åtagande",
            "The commitments as a flat CSV table, one row per commitment"));
    for (Dist d : all) {
      Resource dist = m.createResource(iris.inDocument("datasets/dcat", d.fragment()).getURI())
          .addProperty(RDF.type, DCAT.Distribution)
          .addProperty(DCTerms.title, d.sv(), "sv").addProperty(DCTerms.title, d.en(), "en")
          .addProperty(DCTerms.description, d.sv(), "sv").addProperty(DCTerms.description, d.en(), "en")
          .addProperty(DCAT.accessURL, link("dumps/" + d.file()))
          .addProperty(DCAT.downloadURL, link("dumps/" + d.file()))
          .addProperty(DCAT.mediaType, mediaType(m, d.mediaType()))
          .addProperty(DCTerms.format, fileType(m, d.format()))
          .addProperty(DCTerms.license, licence(m))
          .addProperty(AVAILABILITY, available(m));
      if (d.file().endsWith(".gz")) {
        // one gzip-compressed file; nothing is packaged (no tar or zip), so no dcat:packageFormat
        dist.addProperty(DCAT.compressFormat, mediaType(m, "application/gzip"));
      }
      release.flatMap(r -> r.files().stream().filter(f -> f.name().equals(d.file())).findFirst()
          .map(DumpWriter.DumpFile::bytes)
          .or(() -> Optional.of(r.nquadsBytes()).filter(b -> d.file().equals(DumpWriter.NQUADS_PLAIN))))
          .ifPresent(bytes -> {
            dist.addLiteral(DCAT.byteSize, m.createTypedLiteral(Long.toString(bytes), XSDDatatype.XSDnonNegativeInteger));
            dist.addLiteral(DCTerms.modified, m.createTypedLiteral(release.get().date(), XSDDatatype.XSDdateTime));
          });
      dataset.addProperty(DCAT.distribution, dist);
    }
    Resource sparqlDist = m.createResource(iris.inDocument("datasets/dcat", "dist-sparql").getURI())
        .addProperty(RDF.type, DCAT.Distribution)
        .addProperty(DCTerms.title, "SPARQL-ändpunkt", "sv").addProperty(DCTerms.title, "SPARQL endpoint", "en")
        .addProperty(DCTerms.description, "Frågor med SPARQL 1.1 mot hela grafen", "sv")
        .addProperty(DCTerms.description, "SPARQL 1.1 queries over the whole graph", "en")
        .addProperty(DCAT.accessURL, link("sparql"))
        .addProperty(DCAT.accessService, m.getResource(iris.inDocument("datasets/dcat", "sparql").getURI()))
        .addProperty(DCTerms.format, fileType(m, "SPARQLQ"))
        .addProperty(DCTerms.license, licence(m))
        .addProperty(AVAILABILITY, available(m));
    dataset.addProperty(DCAT.distribution, sparqlDist);
    // the change feed for portals that replicate (LDES 2.0 on TREE); the Atom feeds are for people
    Resource ldes = m.createResource(iris.inDocument("datasets/dcat", "dist-ldes").getURI())
        .addProperty(RDF.type, DCAT.Distribution)
        .addProperty(DCTerms.title, "Ändringsflöde (LDES)", "sv").addProperty(DCTerms.title, "Change feed (LDES)", "en")
        .addProperty(DCTerms.description, "Varje version av varje medborgarlöfte med sin tid, sidindelad per dag;"
            + " alla versioner behålls", "sv")
        .addProperty(DCTerms.description, "Every version of every citizen promise with its time, paged by day;"
            + " every version is kept", "en")
        .addProperty(DCAT.accessURL, link("ldes"))
        .addProperty(DCAT.mediaType, mediaType(m, "text/turtle"))
        .addProperty(DCTerms.format, fileType(m, "RDF_TURTLE"))
        .addProperty(DCTerms.conformsTo, standard(m, "https://w3id.org/ldes/specification",
            "Linked Data Event Streams"))
        .addProperty(DCTerms.license, licence(m))
        .addProperty(AVAILABILITY, available(m));
    dataset.addProperty(DCAT.distribution, ldes);
  }

  /** The data's licence (catalog.license). */
  public java.net.URI license() {
    return settings.license();
  }

  /** An address of this instance (a page, dump or endpoint), under the public URL. */
  private Resource link(String path) {
    return org.apache.jena.rdf.model.ResourceFactory.createResource(publicUrl + path);
  }

  /** The configured data licence (catalog.license); CC0 is typed as public domain, another licence by its IRI. */
  private Resource licence(Model m) {
    Resource licence = m.createResource(settings.license().toString()).addProperty(RDF.type, DCTerms.LicenseDocument);
    if (licence.getURI().equals(CC0.getURI())) {
      licence.addProperty(DCTerms.type, concept(m, "http://purl.org/adms/licencetype/PublicDomain",
          "http://purl.org/adms/licencetype/1.0", "Public domain"));
    }
    return licence;
  }

  /*
   * The classes DCAT-AP 3.0.1 expects of values (range.ttl), stated here since a harvester may not hold the tables
   * they come from: a web page is a foaf:Document, a specification a dct:Standard, an IANA media type a
   * dct:MediaType, an EU file type a dct:MediaTypeOrExtent, a code of another table a skos:Concept of its scheme.
   */

  private static Resource document(Model m, String iri, String sv, String en) {
    return m.createResource(iri).addProperty(RDF.type, FOAF.Document)
        .addProperty(DCTerms.title, sv, "sv").addProperty(DCTerms.title, en, "en");
  }

  private static Resource standard(Model m, String iri, String title) {
    return m.createResource(iri).addProperty(RDF.type, DCTerms.Standard).addProperty(DCTerms.title, title, "en");
  }

  private static Resource mediaType(Model m, String type) {
    return m.createResource(IANA + type).addProperty(RDF.type, DCTerms.MediaType);
  }

  private static Resource fileType(Model m, String code) {
    return m.createResource(EU + "file-type/" + code).addProperty(RDF.type, DCTerms.MediaTypeOrExtent);
  }

  private static Resource available(Model m) {
    return concept(m, AVAILABLE.getURI(), EU + "planned-availability", "stable");
  }

  private static Resource concept(Model m, String iri, String scheme, String label) {
    return m.createResource(iri).addProperty(RDF.type, SKOS.Concept)
        .addProperty(SKOS.inScheme, m.createResource(scheme)).addProperty(SKOS.prefLabel, label, "en");
  }

  /** VoID: the dataset with its SPARQL endpoint, dumps, size and vocabularies. */
  public Model voidDescription(long triples, Optional<DumpWriter.Release> release, Instant modified) {
    Model m = model();
    Resource d = m.createResource(iris.inDocument(".well-known/void", "dataset").getURI())
        .addProperty(RDF.type, VOID.Dataset)
        .addProperty(DCTerms.title, "Löftesgrafen", "sv").addProperty(DCTerms.title, "Löftesgrafen", "en")
        .addProperty(DCTerms.description, "Medborgarlöften som länkade data.", "sv")
        .addProperty(DCTerms.description, "Citizen promises as linked data.", "en")
        .addProperty(DCTerms.license, m.createResource(settings.license().toString()))
        .addLiteral(DCTerms.modified, dateTime(m, modified))
        .addProperty(VOID.sparqlEndpoint, link("sparql"))
        .addProperty(VOID.uriSpace, iris.page("id/").getURI())
        .addLiteral(VOID.triples, m.createTypedLiteral(Long.toString(triples), XSDDatatype.XSDinteger))
        .addProperty(VOID.rootResource, iris.page("id/kommun/1492"))
        .addProperty(VOID.exampleResource, iris.page("id/kommun/1492"))
        .addProperty(m.createProperty(DCTerms.NS, "source"), m.getResource(iris.inDocument("datasets/dcat", "dataset").getURI()));
    // the dumps an RDF client reads from the URL as they are: N-Quads (gzip-coded only when it says it takes gzip)
    for (String file : List.of(DumpWriter.NQUADS_PLAIN, DumpWriter.JSONLD)) {
      d.addProperty(VOID.dataDump, link("dumps/" + file));
    }
    for (String vocabulary : VOCABULARIES) {
      d.addProperty(VOID.vocabulary, m.createResource(vocabulary));
    }
    release.ifPresent(r -> d.addProperty(m.createProperty(LG.NS, "dataVersion"), Long.toString(r.version())));
    return m;
  }

  /** SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) of {@code /sparql}. */
  public Model serviceDescription() {
    Model m = model();
    m.setNsPrefix("sd", SD);
    Property p = m.createProperty(SD, "endpoint");
    Resource service = m.createResource(iris.inDocument("sparql", "service").getURI())
        .addProperty(RDF.type, m.createResource(SD + "Service"))
        .addProperty(p, link("sparql"))
        .addProperty(m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
        // not sd:DereferencesURIs: FROM <http://...> is never fetched (the service reads only its own store)
        .addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "UnionDefaultGraph"));
    for (SparqlFormat f : SparqlFormat.values()) {
      service.addProperty(m.createProperty(SD, "resultFormat"), m.createResource(FORMATS + switch (f) {
        case JSON -> "SPARQL_Results_JSON";
        case XML -> "SPARQL_Results_XML";
        case CSV -> "SPARQL_Results_CSV";
        case TSV -> "SPARQL_Results_TSV";
        case TURTLE -> "Turtle";
        case JSONLD -> "JSON-LD";
        case NTRIPLES -> "N-Triples";
        case RDFXML -> "RDF_XML";
      }));
    }
    // the function library a public query may call (graph.sparql.QueryPolicy refuses any other)
    se.loftesgrafen.graph.sparql.FunctionLibrary library = se.loftesgrafen.graph.sparql.FunctionLibrary.standard();
    library.functions().forEach(f -> service.addProperty(m.createProperty(SD, "extensionFunction"),
        m.createResource(f).addProperty(RDF.type, m.createResource(SD + "Function"))));
    library.propertyFunctions().forEach(f -> service.addProperty(m.createProperty(SD, "feature"),
        m.createResource(f).addProperty(RDF.type, m.createResource(SD + "Feature"))
            .addProperty(RDFS.comment, "property function", "en")));
    Resource dataset = m.createResource(iris.inDocument("sparql", "dataset").getURI())
        .addProperty(RDF.type, m.createResource(SD + "Dataset"))
        .addProperty(m.createProperty(SD, "defaultGraph"), m.createResource(iris.inDocument("sparql", "union").getURI())
            .addProperty(RDF.type, m.createResource(SD + "Graph")))
        .addProperty(DCTerms.source, m.getResource(iris.inDocument(".well-known/void", "dataset").getURI()));
    service.addProperty(m.createProperty(SD, "defaultDataset"), dataset);
    return m;
  }

  private static Literal dateTime(Model m, Instant instant) {
    return m.createTypedLiteral(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
  }

  private static Model model() {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("dcat", DCAT.NS).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("foaf", FOAF.NS)
        .setNsPrefix("vcard", VCARD4.NS).setNsPrefix("void", VOID.NS).setNsPrefix("xsd", XSDDatatype.XSD + "#")
        .setNsPrefix("rdf", RDF.uri).setNsPrefix("rdfs", RDFS.uri).setNsPrefix("lg", LG.NS)
        .setNsPrefix("skos", SKOS.uri).setNsPrefix("owl", OWL.NS).setNsPrefix("dcatap", "http://data.europa.eu/r5r/")
        .setNsPrefix("sd", SD);
    return m;
  }
}
