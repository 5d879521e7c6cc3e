package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.loftesgrafen.reference.MunicipalityRegister;

/**
 * Reads the bundled outcome files (classpath {@code outcomes/}: measures.csv, source.yaml and the three Kolada CSVs
 * that measures.csv names) with Jackson's CSV module into records. A malformed row fails with its file and line.
 */
public final class OutcomeFiles {
  public static final String FOLDER = "outcomes/";
  public static final OutcomeFiles CLASSPATH = new OutcomeFiles(FOLDER);
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String folder;

  private OutcomeFiles(String folder) {
    this.folder = folder;
  }

  public OutcomeData read() {
    OutcomeSource source = yaml("source.yaml", OutcomeSource.class);
    List<Measure> measures = csv("measures.csv", Measure.class);
    Set<String> files = new LinkedHashSet<>();
    measures.forEach(m -> files.add(m.file()));
    List<Outcome> outcomes = new ArrayList<>();
    Set<String> codes = MunicipalityRegister.load().all().stream().map(m -> m.code())
        .collect(Collectors.toSet());
    for (String file : files) {
      for (Outcome o : csv(file, Outcome.class)) {
        if (!codes.contains(o.code())) {
          throw new IllegalArgumentException(folder + file + ": kommunkod " + o.code() + " is not in the register");
        }
        outcomes.add(o);
      }
    }
    return new OutcomeData(source, measures, outcomes);
  }

  /** What the bundled copy is and where it came from (source.yaml), without reading the figures. */
  public OutcomeSource source() {
    return yaml("source.yaml", OutcomeSource.class);
  }

  /** The caveats of outcomes/caveats.csv, stated next to the numbers of a comparison. */
  public java.util.List<Caveat> caveats() {
    return csv("caveats.csv", Caveat.class);
  }

  /**
   * SHA-256 over the bytes of every bundled file, in a fixed order: the version of the copy, so that loading the
   * same copy again changes nothing.
   */
  public String checksum() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<String> names = new ArrayList<>(List.of("source.yaml", "measures.csv"));
      csv("measures.csv", Measure.class).stream().map(Measure::file).distinct().forEach(names::add);
      for (String name : names) {
        try (InputStream in = new DigestInputStream(open(name), digest)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + folder, e);
    }
  }

  private <T> List<T> csv(String name, Class<T> type) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<T> rows = new ArrayList<>();
    try (Reader reader = new InputStreamReader(open(name), StandardCharsets.UTF_8);
         MappingIterator<T> it = CSV.readerFor(type).with(schema).readValues(reader)) {
      while (it.hasNextValue()) {
        try {
          rows.add(it.nextValue());
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(folder + name + " line "
              + it.getCurrentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalArgumentException(folder + name + ": " + e.getMessage(), e);
    }
  }

  private <T> T yaml(String name, Class<T> type) {
    try (InputStream in = open(name)) {
      return YAML.readValue(in, type);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(folder + name + ": " + e.getMessage(), e);
    }
  }

  private InputStream open(String name) {
    InputStream in = OutcomeFiles.class.getClassLoader().getResourceAsStream(folder + name);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + folder + name);
    }
    return in;
  }
}
