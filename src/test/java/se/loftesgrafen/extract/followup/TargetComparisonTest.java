package se.loftesgrafen.extract.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers against the promised target, and the cues that say done, planned, not done. */
class TargetComparisonTest {
  private static final FollowUpRules RULES = FollowUpRules.load();
  private static final TargetComparison TARGETS = new TargetComparison(RULES);
  private static final TenseCues TENSE = new TenseCues(RULES);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Minst sex riktade insatser mot narkotika.|Elva riktade narkotikainsatser|MET",
      "Minst fyra trafikinsatser med fokus på beteendebrott.|Fyra trafikinsatser under kvällstid|MET",
      "Att genomföra tre nattvandringar.|Kommunen har genomfört två nattvandringar.|SHORT",
      "Minst 8 nya områden med Grannsamverkan.|20 nya grannsamverkansområden har startats.|MET",
      "Två föräldramöten under året.|Inga föräldramöten hölls, 0 möten.|NONE_DONE",
      "Minst en trafikkontroll per vecka.|Polisen har utfört 62 trafikkontroller.|NOT_COMPARABLE",
      "Fotpatrullera i centrum.|Ett hundratal fotpatrulleringar har gjorts.|NO_BASIS",
      "Minst fem insatser under 2024.|Insatser har genomförts i mars 2024.|NO_BASIS"})
  void countsAgainstTheTarget(String commitment, String result, TargetComparison.Outcome expected) {
    assertEquals(expected, TARGETS.compare(commitment, List.of(result)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Polisen har genomfört fyra krogtillsyner.|true|false|false",
      "303 trafikkontroller genomfördes i kommunen.|true|false|false",
      "Till hösten planeras en ny trygghetsvandring.|false|true|false",
      "Denna arbetsmodell har inte implementerats under året.|false|false|true",
      "Vandringen ställdes in på grund av regn.|false|false|true"})
  void doneCuesAreNotPlansAndNotFailures(String sentence, boolean done, boolean planned, boolean notDone) {
    assertEquals(done, TENSE.done(sentence), "done");
    assertEquals(planned, TENSE.planned(sentence), "planned");
    assertEquals(notDone, TENSE.notDone(sentence), "not done");
  }
}
