package se.loftesgrafen.outcomes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;
import se.loftesgrafen.vocab.QB;

/**
 * The outcome figures as a W3C RDF Data Cube (https://www.w3.org/TR/vocab-data-cube/): one qb:DataSet whose
 * structure has the dimensions municipality, year and indicator (the KPI, a skos:Concept of a code list), the
 * measure value and the attribute unit (sdmx-attribute:unitMeasure, on every observation). The KPI is a dimension
 * rather than one measure property per KPI with qb:measureType because the figures are sparse (NTU in some years,
 * violent crime complete from 2017): IC-17 requires a measure-type cube to have every measure at every point.
 * Observations are written normalised (typed, with qb:dataSet), as the integrity constraints assume (section 11.1).
 */
public final class OutcomeCube {
  private final OutcomeIris iris;

  public OutcomeCube(OutcomeIris iris) {
    this.iris = iris;
  }

  /** The graph of the data set, its structure, KPI concepts, units, provenance and every observation. */
  public Graph build(OutcomeData data, String checksum) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("qb", QB.NS).setNsPrefix("lgu", OutcomeTerms.NS).setNsPrefix("skos", SKOS.uri)
        .setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("prov", PROV.NS);
    Resource dataSet = dataSet(m, data.source(), checksum);
    structure(m);
    Map<String, Resource> kpis = kpis(m, data);
    Map<String, Resource> units = new LinkedHashMap<>();
    for (Outcome o : data.outcomes()) {
      Resource unit = units.computeIfAbsent(o.unit(), label -> m.createResource(iris.unit(label).getURI())
          .addProperty(RDF.type, SKOS.Concept).addProperty(SKOS.prefLabel, label, "sv"));
      m.createResource(iris.observation(o).getURI())
          .addProperty(RDF.type, QB.Observation)
          .addProperty(QB.dataSet, dataSet)
          .addProperty(OutcomeTerms.municipality, iris.municipality(o.code()))
          .addLiteral(OutcomeTerms.year, m.createTypedLiteral(Integer.toString(o.year()), XSDDatatype.XSDgYear))
          .addProperty(OutcomeTerms.indicator, kpis.get(o.kpi()))
          .addLiteral(OutcomeTerms.value, m.createTypedLiteral(o.value().toPlainString(), XSDDatatype.XSDdecimal))
          .addProperty(QB.unitMeasure, unit);
    }
    return m.getGraph();
  }

  private Resource dataSet(Model m, OutcomeSource source, String checksum) {
    Resource copy = m.createResource(iris.sourceCopy().getURI())
        .addProperty(RDF.type, PROV.Entity)
        .addProperty(RDFS.label, "Kopia av Koladas öppna API (" + source.retrieved() + ")", "sv")
        .addProperty(RDFS.label, "Copy of Kolada's open API (" + source.retrieved() + ")", "en")
        .addProperty(DCTerms.source, m.createResource(source.api()))
        .addLiteral(DCTerms.created, m.createTypedLiteral(source.retrieved(),
            source.retrieved().length() == 7 ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDdate));
    return m.createResource(iris.dataSet().getURI())
        .addProperty(RDF.type, QB.DataSet)
        .addProperty(RDF.type, PROV.Entity)
        .addProperty(QB.structure, m.createResource(iris.structure().getURI()))
        .addProperty(DCTerms.title, source.titleSv(), "sv")
        .addProperty(DCTerms.title, source.titleEn(), "en")
        .addProperty(DCTerms.description, source.descriptionEn(), "en")
        .addProperty(DCTerms.source, m.createResource(source.homepage()))
        .addProperty(DCTerms.bibliographicCitation, source.attribution(), "sv")
        .addProperty(DCTerms.rights, source.termsEn(), "en")
        .addProperty(PROV.wasDerivedFrom, copy)
        .addProperty(OWL.versionInfo, "sha256:" + checksum);
  }

  private void structure(Model m) {
    Resource dsd = m.createResource(iris.structure().getURI()).addProperty(RDF.type, QB.DataStructureDefinition)
        .addProperty(RDFS.label, "Utfall per kommun, år och nyckeltal", "sv")
        .addProperty(RDFS.label, "Outcomes per municipality, year and key figure", "en");
    component(m, dsd, "kommun", QB.dimension, 1, OutcomeTerms.municipality, QB.DimensionProperty, LG.Municipality,
        QB.refArea, "kommun", "municipality");
    component(m, dsd, "ar", QB.dimension, 2, OutcomeTerms.year, QB.DimensionProperty, XSD.gYear,
        QB.refPeriod, "år", "year");
    Resource indicator = component(m, dsd, "nyckeltal", QB.dimension, 3, OutcomeTerms.indicator,
        QB.DimensionProperty, SKOS.Concept, null, "nyckeltal (Kolada-KPI)", "key figure (Kolada KPI)");
    indicator.addProperty(RDF.type, QB.CodedProperty).addProperty(QB.codeList, iris.kpiScheme());
    component(m, dsd, "varde", QB.measure, 4, OutcomeTerms.value, QB.MeasureProperty, XSD.decimal, null,
        "värde", "value");
    // sdmx-attribute:unitMeasure is SDMX-RDF's, described there; here only its use, required on every observation.
    Resource unitSpec = m.createResource(iris.componentSpec("enhet").getURI()).addProperty(RDF.type,
            QB.ComponentSpecification).addProperty(QB.attribute, QB.unitMeasure)
        .addProperty(QB.componentProperty, QB.unitMeasure).addLiteral(QB.componentRequired, true)
        .addLiteral(QB.order, m.createTypedLiteral("5", XSDDatatype.XSDinteger));
    dsd.addProperty(QB.component, unitSpec);
  }

  private Resource component(Model m, Resource dsd, String name, Property kind, int order, Property property,
                             Resource type, Resource range, Property specialises, String sv, String en) {
    Resource spec = m.createResource(iris.componentSpec(name).getURI()).addProperty(RDF.type,
            QB.ComponentSpecification).addProperty(kind, property).addProperty(QB.componentProperty, property)
        .addLiteral(QB.order, m.createTypedLiteral(Integer.toString(order), XSDDatatype.XSDinteger));
    dsd.addProperty(QB.component, spec);
    Resource p = m.createResource(property.getURI()).addProperty(RDF.type, type)
        .addProperty(RDF.type, QB.ComponentProperty).addProperty(RDF.type, RDF.Property)
        .addProperty(RDFS.label, sv, "sv").addProperty(RDFS.label, en, "en").addProperty(RDFS.range, range);
    if (specialises != null) {
      p.addProperty(RDFS.subPropertyOf, specialises);
    }
    return p;
  }

  private Map<String, Resource> kpis(Model m, OutcomeData data) {
    OutcomeSource source = data.source();
    Resource scheme = m.createResource(iris.kpiScheme().getURI()).addProperty(RDF.type, SKOS.ConceptScheme)
        .addProperty(SKOS.prefLabel, "Koladas nyckeltal", "sv").addProperty(SKOS.prefLabel, "Kolada key figures", "en");
    Map<String, Resource> out = new LinkedHashMap<>();
    for (Measure measure : data.measures()) {
      Resource kpi = m.createResource(iris.kpi(measure.kpi()).getURI())
          .addProperty(RDF.type, SKOS.Concept)
          .addProperty(SKOS.inScheme, scheme)
          .addProperty(SKOS.notation, measure.kpi())
          .addProperty(DCTerms.identifier, measure.slug())
          .addProperty(SKOS.prefLabel, measure.labelSv(), "sv")
          .addProperty(SKOS.prefLabel, measure.labelEn(), "en")
          .addProperty(SKOS.definition, measure.definition(), "en")
          .addProperty(DCTerms.source, m.createResource(source.api() + "kpi/" + measure.kpi()))
          .addProperty(PROV.wasDerivedFrom, m.createResource(iris.sourceCopy().getURI()));
      scheme.addProperty(SKOS.hasTopConcept, kpi);
      out.put(measure.kpi(), kpi);
    }
    return out;
  }
}
