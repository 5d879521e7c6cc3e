package se.loftesgrafen.harvest;

import se.loftesgrafen.graph.StoreException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;

/**
 * The HTTP part of one run: the frontier (every URL at most once per run), one {@link HostQueue} per host, and
 * what happens with each result: pages go to the {@link PageRecorder}, their links and sitemaps back into the
 * queues within the discovery bounds. {@link #await()} returns when no task is left anywhere.
 */
final class Crawl {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private final String runId;
  private final AppConfig.HarvestConfig config;
  private final HttpFetcher fetcher;
  private final PageRecorder pages;
  private final HarvestState state;
  private final HarvestProgress progress;
  private final Path storeFolder;
  private final Map<String, HostQueue> hosts = new ConcurrentHashMap<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Object idle = new Object();
  private int pending;
  private volatile boolean cancelled;

  Crawl(String runId, AppConfig.HarvestConfig config, HttpFetcher fetcher, PageRecorder pages, HarvestState state,
        HarvestProgress progress, Path storeFolder) {
    this.runId = runId;
    this.storeFolder = storeFolder;
    this.config = config;
    this.fetcher = fetcher;
    this.pages = pages;
    this.state = state;
    this.progress = progress;
  }

  String runId() {
    return runId;
  }

  HttpFetcher fetcher() {
    return fetcher;
  }

  Duration perHostDelay() {
    return config.perHostDelay();
  }

  Duration maxRetryAfter() {
    return config.fetch().maxRetryAfter();
  }

  int retries() {
    return config.fetch().retries();
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Queues a URL unless this run has seen it; false when it was seen or is out of bounds. */
  boolean submit(Task task) {
    URI url = normalise(task.url());
    if (!seen.add(url.toString())) {
      return false;
    }
    HostQueue queue = hosts.computeIfAbsent(hostKey(url), k -> new HostQueue(k, this));
    if (task.depth() > 0 && task.purpose() == Task.Purpose.PAGE && !task.explicit()
        && !queue.admitDiscovered(config.discovery().pagesPerHost())) {
      progress.problem(queue.host(), url + ": not fetched: harvest.pagesPerHost ("
          + config.discovery().pagesPerHost() + ") reached");
      return false;
    }
    pending(1);
    progress.queued(queue.host());
    queue.add(new Task(url, task.purpose(), task.depth(), task.discover(), task.explicit(), task.redirects(),
        task.attempt()), false);
    return true;
  }

  FetchResult.Validators validators(Task task) {
    return task.purpose() == Task.Purpose.PAGE
        ? state.get(task.url().toString()).map(pages::validatorsIfStored).orElse(FetchResult.Validators.NONE)
        : FetchResult.Validators.NONE;
  }

  void redirect(Task task, HttpFetcher.Redirect r) {
    progress.redirected(hostKey(task.url()));
    URI target = normalise(r.location());
    if (target.toString().equals(task.url().toString()) || task.redirects().contains(target)) {
      handle(task, new FetchResult.Failed(task.url(), r.status(), "redirect loop: " + chain(task, target),
          task.redirects()));
      return;
    }
    if (task.redirects().size() >= config.fetch().maxRedirects()) {
      handle(task, new FetchResult.Failed(task.url(), r.status(), "more than " + config.fetch().maxRedirects()
          + " redirects: " + chain(task, target), task.redirects()));
      return;
    }
    if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
      handle(task, new FetchResult.Disallowed(task.url(), "redirect to a scheme that is not fetched: " + target));
      return;
    }
    submit(task.redirectedTo(target));
  }

  private static String chain(Task task, URI target) {
    StringBuilder b = new StringBuilder();
    task.redirects().forEach(u -> b.append(u).append(" -> "));
    return b.append(task.url()).append(" -> ").append(target).toString();
  }

  /** Queues the sitemaps of a site root named by a discovering source: robots.txt's, else /sitemap.xml. */
  void sitemaps(Task root, List<String> fromRobots) {
    List<String> maps = fromRobots.isEmpty() ? List.of(root.url().resolve("/sitemap.xml").toString()) : fromRobots;
    for (String map : maps) {
      try {
        submit(new Task(URI.create(map), Task.Purpose.SITEMAP, 0, true, false, List.of(), 0));
      } catch (IllegalArgumentException e) {
        progress.problem(hostKey(root.url()), "robots.txt names a malformed sitemap URL '" + map + "'");
      }
    }
  }

