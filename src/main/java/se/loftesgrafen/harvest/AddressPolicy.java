package se.loftesgrafen.harvest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which URLs the harvester may request: http(s) only, and (unless the configuration allows it) no host that
 * resolves to a loopback, private, link-local, shared (CGNAT), multicast or unspecified address, so that a
 * page cannot point the harvester at the machine it runs on or its network. Checked before every request,
 * redirect targets included; the JDK client resolves again when connecting, so a DNS answer that changes in
 * between (rebinding) is not caught: run the harvester where nothing private is worth reaching, or behind an
 * egress proxy, when that matters.
 */
final class AddressPolicy {
  private final boolean allowPrivate;

  AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why {@code url} may not be requested, or empty when it may. */
  Optional<String> refuse(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("scheme '" + scheme + "' is not fetched (only http and https)");
    }
    if (url.getHost() == null) {
      return Optional.of("no host in " + url);
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
        if (isPrivate(address)) {
          return Optional.of(url.getHost() + " resolves to the non-public address " + address.getHostAddress()
              + " (harvest.allowPrivateAddresses is false)");
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty(); // the fetch itself fails with a clear "unknown host"
    }
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7 (RFC 4193)
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 shared (RFC 6598)
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
  }
}
