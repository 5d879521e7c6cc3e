package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Assumptions;
import picocli.CommandLine;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.graph.PromiseStore;

/**
 * A disk that really fills up: {@code loftesgrafen harvest} in a child JVM, its store folder on a 16 MB tmpfs
 * mounted in a mount namespace of its own ({@code unshare -m} as root, {@code unshare -r -m} in a user namespace
 * otherwise; the mount goes away with the process), harvesting a loopback origin with more pages than fit. The
 * harvest must end (not hang) with exit 1 and one line saying that the disk is full and where; what it committed
 * must be there, each page complete, the WARC files whole, and the store must pass {@code validate} (on a copy taken
 * out of the namespace, as an operator would after freeing space). Where nothing can be mounted the test is skipped
 * with the reason; {@link StoreFailureIT} injects the same fault at the store everywhere.
 */
class DiskFullIT {
  private static final String SIZE = "16m";
  private static final long BOUND_SECONDS = 120;
  private static final Pattern STORED = Pattern.compile("^harvest (\\S+): (\\d+) stored", Pattern.MULTILINE);
  /** How the child gets a mount namespace in which it may mount; empty when it cannot here. */
  private static List<String> unshare = List.of();
  private static String cannotMount = "";

  @TempDir
  Path dir;

  /** What lies on the small filesystem, and so which writer meets the full disk. */
  enum Layout {
    /**
     * The store folder as configured by default: TDB2, harvest state and WARC files. Pages of 120 KB (the commitments
     * and a paragraph of random consonant words: little to compress, nothing to extract, but a third of a second of
     * extraction each), fetched faster than they are extracted: when the disk is full (TDB2's commits or the WARC
     * files, whichever writes first), a hundred fetched pages wait for extraction, and the run must end without them.
     */
    STORE_WITH_WARC(400, 120 * 1024, true, true),
    /**
     * TDB2 alone (harvest.warc on the big disk), small pages: each commit takes fresh B+tree blocks of TDB2's
     * memory-mapped files until a write to one meets SIGBUS (the JVM's InternalError, no word of the disk).
     */
    STORE_ONLY(400, 0, true, false),
    /** The WARC files alone (harvest.warc on the small disk, the store on the big one): a write fails with ENOSPC. */
    WARC_ONLY(400, 120 * 1024, false, true);

    final int pages;
    final int filler;
    final boolean storeOnSmall;
    final boolean warcOnSmall;

    Layout(int pages, int filler, boolean storeOnSmall, boolean warcOnSmall) {
      this.pages = pages;
      this.filler = filler;
      this.storeOnSmall = storeOnSmall;
      this.warcOnSmall = warcOnSmall;
    }

    /** Where the store is configured: on the small filesystem mounted at {@code small}, or beside it. */
    Path store(Path small, Path dir) {
      return (storeOnSmall ? small : dir).resolve("store");
    }

    /** Where harvest.warc points, when not the default {@code <store>/warc}. */
    Optional<Path> warc(Path small, Path dir) {
      return storeOnSmall && warcOnSmall ? Optional.empty() : Optional.of((warcOnSmall ? small : dir).resolve("warc"));
    }
  }

