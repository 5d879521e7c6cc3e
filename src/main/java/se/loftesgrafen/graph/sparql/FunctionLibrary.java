package se.loftesgrafen.graph.sparql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * The extension functions and property functions a public query may name ({@code sparql/function-library.tsv}),
 * read once; every entry must be one Jena has, so a typo stops start-up with its name. Everything Jena would
 * otherwise find by IRI (a {@code java:} class name among them) is outside the library.
 */
public final class FunctionLibrary {
  private static final String RESOURCE = "/sparql/function-library.tsv";
  private static final FunctionLibrary STANDARD = load();

  private final Set<String> functions;
  private final Set<String> propertyFunctions;

  private FunctionLibrary(Set<String> functions, Set<String> propertyFunctions) {
    this.functions = Set.copyOf(functions);
    this.propertyFunctions = Set.copyOf(propertyFunctions);
  }

  /** The library the endpoint serves. */
  public static FunctionLibrary standard() {
    return STANDARD;
  }

  /** The function IRIs, sorted. */
  public List<String> functions() {
    return functions.stream().sorted().toList();
  }

  /** The property function IRIs, sorted. */
  public List<String> propertyFunctions() {
    return propertyFunctions.stream().sorted().toList();
  }

  boolean allowsFunction(String iri) {
    return functions.contains(iri);
  }

  /**
   * Whether a triple pattern's predicate may stand in a public query: any IRI that Jena would not evaluate as a
   * property function, or one the library lists. A {@code java:} IRI is a class Jena would load, never allowed.
   */
  boolean allowsPredicate(String iri) {
    if (propertyFunctions.contains(iri)) {
      return true;
    }
    // Jena maps its own namespaces (ARQ's property functions, old and new) to java: class names it loads on demand
    String mapped = org.apache.jena.sparql.util.MappedLoader.mapDynamicURI(iri);
    return !javaClass(iri) && (mapped == null || !javaClass(mapped))
        && !PropertyFunctionRegistry.get().isRegistered(iri);
  }

  private static boolean javaClass(String iri) {
    return iri.regionMatches(true, 0, "java:", 0, 5);
  }

  private static FunctionLibrary load() {
    Set<String> functions = new LinkedHashSet<>();
    Set<String> properties = new LinkedHashSet<>();
    try (InputStream in = FunctionLibrary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        boolean function = cells[0].equals("function");
        boolean known = cells.length == 2 && (function ? FunctionRegistry.get().isRegistered(cells[1])
            : cells[0].equals("property") && PropertyFunctionRegistry.get().isRegistered(cells[1]));
        if (!known) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": not a function or property function Jena"
              + " has: " + line);
        }
        (function ? functions : properties).add(cells[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
    return new FunctionLibrary(functions, properties);
  }
}
