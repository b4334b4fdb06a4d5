package io.newsroom.replica;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A PostgreSQL streaming replica for readers' requests ({@code NEWSROOM_READ_REPLICA_*}).
 *
 * @param url      the replica's JDBC URL; empty: readers read the primary
 * @param username its user; empty: the primary's
 * @param password its password; empty with no username either: the primary's
 * @param maxLag   how far behind the primary the replica may be before readers are sent to the primary
 *                 (and back once it has caught up)
 */
@Validated
@ConfigurationProperties("newsroom.read-replica")
public record ReplicaProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("5s") @DurationMin(millis = 100) Duration maxLag) {
}
