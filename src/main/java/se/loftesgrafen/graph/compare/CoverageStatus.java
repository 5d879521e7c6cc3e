package se.loftesgrafen.graph.compare;

import java.util.Locale;

/**
 * What the store knows of one municipality's promise: a promise for this year, only older ones, a source harvested
 * with no promise found, or no source tried at all. "Not harvested" is never "missing": nobody looked.
 */
public enum CoverageStatus {
  /** A promise covers the current year. */
  CURRENT,
  /** Promises were found, none for the current year. */
  OLD,
  /** One of its sources was fetched or read, and no promise came out of it. */
  NOTHING_FOUND,
  /** No source of it has been tried. */
  NOT_HARVESTED;

  /** Classifies from what was found: any promise, one covering this year, any of its pages tried. */
  public static CoverageStatus of(boolean anyPromise, boolean currentPromise, boolean tried) {
    if (currentPromise) {
      return CURRENT;
    }
    if (anyPromise) {
      return OLD;
    }
    return tried ? NOTHING_FOUND : NOT_HARVESTED;
  }

  /** Whether a source of it was tried (a promise in the store means its page was). */
  public boolean harvested() {
    return this != NOT_HARVESTED;
  }

  /** Whether it is known to lack a promise for this year: harvested, and none found for the year. */
  public boolean knownMissing() {
    return this == OLD || this == NOTHING_FOUND;
  }

  /** The API's and CSV's value: {@code current}, {@code old}, {@code nothing-found}, {@code not-harvested}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
