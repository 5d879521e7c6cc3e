package se.loftesgrafen.extract.followup;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sentence says about time and completion, by the rules' term lists: done (perfect, preterite, participle),
 * planned (plans and hopes are never evidence), not done, done in part, a share reported ("till 90 procent"), or
 * background (aims and announcements, neither commitment nor result).
 */
final class TenseCues {
  private final List<Pattern> done;
  private final List<Pattern> planned;
  private final List<Pattern> notDone;
  private final List<Pattern> partly;
  private final List<Pattern> background;
  private final Pattern percent;

  TenseCues(FollowUpRules rules) {
    this.done = rules.patterns("done");
    this.planned = rules.patterns("planned");
    this.notDone = rules.patterns("not_done");
    this.partly = rules.patterns("partly");
    this.background = rules.patterns("background");
    this.percent = rules.pattern("percent");
  }

  boolean done(String s) {
    return FollowUpRules.any(done, s) && !notDone(s);
  }

  boolean planned(String s) {
    return FollowUpRules.any(planned, s);
  }

  boolean notDone(String s) {
    return FollowUpRules.any(notDone, s);
  }

  boolean partly(String s) {
    return FollowUpRules.any(partly, s);
  }

  boolean background(String s) {
    return FollowUpRules.any(background, s);
  }

  boolean reportsShare(String s) {
    return percent.matcher(s).find();
  }

  /** A share and the words it stands over: from just after it up to the next share. */
  record Share(int percent, String over) {}

  /** The percentages a sentence reports, in order, each with the words up to the next one. */
  List<Share> shares(String s) {
    Matcher m = percent.matcher(s);
    java.util.ArrayList<int[]> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(new int[] {Integer.parseInt(m.group("n")), m.end()});
    }
    java.util.ArrayList<Share> out = new java.util.ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      int end = i + 1 < found.size() ? found.get(i + 1)[1] : s.length();
      out.add(new Share(found.get(i)[0], s.substring(found.get(i)[1], end)));
    }
    return out;
  }
}
