package se.loftesgrafen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.loftesgrafen.config.ConfigException;

/** The one entry point: {@code loftesgrafen serve|harvest|extract|validate}. */
@Command(name = "loftesgrafen", mixinStandardHelpOptions = true, version = "loftesgrafen 0.1",
    description = "Open linked data on Swedish medborgarlöften: harvest, extract, store and serve.",
    subcommands = {ServeCommand.class, HarvestCommand.class, ExtractCommand.class, ValidateCommand.class, DumpCommand.class,
        ReextractCommand.class, RebaseCommand.class, TrainCommand.class, OutcomesCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    System.exit(commandLine().execute(args));
  }

  /** The command line with the house's error handling: one clear line per problem, no stack trace. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println("error: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
          + " --help')");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ConfigException config) {
        config.problems().forEach(p -> cmd.getErr().println("error: " + p));
        return 2;
      }
      if (ex instanceof se.loftesgrafen.graph.StoreException store) {
        cmd.getErr().println("error: " + store.getMessage());
        return 1;
      }
      if (ex instanceof se.loftesgrafen.cluster.ClusterException cluster) {
        cmd.getErr().println("error: " + cluster.getMessage());
        return 1;
      }
      if (ex instanceof UserError user) {
        cmd.getErr().println("error: " + user.getMessage());
        return user.exitCode();
      }
      throw ex;
    });
    return cl;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
