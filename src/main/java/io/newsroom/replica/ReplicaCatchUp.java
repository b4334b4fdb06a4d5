package io.newsroom.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Readers read the replica: what the primary has committed can be read once the replica has replayed
 * it. Compares where the primary's WAL ends when asked ({@link WalPosition}: past the commit of any
 * change whose notification was heard) with the replica's {@code pg_last_wal_replay_lsn()}.
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
        long committed;
        try {
            committed = primaryPosition();
        } catch (SQLException e) {
            return false; // the primary cannot be reached: the caller hears of it on its own connection
        }
        try (Connection replica = routing.replica().getConnection();
             PreparedStatement replayed = replica.prepareStatement(WalPosition.REPLAYED)) {
            while (true) {
                try (ResultSet row = replayed.executeQuery()) {
                    if (row.next() && row.getLong(1) >= committed) {
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

    private long primaryPosition() throws SQLException {
        DataSource primary = routing.primary();
        try (Connection connection = primary.getConnection();
             PreparedStatement statement = connection.prepareStatement(WalPosition.PRIMARY);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return WalPosition.lastRecordEnd(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }
}
