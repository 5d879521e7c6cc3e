package se.loftesgrafen.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import se.loftesgrafen.extract.ExtractedPromise.MunicipalityRef;
import se.loftesgrafen.extract.ExtractedPromise.Signatory;

/**
 * The JSON form of an extracted promise, as {@code extract --format jsonl} prints it (keys and order of issue 4:
 * source, isPromise, municipalities, policeArea, period, published, updated, basedOn, signatories, commitments;
 * absent values are null). Built with Jackson's tree model, never by string concatenation.
 */
public final class PromiseJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PromiseJson() {}

  public static ObjectNode toJson(ExtractedPromise p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("source", p.source());
    o.put("isPromise", p.isPromise());
    ArrayNode ms = o.putArray("municipalities");
    for (MunicipalityRef m : p.municipalities()) {
      ms.addObject().put("code", m.code()).put("name", m.name());
    }
    put(o, "policeArea", p.policeArea());
    if (p.period().isPresent()) {
      ObjectNode period = o.putObject("period");
      put(period, "from", p.period().get().from());
      put(period, "to", p.period().get().to());
      period.put("text", p.period().get().text());
    } else {
      o.putNull("period");
    }
    put(o, "published", p.published());
    put(o, "updated", p.updated());
    ArrayNode basis = o.putArray("basedOn");
    p.basedOn().forEach(basis::add);
    ArrayNode sigs = o.putArray("signatories");
    for (Signatory s : p.signatories()) {
      ObjectNode so = sigs.addObject().put("name", s.name());
      put(so, "role", s.role());
      put(so, "organisation", s.organisation());
      put(so, "party", s.party());
    }
    ArrayNode cs = o.putArray("commitments");
    for (Commitment c : p.commitments()) {
      ObjectNode co = cs.addObject().put("text", c.text());
      ArrayNode actors = co.putArray("actors");
      c.actors().stream().sorted().forEach(a -> actors.add(a.id()));
      ArrayNode themes = co.putArray("themes");
      c.themes().forEach(themes::add);
      co.put("kind", c.kind().id());
      if (c.confidence().isPresent()) {
        Commitment.Confidence k = c.confidence().get();
        co.put("confidence", rounded(k.commitment()));
        co.put("actorsConfidence", rounded(k.actors()));
        co.put("themesConfidence", rounded(k.themes()));
      }
      ArrayNode targets = co.putArray("targets");
      for (Commitment.Target t : c.targets()) {
        targets.addObject().put("quantity", BigDecimal.valueOf(t.quantity()).stripTrailingZeros())
            .put("unit", t.unit()).put("counted", t.counted()).put("text", t.text());
      }
    }
    return o;
  }

  /** One line of JSON Lines. */
  public static String line(ExtractedPromise p) {
    return write(MAPPER, toJson(p));
  }

  /** Indented JSON. */
  public static String pretty(ExtractedPromise p) {
    return write(PRETTY, toJson(p));
  }

  /** A JSON object (the promise's, with what other readers added) as one line, or indented. */
  public static String write(ObjectNode o, boolean pretty) {
    return write(pretty ? PRETTY : MAPPER, o);
  }

  /** The line for a document that could not be read: its source and the error. */
  public static String errorLine(String source, String error, boolean pretty) {
    ObjectNode o = MAPPER.createObjectNode().put("source", source).put("error", error);
    return write(pretty ? PRETTY : MAPPER, o);
  }

  /** A probability to three decimals: more digits say nothing a calibration from a hundred pages can back. */
  private static BigDecimal rounded(double p) {
    return BigDecimal.valueOf(p).setScale(3, java.math.RoundingMode.HALF_UP);
  }

  private static void put(ObjectNode o, String key, Optional<String> value) {
    if (value.isPresent()) {
      o.put(key, value.get());
    } else {
      o.putNull(key);
    }
  }

  private static String write(ObjectMapper m, ObjectNode o) {
    try {
      return m.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
