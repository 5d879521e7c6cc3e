package se.loftesgrafen.extract.commitment;

import java.util.Objects;
import java.util.Set;
import se.loftesgrafen.extract.Commitment.Actor;

/**
 * What a page says about who does a candidate, as the walk over its blocks read it; the {@link ActorModel} weighs it.
 *
 * @param own     the actors the candidate names itself: its subject, its tag ("(Kommunen)") or its "Ansvarig:" line
 * @param tagged  whether {@code own} comes from a tag or a responsibility line rather than a subject
 * @param context the actors of the heading, lead-in or parent item it stands under
 * @param page    what the page as a whole says of its parties (the same for every candidate of a page)
 */
record ActorEvidence(Set<Actor> own, boolean tagged, Set<Actor> context, PageParties page) {
  ActorEvidence {
    own = Set.copyOf(own);
    context = Set.copyOf(context);
    Objects.requireNonNull(page, "page");
  }

  /** No evidence: a candidate made outside a page walk (tests). */
  static ActorEvidence none() {
    return new ActorEvidence(Set.of(), false, Set.of(), PageParties.NONE);
  }

  /**
   * The parties of a page.
   *
   * @param we        who "vi" is on the page (the police alone on the police's own page, all three on a page that a
   *                  third party promises with them, else police and municipality)
   * @param lead      every party the page's lead sentence names ("... lovar Örebro kommun, City Örebro och
   *                  lokalpolisområde Örebro att:"), empty if it has none
   * @param thirdParty whether the page's head names a third party (Räddningstjänsten, a housing company, ...)
   */
  record PageParties(Set<Actor> we, Set<Actor> lead, boolean thirdParty) {
    static final PageParties NONE = new PageParties(ActorResolver.BOTH, Set.of(), false);

    PageParties {
      we = Set.copyOf(we);
      lead = Set.copyOf(lead);
    }
  }
}
