package se.loftesgrafen.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import se.loftesgrafen.vocab.LG;

/**
 * Links each follow-up item to the commitment it follows up: in a stored promise of the same municipality whose
 * period overlaps the one the report follows up, the commitment whose text is most like the item's (Dice over
 * their words). Nothing is linked below {@link #THRESHOLD}, each commitment at most once per report, and an item
 * without a match stays as it is. A link goes into the report's graph: the item {@code lg:followsUp} the
 * commitment with its {@code lg:linkScore}, and the commitment gets the item's {@code lg:followUpStatus} and
 * {@code lg:followedUpBy} the item, so that its status says which report gave it. Run after a harvest, so that a
 * report stored before its promise is linked once the promise is in.
 */
public final class FollowUpLinker {
  /** The least word overlap (Dice) at which an item is taken to restate a commitment. */
  public static final double THRESHOLD = 0.5;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final PromiseStore store;

  public FollowUpLinker(PromiseStore store) {
    this.store = store;
  }

  private record Item(Node node, String text, Node status) {}

  private record Report(Node graph, Set<Node> municipalities, Literal from, Literal to, List<Item> items) {}

  private record Candidate(Node node, String text) {}

  /** Links what can be linked; returns how many items were linked. */
  public int link() {
    Map<Node, Graph> writes = new HashMap<>();
    int linked = 0;
    for (Report r : unlinked()) {
      List<Candidate> candidates = candidates(r);
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < r.items().size(); i++) {
        for (int c = 0; c < candidates.size(); c++) {
          double score = dice(r.items().get(i).text(), candidates.get(c).text());
          if (score >= THRESHOLD) {
            pairs.add(new double[] {score, i, c});
          }
        }
      }
      pairs.sort(Comparator.comparingDouble((double[] p) -> -p[0]).thenComparingDouble(p -> p[1]));
      Set<Integer> usedItems = new HashSet<>();
      Set<Integer> usedCommitments = new HashSet<>();
      for (double[] p : pairs) {
        int i = (int) p[1];
        int c = (int) p[2];
        if (!usedItems.contains(i) && !usedCommitments.contains(c)) {
          usedItems.add(i);
          usedCommitments.add(c);
          Graph g = writes.computeIfAbsent(r.graph(), store::graph);
          add(g, r.items().get(i), candidates.get(c).node(), p[0]);
          linked++;
        }
      }
    }
    if (!writes.isEmpty()) {
      store.replaceGraphs(writes);
    }
    return linked;
  }

  private static void add(Graph g, Item item, Node commitment, double score) {
    g.add(Triple.create(item.node(), LG.followsUp.asNode(), commitment));
    g.add(Triple.create(item.node(), LG.linkScore.asNode(), NodeFactory.createLiteralDT(
        PromiseMapper.decimal(score), XSDDatatype.XSDdecimal)));
    g.add(Triple.create(commitment, LG.followUpStatus.asNode(), item.status()));
    g.add(Triple.create(commitment, LG.followedUpBy.asNode(), item.node()));
  }

  private List<Report> unlinked() {
    ParameterizedSparqlString q = Queries.load("followup-unlinked");
    return store.query(q.asQuery(), TIMEOUT, exec -> {
      Map<Node, Report> reports = new LinkedHashMap<>();
      Map<Node, Set<Node>> seen = new HashMap<>();
      ResultSet rows = ResultSet.adapt(exec.select());
      while (rows.hasNext()) {
        QuerySolution row = rows.next();
        Node report = row.getResource("report").asNode();
        Report r = reports.computeIfAbsent(report, k -> new Report(row.getResource("g").asNode(), new HashSet<>(),
            row.getLiteral("start"), row.getLiteral("end"), new ArrayList<>()));
        r.municipalities().add(row.getResource("municipality").asNode());
        Node item = row.getResource("item").asNode();
        if (seen.computeIfAbsent(report, k -> new HashSet<>()).add(item)) {
          r.items().add(new Item(item, row.getLiteral("text").getLexicalForm(), row.getResource("status").asNode()));
        }
      }
      return List.copyOf(reports.values());
    });
  }

  private List<Candidate> candidates(Report r) {
    Map<Node, Candidate> out = new LinkedHashMap<>();
    for (Node m : r.municipalities()) {
      ParameterizedSparqlString q = Queries.load("followup-candidates");
      q.setParam("municipality", m);
      q.setLiteral("from", r.from());
      q.setLiteral("to", r.to());
      store.query(q.asQuery(), TIMEOUT, exec -> {
        ResultSet rows = ResultSet.adapt(exec.select());
        while (rows.hasNext()) {
          QuerySolution row = rows.next();
          Node c = row.getResource("commitment").asNode();
          out.putIfAbsent(c, new Candidate(c, row.getLiteral("text").getLexicalForm()));
        }
        return null;
      });
    }
    return List.copyOf(out.values());
  }

  /** Dice over lower-case word sets, as the scorers match items. */
  static double dice(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    long common = x.stream().filter(y::contains).count();
    return 2.0 * common / (x.size() + y.size());
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
