package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.Fixtures;

/** Small pages, one shape each: what counts as an undertaking, and who makes it. Lines are separated by '/'. */
class CommitmentExtractorTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the page's lead paragraph is no commitment | Nytt löfte i Sala/Under tisdagen kunde polisen och kommunen presentera löften som kommer att gälla i två år./Polisen lovar att:/  • Besöka skolorna. | polisen:Besöka skolorna.
      general aim in the lead is no commitment | Medborgarlöfte i Hjo/Under 2024 lovar polisen och kommunen att öka tryggheten i centrum./Det här ska vi göra/  • Polisen ska fotpatrullera i centrum varje fredag. | polisen:Polisen ska fotpatrullera i centrum varje fredag.
      actors from the lead-in | Kommunen kommer också att:/  • Genomföra tillsyn på restauranger./Polisen kommer också att:/  • Genomföra trafikkontroller. | kommunen:Genomföra tillsyn på restauranger.;polisen:Genomföra trafikkontroller.
      coordinated prose undertakings are split | Medborgarlöfte i Sala/Polisen och kommunen har kommit överens om ett nytt löfte./Insatser mot narkotika/Polisen och kommunen kommer tillsammans att ha fler kontroller vid skolorna, utveckla samarbetet med föreningarna och utveckla föräldrastödet. | kommunen polisen:Polisen och kommunen kommer tillsammans att ha fler kontroller vid skolorna;kommunen polisen:utveckla samarbetet med föreningarna;kommunen polisen:utveckla föräldrastödet.
      a list of problem areas is no commitment | I dialogen tyckte invånarna att följande områden var viktigast:/  1. Trafiken i centrum./  2. Otrygga platser. | -
      a follow-up report is no promise | Uppföljning av medborgarlöftet 2022/Detta har polisen gjort under 2022:/  • Genomfört 12 trafikkontroller. | -
      a numbered sub-heading before its paragraph | Det här ska vi göra/  1. Öka insatserna mot inbrott/Polisen och kommunen ska öka insatserna mot inbrott. Särskilt fokus riktas mot fritidshus. | kommunen polisen:Polisen och kommunen ska öka insatserna mot inbrott. Särskilt fokus riktas mot fritidshus.
      a cooperation agreement is no promise | Samverkansöverenskommelse mellan Polisen och Lysekils kommun för åren 2023 till 2026/Parterna ska:/  • ta fram en gemensam lägesbild två gånger per år/  • följa upp överenskommelsen årligen | -
      a report on last year's promise is no promise | Så gick det med medborgarlöftet 2022/Polisen och kommunen lovade att:/  • genomföra trygghetsvandringar i Kungshamn | -
      a promise in the making is no promise | Medborgarlöfte 2025/Just nu pågår arbetet med att ta fram ett nytt medborgarlöfte för 2025./Polisen och kommunen kommer sedan att presentera löftet i början av året. | -
      a page that never names a municipality is the police's | Södermalm – medborgarlöften 2021/Våra medborgarlöften/  • Vi lovar att vi frekvent ska söka upp de platser där de boende upplever otrygghet. | polisen:Vi lovar att vi frekvent ska söka upp de platser där de boende upplever otrygghet.
      a statement of the parties anywhere makes vi all of them | Medborgarlöfte 2024/Vi lovar att:/  • Hålla trygghetsvandringar i centrum varje höst./Samarbetspartners i detta medborgarlöfte är Polisen, Tibro kommun och Tibrobostäder AB. | kommunen other polisen:Hålla trygghetsvandringar i centrum varje höst.
      on the police's own page vi is the police | Det här är polisens medborgarlöfte för Kungsholmen./Det här ska vi göra/  1. Öka den polisiära närvaron i parkerna på kvällstid. | polisen:Öka den polisiära närvaron i parkerna på kvällstid.
      a third party promising with them is part of vi | Löftet tas fram i samverkan mellan polisen, Hjo kommun och Räddningstjänsten Östra Skaraborg./Vi lovar att:/  • Hålla brandsäkerhetsdagar för äldre varje höst. | kommunen other polisen:Hålla brandsäkerhetsdagar för äldre varje höst.
      quotes are no commitments | Polisen lovar att:/  • Besöka skolorna varje termin./– Vi ska synas mer i skolorna, säger Anna Berg. | polisen:Besöka skolorna varje termin.
      lines ending in actor tags are a list, not headings | Medborgarlöfte Tibro 2023/Vi lovar:/Trafikkontroller vid skolorna (Polis)/Föräldramöten om droger (Kommun och polis)/Fler fritidsaktiviteter på lov (Kommunen) | polisen:Trafikkontroller vid skolorna (Polis);kommunen polisen:Föräldramöten om droger (Kommun och polis);kommunen:Fler fritidsaktiviteter på lov (Kommunen)
      being the safest municipality is an aim | Medborgarlöfte Karlsborg 2022/Aktiviteter/  • Polisen genomför riktade narkotikainsatser varje månad./Vårt mål är att Karlsborg ska vara den tryggaste kommunen i Skaraborg. | polisen:Polisen genomför riktade narkotikainsatser varje månad.
      contact and links after the promise | Kommunen lovar att:/  • Röja buskage vid gångvägarna./  • Laga belysningen i parken vid skolan./Kontakt/  • Läs mer om trygghetsarbetet | kommunen:Röja buskage vid gångvägarna.;kommunen:Laga belysningen i parken vid skolan.
      """)
  void findsUndertakings(String label, String page, String expected) throws IOException {
    ExtractedPromise p = Fixtures.extractor().extract(Fixtures.text(label + ".txt", page.replace("/", "\n")));
    String got = p.commitments().stream()
        .map(c -> c.actors().stream().map(Commitment.Actor::id).sorted().collect(Collectors.joining(" ")) + ":" + c.text())
        .collect(Collectors.joining(";"));
    assertEquals(expected.equals("-") ? "" : expected, got);
    assertEquals(!p.commitments().isEmpty(), p.isPromise());
  }

  /** Candidates, before the model decides: the shapes the walk must split out, with their actors. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      list items glued into a paragraph | Medborgarlöfte 2024/Kommunen lovar/Kommunen ska under året Genomföra sommarlovsaktiviteter för unga.Erbjuda föräldrastöd till alla familjer. | kommunen:Genomföra sommarlovsaktiviteter för unga.;kommunen:Erbjuda föräldrastöd till alla familjer.
      an inline list after a colon | Medborgarlöfte 2023/Några aktiviteter som polisen ska arbeta med är: ökad polisiär närvaro, riktade insatser mot langning, en centrumvärd och fler ordningsvakter. | polisen:ökad polisiär närvaro;polisen:riktade insatser mot langning;polisen:en centrumvärd;polisen:fler ordningsvakter
      coordinated infinitives in prose | Det här ska vi göra/Tillsammans ska polisen och kommunen anordna trygghetsvandringar, samverka med föreningarna och mäta tryggheten varje år. | kommunen polisen:samverka med föreningarna;kommunen polisen:mäta tryggheten varje år.
      an item tagged with a third party | Insatser:/  • Brandsäkerhetsdagar för äldre varje höst (Räddningstjänsten) | other:Brandsäkerhetsdagar för äldre varje höst (Räddningstjänsten)
      a partner phrase ends at the modal | Medborgarlöfte 2020/Tillsammans med Kustbevakningen kommer polisen att genomföra sjötrafikkontroller. | polisen:Tillsammans med Kustbevakningen kommer polisen att genomföra sjötrafikkontroller.
      an inline list of single nouns | Medborgarlöfte för Tibro kommun 2021/Exempel på insatser är nattvandring, föräldramöten och trafikkontroller. | kommunen polisen:nattvandring;kommunen polisen:föräldramöten;kommunen polisen:trafikkontroller
      the municipality a title names is a place | Medborgarlöfte för Hjo kommun 2024/Insatser:/  • Nattvandring under helger | kommunen polisen:Nattvandring under helger
      a run of short lines under a lead-in | Medborgarlöfte för Tibro kommun/Vi lovar:/Trygghetsvandring vid varje stationsområde/Ökad synlighet och närvaro/Nattvandring med föräldrar | kommunen polisen:Trygghetsvandring vid varje stationsområde;kommunen polisen:Ökad synlighet och närvaro;kommunen polisen:Nattvandring med föräldrar
      """)
  void proposesCandidates(String label, String page, String expected) throws IOException {
    List<Candidate> found = Fixtures.extractor().candidates(Fixtures.text(label + ".txt", page.replace("/", "\n")));
    List<String> got = found.stream()
        .map(c -> c.actors().stream().map(Commitment.Actor::id).sorted().collect(Collectors.joining(" ")) + ":" + c.text())
        .toList();
    for (String want : expected.split(";")) {
      org.junit.jupiter.api.Assertions.assertTrue(got.contains(want), want + " not among " + got);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Polisen har som mål att lagföra minst fem personer för narkotikabrott.   | goal
      Polisen ska genomföra trafikkontroller vid skolorna.                     | activity
      """)
  void kind(String sentence, String kind) throws IOException {
    ExtractedPromise p = Fixtures.extractor().extract(Fixtures.text("k.txt", "Polisen lovar att:\n  • " + sentence));
    assertEquals(List.of(kind), p.commitments().stream().map(c -> c.kind().id()).toList());
  }
}
