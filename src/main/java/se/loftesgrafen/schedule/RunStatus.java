package se.loftesgrafen.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import se.loftesgrafen.harvest.HarvestSummary;
import se.loftesgrafen.harvest.ReextractSummary;

/** The JSON shape of a run in {@code /harvest/status} and the admin answers, also as a fleet's database keeps it. */
public final class RunStatus {
  private RunStatus() {}

  public static Map<String, Object> of(HarvestSummary s, String replica) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", s.runId());
    m.put("replica", replica);
    m.put("running", s.running());
    m.put("started", s.started().toString());
    m.put("ended", s.ended().map(Object::toString).orElse(null));
    m.put("queued", s.queued());
    m.put("fetched", s.fetched());
    m.put("notModified", s.notModified());
    m.put("stored", s.stored());
    m.put("unchanged", s.unchanged());
    m.put("disallowed", s.disallowed());
    m.put("problems", s.failed());
    m.put("hosts", s.hosts());
    s.stopped().ifPresent(reason -> m.put("stopped", reason));
    return m;
  }

  public static Map<String, Object> of(ReextractSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", s.runId());
    m.put("extractorVersion", s.extractorVersion());
    m.put("dryRun", s.dryRun());
    m.put("started", s.started().toString());
    m.put("snapshots", s.snapshots());
    m.put("read", s.read());
    m.put("unchanged", s.unchanged());
    m.put("changed", s.changed());
    m.put("failed", s.failed());
    return m;
  }
}
