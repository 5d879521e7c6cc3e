package se.loftesgrafen.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 290 municipalities of {@code vocab/data/kommuner.csv}, looked up by SCB code, by name in the forms that
 * pages use ("Åmål", "Åmåls kommun", "i Åmål", "Karlstadsborna", "Dals-Eds kommun", "Malung-Sälens"), by the
 * slug of a polisen.se URL ("malung-salen") and by website domain ("www.amal.se", "e-tjanster.amal.se").
 */
public final class MunicipalityRegister {
  static final String RESOURCE = "vocab/data/kommuner.csv";
  private static final Pattern PREFIX = Pattern.compile("^(i|från|för|till|mot|inom|om)\\s+");
  private static final Pattern SUFFIX = Pattern.compile(
      "\\s+(kommun|kommuns|kommuner|stad|stads|municipality)$");

  private final Map<String, Municipality> byCode = new LinkedHashMap<>();
  private final Map<String, Municipality> byForm = new HashMap<>();
  private final Map<String, Municipality> bySlug = new HashMap<>();
  private final Map<String, Municipality> byDomain = new HashMap<>();
  private int longestName;

  private MunicipalityRegister(List<Municipality> all) {
    for (Municipality m : all) {
      byCode.put(m.code(), m);
      String name = m.name().toLowerCase(Locale.ROOT);
      longestName = Math.max(longestName, name.split(" ").length);
      for (String form : forms(name)) {
        byForm.putIfAbsent(form, m);
      }
      bySlug.put(slug(m.name()), m);
      if (!m.domain().isBlank()) {
        byDomain.put(m.domain().toLowerCase(Locale.ROOT), m);
      }
    }
  }

  /** The register shipped on the classpath. */
  public static MunicipalityRegister load() {
    try (InputStream in = MunicipalityRegister.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("municipality register not on the classpath: " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static MunicipalityRegister parse(InputStream in) throws IOException {
    CsvTable table = CsvTable.read(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
    if (!table.header().equals(List.of("kommunkod", "kommun", "lanskod", "lan", "wikidata", "webbplats"))) {
      throw new IllegalStateException(RESOURCE + ": unexpected header " + table.header());
    }
    List<Municipality> all = new ArrayList<>();
    for (Map<String, String> row : table.rows()) {
      if (!row.get("kommunkod").matches("\\d{4}")) {
        throw new IllegalStateException(RESOURCE + ": not a 4-digit municipality code: " + row);
      }
      all.add(new Municipality(row.get("kommunkod"), row.get("kommun").strip(), row.get("lanskod"), row.get("lan"),
          row.get("wikidata"), row.get("webbplats").strip()));
    }
    return new MunicipalityRegister(all);
  }

  public Collection<Municipality> all() {
    return byCode.values();
  }

  public Optional<Municipality> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** By name or an inflected form of it: "Älmhults kommun", "Karlstadsborna", "i Åmål", "Dals-Eds". */
  public Optional<Municipality> byName(String text) {
    String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ");
    s = PREFIX.matcher(s).replaceFirst("");
    s = SUFFIX.matcher(s).replaceFirst("");
    return Optional.ofNullable(byForm.get(s));
  }

  /** By the municipality part of a URL path, as polisen.se writes it ("malung-salen", "ostra-goinge"). */
  public Optional<Municipality> bySlug(String slug) {
    return Optional.ofNullable(bySlug.get(slug.toLowerCase(Locale.ROOT)));
  }

  /** By website host: the host itself or any parent domain of it ("www.amal.se" → amal.se). */
  public Optional<Municipality> byDomain(String host) {
    String h = host.toLowerCase(Locale.ROOT).strip();
    while (h.contains(".")) {
      Municipality m = byDomain.get(h);
      if (m != null) {
        return Optional.of(m);
      }
      h = h.substring(h.indexOf('.') + 1);
    }
    return Optional.empty();
  }

  public Optional<Municipality> byUri(URI uri) {
    return uri.getHost() == null ? Optional.empty() : byDomain(uri.getHost());
  }

  /** The longest name in words ("Upplands Väsby" is 2), for scanning text with windows. */
  public int longestNameWords() {
    return longestName;
  }

  /** Lower-case forms a name takes in running text: the name, its genitive, and the inhabitants' nouns. */
  static List<String> forms(String name) {
    List<String> out = new ArrayList<>();
    out.add(name);
    boolean sibilant = name.endsWith("s") || name.endsWith("x") || name.endsWith("z");
    String genitive = sibilant ? name : name + "s";
    out.add(genitive);
    for (String stem : List.of(name, genitive)) {
      out.add(stem + "bor");
      out.add(stem + "borna");
      out.add(stem + "bors");
      out.add(stem + "bornas");
    }
    return out;
  }

  /** ASCII slug as in polisen.se URLs: "Malung-Sälen" → "malung-salen", "Upplands Väsby" → "upplands-vasby". */
  public static String slug(String name) {
    String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
