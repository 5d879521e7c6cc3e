package se.loftesgrafen.extract.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.SourceDocument;

/**
 * Sniffs what a document is (PDF, HTML or text) and decodes it. The charset comes, in order, from the HTTP
 * Content-Type, a byte order mark, an HTML meta declaration, or detection: bytes that are not valid UTF-8 are
 * read as Windows-1252, the superset of ISO-8859-1 that older municipal sites serve undeclared.
 */
public final class DocumentReader {
  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_START = Pattern.compile(
      "<(!doctype\\s+html|html|head|body|meta|title|div|p|h[1-6]|ul|table|article|main|section)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final HtmlReader html;
  private final TextReader text;
  private final PdfReader pdf = new PdfReader();

  /** A reader with these HTML and text readers (PDFs are read by layout). */
  public DocumentReader(HtmlReader html, TextReader text) {
    this.html = html;
    this.text = text;
  }

  /** A document's main text, whatever its format. */
  public MainText read(SourceDocument doc) throws IOException {
    byte[] body = doc.body();
    String type = doc.contentType().orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("pdf") || startsWith(body, "%PDF-")) {
      return pdf.read(body, text.builder());
    }
    Optional<Charset> declared = doc.contentType().flatMap(DocumentReader::charsetOf);
    if (type.contains("html") || type.contains("xml") || looksLikeHtml(body)) {
      Optional<Charset> cs = declared.or(() -> bom(body)).or(() -> metaCharset(body));
      return html.read(cs.isPresent() ? decodeLabelled(body, cs.get()) : decodeDetected(body), doc.uri().toString());
    }
    Optional<Charset> cs = declared.or(() -> bom(body));
    return text.read(cs.isPresent() ? decodeLabelled(body, cs.get()) : decodeDetected(body));
  }

  /**
   * The label is a claim the bytes can refute. Between UTF-8 and Windows-1252 (labelled so, or as ISO-8859-1) the
   * bytes decide: a Latin-1 page labelled UTF-8 is not valid UTF-8 (it would read "Hrs" for "Höörs"), and a UTF-8
   * page labelled Latin-1 has valid multi-byte sequences (it would read "HÃ¶Ã¶rs"); both happen on municipal sites
   * whose CMS and server disagree. Other labels (UTF-16, ...) are trusted.
   */
  private static String decodeLabelled(byte[] body, Charset label) {
    if (label.equals(StandardCharsets.UTF_8) || label.equals(WINDOWS_1252)) {
      return decodeDetected(body);
    }
    return decode(body, label);
  }

  /**
   * UTF-8 when the bytes are valid UTF-8, else Windows-1252. The fast decoder replaces malformed input with U+FFFD;
   * only a text holding U+FFFD is checked strictly (it may be a real U+FFFD, or Windows-1252 bytes).
   */
  private static String decodeDetected(byte[] b) {
    String fast = new String(b, StandardCharsets.UTF_8);
    if (fast.indexOf('\ufffd') < 0) {
      return fast;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, WINDOWS_1252);
    }
  }

  static Optional<Charset> charsetOf(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? lookup(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> lookup(String name) {
    try {
      Charset cs = Charset.forName(name);
      // WHATWG encoding: pages labelled ISO-8859-1 or ASCII are decoded as Windows-1252.
      if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
        return Optional.of(WINDOWS_1252);
      }
      return Optional.of(cs);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<Charset> bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  /** A meta charset in the first 4 KB, as browsers pre-scan; a UTF-8 claim that the bytes contradict is ignored. */
  static Optional<Charset> metaCharset(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE).matcher(head);
    if (!m.find()) {
      return Optional.empty();
    }
    // A UTF-8 claim is left to detection: pages that say utf-8 and serve Windows-1252 exist.
    return lookup(m.group(1)).filter(cs -> !cs.equals(StandardCharsets.UTF_8));
  }

  /** UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
  public static Charset detect(byte[] b) {
    return isUtf8(b) ? StandardCharsets.UTF_8 : WINDOWS_1252;
  }

  static boolean isUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String decode(byte[] b, Charset cs) {
    String s = new String(b, cs);
    return !s.isEmpty() && s.charAt(0) == '\ufeff' ? s.substring(1) : s;
  }

  private static boolean looksLikeHtml(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.ISO_8859_1);
    return HTML_START.matcher(head).find();
  }

  private static boolean startsWith(byte[] b, String magic) {
    int skip = 0;
    while (skip < b.length && skip < 1024 && b[skip] != '%') {
      skip++;
    }
    if (b.length - skip < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (b[skip + i] != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
