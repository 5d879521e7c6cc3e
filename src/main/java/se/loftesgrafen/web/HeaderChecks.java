package se.loftesgrafen.web;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of the request header fields that routes or Vert.x read (Host, Origin, Accept, Accept-Language,
 * Accept-Charset, Accept-Encoding, Content-Type), checked once before routing so that no handler meets a value it
 * cannot parse. Each field is held to its RFC rule; a field that breaks it gives a one-line reason.
 */
final class HeaderChecks {
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t \\x20-\\x7E\\x80-\\xFF])*\"";
  private static final String OWS = "[ \\t]*";
  /** RFC 9110 5.6.6: parameters = *( OWS ";" OWS [ parameter ] ), parameter = token "=" ( token / quoted-string ). */
  private static final String PARAMS = "(?:" + OWS + ";" + OWS + "(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED
      + "))?)*";
  /** RFC 9110 12.4.2: weight = OWS ";" OWS "q=" qvalue. */
  private static final String WEIGHT = "(?:" + OWS + ";" + OWS + "[qQ]=(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?";
  /**
   * Accept's parameters as JSON-LD clients send them: a profile IRI unquoted ({@code profile=http://...#context},
   * pyld's requests loader), which RFC 9110 would quote. Taken (Postel): any visible ASCII but '"', ',' and ';'.
   */
  private static final String LENIENT_PARAMS = "(?:" + OWS + ";" + OWS + "(?:" + TOKEN + "=(?:"
      + "[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x7E]+|" + QUOTED + "))?)*";
  private static final Pattern MEDIA_RANGE = Pattern.compile("(?:\\*/\\*|" + TOKEN + "/\\*|" + TOKEN + "/" + TOKEN
      + ")(" + LENIENT_PARAMS + ")");
  private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + PARAMS);
  private static final Pattern LANGUAGE = Pattern.compile("(?:\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)" + WEIGHT);
  private static final Pattern CODING = Pattern.compile("(?:\\*|" + TOKEN + ")" + WEIGHT);
  private static final Pattern Q_PARAM = Pattern.compile(OWS + ";" + OWS + "[qQ]=([^;]*)");
  private static final Pattern QVALUE = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");
  /**
   * RFC 3986 3.2.2: reg-name limited to its unreserved characters, dot-separated: letters, digits, '-', '_', '~'
   * (DNS names, and the '_' of container and compose host names); no percent-encoding or sub-delimiters.
   */
  private static final Pattern REG_NAME = Pattern.compile("[A-Za-z0-9_~-]+(?:\\.[A-Za-z0-9_~-]+)*\\.?");
  private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
      + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");
  private static final Pattern ORIGIN = Pattern.compile("(https?)://([^/:?#\\s]+|\\[[^\\]]*\\])(?::([0-9]{1,5}))?");

  private HeaderChecks() {}

  /** What is wrong with an HTTP/1.1 request's header fields, or empty when every checked field is well formed. */
  static Optional<String> problem(MultiMap headers) {
    return problem(headers, true);
  }

  /**
   * What is wrong with the request's header fields, or empty when every checked field is well formed. Host is
   * required of HTTP/1.1 only (RFC 9112, 3.2): an HTTP/1.0 request may lack it, and load balancers' health checks
   * (HAProxy's {@code option httpchk}) send such requests.
   */
  static Optional<String> problem(MultiMap headers, boolean hostRequired) {
    List<String> hosts = headers.getAll("Host");
    if (hosts.isEmpty() && hostRequired) {
      return Optional.of("the Host header is missing (RFC 9112, 3.2)");
    }
    if (hosts.size() > 1) {
      return Optional.of("more than one Host header (RFC 9112, 3.2)");
    }
    if (hosts.size() == 1 && !authority(hosts.get(0).trim())) {
      return Optional.of("the Host header is not a host with an optional port (RFC 9110, 7.2): " + shown(hosts.get(0)));
    }
    List<String> origins = headers.getAll("Origin");
    if (origins.size() > 1) {
      return Optional.of("more than one Origin header (RFC 6454, 7)");
    }
    if (origins.size() == 1 && !origin(origins.get(0).trim())) {
      return Optional.of("the Origin header is not \"null\" or an http(s) scheme, host and optional port (RFC 6454, 7): "
          + shown(origins.get(0)));
    }
    return fields(headers);
  }

  /** The negotiation and content fields. */
  private static Optional<String> fields(MultiMap headers) {
    return list(headers, "Accept", HeaderChecks::acceptElement, "media ranges with parameters and a weight"
        + " (RFC 9110, 12.5.1)")
        .or(() -> list(headers, "Accept-Language", e -> LANGUAGE.matcher(e).matches(), "language ranges with a weight"
            + " (RFC 9110, 12.5.4)"))
        .or(() -> list(headers, "Accept-Charset", e -> CODING.matcher(e).matches(), "charsets with a weight"
            + " (RFC 9110, 12.5.2)"))
        .or(() -> list(headers, "Accept-Encoding", e -> CODING.matcher(e).matches(), "content codings with a weight"
            + " (RFC 9110, 12.5.3)"))
        .or(() -> contentType(headers));
  }

  /** uri-host [ ":" port ] with a port of 0 to 65535 (RFC 9110 7.2, RFC 3986 3.2.2 and 3.2.3). */
  static boolean authority(String value) {
    if (value.length() > 253 + 6) { // a DNS name has at most 253 characters; checked first, before any pattern
      return false;
    }
    int colon = value.startsWith("[") ? value.indexOf(':', Math.max(0, value.indexOf(']'))) : value.indexOf(':');
    String host = colon < 0 ? value : value.substring(0, colon);
    if (colon >= 0 && !port(value.substring(colon + 1))) {
      return false;
    }
    return (IPV4.matcher(host).matches() || REG_NAME.matcher(host).matches()
        || IPV6.matcher(host).matches() && ipv6(host.substring(1, host.length() - 1)));
  }

  /** RFC 6454 7: "null", or scheme "://" host [ ":" port ]; we answer http and https origins (browsers' pages). */
  static boolean origin(String value) {
    if (value.equals("null")) {
      return true;
    }
    Matcher m = ORIGIN.matcher(value.toLowerCase(Locale.ROOT));
    return m.matches() && authority(m.group(2) + (m.group(3) == null ? "" : ":" + m.group(3)));
  }

  private static boolean port(String digits) {
    return digits.matches("[0-9]{1,5}") && Integer.parseInt(digits) <= 65535;
  }

  /** An IPv6 address in text form (RFC 4291 2.2), IPv4 tail allowed; no zone (RFC 6874 is not for Host). */
  private static boolean ipv6(String text) {
    if (text.contains(":::") || text.indexOf("::") != text.lastIndexOf("::")) {
      return false;
    }
    String[] parts = text.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        continue;
      }
      if (i == parts.length - 1 && part.contains(".")) {
        if (!IPV4.matcher(part).matches()) {
          return false;
        }
        groups += 2;
      } else if (part.matches("[0-9A-Fa-f]{1,4}")) {
        groups++;
      } else {
        return false;
      }
    }
    boolean compressed = text.contains("::");
    boolean endsOk = (!text.startsWith(":") || text.startsWith("::")) && (!text.endsWith(":") || text.endsWith("::"));
    return endsOk && (compressed ? groups < 8 : groups == 8);
  }

  private static boolean acceptElement(String element) {
    Matcher m = MEDIA_RANGE.matcher(element);
    if (!m.matches()) {
      return false;
    }
    Matcher q = Q_PARAM.matcher(m.group(1));
    while (q.find()) {
      if (!QVALUE.matcher(q.group(1)).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A list field (RFC 9110 5.6.1): elements split at commas outside quoted strings; empty elements are allowed. */
  private static Optional<String> list(MultiMap headers, String name, java.util.function.Predicate<String> element,
                                       String rule) {
    for (String value : headers.getAll(name)) {
      for (String e : elements(value)) {
        if (e == null || !e.isEmpty() && !element.test(e)) {
          return Optional.of("the " + name + " header is not a list of " + rule + ": " + shown(value));
        }
      }
    }
    return Optional.empty();
  }

  /** The trimmed elements of a list field value; a null element for an unclosed quoted string. */
  static List<String> elements(String value) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted && c == '\\' && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(current.toString().trim());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    out.add(quoted ? null : current.toString().trim());
    return out;
  }

  private static Optional<String> contentType(MultiMap headers) {
    List<String> types = headers.getAll("Content-Type");
    if (types.size() > 1) {
      return Optional.of("more than one Content-Type header (RFC 9110, 8.3)");
    }
    if (types.size() == 1 && !MEDIA_TYPE.matcher(types.get(0).trim()).matches()) {
      return Optional.of("the Content-Type header is not a media type with parameters (RFC 9110, 8.3.1): "
          + shown(types.get(0)));
    }
    return Optional.empty();
  }

  /** The value as it may go into a reason: printable ASCII only, at most 80 characters. */
  private static String shown(String value) {
    StringBuilder s = new StringBuilder("\"");
    value.codePoints().limit(80).forEach(c -> s.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
        : String.format("\\x%02X", c & 0xFF)));
    return s.append(value.length() > 80 ? "...\"" : "\"").toString();
  }
}
