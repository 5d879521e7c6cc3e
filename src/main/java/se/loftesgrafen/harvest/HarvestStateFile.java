package se.loftesgrafen.harvest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvest state of one process (see {@link HarvestState}): an append-only JSON-lines file in the store folder ({@code harvest-state.jsonl}): an entry is
 * appended after its page is committed to the store, a line cut short by a kill is skipped on reading, and the
 * file is compacted when opened. Losing it only costs full GETs: the content hash in the graph still decides
 * whether a page changed.
 */
final class HarvestStateFile implements HarvestState {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private final Path file;
  private final Map<String, Entry> entries;
  private final BufferedWriter out;

  private HarvestStateFile(Path file, Map<String, Entry> entries, BufferedWriter out) {
    this.file = file;
    this.entries = entries;
    this.out = out;
  }

  static HarvestStateFile open(Path file) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          try {
            Entry e = JSON.readValue(line, Entry.class);
            entries.put(e.url(), e);
          } catch (JsonProcessingException e) {
            LOG.warn("{}: skipping an unreadable line (cut short by a kill?): {}", file, e.getOriginalMessage());
          }
        }
      }
      Path compacted = file.resolveSibling(file.getFileName() + ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(compacted, StandardCharsets.UTF_8)) {
        for (Entry e : entries.values()) {
          w.write(JSON.writeValueAsString(e));
          w.write('\n');
        }
      }
      Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return new HarvestStateFile(file, new ConcurrentHashMap<>(entries), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open harvest state " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Entry> get(String url) {
    return Optional.ofNullable(entries.get(url));
  }

  @Override
  public synchronized void put(Entry entry) {
    entries.put(entry.url(), entry);
    try {
      out.write(JSON.writeValueAsString(entry));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      LOG.warn("{}: cannot remember {}: {}", file, entry.url(), e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      LOG.warn("{}: cannot close: {}", file, e.getMessage());
    }
  }
}
