package se.loftesgrafen.extract.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.Fixtures;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;

/** The follow-up reader on the report pages of src/test/resources/extract/followup (see its README). */
class FollowUpExtractorTest {
  private static final Path CASES = Path.of("src/test/resources/extract/followup");
  private static final FollowUpExtractor READER = FollowUpExtractor.create(Fixtures.extractor());

  private static PageReading read(String name) throws IOException {
    Path page = CASES.resolve(name).resolve("page.txt");
    return READER.read(new SourceDocument(page.toString(), page.toUri(), Files.readAllBytes(page), Optional.empty()));
  }

  private static FollowUpItem item(FollowUpReport r, String start) {
    return r.items().stream().filter(i -> i.text().startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no item starting '" + start + "' in " + r.items()));
  }

  @Test
  void twoListsAreMatchedByContentAndNumbersAgainstTargets() throws IOException {
    PageReading p = read("two-lists-hjo");
    assertEquals(PageKind.FOLLOW_UP, p.kind());
    FollowUpReport r = p.followUp().orElseThrow();
    assertEquals(Optional.of("2024"), r.period().orElseThrow().from());
    assertEquals(4, r.items().size(), "the four restated commitments, nothing from the lead or the results lead");
    FollowUpItem drugs = item(r, "Minst fem riktade insatser");
    assertEquals(FollowUpStatus.KEPT, drugs.status(), "eight of at least five");
    assertEquals(List.of("Polisen har genomfört åtta riktade narkotikainsatser i hamnområdet."),
        drugs.evidence().stream().map(FollowUpItem.Evidence::text).toList());
    assertEquals(FollowUpStatus.PARTLY, item(r, "Minst tio hastighetskontroller").status(), "three of at least ten");
    FollowUpItem light = item(r, "Kommunen ska tillsammans med fastighetsägarna");
    assertEquals(FollowUpStatus.UNCLEAR, light.status(), "silence is not failure");
    assertEquals(Optional.of(UnclearReason.NOT_MENTIONED), light.unclearReason());
    assertEquals(Set.of("kommunen", "other"), light.actors());
    assertEquals(FollowUpStatus.KEPT, item(r, "Två föräldramöten").status());
    assertTrue(r.overall().isEmpty());
  }

  @Test
  void evidenceOffsetsPointIntoTheMainText() throws IOException {
    Path page = CASES.resolve("two-lists-hjo").resolve("page.txt");
    SourceDocument doc = new SourceDocument("p", page.toUri(), Files.readAllBytes(page), Optional.empty());
    String text = Fixtures.extractor().mainText(doc).text();
    FollowUpReport r = READER.read(doc).followUp().orElseThrow();
    for (FollowUpItem i : r.items()) {
      assertEquals(i.text(), text.substring(i.start(), i.start() + i.text().length()));
      for (FollowUpItem.Evidence e : i.evidence()) {
        assertEquals(e.text(), text.substring(e.start(), e.start() + e.text().length()));
      }
    }
  }

  @Test
  void alternatingReportWithRatesCancellationsAndPlans() throws IOException {
    FollowUpReport r = read("alternating-vara").followUp().orElseThrow();
    assertEquals(3, r.items().size());
    FollowUpItem controls = item(r, "Polisen kommer att genomföra minst två trafikkontroller");
    assertEquals(FollowUpStatus.UNCLEAR, controls.status(), "14 against two a month over an unstated period");
    assertEquals(Optional.of(UnclearReason.NO_TARGET), controls.unclearReason());
    assertEquals(1, controls.evidence().size());
    FollowUpItem walk = item(r, "Kommunen kommer att bjuda in");
    assertEquals(FollowUpStatus.NOT_KEPT, walk.status(), "cancelled; a walk planned for the autumn changes nothing");
    FollowUpItem visits = item(r, "Polisen ska besöka samtliga skolor");
    assertEquals(FollowUpStatus.UNCLEAR, visits.status(), "a plan is no result");
    assertTrue(visits.evidence().isEmpty());
  }

  @Test
  void aPageWithNextYearsPromiseAboveTheReportIsBoth() throws IOException {
    PageReading p = read("mixed-tranemo");
    assertEquals(PageKind.BOTH, p.kind());
    assertEquals("follow_up", p.kind().outputId());
    assertEquals(2, p.promise().commitments().size(), "the 2025 commitments stay the promise's");
    assertTrue(p.promise().commitments().stream().allMatch(c -> c.text().startsWith("Polisen ska")
        || c.text().startsWith("Kommunen ska")));
    FollowUpReport r = p.followUp().orElseThrow();
    assertEquals(Optional.of("2024"), r.period().orElseThrow().from());
    assertEquals(2, r.items().size());
    assertTrue(r.items().stream().allMatch(i -> i.status() == FollowUpStatus.KEPT), r.items().toString());
    assertTrue(r.items().stream().noneMatch(i -> i.text().contains("2025") || i.text().contains("nattvandringar")));
    assertEquals(FollowUpStatus.KEPT, r.overall().orElseThrow().status());
    assertTrue(r.statesPromise());
  }

  @Test
  void newsWithSharesAndAVerdictInTheLead() throws IOException {
    FollowUpReport r = read("news-percent-ystad").followUp().orElseThrow();
    assertEquals(2, r.items().size());
    assertEquals(FollowUpStatus.PARTLY, item(r, "I medborgarlöftet för 2023 lovade polisen att man").status(),
        "80 percent of the foot patrols");
    assertEquals(FollowUpStatus.KEPT, item(r, "Polisen lovade också").status(), "100 percent of the controls");
    assertEquals(FollowUpStatus.PARTLY, r.overall().orElseThrow().status());
    assertEquals(Optional.of("2023"), r.period().orElseThrow().to());
  }

  @Test
  void aPromiseThatWillBeFollowedUpIsNoReport() throws IOException {
    PageReading p = read("promise-only-lerum");
    assertEquals(PageKind.PROMISE, p.kind());
    assertTrue(p.followUp().isEmpty());
    assertEquals(3, p.promise().commitments().size());
  }

  @Test
  void aCutReportLeavesWhatItNeverReachedUnclear() throws IOException {
    FollowUpReport r = read("cut-ale").followUp().orElseThrow();
    assertTrue(r.truncated());
    assertEquals(FollowUpStatus.KEPT, item(r, "Polisen ska genomföra riktade trafikinsatser").status());
    FollowUpItem parents = item(r, "Parterna ska tillsammans informera");
    assertEquals(Optional.of(UnclearReason.CUT), parents.unclearReason());
    assertEquals(Set.of("kommunen", "polisen"), parents.actors());
  }

  @Test
  void aPageWithoutAnyReportIsNoFollowUp() {
    MainText.Builder b = new MainText.Builder(List.of());
    b.add(Block.Type.HEADING, "Om kommunen", 0);
    b.add(Block.Type.PARAGRAPH, "Kommunen har 20 000 invånare. Här har det genomförts mycket under året.", 0);
    PageReading p = READER.read(b.build(Optional.empty()), Optional.empty(), emptyPromise());
    assertEquals(PageKind.OTHER, p.kind());
    assertFalse(p.followUp().isPresent());
  }

  @Test
  void statusesGivenInTheCommitmentsOwnLine() throws IOException {
    PageReading p = read("inline-status-tranas");
    assertEquals(PageKind.FOLLOW_UP, p.kind());
    assertTrue(p.promise().commitments().isEmpty(), "a report's restated commitments are not a promise");
    FollowUpReport r = p.followUp().orElseThrow();
    assertEquals(5, r.items().size());
    assertEquals("Genomföra minst åtta trafikkontroller vid skolorna", r.items().get(0).text());
    assertEquals(List.of(FollowUpStatus.KEPT, FollowUpStatus.PARTLY, FollowUpStatus.NOT_KEPT, FollowUpStatus.KEPT,
        FollowUpStatus.PARTLY), r.items().stream().map(FollowUpItem::status).toList());
    assertEquals(FollowUpStatus.PARTLY, r.overall().orElseThrow().status());
    assertTrue(r.items().stream().flatMap(i -> i.evidence().stream()).noneMatch(e -> e.text().startsWith("Sammanfattningsvis")),
        "the page's verdict is no item's evidence");
  }

  @Test
  void aHeadingNamingTheYearFollowedUpDoesNotEndTheReport() throws IOException {
    FollowUpReport r = read("year-heading-ljusdal").followUp().orElseThrow();
    assertEquals(3, r.items().size());
    assertEquals(FollowUpStatus.PARTLY, item(r, "Minst tolv riktade insatser").status(), "nine of at least twelve");
    assertEquals(FollowUpStatus.PARTLY, item(r, "Två trygghetsvandringar").status(), "one held, the other cancelled");
    assertEquals(FollowUpStatus.KEPT, item(r, "Polisen ska informera").status());
    assertEquals(FollowUpStatus.PARTLY, r.overall().orElseThrow().status());
  }

  @Test
  void resultsUnderThemeHeadingsAndAPlanThatKeepsNothing() throws IOException {
    FollowUpReport r = read("themes-sala").followUp().orElseThrow();
    assertEquals(3, r.items().size());
    assertEquals(FollowUpStatus.KEPT, item(r, "genomföra minst 15 trafikkontroller").status(), "23 of at least 15");
    assertEquals(FollowUpStatus.KEPT, item(r, "genomföra riktade insatser mot narkotikaförsäljning").status());
    assertEquals(FollowUpStatus.UNCLEAR, item(r, "erbjuda föräldrautbildning").status(), "planned is not done");
  }

  @Test
  void newsGivingEachPromiseItsResult() throws IOException {
    PageReading p = read("news-halves-mjolby");
    assertEquals(PageKind.FOLLOW_UP, p.kind());
    FollowUpReport r = p.followUp().orElseThrow();
    assertEquals(List.of(FollowUpStatus.KEPT, FollowUpStatus.NOT_KEPT, FollowUpStatus.KEPT, FollowUpStatus.PARTLY),
        r.items().stream().map(FollowUpItem::status).toList(), r.items().toString());
    assertEquals(FollowUpStatus.PARTLY, r.overall().orElseThrow().status());
  }

  @Test
  void aSurveysResultsHeadingDoesNotMakeAPromiseAReport() throws IOException {
    PageReading p = read("promise-with-results-heading-vimmerby");
    assertEquals(PageKind.PROMISE, p.kind());
    assertEquals(2, p.promise().commitments().size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "topic-headings-falun|Trafikkontroller vid skolorna;Fler fotpatruller i Falu centrum;Information till föräldrar om narkotika|KEPT;KEPT;NOT_KEPT",
      "status-lines-nora|Polisen ska genomföra minst sex;Kommunen ska sätta upp kameror;Polisen och kommunen ska hålla|KEPT;NOT_KEPT;KEPT"})
  void commitmentsNamedByHeadingsOrFollowedByAStatusLine(String page, String starts, String statuses) throws IOException {
    FollowUpReport r = read(page).followUp().orElseThrow();
    List<String> texts = List.of(starts.split(";"));
    assertEquals(texts.size(), r.items().size(), r.items().toString());
    for (int i = 0; i < texts.size(); i++) {
      assertTrue(r.items().get(i).text().startsWith(texts.get(i)), r.items().get(i).text());
      assertEquals(FollowUpStatus.valueOf(statuses.split(";")[i]), r.items().get(i).status(), texts.get(i));
      assertFalse(r.items().get(i).evidence().isEmpty(), texts.get(i));
    }
  }

  private static se.loftesgrafen.extract.ExtractedPromise emptyPromise() {
    return new se.loftesgrafen.extract.ExtractedPromise("x", false, List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
  }
}
