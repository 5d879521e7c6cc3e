package se.loftesgrafen.graph.dump;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;
import se.loftesgrafen.graph.compare.ComparisonQueries;
import se.loftesgrafen.graph.compare.ComparisonRegister;
import se.loftesgrafen.graph.compare.ComparisonResults;
import se.loftesgrafen.graph.compare.ComparisonThemes;

/**
 * Writes the release dumps of the whole graph into a folder: N-Quads (gzip), JSON-LD (expanded, one node object
 * per subject and graph) and a flat CSV of commitments, then {@code release.json} with the data version, date,
 * counts and SHA-256 of each file. Files are written under temporary names and moved into place, release.json
 * last, so a reader never sees a half-written release.
 */
public final class DumpWriter {
  public static final String NQUADS = "loftesgrafen.nq.gz";
  /**
   * The same N-Quads uncompressed, as a URL: served from {@link #NQUADS}, gzip-coded on the wire for a client that
   * accepts it (RFC 9110 8.4), decompressed for one that does not. Not a file of the release.
   */
  public static final String NQUADS_PLAIN = "loftesgrafen.nq";
  public static final String JSONLD = "loftesgrafen.jsonld";
  public static final String CSV = "commitments.csv";
  public static final String CSV_METADATA = CommitmentCsvMetadata.FILE;
  public static final String RELEASE = "release.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One file of a release. */
  public record DumpFile(String name, String mediaType, long bytes, String sha256) {
  }

  /**
   * The metadata of one release of the dumps; {@code nquadsBytes}: the size of the N-Quads uncompressed (the
   * Content-Length of {@link #NQUADS_PLAIN} sent without compression).
   */
  public record Release(long version, String date, Map<String, Long> counts, List<DumpFile> files,
                        long nquadsBytes) {
    public Release {
      counts = Map.copyOf(counts);
      files = List.copyOf(files);
    }
  }

  private final PromiseStore store;
  private final Iris iris;
  private final Path folder;

  public DumpWriter(PromiseStore store, Iris iris, Path folder) {
    this.store = store;
    this.iris = iris;
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** The release in the folder, if one was written. */
  public Optional<Release> current() {
    Path file = folder.resolve(RELEASE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      // a release written before nquadsBytes was recorded is written again, as an unreadable one is
      return Optional.of(JSON.readValue(file.toFile(), Release.class)).filter(r -> r.nquadsBytes() > 0);
    } catch (IOException e) {
      return Optional.empty(); // an unreadable release is written again
    }
  }

  /** The folder of the files of a release: each release has its own, so readers of the last one are undisturbed. */
  public Path filesOf(Release release) {
    return folder.resolve("release-" + release.version());
  }

  /**
   * Writes a release of the store's current data into its own folder, then points release.json at it and removes
   * older releases; returns its metadata. Blocks: run it on a worker.
   */
  public Release write() throws IOException {
    long version = store.version();
    Path target = folder.resolve("release-" + version);
    Files.createDirectories(target);
    List<DumpFile> files = new ArrayList<>();
    AtomicLong quads = new AtomicLong();
    AtomicLong plainBytes = new AtomicLong();
    files.add(writeFile(target, NQUADS, "application/n-quads", out -> {
      try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(new Counting(gz, plainBytes), RDFFormat.NQUADS_UTF8);
        store.export(new StreamRDFWrapper(writer) {
          @Override
          public void quad(Quad quad) {
            quads.incrementAndGet();
            super.quad(quad);
          }
        });
      }
    }));
    files.add(writeFile(target, JSONLD, "application/ld+json", out -> {
      try (JsonLdDumpWriter writer = new JsonLdDumpWriter(out)) {
        store.export(writer);
      }
    }));
    files.add(writeFile(target, CSV, "text/csv", out -> out.write(commitmentsCsv())));
    files.add(writeFile(target, CSV_METADATA, "application/ld+json", out -> out.write(CommitmentCsvMetadata.json())));
    Map<String, Long> counts = new LinkedHashMap<>(counts());
    counts.put("quads", quads.get());
    // The date of the data, not of the writing: a release of unchanged data is the same release.
    Release release = new Release(version, Instant.ofEpochMilli(version).toString(), counts, files,
        plainBytes.get());
    Path tmp = folder.resolve(RELEASE + ".tmp");
    JSON.writeValue(tmp.toFile(), release);
    Files.move(tmp, folder.resolve(RELEASE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    removeOlderThan(target);
    return release;
  }

  /**
   * The commitments in the one CSV schema of the API ({@link CommitmentCsv}): the same rows, in the same order, as
   * the API gives per municipality (municipality code, then promise period, promise and commitment).
   */
  private byte[] commitmentsCsv() {
    ComparisonQueries queries = new ComparisonQueries(store, iris, Duration.ofHours(1), ComparisonRegister.load(),
        false, false, java.time.Clock.systemUTC());
    ComparisonThemes themes = queries.themes();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ComparisonResults.MunicipalityCommitments m : queries.allCommitments()) {
      m.commitments().forEach(c -> rows.add(CommitmentCsv.row(m.municipality(), c, themes)));
    }
    return CommitmentCsv.write(CommitmentCsv.COLUMNS, rows);
  }

  /** The metadata as served at /dumps/release.json. */
  public static byte[] json(Release release) throws IOException {
    return JSON.writeValueAsBytes(release);
  }

  private void removeOlderThan(Path keep) throws IOException {
    try (var old = Files.list(folder)) {
      for (Path dir : old.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("release-")
          && !p.equals(keep)).toList()) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
  }

  private Map<String, Long> counts() {
    return store.query(Queries.load("dump-counts").asQuery(), Duration.ofMinutes(10), exec -> {
      RowSet rows = exec.select();
      Map<String, Long> counts = new LinkedHashMap<>();
      if (rows.hasNext()) {
        Binding b = rows.next();
        for (String var : List.of("promises", "commitments", "municipalities")) {
          counts.put(var, Long.parseLong(b.get(var).getLiteralLexicalForm()));
        }
      }
      return counts;
    });
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private DumpFile writeFile(Path target, String name, String mediaType, Body body) throws IOException {
    Path tmp = target.resolve(name + ".tmp");
    MessageDigest sha = sha256();
    try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), sha)) {
      body.write(new NonClosing(out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Files.move(tmp, target.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new DumpFile(name, mediaType, Files.size(target.resolve(name)), HexFormat.of().formatHex(sha.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Counts the bytes written through it. */
  private static final class Counting extends java.io.FilterOutputStream {
    private final AtomicLong count;

    Counting(OutputStream out, AtomicLong count) {
      super(out);
      this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count.addAndGet(len);
    }
  }

  /** Writers close what they are given; the file is closed by writeFile, after the digest is complete. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

}
