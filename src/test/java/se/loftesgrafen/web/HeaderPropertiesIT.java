package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.testing.RunningService;

/**
 * Generated header values on every route over a raw socket: whatever the Host, Origin, Accept or Accept-Language,
 * the answer is never a 5xx. Half of the values are joined from the pieces their grammars are made of (so most are
 * nearly right, the case that slips through a lax check), half are any bytes a header value may carry. The values
 * come from a seeded generator, so a failure is reproduced by its seed ({@code -Dheaders.seed=N} picks another).
 */
class HeaderPropertiesIT {
  private static final long SEED = Long.getLong("headers.seed", 25L);
  private static final int TRIES = 300;

  @TempDir
  static Path store;
  static RunningService service;
  static List<String> paths;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
    paths = MalformedHeadersIT.everyPath(service);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "Origin", "Accept", "Accept-Language", "Accept-Encoding"})
  void noGeneratedValueGivesA5xx(String field) throws Exception {
    Random random = new Random(SEED ^ field.hashCode());
    Function<Random, String> values = switch (field) {
      case "Host" -> HeaderPropertiesIT::host;
      case "Origin" -> HeaderPropertiesIT::origin;
      case "Accept" -> r -> pieces(r, "text", "/", "*", ";", "=", "\"", ",", "q", "0.5", "1", "2", " ", "\t",
          "profile", "\\", "turtle", "application", "ld+json", "html", "charset", "utf-8", "-", "ä", "()", "q=", ".",
          "http://www.w3.org/ns/json-ld#expanded");
      default -> r -> pieces(r, "sv", "SE", "en", "gzip", "-", "*", ";", "q=", "0.5", "1", ",", " ", "=", "\"",
          "abcdefghij", "1234", "ä");
    };
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      String path = paths.get(random.nextInt(paths.size()));
      String value = values.apply(random);
      String headers = field.equals("Host") ? "Host: " + value + "\r\n"
          : "Host: localhost\r\n" + field + ": " + value + "\r\n";
      String answer = RawHttp.exchange(service.service().port(), "GET " + path + " HTTP/1.1\r\n" + headers
          + "Connection: close\r\n\r\n");
      int status = RawHttp.status(answer);
      if (status < 200 || status >= 500) {
        wrong.add("GET " + path + " with " + headers.replace("\r\n", " | ") + "-> "
            + answer.lines().findFirst().orElse("(no answer)"));
      }
    }
    assertTrue(wrong.isEmpty(), "seed " + SEED + ", " + wrong.size() + " of " + TRIES + ":\n"
        + String.join("\n", wrong));
  }

  private static String host(Random r) {
    return r.nextBoolean() ? bytes(r) : pieces(r, "localhost", "127.0.0.1", "[", "]", "::1", ":", "80", "99999",
        "65536", "a", "-", ".", " ", "_", "%", "@", "x", "0", "ä", "[::ffff:127.0.0.1]", "1.2.3.256");
  }

  private static String origin(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "null";
      case 1 -> bytes(r);
      default -> pick(r, "http", "https", "file", "ftp", "x", "", "HTTP", "chrome-extension")
          + pick(r, "://", ":/", "//", "") + host(r);
    };
  }

  /** Up to 12 of the pieces, joined. */
  private static String pieces(Random r, String... pieces) {
    StringBuilder s = new StringBuilder();
    for (int n = r.nextInt(13); n > 0; n--) {
      s.append(pick(r, pieces));
    }
    return s.toString();
  }

  /** Any bytes a header value may carry on the wire: tab, printable ASCII and ISO-8859-1's upper half. */
  private static String bytes(Random r) {
    StringBuilder s = new StringBuilder();
    for (int n = r.nextInt(41); n > 0; n--) {
      int kind = r.nextInt(10);
      s.append(kind == 0 ? '\t' : kind < 8 ? (char) (' ' + r.nextInt(95)) : (char) (0x80 + r.nextInt(128)));
    }
    return s.toString().strip(); // a header value's edges are not part of it (RFC 9112, 5.1)
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
