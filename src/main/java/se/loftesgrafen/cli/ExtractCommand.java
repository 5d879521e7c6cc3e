package se.loftesgrafen.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Placeholder until the extraction issue lands its command. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extracts each given file (HTML, PDF or text) and prints the result.")
public final class ExtractCommand implements Callable<Integer> {
  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, json or turtle")
  String format;

  @Parameters(paramLabel = "FILE", arity = "1..*")
  List<String> files;

  @Override
  public Integer call() {
    throw new UserError("extract is not implemented in this build", 2);
  }
}
