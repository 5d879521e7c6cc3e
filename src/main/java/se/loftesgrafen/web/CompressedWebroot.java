package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The web page's text files gzipped once, at mount, for clients that accept gzip: Vert.x sends static files with
 * {@code sendFile}, which its compressor never touches, so without this the page and its scripts went uncompressed.
 * A client that does not ask for gzip falls through to the StaticHandler and gets the plain file as before.
 * Every compressible file of {@code webroot/} is listed here (a test checks the folder against the list).
 */
final class CompressedWebroot implements io.vertx.core.Handler<RoutingContext> {
  /** The webroot's text files; {@code /} is the index page. */
  static final List<String> FILES = List.of("/index.html", "/app.js", "/journalist.js", "/app.css", "/archive.css",
      "/openapi.json");
  private static final String MAX_AGE = "public, max-age=60";

  private record Gzipped(String type, Buffer body, String etag) {
  }

  private final Map<String, Gzipped> files = new HashMap<>();
  private final String lastModified = DataClock.httpDate(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  /** Reads and gzips the files from the classpath: call at mount, never on the event loop. */
  CompressedWebroot() {
    FILES.forEach(path -> {
      // the type as the StaticHandler gives it: text types with their charset
      String type = io.vertx.core.http.MimeMapping.mimeTypeForFilename(path);
      type = type.startsWith("text") ? type + ";charset=UTF-8" : type;
      byte[] gz = gzip(read("webroot" + path));
      files.put(path, new Gzipped(type, Buffer.buffer(gz), "\"gz-" + sha256(gz).substring(0, 16) + "\""));
    });
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath().equals("/") ? "/index.html" : ctx.normalizedPath();
    Gzipped file = files.get(path);
    String accepts = ctx.request().getHeader("Accept-Encoding");
    if (file == null || accepts == null || !acceptsGzip(accepts)) {
      ctx.next();
      return;
    }
    var response = ctx.response().putHeader("Content-Type", file.type()).putHeader("Content-Encoding", "gzip")
        .putHeader("Vary", "Accept-Encoding").putHeader("Cache-Control", MAX_AGE).putHeader("ETag", file.etag())
        .putHeader("Last-Modified", lastModified);
    if (file.etag().equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Length", Integer.toString(file.body().length()));
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.end();
    } else {
      response.end(file.body());
    }
  }

  /** Whether {@code Accept-Encoding} lists gzip (or *) without {@code q=0} (RFC 9110, 12.5.3). */
  static boolean acceptsGzip(String header) {
    for (String part : header.split(",")) {
      String[] bits = part.strip().split(";");
      String coding = bits[0].strip();
      if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
        boolean refused = List.of(bits).subList(1, bits.length).stream().map(b -> b.replace(" ", ""))
            .anyMatch(b -> b.matches("(?i)q=0(\\.0*)?"));
        return !refused;
      }
    }
    return false;
  }

  private static byte[] read(String resource) {
    try (InputStream in = CompressedWebroot.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the web page's file " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip the web page's files", e);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
