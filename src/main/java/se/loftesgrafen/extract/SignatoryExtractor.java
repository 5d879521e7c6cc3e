package se.loftesgrafen.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Signatory;

/**
 * Who signed. Two sources of evidence:
 * <ul>
 *   <li>Signature blocks, read by {@link SignatureBlocks}: a name line with a title ("Jenny Wester / Lokalpolisområdeschef
 *   / Östra Fyrbodal", "/Anna Andersson, kommunstyrelsens ordförande"), names and titles in two columns or in a row
 *   of table cells, names under a "Datum:" or "Underskrifter" line. A block near a contact marker (phone, e-mail,
 *   "Kontaktperson") is a contact; a title that is no signing role (kommunpolis) makes an author, unless the block
 *   stands among signatures (a third party's signer, a second signer of one party).</li>
 *   <li>Sentences that say who signed ("Per-Samuel Nisser (M), kommunstyrelsens ordförande och Orla Kristoffersen,
 *   lokalpolisområdeschef skriver under medborgarlöftet"), read over paragraphs that a hard line break split. A
 *   person named there with a role, as the signer ("Anna Andersson skrev under") or as the agent ("undertecknades av
 *   Anna Andersson") signed; people quoted ("säger") or pictured ("På bilden") in it did not.</li>
 * </ul>
 */
