package se.loftesgrafen.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The store's bookkeeping: the base IRI its data was minted under (recorded when the store is created) and its
 * data version (a number that grows with every change and survives restarts: the millisecond of the change, or
 * one more than the previous version when the clock is behind). It is kept apart from the data, so that dumps and
 * shapes never see it: in TDB2's stored default graph (hidden behind the union default graph), in a remote store
 * in a graph of its own that the export leaves out.
 */
final class StoreMeta {
  static final Node SUBJECT = NodeFactory.createURI("urn:x-loftesgrafen:store");
  static final Node DATA_VERSION = NodeFactory.createURI("urn:x-loftesgrafen:dataVersion");
  static final Node BASE_IRI = NodeFactory.createURI("urn:x-loftesgrafen:baseIri");

  private StoreMeta() {}

  /** The next data version after {@code previous}: the current time, and always more than before. */
  static long next(long previous) {
    return Math.max(previous + 1, System.currentTimeMillis());
  }
}
