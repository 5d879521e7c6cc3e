package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  @ParameterizedTest
  @CsvSource({"127.0.0.1,true", "10.1.2.3,true", "172.16.0.1,true", "192.168.1.1,true", "169.254.169.254,true",
      "100.64.0.1,true", "0.0.0.0,true", "::1,true", "fd00::1,true", "fe80::1,true", "8.8.8.8,false",
      "193.10.0.1,false", "2001:4860::1,false"})
  void privateAddressesAreRecognised(String address, boolean expected) throws Exception {
    assertEquals(expected, AddressPolicy.isPrivate(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/", "http://localhost/", "http://[::1]/", "http://10.0.0.1/x",
      "file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1/"})
  void aHarvestDoesNotReachThisMachineOrItsNetworkUnlessAllowed(String url) {
    Optional<String> refused = new AddressPolicy(false).refuse(URI.create(url));
    assertTrue(refused.isPresent(), url);
    assertTrue(new AddressPolicy(true).refuse(URI.create(url)).isPresent() == !url.startsWith("http"), url);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"120|120000", "0|0", "Wed, 21 Oct 2015 07:28:00 GMT|0"})
  void retryAfterIsSecondsOrADate(String header, long millis) {
    Instant now = Instant.parse("2015-10-21T07:30:00Z");
    assertEquals(Optional.of(Duration.ofMillis(millis)), HttpFetcher.retryAfter(header, now));
    assertEquals(Optional.of(Duration.ofSeconds(60)), HttpFetcher.retryAfter("Wed, 21 Oct 2015 07:31:00 GMT", now));
  }
}
