package io.rrralgorithms.jobs.local;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** The {@code pipeline_runs} log: what ran, on which input, with which counts. */
public final class PipelineRuns {
    private final PostgresTarget target;

    public PipelineRuns(PostgresTarget target) {
        this.target = target;
    }

    public UUID start(String mode, List<String> inputs, String bootstrap) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = target.connect();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO pipeline_runs (run_id, started_at, mode, status, inputs, bootstrap) "
                                + "VALUES (?, ?, ?, 'running', ?, ?)")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
            ps.setString(3, mode);
            ps.setArray(4, c.createArrayOf("text", inputs.toArray()));
            ps.setString(5, bootstrap);
            ps.executeUpdate();
        }
        return id;
    }

    public void finish(UUID id, String status, String flinkJobId, String countsJson, String error) throws SQLException {
        try (Connection c = target.connect();
                PreparedStatement ps = c.prepareStatement("UPDATE pipeline_runs SET finished_at = ?, status = ?, "
                        + "flink_job_id = ?, counts = CAST(? AS jsonb), error = ? WHERE run_id = ?")) {
            ps.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
            ps.setString(2, status);
            ps.setString(3, flinkJobId);
            ps.setString(4, countsJson);
            ps.setString(5, error);
            ps.setObject(6, id);
            ps.executeUpdate();
        }
    }

    /** A run whose process died while it ran (still {@code running}): failed, resumed by {@code resumedBy}. */
    public void interrupted(UUID id, UUID resumedBy) throws SQLException {
        try (Connection c = target.connect();
                PreparedStatement ps = c.prepareStatement("UPDATE pipeline_runs SET finished_at = ?, status = 'failed', "
                        + "error = ? WHERE run_id = ? AND status = 'running'")) {
            ps.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
            ps.setString(2, "interrupted: the process ended while the run was running (killed?); resumed by run "
                    + resumedBy);
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }
}
