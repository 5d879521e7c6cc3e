package se.loftesgrafen.harvest;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
  private FileChannel channel;
  private WarcWriter writer;
  private String fileName;
  private int fileIndex;

  WarcRecorder(Path folder, String runId, long maxFileBytes) {
    this.folder = folder;
    this.runId = runId;
    this.maxFileBytes = maxFileBytes;
  }

  /** Records one exchange; the response record's id and file are the snapshot's evidence. */
  synchronized FetchResult.WarcRef record(URI uri, Map<String, List<String>> requestHeaders, int status,
                                          Map<String, List<String>> responseHeaders, byte[] body, Instant date)
      throws IOException {
    open();
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
    writer.write(warcRequest);
    writer.write(warcResponse);
    return new FetchResult.WarcRef(warcResponse.id().toString(), fileName);
  }

  private void open() throws IOException {
    if (writer != null && channel.position() < maxFileBytes) {
      return;
    }
    close();
    Files.createDirectories(folder);
    fileIndex++;
    fileName = String.format("loftesgrafen-%s-%05d.warc.gz", runId, fileIndex);
    channel = FileChannel.open(folder.resolve(fileName), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    writer = new WarcWriter(channel, WarcCompression.GZIP);
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
      channel = null;
    }
  }
}
