package se.loftesgrafen.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one line a run stops with when its own files cannot be written: what, where, and whether the disk is full.
 * A full disk shows in two ways: a write fails with ENOSPC ("No space left on device": the WARC files, the harvest
 * state, TDB2's journal), or a write to a memory-mapped TDB2 file meets SIGBUS, which the JVM turns into
 * {@code InternalError: a fault occurred in an unsafe memory access operation} with no word of the disk. The free
 * space of the folder's file system tells the second apart; the line states it either way.
 */
final class WriteFailure {
  /** Less free space than this when a mapped write faults: the disk is full (a record or a B+tree block missed). */
  private static final long NEARLY_FULL = 64L << 20;

  private WriteFailure() {}

  /**
   * Why the store cannot be written. A commit that fails for another reason (a remote store's answer, a broken
   * store) is said as it is: the folder is named only when its disk is full.
   */
  static String store(Path folder, Throwable cause) {
    return diskFull("the store", folder, cause).orElse("the store cannot be written (" + describe(cause) + ")");
  }

  /** Why the run's WARC files in {@code folder} cannot be written. */
  static String warc(Path folder, Throwable cause) {
    return diskFull("the WARC files", folder, cause)
        .orElse("the WARC files in " + folder.toAbsolutePath() + " cannot be written (" + describe(cause) + ")");
  }

  /** Why the harvest state or the WARC files could not be opened or closed. */
  static String harvestFiles(Path folder, Exception cause) {
    return diskFull("the harvest's files", folder, cause).orElse("cannot write the harvest's files: "
        + cause.getMessage());
  }

  /** "the disk is full: WHAT at FOLDER cannot be written (N free ...)", when the failure says so. */
  private static Optional<String> diskFull(String what, Path folder, Throwable cause) {
    long free = usableSpace(folder);
    boolean full = noSpace(cause) || (mappedFault(cause) && free >= 0 && free < NEARLY_FULL);
    return full ? Optional.of("the disk is full: " + what + " at " + folder.toAbsolutePath() + " cannot be written ("
        + (free >= 0 ? bytes(free) + " free on its file system" : describe(cause)) + ")") : Optional.empty();
  }

  /** The JVM's report of SIGBUS on a memory-mapped file (no other words; HotSpot's text since JDK 7). */
  private static boolean mappedFault(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InternalError && t.getMessage() != null && t.getMessage().contains("unsafe memory access")) {
        return true;
      }
    }
    return false;
  }

  private static boolean noSpace(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause with a message (StoreException wraps the store's own error). */
  private static String describe(Throwable cause) {
    Throwable inner = cause;
    while (inner.getCause() != null && inner.getCause() != inner) {
      inner = inner.getCause();
    }
    return inner.getClass().getSimpleName() + (inner.getMessage() == null ? "" : ": " + inner.getMessage());
  }

  /** Free bytes for us on the file system of {@code folder} (or of its nearest existing parent); -1 if unknown. */
  private static long usableSpace(Path folder) {
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }

  private static String bytes(long n) {
    return n < 1024 * 1024 ? n + " bytes" : String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
  }
}
