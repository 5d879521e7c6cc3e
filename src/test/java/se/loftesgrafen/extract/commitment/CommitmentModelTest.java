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
    List<ModelTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      examples.add(new ModelTrainer.Example(List.of("src=item", "verbStart", i % 2 == 0 ? "pos=body" : "pos=tail"), true));
      examples.add(new ModelTrainer.Example(List.of("src=item", "problem", i % 2 == 0 ? "pos=body" : "pos=tail"), false));
    }
    CommitmentModel model = new ModelTrainer().train(examples, 0.5, List.of("test"));
    assertTrue(model.probability(candidate("src=item", "verbStart", "pos=body")) > 0.9);
    assertTrue(model.probability(candidate("src=item", "problem", "pos=body")) < 0.1);
    assertTrue(model.accepts(candidate("src=item", "verbStart")));
  }

  @Test
  void rareFeaturesGetNoWeight() {
    List<ModelTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(new ModelTrainer.Example(List.of("common"), i % 2 == 0));
    }
    examples.add(new ModelTrainer.Example(List.of("common", "once"), true));
    CommitmentModel model = new ModelTrainer().train(examples, 0.5, List.of());
    assertEquals(model.probability(candidate("common")), model.probability(candidate("common", "once")), 1e-12);
  }

  @Test
  void weightsFileReadsBackTheSameDecisions() throws IOException {
    List<ModelTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      examples.add(new ModelTrainer.Example(List.of("a", "b"), true));
      examples.add(new ModelTrainer.Example(List.of("a", "c"), false));
    }
    CommitmentModel model = new ModelTrainer().train(examples, 0.4, List.of("header line"));
    StringWriter out = new StringWriter();
    model.write(out);
    CommitmentModel back = CommitmentModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(0.4, back.threshold());
    assertEquals(model.probability(candidate("a", "b")), back.probability(candidate("a", "b")), 1e-4);
    assertEquals(model.probability(candidate("a", "c")), back.probability(candidate("a", "c")), 1e-4);
    assertTrue(out.toString().startsWith("# header line\n"));
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
