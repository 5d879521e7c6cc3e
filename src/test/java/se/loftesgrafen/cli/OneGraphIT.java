package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.graph.dump.CommitmentCsv;
import se.loftesgrafen.testing.RunningService;

/**
 * One graph for every command, one date model, one CSV schema (issue 11), on real TDB2 stores: {@code harvest} then
 * {@code dump} from the command line give the CSV the service serves, {@code validate} checks the graph the service
 * serves, the query page's SPARQL date filter and the API agree on "in year Y" for every year of the sample, and
 * the API's CSV has the dump's schema, described by CSVW metadata with codes as strings.
 */
class OneGraphIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXAMPLE = Pattern.compile(
      "<script type=\"text/plain\" id=\"ex-narkotika\">(.*?)</script>", Pattern.DOTALL);

  @TempDir
  static Path served;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(served); // harvests the sample at start
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void harvestThenDumpOnTheCommandLineGiveTheCsvTheServiceServes(@TempDir Path store, @TempDir Path out)
      throws Exception {
    Run harvest = cli("harvest", "--store", store.toString(), "--sources", "harvest-config/sample/sources.yaml",
        "--progress", "0");
    assertEquals(0, harvest.exit(), harvest.err());
    Run dump = cli("dump", "--store", store.toString(), "--out", out.toString());
    assertEquals(0, dump.exit(), dump.err());
    String cliCsv = Files.readString(onlyRelease(out).resolve("commitments.csv"), StandardCharsets.UTF_8);

    List<CSVRecord> rows = parse(cliCsv);
    assertTrue(rows.size() >= 30, "the sample's commitments: " + rows.size());
    for (CSVRecord r : rows) {
      for (String column : List.of("kommunkod", "municipality", "county_code", "county", "period_start",
          "period_end", "actors")) {
        assertFalse(r.get(column).isEmpty(), column + " empty in " + r);
      }
    }
    assertTrue(rows.stream().filter(r -> !r.get("themes").isEmpty()).count() > rows.size() / 2, "themes are filled");
    // A service that harvested the same sample itself serves the same table (fetch times aside).
    assertEquals(withoutFetchTimes(parse(servedCsv(service))), withoutFetchTimes(rows));

    Run validate = cli("validate", "--store", store.toString());
    assertEquals(0, validate.exit(), validate.out());
    Matcher checked = Pattern.compile("(\\d+) triples checked in \\d+ graphs, 0 violations").matcher(validate.out());
    assertTrue(checked.find(), validate.out());
    String count = service.sparql("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }", "text/csv")
        .body().lines().toList().get(1);
    assertEquals(count, checked.group(1), "validate checks a graph like the served one, vocabulary and register included");
  }

  @Test
  void theQueryPageDateFilterAndTheApiAgreeOnEveryYear() throws Exception {
    Matcher m = EXAMPLE.matcher(new String(OneGraphIT.class.getResourceAsStream("/web/sparql.html").readAllBytes(),
        StandardCharsets.UTF_8));
    assertTrue(m.find(), "the query page has the narkotika example");
    String example = m.group(1);
    assertTrue(example.contains("\"2021-12-31\"^^xsd:date"), example);
    int nonEmpty = 0;
    for (int year = 2016; year <= 2022; year++) {
      String query = example.replace("2021", String.valueOf(year));
      Set<String> bySparql = new TreeSet<>();
      HttpResponse<String> sparql = service.sparql(query, "application/sparql-results+json");
      assertEquals(200, sparql.statusCode(), year + ": " + sparql.body());
      for (JsonNode b : JSON.readTree(sparql.body()).at("/results/bindings")) {
        String iri = b.at("/kommun/value").asText();
        bySparql.add(iri.substring(iri.lastIndexOf('/') + 1));
      }
      Set<String> byApi = new TreeSet<>();
      HttpResponse<String> api = service.get("/api/themes/narkotika/municipalities?narrower=false&pageSize=290&year=" + year,
          "Accept", "application/ld+json");
      assertEquals(200, api.statusCode(), api.body());
      JSON.readTree(api.body()).get("hydra:member").forEach(k -> byApi.add(k.get("code").asText()));
      assertEquals(byApi, bySparql, "narkotika in " + year);
      nonEmpty += byApi.isEmpty() ? 0 : 1;
      if (year == 2021) {
        assertTrue(byApi.containsAll(Set.of("1492", "1882")), "Åmål 2021 and Askersund 2020–2021: " + byApi);
      }
    }
    assertTrue(nonEmpty >= 3, "the years of the sample have answers: " + nonEmpty);
    String otherDates = service.sparql("PREFIX dcat: <http://www.w3.org/ns/dcat#>\n"
        + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
        + "ASK { ?period dcat:startDate|dcat:endDate ?d FILTER(datatype(?d) != xsd:date) }",
        "application/sparql-results+json").body();
    assertTrue(otherDates.contains("false"), "every period end is an xsd:date: " + otherDates);
  }

  @Test
  void theApiCsvHasTheDumpSchemaDescribedByCsvw() throws Exception {
    String dumpCsv = servedCsv(service);
    List<CSVRecord> dump = parse(dumpCsv);
    HttpResponse<String> api = service.get("/api/themes/narkotika/municipalities?year=2021&pageSize=290",
        "Accept", "text/csv");
    assertEquals(200, api.statusCode(), api.body());
    assertEquals(dumpCsv.lines().findFirst(), api.body().lines().findFirst(), "the same columns");
    assertEquals(String.join(",", CommitmentCsv.COLUMNS), dumpCsv.lines().findFirst().orElseThrow());
    List<List<String>> dumpRows = dump.stream().map(CSVRecord::toList).toList();
    List<CSVRecord> apiRows = parse(api.body());
    assertFalse(apiRows.isEmpty());
    for (CSVRecord r : apiRows) {
      assertTrue(dumpRows.contains(r.toList()), "an API row is a dump row, value for value: " + r.toList());
    }
    assertTrue(dump.stream().anyMatch(r -> r.get("kommunkod").equals("0765")
        && r.get("county_code").equals("07")), "Älmhult keeps its leading zeros");

    HttpResponse<String> metadata = service.get("/dumps/commitments.csv-metadata.json");
    assertEquals(200, metadata.statusCode(), metadata.body());
    // JSON-LD, the type RDF clients read (none knows application/csvm+json)
    assertTrue(metadata.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"),
        metadata.headers().toString());
    // every CSV of ours names the municipality code column as the dump and its CSVW metadata do
    String municipalities = service.get("/api/municipalities?format=csv").body();
    assertTrue(municipalities.startsWith("kommunkod,municipality,county_code,county\n"), municipalities.substring(0,
        Math.min(100, municipalities.length())));
    assertTrue(municipalities.contains("\n0765,Älmhult,07,"), "codes with their leading zeros");
    JsonNode table = JSON.readTree(metadata.body());
    assertEquals("commitments.csv", table.get("url").asText());
    List<String> names = new ArrayList<>();
    for (JsonNode column : table.at("/tableSchema/columns")) {
      names.add(column.get("name").asText());
      if (column.get("name").asText().endsWith("_code")) {
        assertEquals("string", column.at("/datatype/base").asText(), "codes are strings: " + column);
      }
      if (List.of("period_start", "period_end").contains(column.get("name").asText())) {
        assertEquals("date", column.get("datatype").asText(), column.toString());
      }
    }
    assertEquals(CommitmentCsv.COLUMNS, names, "the metadata describes every column, in order");
    for (String list : List.of("actors", "themes", "targets")) {
      assertTrue(metadata.body().contains("\"separator\" : \"" + CommitmentCsv.SEPARATOR + "\""), list);
    }
  }

  @Test
  void theCommandLineBesideTheRunningServiceAsksIt(@TempDir Path out) throws Exception {
    assertTrue(Files.isRegularFile(served.resolve("service.json")), "serve says where it listens");
    // Another process, as a user's shell is: TDB2 lets only the service hold the store.
    Run dump = child(out, "dump", "--store", served.toString(), "--out", out.resolve("dumps").toString());
    assertEquals(0, dump.exit(), dump.out());
    assertTrue(dump.out().contains("of the service at http://localhost:" + service.service().port() + "/"), dump.out());
    assertEquals(servedCsv(service), Files.readString(onlyRelease(out.resolve("dumps")).resolve("commitments.csv"),
        StandardCharsets.UTF_8), "the service's dump of the same graph");

    Run validate = child(out, "validate", "--store", served.toString());
    assertEquals(0, validate.exit(), validate.out());
    assertTrue(validate.out().contains(" 0 violations"), validate.out());

    Run harvest = child(out, "harvest", "--store", served.toString());
    assertEquals(1, harvest.exit(), harvest.out());
    assertTrue(harvest.out().strip().startsWith("error: the store is held by the service at http://localhost:")
        && harvest.out().contains("adminToken") && harvest.out().strip().lines().count() == 1, harvest.out());
  }

  private static Run child(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), "se.loftesgrafen.cli.Main"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "child-", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the child did not end: " + Files.readString(log));
    }
    String text = Files.readString(log).lines().filter(l -> !l.contains(" WARN ") && !l.contains(" INFO ")
        && !l.contains("VectorizationProvider") && !l.startsWith("WARNING")).collect(
        java.util.stream.Collectors.joining("\n"));
    return new Run(p.exitValue(), text, text);
  }

  private static List<List<String>> withoutFetchTimes(List<CSVRecord> rows) {
    int fetched = CommitmentCsv.COLUMNS.indexOf("fetched_at");
    return rows.stream().map(r -> {
      List<String> values = new ArrayList<>(r.toList());
      values.remove(fetched);
      return values;
    }).toList();
  }

  private static String servedCsv(RunningService s) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      HttpResponse<String> release = s.get("/dumps/release.json");
      if (release.statusCode() == 200
          && JSON.readTree(release.body()).get("version").asLong() == s.service().store().version()) {
        HttpResponse<String> csv = s.get("/dumps/commitments.csv");
        assertEquals(200, csv.statusCode());
        return csv.body();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no dump release of the current data within a minute");
  }

  private static Path onlyRelease(Path folder) throws Exception {
    try (var list = Files.list(folder)) {
      List<Path> releases = list.filter(Files::isDirectory).toList();
      assertEquals(1, releases.size(), releases.toString());
      return releases.get(0);
    }
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
        .getRecords();
  }

  record Run(int exit, String out, String err) {
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
