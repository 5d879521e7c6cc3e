package se.loftesgrafen.cli;

import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Starts the service: SPARQL, resources, API and web page.",
        "With an empty store it first harvests the bundled sample; it schedules the configured harvests."})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: service.port, 8080)")
  Integer port;

  @Option(names = "--load-outcomes", description = {"Also load the bundled Kolada outcome figures (graph/utfall) on a",
      "worker thread after start; nothing is written when the store holds this copy (see 'outcomes load')."})
  boolean loadOutcomes;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config = options.load(Optional.ofNullable(port), Optional.empty());
    Loftesgrafen service;
    try {
      service = Loftesgrafen.start(config);
    } catch (BindException e) {
      throw new UserError("port " + config.service().port() + " is already in use"
          + " (choose another with --port or LOFTESGRAFEN_PORT)", 1);
    }
    if (loadOutcomes) {
      Thread.ofVirtual().name("outcomes-load").start(() -> se.loftesgrafen.outcomes.OutcomesLoader.loadLogged(
          service.store(), service.iris()));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "shutdown"));
    System.err.println("Löftesgrafen is serving on http://" + config.service().localHost() + ":" + service.port()
        + "/ (Ctrl-C stops)");
    stopped.await();
    return 0;
  }
}