final class SignatoryExtractor {
  static final String NAME_WORD = "\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}[\\p{Ll}]+)?";
  /** Nobiliary and foreign particles inside a name ("Carl von Essen", "Johan af Klint", "Anna de Wit"). */
  private static final String PARTICLE = "(?:von|af|de|van|der|di|da|du)";
  static final Pattern NAME = Pattern.compile(NAME_WORD + "(?:\\s+(?:" + PARTICLE + "\\s+)?" + NAME_WORD + "){1,3}");
  private static final Pattern PARTICLE_WORD = Pattern.compile(PARTICLE);
  /** A name in capitals on a signature line ("MARIA LIND"): read as "Maria Lind". */
  private static final Pattern CAPITALS_NAME = Pattern.compile("\\p{Lu}{2,}(?:-\\p{Lu}{2,})?(?:\\s+\\p{Lu}{2,}(?:-\\p{Lu}{2,})?){1,3}");
  static final Pattern PARTY = Pattern.compile("^\\s*\\(([A-ZÅÄÖ]{1,3}|[A-Z][a-z]{1,2})\\)");
  /** From the first digit or e-mail address on: "lokalpolisområdeschef, tel 010-114 14 14" keeps its title only. */
  private static final Pattern CONTACT_DETAIL = Pattern.compile("[\\s,]*(?:(?:tel|telefon|mobil|e-post|mejl|epost)\\b.*|\\S*[\\d@].*)$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** A party after the title ("Maria Lind, kommunstyrelsens ordförande (S)"). */
  private static final Pattern PARTY_AFTER_ROLE = Pattern.compile("\\s*\\(([A-ZÅÄÖ]{1,3}|[A-Z][a-z]{1,2})\\)\\s*$");
  /** The next person of a list, not this one's title: "Lena Holm (S) och lokalpolisområdeschef Anders Vik". */
  private static final Pattern NEXT_PERSON = Pattern.compile("^\\s*(och|samt)\\s", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern INLINE_ROLE = Pattern.compile("^\\s*,?\\s*([^,.;]+?)(?=\\s+(?:och|samt)\\s+\\p{Lu}|[,.;]|\\s+(?:skriver|skrev|undertecknade|signerade|har)\\b|$)",
      Pattern.UNICODE_CHARACTER_CLASS);
  /** Words right before a capitalised pair that make it a place ("i Stadshuset", "på Nya Torget"), not a person. */
  private static final Pattern PLACE_BEFORE = Pattern.compile("\\b(?:i|på|vid|från|mot|till|utanför|inom|genom)\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** A signer is a subject or agent: the signing verb follows within a few words, or "av" precedes. */
  private static final Pattern AGENT_BEFORE = Pattern.compile("\\bav\\s*$|\\b(?:och|samt)\\s*$|,\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Blocks read on a pathological page: its head and its tail (bounded cost). */
  private static final int HEAD_BLOCKS = 1500;
  private static final int TAIL_BLOCKS = 500;

  private final List<Pattern> roles;
  private final List<Pattern> signing;
  private final List<Pattern> notSigning;
  private final List<Pattern> quotes;
  private final List<Pattern> notName;
  private final SignatureBlocks blocks;

  SignatoryExtractor(ExtractionRules rules) {
    this.roles = rules.patterns("signatory_roles");
    this.signing = rules.combined("signing_sentences");
    this.notSigning = rules.combined("not_signing_contexts");
    this.quotes = rules.combined("quote_attributions");
    this.notName = rules.combined("not_name_words");
    this.blocks = new SignatureBlocks(this, rules.combined("contact_markers"), rules.combined("signature_markers"),
        rules.combined("participant_markers"));
  }

  /** A person's name as found: the name, the text after it on its line, and whether it began with "/". */
  record NameLine(String name, Optional<String> party, String rest, boolean slash) {}

  List<Signatory> extract(MainText main, Optional<String> municipality) {
    Map<String, Signatory> out = new LinkedHashMap<>();
    List<Block> read = bounded(main.blocks());
    List<String> paragraphs = flowing(read);
    List<SignatureBlocks.Unit> units = blocks.read(read);
    java.util.Set<String> quoted = units.stream().allMatch(SignatureBlocks.Unit::marked) ? java.util.Set.of()
        : quoted(paragraphs);
    // "Karim Ottosson, lokalpolisområdeschef" on its own line under a quote of his is a caption, not a signature
    for (SignatureBlocks.Unit u : units) {
      if (u.marked() || !quoted.contains(u.name())) {
        add(out, u.name(), u.role(), u.party(), municipality);
      }
    }
    for (String paragraph : paragraphs) {
      if (CommitmentExtractor.any(signing, paragraph)) {
        for (Sentences.Span s : Sentences.split(paragraph)) {
          if (CommitmentExtractor.any(signing, s.text()) && !CommitmentExtractor.any(notSigning, s.text())) {
            fromSentence(s.text(), municipality, out);
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** The head and the tail of a pathological page: signatures end a promise, signing news opens one. */
  private static List<Block> bounded(List<Block> blocks) {
    if (blocks.size() <= HEAD_BLOCKS + TAIL_BLOCKS) {
      return blocks;
    }
    List<Block> out = new ArrayList<>(blocks.subList(0, HEAD_BLOCKS));
    out.addAll(blocks.subList(blocks.size() - TAIL_BLOCKS, blocks.size()));
    return out;
  }

  /** The people that sentences quote ("säger Anna Andersson"). */
  private java.util.Set<String> quoted(List<String> paragraphs) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String paragraph : paragraphs) {
      if (!CommitmentExtractor.any(quotes, paragraph)) {
        continue;
      }
      for (Sentences.Span s : Sentences.split(paragraph)) {
        if (CommitmentExtractor.any(quotes, s.text())) {
          Matcher m = NAME.matcher(s.text());
          while (m.find()) {
            cleanName(m.group()).ifPresent(out::add);
          }
        }
      }
    }
    return out;
  }

  /** Paragraphs as written: a line that ends without a stop and a next line in lower case are one paragraph. */
  static List<String> flowing(List<Block> blocks) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (Block b : blocks) {
      String t = b.text();
      boolean joins = !cur.isEmpty() && !b.isItem() && Character.isLowerCase(t.codePointAt(0))
          && ".!?:".indexOf(cur.charAt(cur.length() - 1)) < 0;
      if (!joins && !cur.isEmpty()) {
        out.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(cur.isEmpty() ? "" : " ").append(t);
    }
    if (!cur.isEmpty()) {
      out.add(cur.toString());
    }
    return out;
  }

  /** A line that starts with a person's name ("/Anna Andersson (S), kommunstyrelsens ordförande"). */
  Optional<NameLine> nameLine(String line) {
    String s = line.strip();
    boolean slash = s.startsWith("/");
    if (slash) {
      s = s.substring(1).strip();
    }
    Matcher caps = CAPITALS_NAME.matcher(s);
    if (caps.matches()) {
      s = titleCase(s);
    }
    Matcher m = NAME.matcher(s);
    if (s.length() > 100 || !m.lookingAt()) {
      return Optional.empty();
    }
    // "Lars Ek Lokalpolisområdeschef": the name ends where a title word begins
    String[] words = m.group().split("\\s+");
    String candidate = null;
    for (int k = words.length; k >= 2 && candidate == null; k--) {
      String prefix = String.join(" ", Arrays.copyOf(words, k));
      if (cleanName(prefix).filter(prefix::equals).isPresent()) {
        candidate = prefix;
      }
    }
    if (candidate == null) {
      return Optional.empty();
    }
    String rest = s.substring(candidate.length());
    Optional<String> party = Optional.empty();
    Matcher p = PARTY.matcher(rest);
    if (p.find()) {
      party = Optional.of(p.group(1));
      rest = rest.substring(p.end());
    }
    rest = rest.replaceFirst("^[\\s,–—/-]+", "").replaceFirst("[\\s/]+$", "").strip();
    return Optional.of(new NameLine(candidate, party, rest, slash));
  }

  /**
   * A line that starts with a signing title and ends with the name ("Kommunstyrelsens ordförande Maria Lind (S)",
   * "Lokalpolisområdeschef Johan Ek"). A title that names a police area ("Chef för lokalpolisområde Ljusdal Johan
   * Ek") is left alone: where the area ends and the name begins is not known.
   */
  Optional<NameLine> titledNameLine(String line) {
    String s = line.strip();
    if (s.length() > 100) {
      return Optional.empty();
    }
    for (Pattern p : roles) {
      Matcher r = p.matcher(s);
      if (!r.lookingAt() || r.group().toLowerCase(Locale.ROOT).endsWith("område")) {
        continue;
      }
      String rest = s.substring(r.end()).replaceFirst("^[\\s,:–-]+", "");
      Matcher m = NAME.matcher(rest);
      if (m.lookingAt() && m.group().split("\\s+").length <= 3) {
        Optional<String> name = cleanName(m.group()).filter(m.group()::equals);
        Matcher party = PARTY.matcher(rest.substring(m.end()));
        boolean whole = rest.substring(m.end()).isBlank() || party.lookingAt()
            && rest.substring(m.end() + party.end()).isBlank();
        if (name.isPresent() && whole) {
          return Optional.of(new NameLine(name.get(), rest.substring(m.end()).isBlank() ? Optional.empty()
              : Optional.of(party.group(1)), s.substring(0, r.end()), false));
        }
      }
    }
    return Optional.empty();
  }

  /** "MARIA LIND-BERG" → "Maria Lind-Berg". */
  private static String titleCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return out.toString();
  }

  boolean isRole(String s) {
    return s.length() <= 80 && CommitmentExtractor.any(roles, s);
  }

  /**
   * The signing roles a line names side by side, each with the words up to the next one: "Kommunstyrelsens
   * ordförande Lokalpolisområdeschef" gives both titles, in column order.
   */
  List<String> roleColumns(String s) {
    List<int[]> spans = new ArrayList<>();
    for (Pattern p : roles) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    spans.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<Integer> starts = new ArrayList<>();
    int lastEnd = -1;
    for (int[] x : spans) {
      if (lastEnd < 0 || x[0] >= lastEnd && s.substring(lastEnd, x[0]).isBlank()) {
        starts.add(starts.isEmpty() ? 0 : x[0]);
      }
      lastEnd = Math.max(lastEnd, x[1]);
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      columns.add(s.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : s.length()).strip());
    }
    return columns;
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
      String before = s.substring(Math.max(0, nameStart - 50), nameStart);
      if (PLACE_BEFORE.matcher(before).find()) {
        continue;
      }
      String after = s.substring(nameEnd);
      Optional<String> party = Optional.empty();
      Matcher p = PARTY.matcher(after);
      if (p.find()) {
        party = Optional.of(p.group(1));
        after = after.substring(p.end());
      }
      Optional<String> role = Optional.empty();
      Matcher r = INLINE_ROLE.matcher(after);
      if (!NEXT_PERSON.matcher(after).find() && r.find() && isRole(r.group(1))) {
        role = Optional.of(r.group(1).strip());
      } else {
        role = roleBefore(before);
      }
      if (role.isPresent() || isSigner(before, after)) {
        add(out, name.get(), role, party, municipality);
      }
    }
  }

  /** A name without a role signed when it is the subject ("Anna Andersson skrev under") or the agent ("av ..."). */
  private boolean isSigner(String before, String after) {
    String next = after.strip();
    Matcher v = signing.get(0).matcher(next);
    boolean verbNext = v.find() && next.substring(0, v.start()).split("\\s+").length <= 3
        && !next.substring(0, v.start()).contains(",");
    return verbNext || AGENT_BEFORE.matcher(before).find() && before.strip().length() > 0;
  }

  private Optional<String> roleBefore(String before) {
    String best = null;
    int bestEnd = -1;
    int bestStart = Integer.MAX_VALUE;
    for (Pattern p : roles) {
      Matcher m = p.matcher(before);
      while (m.find()) {
        // the nearest title, and of two that end together the longer ("kommunstyrelsens ordförande", not "ordförande")
        boolean better = m.end() > bestEnd || m.end() == bestEnd && m.start() < bestStart;
        if (better && before.substring(m.end()).strip().split("\\s+").length <= 2) {
          bestEnd = m.end();
          bestStart = m.start();
          best = m.group();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Drops leading words that are not names ("Kommunchef Ralf Hedin" → "Ralf Hedin"); empty if fewer than two remain. */
  Optional<String> cleanName(String candidate) {
    String[] words = candidate.split("\\s+");
    int from = 0;
    while (from < words.length && CommitmentExtractor.any(notName, words[from])) {
      from++;
    }
    for (int i = from; i < words.length; i++) {
      boolean particle = i > from && PARTICLE_WORD.matcher(words[i]).matches();
      if (!particle && CommitmentExtractor.any(notName, words[i])) {
        return Optional.empty();
      }
    }
    if (words.length - from < 2 || PARTICLE_WORD.matcher(words[words.length - 1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", Arrays.copyOfRange(words, from, words.length)));
  }

  private static void add(Map<String, Signatory> out, String name, Optional<String> role, Optional<String> party,
                          Optional<String> municipality) {
    // a contact's phone number or e-mail address never goes out as part of a title
    role = role.map(r -> CONTACT_DETAIL.matcher(r).replaceFirst("").strip()).filter(r -> !r.isEmpty());
    Matcher after = role.isPresent() && party.isEmpty() ? PARTY_AFTER_ROLE.matcher(role.get()) : null;
    if (after != null && after.find()) {
      party = Optional.of(after.group(1));
      role = Optional.of(role.get().substring(0, after.start()).strip()).filter(r -> !r.isEmpty());
    }
    Optional<String> organisation = role.map(r -> r.toLowerCase(Locale.ROOT))
        .flatMap(r -> r.contains("polis") ? Optional.of("Polisen")
            : municipality.map(SignatoryExtractor::municipalityOrganisation));
    out.putIfAbsent(name, new Signatory(name, role, organisation, party));
  }

  /** "Åmål" → "Åmåls kommun", "Orsa" → "Orsa kommun" (no genitive s after s, x, z or a vowel). */
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
