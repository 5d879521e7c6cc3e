package se.loftesgrafen.extract.commitment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The form every learned model of the extractor ships in: {@code #} lines saying what produced it, blank lines, and
 * rows of tab-separated columns whose last is a number. Read here once for the commitment, actor and theme models;
 * each says what its rows mean.
 *
 * @param what   the model's name for messages ("commitment model")
 * @param header the {@code #} lines without their mark
 * @param rows   the other non-blank lines, split at tabs, with their line numbers
 */
record WeightsFile(String what, List<String> header, List<Row> rows) {
  WeightsFile {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** One line of weights. */
  record Row(int line, List<String> cols) {
    Row {
      cols = List.copyOf(cols);
    }
  }

  static WeightsFile read(String what, InputStream in) throws IOException {
    List<String> header = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int n = 0;
    for (String line; (line = r.readLine()) != null; ) {
      n++;
      if (line.startsWith("#")) {
        header.add(line.substring(1).strip());
      } else if (!line.isBlank()) {
        rows.add(new Row(n, List.of(line.split("\t"))));
      }
    }
    return new WeightsFile(what, header, rows);
  }

  /** A row's column as a number; a malformed one stops with the model's name and the line. */
  double number(Row row, int col) throws IOException {
    String s = row.cols().get(col);
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      throw new IOException(what + " line " + row.line() + ": bad number " + s);
    }
  }

  /** The error for a row that does not have the form the model expects. */
  IOException malformed(Row row, String expected) {
    return new IOException(what + " line " + row.line() + ": expected " + expected);
  }
}
