package se.loftesgrafen.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * First version of the extractor (walking skeleton): municipality by name, the first year as period,
 * list items that say "ska"/"lovar" as commitments. The extraction issue replaces it.
 */
public final class PromiseExtractor {
  public static final String VERSION = "0.1-skeleton";
  private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");
  private static final Pattern UNDERTAKING = Pattern.compile("\\b(ska|skall|lovar|kommer att)\\b",
      Pattern.CASE_INSENSITIVE);
  private final Map<String, String> codesByName;

  private PromiseExtractor(Map<String, String> codesByName) {
    this.codesByName = codesByName;
  }

  public static PromiseExtractor create() {
    Map<String, String> names = new LinkedHashMap<>();
    try (var in = PromiseExtractor.class.getResourceAsStream("/vocab/data/kommuner.csv");
         var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().skip(1).map(l -> l.split(",")).forEach(f -> names.put(f[1], f[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PromiseExtractor(names);
  }

  public ExtractedPromise extract(SourceDocument doc) {
    String body = new String(doc.body(), StandardCharsets.UTF_8);
    Document html = Jsoup.parse(body);
    String text = html.body() == null ? body : html.body().wholeText();
    List<ExtractedPromise.MunicipalityRef> municipalities = codesByName.entrySet().stream()
        .filter(e -> Pattern.compile("\\b" + Pattern.quote(e.getKey())).matcher(text).find())
        .limit(1).map(e -> new ExtractedPromise.MunicipalityRef(e.getValue(), e.getKey())).toList();
    Matcher year = YEAR.matcher(text);
    Optional<ExtractedPromise.Period> period = year.find()
        ? Optional.of(new ExtractedPromise.Period(Optional.of(year.group(1)), Optional.of(year.group(1)), year.group()))
        : Optional.empty();
    List<Commitment> commitments = new ArrayList<>();
    for (Element li : html.select("li")) {
      String item = li.text();
      if (UNDERTAKING.matcher(item).find()) {
        int start = Math.max(0, text.indexOf(item));
        commitments.add(new Commitment(item, actors(item), List.of(), Commitment.Kind.ACTIVITY, List.of(),
            start, start + item.length()));
      }
    }
    return new ExtractedPromise(doc.source(), !commitments.isEmpty(), municipalities, Optional.empty(), period,
        Optional.empty(), Optional.empty(), List.of(), List.of(), commitments, Optional.of(html.title()));
  }

  private static Set<Commitment.Actor> actors(String item) {
    Set<Commitment.Actor> actors = EnumSet.noneOf(Commitment.Actor.class);
    String lower = item.toLowerCase();
    if (lower.contains("polis")) {
      actors.add(Commitment.Actor.POLISEN);
    }
    if (lower.contains("kommun")) {
      actors.add(Commitment.Actor.KOMMUNEN);
    }
    if (actors.isEmpty()) {
      actors.add(Commitment.Actor.OTHER);
    }
    return actors;
  }
}
