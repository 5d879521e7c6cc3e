package se.loftesgrafen.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A page with its manual annotation of commitments, for training and cross-validating the commitment model.
 * Two layouts are read: the development set's case files ({@code NNN.json} with {@code text} and {@code gold}, see
 * {@code shared/eval/README.md}) and the project's fixture folders ({@code src/test/resources/extract/pages/<case>/}
 * with {@code expected.json} and {@code page.*} or {@code source.txt}).
 *
 * @param name     the case name
 * @param group    what cross-validation keeps together (the municipality: its pages never straddle train and test)
 * @param document the page as the extractor gets it
 * @param gold     the annotated commitments
 */
public record AnnotatedPage(String name, String group, SourceDocument document, List<Gold> gold) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AnnotatedPage {
    gold = List.copyOf(gold);
  }

  /**
   * One annotated commitment: its text, actor ids and the annotators' free focus-area keywords (lower case, as
   * written; {@code ThemeKeywords} maps them to theme ids). A page on which no commitment has keywords was not
   * annotated for themes (the project's own training pages), see {@link #themesAnnotated()}.
   */
  public record Gold(String text, Set<String> actors, List<String> focusAreas) {
    public Gold {
      actors = Set.copyOf(actors);
      focusAreas = List.copyOf(focusAreas);
    }

    public Gold(String text, Set<String> actors) {
      this(text, actors, List.of());
    }
  }

  /** Whether the annotator gave focus areas on this page (else its commitments say nothing about themes). */
  public boolean themesAnnotated() {
    return gold.stream().anyMatch(g -> !g.focusAreas().isEmpty());
  }

  /** Every annotated page under {@code dir}: development-set case files and fixture folders, sorted by name. */
  public static List<AnnotatedPage> load(Path dir) throws IOException {
    List<AnnotatedPage> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        if (Files.isDirectory(p) && Files.exists(p.resolve("expected.json"))) {
          out.add(fixture(p));
        } else if (p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)) {
          evalCase(p).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Optional<AnnotatedPage> evalCase(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    JsonNode gold = root.path("gold");
    if (!root.hasNonNull("text") || gold.isMissingNode()) {
      return Optional.empty();
    }
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    String group = gold.path("municipalities").path(0).asText(name).toLowerCase(Locale.ROOT);
    SourceDocument doc = document(name + ".txt", root.get("text").asText().getBytes(StandardCharsets.UTF_8));
    return Optional.of(new AnnotatedPage(name, group, doc, commitments(gold.path("commitments"))));
  }

  private static AnnotatedPage fixture(Path dir) throws IOException {
    JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
    String name = dir.getFileName().toString();
    String group = expected.path("municipalities").path(0).asText(name);
    Path source = dir.resolve("source.txt");
    SourceDocument doc;
    if (Files.exists(source)) {
      String text = Files.readString(source, StandardCharsets.UTF_8).replace("~", "").replaceAll("(?m)^# ", "");
      doc = document(name + ".txt", text.getBytes(StandardCharsets.UTF_8));
    } else {
      try (Stream<Path> files = Files.list(dir)) {
        Path page = files.filter(p -> p.getFileName().toString().startsWith("page.")).findFirst()
            .orElseThrow(() -> new IOException(dir + ": no page.* file"));
        doc = document(name + "/" + page.getFileName(), Files.readAllBytes(page));
      }
    }
    return new AnnotatedPage(name, group, doc, commitments(expected.path("commitments")));
  }

  private static List<Gold> commitments(JsonNode list) {
    List<Gold> out = new ArrayList<>();
    for (JsonNode c : list) {
      Set<String> actors = new TreeSet<>();
      c.path("actors").forEach(a -> actors.add(a.asText()));
      List<String> focus = new ArrayList<>();
      c.path("focus_areas").forEach(f -> focus.add(f.asText().strip().toLowerCase(Locale.ROOT)));
      out.add(new Gold(c.path("text").asText(), actors, focus));
    }
    return out;
  }

  private static SourceDocument document(String name, byte[] body) {
    return new SourceDocument(name, URI.create("file:///annotated/" + name.replace(' ', '_')), body, Optional.empty());
  }
}
