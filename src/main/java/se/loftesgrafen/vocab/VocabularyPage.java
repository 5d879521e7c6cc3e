package se.loftesgrafen.vocab;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The human-readable vocabulary page (served at /def and /vocab): every class, property and concept of the
 * ontology and the concept schemes, with Swedish and English labels and comments, domain, range, and example,
 * generated from the Turtle. Built with Jsoup, which escapes all text. Pure: no I/O after {@link #create}.
 */
public final class VocabularyPage {
  private static final List<String> LANGS = List.of("sv", "en");

  private final Model model;
  private final String html;

  private VocabularyPage(Model model, String baseIri) {
    this.model = model;
    this.html = render(model, baseIri);
  }

  /** The ontology and the concept schemes of vocab/ (not the municipality register), against the base IRI. */
  public static VocabularyPage create(String baseIri) {
    return new VocabularyPage(model(baseIri), baseIri);
  }

  /** The vocabulary as one model: ontology, actor and basis concepts, theme schemes; with prefixes. */
  public static Model model(String baseIri) {
    Model model = ModelFactory.createDefaultModel();
    for (String resource : List.of(VocabularyFiles.ONTOLOGY, VocabularyFiles.CONCEPTS, VocabularyFiles.THEMES)) {
      VocabularyFiles.parseInto(model.getGraph(), resource, baseIri);
    }
    return model;
  }

  /** The model the page shows (read-only by convention: the web layer serialises it as Turtle and JSON-LD). */
  public Model model() {
    return model;
  }

  public String html() {
    return html;
  }

  /** Our IRIs are names under the base; the page links them to the service that shows it, at the same path. */
  static String link(String iri, String baseIri) {
    return iri.startsWith(baseIri) ? "/" + iri.substring(baseIri.length()) : iri;
  }

  private static String render(Model model, String baseIri) {
    Document doc = Document.createShell("");
    doc.prependChild(new DocumentType("html", "", ""));
    doc.outputSettings().prettyPrint(true);
    doc.selectFirst("html").attr("lang", "sv");
    Resource ontology = model.listSubjectsWithProperty(RDF.type, OWL.Ontology).next();
    String title = text(ontology, RDFS.label, "sv") + " · " + text(ontology, RDFS.label, "en");
    doc.title(title);
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    doc.head().appendElement("style").appendText(CSS);
    Element body = doc.body();
    header(body, ontology, title, baseIri);
    List<Resource> classes = sorted(model.listSubjectsWithProperty(RDF.type, OWL.Class).toList());
    List<Resource> properties = sorted(model.listSubjects().toList().stream()
        .filter(r -> r.hasProperty(RDF.type, OWL.ObjectProperty) || r.hasProperty(RDF.type, OWL.DatatypeProperty))
        .toList());
    List<Resource> schemes = sorted(model.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList());
    toc(body, model, classes, properties, schemes);
    Element section = body.appendElement("section").attr("id", "klasser");
    section.appendElement("h2").text("Klasser · Classes");
    classes.forEach(c -> term(section, model, c, "Klass · Class"));
    Element props = body.appendElement("section").attr("id", "egenskaper");
    props.appendElement("h2").text("Egenskaper · Properties");
    properties.forEach(p -> term(props, model, p, kind(p)));
    Element concepts = body.appendElement("section").attr("id", "begrepp");
    concepts.appendElement("h2").text("Begreppsscheman · Concept schemes");
    schemes.forEach(s -> scheme(concepts, model, s, baseIri));
    return doc.outerHtml();
  }

  private static void header(Element body, Resource ontology, String title, String baseIri) {
    body.appendElement("h1").text(title);
    for (String lang : LANGS) {
      body.appendElement("p").attr("lang", lang).text(text(ontology, RDFS.comment, lang));
    }
    Element dl = body.appendElement("dl").addClass("meta");
    item(dl, "Namnrymd · Namespace", LG.NS);
    item(dl, "Prefix", "lg:");
    item(dl, "Version", string(ontology, OWL2.versionInfo));
    item(dl, "Versions-IRI · Version IRI", Optional.ofNullable(ontology.getPropertyResourceValue(OWL2.versionIRI))
        .map(Resource::getURI).orElse(""));
    Element formats = dl.appendElement("dt").text("Format").parent().appendElement("dd");
    formats.appendElement("a").attr("href", "?format=turtle").text("Turtle");
    formats.appendText(" · ");
    formats.appendElement("a").attr("href", "?format=jsonld").text("JSON-LD");
    formats.appendText(" · ");
    formats.appendElement("a").attr("href", link(JsonLdContext.url(baseIri), baseIri)).text("JSON-LD context v1");
  }

  private static void toc(Element body, Model model, List<Resource> classes, List<Resource> properties,
                          List<Resource> schemes) {
    Element nav = body.appendElement("nav");
    nav.appendElement("h2").text("Innehåll · Contents");
    Element ul = nav.appendElement("ul");
    for (Resource r : classes) {
      ul.appendElement("li").appendElement("a").attr("href", "#" + anchor(r)).text(local(model, r));
    }
    Element ul2 = nav.appendElement("ul");
    for (Resource r : properties) {
      ul2.appendElement("li").appendElement("a").attr("href", "#" + anchor(r)).text(local(model, r));
    }
    Element ul3 = nav.appendElement("ul");
    for (Resource r : schemes) {
      ul3.appendElement("li").appendElement("a").attr("href", "#" + anchor(r)).text(text(r, SKOS.prefLabel, "sv"));
    }
  }

  private static void term(Element parent, Model model, Resource term, String kind) {
    Element article = parent.appendElement("article").attr("id", anchor(term));
    article.appendElement("h3").text(local(model, term)).appendElement("span").addClass("kind").text(kind);
    article.appendElement("p").addClass("iri").appendElement("code").text(term.getURI());
    for (String lang : LANGS) {
      Element p = article.appendElement("p").attr("lang", lang);
      p.appendElement("strong").text(text(term, RDFS.label, lang));
      p.appendText(": " + text(term, RDFS.comment, lang));
    }
    Element dl = article.appendElement("dl");
    links(dl, model, "Överklass · Subclass of", term, RDFS.subClassOf);
    links(dl, model, "Överegenskap · Subproperty of", term, RDFS.subPropertyOf);
    links(dl, model, "Domän · Domain", term, RDFS.domain);
    links(dl, model, "Värdemängd · Range", term, RDFS.range);
    if (term.hasProperty(RDF.type, OWL.Class)) {
      List<RDFNode> used = model.listSubjectsWithProperty(RDFS.domain, term).toList().stream()
          .map(r -> (RDFNode) r).toList();
      linkList(dl, model, "Egenskaper · Properties", used);
      linkList(dl, model, "Instanser · Instances",
          model.listSubjectsWithProperty(RDF.type, term).toList().stream().map(r -> (RDFNode) r).toList());
    }
    if (term.hasProperty(SKOS.example)) {
      article.appendElement("pre").addClass("example").appendElement("code").text(string(term, SKOS.example));
    }
  }

  private static void scheme(Element parent, Model model, Resource scheme, String baseIri) {
    Element article = parent.appendElement("article").attr("id", anchor(scheme));
    article.appendElement("h3").text(text(scheme, SKOS.prefLabel, "sv") + " · " + text(scheme, SKOS.prefLabel, "en"));
    article.appendElement("p").addClass("iri").appendElement("code").text(scheme.getURI());
    for (String lang : LANGS) {
      String definition = Optional.of(text(scheme, SKOS.definition, lang)).filter(s -> !s.isEmpty())
          .orElse(text(scheme, RDFS.comment, lang));
      article.appendElement("p").attr("lang", lang).text(definition);
    }
    Element table = article.appendElement("table");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("Notation", "Svenska", "English", "Definition", "Även · Also (sv)")) {
      head.appendElement("th").text(h);
    }
    Element tbody = table.appendElement("tbody");
    List<Resource> concepts = model.listSubjectsWithProperty(SKOS.inScheme, scheme).toList();
    for (Resource concept : ordered(concepts)) {
      Element tr = tbody.appendElement("tr").attr("id", anchor(concept));
      Element first = tr.appendElement("td");
      Resource broader = concept.getPropertyResourceValue(SKOS.broader);
      if (broader != null) {
        first.addClass("narrower").appendText("↳ ");
      }
      first.appendElement("a").attr("href", link(concept.getURI(), baseIri)).appendElement("code").text(string(concept, SKOS.notation));
      tr.appendElement("td").attr("lang", "sv").text(text(concept, SKOS.prefLabel, "sv"));
      tr.appendElement("td").attr("lang", "en").text(text(concept, SKOS.prefLabel, "en"));
      Element def = tr.appendElement("td");
      for (String lang : LANGS) {
        String d = text(concept, SKOS.definition, lang).isEmpty()
            ? text(concept, RDFS.comment, lang) : text(concept, SKOS.definition, lang);
        def.appendElement("p").attr("lang", lang).text(d);
      }
      List<String> alt = concept.listProperties(SKOS.altLabel).toList().stream()
          .map(Statement::getLiteral).filter(l -> "sv".equals(l.getLanguage())).map(l -> l.getLexicalForm())
          .sorted().toList();
      tr.appendElement("td").attr("lang", "sv").addClass("alt").text(String.join(", ", alt));
    }
  }

  /** Top concepts in notation order, each followed by its narrower concepts. */
  private static List<Resource> ordered(List<Resource> concepts) {
    Comparator<Resource> byNotation = Comparator.comparing(c -> string(c, SKOS.notation));
    List<Resource> tops = concepts.stream().filter(c -> !c.hasProperty(SKOS.broader)).sorted(byNotation).toList();
    return tops.stream()
        .flatMap(top -> java.util.stream.Stream.concat(java.util.stream.Stream.of(top),
            concepts.stream().filter(c -> c.hasProperty(SKOS.broader, top)).sorted(byNotation)))
        .toList();
  }

  private static void links(Element dl, Model model, String label, Resource term, org.apache.jena.rdf.model.Property p) {
    linkList(dl, model, label, term.listProperties(p).toList().stream().map(Statement::getObject)
        .flatMap(VocabularyPage::members).toList());
  }

  /** A class given as an owl:unionOf (a domain shared by two classes) stands for its members. */
  private static java.util.stream.Stream<RDFNode> members(RDFNode value) {
    if (value.isAnon() && value.asResource().hasProperty(OWL.unionOf)) {
      return value.asResource().getPropertyResourceValue(OWL.unionOf).as(org.apache.jena.rdf.model.RDFList.class)
          .asJavaList().stream();
    }
    return java.util.stream.Stream.of(value);
  }

  private static void linkList(Element dl, Model model, String label, List<RDFNode> values) {
    if (values.isEmpty()) {
      return;
    }
    dl.appendElement("dt").text(label);
    Element dd = dl.appendElement("dd");
    List<RDFNode> sorted = values.stream().sorted(Comparator.comparing(RDFNode::toString)).toList();
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        dd.appendText(", ");
      }
      Resource r = sorted.get(i).asResource();
      String href = r.getURI().startsWith(LG.NS) ? "#" + anchor(r) : r.getURI();
      dd.appendElement("a").attr("href", href).appendElement("code").text(local(model, r));
    }
  }

  private static void item(Element dl, String term, String value) {
    dl.appendElement("dt").text(term);
    dl.appendElement("dd").appendElement("code").text(value);
  }

  private static String kind(Resource property) {
    return property.hasProperty(RDF.type, OWL.ObjectProperty)
        ? "Objektegenskap · Object property" : "Dataegenskap · Datatype property";
  }

  /** Our terms by local name (the namespace's fragment), schemes and concepts by notation or path. */
  private static String anchor(Resource r) {
    String uri = r.getURI();
    if (uri.startsWith(LG.NS)) {
      return uri.substring(LG.NS.length());
    }
    int id = uri.indexOf("/id/");
    return id < 0 ? uri.replaceAll("[^A-Za-z0-9]+", "-") : uri.substring(id + 4).replace('/', '-');
  }

  private static String local(Model model, Resource r) {
    PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(model.getNsPrefixMap())
        .setNsPrefix("schema", "https://schema.org/").setNsPrefix("org", "http://www.w3.org/ns/org#")
        .setNsPrefix("prov", "http://www.w3.org/ns/prov#");
    String shortForm = prefixes.shortForm(r.getURI());
    return shortForm.equals(r.getURI()) ? "<" + r.getURI() + ">" : shortForm;
  }

  private static List<Resource> sorted(List<Resource> resources) {
    return resources.stream().filter(Resource::isURIResource)
        .sorted(Comparator.comparing(Resource::getURI, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  private static String text(Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    return r.listProperties(p).toList().stream()
        .map(Statement::getObject).filter(RDFNode::isLiteral).map(RDFNode::asLiteral)
        .filter(l -> lang.equals(l.getLanguage()))
        .map(l -> l.getLexicalForm()).findFirst().orElse("");
  }

  private static String string(Resource r, org.apache.jena.rdf.model.Property p) {
    Statement s = r.getProperty(p);
    return s == null ? "" : s.getObject().isLiteral() ? s.getString() : s.getObject().toString();
  }

  private static final String CSS = """
      body{font-family:system-ui,sans-serif;max-width:72rem;margin:auto;padding:1rem;line-height:1.45;color:#222}
      code{font-family:ui-monospace,monospace;font-size:.92em} pre.example{background:#f4f4f4;padding:.6rem;overflow-x:auto;white-space:pre-wrap}
      article{border-top:1px solid #ddd;padding:.4rem 0} .kind{font-weight:normal;font-size:.8em;color:#666;margin-left:.8em}
      .iri{color:#555} dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{font-weight:600}
      nav ul{columns:14rem;list-style:none;padding:0} table{border-collapse:collapse;width:100%;font-size:.92em}
      th,td{border-bottom:1px solid #eee;padding:.3rem;vertical-align:top;text-align:left} td.alt{color:#555;font-size:.9em}
      td p{margin:0 0 .3rem} [lang=en]{color:#333}
      """;
}
