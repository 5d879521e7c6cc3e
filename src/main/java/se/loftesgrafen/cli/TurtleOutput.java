package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseMapper;
import se.loftesgrafen.graph.SnapshotInfo;
import se.loftesgrafen.vocab.LG;

/** {@code extract --format turtle}: the RDF that harvesting the files would store, as one Turtle document. */
final class TurtleOutput {
  private final PromiseMapper mapper;
  private final Model model = ModelFactory.createDefaultModel();

  TurtleOutput(String base) {
    this.mapper = new PromiseMapper(new Iris(URI.create(base)), PromiseExtractor.VERSION);
    model.setNsPrefix("lg", LG.NS).setNsPrefix("schema", "https://schema.org/")
        .setNsPrefix("dcterms", "http://purl.org/dc/terms/").setNsPrefix("prov", "http://www.w3.org/ns/prov#")
        .setNsPrefix("dcat", "http://www.w3.org/ns/dcat#").setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#").setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
  }

  void add(ExtractedPromise promise, SourceDocument doc) {
    String type = doc.contentType().orElse(doc.source().toLowerCase().endsWith(".pdf") ? "application/pdf"
        : doc.source().toLowerCase().endsWith(".txt") ? "text/plain" : "text/html");
    SnapshotInfo snapshot = new SnapshotInfo(doc.uri().toString(), Instant.now(), 200, type,
        Iris.sha256Hex(doc.body()), Optional.empty(), Optional.empty(), "extract", Optional.empty());
    model.add(mapper.map(promise, snapshot));
  }

  void write(PrintWriter out) {
    StringWriter text = new StringWriter();
    RDFDataMgr.write(text, model, Lang.TURTLE);
    out.print(text);
    out.flush();
  }
}
