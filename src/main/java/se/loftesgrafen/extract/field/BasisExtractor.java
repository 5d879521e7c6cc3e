package se.loftesgrafen.extract.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * What a promise rests on (medborgardialog, trygghetsmätning, medarbetardialog, lägesbild, statistik; rules:
 * based_on) and the lokalpolisområde it names (rules: police_area).
 */
public final class BasisExtractor {
  private final Map<String, List<Pattern>> basis;
  private final List<Pattern> policeArea;

  /** The basis and police-area rules, compiled once. */
  public BasisExtractor(ExtractionRules rules) {
    this.basis = rules.namedCombined("based_on");
    this.policeArea = rules.patterns("police_area");
  }

  /** Bases stated outside the commitments themselves (a "medborgardialog" to hold is an activity, not a basis). */
  public List<String> basedOn(String text, List<Commitment> commitments) {
    char[] chars = text.toCharArray();
    for (Commitment c : commitments) {
      if (c.end() <= chars.length) {
        java.util.Arrays.fill(chars, c.start(), c.end(), ' ');
      }
    }
    String rest = new String(chars);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Pattern>> e : basis.entrySet()) {
      if (ExtractionRules.any(e.getValue(), rest)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * The first lokalpolisområde the text names. "lokalpolisområdeschefen Roger Olsson" and a chef's signature block
   * followed by the next signatory put a person where the area's name stands: a candidate that is one of
   * {@code people} (the page's signatories) is passed over.
   */
  public Optional<String> policeArea(String text, Set<String> people) {
    int best = Integer.MAX_VALUE;
    String name = null;
    for (Pattern p : policeArea) {
      Matcher m = p.matcher(text);
      while (m.find() && m.start() < best) {
        String candidate = m.group("name").strip();
        if (!isPerson(candidate, people)) {
          best = m.start();
          name = candidate;
          break;
        }
      }
    }
    return Optional.ofNullable(name);
  }

  private static boolean isPerson(String candidate, Set<String> people) {
    return people.stream().anyMatch(person -> person.equals(candidate) || person.startsWith(candidate + " ")
        || candidate.startsWith(person.split(" ")[0] + " "));
  }
}
