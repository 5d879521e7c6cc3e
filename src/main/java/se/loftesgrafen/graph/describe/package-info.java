/**
 * What dereferencing a resource ({@code /id/...}) answers: {@link se.loftesgrafen.graph.describe.ResourceDescriber}
 * reads its description from the store (queries/describe-resource.rq), and
 * {@link se.loftesgrafen.graph.describe.JsonLdFramer} writes it as JSON-LD with our context (vocab/context.jsonld),
 * framed on the resource: directly from the graph by {@code FramedJsonLdWriter} with the context's terms
 * ({@code JsonLdTerms}), by titanium-json-ld for what that writer leaves out.
 */
package se.loftesgrafen.graph.describe;
