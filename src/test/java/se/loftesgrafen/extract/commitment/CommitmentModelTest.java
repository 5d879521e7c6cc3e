package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The learned decision: the trainer learns what separates examples, and the weights file reads back exactly. */
class CommitmentModelTest {
  private static Candidate candidate(String... features) {
    return new Candidate("x", 0, Set.of(), List.of(features), false);
  }

  @Test
  void trainerLearnsWhichFeaturesMarkCommitments() {
    List<ChainTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      examples.add(new ChainTrainer.Example(List.of("src=item", "verbStart", i % 2 == 0 ? "pos=body" : "pos=tail"), true));
      examples.add(new ChainTrainer.Example(List.of("src=item", "problem", i % 2 == 0 ? "pos=body" : "pos=tail"), false));
    }
    CommitmentModel model = ChainTrainer.forCommitments().trainIndependent(examples, 0.5, List.of("test"));
    double commitment = model.probability(candidate("src=item", "verbStart", "pos=body"));
    double problem = model.probability(candidate("src=item", "problem", "pos=body"));
    assertTrue(commitment > 0.75, "commitment " + commitment);
    assertTrue(problem < 0.25, "problem " + problem);
    assertTrue(model.probability(candidate("src=item", "verbStart")) >= model.threshold());
  }

  @Test
  void rareFeaturesGetNoWeight() {
    List<ChainTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(new ChainTrainer.Example(List.of("common"), i % 2 == 0));
    }
    examples.add(new ChainTrainer.Example(List.of("common", "once"), true));
    CommitmentModel model = ChainTrainer.forCommitments().trainIndependent(examples, 0.5, List.of());
    assertEquals(model.probability(candidate("common")), model.probability(candidate("common", "once")), 1e-12);
  }

  @Test
  void weightsFileReadsBackTheSameDecisions() throws IOException {
    List<ChainTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      examples.add(new ChainTrainer.Example(List.of("a", "b"), true));
      examples.add(new ChainTrainer.Example(List.of("a", "c"), false));
    }
    CommitmentModel model = ChainTrainer.forCommitments().trainIndependent(examples, 0.4, List.of("header line"));
    StringWriter out = new StringWriter();
    model.write(out);
    CommitmentModel back = CommitmentModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(0.4, back.threshold());
    assertEquals(model.probability(candidate("a", "b")), back.probability(candidate("a", "b")), 1e-4);
    assertEquals(model.probability(candidate("a", "c")), back.probability(candidate("a", "c")), 1e-4);
    assertTrue(out.toString().startsWith("# header line\n"));
  }

  @Test
  void aChainLearnsFromTheNeighboursWhatTheCandidateAloneDoesNotSay() {
    // Pages of runs: a marked commitment is followed by unmarked items that are commitments too, a marked problem
    // by unmarked items that are not. Alone the unmarked item is a coin toss; in its run it is not.
    List<List<ChainTrainer.Example>> pages = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean commitments = i % 2 == 0;
      List<ChainTrainer.Example> page = new ArrayList<>();
      page.add(new ChainTrainer.Example(List.of(commitments ? "verbStart" : "problem"), commitments));
      for (int j = 0; j < 3; j++) {
        page.add(new ChainTrainer.Example(List.of("src=item"), commitments));
      }
      pages.add(page);
    }
    CommitmentModel model = new ChainTrainer(20, 0.1).train(pages, 0.5, List.of());
    double[] afterCommitment = model.probabilities(List.of(candidate("verbStart"), candidate("src=item"),
        candidate("src=item")));
    double[] afterProblem = model.probabilities(List.of(candidate("problem"), candidate("src=item"),
        candidate("src=item")));
    assertTrue(afterCommitment[2] > 0.7, "after a commitment " + afterCommitment[2]);
    assertTrue(afterProblem[2] < 0.3, "after a problem " + afterProblem[2]);
    assertEquals(0.5, model.probability(candidate("src=item")), 0.25);
  }

  @Test
  void theChainsTransitionsReadBack() throws IOException {
    List<List<ChainTrainer.Example>> pages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      pages.add(List.of(new ChainTrainer.Example(List.of("a"), true), new ChainTrainer.Example(List.of("b"), true),
          new ChainTrainer.Example(List.of("c"), false)));
    }
    CommitmentModel model = new ChainTrainer(10, 0.1).train(pages, 0.5, List.of());
    assertTrue(model.isChain());
    StringWriter out = new StringWriter();
    model.write(out);
    CommitmentModel back = CommitmentModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    List<Candidate> page = List.of(candidate("a"), candidate("b"), candidate("c"), candidate("b"));
    double[] before = model.probabilities(page);
    double[] after = back.probabilities(page);
    for (int i = 0; i < page.size(); i++) {
      assertEquals(before[i], after[i], 1e-3);
    }
  }

  @Test
  void aBrokenWeightsFileSaysWhere() {
    IOException e = assertThrows(IOException.class, () -> CommitmentModel.read(
        new ByteArrayInputStream("@bias\t0\nverbStart\tmany\n".getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void theShippedModelLoadsAndHasWeights() {
    CommitmentModel model = CommitmentModel.load();
    assertTrue(model.size() > 20, "weights: " + model.size());
  }
}
