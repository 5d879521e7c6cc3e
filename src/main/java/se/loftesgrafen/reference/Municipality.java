package se.loftesgrafen.reference;

import java.util.Objects;

/**
 * A Swedish municipality as in {@code vocab/data/kommuner.csv}.
 *
 * @param code       SCB municipality code, four digits ("1492")
 * @param name       short name ("Åmål")
 * @param countyCode SCB county code ("14")
 * @param countyName county name ("Västra Götalands län")
 * @param wikidata   Wikidata item ("Q...")
 * @param domain     website domain without www ("amal.se")
 */
public record Municipality(String code, String name, String countyCode, String countyName, String wikidata,
                           String domain) {
  public Municipality {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(countyCode, "countyCode");
    Objects.requireNonNull(countyName, "countyName");
    Objects.requireNonNull(wikidata, "wikidata");
    Objects.requireNonNull(domain, "domain");
  }
}
