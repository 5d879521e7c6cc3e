package se.loftesgrafen.harvest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One URL waiting in its host's queue.
 *
 * @param url       what to request
 * @param purpose   a page (HTML, PDF, text) or a sitemap
 * @param depth     link hops from the configured source (0 is the source itself)
 * @param discover  whether links on it that look like promise pages are followed
 * @param explicit  a page named in the sources file without discover (or reached from one only by redirects),
 *                  or the PDF of a promise page: stored even when the extractor finds no promise on it
 * @param redirects the URLs that redirected to this one, in order (for the limit and loop detection)
 * @param attempt   0 for the first try, then 1, 2, ... for retries
 */
record Task(URI url, Purpose purpose, int depth, boolean discover, boolean explicit, List<URI> redirects,
            int attempt) {
  enum Purpose { PAGE, SITEMAP }

  Task {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(purpose, "purpose");
    redirects = List.copyOf(redirects);
  }

  static Task source(URI url, boolean discover) {
    return new Task(url, Purpose.PAGE, 0, discover, !discover, List.of(), 0);
  }

  Task retry() {
    return new Task(url, purpose, depth, discover, explicit, redirects, attempt + 1);
  }

  Task redirectedTo(URI location) {
    List<URI> chain = new ArrayList<>(redirects);
    chain.add(url);
    return new Task(location, purpose, depth, discover, explicit, chain, 0);
  }

  Task link(URI target, Purpose kind, boolean discoverThere) {
    return new Task(target, kind, depth + 1, discoverThere, false, List.of(), 0);
  }

  /** The first URL of a redirect chain: the one the source or link named. */
  URI origin() {
    return redirects.isEmpty() ? url : redirects.get(0);
  }
}
