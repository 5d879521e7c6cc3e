package se.loftesgrafen.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  @Test
  void quotedFieldsKeepTheirCommasAndQuotes() throws Exception {
    CsvTable t = CsvTable.read("t.csv", new StringReader("\uFEFFid,exempel\nnarkotika,\"droger, cannabis\"\nx,\"a \"\"b\"\"\"\n"));
    assertEquals(List.of("id", "exempel"), t.header());
    assertEquals(Map.of("id", "narkotika", "exempel", "droger, cannabis"), t.rows().get(0));
    assertEquals("a \"b\"", t.rows().get(1).get("exempel"));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsAnErrorNamingTheFile() {
    IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class,
        () -> CsvTable.read("short.csv", new StringReader("a,b\n1,2\n3\n")));
    assertTrue(short_.getMessage().startsWith("short.csv: "), short_.getMessage());
    IllegalArgumentException long_ = assertThrows(IllegalArgumentException.class,
        () -> CsvTable.read("long.csv", new StringReader("a,b\n1,2,3\n")));
    assertTrue(long_.getMessage().startsWith("long.csv: "), long_.getMessage());
  }

  @Test
  void theRegisterHasEveryMunicipality() {
    assertEquals(290, CsvTable.fromClasspath("vocab/data/kommuner.csv").rows().size());
  }
}
