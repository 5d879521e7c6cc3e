package se.loftesgrafen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.extract.ThemeLexicon;

class ThemeLexiconLoaderTest {
  @Test
  void everyThemeIdOfTheReferenceDataHasAConceptWithLabels() throws IOException {
    ThemeLexicon lexicon = ThemeLexiconLoader.load();
    Set<String> ids = Files.readAllLines(Path.of("vocab/data/teman.csv"), StandardCharsets.UTF_8).stream().skip(1)
        .filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
    Set<String> loaded = lexicon.themes().stream().map(ThemeLexicon.Theme::id).collect(Collectors.toSet());
    assertTrue(loaded.containsAll(ids), "missing " + ids.stream().filter(i -> !loaded.contains(i)).toList());
    ThemeLexicon.Theme drugs = lexicon.themes().stream().filter(t -> t.id().equals("narkotika")).findFirst().orElseThrow();
    assertEquals("Narkotika", drugs.prefLabel());
    assertEquals("fokusomraden", drugs.scheme());
    assertTrue(drugs.altLabels().contains("narkotikabrott"), drugs.altLabels().toString());
  }
}
