package se.loftesgrafen.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One replica of a fleet as production runs it: {@code loftesgrafen serve} in a child JVM of its own, configured by a
 * config folder and environment variables, its output in a log file. {@link #kill()} is SIGKILL (no shutdown hook
 * runs), {@link #close()} a normal stop.
 */
public final class ReplicaProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving on (http://[^/\\s]+)/");
  private final String name;
  private final Process process;
  private final Path log;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ReplicaProcess(String name, Process process, Path log, String base) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts {@code serve --config configDir --port 0} with {@code environment} and waits until it listens. */
  public static ReplicaProcess start(String name, Path configDir, Path log, String maxHeap,
                                     Map<String, String> environment) throws IOException, InterruptedException {
    return start(name, List.of("--config", configDir.toString(), "--port", "0"), log, maxHeap, environment);
  }

  /** Starts {@code serve} with {@code arguments} (its options) and {@code environment}; waits until it listens. */
  public static ReplicaProcess start(String name, List<String> arguments, Path log, String maxHeap,
                                     Map<String, String> environment) throws IOException, InterruptedException {
    return start(name, List.of(), arguments, log, maxHeap, environment);
  }

  /** As {@link #start(String, List, Path, String, Map)}, with options for the JVM ({@code -Xlog:gc...}). */
  public static ReplicaProcess start(String name, List<String> jvmOptions, List<String> arguments, Path log,
                                     String maxHeap, Map<String, String> environment)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // as the jar's manifest (Enable-Native-Access) and the launcher have it
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "--enable-native-access=ALL-UNNAMED",
        "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "se.loftesgrafen.cli.Main", "serve"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      String text = read(log);
      Matcher m = SERVING.matcher(text);
      if (m.find()) {
        return new ReplicaProcess(name, process, log, m.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + text);
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " did not start within 180 s:\n" + read(log));
  }

  /** The log so far (bytes, not readString: a line being written may end inside a multi-byte character). */
  public String log() throws IOException {
    return read(log);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  /** Bytes of live objects by class (jcmd GC.class_histogram, which collects first). */
  public Map<String, Long> classHistogram() throws IOException, InterruptedException {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.class_histogram")
        .redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Map<String, Long> bytes = new java.util.HashMap<>();
    Matcher m = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE).matcher(text);
    while (m.find()) {
      bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
    }
    return bytes;
  }

  /** The port it listens on. */
  public int port() {
    return URI.create(base).getPort();
  }

  /**
   * Bytes of heap in use right after a full collection: the JDK's {@code jcmd GC.run}, then that collection's own
   * line in the GC log the process writes (started with {@code -Xlog:gc:file=gcLog}): "Pause Full (Diagnostic
   * Command) 415M->169M(512M)". A {@code GC.heap_info} asked afterwards would also count what the process allocated
   * in between, which on a busy machine was 170 MB.
   */
  public long heapUsedAfterGc(Path gcLog) throws IOException, InterruptedException {
    Pattern full = Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M");
    int before = (int) full.matcher(Files.readString(gcLog)).results().count();
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.run").redirectErrorStream(true).start().waitFor();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<MatchResult> after = full.matcher(Files.readString(gcLog)).results().toList();
      if (after.size() > before) {
        return Long.parseLong(after.get(after.size() - 1).group(1)) << 20;
      }
      Thread.sleep(100);
    }
    throw new IOException(name + ": no full collection in " + gcLog + " after jcmd GC.run");
  }


  public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** SIGKILL: the replica stops at once, mid-write if it was writing; nothing of it runs afterwards. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
