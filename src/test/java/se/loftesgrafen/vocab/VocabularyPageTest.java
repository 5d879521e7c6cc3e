package se.loftesgrafen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class VocabularyPageTest {
  private static final VocabularyPage PAGE = VocabularyPage.create(TestBase.BASE);
  private static final Document HTML = Jsoup.parse(PAGE.html());

  @Test
  void everyTermHasASectionWithLabelsCommentsAndExample() throws IllegalAccessException {
    Model model = PAGE.model();
    List<String> problems = new ArrayList<>();
    for (var field : LG.class.getFields()) {
      if (!(field.get(null) instanceof Resource term) || term.getURI().equals(LG.NS)) {
        continue;
      }
      Element section = HTML.getElementById(term.getLocalName());
      if (section == null) {
        problems.add("no element #" + term.getLocalName());
        continue;
      }
      Resource inModel = model.createResource(term.getURI());
      for (String lang : List.of("sv", "en")) {
        for (var p : List.of(RDFS.label, RDFS.comment)) {
          String expected = inModel.listProperties(p).toList().stream()
              .filter(s -> lang.equals(s.getLiteral().getLanguage())).findFirst().orElseThrow().getString();
          if (!section.text().contains(expected) && !sectionOfScheme(term).text().contains(expected)) {
            problems.add(term.getLocalName() + ": " + p.getLocalName() + "@" + lang + " not shown");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Concepts of the ontology's own schemes are table rows; their comments show in the row. */
  private static Element sectionOfScheme(Resource term) {
    Element row = HTML.getElementById(term.getLocalName());
    return row == null ? new Element("div") : row;
  }

  @Test
  void propertiesShowDomainAndRange() {
    Element actor = HTML.getElementById("actor");
    assertNotNull(actor);
    assertTrue(actor.text().contains("lg:Commitment"), actor.text());
    assertTrue(actor.text().contains("skos:Concept"), actor.text());
    assertNotNull(actor.selectFirst("a[href=#Commitment]"));
    Element theme = HTML.getElementById("theme");
    assertTrue(theme.text().contains("dcterms:subject"), theme.text());
  }

  @Test
  void everyConceptIsARow() {
    Model model = PAGE.model();
    List<String> missing = new ArrayList<>();
    for (Resource concept : model.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
      String notation = concept.getProperty(SKOS.notation).getString();
      Element row = HTML.select("tr").stream()
          .filter(tr -> tr.selectFirst("a[href=\"" + VocabularyPage.link(concept.getURI(), TestBase.BASE) + "\"]")
              != null).findFirst().orElse(null);
      if (row == null || !row.text().contains(notation)) {
        missing.add(concept.getURI());
      }
    }
    assertEquals(List.of(), missing);
    assertTrue(HTML.select("a[href^=\"" + TestBase.BASE + "\"]").isEmpty(), "links to our IRIs stay on this service");
    Element langning = HTML.getElementById("tema-langning");
    assertNotNull(langning);
    assertTrue(langning.text().contains("Supplying alcohol to minors"));
    assertTrue(langning.text().contains("langa"));
  }

  /** Examples contain Turtle IRIs in angle brackets: they must be text, not markup. */
  @Test
  void examplesAreEscaped() {
    Element example = HTML.getElementById("CitizenPromise").selectFirst("pre.example");
    assertNotNull(example);
    assertTrue(example.text().startsWith("<id/lofte/1492/2021> a lg:CitizenPromise"), example.text());
    assertTrue(PAGE.html().contains("&lt;id/lofte/1492/2021&gt;"));
  }
}
