package se.loftesgrafen.harvest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests to one host (scheme, host and port), made one at a time by one thread, never closer than
 * the host's delay: the larger of our per-host delay and the Crawl-delay of its robots.txt, counted from the end
 * of one response to the start of the next request. robots.txt is fetched first (RFC 9309: a 4xx allows all, a
 * 5xx or an unreachable host disallows all for this run) and every URL is checked against it. A 5xx or 429 is
 * retried with exponential backoff; a 429 or 503 with Retry-After waits at least that long (and fails when it
 * asks for more than harvest.maxRetryAfter). Many hosts run in parallel, each on its own thread.
 */
final class HostQueue {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  static final String ROBOT_NAME = "loftesgrafen";
  private static final int ROBOTS_REDIRECTS = 5;

  private final String host;
  private final Crawl crawl;
  private final Deque<Task> tasks = new ArrayDeque<>();
  private boolean running;
  private Thread worker;
  private BaseRobotRules rules;
  private String robotsProblem = "";
  private Duration delay;
  private long nextAllowedNanos = System.nanoTime();
  private int discovered;

  HostQueue(String host, Crawl crawl) {
    this.host = host;
    this.crawl = crawl;
    this.delay = crawl.perHostDelay();
  }

  String host() {
    return host;
  }

  /** Counts a discovered page against the per-host limit; false when the limit is reached. */
  synchronized boolean admitDiscovered(int limit) {
    if (discovered >= limit) {
      return false;
    }
    discovered++;
    return true;
  }

  void add(Task task, boolean first) {
    synchronized (this) {
      if (first) {
        tasks.addFirst(task);
      } else {
        tasks.addLast(task);
      }
      if (running) {
        return;
      }
      running = true;
      // A platform thread: the OS preempts it fairly, so a host's next request is never late because virtual
      // threads busy with recording hold the carriers. A few hundred hosts are a few hundred threads.
      worker = Thread.ofPlatform().daemon().name("harvest-" + host).start(this::drain);
    }
  }

  synchronized void interrupt() {
    if (worker != null) {
      worker.interrupt();
    }
  }

  private void drain() {
    while (true) {
      Task task;
      synchronized (this) {
        task = tasks.poll();
        if (task == null) {
          running = false;
          return;
        }
      }
      try {
        if (!crawl.cancelled()) {
          process(task);
        }
      } catch (InterruptedException e) {
        crawl.cancel();
      } catch (WarcRecorder.WriteFailedException e) {
        crawl.stop(e.reason()); // the disk is full: no page can keep its evidence
      } catch (RuntimeException e) {
        LOG.error("run {}: {} failed unexpectedly", crawl.runId(), task.url(), e);
        crawl.handle(task, new FetchResult.Failed(task.url(), 0, "internal error: " + e));
      } finally {
        crawl.done(task);
      }
    }
  }

  private void process(Task task) throws InterruptedException {
    if (rules == null) {
      loadRobots(task.url());
      if (task.depth() == 0 && task.discover() && isSiteRoot(task.url())) {
        crawl.sitemaps(task, rules.getSitemaps());
      }
    }
    if (!rules.isAllowed(task.url().toString())) {
      String why = rules.isAllowNone() && rules.isDeferVisits()
          ? "robots.txt could not be read (" + robotsProblem + "): the host is skipped this run (RFC 9309 §2.3.1.4)"
          : "disallowed by robots.txt";
      crawl.handle(task, new FetchResult.Disallowed(task.url(), why));
      return;
    }
    HttpFetcher.Exchange exchange = request(task.url(), crawl.validators(task));
    switch (exchange) {
      case HttpFetcher.Redirect r -> crawl.redirect(task, r);
      case HttpFetcher.Done d -> done(task, d);
    }
  }

  private void done(Task task, HttpFetcher.Done d) {
    if (d.result() instanceof FetchResult.Failed f && (f.status() >= 500 || f.status() == 429)) {
      Duration backoff = delay.multipliedBy(1L << Math.min(task.attempt() + 1, 6));
      Duration wait = d.retryAfter().filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
      if (d.retryAfter().isPresent() && d.retryAfter().get().compareTo(crawl.maxRetryAfter()) > 0) {
        crawl.handle(task, new FetchResult.Failed(task.url(), f.status(), f.reason() + ": asks to wait longer than"
            + " harvest.maxRetryAfter (" + crawl.maxRetryAfter().toMillis() + " ms)"));
        return;
      }
      if (task.attempt() < crawl.retries()) {
        synchronized (this) {
          nextAllowedNanos = Math.max(nextAllowedNanos, System.nanoTime() + wait.toNanos());
        }
        crawl.retrying(task, f, wait);
        crawl.requeued(task);
        add(task.retry(), true);
        return;
      }
      crawl.handle(task, new FetchResult.Failed(task.url(), f.status(), f.reason() + " after "
          + (task.attempt() + 1) + " attempts"));
      return;
    }
    crawl.handle(task, d.result());
  }

  /** One request, after waiting for this host's turn. */
  private HttpFetcher.Exchange request(URI url, FetchResult.Validators validators) throws InterruptedException {
    long wait = nextAllowedNanos - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
    try {
      return crawl.fetcher().exchange(url, validators);
    } finally {
      nextAllowedNanos = System.nanoTime() + delay.toNanos();
      crawl.requested(host);
    }
  }

  private void loadRobots(URI page) throws InterruptedException {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    URI robots = page.resolve("/robots.txt");
    for (int hop = 0; hop <= ROBOTS_REDIRECTS; hop++) {
      HttpFetcher.Exchange x = request(robots, FetchResult.Validators.NONE);
      if (x instanceof HttpFetcher.Redirect r) {
        robots = r.location();
        continue;
      }
      FetchResult result = ((HttpFetcher.Done) x).result();
      rules = switch (result) {
        case FetchResult.Fetched f -> parser.parseContent(robots.toString(), f.body(),
            f.contentType().orElse("text/plain"), List.of(ROBOT_NAME));
        case FetchResult.Failed f -> {
          robotsProblem = f.reason();
          yield parser.failedFetch(f.status() == 0 ? 503 : f.status());
        }
        // A refused address is reported by the page's own fetch; a 304 cannot happen without validators.
        case FetchResult.Disallowed d -> parser.failedFetch(404);
        case FetchResult.NotModified n -> parser.failedFetch(404);
      };
      break;
    }
    if (rules == null) {
      rules = parser.failedFetch(404); // more than five redirects: RFC 9309 §2.3.1.2 allows treating it as a 404
    }
    long crawlDelay = rules.getCrawlDelay();
    if (crawlDelay > 0 && crawlDelay > delay.toMillis()) {
      delay = Duration.ofMillis(crawlDelay);
      nextAllowedNanos = System.nanoTime() + delay.toNanos(); // the Crawl-delay counts from robots.txt itself
    }
    LOG.debug("run {}: {} robots.txt read; delay {} ms", crawl.runId(), host, delay.toMillis());
  }

  static boolean isSiteRoot(URI url) {
    return (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
        && url.getRawQuery() == null;
  }
}
