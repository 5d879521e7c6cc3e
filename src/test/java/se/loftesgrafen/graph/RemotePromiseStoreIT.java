package se.loftesgrafen.graph;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.FusekiProcess;

/**
 * The store contract on a real Apache Jena Fuseki (its own process, in-memory TDB2 with union default graph), reached
 * over the SPARQL 1.1 Protocol and the Graph Store Protocol. Each test starts from an emptied dataset.
 */
class RemotePromiseStoreIT extends PromiseStoreContract {
  @TempDir
  static Path folder;
  static FusekiProcess fuseki;

  @BeforeAll
  static void startFuseki() throws Exception {
    fuseki = FusekiProcess.start(folder, false, "512m");
  }

  @AfterAll
  static void stopFuseki() {
    fuseki.close();
  }

  @Override
  PromiseStore open() {
    org.apache.jena.sparql.exec.http.UpdateExecHTTP.service(fuseki.dataset() + "/update").update("DROP ALL")
        .execute();
    return PromiseStore.remote(fuseki.dataset());
  }

  @Override
  PromiseStore reopen() {
    return PromiseStore.remote(fuseki.dataset());
  }
}
