package se.loftesgrafen.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.followup.PageReading;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/**
 * Turns one extracted promise and the provenance of its page into the RDF of the page's named graph,
 * with the vocabulary of vocab/loftesgrafen.ttl. Pages that state no promise keep only their provenance.
 */
public final class PromiseMapper {
  private final Iris iris;
  private final String extractorVersion;

  public PromiseMapper(Iris iris, String extractorVersion) {
    this.iris = iris;
    this.extractorVersion = extractorVersion;
  }

  /** The content of the snapshot's named graph. */
  public Model map(ExtractedPromise promise, SnapshotInfo snapshot) {
    Model m = ModelFactory.createDefaultModel();
    Resource source = snapshot(m, snapshot);
    if (promise.isPromise() && !promise.municipalities().isEmpty()) {
      promise(m, promise, snapshot, source);
    }
    return m;
  }

  /**
   * The content of the snapshot's named graph for a page read both ways: the promise it states (if any) and the
   * follow-up report it gives (if any), both derived from the same snapshot.
   */
  public Model map(PageReading reading, SnapshotInfo snapshot) {
    Model m = map(reading.promise(), snapshot);
    reading.followUp().ifPresent(report -> new FollowUpMapper(iris, this, extractorVersion)
        .add(m, reading.promise(), report, snapshot, m.createResource(iris.snapshot(snapshot.url(),
            snapshot.sha256()).getURI())));
    return m;
  }

  /** The report IRI of a page's follow-up, when it gives one. */
  public Optional<Resource> reportIri(PageReading reading, SnapshotInfo snapshot) {
    return reading.followUp().map(r -> FollowUpMapper.reportIri(iris, reading.promise(), r, snapshot));
  }

  /** The promise IRI of an extracted promise, when it states one for known municipalities. */
  public Optional<Resource> promiseIri(ExtractedPromise promise, SnapshotInfo snapshot) {
    if (!promise.isPromise() || promise.municipalities().isEmpty()) {
      return Optional.empty();
    }
    List<String> codes = promise.municipalities().stream().map(ExtractedPromise.MunicipalityRef::code).sorted().toList();
    String key = promise.period().map(PromiseMapper::periodKey).filter(k -> !k.isEmpty())
        .orElse("okand-" + Iris.shortHash(snapshot.url()));
    return Optional.of(iris.promise(codes, key));
  }

  private Resource snapshot(Model m, SnapshotInfo s) {
    Resource r = m.createResource(iris.snapshot(s.url(), s.sha256()).getURI())
        .addProperty(RDF.type, LG.SourceSnapshot)
        .addProperty(RDF.type, PROV.Entity)
        .addProperty(SchemaDO.url, m.createResource(s.url()))
        .addLiteral(PROV.generatedAtTime, dateTime(m, s))
        .addProperty(DCTerms.format, s.contentType())
        .addProperty(LG.sha256, s.sha256());
    // a status only for what was fetched over HTTP: a page read from a file states none (nothing was fetched)
    s.status().ifPresent(status -> r.addLiteral(LG.httpStatus,
        m.createTypedLiteral(String.valueOf(status), XSDDatatype.XSDinteger)));
    s.warcRecordId().ifPresent(id -> r.addProperty(LG.warcRecord, m.createResource(id)));
    s.warcFile().ifPresent(f -> r.addProperty(LG.warcFile, f));
    s.previous().ifPresent(p -> r.addProperty(PROV.wasRevisionOf, m.createResource(p)));
    Resource run = m.createResource(iris.harvestRun(s.runId()).getURI()).addProperty(RDF.type, LG.HarvestRun);
    r.addProperty(PROV.wasGeneratedBy, run);
    return r;
  }

  private static Literal dateTime(Model m, SnapshotInfo s) {
    return m.createTypedLiteral(s.fetchedAt().toString(), XSDDatatype.XSDdateTime);
  }

  private void promise(Model m, ExtractedPromise p, SnapshotInfo snapshot, Resource source) {
    Resource promise = m.createResource(promiseIri(p, snapshot).orElseThrow().getURI())
        .addProperty(RDF.type, LG.CitizenPromise)
        .addProperty(PROV.wasDerivedFrom, source);
    p.municipalities().forEach(k -> promise.addProperty(LG.municipality, iris.municipality(k.code())));
    p.title().ifPresent(t -> promise.addProperty(DCTerms.title, t, "sv"));
    p.policeArea().ifPresent(a -> promise.addProperty(LG.policeArea,
        m.createResource(iris.policeArea(a).getURI()).addProperty(RDF.type, LG.LocalPoliceArea)
            .addProperty(RDFS.label, a, "sv")));
    p.period().ifPresent(period -> period(m, promise, period));
    p.published().ifPresent(d -> promise.addLiteral(DCTerms.issued, dateLiteral(m, d)));
    p.updated().ifPresent(d -> promise.addLiteral(DCTerms.modified, dateLiteral(m, d)));
    p.basedOn().forEach(b -> promise.addProperty(LG.basedOn, iris.basis(b)));
    p.signatories().forEach(s -> signatory(m, promise, s));
    p.commitments().forEach(c -> commitment(m, promise, source, c));
  }

