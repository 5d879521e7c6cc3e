package se.loftesgrafen.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
 * A CSV table with a header row, as the reference data in vocab/data/ is written (RFC 4180), read with Jackson's
 * CSV module. Every row must have as many fields as the header; a row that does not is an error naming its line.
 *
 * @param name   where it came from, for error messages
 * @param header column names
 * @param rows   one map per row, column name to value, in file order
 */
public record CsvTable(String name, List<String> header, List<Map<String, String>> rows) {
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

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

  public static CsvTable read(String name, Reader source) throws IOException {
    // A UTF-8 byte order mark would become part of the first column's name.
    java.io.PushbackReader reader = new java.io.PushbackReader(source, 1);
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema)
        .readValues(reader)) {
      while (it.hasNextValue()) {
        rows.add(new LinkedHashMap<>(it.nextValue()));
      }
      CsvSchema read = (CsvSchema) it.getParserSchema();
      List<String> header = new ArrayList<>();
      read.forEach(column -> header.add(column.getName()));
      if (header.isEmpty()) {
        throw new IllegalArgumentException(name + ": empty, expected a header row");
      }
      return new CsvTable(name, header, rows);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
