package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.config.ConfigException;

class SourcesFileTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("sources.yaml"), yaml);
  }

  @Test
  void theCommittedSourcesAreWhatTheGeneratorWritesFromTheReferenceData() throws IOException {
    String committed = Files.readString(Path.of("harvest-config/sources.yaml"), StandardCharsets.UTF_8);
    assertEquals(SourcesGenerator.generate(), committed,
        "regenerate: java -cp target/loftesgrafen.jar se.loftesgrafen.harvest.SourcesGenerator harvest-config/sources.yaml");
    List<Source> sources = SourcesFile.read(Path.of("harvest-config/sources.yaml"));
    long register = Files.readAllLines(Path.of("vocab/data/kommuner.csv")).size() - 1;
    long known = Files.readAllLines(Path.of("vocab/data/kanda-sidor.csv")).size() - 1;
    assertEquals(1 + known + register, sources.size());
    assertEquals(SourcesGenerator.POLISEN_LISTING, sources.get(0).location().toString());
    assertTrue(sources.get(0).discover());
    assertTrue(sources.stream().allMatch(s -> s.kind() == Source.Kind.HTTP));
    assertTrue(sources.stream().anyMatch(s -> s.municipalities().equals(List.of("1415", "1421", "1419"))),
        "a page of three municipalities");
  }

  @Test
  void kindsAreReadFromTheUrl() throws IOException {
    List<Source> s = SourcesFile.read(write("""
        sources:
          - url: https://polisen.se/
          - url: archive.warc.gz
          - url: pages/
            municipality: "1492"
            originalUrl: https://www.amal.se/x.html
            schedule: "0 0 4 ? * SUN"
        """));
    assertEquals(List.of(Source.Kind.HTTP, Source.Kind.WARC, Source.Kind.FILE), s.stream().map(Source::kind).toList());
    assertEquals(dir.resolve("pages").toUri().toString().replaceAll("/$", ""),
        s.get(2).location().toString().replaceAll("/$", ""));
    assertEquals("0 0 4 ? * SUN", s.get(2).schedule().orElseThrow());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "sources:\\n  - url: https://a.se/\\n    municipalty: \"1492\"|line 3|unknown key",
      "sources:\\n  - url: https://a.se/\\n  - url: ftp://a.se/x|line 3|url must be http(s)",
      "sources:\\n  - url: https://a.se/\\n    municipality: \"14\"|line 3|four-digit SCB code",
      "sources:\\n  - url: https://a.se/\\n\\n    schedule: nightly|line 4|not a Quartz cron expression",
      "sources:\\n  - url: https://a.se/\\n    originalUrl: mailto:x@a.se|line 3|originalUrl must be an http(s) URL",
      "sources:\\n  - discover: true|entry 1|url is required"})
  void unknownKeysAndBadValuesAreReportedWithTheirLine(String yaml, String line, String words) throws IOException {
    ConfigException e = assertThrows(ConfigException.class, () -> SourcesFile.read(write(yaml.replace("\\n", "\n"))));
    assertTrue(e.getMessage().contains(line) && e.getMessage().contains(words), e.getMessage());
  }
}
