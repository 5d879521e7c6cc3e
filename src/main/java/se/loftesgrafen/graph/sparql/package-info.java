/**
 * The public SPARQL endpoint's query side: {@link se.loftesgrafen.graph.sparql.SparqlExecutor} parses a query as
 * SPARQL 1.1 (never Update), runs it on the store with a time limit and a row limit and writes the answer in a
 * {@link se.loftesgrafen.graph.sparql.SparqlFormat} as it is produced (CSV through {@code ResultsCsv}, with blank
 * nodes as {@code _:b0}). {@link se.loftesgrafen.graph.sparql.QueryPolicy} is applied first: {@code SERVICE} only
 * to allowed endpoints and functions only from the {@link se.loftesgrafen.graph.sparql.FunctionLibrary}
 * ({@code QueryReferences} finds both at any depth), and REGEX and REPLACE rewritten to
 * {@code CancellableRegex}, which the time limit stops mid-match ({@code CancellableChars},
 * {@code QueryDeadline}). {@link se.loftesgrafen.graph.sparql.QueryCache} keeps answers per data version.
 * The HTTP side (protocol, content negotiation) is {@code web.SparqlRoutes}.
 */
package se.loftesgrafen.graph.sparql;
