package se.loftesgrafen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
    Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - url: sample/\n");
    return dir;
  }

  @Test
  void theBundledConfigurationIsValid() {
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"), ConfigOverrides.none());
    assertEquals(8080, config.service().port());
    assertEquals(Duration.ofSeconds(10), config.service().sparqlTimeout());
    assertEquals("https://w3id.org/loftesgrafen/", config.baseIri().toString(), "a name, not the local address");
    assertTrue(Files.isRegularFile(config.harvest().sampleSources()), "bundled sample sources exist");
  }

  @Test
  void defaultsApplyWhenTheFileIsEmpty() throws IOException {
    AppConfig config = ConfigLoader.load(write(""), ConfigOverrides.none());
    assertEquals(8080, config.service().port());
    assertEquals(Duration.ofSeconds(1), config.harvest().perHostDelay());
    assertEquals(Path.of("./data"), config.service().store());
  }

  @Test
  void relativeFoldersResolveAgainstTheInstallationWhenItsConfigurationIsUsedFromElsewhere() throws IOException {
    Path d = write("service:\n  store: ./data\nharvest:\n  warc: archive/warc\n");
    Path home = Path.of("/opt/loftesgrafen");
    AppConfig config = ConfigLoader.load(d, ConfigOverrides.none(), home);
    assertEquals(home.resolve("data"), config.service().store().normalize());
    assertEquals(home.resolve("archive/warc"), config.harvest().warc().normalize());
    assertEquals(Path.of("/srv/abs"), ConfigLoader.load(write("service:\n  store: /srv/abs\n"), ConfigOverrides.none(),
        home).service().store(), "an absolute folder stays where it is");
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFile() throws IOException {
    Path d = write("service:\n  port: 8081\n  store: /tmp/a\n");
    Map<String, String> env = Map.of("LOFTESGRAFEN_PORT", "8082", "LOFTESGRAFEN_BASE_IRI", "https://example.org/lg/");
    AppConfig fromEnv = ConfigLoader.load(d, new ConfigOverrides(Optional.empty(), Optional.empty(),
        Optional.empty(), env));
    assertEquals(8082, fromEnv.service().port());
    assertEquals("https://example.org/lg/", fromEnv.baseIri().toString());
    AppConfig fromFlag = ConfigLoader.load(d, new ConfigOverrides(Optional.of("8083"), Optional.of("/tmp/b"),
        Optional.empty(), env));
    assertEquals(8083, fromFlag.service().port());
    assertEquals(Path.of("/tmp/b"), fromFlag.service().store());
  }

  @Test
  void theServiceListensOnEveryInterfaceUnlessAHostIsNamed() throws IOException {
    AppConfig.ServiceConfig every = ConfigLoader.load(write(""), ConfigOverrides.none()).service();
    assertEquals("0.0.0.0", every.host());
    assertEquals("localhost", every.localHost(), "what a client on this machine asks");
    AppConfig.ServiceConfig loopback = ConfigLoader.load(write("service:\n  host: ::1\n"), new ConfigOverrides(
        Optional.empty(), Optional.empty(), Optional.empty(), Map.of("LOFTESGRAFEN_HOST", "127.0.0.1"))).service();
    assertEquals("127.0.0.1", loopback.host(), "the environment wins over the file");
    assertEquals("[::1]", ConfigLoader.load(write("service:\n  host: ::1\n"), ConfigOverrides.none()).service()
        .localHost());
  }

  @Test
  void thePublicUrlIsWhereClientsReachTheServiceAndNotTheBaseIri() throws IOException {
    AppConfig plain = ConfigLoader.load(write("service:\n  port: 8090\n"), ConfigOverrides.none());
    assertEquals("http://localhost:8090/", plain.publicUrl(), "this machine's address by default");
    assertEquals("https://w3id.org/loftesgrafen/", plain.baseIri().toString(), "the name stays");
    AppConfig proxied = ConfigLoader.load(write("service:\n  publicUrl: https://data.example.org/lg/\n"),
        new ConfigOverrides(Optional.of("8091"), Optional.empty(), Optional.empty(), Map.of()));
    assertEquals("https://data.example.org/lg/", proxied.publicUrl(), "whatever port the process listens on");
    assertEquals("https://data.example.org/lg/", proxied.withPort(1234).publicUrl());
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        write("service:\n  publicUrl: https://data.example.org/lg\n"), ConfigOverrides.none()));
    assertTrue(e.getMessage().contains("service.publicUrl must end with '/'"), e.getMessage());
  }

  @Test
  void theCatalogueSettingsAreReadAndChecked() throws IOException {
    AppConfig.CatalogConfig c = ConfigLoader.load(write("catalog:\n  license: https://creativecommons.org/licenses/by/4.0/\n"
        + "  accrualPeriodicity: WEEKLY\n  contactEmail: mailto:data@example.se\n"), ConfigOverrides.none()).catalog();
    assertEquals("https://creativecommons.org/licenses/by/4.0/", c.license().toString());
    assertEquals(Optional.of("WEEKLY"), c.accrualPeriodicity());
    assertEquals("data@example.se", c.contactEmail());
    assertEquals(AppConfig.CatalogConfig.CC0, ConfigLoader.load(write(""), ConfigOverrides.none()).catalog().license());
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        write("catalog:\n  accrualPeriodicity: every day\n"), ConfigOverrides.none()));
    assertTrue(e.getMessage().contains("catalog.accrualPeriodicity must be a code of the EU frequency table"),
        e.getMessage());
  }

  @Test
  void anUnknownKeyIsReportedWithItsLine() throws IOException {
    Path d = write("service:\n  port: 8080\n  prot: 1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(d, ConfigOverrides.none()));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'prot'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "service:\\n  port: 70000|service.port must be a number from 0 to 65535",
      "service:\\n  host: http://127.0.0.1/|service.host must be an address or host name to listen on",
      "service:\\n  sparqlTimeout: soon|service.sparqlTimeout must be a duration",
      "service:\\n  baseIri: ftp://x/|service.baseIri must be an http(s) URL",
      "service:\\n  baseIri: https://x.org/lg|service.baseIri must end with '/'",
      "service:\\n  adminToken: short|service.adminToken must be at least 16 characters",
      "harvest:\\n  schedule: every night|harvest.schedule is not a Quartz cron expression",
      "harvest:\\n  perHostDelay: 1 second|harvest.perHostDelay must be a duration",
      "harvest:\\n  maxBodySize: lots|harvest.maxBodySize must be a size",
      "harvest:\\n  retries: -1|harvest.retries must be at least 0",
      "harvest:\\n  firstByteTimeout: 5|harvest.firstByteTimeout must be a duration",
      "harvest:\\n  pagesPerHost: 0|harvest.pagesPerHost must be at least 1",
      "harvest:\\n  userAgent: Löftesgrafen/1.0|harvest.userAgent must be printable ASCII",
      "cluster:\\n  database: postgres://db/lg|cluster.database must be a PostgreSQL JDBC URL",
      "cluster:\\n  database: jdbc:postgresql://db/lg|cluster.database needs service.remoteStore",
      "cluster:\\n  replica: a b|cluster.replica must be 1 to 80 letters",
      "cluster:\\n  checkinInterval: 100ms|cluster.checkinInterval must be at least 500ms",
      "cluster:\\n  password: secret|unknown"})
  void everyBadValueGetsAClearMessage(String yaml, String expected) throws IOException {
    Path d = write(yaml.replace("\\n", "\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(d, ConfigOverrides.none()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void allProblemsAreReportedTogether() throws IOException {
    Path d = write("service:\n  port: -1\n  sparqlTimeout: x\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(d, ConfigOverrides.none()));
    assertEquals(2, e.problems().size(), e.getMessage());
  }

  @Test
  void aMissingFileOrFolderIsNamed() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(dir, ConfigOverrides.none()));
    assertTrue(e.getMessage().startsWith("config file not found"), e.getMessage());
    ConfigException f = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(dir.resolve("nowhere"), ConfigOverrides.none()));
    assertTrue(f.getMessage().startsWith("config folder not found"), f.getMessage());
  }

  @Test
  void aFleetIsOffByDefaultAndTheWarcFolderIsInTheStore() throws IOException {
    AppConfig config = ConfigLoader.load(write("service:\n  store: /srv/lg\n"), ConfigOverrides.none());
    assertTrue(config.cluster().database().isEmpty(), "one process, the in-memory schedule");
    assertEquals(Path.of("/srv/lg/warc"), config.harvest().warc());
  }

  @Test
  void aFleetTakesItsDatabaseFromTheFileAndItsCredentialsFromTheEnvironment() throws IOException {
    Path d = write("""
        service:
          remoteStore: http://fuseki:3030/loftesgrafen
        harvest:
          warc: /shared/warc
        cluster:
          database: jdbc:postgresql://db:5432/loftesgrafen
          checkinInterval: 2s
        """);
    AppConfig config = ConfigLoader.load(d, new ConfigOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of("LOFTESGRAFEN_CLUSTER_USER", "lg", "LOFTESGRAFEN_CLUSTER_PASSWORD", "pw", "LOFTESGRAFEN_REPLICA",
            "replica-a")));
    AppConfig.ClusterConfig c = config.cluster();
    assertEquals(Optional.of("jdbc:postgresql://db:5432/loftesgrafen"), c.database());
    assertEquals(Optional.of("lg"), c.user());
    assertEquals(Optional.of("pw"), c.password());
    assertEquals("replica-a", c.replica());
    assertEquals(Duration.ofSeconds(2), c.checkinInterval());
    assertEquals(Path.of("/shared/warc"), config.harvest().warc());
    assertTrue(!c.toString().contains("pw"), "the password is never printed: " + c);
  }
}
