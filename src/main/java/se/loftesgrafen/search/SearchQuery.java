package se.loftesgrafen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import se.loftesgrafen.graph.compare.Comparison;

/**
 * One search over an index: the words (Lucene query syntax; all words must match, quotes for phrases) in the
 * commitment text or the promise title, the filters as non-scoring clauses, best matches first and ties in a
 * stable order; each hit's text with the matching words marked ({@code <mark>}, the rest HTML-escaped).
 */
public final class SearchQuery {
  /** Results deeper than this are not paged to; narrow the search instead. */
  public static final int MAX_DEPTH = 10_000;

  /** A matching commitment and its text with the matches marked as HTML. */
  public record Hit(String commitment, String highlight, float score) {
  }

  private final IndexSearcher searcher;
  private final Analyzer analyzer;

  SearchQuery(IndexSearcher searcher, Analyzer analyzer) {
    this.searcher = searcher;
    this.analyzer = analyzer;
  }

  Comparison.Page<Hit> run(String text, Set<String> themes, Comparison.Filter filter, int page, int pageSize) {
    return run(text, themes, filter, page, pageSize, false);
  }

  /** @param english the words may also be the English labels of the commitment's themes ("drugs" for narkotika) */
  Comparison.Page<Hit> run(String text, Set<String> themes, Comparison.Filter filter, int page, int pageSize,
                           boolean english) {
    if ((long) page * pageSize > MAX_DEPTH) {
      throw new IllegalArgumentException("results beyond the first " + MAX_DEPTH + " are not paged to: narrow the search");
    }
    Query words = text.isBlank() ? new MatchAllDocsQuery() : parse(text, english);
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
    if (!themes.isEmpty()) {
      b.add(KeywordField.newSetQuery(SearchDocuments.THEME, themes.stream().map(org.apache.lucene.util.BytesRef::new)
          .toList()), BooleanClause.Occur.FILTER);
    }
    filter.county().ifPresent(c -> b.add(KeywordField.newExactQuery(SearchDocuments.COUNTY, c), BooleanClause.Occur.FILTER));
    filter.actor().ifPresent(a -> b.add(KeywordField.newExactQuery(SearchDocuments.ACTOR, a), BooleanClause.Occur.FILTER));
    filter.kind().ifPresent(k -> b.add(KeywordField.newExactQuery(SearchDocuments.KIND, k), BooleanClause.Occur.FILTER));
    // Commitments without a confidence have no such field and so never pass a minimum.
    filter.minConfidence().ifPresent(c -> b.add(DoubleField.newRangeQuery(SearchDocuments.CONFIDENCE, c.doubleValue(),
        Double.POSITIVE_INFINITY), BooleanClause.Occur.FILTER));
    if (filter.hasYears()) {
      // The promise period overlaps [from, to]: it starts by the end and ends after the start.
      b.add(IntField.newRangeQuery(SearchDocuments.FROM, Integer.MIN_VALUE, filter.to().orElse(Integer.MAX_VALUE)),
          BooleanClause.Occur.FILTER);
      b.add(IntField.newRangeQuery(SearchDocuments.TO, filter.from().orElse(Integer.MIN_VALUE), Integer.MAX_VALUE),
          BooleanClause.Occur.FILTER);
    }
    Query query = b.build();
    SortField order = new SortField(SearchDocuments.ORDER, SortField.Type.STRING);
    Sort sort = text.isBlank() ? new Sort(order) : new Sort(SortField.FIELD_SCORE, order);
    try {
      int total = searcher.count(query);
      TopDocs top = searcher.search(query, Math.max(1, page * pageSize), sort, true);
      Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
          new QueryScorer(words, SearchDocuments.TEXT));
      highlighter.setTextFragmenter(new NullFragmenter());
      List<Hit> hits = new ArrayList<>();
      for (int i = (page - 1) * pageSize; i < top.scoreDocs.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        var doc = searcher.storedFields().document(sd.doc);
        String body = doc.get(SearchDocuments.TEXT);
        hits.add(new Hit(doc.get(SearchDocuments.ID), highlight(highlighter, body), Float.isNaN(sd.score) ? 0 : sd.score));
      }
      return new Comparison.Page<>(hits, total, page, pageSize);
    } catch (TooComplexToDeterminizeException | IndexSearcher.TooManyClauses e) {
      // a wildcard that expands into too many terms or too large an automaton: the words, not the service
      throw new IllegalArgumentException("the search words '" + text + "' are too complex: they expand into too"
          + " many terms (use fewer wildcards)", e);
    } catch (IllegalArgumentException e) {
      // a query class refusing its arguments while it runs (a fuzzy term Lucene cannot build): the words again
      throw new IllegalArgumentException(unreadable(text, "the search syntax (~ ^ * ?) is used in a way it cannot"
          + " take"), e);
    } catch (IOException e) {
      throw new UncheckedIOException("search failed for '" + text + "'", e);
    }
  }

  private static final String REGEX_REFUSED = "regular expressions (/.../) are not supported";

  private Query parse(String text, boolean english) {
    String[] fields = english ? new String[] {SearchDocuments.TEXT, SearchDocuments.TITLE, SearchDocuments.LABELS_EN}
        : new String[] {SearchDocuments.TEXT, SearchDocuments.TITLE};
    MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer,
        Map.of(SearchDocuments.TEXT, 2f, SearchDocuments.TITLE, 1f, SearchDocuments.LABELS_EN, 1f)) {
      // A /regular expression/ can take exponential time and memory to compile into an automaton
      // (TooComplexToDeterminizeException); a search box does not need one.
      @Override
      protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException(REGEX_REFUSED);
      }
    };
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      // Lucene's own message names its grammar's tokens ("Encountered <EOF> at line 1"): not for a search box
      String why = e.getMessage() != null && e.getMessage().contains(REGEX_REFUSED) ? REGEX_REFUSED
          : "a quote, bracket or one of + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ / is not where the syntax wants it";
      throw new IllegalArgumentException(unreadable(text, why), e);
    } catch (TooComplexToDeterminizeException | IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException(unreadable(text, "they expand into too many terms"), e);
    } catch (RuntimeException e) {
      // Lucene's query classes check their arguments with IllegalArgumentException ("boost must be a positive
      // float" for "a~"): the words, not the service
      throw new IllegalArgumentException(unreadable(text, "the search syntax (~ ^ [ TO ]) is used in a way it cannot"
          + " take"), e);
    }
  }

  private static String unreadable(String text, String why) {
    return "cannot read the search words '" + text + "': " + why + " (use plain words, \"a phrase\", OR, or escape"
        + " special characters with \\)";
  }

  private String highlight(Highlighter highlighter, String body) {
    try {
      String marked = highlighter.getBestFragment(analyzer, SearchDocuments.TEXT, body);
      return marked != null ? marked : SimpleHTMLEncoder.htmlEncode(body);
    } catch (IOException | InvalidTokenOffsetsException e) {
      return SimpleHTMLEncoder.htmlEncode(body);
    }
  }
}
