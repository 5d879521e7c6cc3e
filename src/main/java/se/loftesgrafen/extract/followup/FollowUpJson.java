package se.loftesgrafen.extract.followup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import se.loftesgrafen.extract.ExtractedPromise.Period;

/**
 * The follow-up part of {@code extract}'s JSON, added to the promise's object: {@code page_kind} ("promise",
 * "follow_up" or "other"; a page that is both is "follow_up" with {@code follow_up.states_promise} true) and,
 * for a follow-up, {@code follow_up} with the period, the items (text, status, unclear_reason, evidence, actors)
 * and the overall verdict, as {@code ../shared/eval/score_followups.py} reads it. Built with Jackson's tree model.
 */
public final class FollowUpJson {
  private FollowUpJson() {}

  /** Adds page_kind and follow_up (null when the page reports on nothing) to the promise's JSON object. */
  public static ObjectNode addTo(ObjectNode o, PageReading r) {
    o.put("page_kind", r.kind().outputId());
    if (r.followUp().isEmpty()) {
      o.putNull("follow_up");
      return o;
    }
    FollowUpReport f = r.followUp().get();
    ObjectNode fu = o.putObject("follow_up");
    period(fu, f.period());
    ArrayNode items = fu.putArray("items");
    for (FollowUpItem i : f.items()) {
      ObjectNode io = items.addObject().put("text", i.text()).put("status", i.status().id());
      if (i.unclearReason().isPresent()) {
        io.put("unclear_reason", i.unclearReason().get().id());
      } else {
        io.putNull("unclear_reason");
      }
      ArrayNode ev = io.putArray("evidence");
      i.evidence().forEach(e -> ev.add(e.text()));
      ArrayNode actors = io.putArray("actors");
      i.actors().forEach(actors::add);
    }
    if (f.overall().isPresent()) {
      fu.putObject("overall").put("status", f.overall().get().status().id()).put("text", f.overall().get().text());
    } else {
      fu.putNull("overall");
    }
    fu.put("states_promise", f.statesPromise());
    fu.put("truncated", f.truncated());
    return o;
  }

  private static void period(ObjectNode fu, Optional<Period> period) {
    if (period.isEmpty()) {
      fu.putNull("period");
      return;
    }
    ObjectNode p = fu.putObject("period");
    put(p, "from", period.get().from());
    put(p, "to", period.get().to());
    p.put("text", period.get().text());
  }

  private static void put(ObjectNode o, String key, Optional<String> v) {
    if (v.isPresent()) {
      o.put(key, v.get());
    } else {
      o.putNull(key);
    }
  }
}
