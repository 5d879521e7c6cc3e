package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The W3C SPARQL 1.1 Protocol test manifest (src/test/resources/conformance/sparql11-protocol, copied unchanged)
 * run against the service with the bundled sample: every request exactly as the manifest writes it (method, path,
 * headers, body in its character encoding), every expected status, format and boolean checked.
 * <p>Two readings, as the conformance README says a read-only endpoint must take them:
 * <ul>
 *   <li>Dataset tests load {@code data1.nt ... data3.nt}, each a graph named by a document IRI that holds
 *   {@code <doc> a foaf:Document}. The service holds graphs of that very shape: each snapshot graph is named by its
 *   snapshot IRI and holds {@code <snapshot> a lg:SourceSnapshot}. So every {@code http://kasei.us/...dataN.rdf}
 *   is replaced (in paths and bodies) by the IRI of the N-th snapshot graph, and the queries run as written.</li>
 *   <li>Update tests (every {@code update_*} and {@code bad_update_*}) must be refused with a 4xx and a reason; the
 *   manifest's follow-up ASK, which would see the update's effect, must then answer false: nothing was written.</li>
 * </ul>
 */
class ProtocolManifestIT {
  private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
  private static final String HT = "http://www.w3.org/2011/http#";
  private static final String CNT = "http://www.w3.org/2011/content#";
  private static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
  private static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
  private static final String KASEI = "http://kasei.us/2009/09/sparql/data/data";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path store;
  static RunningService service;
  /** data1.rdf ... data3.rdf of the manifest, each the IRI of a snapshot graph the service holds. */
  static Map<String, String> graphs = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
    List<String> snapshots = QueryExecHTTP.service(service.uri("/sparql").toString())
        .query("SELECT ?g { GRAPH ?g { ?g a <https://w3id.org/loftesgrafen/def#SourceSnapshot> } } ORDER BY ?g LIMIT 3")
        .build().select().stream().map(b -> b.get("g").getURI()).toList();
    assertEquals(3, snapshots.size(), "the sample has at least three snapshot graphs: " + snapshots);
    for (int i = 0; i < 3; i++) {
      graphs.put(KASEI + (i + 1) + ".rdf", snapshots.get(i));
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** One request of a test as the manifest writes it. */
  record Request(String method, String path, Map<String, String> headers, Optional<byte[]> body,
                 List<String> expectedStatus, Optional<String> expectedFormat, Optional<Boolean> expectedBoolean) {
  }

  @TestFactory
  Stream<DynamicTest> theW3cProtocolManifest() {
    Model manifest = RDFDataMgr.loadModel("src/test/resources/conformance/sparql11-protocol/manifest.ttl");
    Resource root = manifest.listSubjectsWithProperty(RDF.type, manifest.createResource(MF + "Manifest")).next();
    List<RDFNode> entries = root.getPropertyResourceValue(manifest.createProperty(MF, "entries")).as(RDFList.class)
        .asJavaList();
    assertEquals(34, entries.size(), "the manifest's 34 tests");
    return entries.stream().map(RDFNode::asResource).map(test -> {
      String id = test.getLocalName();
      String name = test.getProperty(manifest.createProperty(MF, "name")).getString();
      List<Request> requests = requests(manifest, test);
      return DynamicTest.dynamicTest(id + ": " + name, () -> {
        assertTrue(usesOnlyMappedGraphs(manifest, test), id + ": its data are graphs the service holds");
        if (id.startsWith("update_") || id.startsWith("bad_update_")) {
          refusedUpdate(id, requests);
        } else {
          for (Request r : requests) {
            check(id, r, send(r));
          }
        }
      });
    });
  }

  /** The update is refused with a 4xx and a reason; the follow-up query, if any, sees nothing it would have written. */
  private static void refusedUpdate(String id, List<Request> requests) throws Exception {
    HttpResponse<byte[]> r = send(requests.get(0));
    assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, id + ": " + r.statusCode());
    JsonNode error = JSON.readTree(r.body());
    String message = error.path("message").asText();
    assertFalse(message.isBlank(), id + ": a reason is given: " + new String(r.body(), StandardCharsets.UTF_8));
    if (r.statusCode() == 405) {
      assertTrue(r.headers().firstValue("Allow").isPresent(), id + ": a 405 names what is allowed");
    }
    for (Request followUp : requests.subList(1, requests.size())) {
      HttpResponse<byte[]> answer = send(followUp);
      assertEquals(200, answer.statusCode(), id + ": " + new String(answer.body(), StandardCharsets.UTF_8));
      assertFalse(ResultSetMgr.readBoolean(new ByteArrayInputStream(answer.body()), lang(answer)),
          id + ": the update wrote nothing, so what the manifest's follow-up ASK looks for is not there");
    }
  }

  private static void check(String id, Request request, HttpResponse<byte[]> r) {
    String body = new String(r.body(), StandardCharsets.UTF_8);
    String cls = "StatusCode" + r.statusCode() / 100 + "xx";
    assertTrue(request.expectedStatus().contains(cls), id + ": status " + r.statusCode() + " not in "
        + request.expectedStatus() + ": " + body);
    if (r.statusCode() >= 400) {
      assertFalse(body.isBlank(), id + ": an error says why");
    }
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    request.expectedFormat().ifPresent(format -> {
      switch (format) {
        case "boolean" -> assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml")
            .contains(type), id + ": a boolean as SPARQL JSON or XML results, not " + type);
        case "tabular" -> {
          assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
              "text/tab-separated-values").contains(type), id + ": a table, not " + type);
          assertTrue(ResultSetMgr.read(new ByteArrayInputStream(r.body()), lang(r)).hasNext(), id + ": one row");
        }
        case "RDF" -> {
          assertTrue(List.of("application/rdf+xml", "text/turtle", "application/n-triples").contains(type),
              id + ": RDF/XML, Turtle or N-Triples, not " + type);
          Graph g = GraphFactory.createDefaultGraph();
          RDFParser.source(new ByteArrayInputStream(r.body())).lang(RDFLanguages.contentTypeToLang(type))
              .base(service.uri("/sparql").toString()).parse(g);
        }
        default -> throw new AssertionError(id + ": unknown expected format " + format);
      }
    });
    request.expectedBoolean().ifPresent(expected -> assertEquals(expected,
        ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()), lang(r)), id + ": " + body));
  }

  private static Lang lang(HttpResponse<byte[]> r) {
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    return switch (type) {
      case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
      case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
      case "text/csv" -> ResultSetLang.RS_CSV;
      case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
      default -> throw new AssertionError("not a result set: " + type);
    };
  }

  /** Sends a request as the manifest writes it; only the path prefix /sparql/ and the dataset IRIs are ours. */
  private static HttpResponse<byte[]> send(Request r) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(service.uri(localPath(r.path()))).timeout(Duration.ofSeconds(60));
    r.headers().forEach(b::header);
    HttpRequest.BodyPublisher body = r.body().map(HttpRequest.BodyPublishers::ofByteArray)
        .orElse(HttpRequest.BodyPublishers.noBody());
    b.method(r.method(), body);
    return service.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String localPath(String manifestPath) {
    String path = manifestPath.replaceFirst("^/sparql/", "/sparql");
    for (Map.Entry<String, String> g : graphs.entrySet()) {
      path = path.replace(URLEncoder.encode(g.getKey(), StandardCharsets.UTF_8),
          URLEncoder.encode(g.getValue(), StandardCharsets.UTF_8));
    }
    return path;
  }

  private static String localText(String text) {
    for (Map.Entry<String, String> g : graphs.entrySet()) {
      text = text.replace(g.getKey(), g.getValue());
    }
    return text;
  }

  private static List<Request> requests(Model m, Resource test) {
    Resource action = test.getPropertyResourceValue(m.createProperty(MF, "action"));
    List<Request> out = new ArrayList<>();
    for (RDFNode node : action.getPropertyResourceValue(p(m, HT, "requests")).as(RDFList.class).asJavaList()) {
      Resource req = node.asResource();
      Map<String, String> headers = new LinkedHashMap<>();
      Resource list = req.getPropertyResourceValue(p(m, HT, "headers"));
      if (list != null) {
        for (RDFNode h : list.as(RDFList.class).asJavaList()) {
          headers.put(h.asResource().getProperty(p(m, HT, "fieldName")).getString(),
              h.asResource().getProperty(p(m, HT, "fieldValue")).getString());
        }
      }
      Optional<byte[]> body = Optional.ofNullable(req.getPropertyResourceValue(p(m, HT, "body"))).map(content -> {
        String chars = localText(content.getProperty(p(m, CNT, "chars")).getString());
        Charset charset = Charset.forName(content.getProperty(p(m, CNT, "characterEncoding")).getString());
        return chars.getBytes(charset);
      });
      Resource resp = req.getPropertyResourceValue(p(m, HT, "resp"));
      List<String> status = resp.listProperties(p(m, MF, "expectedStatus")).mapWith(s -> s.getResource().getURI()
          .substring(HTS.length())).toList();
      Optional<String> format = Optional.ofNullable(resp.getProperty(p(m, MF, "expectedFormat"))).map(s -> s.getString());
      Optional<Boolean> bool = Optional.ofNullable(resp.getProperty(p(m, MF, "expectedBoolean")))
          .map(s -> s.getBoolean());
      out.add(new Request(req.getProperty(p(m, HT, "methodName")).getString(),
          req.getProperty(p(m, HT, "absolutePath")).getString(), headers, body, status, format, bool));
    }
    return out;
  }

  private static Property p(Model m, String ns, String local) {
    return m.createProperty(ns, local);
  }

  /** The graphs a test loads (ut:graphData) are among those mapped to the service's own. */
  static boolean usesOnlyMappedGraphs(Model m, Resource test) {
    return test.listProperties(m.createProperty(UT, "graphData")).toList().stream()
        .allMatch(s -> graphs.containsKey(s.getResource().getProperty(org.apache.jena.vocabulary.RDFS.label)
            .getString()));
  }
}
