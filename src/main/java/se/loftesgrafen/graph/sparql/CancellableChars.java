package se.loftesgrafen.graph.sparql;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;

/**
 * The text a regular expression runs over, checking the query's cancel signal on every character read.
 * {@code java.util.regex} never looks at interrupts or time, so a pattern that backtracks exponentially
 * ({@code ^(.*a){31}$} on 30 characters) would run for minutes after the time limit cancelled the query; it reads
 * its input only through {@link #charAt}, so this is where the cancellation can reach it. The thread's
 * {@link QueryDeadline} is checked too, for matches that run before Jena's timer starts.
 */
final class CancellableChars implements CharSequence {
  private final String text;
  private final AtomicBoolean cancelled;
  private final long deadline;
  private int reads;

  CancellableChars(String text, AtomicBoolean cancelled) {
    this(text, cancelled, QueryDeadline.current());
  }

  private CancellableChars(String text, AtomicBoolean cancelled, long deadline) {
    this.text = text;
    this.cancelled = cancelled;
    this.deadline = deadline;
  }

  @Override
  public char charAt(int index) {
    if (cancelled.get() || deadline != 0 && (++reads & 0xfff) == 0 && System.nanoTime() - deadline > 0) {
      throw new QueryCancelledException();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new CancellableChars(text.substring(start, end), cancelled, deadline);
  }

  @Override
  public String toString() {
    return text;
  }
}