  void handle(Task task, FetchResult result) {
    String host = hostKey(task.url());
    switch (result) {
      case FetchResult.Fetched f when task.purpose() == Task.Purpose.SITEMAP -> {
        progress.fetched(host);
        LinkFinder.sitemap(f, progress, host).forEach(link -> follow(task, link, true));
      }
      case FetchResult.Fetched f -> {
        progress.fetched(host);
        // Inline: the host's next requests depend on these links; short work, unlike extraction (CpuWork).
        LinkFinder.Links links = LinkFinder.find(f.body(), f.contentType(), f.finalUrl());
        followLinks(task, false, links.pages(), List.of());
        record(task, f, links);
      }
      case FetchResult.NotModified n -> {
        progress.notModified(host);
        Optional<HarvestState.Entry> entry = state.get(task.url().toString());
        pages.unchanged(task.url().toString());
        entry.ifPresent(e -> followLinks(task, e.promise(), uris(e.pages()), uris(e.pdfs())));
      }
      case FetchResult.Failed f when task.purpose() == Task.Purpose.SITEMAP && f.gone() ->
        // Most municipal sites have no /sitemap.xml; its absence is a fact about the site, not a failed page.
        progress.problem(host, task.url() + ": no sitemap (HTTP " + f.status() + ")");
      case FetchResult.Failed f -> {
        boolean marked = f.gone() && task.purpose() == Task.Purpose.PAGE && pages.gone(task.url().toString());
        progress.failed(host, task.url() + ": " + (marked ? "gone (HTTP " + f.status() + "): its snapshot is kept"
            + " and marked lg:goneSince" : f.reason()));
      }
      case FetchResult.Disallowed d -> progress.disallowed(host, task.url() + ": " + d.reason());
    }
  }

  /**
   * Extraction and the store commit run beside the host's queue, not in it: the next request to the host does not
   * wait for them (politeness, not the disk, bounds a harvest). The PDFs of a promise page are queued after.
   */
  private void record(Task task, FetchResult.Fetched f, LinkFinder.Links links) {
    pending(1);
    Thread.ofVirtual().name("record-" + hostKey(task.url())).start(() -> {
      try {
        if (cancelled) {
          return; // stopped: a page waiting for extraction is not extracted only to fail its commit
        }
        boolean promise = pages.record(task, f, links);
        followLinks(task, promise, List.of(), links.pdfs());
      } catch (StoreException e) {
        // the disk is full or the store broken: every further page would fail the same way
        stop(WriteFailure.store(storeFolder, e));
      } catch (RuntimeException e) {
        LOG.error("run {}: recording {} failed", runId, f.finalUrl(), e);
        progress.failed(hostKey(task.url()), f.finalUrl() + ": not stored: " + e);
      } finally {
        pending(-1);
      }
    });
  }

  private void followLinks(Task task, boolean promise, List<URI> pageLinks, List<URI> pdfs) {
    if (task.discover() && task.depth() < config.discovery().depth()) {
      pageLinks.forEach(link -> follow(task, new LinkFinder.Link(link, Task.Purpose.PAGE), true));
    }
    if (promise || task.explicit()) {
      // The PDF of a promise page is the promise as a document: stored even when nothing is extracted from it.
      pdfs.forEach(pdf -> submit(new Task(pdf, Task.Purpose.PAGE, task.depth() + 1, false, true, List.of(), 0)));
    }
  }

  private void follow(Task from, LinkFinder.Link link, boolean discover) {
    if (link.purpose() == Task.Purpose.SITEMAP) {
      submit(new Task(link.url(), Task.Purpose.SITEMAP, from.depth(), true, false, List.of(), 0));
    } else if (from.depth() < config.discovery().depth()) {
      submit(from.link(link.url(), Task.Purpose.PAGE, discover));
    }
  }

  void retrying(Task task, FetchResult.Failed f, Duration wait) {
    progress.retried(hostKey(task.url()));
    LOG.info("run {}: {} gave {}; retry {} in {} ms", runId, task.url(), f.reason(), task.attempt() + 1,
        wait.toMillis());
  }

  void requested(String host) {
    progress.requested(host);
  }

  void pending(int delta) {
    synchronized (idle) {
      pending += delta;
      if (pending == 0) {
        idle.notifyAll();
      }
    }
  }

  /** A task goes back into its queue (a retry): counted as queued again, as {@link #done} counts it out again. */
  void requeued(Task task) {
    pending(1);
    progress.queued(hostKey(task.url()));
  }

  void done(Task task) {
    progress.dequeued(hostKey(task.url()));
    pending(-1);
  }

  /** Waits until every queue is empty; when interrupted, stops every host and waits for them to finish. */
  void await() throws InterruptedException {
    synchronized (idle) {
      try {
        while (pending > 0) {
          idle.wait();
        }
      } catch (InterruptedException e) {
        cancel();
        while (pending > 0) {
          idle.wait(100);
        }
        throw e;
      }
    }
  }

  /** The run cannot go on (its own files cannot be written): it stops with the reason, every host with it. */
  void stop(String reason) {
    progress.stop(reason + "; what was committed before stays");
    cancel();
  }

  void cancel() {
    cancelled = true;
    hosts.values().forEach(HostQueue::interrupt);
  }

  private static List<URI> uris(List<String> urls) {
    return urls.stream().map(URI::create).toList();
  }

  /** scheme://host:port, lower-case, default port made explicit. */
  static String hostKey(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** Without fragment, scheme and host in lower case, default port dropped, empty path as "/". */
  static URI normalise(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)
        + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }
}
