package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.graph.StoreException;

/** The line a run stops with when its own files cannot be written (DiskFullIT fills a real disk). */
class WriteFailureTest {
  @TempDir
  Path folder;

  @Test
  void noSpaceLeftOnDeviceIsAFullDiskWithTheFolder() {
    String line = WriteFailure.warc(folder.resolve("warc"), new IOException("No space left on device"));
    assertTrue(line.startsWith("the disk is full: the WARC files at " + folder.resolve("warc").toAbsolutePath()
        + " cannot be written ("), line);
    assertTrue(line.contains("free on its file system"), line);
  }

  @Test
  void aStoreFaultWithSpaceLeftIsSaidAsItIs() throws IOException {
    // with more than 64 MB free, an unsafe-access fault is not taken for a full disk
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.getFileStore(folder).getUsableSpace() > 1L << 30,
        "the temporary folder's disk has less than 1 GB free");
    StoreException e = new StoreException("commit failed: java.lang.InternalError: x",
        new InternalError("a fault occurred in an unsafe memory access operation"));
    assertEquals("the store cannot be written (InternalError: a fault occurred in an unsafe memory access operation)",
        WriteFailure.store(folder, e));
  }

  @Test
  void aWarcFaultThatIsNotSpaceNamesTheFolder() {
    String line = WriteFailure.warc(folder, new IOException("Input/output error"));
    assertEquals("the WARC files in " + folder.toAbsolutePath() + " cannot be written (IOException: Input/output"
        + " error)", line);
  }
}
