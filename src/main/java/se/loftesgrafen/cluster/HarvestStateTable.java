package se.loftesgrafen.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.harvest.HarvestState;

/**
 * The harvest state of a fleet ({@link HarvestState}): one row per URL in the cluster database, read whole when a
 * run opens it and written (upserted) after each page's commit, so a run on any replica, or one handed over from a
 * replica that died, sends the conditional requests and knows the links the previous runs found.
 */
final class HarvestStateTable implements HarvestState {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());
  private final DataSource db;
  private final Map<String, Entry> entries;

  private HarvestStateTable(DataSource db, Map<String, Entry> entries) {
    this.db = db;
    this.entries = entries;
  }

  static HarvestStateTable open(DataSource db) {
    Map<String, Entry> entries = new ConcurrentHashMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT url, entry FROM lg_harvest_state")) {
      while (r.next()) {
        try {
          entries.put(r.getString(1), JSON.readValue(r.getString(2), Entry.class));
        } catch (JsonProcessingException e) {
          LOG.warn("harvest state of {} in the cluster database is unreadable, skipped: {}", r.getString(1),
              e.getOriginalMessage());
        }
      }
    } catch (SQLException e) {
      throw new ClusterException("cannot read the harvest state from the cluster database: " + e.getMessage(), e);
    }
    return new HarvestStateTable(db, entries);
  }

  @Override
  public Optional<Entry> get(String url) {
    return Optional.ofNullable(entries.get(url));
  }

  @Override
  public void put(Entry entry) {
    entries.put(entry.url(), entry);
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
        INSERT INTO lg_harvest_state (url, entry, updated) VALUES (?, ?, now())
        ON CONFLICT (url) DO UPDATE SET entry = EXCLUDED.entry, updated = now()""")) {
      s.setString(1, entry.url());
      s.setString(2, JSON.writeValueAsString(entry));
      s.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      LOG.warn("cluster database: cannot remember {}: {}", entry.url(), e.getMessage());
    }
  }

  @Override
  public void close() {
    // every entry is written when put
  }
}
