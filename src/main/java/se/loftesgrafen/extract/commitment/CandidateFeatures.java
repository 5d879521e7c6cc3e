package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.Block;

/**
 * The features that describe a commitment candidate to the {@link CommitmentModel}: where it stands (the zone and
 * list the walk is in, what the heading or lead above announces, position on the page), what it says (verb or
 * activity first, modal, target, themes, subject, problem words, dangling end, aim) and the shape of its list.
 * Feature names are the model's vocabulary: renaming one means retraining.
 */
final class CandidateFeatures {
  /**
   * What the walk knows of a candidate's place.
   *
   * @param zone     "zone=" and the zone the headings opened
   * @param list     "list=" and what the lead-in above says the list is
   * @param lastHead the last heading or lead-in, lower case
   * @param cues     its cue features ({@link #cues})
   * @param subject  the subject actors of a text, as the walk reads them (once per page and text)
   * @param themes   the themes of a text, likewise
   */
  record Context(String zone, String list, boolean underPromiseTitle, String lastHead, List<String> cues,
                 boolean lastHeadIsLead, int blocksSinceHead, int promiseHeads,
                 java.util.function.Function<String, Set<Actor>> subject,
                 java.util.function.Function<String, List<String>> themes) {}

  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
  private static final Pattern CONTACT = Pattern.compile("\\b(tel|telefon|e-post)\\b");

  private final List<Pattern> aims;
  private final List<Pattern> undertakings;
  private final List<Pattern> verbStarts;
  private final List<Pattern> nounStarts;
  private final List<Pattern> problemWords;
  private final Pattern infinitiveShape;
  private final Pattern dangling;
  private final Map<String, List<Pattern>> leadCues;
  private final Map<String, List<Pattern>> tenses;
  private final TargetExtractor targets;

  CandidateFeatures(ExtractionRules rules, TargetExtractor targets) {
    this.aims = rules.combined("aim_sentences");
    this.undertakings = rules.combined("commitment_sentences");
    this.verbStarts = rules.combined("verb_starts");
    this.nounStarts = rules.combined("activity_noun_starts");
    this.problemWords = rules.combined("problem_words");
    this.infinitiveShape = rules.combined("infinitive_shape").get(0);
    this.dangling = rules.combined("dangling_ends").get(0);
    this.leadCues = rules.namedCombined("lead_cues");
    this.tenses = rules.namedCombined("tense_shapes");
    this.targets = targets;
  }

  /** Features every candidate has: where it stands, what it says, what the rules think of it. */
  List<String> of(String t, double position, Context st) {
    List<String> f = new ArrayList<>();
    f.add(st.zone());
    f.add(st.list());
    if (st.underPromiseTitle()) {
      f.add("underPromiseTitle");
    }
    f.add(st.lastHeadIsLead() ? "head=lead" : st.lastHead().isEmpty() ? "head=none" : "head=heading");
    f.addAll(st.cues());
    f.add(st.blocksSinceHead() == 0 ? "sinceHead=0" : st.blocksSinceHead() < 4 ? "sinceHead<4" : "sinceHead>=4");
    f.add(position < 0.15 ? "pos=head" : position > 0.85 ? "pos=tail" : "pos=body");
    f.add(st.promiseHeads() == 0 ? "promiseHeads=0" : "promiseHeads>0");
    int words = t.split("\\s+").length;
    f.add(words <= 2 ? "words<=2" : words <= 5 ? "words<=5" : words <= 12 ? "words<=12" : words <= 30 ? "words<=30"
        : "words>30");
    char last = t.charAt(t.length() - 1);
    f.add(last == '.' ? "end=." : last == ':' ? "end=:" : last == '?' ? "end=?" : last == '!' ? "end=!"
        : last == ')' ? "end=)" : Character.isLetterOrDigit(last) ? "end=word" : "end=other");
    String lower = t.toLowerCase(Locale.ROOT);
    flag(f, "aim", any(aims, t));
    boolean modal = any(undertakings, t);
    Set<Actor> subject = st.subject().apply(t);
    flag(f, "modal", modal);
    flag(f, "lovar", lower.contains("lovar"));
    flag(f, "verbStart", any(verbStarts, t));
    flag(f, "infinitiveShape", infinitiveShape.matcher(t).lookingAt());
    flag(f, "statement", !modal && !subject.isEmpty());
    flag(f, "nounStart", any(nounStarts, t));
    flag(f, "problem", any(problemWords, t));
    flag(f, "target", !targets.extract(t).isEmpty());
    flag(f, "dangling", dangling.matcher(t).find());
    flag(f, "digitStart", Character.isDigit(t.codePointAt(0)));
    flag(f, "lowerStart", Character.isLowerCase(t.codePointAt(0)));
    flag(f, "year", YEAR.matcher(lower).find());
    flag(f, "contact", lower.contains("@") || CONTACT.matcher(lower).find());
    tenses.forEach((name, patterns) -> flag(f, "tense=" + name, any(patterns, t)));
    int themeCount = st.themes().apply(t).size();
    f.add(themeCount == 0 ? "themes=0" : themeCount == 1 ? "themes=1" : "themes>=2");
    f.add(subject.isEmpty() ? "subject=none" : subject.size() > 1 ? "subject=several"
        : "subject=" + subject.iterator().next().id());
    return f;
  }

  /** What the run of items starting at {@code from} looks like as a whole. */
  List<String> listShape(List<Block> blocks, int from, java.util.function.Function<String, List<String>> themesOf) {
    int n = 0;
    int verbs = 0;
    int themed = 0;
    int sentences = 0;
    int problems = 0;
    for (int j = from; j < blocks.size() && blocks.get(j).isItem(); j++) {
      String t = blocks.get(j).text();
      n++;
      problems += any(problemWords, t) ? 1 : 0;
      verbs += any(verbStarts, t) || any(nounStarts, t) || infinitiveShape.matcher(t).lookingAt() ? 1 : 0;
      themed += themesOf.apply(t).isEmpty() ? 0 : 1;
      sentences += t.endsWith(".") ? 1 : 0;
    }
    List<String> f = new ArrayList<>();
    f.add(n == 1 ? "listSize=1" : n <= 3 ? "listSize<=3" : "listSize>3");
    f.add(verbs * 2 >= n ? "listVerbs=most" : "listVerbs=few");
    f.add(themed * 2 >= n ? "listThemes=most" : "listThemes=few");
    f.add(sentences * 2 >= n ? "listEnds=." : "listEnds=word");
    f.add(problems * 2 >= n ? "listProblems=most" : problems > 0 ? "listProblems=some" : "listProblems=none");
    return f;
  }

  /** The cue features of a heading or lead-in; the walk reads them once per heading, for all candidates under it. */
  List<String> cues(String head) {
    List<String> found = new ArrayList<>();
    leadCues.forEach((name, patterns) -> {
      if (any(patterns, head)) {
        found.add("cue=" + name);
      }
    });
    return List.copyOf(found);
  }

  static boolean flag(List<String> f, String name, boolean on) {
    if (on) {
      f.add(name);
    }
    return on;
  }

  private static boolean any(List<Pattern> patterns, String s) {
    return CommitmentCandidates.any(patterns, s);
  }
}
