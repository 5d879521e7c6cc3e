package se.loftesgrafen.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small CSV table with a header row, as the reference data in vocab/data/ is written (RFC 4180: comma
 * separated, fields with commas in double quotes, "" for a quote inside quotes; no line breaks inside fields).
 *
 * @param name   where it came from, for error messages
 * @param header column names
 * @param rows   one map per row, column name to value, in file order
 */
public record CsvTable(String name, List<String> header, List<Map<String, String>> rows) {
  public CsvTable {
    Objects.requireNonNull(name, "name");
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** Reads a table from the classpath, e.g. {@code vocab/data/kommuner.csv}. */
  public static CsvTable fromClasspath(String resource) {
    InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(resource, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  public static CsvTable read(String name, Reader reader) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String first = lines.readLine();
    if (first == null) {
      throw new IllegalArgumentException(name + ": empty, expected a header row");
    }
    List<String> header = split(name, 1, first.replace("\uFEFF", ""));
    List<Map<String, String>> rows = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = split(name, number, line);
      if (fields.size() != header.size()) {
        throw new IllegalArgumentException(
            name + " line " + number + ": " + fields.size() + " fields, header has " + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), fields.get(i));
      }
      rows.add(row);
    }
    return new CsvTable(name, header, rows);
  }

  private static List<String> split(String name, int number, String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(name + " line " + number + ": unterminated quoted field");
    }
    fields.add(field.toString());
    return fields;
  }
}
