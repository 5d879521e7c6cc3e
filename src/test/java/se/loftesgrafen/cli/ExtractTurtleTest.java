package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.ShapesValidator;

/** {@code extract --format turtle} prints the RDF the harvester would store, and it passes our shapes. */
class ExtractTurtleTest {
  @Test
  void theSamplePageBecomesAValidPromiseGraph() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("extract", "--format", "turtle", "--base", "http://example.org/",
        "harvest-config/sample/amal-2021.html", "harvest-config/sample/karlstad-2016.html");
    assertEquals(0, exit);
    Model model = ModelFactory.createDefaultModel();
    model.read(new StringReader(out.toString()), null, "TURTLE");
    assertTrue(model.contains(null, LG.municipality, ResourceFactory.createResource("http://example.org/id/kommun/1492")));
    assertTrue(model.contains(null, LG.municipality, ResourceFactory.createResource("http://example.org/id/kommun/1780")));
    assertTrue(model.listSubjectsWithProperty(RDF.type, LG.Commitment).toList().size() >= 4);
    var report = ShapesValidator.create("http://example.org/").validate(model.getGraph());
    assertTrue(report.conforms(), report.toString());
  }
}
