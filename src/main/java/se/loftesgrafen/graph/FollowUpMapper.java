package se.loftesgrafen.graph;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SchemaDO;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.followup.FollowUpItem;
import se.loftesgrafen.extract.followup.FollowUpReport;
import se.loftesgrafen.extract.followup.FollowUpStatus;
import se.loftesgrafen.extract.followup.UnclearReason;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/**
 * A follow-up report as RDF in its page's named graph: the report (lg:FollowUpReport, derived from the snapshot,
 * about the page's municipalities, with the period it follows up and its own verdict), and per item its text,
 * status (lg:followUpStatus), unclear reason, actors and evidence with offsets. Links to the commitments the items
 * follow up are made later, against the stored promises ({@link FollowUpLinker}).
 */
final class FollowUpMapper {
  private final Iris iris;
  private final PromiseMapper promises;
  private final String extractorVersion;

  FollowUpMapper(Iris iris, PromiseMapper promises, String extractorVersion) {
    this.iris = iris;
    this.promises = promises;
    this.extractorVersion = extractorVersion;
  }

  static Resource reportIri(Iris iris, ExtractedPromise page, FollowUpReport report, SnapshotInfo snapshot) {
    List<String> codes = page.municipalities().stream().map(ExtractedPromise.MunicipalityRef::code).sorted().toList();
    String key = report.period().map(PromiseMapper::periodKey).filter(k -> !k.isEmpty()).orElse("okand");
    return iris.followUpReport(codes, key, snapshot.url());
  }

  void add(Model m, ExtractedPromise page, FollowUpReport report, SnapshotInfo snapshot, Resource source) {
    Resource r = m.createResource(reportIri(iris, page, report, snapshot).getURI())
        .addProperty(RDF.type, LG.FollowUpReport)
        .addProperty(RDF.type, PROV.Entity)
        .addProperty(PROV.wasDerivedFrom, source)
        .addProperty(LG.extractorVersion, extractorVersion);
    page.municipalities().forEach(k -> r.addProperty(LG.municipality, iris.municipality(k.code())));
    page.title().ifPresent(t -> r.addProperty(DCTerms.title, t, "sv"));
    report.period().ifPresent(p -> promises.period(m, r, p));
    report.overall().ifPresent(v -> r.addProperty(LG.overallStatus, status(v.status()))
        .addProperty(LG.overallText, v.text(), "sv"));
    for (FollowUpItem i : report.items()) {
      item(m, r, source, i);
    }
  }

  private void item(Model m, Resource report, Resource source, FollowUpItem i) {
    Resource item = m.createResource(iris.followUpItem(report, i.text()).getURI())
        .addProperty(RDF.type, LG.FollowUpItem)
        .addProperty(SchemaDO.text, i.text(), "sv")
        .addProperty(DCTerms.isPartOf, report)
        .addProperty(LG.followUpStatus, status(i.status()))
        .addLiteral(LG.textStart, m.createTypedLiteral(i.start(), XSDDatatype.XSDinteger))
        .addLiteral(LG.textEnd, m.createTypedLiteral(i.start() + i.text().length(), XSDDatatype.XSDinteger))
        .addProperty(PROV.wasDerivedFrom, source);
    i.unclearReason().ifPresent(u -> item.addProperty(LG.unclearReason, reason(u)));
    i.actors().forEach(a -> item.addProperty(LG.actor, iris.actor("other".equals(a) ? "annan" : a)));
    for (int k = 0; k < i.evidence().size(); k++) {
      FollowUpItem.Evidence e = i.evidence().get(k);
      item.addProperty(LG.evidence, m.createResource(iris.evidence(item, k).getURI())
          .addProperty(RDF.type, LG.Evidence)
          .addProperty(SchemaDO.text, e.text(), "sv")
          .addLiteral(LG.textStart, m.createTypedLiteral(e.start(), XSDDatatype.XSDinteger))
          .addLiteral(LG.textEnd, m.createTypedLiteral(e.start() + e.text().length(), XSDDatatype.XSDinteger)));
    }
    report.addProperty(LG.followUpItem, item);
  }

  /** The concept of a status: unclear is "går inte att bedöma" (lg:uncheckable), with its reason beside it. */
  static Resource status(FollowUpStatus s) {
    return switch (s) {
      case KEPT -> LG.kept;
      case PARTLY -> LG.partlyKept;
      case NOT_KEPT -> LG.notKept;
      case UNCLEAR -> LG.uncheckable;
    };
  }

  private static Resource reason(UnclearReason u) {
    return switch (u) {
      case CUT -> LG.reportCut;
      case NOT_MENTIONED -> LG.notMentioned;
      case NO_TARGET -> LG.noTarget;
      case OUTCOME -> LG.outcomeOnly;
    };
  }
}
