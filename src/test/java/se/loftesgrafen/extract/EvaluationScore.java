package se.loftesgrafen.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import se.loftesgrafen.extract.commitment.CommitmentMatch;

/**
 * Precision, recall and F1 per field of extracted promises against expected annotations, counted the way the
 * development scorer counts: commitments matched one-to-one by word overlap (Dice ≥ 0.6), actors exact on
 * matched pairs, themes on matched pairs, period by years, municipalities as a set, signatories by name.
 */
final class EvaluationScore {

  int commitmentTp;
  int commitmentPred;
  int commitmentGold;
  int actorsOk;
  int themeTp;
  int themePred;
  int themeGold;
  int periodOk;
  int periodN;
  int municipalityOk;
  int municipalityN;
  int signatoryTp;
  int signatoryPred;
  int signatoryGold;
  int promiseOk;
  int pages;
  final List<String> misses = new ArrayList<>();

  void add(String name, ExtractedPromise p, JsonNode gold) {
    pages++;
    promiseOk += p.isPromise() == gold.get("isPromise").asBoolean() ? 1 : 0;
    commitments(name, p, gold.get("commitments"));
    JsonNode period = gold.get("period");
    if (period != null && !period.isNull()) {
      periodN++;
      String from = p.period().flatMap(ExtractedPromise.Period::from).map(EvaluationScore::year).orElse("");
      String to = p.period().flatMap(ExtractedPromise.Period::to).map(EvaluationScore::year).orElse("");
      boolean ok = from.equals(year(period.get("from").asText())) && to.equals(year(period.get("to").asText()));
      periodOk += ok ? 1 : 0;
      if (!ok) {
        misses.add(name + ": period " + p.period());
      }
    }
    Set<String> goldCodes = strings(gold.get("municipalities"));
    if (!goldCodes.isEmpty()) {
      municipalityN++;
      Set<String> codes = new TreeSet<>();
      p.municipalities().forEach(m -> codes.add(m.code()));
      municipalityOk += codes.equals(goldCodes) ? 1 : 0;
      if (!codes.equals(goldCodes)) {
        misses.add(name + ": municipalities " + codes + " expected " + goldCodes);
      }
    }
    Set<String> goldSig = strings(gold.get("signatories"));
    Set<String> sig = new TreeSet<>();
    p.signatories().forEach(s -> sig.add(s.name()));
    Set<String> both = new HashSet<>(sig);
    both.retainAll(goldSig);
    signatoryTp += both.size();
    signatoryPred += sig.size();
    signatoryGold += goldSig.size();
    if (!sig.equals(goldSig)) {
      misses.add(name + ": signatories " + sig + " expected " + goldSig);
    }
  }

  private void commitments(String name, ExtractedPromise p, JsonNode gold) {
    List<Commitment> pred = p.commitments();
    commitmentPred += pred.size();
    commitmentGold += gold.size();
    List<String> goldTexts = new ArrayList<>();
    gold.forEach(g -> goldTexts.add(g.get("text").asText()));
    int[] pairedWith = CommitmentMatch.pair(pred.stream().map(Commitment::text).toList(), goldTexts);
    boolean[] usedGold = new boolean[gold.size()];
    for (int j = 0; j < pairedWith.length; j++) {
      int i = pairedWith[j];
      if (i < 0) {
        misses.add(name + ": extra " + pred.get(j).text());
        continue;
      }
      usedGold[i] = true;
      commitmentTp++;
      Commitment c = pred.get(j);
      Set<String> actors = new TreeSet<>();
      c.actors().forEach(a -> actors.add(a.id()));
      Set<String> goldActors = strings(gold.get(i).get("actors"));
      actorsOk += actors.equals(goldActors) ? 1 : 0;
      if (!actors.equals(goldActors)) {
        misses.add(name + ": actors " + actors + " expected " + goldActors + " for " + c.text());
      }
      Set<String> themes = new TreeSet<>(c.themes());
      Set<String> goldThemes = strings(gold.get(i).get("themes"));
      Set<String> common = new HashSet<>(themes);
      common.retainAll(goldThemes);
      themeTp += common.size();
      themePred += themes.size();
      themeGold += goldThemes.size();
      if (!themes.equals(goldThemes)) {
        misses.add(name + ": themes " + themes + " expected " + goldThemes + " for " + c.text());
      }
    }
    for (int i = 0; i < gold.size(); i++) {
      if (!usedGold[i]) {
        misses.add(name + ": missed " + gold.get(i).get("text").asText());
      }
    }
  }

  static double f1(int tp, int pred, int gold) {
    double p = pred == 0 ? (gold == 0 ? 1 : 0) : (double) tp / pred;
    double r = gold == 0 ? (pred == 0 ? 1 : 0) : (double) tp / gold;
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  static String prf(int tp, int pred, int gold) {
    double p = pred == 0 ? (gold == 0 ? 1 : 0) : (double) tp / pred;
    double r = gold == 0 ? (pred == 0 ? 1 : 0) : (double) tp / gold;
    return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f", p, r, f1(tp, pred, gold));
  }

  double commitmentF1() {
    return f1(commitmentTp, commitmentPred, commitmentGold);
  }

  double actors() {
    return commitmentTp == 0 ? 0 : (double) actorsOk / commitmentTp;
  }

  double themeF1() {
    return f1(themeTp, themePred, themeGold);
  }

  double period() {
    return periodN == 0 ? 1 : (double) periodOk / periodN;
  }

  double municipality() {
    return municipalityN == 0 ? 1 : (double) municipalityOk / municipalityN;
  }

  double signatoryF1() {
    return f1(signatoryTp, signatoryPred, signatoryGold);
  }

  double isPromise() {
    return pages == 0 ? 1 : (double) promiseOk / pages;
  }

  String report(String label) {
    return String.format(Locale.ROOT, """
        %s (%d pages)
          commitments  %s   (%d matched, %d predicted, %d expected)
          actors       exact on matched %.3f
          themes       %s
          period       years right %d/%d
          municipality right %d/%d
          signatories  %s
          isPromise    right %d/%d
        """, label, pages, prf(commitmentTp, commitmentPred, commitmentGold), commitmentTp, commitmentPred,
        commitmentGold, actors(), prf(themeTp, themePred, themeGold), periodOk, periodN, municipalityOk,
        municipalityN, prf(signatoryTp, signatoryPred, signatoryGold), promiseOk, pages);
  }

  private static String year(String s) {
    return s.length() >= 4 ? s.substring(0, 4) : s;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
