package se.loftesgrafen.extract.followup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.loftesgrafen.extract.ExtractedPromise.Period;

/**
 * What a follow-up report says about an earlier promise.
 *
 * @param period        the promise period it follows up
 * @param items         the commitments it names, each with its status
 * @param activities    what the report says was done that it ties to no commitment (an activity-only report)
 * @param overall       the page's own verdict on the whole promise, where it gives one
 * @param statesPromise the page also states a new promise (next year's)
 * @param truncated     the text ends mid-sentence, so silence may be the cut's
 */
public record FollowUpReport(Optional<Period> period, List<FollowUpItem> items,
    List<FollowUpItem.Evidence> activities, Optional<Verdict> overall,
    boolean statesPromise, boolean truncated) {
  public FollowUpReport {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(overall, "overall");
    items = List.copyOf(items);
    activities = List.copyOf(activities);
  }
}
