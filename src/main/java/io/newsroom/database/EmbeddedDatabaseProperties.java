package io.newsroom.database;

import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
@Validated
@ConfigurationProperties("newsroom.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") @NotNull Path dataDirectory,
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("128MB") @Pattern(regexp = MEMORY, message = MEMORY_MESSAGE) String sharedBuffers,
        @DefaultValue("1GB") @Pattern(regexp = MEMORY, message = MEMORY_MESSAGE) String maxWalSize) {

    /** PostgreSQL's memory units; anything else would only fail when the database starts, with its own message. */
    static final String MEMORY = "[1-9][0-9]*(kB|MB|GB|TB)";
    static final String MEMORY_MESSAGE = "must be a size in PostgreSQL's units, such as 128MB or 1GB";
}
