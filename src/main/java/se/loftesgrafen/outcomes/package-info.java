/**
 * Outcomes beside promises (issue 27): Kolada's figures per municipality and year (reported crime per 100,000,
 * inhabitants, NTU and Medborgarundersökning safety measures), bundled under {@code outcomes/} on the classpath,
 * turned into W3C RDF Data Cube observations in their own named graph, and compared with the promises' themes.
 * May import {@code reference}, {@code vocab}, {@code graph} (store, IRIs) and Jena; {@link OutcomesRoutes} is the
 * one class that knows Vert.x.
 */
package se.loftesgrafen.outcomes;
