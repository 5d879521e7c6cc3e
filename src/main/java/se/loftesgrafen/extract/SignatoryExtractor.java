package se.loftesgrafen.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Signatory;

/**
 * Who signed: name-and-title blocks at the end of a promise ("Jenny Wester / Lokalpolisområdeschef / Östra
 * Fyrbodal"), and the people a sentence says signed ("Per-Samuel Nisser (M), kommunstyrelsens ordförande och Orla
 * Kristoffersen, lokalpolisområdeschef skriver under medborgarlöftet"). A block after "Kontaktperson" or next to a
 * phone number or e-mail is a contact; a role that is not a signing role (kommunpolis) is an author.
 */
final class SignatoryExtractor {
  private static final String NAME_WORD = "\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}[\\p{Ll}]+)?";
  private static final Pattern NAME = Pattern.compile(NAME_WORD + "(?:\\s+" + NAME_WORD + "){1,3}");
  private static final Pattern PARTY = Pattern.compile("^\\s*\\(([A-ZÅÄÖ]{1,3}|[A-Z][a-z]{1,2})\\)");
  private static final Pattern INLINE_ROLE = Pattern.compile("^\\s*,\\s*([^,.;]+?)(?=\\s+(?:och|samt)\\s+\\p{Lu}|[,.;]|\\s+(?:skriver|skrev|undertecknade|signerade|har)\\b|$)",
      Pattern.UNICODE_CHARACTER_CLASS);

  private final List<Pattern> roles;
  private final List<Pattern> signing;
  private final List<Pattern> contact;
  private final List<Pattern> notName;

  SignatoryExtractor(ExtractionRules rules) {
    this.roles = rules.patterns("signatory_roles");
    this.signing = rules.patterns("signing_sentences");
    this.contact = rules.patterns("contact_markers");
    this.notName = rules.patterns("not_name_words");
  }

  List<Signatory> extract(MainText main, Optional<String> municipality) {
    Map<String, Signatory> out = new LinkedHashMap<>();
    fromBlocks(main.blocks(), municipality, out);
    for (Block b : main.blocks()) {
      for (Sentences.Span s : Sentences.split(b.text())) {
        if (CommitmentExtractor.any(signing, s.text())) {
          fromSentence(s.text(), municipality, out);
        }
      }
    }
    return List.copyOf(out.values());
  }

  private void fromBlocks(List<Block> blocks, Optional<String> municipality, Map<String, Signatory> out) {
    for (int i = 0; i + 1 < blocks.size(); i++) {
      String line = blocks.get(i).text();
      Matcher m = NAME.matcher(line);
      if (!m.lookingAt() || line.length() > 60 || !isRole(blocks.get(i + 1).text())) {
        continue;
      }
      Optional<String> name = cleanName(m.group());
      if (name.isEmpty() || !name.get().equals(m.group()) || near(blocks, i, contact)) {
        continue;
      }
      Matcher party = PARTY.matcher(line.substring(m.end()));
      StringBuilder role = new StringBuilder(blocks.get(i + 1).text());
      if (i + 2 < blocks.size() && extendsRole(blocks, i + 2)) {
        role.append(' ').append(blocks.get(i + 2).text());
      }
      add(out, name.get(), Optional.of(role.toString()), party.find() ? Optional.of(party.group(1)) : Optional.empty(),
          municipality);
    }
  }

  /** The line after a role ("Östra Fyrbodal", "kommunstyrelsen") belongs to it unless it starts the next signature. */
  private boolean extendsRole(List<Block> blocks, int j) {
    String t = blocks.get(j).text();
    if (t.length() > 40 || t.endsWith(".") || t.endsWith(":") || CommitmentExtractor.any(contact, t)) {
      return false;
    }
    boolean nextIsRole = j + 1 < blocks.size() && isRole(blocks.get(j + 1).text());
    return !nextIsRole && !isRole(t) && t.split(" ").length <= 4;
  }

  private boolean near(List<Block> blocks, int i, List<Pattern> markers) {
    for (int j = Math.max(0, i - 2); j <= Math.min(blocks.size() - 1, i + 2); j++) {
      if (j != i + 1 && CommitmentExtractor.any(markers, blocks.get(j).text())) {
        return true;
      }
    }
    return false;
  }

  private boolean isRole(String s) {
    return s.length() <= 80 && CommitmentExtractor.any(roles, s);
  }

  private void fromSentence(String s, Optional<String> municipality, Map<String, Signatory> out) {
    Matcher m = NAME.matcher(s);
    while (m.find()) {
      Optional<String> name = cleanName(m.group());
      if (name.isEmpty()) {
        continue;
      }
      int nameEnd = m.start() + m.group().indexOf(name.get()) + name.get().length();
      int nameStart = nameEnd - name.get().length();
      String after = s.substring(nameEnd);
      Optional<String> party = Optional.empty();
      Matcher p = PARTY.matcher(after);
      if (p.find()) {
        party = Optional.of(p.group(1));
        after = after.substring(p.end());
      }
      Optional<String> role = Optional.empty();
      Matcher r = INLINE_ROLE.matcher(after);
      if (r.find() && isRole(r.group(1))) {
        role = Optional.of(r.group(1).strip());
      } else {
        role = roleBefore(s.substring(Math.max(0, nameStart - 50), nameStart));
      }
      if (role.isPresent()) {
        add(out, name.get(), role, party, municipality);
      }
    }
  }

  private Optional<String> roleBefore(String before) {
    String best = null;
    int bestEnd = -1;
    for (Pattern p : roles) {
      Matcher m = p.matcher(before);
      while (m.find()) {
        if (m.end() > bestEnd && before.substring(m.end()).strip().split("\\s+").length <= 2) {
          bestEnd = m.end();
          best = m.group();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Drops leading words that are not names ("Kommunchef Ralf Hedin" → "Ralf Hedin"); empty if fewer than two remain. */
  private Optional<String> cleanName(String candidate) {
    String[] words = candidate.split("\\s+");
    int from = 0;
    while (from < words.length && CommitmentExtractor.any(notName, words[from])) {
      from++;
    }
    for (int i = from; i < words.length; i++) {
      if (CommitmentExtractor.any(notName, words[i])) {
        return Optional.empty();
      }
    }
    if (words.length - from < 2) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)));
  }

  private static void add(Map<String, Signatory> out, String name, Optional<String> role, Optional<String> party,
                          Optional<String> municipality) {
    Optional<String> organisation = role.map(r -> r.toLowerCase(Locale.ROOT))
        .flatMap(r -> r.contains("polis") ? Optional.of("Polisen")
            : municipality.map(SignatoryExtractor::municipalityOrganisation));
    out.putIfAbsent(name, new Signatory(name, role, organisation, party));
  }

  /** "Åmål" → "Åmåls kommun", "Orsa" → "Orsa kommun" (no genitive s after s, x, z or a vowel-final -a? Swedish keeps "Orsa kommun"). */
  static String municipalityOrganisation(String name) {
    char last = Character.toLowerCase(name.charAt(name.length() - 1));
    boolean noGenitive = last == 's' || last == 'x' || last == 'z' || "aeiouyåäö".indexOf(last) >= 0;
    return noGenitive ? name + " kommun" : name + "s kommun";
  }

  static List<String> names(List<Signatory> s) {
    List<String> out = new ArrayList<>();
    s.forEach(x -> out.add(x.name()));
    return out;
  }
}
