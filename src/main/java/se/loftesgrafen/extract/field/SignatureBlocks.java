package se.loftesgrafen.extract.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.Block;

/**
 * Signature blocks in a page's blocks: a name line and its title (below, above, or after a comma on the same line),
 * names and titles in two columns ("Anna Andersson Bo Berg" over "Kommunstyrelsens ordförande
 * Lokalpolisområdeschef"), a row of name cells over a row of title cells, lines that begin with "/", and names
 * under a signature marker ("Datum:", "Underskrifter"). A unit whose title is a signing role is a signature; one
 * with another title (a housing company's VD, a second signer of a party) counts only among signatures. A contact
 * section ("Kontakt", a phone number or an e-mail next to the name) holds no signatures, nor does a list of the
 * people taking part in an event ("Vid undertecknandet medverkar:" in a press invitation).
 */
final class SignatureBlocks {
  /** A weak unit (a title that is no signing role) counts when a signature stands this many blocks away or nearer. */
  private static final int CLUSTER = 4;
  private static final int TITLE_WORDS = 8;
  private static final int LONG_PARAGRAPH = 150;
  private static final Pattern DIGIT = Pattern.compile("\\d");
  /** A title that ends in an abbreviation ("kommunstyrelsens ordf.") ends with a point and is no sentence. */
  private static final Pattern ABBREVIATED_END = Pattern.compile("\\b(?:ordf|bitr|avd|adm|kommunal|ks)\\.$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** The line a signature is written on ("______________", "..............."): no text of its own. */
  private static final Pattern SIGNATURE_LINE = Pattern.compile("[_.…\\s-]{3,}");

  /** A person read from the blocks; {@code strong} when the block shape alone says it is a signature. */
  record Unit(String name, Optional<String> role, Optional<String> party, int index, boolean strong,
              boolean marked) {
    Unit(String name, Optional<String> role, Optional<String> party, int index, boolean strong) {
      this(name, role, party, index, strong, true);
    }
  }

  private final PersonNames names;
  private final List<Pattern> contact;
  private final List<Pattern> markers;
  private final List<Pattern> participants;

  SignatureBlocks(PersonNames names, List<Pattern> contact, List<Pattern> markers, List<Pattern> participants) {
    this.names = names;
    this.contact = contact;
    this.markers = markers;
    this.participants = participants;
  }

  List<Unit> read(List<Block> all) {
    List<Block> blocks = all.stream().filter(b -> !SIGNATURE_LINE.matcher(b.text()).matches()).toList();
    List<Unit> units = new ArrayList<>();
    boolean[] used = new boolean[blocks.size()];
    boolean signing = false;
    boolean contactPart = false;
    for (int i = 0; i < blocks.size(); i++) {
      String t = blocks.get(i).text();
      if (ExtractionRules.any(markers, t)) {
        signing = true;
        contactPart = false;
        continue;
      }
      if (ExtractionRules.any(contact, t)) {
        contactPart = contactPart || t.length() < 40;
        continue;
      }
      if (ExtractionRules.any(participants, t)) {
        signing = false;
        contactPart = true;
        continue;
      }
      Optional<PersonNames.NameLine> line = names.nameLine(t).or(() -> names.titledNameLine(t));
      if (line.isEmpty()) {
        if (blocks.get(i).isItem() || t.length() > LONG_PARAGRAPH) {
          signing = false;
          contactPart = false;
        } else if (blocks.get(i).isHeading() && !titleLike(t)) {
          contactPart = false;
        }
        continue;
      }
      if (used[i] || contactPart || contactNear(blocks, i)) {
        continue;
      }
      int run = bareNames(blocks, i);
      if (run >= 2 && titleRun(blocks, i + run, run)) {
        for (int k = 0; k < run; k++) {
          String role = blocks.get(i + run + k).text();
          PersonNames.NameLine n = names.nameLine(blocks.get(i + k).text()).get();
          units.add(new Unit(n.name(), Optional.of(role), n.party(), i + k, names.isRole(role) || signing));
          used[i + k] = used[i + run + k] = true;
        }
        continue;
      }
      readOne(blocks, i, line.get(), signing, used, units);
    }
    return accepted(units);
  }

  private void readOne(List<Block> blocks, int i, PersonNames.NameLine n, boolean signing, boolean[] used,
                       List<Unit> units) {
    used[i] = true;
    if (!n.rest().isEmpty()) {
      Optional<PersonNames.NameLine> second = names.nameLine(n.rest());
      if ((n.slash() || signing) && second.isPresent() && !names.isRole(n.rest())) {
        units.add(new Unit(n.name(), Optional.empty(), n.party(), i, true));
        PersonNames.NameLine next = second.get();
        readOne(blocks, i, new PersonNames.NameLine(next.name(), next.party(), next.rest(), n.slash()), signing,
            used, units);
      } else if (titleLike(n.rest())) {
        boolean role = names.isRole(n.rest());
        units.add(new Unit(n.name(), Optional.of(n.rest()), n.party(), i, role || n.slash() || signing,
            n.slash() || signing));
      }
      return;
    }
    int title = titleIndex(blocks, i, used);
    if (title >= 0) {
      used[title] = true;
      String role = blocks.get(title).text();
      if (title == i + 1 && i + 2 < blocks.size() && (extendsTitle(blocks, i + 2, used) || completesTitle(role, blocks, i + 2, used))) {
        role = role + " " + blocks.get(i + 2).text();
        used[i + 2] = true;
      }
      boolean strong = names.isRole(role) || n.slash() || signing;
      List<String> columns = names.roleColumns(blocks.get(title).text());
      String[] words = n.name().split(" ");
      if (columns.size() >= 2 && words.length == 2 * columns.size()) {
        pairs(words, i, columns, strong, units);
      } else {
        units.add(new Unit(n.name(), Optional.of(role), n.party(), i, strong));
      }
    } else if (n.slash() || signing) {
      String[] words = n.name().split(" ");
      if (words.length >= 4 && words.length % 2 == 0) {
        pairs(words, i, List.of(), true, units);
      } else {
        units.add(new Unit(n.name(), Optional.empty(), n.party(), i, true));
      }
    }
  }

  /**
   * Names in two columns on one line: "Anna Andersson Bo Berg" is two people when two titles stand under it, each
   * with the title in its column.
   */
  private static void pairs(String[] words, int i, List<String> roles, boolean strong, List<Unit> units) {
    for (int w = 0; w + 1 < words.length; w += 2) {
      Optional<String> role = w / 2 < roles.size() ? Optional.of(roles.get(w / 2)) : Optional.empty();
      units.add(new Unit(words[w] + " " + words[w + 1], role, Optional.empty(), i, strong));
    }
  }

  /** The title of a name line: the line below, or the line above when no name above took it (titles over names). */
  private int titleIndex(List<Block> blocks, int i, boolean[] used) {
    if (i > 0 && !used[i - 1] && isTitle(blocks.get(i - 1).text()) && names.isRole(blocks.get(i - 1).text())) {
      return i - 1;
    }
    if (i + 1 < blocks.size() && !used[i + 1] && isTitle(blocks.get(i + 1).text())) {
      return i + 1;
    }
    return -1;
  }

  /** The line after a title ("Östra Fyrbodal", "kommunstyrelsen") belongs to it unless it starts the next signature. */
  private boolean extendsTitle(List<Block> blocks, int j, boolean[] used) {
    String t = blocks.get(j).text();
    if (used[j] || t.length() > 40 || t.endsWith(".") || t.endsWith(":") || names.isRole(t) || !titleLike(t)
        || ExtractionRules.any(markers, t)) {
      return false;
    }
    boolean nextIsRole = j + 1 < blocks.size() && names.isRole(blocks.get(j + 1).text());
    boolean startsNext = names.nameLine(t).isPresent() && j + 1 < blocks.size() && isTitle(blocks.get(j + 1).text());
    return !nextIsRole && !startsNext && t.split(" ").length <= 4;
  }

  /**
   * A title wrapped in a narrow column ("Kommunstyrelsens" over "ordförande"): the next line makes the first a
   * signing title that it was not alone.
   */
  private boolean completesTitle(String first, List<Block> blocks, int j, boolean[] used) {
    String t = blocks.get(j).text();
    return !used[j] && !names.isRole(first) && t.split("\\s+").length <= 2 && isTitle(t)
        && names.isRole(first + " " + t);
  }

  private boolean isTitle(String t) {
    return names.nameLine(t).isEmpty() && titleLike(t);
  }

  private boolean titleLike(String t) {
    if (t.isEmpty() || t.length() > 80 || t.split("\\s+").length > TITLE_WORDS || DIGIT.matcher(t).find()) {
      return false;
    }
    char last = ABBREVIATED_END.matcher(t).find() ? 'x' : t.charAt(t.length() - 1);
    return last != '.' && last != '!' && last != '?' && last != ':' && !ExtractionRules.any(contact, t);
  }

  private int bareNames(List<Block> blocks, int i) {
    int k = 0;
    while (i + k < blocks.size()) {
      Optional<PersonNames.NameLine> n = names.nameLine(blocks.get(i + k).text());
      if (n.isEmpty() || !n.get().rest().isEmpty()) {
        break;
      }
      k++;
    }
    return k;
  }

  private boolean titleRun(List<Block> blocks, int from, int k) {
    if (from + k > blocks.size()) {
      return false;
    }
    return java.util.stream.IntStream.range(from, from + k).allMatch(j -> isTitle(blocks.get(j).text()))
        && java.util.stream.IntStream.range(from, from + k).anyMatch(j -> names.isRole(blocks.get(j).text()));
  }

  /**
   * A contact label just above the name ("Kontaktperson"), or a phone number or e-mail among its next lines; a
   * whole contact line above ("Kontakt: Sara Lind, kommunpolis, 010-...") is someone else's.
   */
  private boolean contactNear(List<Block> blocks, int i) {
    for (int j = Math.max(0, i - 2); j <= Math.min(blocks.size() - 1, i + 2); j++) {
      String t = blocks.get(j).text();
      boolean label = j < i && t.length() < 40;
      boolean details = j > i && (t.contains("@") || DIGIT.matcher(t).find());
      if ((label || details) && ExtractionRules.any(contact, t)) {
        return true;
      }
    }
    return false;
  }

  /** Signatures, and the other titled people who stand among them. */
  private static List<Unit> accepted(List<Unit> units) {
    int[] strong = units.stream().filter(Unit::strong).mapToInt(Unit::index).toArray();
    return units.stream().filter(u -> u.strong()
        || Arrays.stream(strong).anyMatch(s -> Math.abs(s - u.index()) <= CLUSTER)).toList();
  }
}
