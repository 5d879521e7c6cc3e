package se.loftesgrafen.harvest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A body as its Content-Encoding says it was sent (RFC 9110, 8.4): gzip and deflate undone in reverse order of
 * application, within the body size limit (a 20 MB gzip body can inflate to 20 GB; decoding stops at the limit),
 * other codings refused. What the harvester asks for is what it can read: {@link #ACCEPTED}.
 */
final class ContentDecoding {
  /** The Accept-Encoding the harvester sends. */
  static final String ACCEPTED = "gzip, deflate";

  private ContentDecoding() {}

  /** The decoded body, or the reason it cannot be decoded within {@code limit} bytes. */
  sealed interface Outcome permits Decoded, Refused {
  }

  record Decoded(byte[] body) implements Outcome {
  }

  record Refused(String reason) implements Outcome {
  }

  static Outcome decode(byte[] body, List<String> contentEncoding, long limit) {
    List<String> codings = new ArrayList<>();
    for (String value : contentEncoding) {
      for (String c : value.split(",")) {
        String coding = c.trim().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity")) {
          codings.add(coding);
        }
      }
    }
    Collections.reverse(codings); // the last coding applied is undone first
    byte[] current = body;
    for (String coding : codings) {
      Optional<byte[]> next;
      try {
        next = switch (coding) {
          case "gzip", "x-gzip" -> read(new GZIPInputStream(new ByteArrayInputStream(current)), limit);
          case "deflate" -> deflate(current, limit);
          default -> throw new IllegalArgumentException(coding);
        };
      } catch (IllegalArgumentException e) {
        return new Refused("Content-Encoding '" + coding + "' is not one the harvester reads (it asks for "
            + ACCEPTED + ")");
      } catch (IOException e) {
        return new Refused("the body is not valid " + coding + " (Content-Encoding): " + e.getMessage());
      }
      if (next.isEmpty()) {
        return new Refused("body larger than the limit of " + limit + " bytes once decoded (Content-Encoding: "
            + coding + ")");
      }
      current = next.get();
    }
    return new Decoded(current);
  }

  /** RFC 9110's deflate is zlib (RFC 1950); some servers send raw deflate (RFC 1951): both are read. */
  private static Optional<byte[]> deflate(byte[] body, long limit) throws IOException {
    try {
      return read(new InflaterInputStream(new ByteArrayInputStream(body)), limit);
    } catch (java.util.zip.ZipException e) {
      return read(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), limit);
    }
  }

  /** The stream's bytes, or empty when they pass the limit (reading stops there). */
  private static Optional<byte[]> read(InputStream in, long limit) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (out.size() + (long) n > limit) {
          return Optional.empty();
        }
        out.write(buffer, 0, n);
      }
      return Optional.of(out.toByteArray());
    }
  }
}