  @BeforeAll
  static void findHowToMount(@TempDir Path probe) throws Exception {
    StringBuilder why = new StringBuilder();
    for (List<String> prefix : List.of(List.of("unshare", "-m"), List.of("unshare", "-r", "-m"))) {
      List<String> command = new ArrayList<>(prefix);
      command.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=1m loftesgrafen-probe \"$1\"", "sh",
          probe.toString()));
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
          unshare = prefix;
          return;
        }
        why.append(String.join(" ", prefix)).append(": ").append(out).append("; ");
      } catch (IOException e) {
        why.append(String.join(" ", prefix)).append(": ").append(e.getMessage()).append("; ");
      }
    }
    cannotMount = why.toString();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void aFullDiskEndsTheHarvestWithOneLineAndExit1AndTheStoreValidates(Layout layout) throws Exception {
    Assumptions.assumeTrue(!unshare.isEmpty(), () -> "no small filesystem can be mounted here (neither as root nor in"
        + " a user namespace): " + cannotMount);
    Path small = Files.createDirectories(dir.resolve("small"));
    Path out = Files.createDirectories(dir.resolve("out"));
    try (OriginServer origin = new OriginServer(dir.resolve("empty"), List.of("kommun"))) {
      program(origin, layout);
      Path config = configure(origin, layout.store(small, dir), layout.warc(small, dir));
      Process child = start(small, out, config);
      if (!child.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        fail("the harvest did not end within " + BOUND_SECONDS + " s of a full disk:\n" + tail(out.resolve("harvest.err")));
      }
      String err = read(out.resolve("harvest.err"));
      String stdout = read(out.resolve("harvest.out"));
      assertEquals(0, child.exitValue(), "the namespace's script: " + read(out.resolve("script.log")));
      assertEquals("1", read(out.resolve("exit")).strip(), "exit code; stderr:\n" + tail(out.resolve("harvest.err")));

      Matcher summary = STORED.matcher(stdout);
      assertTrue(summary.find(), stdout);
      String runId = summary.group(1);
      int stored = Integer.parseInt(summary.group(2));
      List<String> stopLines = err.lines().filter(l -> l.startsWith("harvest " + runId + " stopped: ")).toList();
      assertEquals(1, stopLines.size(), err);
      String line = stopLines.get(0);
      assertTrue(line.contains("the disk is full") && line.contains(small.toString()), line);
      assertTrue(layout.warcOnSmall || line.contains("the store at "), line);
      assertTrue(layout.storeOnSmall || line.contains("the WARC files at "), line);
      assertTrue(err.lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception in thread")),
          "no stack trace:\n" + err);
      assertTrue(stored >= 1, "something was committed before the disk filled: " + stdout);
      long afterStop = millisFromStopToEnd(err, runId);
      assertTrue(afterStop < 10_000, "the run ended " + afterStop + " ms after it stopped:\n" + tail(out.resolve(
          "harvest.err")));

      // what was on the small filesystem is in out/small now (the mount ended with the namespace)
      Path copy = layout.store(out.resolve("small"), dir);
      try (PromiseStore store = PromiseStore.embedded(copy)) {
        Map<String, Integer> committed = HarvestKillIT.commitmentsPerPage(store);
        assertTrue(committed.size() >= stored, stored + " reported stored, in the store: " + committed.keySet());
        int expected = expectedCommitments(layout);
        committed.forEach((url, n) -> assertEquals(expected, n, url + " is complete"));
        System.out.printf("%s: %d pages reported stored, %d in the store; %s%n", layout, stored, committed.size(),
            line);
      }
      assertWhole(layout.warc(out.resolve("small"), dir).orElse(copy.resolve("warc")));

      StringWriter validated = new StringWriter();
      CommandLine cl = se.loftesgrafen.cli.Main.commandLine();
      cl.setOut(new PrintWriter(validated, true));
      cl.setErr(new PrintWriter(validated, true));
      int exit = cl.execute("validate", "--store", copy.toString());
      assertEquals(0, exit, validated.toString());
      assertTrue(validated.toString().contains(" 0 violations"), validated.toString());
    }
  }

  /**
   * The harvest in a mount namespace: the small filesystem is mounted on {@code small}, the harvest runs with its
   * output in {@code out}, then what is on the small filesystem is copied to {@code out/small} (the mount ends with
   * the namespace).
   */
  private Process start(Path small, Path out, Path config) throws IOException {
    String script = """
        small="$1"; out="$2"; shift 2
        mount -t tmpfs -o size=%s loftesgrafen-full "$small" || exit 90
        "$@" >"$out/harvest.out" 2>"$out/harvest.err"
        echo $? >"$out/exit"
        df -k "$small" >>"$out/script.log"
        cp -a "$small" "$out/small"
        """.formatted(SIZE);
    List<String> command = new ArrayList<>(unshare);
    command.addAll(List.of("sh", "-c", script, "sh", small.toString(), out.toString(),
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "se.loftesgrafen.cli.Main", "harvest",
        "--config", config.toString(), "--progress", "0"));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("script.log").toFile())).start();
  }

  private static void program(OriginServer origin, Layout layout) {
    StringBuilder index = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + "<title>Kommunen</title></head><body><main><ul>");
    for (int i = 1; i <= layout.pages; i++) {
      index.append("<li><a href=\"/trygghet/medborgarlofte-").append(i).append(".html\">Medborgarlöfte ")
          .append(i).append("</a></li>");
      int n = i;
      origin.answer("kommun", "/trygghet/medborgarlofte-" + i + ".html", (x, count) ->
          OriginServer.send(x, 200, "text/html; charset=utf-8", page(n, layout.filler)));
    }
    byte[] home = index.append("</ul></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    origin.answer("kommun", "/", (x, count) -> OriginServer.send(x, 200, "text/html; charset=utf-8", home));
  }

  /** HarvestKillIT's page, with a paragraph of {@code filler} characters of random consonant words before its end. */
  static byte[] page(int n, int filler) {
    String html = HarvestKillIT.page(n);
    if (filler > 0) {
      String letters = "bcdfghjklmnpqrstvwxz";
      Random random = new Random(n);
      StringBuilder p = new StringBuilder("<h2>Bakgrund</h2><p>");
      while (p.length() < filler) {
        for (int i = 3 + random.nextInt(8); i > 0; i--) {
          p.append(letters.charAt(random.nextInt(letters.length())));
        }
        p.append(' ');
      }
      html = html.replace("</main>", p.append("</p></main>"));
    }
    return html.getBytes(StandardCharsets.UTF_8);
  }

  private static int expectedCommitments(Layout layout) throws IOException {
    return PromiseExtractor.create(se.loftesgrafen.vocab.ThemeLexiconLoader.load()).extract(new SourceDocument("t",
        java.net.URI.create("http://127.0.0.1/"), page(1, layout.filler), Optional.of("text/html; charset=utf-8")))
        .commitments().size();
  }

  private Path configure(OriginServer origin, Path store, Optional<Path> warc) throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
        harvest:
          perHostDelay: 10ms
          firstByteTimeout: 5s
          allowPrivateAddresses: true
          pagesPerHost: 1000
        %s""".formatted(store, warc.map(w -> "  warc: " + w + "\n").orElse("")));
    Files.writeString(configDir.resolve("sources.yaml"), """
        sources:
          - url: %s/
            discover: true
        """.formatted(origin.base("kommun")));
    return configDir;
  }

  /** Every WARC file reads to its end: a record cut short by the full disk was cut back off the file. */
  private static void assertWhole(Path warcFolder) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(warcFolder)) {
      files = list.filter(f -> f.toString().endsWith(".warc.gz")).toList();
    }
    assertTrue(!files.isEmpty(), "WARC files in " + warcFolder);
    for (Path f : files) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        in.transferTo(java.io.OutputStream.nullOutputStream()); // every gzip member, to the last byte
      } catch (IOException e) {
        fail(f + " is cut short: " + e);
      }
    }
  }

  /** From the log line of the stop to the run's last log line (its counts), by the log's own clock. */
  private static long millisFromStopToEnd(String log, String runId) {
    Pattern stop = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) +\\w+ +harvest +run " + Pattern.quote(runId)
        + ": stopped: ", Pattern.MULTILINE);
    Pattern end = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) +\\w+ +harvest +run " + Pattern.quote(runId)
        + ": \\d+ stored, ", Pattern.MULTILINE);
    Matcher s = stop.matcher(log);
    Matcher e = end.matcher(log);
    assertTrue(s.find() && e.find(), "the stop and the end of run " + runId + " in the log:\n" + log);
    long millis = java.time.Duration.between(java.time.LocalTime.parse(s.group(1)),
        java.time.LocalTime.parse(e.group(1))).toMillis();
    return millis < 0 ? millis + 86_400_000 : millis; // across midnight
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = read(file).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
