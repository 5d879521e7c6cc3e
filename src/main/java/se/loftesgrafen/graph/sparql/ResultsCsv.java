package se.loftesgrafen.graph.sparql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * SELECT results as CSV per SPARQL 1.1 Query Results CSV and TSV Formats (https://www.w3.org/TR/sparql11-results-csv-tsv/,
 * section 2): IRIs and literals as their text, blank nodes in Turtle's {@code _:label} form (section 2.3.2), rows
 * ended by CRLF, fields quoted per RFC 4180. Jena's writer leaves the {@code _:} off, so a client cannot tell a
 * blank node from the string {@code b0}.
 */
final class ResultsCsv {
  private ResultsCsv() {}

  static void write(OutputStream out, List<Var> vars, Iterator<Binding> rows) {
    Map<Node, String> labels = new HashMap<>();
    try {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(String.join(",", vars.stream().map(v -> field(v.getVarName())).toList()));
      w.write("\r\n");
      while (rows.hasNext()) {
        Binding row = rows.next();
        for (int i = 0; i < vars.size(); i++) {
          if (i > 0) {
            w.write(',');
          }
          Node node = row.get(vars.get(i));
          if (node != null) {
            w.write(field(text(node, labels)));
          }
        }
        w.write("\r\n");
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Node node, Map<Node, String> labels) {
    if (node.isBlank()) {
      return labels.computeIfAbsent(node, n -> "_:b" + labels.size());
    }
    if (node.isURI()) {
      return node.getURI();
    }
    return node.isLiteral() ? node.getLiteralLexicalForm() : NodeFmtLib.strNT(node); // a triple term as in N-Triples
  }

  private static String field(String text) {
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
