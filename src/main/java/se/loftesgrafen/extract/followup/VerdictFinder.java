package se.loftesgrafen.extract.followup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.Sentences;

/**
 * The page's own verdict on the whole promise, where it gives one: in its title, headings or lead, before the
 * first restated commitment ("Polisen uppfyllde sina utlovade aktiviteter.", "Så har vi uppfyllt vårt löfte",
 * "... kunde inte utföras till fullo."). A sentence on one commitment further down ("Polis har uppfyllt sitt
 * löfte genom ...") is that item's evidence, not a verdict; a hedge ("genomfört insatser för att uppfylla") is
 * neither.
 */
final class VerdictFinder {
  private final Map<String, List<Pattern>> verdicts;
  private final Pattern wholePromise;

  VerdictFinder(FollowUpRules rules) {
    this.verdicts = rules.named("verdicts");
    this.wholePromise = rules.pattern("whole_promise");
  }

  /**
   * The first verdict in the title, in the blocks from the report's start up to (not including) block
   * {@code until}, or in a sentence anywhere up to {@code end} that speaks of the whole promise ("Sammanfattningsvis
   * har ...", "Medborgarlöftet har till största delen uppfyllts.").
   */
  Optional<Verdict> find(MainText main, int from, int until, int end) {
    Optional<Verdict> lead = find(main, from, until);
    if (lead.isPresent()) {
      return lead;
    }
    for (int i = until; i < end && i < main.blocks().size(); i++) {
      Block b = main.blocks().get(i);
      for (Sentences.Span span : Sentences.split(b.text())) {
        Optional<FollowUpStatus> s = wholePromise.matcher(span.text()).find() ? status(span.text()) : Optional.empty();
        if (s.isPresent()) {
          return Optional.of(new Verdict(s.get(), span.text(), b.start() + span.start()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Verdict> find(MainText main, int from, int until) {
    for (String t : ReportLocator.titles(main)) {
      Optional<FollowUpStatus> s = status(t);
      if (s.isPresent()) {
        return Optional.of(new Verdict(s.get(), t, Math.max(0, main.text().indexOf(t))));
      }
    }
    for (int i = from; i < until && i < main.blocks().size(); i++) {
      Block b = main.blocks().get(i);
      for (Sentences.Span span : Sentences.split(b.text())) {
        Optional<FollowUpStatus> s = status(span.text());
        if (s.isPresent()) {
          return Optional.of(new Verdict(s.get(), span.text(), b.start() + span.start()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<FollowUpStatus> status(String sentence) {
    for (Map.Entry<String, List<Pattern>> e : verdicts.entrySet()) {
      if (FollowUpRules.any(e.getValue(), sentence)) {
        return Optional.of(FollowUpStatus.of(e.getKey()));
      }
    }
    return Optional.empty();
  }
}
