package io.newsroom.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreRecognisedAnywhereInTheChain() {
        assertThat(DatabaseUnavailable.isCause(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new JpaSystemException(new RuntimeException("Unable to rollback",
                new SQLException("Connection is closed"))))).as("a rollback on a connection the outage broke").isTrue();
        RuntimeException replaced = new RuntimeException("rollback failed");
        replaced.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(DatabaseUnavailable.isCause(replaced)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("syntax", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalArgumentException("x"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    }
}
