package io.newsroom.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Readers read the replica: what the primary has committed can be read once the replica has replayed
 * it. Compares the primary's WAL position, read when asked ({@code pg_current_wal_lsn()}: a commit
 * whose notification was heard is written there), with the replica's {@code pg_last_wal_replay_lsn()}.
 * While readers read the primary (the replica lags too far or is lost) everything is readable at once.
 */
class ReplicaCatchUp implements ReadersCatchUp {

    private static final Duration POLL = Duration.ofMillis(10);

    private final ReplicaRouting routing;

    ReplicaCatchUp(ReplicaRouting routing) {
        this.routing = routing;
    }

    @Override
    public boolean awaitCommitted(Duration timeout) {
        if (!routing.readersOnReplica()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String committed;
        try {
            committed = primaryPosition();
        } catch (SQLException e) {
            return false; // the primary cannot be reached: the caller hears of it on its own connection
        }
        try (Connection replica = routing.replica().getConnection();
             PreparedStatement replayed = replica.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            replayed.setString(1, committed);
            while (true) {
                try (ResultSet row = replayed.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return true;
                    }
                }
                if (!routing.readersOnReplica()) {
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            // the replica went away: readers are (or are about to be) sent to the primary, which has it all
            return !routing.readersOnReplica();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String primaryPosition() throws SQLException {
        DataSource primary = routing.primary();
        try (Connection connection = primary.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT pg_current_wal_lsn()::text");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
