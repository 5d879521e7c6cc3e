package se.loftesgrafen.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.apache.jena.vocabulary.DCTerms;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML of a resource for browsers: the template src/main/resources/web/resource.html filled with Jsoup (text
 * and attributes are escaped by Jsoup; no HTML in Java strings). One section per subject of the description, the
 * resource first; links to our own IRIs are made relative so that browsing stays on this server.
 */
final class ResourcePage {
  private static final String TEMPLATE = new String(ServicePages.resource("/web/resource.html"), StandardCharsets.UTF_8);
  private final String base;

  ResourcePage(String base) {
    this.base = base;
  }

  byte[] render(Graph graph, String iri, PrefixMapping prefixes) {
    Document doc = Jsoup.parse(TEMPLATE);
    String title = label(graph, iri).orElse(iri);
    doc.title(title + " – Löftesgrafen");
    doc.getElementById("title").text(title);
    doc.getElementById("iri").text(iri);
    doc.getElementById("format-ttl").attr("href", link(iri) + "?format=turtle");
    doc.getElementById("format-jsonld").attr("href", link(iri) + "?format=jsonld");
    Element sections = doc.getElementById("sections");
    Element sectionTemplate = sections.selectFirst("section.subject");
    Element rowTemplate = sectionTemplate.selectFirst("tr.statement");
    sectionTemplate.remove();
    rowTemplate.remove();
    for (Map.Entry<Node, List<Triple>> subject : bySubject(graph, iri).entrySet()) {
      Element section = sectionTemplate.clone();
      String s = subject.getKey().isURI() ? subject.getKey().getURI() : "_:" + subject.getKey().getBlankNodeLabel();
      section.selectFirst("a.subject-link").text(label(graph, s).orElse(s)).attr("href", link(s));
      Element body = section.selectFirst("tbody");
      for (Triple t : subject.getValue()) {
        Element row = rowTemplate.clone();
        row.selectFirst("th.predicate").text(prefixes.shortForm(t.getPredicate().getURI()));
        Element cell = row.selectFirst("td.object");
        Node o = t.getObject();
        if (o.isURI()) {
          cell.appendElement("a").attr("href", link(o.getURI())).text(label(graph, o.getURI())
              .orElse(prefixes.shortForm(o.getURI())));
        } else if (o.isLiteral()) {
          cell.text(o.getLiteralLexicalForm() + (o.getLiteralLanguage().isEmpty() ? "" : " @" + o.getLiteralLanguage()));
        } else {
          cell.text("_:" + o.getBlankNodeLabel());
        }
        body.appendChild(row);
      }
      sections.appendChild(section);
    }
    return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
  }

  /** Subjects in order: the resource, then what it owns, then the rest, each by IRI. */
  private static Map<Node, List<Triple>> bySubject(Graph graph, String iri) {
    List<Triple> all = new ArrayList<>(graph.find().toList());
    all.sort(Comparator.comparing((Triple t) -> rank(t.getSubject(), iri)).thenComparing(t -> t.getSubject().toString())
        .thenComparing(t -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()));
    Map<Node, List<Triple>> subjects = new LinkedHashMap<>();
    all.forEach(t -> subjects.computeIfAbsent(t.getSubject(), s -> new ArrayList<>()).add(t));
    return subjects;
  }

  private static int rank(Node subject, String iri) {
    String s = subject.isURI() ? subject.getURI() : "";
    return s.equals(iri) ? 0 : s.startsWith(iri + "/") ? 1 : 2;
  }

  private static Optional<String> label(Graph graph, String iri) {
    Node s = org.apache.jena.graph.NodeFactory.createURI(iri);
    for (Node p : List.of(SKOS.prefLabel.asNode(), RDFS.label.asNode(), SchemaDO.name.asNode(),
        DCTerms.title.asNode(), SchemaDO.text.asNode())) {
      List<Triple> found = graph.find(s, p, Node.ANY).toList();
      Optional<String> sv = found.stream().map(Triple::getObject).filter(Node::isLiteral)
          .sorted(Comparator.comparing(o -> "sv".equals(o.getLiteralLanguage()) ? 0 : 1))
          .map(Node::getLiteralLexicalForm).findFirst();
      if (sv.isPresent()) {
        return sv;
      }
    }
    return Optional.empty();
  }

  private String link(String iri) {
    return iri.startsWith(base) ? "/" + iri.substring(base.length()) : iri;
  }
}
