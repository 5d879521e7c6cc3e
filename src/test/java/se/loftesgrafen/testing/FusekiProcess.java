package se.loftesgrafen.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Apache Jena Fuseki 6 server in its own process (target/fuseki/fuseki-server.jar, copied by the build),
 * serving one TDB2 dataset {@code /ds} whose default graph is the union of its named graphs, with the endpoints
 * {@code sparql}, {@code update} and {@code data} that {@code PromiseStore.remote} uses. In memory by default, or on
 * disk in {@code folder}. Stopped by {@link #close()}.
 */
public final class FusekiProcess implements AutoCloseable {
  private static final String CONFIG = """
      PREFIX fuseki: <http://jena.apache.org/fuseki#>
      PREFIX tdb2: <http://jena.apache.org/2016/tdb#>
      PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX ja: <http://jena.hpl.hp.com/2005/11/Assembler#>
      # A server-side limit, as a production Fuseki would have: a client that gives up does not leave it running.
      [] rdf:type fuseki:Server ; ja:context [ ja:cxtName "arq:queryTimeout" ; ja:cxtValue "10000" ] .
      <#service> rdf:type fuseki:Service ;
        fuseki:name "ds" ;
        fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
        fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
        fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
        fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ] ;
        fuseki:dataset <#ds> .
      <#ds> rdf:type tdb2:DatasetTDB2 ; tdb2:location "%s" ; tdb2:unionDefaultGraph true .
      """;

  private final Process process;
  private final int port;

  private FusekiProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Fuseki with the dataset in memory ({@code onDisk} false) or in {@code folder}/tdb2, and waits for it. */
  public static FusekiProcess start(Path folder, boolean onDisk, String maxHeap) throws IOException, InterruptedException {
    Path jar = Path.of("target/fuseki/fuseki-server.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + ": run the build (mvn generate-test-resources) first");
    }
    Files.createDirectories(folder);
    Path config = folder.resolve("config.ttl");
    String location = onDisk ? folder.resolve("tdb2").toString() : "--mem--";
    Files.writeString(config, CONFIG.formatted(location));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-jar", jar.toString(), "--port=" + port,
        "--config=" + config));
    Process process = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(folder.resolve("fuseki.log").toFile()).start();
    FusekiProcess fuseki = new FusekiProcess(process, port);
    fuseki.awaitUp(Duration.ofSeconds(60));
    return fuseki;
  }

  private void awaitUp(Duration limit) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Fuseki exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/$/ping"))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    close();
    throw new IllegalStateException("Fuseki did not start within " + limit);
  }

  /** The dataset URL, as {@code service.remoteStore} takes it. */
  public URI dataset() {
    return URI.create("http://localhost:" + port + "/ds");
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
