package se.loftesgrafen.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.loftesgrafen.reference.MunicipalityRegister;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

/** The annotated fixture pages of src/test/resources/extract/pages, and one shared extractor for tests. */
public final class Fixtures {
  static final Path PAGES = Path.of("src/test/resources/extract/pages");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PromiseExtractor extractor;

  /** One case: the document as the extractor gets it, its plain-text form, and the expected annotation. */
  record Case(String name, SourceDocument document, Optional<String> sourceText, JsonNode expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Fixtures() {}

  public static synchronized PromiseExtractor extractor() {
    if (extractor == null) {
      extractor = PromiseExtractor.create(ExtractionRules.load(), ThemeLexiconLoader.load(), MunicipalityRegister.load());
    }
    return extractor;
  }

  static List<Case> cases() {
    try (Stream<Path> dirs = Files.list(PAGES)) {
      List<Case> out = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        out.add(load(dir));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case load(Path dir) throws IOException {
    JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
    String name = dir.getFileName().toString();
    Path source = dir.resolve("source.txt");
    if (Files.exists(source)) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      byte[] pdf = FixturePdf.render(text);
      return new Case(name, doc(name + "/page.pdf", pdf), Optional.of(plain(text)), expected);
    }
    try (Stream<Path> files = Files.list(dir)) {
      Path page = files.filter(p -> p.getFileName().toString().startsWith("page.")).findFirst()
          .orElseThrow(() -> new IOException(dir + ": no page.* file"));
      byte[] body = Files.readAllBytes(page);
      Optional<String> text = page.toString().endsWith(".txt")
          ? Optional.of(new String(body, StandardCharsets.UTF_8)) : Optional.empty();
      return new Case(name, doc(name + "/" + page.getFileName(), body), text, expected);
    }
  }

  /** The source of a PDF fixture as the plain text a page would carry (no markup, no forced hyphens). */
  static String plain(String source) {
    return source.replace("~", "").replaceAll("(?m)^# ", "");
  }

  public static SourceDocument doc(String name, byte[] body) {
    try {
      return new SourceDocument(name, new URI("file", null, "/fixtures/" + name, null), body, Optional.empty());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  public static SourceDocument text(String name, String text) {
    return doc(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
