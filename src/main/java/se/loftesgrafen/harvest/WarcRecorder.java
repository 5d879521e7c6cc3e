package se.loftesgrafen.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Appends every HTTP exchange of a run to WARC files in the store's {@code warc/} folder (ISO 28500: a request
 * record and a response record per exchange, each its own gzip member), rotating to a new file at a size limit:
 * {@code warc/loftesgrafen-<run>-<n>.warc.gz}. Each record is written to the file before the snapshot that points
 * at it is committed to the store, so evidence never lags behind the graph.
 */
final class WarcRecorder implements AutoCloseable {
  static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
  private final Path folder;
  private final String runId;
  private final long maxFileBytes;
  private RandomAccessFile file;
  private String fileName;
  private int fileIndex;

  WarcRecorder(Path folder, String runId, long maxFileBytes) {
    this.folder = folder;
    this.runId = runId;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Records one exchange; the response record's id and file are the snapshot's evidence. The records are built and
   * compressed by the calling thread; only the append to the file is serialised (many hosts record at once).
   */
  FetchResult.WarcRef record(URI uri, Map<String, List<String>> requestHeaders, int status,
                             Map<String, List<String>> responseHeaders, byte[] body, Instant date) throws IOException {
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    HttpRequest.Builder request = new HttpRequest.Builder("GET", target + (uri.getRawQuery() == null ? ""
        : "?" + uri.getRawQuery())).addHeader("Host", uri.getRawAuthority());
    requestHeaders.forEach((name, values) -> values.forEach(v -> request.addHeader(name, v)));
    HttpResponse.Builder response = new HttpResponse.Builder(status, "");
    responseHeaders.forEach((name, values) -> {
      // The body is kept decoded from chunked transfer; its length is the one written below.
      if (!name.startsWith(":") && !name.equalsIgnoreCase("transfer-encoding")
          && !name.equalsIgnoreCase("content-length")) {
        values.forEach(v -> response.addHeader(name, v));
      }
    });
    response.setHeader("Content-Length", String.valueOf(body.length));
    String contentType = responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
        .flatMap(e -> e.getValue().stream()).findFirst().orElse("application/octet-stream");
    response.body(MediaType.parseLeniently(contentType), body);
    UUID responseId = UUID.randomUUID();
    WarcResponse warcResponse = new WarcResponse.Builder(uri).recordId(responseId).date(date)
        .body(response.build()).build();
    WarcRequest warcRequest = new WarcRequest.Builder(uri).date(date).concurrentTo(warcResponse.id())
        .body(request.build()).build();
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream(body.length / 2 + 1024);
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(gzipped), WarcCompression.GZIP)) {
      writer.write(warcRequest); // each record its own gzip member, as WARC readers expect
      writer.write(warcResponse);
    }
    return new FetchResult.WarcRef(warcResponse.id().toString(), append(gzipped.toByteArray()));
  }

  /**
   * Appends whole records to the current file, rotating at the size limit; the file name it went to. A write that
   * fails (the disk is full) is cut back off the file, so that the file holds whole records only, and stops the run:
   * {@link WriteFailedException}. RandomAccessFile, not FileChannel: an interrupt (a run being stopped) would close
   * a FileChannel under every other host's thread and leave a record cut short.
   */
  private synchronized String append(byte[] records) {
    long start = -1;
    try {
      if (file == null || file.length() >= maxFileBytes) {
        close();
        Files.createDirectories(folder);
        fileIndex++;
        fileName = String.format("loftesgrafen-%s-%05d.warc.gz", runId, fileIndex);
        file = new RandomAccessFile(folder.resolve(fileName).toFile(), "rw");
        file.seek(file.length());
      }
      start = file.getFilePointer();
      file.write(records);
      return fileName;
    } catch (IOException e) {
      if (start >= 0) {
        try {
          file.setLength(start);
          file.seek(start);
        } catch (IOException again) {
          e.addSuppressed(again);
        }
      }
      throw new WriteFailedException(folder, e);
    }
  }

  /** The run's WARC files cannot be written: no further page can keep its evidence, so the run stops. */
  static final class WriteFailedException extends RuntimeException {
    private final Path folder;

    WriteFailedException(Path folder, IOException cause) {
      super("cannot write a WARC record in " + folder + ": " + cause.getMessage(), cause);
      this.folder = folder;
    }

    /** The line the run stops with. */
    String reason() {
      return WriteFailure.warc(folder, getCause());
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      file.close();
      file = null;
    }
  }
}
