package se.loftesgrafen.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;
import se.loftesgrafen.extract.read.DocumentReader;
import se.loftesgrafen.extract.read.HtmlReader;
import se.loftesgrafen.extract.read.TextReader;

/**
 * Extraction throughput on a corpus of realistic 50–150 KB municipal pages, next to bare Jsoup parsing of the same
 * pages, on one thread (pages per second per core). The corpus is made from the HTML and text fixtures, each
 * padded with the chrome a Sitevision page carries: a mega-menu of several hundred links, inline scripts and
 * styles, a cookie banner, breadcrumbs, related links and a footer.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark-extract verify} ({@code -Dbenchmark.seconds=N} sets the measuring time).
 */
public final class ExtractionBenchmark {
  private ExtractionBenchmark() {}

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    List<SourceDocument> corpus = corpus();
    long bytes = corpus.stream().mapToLong(d -> d.body().length).sum();
    System.out.printf(Locale.ROOT, "corpus: %d pages, %.0f KB on average (%.0f–%.0f KB)%n", corpus.size(),
        bytes / 1024.0 / corpus.size(),
        corpus.stream().mapToInt(d -> d.body().length).min().orElse(0) / 1024.0,
        corpus.stream().mapToInt(d -> d.body().length).max().orElse(0) / 1024.0);
    PromiseExtractor extractor = Fixtures.extractor();
    Task jsoup = d -> Jsoup.parse(new String(d.body(), StandardCharsets.UTF_8), d.uri().toString()).childNodeSize();
    Task extract = d -> extractor.extract(d).commitments().size();
    ExtractionRules rules = ExtractionRules.load();
    List<java.util.regex.Pattern> chrome = rules.patterns("chrome_lines");
    DocumentReader reader = new DocumentReader(new HtmlReader(rules, chrome), new TextReader(chrome));
    Task read = d -> reader.read(d).blocks().size();
    run("warm-up jsoup", jsoup, corpus, seconds / 2);
    run("warm-up extraction", extract, corpus, seconds / 2);
    double j = run("Jsoup parse only", jsoup, corpus, seconds);
    double m = run("main content only", read, corpus, seconds);
    double e = run("full extraction", extract, corpus, seconds);
    System.out.printf(Locale.ROOT, "extraction costs %.1fx a bare Jsoup parse%n", j / e);
  }

  interface Task {
    int apply(SourceDocument d) throws IOException;
  }

  /**
   * Pages per CPU-second of this thread (pages per second per core), measured with the thread's CPU time so that
   * other processes on a shared machine do not distort it; wall-clock rate printed alongside.
   */
  private static double run(String label, Task task, List<SourceDocument> corpus, double seconds) throws IOException {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    long pages = 0;
    long sink = 0;
    while (System.nanoTime() < end) {
      for (SourceDocument d : corpus) {
        sink += task.apply(d);
        pages++;
      }
    }
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double wall = pages / ((System.nanoTime() - start) / 1e9);
    double rate = pages / cpuSeconds;
    System.out.printf(Locale.ROOT, "%-22s %8.0f pages/s per core (CPU time; %.0f pages/s wall clock, %d pages%s)%n",
        label, rate, wall, pages, sink < 0 ? "!" : "");
    return rate;
  }

  static List<SourceDocument> corpus() {
    List<SourceDocument> out = new ArrayList<>();
    Random r = new Random(42);
    for (Fixtures.Case c : Fixtures.cases()) {
      String name = c.document().source();
      if (name.endsWith(".pdf")) {
        continue;
      }
      String html = c.sourceText().map(ExtractionEvaluationTest::html)
          .orElseGet(() -> new String(c.document().body(), charsetOf(c.document())));
      for (int variant = 0; variant < 3; variant++) {
        int target = 50_000 + r.nextInt(100_000);
        out.add(Fixtures.doc(c.name() + "-" + variant + ".html", pad(html, target, r).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  private static java.nio.charset.Charset charsetOf(SourceDocument d) {
    return DocumentReader.detect(d.body());
  }

  /** Wraps the page's body with Sitevision-like chrome until the page is about {@code target} bytes. */
  static String pad(String html, int target, Random r) {
    int bodyAt = html.indexOf("<body");
    int bodyOpenEnd = bodyAt < 0 ? 0 : html.indexOf('>', bodyAt) + 1;
    StringBuilder head = new StringBuilder();
    head.append("<script>window.sv = window.sv || {}; sv.PageContext = {\"pageId\":\"4.27a2de8b172da059ace26fb\"};</script>\n");
    head.append("<style>.sv-text-portlet{margin:0}.env-cookie-banner{position:fixed}</style>\n");
    head.append("<div class=\"env-cookie-banner\"><p>Vi använder kakor för att webbplatsen ska fungera.</p></div>\n");
    StringBuilder menu = new StringBuilder("<nav class=\"sv-layout main-menu\"><ul>\n");
    StringBuilder footer = new StringBuilder("<footer class=\"sv-layout footer\">\n");
    String[] areas = {"Barn och utbildning", "Omsorg och stöd", "Bygga, bo och miljö", "Kommun och politik",
        "Uppleva och göra", "Näringsliv och arbete", "Trafik och infrastruktur", "Trygghet och säkerhet"};
    int i = 0;
    while (html.length() + head.length() + menu.length() + footer.length() < target) {
      String area = areas[i % areas.length];
      menu.append("<li class=\"sv-menu-item\"><a href=\"/").append(i).append("/").append(area.hashCode())
          .append(".html\" data-sv-id=\"").append(r.nextInt(1_000_000)).append("\">").append(area).append(' ')
          .append(i).append("</a><ul><li><a href=\"/sub/").append(i).append("\">Undersida ").append(i)
          .append("</a></li></ul></li>\n");
      if (i % 5 == 0) {
        head.append("<script>sv.init(").append(r.nextInt()).append(", 'portlet-").append(i)
            .append("', {lazy: true, track: false});</script>\n");
        footer.append("<p><a href=\"/om-webbplatsen/").append(i).append("\">Om webbplatsen ").append(i)
            .append("</a> · Telefon 0123-456 ").append(i % 100).append("</p>\n");
      }
      i++;
    }
    menu.append("</ul></nav>\n");
    footer.append("</footer>\n");
    int bodyClose = html.lastIndexOf("</body>");
    String body = html.substring(bodyOpenEnd, bodyClose < 0 ? html.length() : bodyClose);
    return "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Medborgarlöfte</title></head><body>"
        + head + menu + body + footer + "</body></html>";
  }
}
