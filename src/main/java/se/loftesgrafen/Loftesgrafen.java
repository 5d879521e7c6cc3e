package se.loftesgrafen;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.BindException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.vocab.ThemeLexiconLoader;
import se.loftesgrafen.vocab.VocabularyFiles;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.harvest.HarvestSummary;
import se.loftesgrafen.harvest.HarvestRunner;
import se.loftesgrafen.harvest.Harvester;
import se.loftesgrafen.harvest.SourcesFile;
import se.loftesgrafen.schedule.HarvestScheduler;
import se.loftesgrafen.web.WebServer;

/**
 * The service assembled from its parts: store, vocabulary, harvester and web server. {@code serve} runs one;
 * integration tests start one on port 0.
 */
public final class Loftesgrafen implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("service");

  private final AppConfig config;
  private final PromiseStore store;
  private final Iris iris;
  private final Vertx vertx;
  private final WebServer web;
  private final HarvestRunner harvests;
  private final HarvestScheduler schedule;

  private Loftesgrafen(AppConfig config, PromiseStore store, Iris iris, Vertx vertx, WebServer web,
                       HarvestRunner harvests, HarvestScheduler schedule) {
    this.config = config;
    this.store = store;
    this.iris = iris;
    this.vertx = vertx;
    this.web = web;
    this.harvests = harvests;
    this.schedule = schedule;
  }

  /** Opens the store, loads the vocabulary, harvests the sample into an empty store, then listens. */
  public static Loftesgrafen start(AppConfig requested) throws BindException {
    PromiseStore store = requested.service().remoteStore().map(PromiseStore::remote)
        .orElseGet(() -> PromiseStore.embedded(requested.service().store()));
    Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(200)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    try {
      WebServer web = await(WebServer.listen(vertx, requested.service().port(),
          requested.service().limits()), requested.service().port());
      AppConfig config = requested.withPort(web.port());
      Iris iris = new Iris(config.baseIri());
      loadVocabulary(store, iris);
      // One harvester (extractor rules, theme lexicon, shapes compiled once) for the sample and the scheduled runs.
      Harvester harvester = harvester(config, store, iris);
      if (config.harvest().sampleOnEmptyStore() && !store.hasGraphsOtherThan(
          NodeFactory.createURI(iris.vocabularyGraph().getURI()))) {
        HarvestSummary sample = harvester.run(SourcesFile.read(config.harvest().sampleSources()));
        LOG.info("empty store: harvested the bundled sample: {} pages stored, {} failed", sample.stored(),
            sample.failed().size());
      }
      HarvestRunner harvests = new HarvestRunner(harvester,
          () -> SourcesFile.read(config.harvest().sources()));
      web.mount(config, store, iris, harvests);
      HarvestScheduler schedule = HarvestScheduler.start(harvests, config.harvest().schedule());
      LOG.info("listening on port {} (base IRI {})", web.port(), iris.base());
      return new Loftesgrafen(config, store, iris, vertx, web, harvests, schedule);
    } catch (RuntimeException | BindException e) {
      vertx.close();
      store.close();
      throw e;
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

  /** Replaces the vocabulary graph with vocab/*.ttl parsed against the base IRI. */
  static void loadVocabulary(PromiseStore store, Iris iris) {
    store.replaceGraphs(Map.of(NodeFactory.createURI(iris.vocabularyGraph().getURI()),
        VocabularyFiles.load(iris.base())));
  }

  public int port() {
    return web.port();
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
    try {
      web.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("web server did not stop cleanly: {}", e.toString());
    } finally {
      schedule.close();
      harvests.close(); // stops a running harvest before the store closes; what it committed stays
      store.close();
    }
  }
}
