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
}
