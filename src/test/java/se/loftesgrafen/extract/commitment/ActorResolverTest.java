package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.ExtractionRules;

class ActorResolverTest {
  private static final ActorResolver ACTORS = new ActorResolver(ExtractionRules.load());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Polisen ska i samverkan med kommunen genomföra trygghetsvandringar.            | polisen
      Kommunen och polisen skall starta ett brottsförebyggande råd.                   | polisen kommunen
      Under året ska Ljungby kommun informera om drogers skadeverkan.                 | kommunen
      Att polisen ska genomföra trafikkontroller med inriktning på nykterhet.         | polisen
      Polisens arbete i vägtrafikmiljön ska uppdaga annan brottslighet.               | polisen
      Kommunen ska tillsammans med Fryshuset utveckla ett arbete för unga.            | kommunen other
      Vadstena kommun och polisen kommer tillsammans med andra relevanta aktörer att genomföra trygghetsvandringar. | polisen kommunen other
      Polisen och socialtjänstens samverkan kring unga ska öka.                        | polisen kommunen
      Parterna ska gemensamt informera föräldrar.                                      | polisen kommunen
      Samverkan med missbruksinstitutionerna ska ske genom gemensamma möten.           | -
      Tekniska verken kommer under året att byta ut belysningen i tunnlarna.           | other
      Räddningstjänsten och kommunen ska genomföra brandskyddskontroller.              | kommunen other
      Kustbevakningen ska delta i sjösäkerhetsveckan.                                  | other
      Kommunen stöttar föräldravandringar under helger och lov.                        | kommunen
      Staden stödjer polisens löfte genom:                                             | kommunen
      Polisen ska tillsammans med bostadsbolagen genomföra trygghetsvandringar.        | polisen other
      """)
  void subjectOfASentence(String sentence, String expected) {
    assertEquals(actors(expected), ACTORS.subject(sentence));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Polismyndigheten i samverkan med kommunen:     | polisen kommunen
      Polisen kommer också att:                      | polisen
      Under samma tidsperiod lovar kommunerna att:   | kommunen
      Det här ska vi göra                            | polisen kommunen
      Samverkan                                      | -
      Kommunen och Räddningstjänsten lovar att:      | kommunen other
      Fastighetsägarna i centrum lovar att:          | other
      """)
  void partiesOfAHeading(String heading, String expected) {
    assertEquals(actors(expected), ACTORS.named(heading, ActorResolver.BOTH));
  }

  private static Set<Actor> actors(String ids) {
    if (ids.equals("-")) {
      return EnumSet.noneOf(Actor.class);
    }
    return Arrays.stream(ids.split(" ")).map(id -> Actor.valueOf(id.toUpperCase()))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Actor.class)));
  }
}
