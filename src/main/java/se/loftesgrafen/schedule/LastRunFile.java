package se.loftesgrafen.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.harvest.HarvestSummary;

/**
 * The last run of this process as {@code /harvest/status} shows it, kept in the store's folder
 * ({@code harvest-last-run.json}) so that a restart still shows it: written when a run starts, about once a second
 * while it runs and when it ends (by a rename, so the file is always whole). A run the file still shows as running
 * was cut off by the end of the process (a kill, a crash, a stop): it is read back as ended, with that reason.
 */
final class LastRunFile {
  static final String NAME = "harvest-last-run.json";
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String replica;
  private final Set<String> ended = ConcurrentHashMap.newKeySet();

  LastRunFile(Path folder, String replica) {
    this.file = folder.resolve(NAME);
    this.replica = replica;
  }

  /** Records the run as it is now; a running summary of a run already recorded as ended is ignored. */
  synchronized void write(HarvestSummary summary) {
    if (ended.contains(summary.runId())) {
      return;
    }
    if (!summary.running()) {
      ended.add(summary.runId());
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(NAME + ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(RunStatus.of(summary, replica)));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("run {}: cannot write {}: a restart will not show this run: {}", summary.runId(), file, e.toString());
    }
  }

  /** The run recorded by an earlier process, as it ended; empty when there is none or it cannot be read. */
  Optional<Map<String, Object>> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Map<String, Object> run = new LinkedHashMap<>(JSON.readValue(file.toFile(), new TypeReference<>() { }));
      if (Boolean.TRUE.equals(run.get("running"))) {
        run.put("running", false);
        run.put("ended", Files.getLastModifiedTime(file).toInstant().toString());
        run.put("stopped", "the service ended during the run (killed or crashed); what the run committed stays, and"
            + " the next run goes on from there");
      }
      return Optional.of(run);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read {}: the last run before the restart is not shown: {}", file, e.toString());
      return Optional.empty();
    }
  }
}
