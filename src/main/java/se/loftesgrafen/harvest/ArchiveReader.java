package se.loftesgrafen.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.loftesgrafen.graph.SnapshotInfo;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Sources that need no network: local files and folders (HTML, PDF, text) and WARC archives (jwarc), so that
 * researchers can feed archived years. Every page read is recorded like a fetched one; an archived response keeps
 * its capture date and points at its record in the archive.
 */
final class ArchiveReader {
  static final String HOST = "file";
  private final PageRecorder pages;
  private final HarvestProgress progress;
  private final long maxBodyBytes;

  ArchiveReader(PageRecorder pages, HarvestProgress progress, long maxBodyBytes) {
    this.pages = pages;
    this.progress = progress;
    this.maxBodyBytes = maxBodyBytes;
  }

  void read(Source source) {
    Path location = Path.of(source.location());
    if (Files.isDirectory(location)) {
      files(location).forEach(file -> read(file, source, false));
    } else if (Files.isRegularFile(location)) {
      read(location, source, true);
    } else {
      progress.failed(HOST, location + ": no such file or folder");
    }
  }

  private List<Path> files(Path folder) {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(p -> p.toString().matches("(?i).*\\.(html?|pdf|txt|warc|warc\\.gz)$")).sorted().toList();
    } catch (IOException e) {
      progress.failed(HOST, folder + ": cannot list: " + e.getMessage());
      return List.of();
    }
  }

  private void read(Path file, Source source, boolean named) {
    if (Source.isWarc(file.toString())) {
      warc(file);
      return;
    }
    try {
      byte[] body = Files.readAllBytes(file);
      progress.fetched(HOST);
      String url = source.originalUrl().filter(u -> named).map(URI::toString).orElse(file.toUri().toString());
      // read, not fetched: no HTTP exchange took place, so no status (SnapshotInfo.NO_HTTP), and the time is the read's
      pages.record(new PageRecorder.Page(url, file.toUri(), HOST, body, Optional.empty(), SnapshotInfo.NO_HTTP,
          Instant.now(), Optional.empty(), FetchResult.Validators.NONE, true), LinkFinder.Links.NONE);
    } catch (IOException e) {
      progress.failed(HOST, file + ": cannot read: " + e.getMessage());
    }
  }

  /** Each 200 response of an archive is a page; requests, metadata and other statuses are skipped. */
  private void warc(Path archive) {
    try (WarcReader reader = new WarcReader(archive)) {
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse response && response.http().status() == 200) {
          page(archive, response);
        }
      }
    } catch (se.loftesgrafen.graph.StoreException e) {
      throw e; // the store, not the archive: the run stops
    } catch (IOException | RuntimeException e) {
      progress.failed(HOST, archive + ": unreadable WARC archive: " + e.getMessage());
    }
  }

  private void page(Path archive, WarcResponse response) throws IOException {
    URI target = response.targetURI();
    byte[] body;
    // decoded by its Content-Encoding (gzip, deflate), read no further than the limit
    try (InputStream in = response.http().bodyDecoded().stream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    } catch (IOException e) {
      progress.failed(HOST, target + " in " + archive + ": the body cannot be decoded (Content-Encoding): "
          + e.getMessage());
      return;
    }
    if (body.length > maxBodyBytes) {
      progress.failed(HOST, target + " in " + archive + ": body larger than the limit of " + maxBodyBytes + " bytes");
      return;
    }
    progress.fetched(HOST);
    Optional<String> type = response.http().headers().first("Content-Type");
    // the archive's capture: its crawler's status and fetch time, and its record (lg:warcFile names the archive)
    pages.record(new PageRecorder.Page(target.toString(), target, HOST, body, type, response.http().status(),
        response.date(),
        Optional.of(new FetchResult.WarcRef(response.id().toString(), archive.getFileName().toString())),
        FetchResult.Validators.NONE, false), LinkFinder.Links.NONE);
  }
}
