package se.loftesgrafen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.PromiseJson;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.extract.followup.FollowUpExtractor;
import se.loftesgrafen.extract.followup.FollowUpJson;
import se.loftesgrafen.extract.followup.PageReading;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

/**
 * {@code extract [--format jsonl|json|turtle] FILE...}: prints the promise of each file, one JSON object per file in
 * the order given (with {@code page_kind} and, on a follow-up report, {@code follow_up}: see FollowUpJson), or with {@code turtle} the RDF the harvester would store for the files (one graph). A file that cannot be read or parsed gives an object with {@code source} and {@code error}; the
 * others still come out, and the exit code is 1 when any failed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extracts the medborgarlöfte of each page (HTML, PDF or text) as JSON.")
public final class ExtractCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { jsonl, json, turtle }

  @Option(names = "--format", defaultValue = "jsonl",
      description = "jsonl (one line per file), json (indented) or turtle (the RDF the harvester would store).")
  Format format;

  @Option(names = "--base", defaultValue = "https://w3id.org/loftesgrafen/", paramLabel = "IRI",
      description = "base IRI of minted resources with --format turtle (default: ${DEFAULT-VALUE})")
  String base;

  @Option(names = "--explain",
      description = "Also print to stderr every commitment candidate with the model's probability and its features.")
  boolean explain;

  @Option(names = "--models", paramLabel = "DIR",
      description = "Decide with the models of a training run (train --out DIR) instead of the shipped ones: to score"
          + " models on pages they were not trained on.")
  Path models;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pages to extract from.")
  List<String> files;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    PromiseExtractor extractor = models == null ? PromiseExtractor.create(ThemeLexiconLoader.load())
        : PromiseExtractor.create(ThemeLexiconLoader.load(), models);
    FollowUpExtractor pages = FollowUpExtractor.create(extractor);
    PrintWriter out = spec != null ? spec.commandLine().getOut()
        : new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    boolean pretty = format == Format.json;
    TurtleOutput turtle = format == Format.turtle ? new TurtleOutput(base) : null;
    int failed = 0;
    for (String file : files) {
      try {
        Path path = Path.of(file);
        SourceDocument doc = new SourceDocument(file, path.toAbsolutePath().toUri(), Files.readAllBytes(path),
            Optional.empty());
        PageReading reading = pages.read(doc);
        var promise = reading.promise();
        if (explain) {
          PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true, StandardCharsets.UTF_8);
          err.println("# " + file);
          extractor.explain(doc).forEach(err::println);
          err.flush();
        }
        if (turtle != null) {
          turtle.add(promise, doc);
        } else {
          out.println(PromiseJson.write(FollowUpJson.addTo(PromiseJson.toJson(promise), reading), pretty));
        }
      } catch (IOException | RuntimeException e) {
        failed++;
        if (turtle != null) {
          spec.commandLine().getErr().println("error: " + file + ": " + message(e));
        } else {
          out.println(PromiseJson.errorLine(file, message(e), pretty));
        }
      }
      out.flush();
    }
    if (turtle != null) {
      turtle.write(out);
    }
    return failed == 0 ? 0 : 1;
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Runs the command on its own (development launcher); the service's Main registers it as a subcommand. */
  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    System.exit(cl.execute(args));
  }
}
