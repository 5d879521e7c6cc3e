package se.loftesgrafen;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.BindException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.vocab.ThemeLexiconLoader;
import se.loftesgrafen.vocab.VocabularyFiles;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreException;
import se.loftesgrafen.harvest.HarvestRunner;
import se.loftesgrafen.harvest.Harvester;
import se.loftesgrafen.harvest.SourcesFile;
import se.loftesgrafen.cluster.ClusterDatabase;
import se.loftesgrafen.cluster.FleetHarvests;
import se.loftesgrafen.schedule.HarvestScheduler;
import se.loftesgrafen.schedule.Harvests;
import se.loftesgrafen.schedule.LocalHarvests;
import se.loftesgrafen.web.WebServer;

/**
 * The service assembled from its parts: store, vocabulary, harvester and web server. {@code serve} runs one;
 * integration tests start one on port 0.
 */
public final class Loftesgrafen implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("service");
  /** In an embedded store's folder while a service holds it: where it listens, so the CLI can ask it instead. */
  public static final String SERVICE_FILE = "service.json";

  private final AppConfig config;
  private final PromiseStore store;
  private final Iris iris;
  private final Vertx vertx;
  private final WebServer web;
  private final HarvestRunner harvests;
  private final HarvestScheduler schedule;
  private final Optional<Fleet> fleet;

  /** This replica's part of a fleet: the cluster database and the fleet's harvests. */
  private record Fleet(ClusterDatabase database, FleetHarvests harvests) {
  }

  private Loftesgrafen(AppConfig config, PromiseStore store, Iris iris, Vertx vertx, WebServer web,
                       HarvestRunner harvests, HarvestScheduler schedule, Optional<Fleet> fleet) {
    this.config = config;
    this.store = store;
    this.iris = iris;
    this.vertx = vertx;
    this.web = web;
    this.harvests = harvests;
    this.schedule = schedule;
    this.fleet = fleet;
  }

  /** Opens the store, loads the vocabulary, harvests the sample into an empty store, then listens. */
  public static Loftesgrafen start(AppConfig requested) throws BindException {
    PromiseStore store = openStore(requested);
    Optional<ClusterDatabase> database = Optional.empty();
    Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(200)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    try {
      WebServer web = await(WebServer.listen(vertx, requested.service().host(), requested.service().port(),
          requested.service().limits()), requested.service().port());
      AppConfig config = requested.withPort(web.port());
      Iris iris = new Iris(config.baseIri());
      // One harvester (extractor rules, theme lexicon, shapes compiled once) for the sample and the scheduled runs.
      Harvester harvester = harvester(config, store, iris);
      AppConfig.ClusterConfig cluster = config.cluster();
      database = cluster.enabled() ? Optional.of(ClusterDatabase.open(cluster)) : Optional.empty();
      if (database.isPresent()) {
        harvester = FleetHarvests.shared(harvester, database.get(), cluster);
      }
      HarvestRunner harvests = new HarvestRunner(harvester,
          () -> SourcesFile.read(config.harvest().sources()));
      Optional<Fleet> fleet = database.map(db -> new Fleet(db, new FleetHarvests(harvests, db, cluster)));
      // before the sample's run, so that it is recorded as every run is (a fleet keeps its runs in its database)
      Optional<LocalHarvests> local = fleet.isPresent() ? Optional.empty()
          : Optional.of(new LocalHarvests(harvests, cluster.replica(), config.service().store()));
      if (config.harvest().sampleOnEmptyStore() && !store.hasGraphsOtherThan(
          NodeFactory.createURI(iris.vocabularyGraph().getURI()))) {
        // Through the runner, so that /harvest/status and the metrics count it as every other run; in a fleet,
        // through its lease, so that replicas starting together on an empty store harvest the sample once.
        (fleet.isPresent() ? fleet.get().harvests().runNow(() -> SourcesFile.read(config.harvest().sampleSources()))
            : harvests.runAndWait(() -> SourcesFile.read(config.harvest().sampleSources()))).ifPresent(sample ->
            LOG.info("empty store: harvested the bundled sample: {} pages stored, {} failed", sample.stored(),
                sample.failed().size()));
      }
      web.mount(config, store, iris, harvests, fleet.<Harvests>map(Fleet::harvests).orElseGet(local::orElseThrow));
      String cron = config.harvest().schedule();
      HarvestScheduler schedule = fleet.isEmpty() ? HarvestScheduler.start(harvests, cron)
          : HarvestScheduler.start(fleet.get().harvests(), harvests.schedules(cron), cron,
              FleetHarvests.quartzProperties(fleet.get().database(), cluster));
      fleet.ifPresent(f -> {
        f.harvests().launchWith(schedule::launch);
        LOG.info("replica {} of the fleet on {}", cluster.replica(), f.database().url());
      });
      if (config.service().remoteStore().isEmpty()) {
        announce(config.service().store(), config.service().localHost(), web.port());
      }
      LOG.info("listening on port {} (base IRI {})", web.port(), iris.base());
      return new Loftesgrafen(config, store, iris, vertx, web, harvests, schedule, fleet);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vertx.close();
      database.ifPresent(ClusterDatabase::close);
      store.close();
      throw new IllegalStateException("interrupted while harvesting the sample", e);
    } catch (RuntimeException | BindException e) {
      vertx.close();
      database.ifPresent(ClusterDatabase::close);
      store.close();
      throw e;
    }
  }

  /** Writes {@link #SERVICE_FILE}: the CLI asks this service while it holds the store (TDB2 allows one process). */
  private static void announce(java.nio.file.Path store, String host, int port) {
    try {
      java.nio.file.Path tmp = store.resolve(SERVICE_FILE + ".tmp");
      java.nio.file.Files.writeString(tmp, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
          Map.of("url", "http://" + host + ":" + port + "/", "pid", ProcessHandle.current().pid())));
      java.nio.file.Files.move(tmp, store.resolve(SERVICE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      LOG.warn("cannot write {} in {}: the CLI will not find this service: {}", SERVICE_FILE, store, e.toString());
    }
  }

  private static WebServer await(io.vertx.core.Future<WebServer> future, int port) throws BindException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BindException bind) {
        throw bind;
      }
      throw new IllegalStateException("cannot start the web server on port " + port + ": " + e.getCause(), e);
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("web server did not start on port " + port, e);
    }
  }

  /** The harvester; the one place that creates the extractor it uses. */
  public static Harvester harvester(AppConfig config, PromiseStore store, Iris iris) {
    return new Harvester(PromiseExtractor.create(ThemeLexiconLoader.load()), store, iris, config.harvest(), config.service().store());
  }

  /**
   * Opens the configured store for any command (serve, harvest, dump, validate), so that all of them see one graph:
   * checks that its data was minted under the configured base IRI (recording the base in a new store), and loads
   * the vocabulary and municipality register into it when they differ from what it holds.
   *
   * @throws StoreException one line naming both base IRIs and how to move, when the store was minted elsewhere
   */
  public static PromiseStore openStore(AppConfig config) {
    PromiseStore store = config.service().remoteStore().map(PromiseStore::remote)
        .orElseGet(() -> PromiseStore.embedded(config.service().store()));
    try {
      Iris iris = new Iris(config.baseIri());
      Optional<String> recorded = store.baseIri();
      Optional<String> minted = recorded.or(() -> legacyBase(store));
      if (minted.isPresent() && !minted.get().equals(iris.base())) {
        String where = config.service().remoteStore().map(Object::toString)
            .orElse(config.service().store().toString());
        throw new StoreException("store " + where + " was minted under base IRI " + minted.get()
            + ", not the configured " + iris.base() + ": serve it under its own base (service.baseIri or"
            + " LOFTESGRAFEN_BASE_IRI=" + minted.get() + "), or move its data with 'loftesgrafen rebase --store "
            + where + " --from " + minted.get() + "'");
      }
      if (recorded.isEmpty()) {
        store.recordBaseIri(iris.base());
      }
      loadVocabulary(store, iris);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The base IRI a store's data was minted under: recorded, or for an older store read off the IRIs it holds. */
  public static Optional<String> mintedBase(PromiseStore store) {
    return store.baseIri().or(() -> legacyBase(store));
  }

  private static Optional<String> legacyBase(PromiseStore store) {
    return store.query(se.loftesgrafen.graph.Queries.load("legacy-base").asQuery(), Duration.ofMinutes(1), exec -> {
      var rows = exec.select();
      Optional<String> found = Optional.empty();
      while (rows.hasNext()) {
        String iri = rows.next().get("iri").getURI();
        int at = iri.indexOf("id/lofte/");
        if (at > 0) {
          return Optional.of(iri.substring(0, at));
        }
        if (iri.endsWith("graph/vocab")) {
          found = Optional.of(iri.substring(0, iri.length() - "graph/vocab".length()));
        }
      }
      return found;
    });
  }

  /**
   * Puts vocab/*.ttl, parsed against the base IRI, into the vocabulary graph, unless the store holds exactly that
   * already (a restart is not a change of the data, so the data version stays).
   */
  public static void loadVocabulary(PromiseStore store, Iris iris) {
    Node name = NodeFactory.createURI(iris.vocabularyGraph().getURI());
    Graph vocabulary = VocabularyFiles.load(iris.base());
    if (!store.graph(name).isIsomorphicWith(vocabulary)) {
      store.replaceGraphs(Map.of(name, vocabulary));
    }
  }

  public int port() {
    return web.port();
  }

  /** The HTTP service (its routes, for tests that walk them). */
  public WebServer web() {
    return web;
  }

  public PromiseStore store() {
    return store;
  }

  public Iris iris() {
    return iris;
  }

  public AppConfig config() {
    return config;
  }

  public HarvestRunner harvests() {
    return harvests;
  }

  @Override
  public void close() {
    // A running harvest stops first, at once (what it committed stays; in a fleet its run ends, and the next run goes
    // on from there): it must not wait for the web server's connections and dumps to wind down.
    harvests.close();
    try {
      web.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("web server did not stop cleanly: {}", e.toString());
    } finally {
      // then the schedule, then the store
      schedule.close();
      fleet.ifPresent(f -> {
        f.harvests().close();
        f.database().close();
      });
      store.close();
      if (config.service().remoteStore().isEmpty()) {
        try {
          java.nio.file.Files.deleteIfExists(config.service().store().resolve(SERVICE_FILE));
        } catch (java.io.IOException e) {
          LOG.warn("cannot remove {}: {}", SERVICE_FILE, e.toString());
        }
      }
    }
  }
}
