package io.rrralgorithms.models.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry in PostgreSQL: the {@code models} table (one row per version: candidate →
 * serving → retired, or rejected) and {@code model_comparisons} (a retraining's candidate against
 * the serving model). At most one version serves: {@link #promote} retires the previous one in the
 * same transaction.
 */
public final class ModelRegistry {
    public static final String CANDIDATE = "candidate";
    public static final String SERVING = "serving";
    public static final String RETIRED = "retired";
    public static final String REJECTED = "rejected";

    /** Opens a connection (e.g. {@code PostgresTarget::connect}). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** A row of {@code models}. */
    public record RegisteredModel(String versionId, String status, Path path, ModelMetadata metadata,
            Instant createdAt, Instant promotedAt, String checksum) {}

    /** A row of {@code model_comparisons}. */
    public record Comparison(String candidateVersion, String servingVersion, long testFromMs, long testToMs,
            String metric, Double candidateValue, Double servingValue, boolean promoted, Map<String, Object> details,
            Instant comparedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connections connections;

    public ModelRegistry(Connections connections) {
        this.connections = connections;
    }

    /** Registers a version as a candidate, with the checksum of its files ({@link ModelChecksum}). */
    public void insertCandidate(ModelMetadata m, Path dir) throws SQLException {
        String checksum;
        try {
            checksum = ModelChecksum.of(dir);
        } catch (IOException e) {
            throw new SQLException("cannot checksum model directory " + dir + ": " + e.getMessage(), e);
        }
        String sql = """
                INSERT INTO models (version_id, spec_id, horizon_seconds, path, status, train_from, train_to,
                    test_from, test_to, data_source, metrics, metadata, created_at, checksum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)
                """;
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, m.versionId);
            ps.setString(i++, m.specId);
            ps.setInt(i++, m.horizonSeconds);
            ps.setString(i++, dir.toAbsolutePath().normalize().toString());
            ps.setString(i++, CANDIDATE);
            ps.setTimestamp(i++, new Timestamp(m.trainFromMs));
            ps.setTimestamp(i++, new Timestamp(m.trainToMs));
            ps.setTimestamp(i++, new Timestamp(m.testFromMs));
            ps.setTimestamp(i++, new Timestamp(m.testToMs));
            ps.setString(i++, m.dataSource == null ? "" : m.dataSource);
            ps.setString(i++, json(m.metrics));
            ps.setString(i++, ModelDirectory.toJson(m));
            ps.setTimestamp(i++, Timestamp.from(Instant.parse(m.createdAt)));
            ps.setString(i, checksum);
            ps.executeUpdate();
        }
    }

    /** What {@link #registerServed} found or did: the version, its status, whether it was inserted now. */
    public record Registration(String versionId, String status, boolean inserted) {}

    /**
     * Makes sure the version in {@code dir} that a job is about to serve is a row of {@code models}:
     * inserted as a candidate where missing, and promoted to serving when nothing serves yet (as
     * {@code rrr train --promote}); a row already there is left as it is, but its checksum must be
     * that of the files, or the files are not the version that was registered.
     *
     * @throws IllegalStateException when the files differ from the registered version's checksum
     */
    public Registration registerServed(Path dir, Instant at) throws SQLException, IOException {
        ModelMetadata m = ModelDirectory.readMetadata(dir);
        Optional<RegisteredModel> existing = find(m.versionId);
        if (existing.isPresent()) {
            String checksum = ModelChecksum.of(dir);
            String registered = existing.get().checksum();
            if (registered != null && !registered.equals(checksum)) {
                throw new IllegalStateException("model " + m.versionId + " at " + dir + " is not the version registered "
                        + "in the models table: its files' checksum " + checksum + " differs from the registered "
                        + registered + " (" + existing.get().path() + ")");
            }
            return new Registration(m.versionId, existing.get().status(), false);
        }
        insertCandidate(m, dir);
        if (serving().isEmpty()) {
            promote(m.versionId, at);
            return new Registration(m.versionId, SERVING, true);
        }
        return new Registration(m.versionId, CANDIDATE, true);
    }

    /** The serving version, if any (the latest promoted, should there ever be two). */
    public Optional<RegisteredModel> serving() throws SQLException {
        return one("SELECT version_id, status, path, metadata::text, created_at, promoted_at, checksum FROM models "
                + "WHERE status = 'serving' ORDER BY promoted_at DESC NULLS LAST LIMIT 1", null);
    }

    public Optional<RegisteredModel> find(String versionId) throws SQLException {
        return one("SELECT version_id, status, path, metadata::text, created_at, promoted_at, checksum FROM models "
                + "WHERE version_id = ?", versionId);
    }

    /** The version serves from now on; the one serving before is retired. */
    public void promote(String versionId, Instant at) throws SQLException {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement retire = c.prepareStatement(
                            "UPDATE models SET status = 'retired' WHERE status = 'serving' AND version_id <> ?");
                    PreparedStatement serve = c.prepareStatement(
                            "UPDATE models SET status = 'serving', promoted_at = ? WHERE version_id = ?")) {
                retire.setString(1, versionId);
                retire.executeUpdate();
                serve.setTimestamp(1, Timestamp.from(at));
                serve.setString(2, versionId);
                if (serve.executeUpdate() != 1) {
                    throw new SQLException("no model version " + versionId);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Marks a candidate that lost its comparison. */
    public void reject(String versionId) throws SQLException {
        try (Connection c = connections.open();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE models SET status = 'rejected' WHERE version_id = ? AND status = 'candidate'")) {
            ps.setString(1, versionId);
            ps.executeUpdate();
        }
    }

    public void recordComparison(Comparison cmp) throws SQLException {
        String sql = """
                INSERT INTO model_comparisons (candidate_version, serving_version, test_from, test_to, metric,
                    candidate_value, serving_value, promoted, details, compared_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                """;
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, cmp.candidateVersion());
            ps.setString(i++, cmp.servingVersion());
            ps.setTimestamp(i++, new Timestamp(cmp.testFromMs()));
            ps.setTimestamp(i++, new Timestamp(cmp.testToMs()));
            ps.setString(i++, cmp.metric());
            ps.setObject(i++, finiteOrNull(cmp.candidateValue()));
            ps.setObject(i++, finiteOrNull(cmp.servingValue()));
            ps.setBoolean(i++, cmp.promoted());
            ps.setString(i++, json(cmp.details()));
            ps.setTimestamp(i, Timestamp.from(cmp.comparedAt()));
            ps.executeUpdate();
        }
    }

    private Optional<RegisteredModel> one(String sql, String arg) throws SQLException {
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp promoted = rs.getTimestamp(6);
                return Optional.of(new RegisteredModel(rs.getString(1), rs.getString(2), Path.of(rs.getString(3)),
                        JSON.readValue(rs.getString(4), ModelMetadata.class), rs.getTimestamp(5).toInstant(),
                        promoted == null ? null : promoted.toInstant(), rs.getString(7)));
            } catch (IOException e) {
                throw new SQLException("unreadable metadata in models: " + e.getMessage(), e);
            }
        }
    }

    private static Double finiteOrNull(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
