package se.loftesgrafen.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * HTTP clients that come from addresses of their own in 127.0.0.0/8 (every one of them is this machine's loopback on
 * Linux), so that a benchmark's connections are distinct clients as they are on the internet: the service limits
 * concurrent SPARQL queries per client address, and 64 connections from one address would be one greedy client.
 */
public final class LoopbackClients {
  private LoopbackClients() {}

  /** The client numbered {@code n} (0 to 64,515): it connects from 127.1.x.y. */
  public static HttpClient client(int n) {
    try {
      InetAddress from = InetAddress.getByAddress(new byte[] {127, 1, (byte) (n / 254), (byte) (n % 254 + 1)});
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
          .localAddress(from).build();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
