package se.loftesgrafen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a promise rests on (medborgardialog, trygghetsmätning, medarbetardialog, lägesbild, statistik; rules:
 * based_on) and the lokalpolisområde it names (rules: police_area).
 */
final class BasisExtractor {
  private final Map<String, List<Pattern>> basis;
  private final List<Pattern> policeArea;

  BasisExtractor(ExtractionRules rules) {
    this.basis = rules.namedPatterns("based_on");
    this.policeArea = rules.patterns("police_area");
  }

  /** Bases stated outside the commitments themselves (a "medborgardialog" to hold is an activity, not a basis). */
  List<String> basedOn(String text, List<Commitment> commitments) {
    char[] chars = text.toCharArray();
    for (Commitment c : commitments) {
      if (c.end() <= chars.length) {
        java.util.Arrays.fill(chars, c.start(), c.end(), ' ');
      }
    }
    String rest = new String(chars);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Pattern>> e : basis.entrySet()) {
      if (CommitmentExtractor.any(e.getValue(), rest)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  Optional<String> policeArea(String text) {
    int best = Integer.MAX_VALUE;
    String name = null;
    for (Pattern p : policeArea) {
      Matcher m = p.matcher(text);
      if (m.find() && m.start() < best) {
        best = m.start();
        name = m.group("name").strip();
      }
    }
    return Optional.ofNullable(name);
  }
}
