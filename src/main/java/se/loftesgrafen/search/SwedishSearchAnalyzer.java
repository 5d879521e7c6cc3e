package se.loftesgrafen.search;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Swedish analysis for promise texts: Lucene's SwedishAnalyzer chain (standard tokenizer, lower case, Swedish stop
 * words, Snowball stemming) with a dictionary compound splitter before stemming, so that a compound is indexed
 * and searched both whole and as the dictionary words it contains: "narkotikabrott" also gives "narkotika", and
 * "narkotikamissbruket" does too, so each finds the other. The parts sit at the compound's position and offsets,
 * which keeps phrase search and highlighting right.
 */
public final class SwedishSearchAnalyzer extends Analyzer {
  private static final int MIN_WORD = 5;
  private static final int MIN_SUBWORD = 4;
  private static final int MAX_SUBWORD = 25;
  private final CharArraySet dictionary;
  private final CharArraySet stopWords = SwedishAnalyzer.getDefaultStopSet();

  public SwedishSearchAnalyzer(Set<String> compoundParts) {
    this.dictionary = CharArraySet.unmodifiableSet(new CharArraySet(compoundParts, true));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new DictionaryCompoundWordTokenFilter(result, dictionary, MIN_WORD, MIN_SUBWORD, MAX_SUBWORD, false);
    result = new StopFilter(result, stopWords);
    result = new SnowballFilter(result, new SwedishStemmer());
    // A compound and its parts may stem to the same term ("polisen", "polis"): keep one, so scores stay fair.
    result = new RemoveDuplicatesTokenFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
