package se.loftesgrafen.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import se.loftesgrafen.config.AppConfig.FetchLimits;

/**
 * One HTTP exchange with the limits of the configuration: a GET with our User-Agent and the page's validators
 * (conditional GET, RFC 9110 §13.1), a connect timeout, a first-byte timeout (to the response headers), a total
 * timeout (body included: a slow drip or a stalled body is cut off), and a maximum body size. Redirects are not
 * followed here: each hop is its own request through its host's queue, so politeness and robots.txt apply to it.
 * Every response is recorded in the run's WARC files before it is returned.
 */
final class HttpFetcher implements AutoCloseable {
  private static final List<Integer> REDIRECTS = List.of(301, 302, 303, 307, 308);
  private static final String ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5";

  /** What one exchange gave: a result, or a redirect to follow. */
  sealed interface Exchange permits Done, Redirect {
  }

  /** @param retryAfter what a 429 or 503 asked us to wait */
  record Done(FetchResult result, Optional<Duration> retryAfter) implements Exchange {
  }

  record Redirect(URI url, URI location, int status) implements Exchange {
  }

  private final FetchLimits limits;
  private final String userAgent;
  private final AddressPolicy addresses;
  private final Optional<WarcRecorder> warc;
  private final HttpClient client;

  HttpFetcher(FetchLimits limits, String userAgent, Optional<WarcRecorder> warc) {
    this.limits = limits;
    this.userAgent = userAgent;
    this.addresses = new AddressPolicy(limits.allowPrivateAddresses());
    this.warc = warc;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(limits.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("harvest-http").unstarted(r)))
        .build();
  }

  Exchange exchange(URI url, FetchResult.Validators validators) throws InterruptedException {
    Optional<String> refused = addresses.refuse(url);
    if (refused.isPresent()) {
      return new Done(new FetchResult.Disallowed(url, refused.get()), Optional.empty());
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(url).GET().timeout(limits.firstByteTimeout())
        .header("User-Agent", userAgent).header("Accept", ACCEPT).header("Accept-Encoding", ContentDecoding.ACCEPTED);
    validators.etag().ifPresent(e -> b.header("If-None-Match", e));
    validators.lastModified().ifPresent(m -> b.header("If-Modified-Since", m));
    HttpRequest request = b.build();
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
        info -> new LimitedBody(limits.maxBodyBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1)));
    HttpResponse<byte[]> response;
    try {
      response = future.get(limits.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(url, "no complete response within the total timeout of " + limits.totalTimeout().toMillis()
          + " ms (slow or stalled body)");
    } catch (ExecutionException e) {
      return failed(url, describe(e.getCause()));
    }
    return answer(url, request, response);
  }

  private Exchange answer(URI url, HttpRequest request, HttpResponse<byte[]> response) {
    Instant at = Instant.now();
    int status = response.statusCode();
    HttpHeaders headers = response.headers();
    Optional<FetchResult.WarcRef> ref;
    try {
      ref = warc.isEmpty() ? Optional.empty() : Optional.of(warc.get().record(url, request.headers().map(), status,
          headers.map(), response.body(), at));
    } catch (IOException e) {
      return failed(url, "cannot build the WARC record: " + e.getMessage());
    }
    Optional<String> location = headers.firstValue("Location");
    if (REDIRECTS.contains(status) && location.isPresent()) {
      try {
        URI target = url.resolve(location.get().trim());
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
          // file:, ftp:, data: ... : a web page may not send the harvester to the local disk or elsewhere
          return failed(url, status, "redirect to '" + location.get() + "' refused: only http(s) URLs are followed");
        }
        return new Redirect(url, target, status);
      } catch (IllegalArgumentException e) {
        return failed(url, status, "redirect to a malformed Location '" + location.get() + "'");
      }
    }
    if (status == 304) {
      return new Done(new FetchResult.NotModified(url, url, at), Optional.empty());
    }
    if (status >= 200 && status < 300) {
      FetchResult.Validators validators = new FetchResult.Validators(headers.firstValue("ETag"),
          headers.firstValue("Last-Modified"));
      // the WARC record keeps the body as sent; the snapshot, its hash and the extraction read it decoded
      ContentDecoding.Outcome body = ContentDecoding.decode(response.body(), headers.allValues("Content-Encoding"),
          limits.maxBodyBytes());
      if (body instanceof ContentDecoding.Refused refused) {
        return failed(url, status, refused.reason());
      }
      return new Done(new FetchResult.Fetched(url, url, status, headers.firstValue("Content-Type"),
          ((ContentDecoding.Decoded) body).body(), validators, at, ref), Optional.empty());
    }
    Optional<Duration> retryAfter = headers.firstValue("Retry-After").flatMap(v -> retryAfter(v, at));
    String reason = "HTTP " + status + retryAfter.map(d -> " (Retry-After " + d.toMillis() + " ms)").orElse("");
    return new Done(new FetchResult.Failed(url, status, reason), retryAfter);
  }

  /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
  static Optional<Duration> retryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private String describe(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "no connection within " + limits.connectTimeout().toMillis() + " ms";
    }
    if (cause instanceof HttpTimeoutException) {
      return "no response headers within the first-byte timeout of " + limits.firstByteTimeout().toMillis() + " ms";
    }
    if (cause instanceof BodyTooLarge) {
      return cause.getMessage();
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof BodyTooLarge) {
      return root.getMessage();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static Done failed(URI url, String reason) {
    return failed(url, 0, reason);
  }

  private static Done failed(URI url, int status, String reason) {
    return new Done(new FetchResult.Failed(url, status, reason), Optional.empty());
  }

  @Override
  public void close() {
    client.close();
  }

  /** A body larger than the limit: the exchange is cancelled as soon as the limit is passed. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super("body larger than the limit of " + limit + " bytes", null);
    }
  }

  /** Collects the body up to a limit; a declared Content-Length over the limit fails before reading. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final long declared;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(long limit, long declared) {
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declared > limit) {
        s.cancel();
        result.completeExceptionally(new BodyTooLarge(limit));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        buffer.writeBytes(bytes);
      }
      if (buffer.size() > limit) {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLarge(limit));
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
