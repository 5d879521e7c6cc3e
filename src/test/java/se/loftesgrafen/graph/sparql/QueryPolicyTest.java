package se.loftesgrafen.graph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.graph.PromiseStore;

/**
 * The query policy of the public endpoint on a real TDB2 store: SERVICE is refused wherever it stands unless its
 * IRI is on the allow-list, and REGEX / REPLACE stop at the time limit even inside one catastrophic match.
 */
class QueryPolicyTest {
  private static final String ALLOWED = "http://127.0.0.1:9/allowed";
  private static final QueryPolicy POLICY = new QueryPolicy(List.of(URI.create(ALLOWED)));
  @TempDir
  static Path folder;
  static PromiseStore store;
  static SparqlExecutor executor;

  @BeforeAll
  static void open() {
    store = PromiseStore.embedded(folder);
    executor = new SparqlExecutor(store, Duration.ofMillis(500), 1000, POLICY);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }",
      "SELECT * { SERVICE SILENT <http://localhost:1/x> { ?s ?p ?o } }",
      "SELECT * { BIND(<http://127.0.0.1:1/x> AS ?e) SERVICE ?e { ?s ?p ?o } }",
      "SELECT * { ?a ?b ?c OPTIONAL { { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } } } }",
      "SELECT * { { SELECT ?s { { SELECT ?s { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } } } } } }",
      "SELECT * { ?a ?b ?c FILTER EXISTS { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } } }",
      "SELECT * { ?a ?b ?c FILTER(?a && NOT EXISTS { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }) }",
      "SELECT * { ?a ?b ?c BIND(EXISTS { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } } AS ?x) }",
      "SELECT (EXISTS { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } } AS ?x) { }",
      "SELECT ?a (COUNT(*) AS ?n) { ?a ?b ?c } GROUP BY ?a HAVING(EXISTS { SERVICE <http://127.0.0.1:1/x> { } })",
      "SELECT * { ?a ?b ?c } ORDER BY (EXISTS { SERVICE <http://127.0.0.1:1/x> { ?a ?b ?c } })",
      "SELECT * { ?a ?b ?c MINUS { GRAPH ?g { SERVICE <http://127.0.0.1:1/x> { ?a ?p ?o } } } }",
      "SELECT * { { ?a ?b ?c } UNION { { ?a ?b ?c } SERVICE <http://127.0.0.1:1/x> { ?a ?p ?o } } }",
      "DESCRIBE ?s { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }",
      "SELECT * { SERVICE <" + ALLOWED + "/other> { ?s ?p ?o } }",
  })
  void serviceIsRefusedWhereverItStands(String text) {
    QueryPolicy.RefusedQueryException e = assertThrows(QueryPolicy.RefusedQueryException.class,
        () -> executor.parse(text, List.of(), List.of()));
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
  }

  @Test
  void anAllowedServiceAndOrdinaryQueriesPass() {
    Query q = executor.parse("SELECT * { SERVICE <" + ALLOWED + "> { ?s ?p ?o } }", List.of(), List.of());
    assertTrue(q.toString().contains(ALLOWED));
    Query plain = executor.parse("PREFIX ex: <http://example.org/> SELECT * FROM <urn:g> { ?s ex:p ?o }",
        List.of(), List.of());
    assertEquals(List.of("urn:g"), plain.getGraphURIs());
    assertEquals("http://example.org/", plain.getPrefixMapping().getNsPrefixURI("ex"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * { BIND(\"%s\" AS ?x) FILTER(REGEX(?x, \"^(.*a){31}$\")) }",
      "SELECT * { FILTER(REGEX(\"%s\", \"^(.*a){31}$\")) }",
      "SELECT (REPLACE(\"%s\", \"^(.*a){31}$\", \"b\") AS ?y) { }",
      "SELECT * { VALUES ?x { \"%s\" } BIND(REPLACE(?x, \"^(.*a){31}$\", \"b\", \"i\") AS ?y) }",
      "SELECT * { { SELECT ?x { BIND(\"%s\" AS ?x) FILTER(REGEX(?x, \"^(.*a){31}$\")) } } }",
      "ASK { BIND(\"%s\" AS ?x) FILTER NOT EXISTS { FILTER(REGEX(?x, \"^(.*a){31}$\")) } }",
      "SELECT * { VALUES ?x { \"%1$s\" \"b%1$s\" } } ORDER BY (REGEX(?x, \"^(.*a){31}$\"))",
  })
  void catastrophicRegexStopsAtTheTimeLimit(String template) {
    Query q = executor.parse(template.formatted("a".repeat(30)), List.of(), List.of());
    long start = System.nanoTime();
    assertThrows(QueryCancelledException.class,
        () -> executor.execute(q, SparqlFormat.JSON, new ByteArrayOutputStream()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 3000, "stopped after " + millis + " ms with a 500 ms limit");
  }

  @Test
  void regexAndReplaceGiveTheStandardAnswers() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Query q = executor.parse("SELECT ?y ?z { BIND(\"Åmål kommun\"@sv AS ?x) FILTER(REGEX(?x, \"^åmål\", \"i\")) "
        + "BIND(REPLACE(?x, \"(\\\\w+) kommun\", \"$1s kommun\") AS ?y) "
        + "BIND(REGEX(\"abc\", \"^b\") AS ?z) }", List.of(), List.of());
    executor.execute(q, SparqlFormat.CSV, out);
    assertEquals("y,z\r\nÅmåls kommun,false", out.toString(StandardCharsets.UTF_8).strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT (<java:org.apache.jena.sparql.function.library.FN_StrLength>(\"abc\") AS ?n) { }",
      "SELECT * { BIND(<JAVA:org.apache.jena.sparql.function.library.FN_StrLength>(\"abc\") AS ?n) }",
      "SELECT * { ?s ?p ?o FILTER(<java:org.apache.jena.sparql.function.library.FN_StrLength>(?o) > 1) }",
      "SELECT * { { SELECT ?s { ?s ?p ?o FILTER EXISTS { BIND(<java:x.Y>(?o) AS ?z) } } } }",
      "SELECT ?s { ?s ?p ?o } ORDER BY (<java:x.Y>(?o))",
      "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING(<java:x.Y>(?s))",
      "SELECT (SUM(<java:x.Y>(?o)) AS ?n) { ?s ?p ?o }",
      "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:apply(\"x\") AS ?n) { }",
      "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT * { FILTER(fn:matches(\"a\", \"(a|aa)*b\")) }",
      "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:localname(<urn:x:y>) AS ?n) { }",
      "SELECT (<http://example.org/unknown>(1) AS ?n) { }",
      "SELECT (<http://jena.apache.org/ARQ/function/aggregate#median>(?o) AS ?m) { ?s ?p ?o }",
      "SELECT * { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }",
      "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?s apf:strSplit (\"a b\" \" \") }",
      "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?s <urn:p>/apf:concat ?o }",
      "PREFIX apf: <http://jena.apache.org/ARQ/property#> ASK { FILTER NOT EXISTS { ?s apf:versionARQ ?v } }",
  })
  void functionsOutsideTheLibraryAreRefusedWhereverTheyStand(String text) {
    QueryPolicy.RefusedQueryException e = assertThrows(QueryPolicy.RefusedQueryException.class,
        () -> executor.parse(text, List.of(), List.of()), text);
    assertTrue(e.getMessage().contains("function library") || e.getMessage().contains("aggregate"), e.getMessage());
  }

  @Test
  void theLibrarysFunctionsAndPlainPredicatesRunWithTheStandardAnswers() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Query q = executor.parse("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> "
        + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX list: <http://jena.apache.org/ARQ/list#> "
        + "SELECT ?n ?i ?u { BIND(fn:string-length(\"Åmål\") AS ?n) BIND(xsd:integer(\"2021\") + 1 AS ?i) "
        + "BIND(fn:upper-case(\"ed\") AS ?u) OPTIONAL { ?l list:member ?m } OPTIONAL { ?s <urn:ordinary> ?o } }",
        List.of(), List.of());
    executor.execute(q, SparqlFormat.CSV, out);
    assertEquals("n,i,u\r\n4,2022,ED", out.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void everyFunctionOfTheLibraryIsOneJenaHasAndNoneIsJavaOrApply() {
    FunctionLibrary library = FunctionLibrary.standard();
    assertTrue(library.functions().size() > 40, library.functions().toString());
    assertTrue(library.functions().stream().noneMatch(f -> f.startsWith("java:") || f.endsWith("#apply")
        || f.endsWith("#matches") || f.endsWith("#replace")), library.functions().toString());
    assertTrue(library.propertyFunctions().contains("http://www.w3.org/2000/01/rdf-schema#member"));
  }
}
