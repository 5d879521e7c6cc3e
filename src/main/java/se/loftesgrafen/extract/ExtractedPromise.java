package se.loftesgrafen.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one page says: the promise it states (or that it states none), as extracted.
 * Serialised by the CLI as one JSON object (the {@code extract --format jsonl} line).
 */
public record ExtractedPromise(
    String source,
    boolean isPromise,
    List<MunicipalityRef> municipalities,
    Optional<String> policeArea,
    Optional<Period> period,
    Optional<String> published,
    Optional<String> updated,
    List<String> basedOn,
    List<Signatory> signatories,
    List<Commitment> commitments,
    Optional<String> title) {

  public ExtractedPromise {
    Objects.requireNonNull(source, "source");
    municipalities = List.copyOf(municipalities);
    policeArea = Objects.requireNonNull(policeArea, "policeArea");
    period = Objects.requireNonNull(period, "period");
    published = Objects.requireNonNull(published, "published");
    updated = Objects.requireNonNull(updated, "updated");
    basedOn = List.copyOf(basedOn);
    signatories = List.copyOf(signatories);
    commitments = List.copyOf(commitments);
    title = Objects.requireNonNull(title, "title");
  }

  /** A municipality covered by the promise, by SCB code and short name ("1492", "Åmål"). */
  public record MunicipalityRef(String code, String name) {
    public MunicipalityRef {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
    }
  }

  /** Period of validity: from/to as YYYY or YYYY-MM-DD, and the phrase it was read from. */
  public record Period(Optional<String> from, Optional<String> to, String text) {
    public Period {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A person who signed the promise. Never a contact person; never a phone number or e-mail. */
  public record Signatory(String name, Optional<String> role, Optional<String> organisation, Optional<String> party) {
    public Signatory {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(party, "party");
    }
  }
}
