package se.loftesgrafen.extract.read;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * Promise pages that lay their undertakings out as a table, an activity per row and who is responsible in a column
 * of its own ("Aktivitet | Ansvarig"), are read as a list: each row becomes a list item of its activity followed by
 * an "Ansvarig: ..." line, the shape the commitment walk already reads (rules: responsibility_lines). Read cell by
 * cell instead, each party's name stood as a heading over the next row's activity.
 *
 * <p>A table qualifies when a header cell names the responsible column (rules: responsibility_headers). Other
 * tables are left as they are.
 */
final class ResponsibilityTables {
  private final List<Pattern> headers;

  ResponsibilityTables(ExtractionRules rules) {
    this.headers = rules.patterns("responsibility_headers");
  }

  void rewrite(Element root) {
    for (Element table : root.select("table")) {
      Elements rows = table.select("tr");
      if (rows.isEmpty()) {
        continue;
      }
      Elements head = rows.get(0).select("th, td");
      int who = responsibleColumn(head);
      if (who <= 0) {
        continue;
      }
      Element list = new Element("ul");
      for (Element row : rows.subList(1, rows.size())) {
        Elements cells = row.select("th, td");
        if (cells.size() <= who || cells.get(0).text().isBlank()) {
          continue;
        }
        list.appendElement("li").text(cells.get(0).text());
        String party = cells.get(who).text().strip();
        if (!party.isEmpty()) {
          list.appendElement("p").text("Ansvarig: " + party);
        }
      }
      table.replaceWith(list);
    }
  }

  private int responsibleColumn(Elements head) {
    for (int i = 0; i < head.size(); i++) {
      String text = head.get(i).text().strip();
      if (headers.stream().anyMatch(p -> p.matcher(text).matches())) {
        return i;
      }
    }
    return -1;
  }
}