  static String periodKey(ExtractedPromise.Period period) {
    String from = period.from().map(d -> d.substring(0, 4)).orElse("");
    String to = period.to().map(d -> d.substring(0, 4)).orElse("");
    if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
      return from.isEmpty() ? to : from;
    }
    return from + "-" + to;
  }

  /**
   * The one date model of periods (vocab/README.md): dcat:startDate and dcat:endDate are always xsd:date, a year
   * standing for its first or last day and a month likewise, the stated precision beside them
   * (lg:startPrecision, lg:endPrecision). A page that states one end only gives a promise of that year, as
   * promises usually are: the other end is that year's bound, with precision "year".
   */
  void period(Model m, Resource promise, ExtractedPromise.Period period) {
    promise.addProperty(LG.periodText, period.text(), "sv");
    Optional<String> from = period.from().or(() -> period.to().map(d -> d.substring(0, 4)));
    Optional<String> to = period.to().or(() -> period.from().map(d -> d.substring(0, 4)));
    if (from.filter(PeriodDates::valid).isEmpty() || to.filter(PeriodDates::valid).isEmpty()) {
      return; // no (usable) date: the phrase is all there is
    }
    Resource node = m.createResource(iris.period(promise).getURI()).addProperty(RDF.type, DCTerms.PeriodOfTime)
        .addLiteral(DCAT.startDate, m.createTypedLiteral(PeriodDates.first(from.get()).toString(), XSDDatatype.XSDdate))
        .addProperty(LG.startPrecision, PeriodDates.precision(from.get()))
        .addLiteral(DCAT.endDate, m.createTypedLiteral(PeriodDates.last(to.get()).toString(), XSDDatatype.XSDdate))
        .addProperty(LG.endPrecision, PeriodDates.precision(to.get()));
    promise.addProperty(DCTerms.temporal, node);
  }

  /** YYYY as xsd:gYear, YYYY-MM-DD as xsd:date. */
  private static Literal dateLiteral(Model m, String value) {
    return value.length() == 4
        ? m.createTypedLiteral(value, XSDDatatype.XSDgYear)
        : m.createTypedLiteral(value, XSDDatatype.XSDdate);
  }

  private void signatory(Model m, Resource promise, ExtractedPromise.Signatory s) {
    Resource r = m.createResource(iris.signatory(promise, s.name()).getURI())
        .addProperty(RDF.type, LG.Signatory)
        .addProperty(SchemaDO.name, s.name());
    s.role().ifPresent(v -> r.addProperty(SchemaDO.jobTitle, v, "sv"));
    s.organisation().ifPresent(v -> r.addProperty(SchemaDO.affiliation, v));
    s.party().ifPresent(v -> r.addProperty(LG.politicalParty, v));
    promise.addProperty(LG.signatory, r);
  }

  private void commitment(Model m, Resource promise, Resource source, Commitment c) {
    Resource r = m.createResource(iris.commitment(promise, c.text()).getURI())
        .addProperty(RDF.type, LG.Commitment)
        .addProperty(SchemaDO.text, c.text(), "sv")
        .addProperty(DCTerms.isPartOf, promise)
        .addProperty(LG.kind, c.kind() == Commitment.Kind.GOAL ? LG.goal : LG.activity)
        .addLiteral(LG.textStart, m.createTypedLiteral(c.start(), XSDDatatype.XSDinteger))
        .addLiteral(LG.textEnd, m.createTypedLiteral(c.end(), XSDDatatype.XSDinteger))
        .addProperty(LG.extractorVersion, extractorVersion)
        .addProperty(PROV.wasDerivedFrom, source);
    c.confidence().ifPresent(p -> r
        .addLiteral(LG.confidence, probability(m, p.commitment()))
        .addLiteral(LG.actorsConfidence, probability(m, p.actors()))
        .addLiteral(LG.themesConfidence, probability(m, p.themes())));
    c.actors().forEach(a -> r.addProperty(LG.actor, iris.actor(a == Commitment.Actor.OTHER ? "annan" : a.id())));
    c.themes().forEach(t -> r.addProperty(LG.theme, iris.theme(t)));
    for (int i = 0; i < c.targets().size(); i++) {
      Commitment.Target t = c.targets().get(i);
      r.addProperty(LG.target, m.createResource(iris.target(r, i).getURI())
          .addProperty(RDF.type, LG.Target)
          .addLiteral(SchemaDO.value, m.createTypedLiteral(java.math.BigDecimal.valueOf(t.quantity())))
          .addProperty(SchemaDO.unitText, t.unit())
          .addProperty(LG.counts, t.counted())
          .addProperty(SchemaDO.description, t.text(), "sv"));
    }
    promise.addProperty(LG.commitment, r);
  }

  /**
   * A probability as an xsd:decimal of three decimals in canonical form ("0.9", "1.0", "0.875"): TDB2 and Fuseki give
   * decimals back canonical, so any other lexical form ("0.900") would make every re-extraction of an unchanged page
   * look changed (Reextraction compares graphs term by term).
   */
  static Literal probability(Model m, double p) {
    return m.createTypedLiteral(decimal(p), XSDDatatype.XSDdecimal);
  }

  /** A number in [0, 1] to three decimals, in the canonical lexical form of xsd:decimal. */
  static String decimal(double p) {
    BigDecimal d = BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    if (d.scale() < 1) {
      d = d.setScale(1);
    }
    return d.toPlainString();
  }
}
