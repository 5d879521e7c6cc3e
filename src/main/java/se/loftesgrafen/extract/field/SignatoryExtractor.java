package se.loftesgrafen.extract.field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Signatory;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.Sentences;

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
public final class SignatoryExtractor {
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

  private final PersonNames names;
  private final List<Pattern> signing;
  private final List<Pattern> notSigning;
  private final List<Pattern> quotes;
  private final SignatureBlocks blocks;

  /** The signing, quote and signature-block rules, compiled once. */
  public SignatoryExtractor(ExtractionRules rules) {
    this.names = new PersonNames(rules);
    this.signing = rules.combined("signing_sentences");
    this.notSigning = rules.combined("not_signing_contexts");
    this.quotes = rules.combined("quote_attributions");
    this.blocks = new SignatureBlocks(names, rules.combined("contact_markers"), rules.combined("signature_markers"),
        rules.combined("participant_markers"));
  }

  /** The page's signatories, from signature blocks and signing sentences. */
  public List<Signatory> extract(MainText main, Optional<String> municipality) {
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
      if (ExtractionRules.any(signing, paragraph)) {
        for (Sentences.Span s : Sentences.split(paragraph)) {
          if (ExtractionRules.any(signing, s.text()) && !ExtractionRules.any(notSigning, s.text())) {
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
      if (!ExtractionRules.any(quotes, paragraph)) {
        continue;
      }
      for (Sentences.Span s : Sentences.split(paragraph)) {
        if (ExtractionRules.any(quotes, s.text())) {
          Matcher m = PersonNames.NAME.matcher(s.text());
          while (m.find()) {
            names.cleanName(m.group()).ifPresent(out::add);
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

  private void fromSentence(String s, Optional<String> municipality, Map<String, Signatory> out) {
    Matcher m = PersonNames.NAME.matcher(s);
    while (m.find()) {
      Optional<String> name = names.cleanName(m.group());
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
      Matcher p = PersonNames.PARTY.matcher(after);
      if (p.find()) {
        party = Optional.of(p.group(1));
        after = after.substring(p.end());
      }
      Optional<String> role = Optional.empty();
      Matcher r = INLINE_ROLE.matcher(after);
      if (!NEXT_PERSON.matcher(after).find() && r.find() && names.isRole(r.group(1))) {
        role = Optional.of(r.group(1).strip());
      } else {
        role = names.roleBefore(before);
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
