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

  @Override
  PromiseStore reopen() {
    return PromiseStore.embedded(folder);
  }
}
