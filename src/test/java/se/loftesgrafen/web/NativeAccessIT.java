package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code java -jar} runs it has native access (the jar's manifest), so that Netty frees its direct
 * buffers with free() rather than by closing shared memory arenas, a handshake with every thread that stalled the
 * event loops for seconds under load on Java 25 (the abuse benchmark). Run without it, the service says so in one
 * line at start.
 */
class NativeAccessIT {
  private static final Path JAR = Path.of("target/loftesgrafen.jar");
  @TempDir
  Path dir;

  @Test
  void theJarHasNativeAccessAndTheServiceSaysWhenItRunsWithout() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals("ALL-UNNAMED", jar.getManifest().getMainAttributes().getValue("Enable-Native-Access"));
    }
    Assumptions.assumeTrue(Runtime.version().feature() >= 25, "Netty uses Unsafe before Java 25: nothing to say");
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("loftesgrafen.yaml"), """
        service:
          host: 127.0.0.1
          store: %s
        harvest:
          sampleOnEmptyStore: false
        """.formatted(dir.resolve("store")));
    Files.writeString(config.resolve("sources.yaml"), "sources: []\n");
    String asJar = serve(List.of("-jar", JAR.toString()), config, "jar");
    assertFalse(asJar.contains("native access is off"), asJar);
    String onClasspath = serve(List.of("-cp", JAR.toString(), "se.loftesgrafen.cli.Main"), config, "cp");
    assertTrue(onClasspath.contains("native access is off") && onClasspath.contains("--enable-native-access"),
        onClasspath);
  }

  /** Starts {@code serve} as {@code launch} says, waits until it listens, stops it; its output. */
  private String serve(List<String> launch, Path config, String name) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx256m"));
    command.addAll(launch);
    command.addAll(List.of("serve", "--config", config.toString(), "--port", "0"));
    Path log = dir.resolve(name + ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!read(log).contains("serving on") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      String out = read(log);
      assertTrue(out.contains("serving on"), out);
      return out;
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static String read(Path file) throws java.io.IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }
}
