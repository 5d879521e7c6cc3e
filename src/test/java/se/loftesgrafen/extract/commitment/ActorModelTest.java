package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.ExtractionRules;

/** The actor confidence: what it reads of a candidate, what it learns, and that it reads back from its file. */
class ActorModelTest {
  private static final ActorFeatures FEATURES = new ActorFeatures(new ActorResolver(ExtractionRules.load()));

  private static Candidate candidate(String text, Set<Actor> read, Set<Actor> own, boolean tagged, Set<Actor> context,
      ActorEvidence.PageParties page) {
    return new Candidate(text, 0, read, List.of("src=item"), new ActorEvidence(own, tagged, context, page), true);
  }

  @Test
  void featuresSayWhatTheReadingLeftOut() {
    ActorEvidence.PageParties page = new ActorEvidence.PageParties(ActorResolver.BOTH, EnumSet.allOf(Actor.class),
        true);
    Candidate partner = candidate("Polisen ska tillsammans med kommunen genomföra trygghetsvandringar.",
        EnumSet.of(Actor.POLISEN), EnumSet.of(Actor.POLISEN), false, Set.of(), page);
    List<String> f = FEATURES.of(partner);
    assertTrue(f.contains("read=polisen"), f.toString());
    assertTrue(f.contains("own=subject"), f.toString());
    assertTrue(f.contains("namesMore"), "the municipality is named in a partner phrase: " + f);
    assertTrue(f.contains("partnerPhrase"), f.toString());
    assertTrue(f.contains("leadNamesMore"), "the lead names all three: " + f);
    assertTrue(f.contains("pageNamesOther"), "the page names a third party the reading left out: " + f);
    assertTrue(f.contains("src=item"), f.toString());

    Candidate tagged = candidate("Nattvandring på helger (Kommunen)", EnumSet.of(Actor.KOMMUNEN),
        EnumSet.of(Actor.KOMMUNEN), true, ActorResolver.BOTH, ActorEvidence.PageParties.NONE);
    List<String> g = FEATURES.of(tagged);
    assertTrue(g.contains("own=tag"), g.toString());
    assertTrue(g.contains("context=polisen+kommunen"), g.toString());
    assertTrue(!g.contains("leadNamesMore"), g.toString());
  }

  @Test
  void aPageSaysWhoItsLeadSentenceNames() {
    ActorResolver resolver = new ActorResolver(ExtractionRules.load());
    ActorEvidence.PageParties page = resolver.parties("""
        Medborgarlöfte i Örebro 2022–2024

        Medborgardialogen visar att man önskar krafttag mot narkotika. För att minska brottsligheten lovar Örebro \
        kommun, Fastighetsägarna Örebro län och lokalpolisområde Örebro att:
        """, ActorResolver.BOTH);
    assertEquals(EnumSet.allOf(Actor.class), page.lead(), page.toString());
    assertTrue(page.thirdParty(), page.toString());

    ActorEvidence.PageParties plain = resolver.parties("Polisen och kommunen ska synas mer i centrum.\n",
        ActorResolver.BOTH);
    assertEquals(Set.of(), plain.lead(), plain.toString());
    assertTrue(!plain.thirdParty(), plain.toString());
  }

  @Test
  void learnsThatATagIsSurerThanAPartnerPhrase() throws IOException {
    List<ChainTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      examples.add(new ChainTrainer.Example(List.of("own=tag", "read=kommunen"), i % 10 != 0));
      examples.add(new ChainTrainer.Example(List.of("own=subject", "partnerPhrase", "read=polisen"), i % 10 < 4));
    }
    ActorModel model = new ActorModel(ChainTrainer.forActors().trainIndependent(examples, 0.5, List.of("test")));
    Candidate tag = candidate("Nattvandring (Kommunen)", EnumSet.of(Actor.KOMMUNEN), EnumSet.of(Actor.KOMMUNEN), true,
        Set.of(), ActorEvidence.PageParties.NONE);
    Candidate partner = candidate("Polisen ska i samverkan med kommunen informera.", EnumSet.of(Actor.POLISEN),
        EnumSet.of(Actor.POLISEN), false, Set.of(), ActorEvidence.PageParties.NONE);
    double sureOfTag = model.confidence(tag, FEATURES);
    double sureOfPartner = model.confidence(partner, FEATURES);
    assertTrue(sureOfTag > 0.8, "tag " + sureOfTag);
    assertTrue(sureOfPartner < 0.6, "partner " + sureOfPartner);

    StringWriter out = new StringWriter();
    model.write(out);
    ActorModel back = ActorModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(sureOfTag, back.confidence(tag, FEATURES), 1e-3);
  }

  @Test
  void theShippedModelLoadsAndHasWeights() {
    assertTrue(ActorModel.load().weights().size() > 10);
  }

  @Test
  void aReliabilityTableComparesPredictedWithObserved() {
    Reliability r = new Reliability();
    for (int i = 0; i < 10; i++) {
      r.add(0.95, i < 9);
      r.add(0.55, i < 3);
    }
    assertEquals(20, r.count());
    // 0.95 against 0.9 and 0.55 against 0.3: (10 * 0.05 + 10 * 0.25) / 20
    assertEquals(0.15, r.calibrationError(), 1e-9);
    assertTrue(r.table().contains("0.9–1.0"), r.table());
  }
}
