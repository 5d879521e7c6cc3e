package se.loftesgrafen.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads response payloads back from WARC files by record id (jwarc), as {@link WarcRecorder} and
 * {@link ArchiveReader} point at them: a snapshot names its file (by name only) and its {@code WARC-Record-ID}.
 * Files are looked up in the given folders in order: the store's {@code warc/} first, then folders of archives
 * that were harvested as sources. One pass over a file finds all the records wanted from it. Public for the archived
 * page of the web service (journalist/ArchivedPages), which reads one record back the same way.
 */
public final class WarcPayloads {
  private final List<Path> folders;

  /** A response's HTTP body as recorded, and its Content-Type header. */
  public record Payload(byte[] body, Optional<String> contentType) {
    public Payload {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  public WarcPayloads(List<Path> folders) {
    this.folders = List.copyOf(folders);
  }

  /** The folders searched, in order (for messages). */
  public List<Path> folders() {
    return folders;
  }

  /** Where a WARC file named in provenance is, if it is in one of the folders. */
  public Optional<Path> locate(String fileName) {
    Path name = Path.of(fileName).getFileName();
    if (name == null || !name.toString().equals(fileName)) {
      return Optional.empty(); // a name, never a path: provenance must not point outside the folders
    }
    return folders.stream().map(f -> f.resolve(name)).filter(Files::isRegularFile).findFirst();
  }

  /**
   * Hands each wanted response record of one file to {@code sink}, in file order, one payload in memory at a time;
   * stops once all are found (a record cut short by a killed harvest at the end of a file is never reached).
   *
   * @return the ids of the wanted records that were found
   * @throws IOException when the file cannot be read or is not a readable WARC file (the message names the file);
   *                     the records handed to the sink before stay handed
   */
  public Set<String> read(Path file, Set<String> recordIds, BiConsumer<String, Payload> sink) throws IOException {
    Set<String> found = new HashSet<>();
    try (WarcReader reader = new WarcReader(file)) {
      while (found.size() < recordIds.size()) {
        Optional<Wanted> next = next(reader, file, recordIds, found);
        if (next.isEmpty()) {
          break;
        }
        found.add(next.get().id());
        // outside the handling of read errors: what the sink throws is its own failure, not the file's
        sink.accept(next.get().id(), next.get().payload());
      }
    }
    return found;
  }

  private record Wanted(String id, Payload payload) {
  }

  /** The next wanted response record of the file, empty at its end. */
  private static Optional<Wanted> next(WarcReader reader, Path file, Set<String> wanted, Set<String> found)
      throws IOException {
    try {
      for (Optional<WarcRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
        String id = record.get().id().toString();
        if (record.get() instanceof WarcResponse response && wanted.contains(id) && !found.contains(id)) {
          // decoded as the harvester decoded it before hashing (Content-Encoding gzip or deflate)
          try (InputStream in = response.http().bodyDecoded().stream()) {
            return Optional.of(new Wanted(id, new Payload(in.readAllBytes(),
                response.http().headers().first("Content-Type"))));
          }
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // a cut gzip member, or a malformed record (jwarc reports some parse errors unchecked)
      throw new IOException(file + ": unreadable WARC file: " + e.getMessage(), e);
    }
  }
}
