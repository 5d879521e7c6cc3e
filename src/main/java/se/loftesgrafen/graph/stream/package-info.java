/**
 * The change feed as a Linked Data Event Stream (LDES 2.0 on TREE): every version of a promise, one per source
 * snapshot that states it, with its time, paged by day. Reads the store through {@code graph}; knows nothing of HTTP.
 */
package se.loftesgrafen.graph.stream;
