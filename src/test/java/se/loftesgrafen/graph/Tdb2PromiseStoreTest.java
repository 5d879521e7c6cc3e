package se.loftesgrafen.graph;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded TDB2 store on disk. */
class Tdb2PromiseStoreTest extends PromiseStoreContract {
  @TempDir
  Path folder;

  @Override
  PromiseStore open() {
    return PromiseStore.embedded(folder);
  }

  @org.junit.jupiter.api.Test
  void theBookkeepingIsOutOfSightOfQueries() {
    store.recordBaseIri("http://example.org/");
    org.junit.jupiter.api.Assertions.assertEquals(0,
        count("SELECT (COUNT(*) AS ?n) { { ?s <urn:x-loftesgrafen:baseIri> ?o } UNION { GRAPH ?g { ?s ?p ?o } "
            + "FILTER(STRSTARTS(STR(?p), \"urn:x-loftesgrafen:\")) } }"));
  }

  @org.junit.jupiter.api.Test
  void closingWaitsForAReadStillRunningAndReleasesTheStore() throws Exception {
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    PromiseStore closing = store;
    Thread reader = Thread.ofPlatform().start(() -> closing.query(
        org.apache.jena.query.QueryFactory.create("ASK { ?s ?p ?o }"), java.time.Duration.ofSeconds(10), exec -> {
          reading.countDown();
          try {
            Thread.sleep(1000); // a search index build or a read-ahead, as a service stops after a change
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return exec.ask();
        }));
    reading.await();
    closing.close(); // threw TransactionException "Can't expel: Active transactions", leaving the store locked
    reader.join();
    store = reopen();
    org.junit.jupiter.api.Assertions.assertTrue(count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") > 0);
  }

  @Override
  PromiseStore reopen() {
    return PromiseStore.embedded(folder);
  }
}
