package se.loftesgrafen.web;

import java.util.Optional;

/**
 * Whether Netty can free its direct buffers cheaply. From Java 25 Netty no longer uses sun.misc.Unsafe by default;
 * without native access it then frees each direct buffer by closing a shared memory arena, and every such close is
 * a handshake with every thread of the process. Under load on a busy machine that stalled the event loops for
 * seconds (the abuse benchmark: /health up to 4 s, ordinary reads at a seventh of their rate). With native access
 * ({@code --enable-native-access=ALL-UNNAMED}; the jar's manifest says Enable-Native-Access for {@code java -jar})
 * Netty uses malloc and free instead.
 */
final class NettyMemory {
  private NettyMemory() {}

  /** The one line to log when the service runs without native access on a Java where that costs. */
  static Optional<String> warning() {
    if (Runtime.version().feature() < 25 || nativeAccess()) {
      return Optional.empty();
    }
    return Optional.of("native access is off: Netty frees its buffers by closing shared memory arenas, which stalls"
        + " every thread under load; run java with --enable-native-access=ALL-UNNAMED (java -jar loftesgrafen.jar"
        + " and the launcher do)");
  }

  /** Module.isNativeAccessEnabled() of our module (Java 22+; we compile for 21). */
  private static boolean nativeAccess() {
    try {
      return (boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(NettyMemory.class.getModule());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // cannot tell: say nothing
    }
  }
}
