package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The header grammars, field by field: what a browser, curl or a SPARQL client sends passes; the rest names why. */
class HeaderChecksTest {
  private static Optional<String> check(String... nameValues) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      headers.add(nameValues[i], nameValues[i + 1]);
    }
    return HeaderChecks.problem(headers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1:0", "[::1]", "[::1]:65535", "[2001:db8::7]:80",
      "[::ffff:127.0.0.1]", "example.org.", "w3id.org", "a-b.c", "replica_a:8081"})
  void hostsAsSentAreTaken(String host) {
    assertEquals(Optional.empty(), check("Host", host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "[::1", "x:99999", "x:", "x:-1", "[::1]x", "1.2.3.4:80:80", "a,b", "a..b", "ä",
      "[1:2:3:4:5:6:7:8:9]", "[1::2::3]", "u@host", "host/path"})
  void brokenHostsAreNamed(String host) {
    assertTrue(check("Host", host).orElseThrow().contains("Host header"), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "http://localhost", "https://example.org:8443", "http://[::1]:3000",
      "HTTP://EXAMPLE.ORG"})
  void originsOfPagesAreTaken(String origin) {
    assertEquals(Optional.empty(), check("Host", "localhost", "Origin", origin), origin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "file://", "\"", "http://", "http://a b", "https://x:99999", "http://x/path",
      "ftp://example.org", "http://u@x"})
  void brokenOriginsAreNamed(String origin) {
    assertTrue(check("Host", "localhost", "Origin", origin).orElseThrow().contains("Origin header"), origin);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Accept|text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8",
      "Accept|application/sparql-results+json,application/sparql-results+xml;q=0.9,*/*;q=0.1",
      "Accept|application/ld+json; profile=\"http://www.w3.org/ns/json-ld#expanded\"",
      // pyld's loader fetching a remote @context: the profile IRI unquoted
      "Accept|application/ld+json;profile=http://www.w3.org/ns/json-ld#context, application/ld+json, application/json;"
          + "q=0.5, text/html;q=0.8, application/xhtml+xml;q=0.8",
      "Accept|text/turtle; q=1.0, , application/n-triples; Q=0.5",
      "Accept|*/*",
      "Accept-Language|sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7, *;q=0.1",
      "Accept-Encoding|gzip, deflate, br, zstd;q=0.5, identity;q=0",
      "Accept-Charset|utf-8, iso-8859-1;q=0.5",
      "Content-Type|application/x-www-form-urlencoded; charset=UTF-8"})
  void listsClientsSendAreTaken(String name, String value) {
    assertEquals(Optional.empty(), check("Host", "localhost", name, value), value);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Accept|;", "Accept|application/ld+json; profile=\"", "Accept|text/turtle;q=abc", "Accept|text/turtle;q=1.5",
      "Accept|text", "Accept|text/", "Accept|/html", "Accept|text/html;=x", "Accept|text/ä",
      "Accept-Language|sv;;q=1", "Accept-Language|=", "Accept-Language|abcdefghi", "Accept-Language|sv_SE",
      "Accept-Encoding|gzip;q=2", "Content-Type|form"})
  void brokenListsAreNamed(String name, String value) {
    String reason = check("Host", "localhost", name, value).orElseThrow();
    assertTrue(reason.contains("the " + name + " header"), reason);
    assertFalse(reason.contains("\n"), reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "Origin", "Content-Type"})
  void aFieldGivenTwiceIsNamed(String name) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Host", "localhost");
    if (!name.equals("Host")) {
      headers.add(name, name.equals("Origin") ? "null" : "text/plain");
    }
    headers.add(name, name.equals("Host") ? "localhost" : name.equals("Origin") ? "null" : "text/plain");
    assertTrue(HeaderChecks.problem(headers).orElseThrow().contains("more than one " + name), name);
  }
}
