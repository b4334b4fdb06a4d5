package io.newsroom.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-install database used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where PostgreSQL keeps its files between runs
 * @param port          the port it listens on (127.0.0.1 only); 0 picks a free one
 * @param sharedBuffers PostgreSQL's shared_buffers: its own page cache (a quarter of the memory
 *                      the database may use is the usual advice; the default suits small newsrooms)
 * @param maxWalSize    PostgreSQL's max_wal_size: how much WAL may pile up before a checkpoint is
 *                      forced; large imports write gigabytes of it, and each forced checkpoint makes
 *                      the next change of every page log the whole page again
 */
@ConfigurationProperties("newsroom.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("128MB") String sharedBuffers,
        @DefaultValue("1GB") String maxWalSize) {
}
