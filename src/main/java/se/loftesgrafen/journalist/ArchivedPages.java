package se.loftesgrafen.journalist;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;
import se.loftesgrafen.harvest.WarcPayloads;

/**
 * A page as it was fetched: the snapshot's provenance (queries/journalist-snapshot.rq) and its bytes read back from
 * the WARC record it names (as re-extraction reads them, {@link WarcPayloads}), checked against the recorded
 * SHA-256. Pages read from local files (the bundled sample) have no record: that is an answer, not an error.
 */
public final class ArchivedPages {
  /** What the graph says about one snapshot. */
  public record Snapshot(String iri, String url, String fetchedAt, String sha256, String contentType,
                         Optional<String> warcRecord, Optional<String> warcFile, Optional<String> replacedAt) {
    public Snapshot {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(warcRecord, "warcRecord");
      Objects.requireNonNull(warcFile, "warcFile");
      Objects.requireNonNull(replacedAt, "replacedAt");
    }
  }

  /** The outcome of reading a snapshot's bytes back. */
  public sealed interface Copy permits Archived, NotArchived {
    Snapshot snapshot();
  }

  /** The bytes as fetched, with the content type they were served with. */
  public record Archived(Snapshot snapshot, byte[] body, String contentType) implements Copy {
    public boolean pdf() {
      return contentType.toLowerCase(java.util.Locale.ROOT).contains("pdf")
          || body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
    }
  }

  /** No bytes to show, and why (no WARC record, file missing, hash differs). */
  public record NotArchived(Snapshot snapshot, Reason reason, String detail) implements Copy {
  }

  public enum Reason { NO_RECORD, MISSING, CORRUPT }

  private static final String SNAPSHOT_ID = "[0-9a-f]{12}-[0-9a-f]{16}";
  private final PromiseStore store;
  private final Iris iris;
  private final WarcPayloads warcs;
  private final Duration timeout;

  /** @param warcFolders where WARC files are looked for, in order (the store's {@code warc/} first) */
  public ArchivedPages(PromiseStore store, Iris iris, List<Path> warcFolders, Duration timeout) {
    this.store = store;
    this.iris = iris;
    this.warcs = new WarcPayloads(warcFolders);
    this.timeout = timeout;
  }

  /** Whether an id has the shape of our snapshot ids ({@code id/snapshot/<12 hex>-<16 hex>}). */
  public static boolean validId(String id) {
    return id.matches(SNAPSHOT_ID);
  }

  /** The snapshot {@code id/snapshot/<id>}, if the store has it. */
  public Optional<Snapshot> find(String id) {
    if (!validId(id)) {
      return Optional.empty();
    }
    String snapshot = iris.base() + "id/snapshot/" + id;
    ParameterizedSparqlString q = Queries.load("journalist-snapshot");
    q.setIri("snapshot", snapshot);
    return store.query(q.asQuery(), timeout, exec -> {
      var rows = exec.select();
      if (!rows.hasNext()) {
        return Optional.<Snapshot>empty();
      }
      Binding b = rows.next();
      return Optional.of(new Snapshot(snapshot, value(b, "url").orElse(""), value(b, "at").orElse(""),
          value(b, "sha").orElse(""), value(b, "format").orElse("application/octet-stream"), value(b, "record"),
          value(b, "file"), value(b, "until")));
    });
  }

  /** Reads the snapshot's bytes back from its WARC record and checks them against its hash. */
  public Copy read(Snapshot s) throws IOException {
    if (s.warcRecord().isEmpty() || s.warcFile().isEmpty()) {
      return new NotArchived(s, Reason.NO_RECORD, "read from a local file, not fetched over HTTP: no WARC record");
    }
    Optional<Path> file = warcs.locate(s.warcFile().get());
    if (file.isEmpty()) {
      return new NotArchived(s, Reason.MISSING, "WARC file " + s.warcFile().get() + " not found in " + warcs.folders());
    }
    WarcPayloads.Payload[] found = new WarcPayloads.Payload[1];
    warcs.read(file.get(), Set.of(s.warcRecord().get()), (id, payload) -> found[0] = payload);
    if (found[0] == null) {
      return new NotArchived(s, Reason.MISSING, "WARC record " + s.warcRecord().get() + " not in " + file.get());
    }
    String sha = Iris.sha256Hex(found[0].body());
    if (!sha.equals(s.sha256())) {
      return new NotArchived(s, Reason.CORRUPT, "WARC record " + s.warcRecord().get() + " in " + file.get()
          + " has SHA-256 " + sha + ", the snapshot says " + s.sha256());
    }
    return new Archived(s, found[0].body(), found[0].contentType().orElse(s.contentType()));
  }

  private static Optional<String> value(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    if (n == null) {
      return Optional.empty();
    }
    return Optional.of(n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
  }

  /** The text of a PDF, page by page (a sandboxed frame cannot show the PDF itself); at most {@code maxPages}. */
  public static List<String> pdfPages(byte[] pdf, int maxPages) throws IOException {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      List<String> pages = new java.util.ArrayList<>();
      for (int p = 1; p <= Math.min(maxPages, doc.getNumberOfPages()); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc).strip());
      }
      return pages;
    }
  }
}
