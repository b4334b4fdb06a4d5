package io.newsroom.replica;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.util.StringUtils;

/**
 * Where readers' transactions read. The application's data source becomes Spring's
 * {@link LazyConnectionDataSourceProxy} over the primary, whose read-only data source is the replica:
 * a transaction marked read-only (only {@link ReaderTransactions} marks one) reads the replica, every
 * other connection (writes, the admin API, the change listener, schedulers) is the primary's.
 *
 * <p>The read-only side is Spring's {@link AbstractRoutingDataSource} with two targets, the replica and
 * the primary: {@link ReplicaMonitor} turns it to the primary while the replica lags too far or cannot
 * be reached, and back once it has caught up. A replica connection that cannot be had is a primary
 * connection instead, so readers never wait for a replica that went away before the monitor noticed.
 */
final class ReplicaRouting implements AutoCloseable {

    enum Target { REPLICA, PRIMARY }

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    private final ReplicaProperties properties;
    private final Readers readers = new Readers();
    private final Map<Target, LongAdder> reads = Map.of(Target.REPLICA, new LongAdder(), Target.PRIMARY, new LongAdder());
    private final Map<Target, LongAdder> switches = Map.of(Target.REPLICA, new LongAdder(), Target.PRIMARY, new LongAdder());
    private volatile Target target = Target.REPLICA;
    private HikariDataSource replica;
    private DataSource primary;

    ReplicaRouting(ReplicaProperties properties) {
        this.properties = properties;
    }

    /** The application's data source: {@code primary} for all but readers' transactions. */
    DataSource wrap(DataSource primary) {
        this.primary = primary;
        this.replica = replicaPool(primary);
        readers.setTargetDataSources(Map.of(Target.REPLICA, replica, Target.PRIMARY, primary));
        readers.setLenientFallback(false);
        readers.afterPropertiesSet();
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
        proxy.setReadOnlyDataSource(readers);
        log.info("Read replica: readers' requests read {} (falling back to the primary beyond {} of lag)",
                properties.url(), properties.maxLag());
        return proxy;
    }

    private HikariDataSource replicaPool(DataSource primary) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("newsroom-replica");
        pool.setJdbcUrl(properties.url());
        boolean ownUser = StringUtils.hasText(properties.username());
        if (ownUser) {
            pool.setUsername(properties.username());
            pool.setPassword(properties.password());
        } else if (primary instanceof HikariDataSource primaryPool) {
            pool.setUsername(primaryPool.getUsername());
            pool.setPassword(StringUtils.hasText(properties.password()) ? properties.password() : primaryPool.getPassword());
        }
        if (primary instanceof HikariDataSource primaryPool) {
            pool.setMaximumPoolSize(primaryPool.getMaximumPoolSize());
            Properties driver = new Properties();
            driver.putAll(primaryPool.getDataSourceProperties());
            pool.setDataSourceProperties(driver);
        }
        // a hot standby takes no writes; its connections say so, and need no switching per transaction
        pool.setReadOnly(true);
        // readers wait this long for a replica connection at most before they are given the primary's
        pool.setConnectionTimeout(250);
        pool.setValidationTimeout(250);
        // the service starts even while the replica is down; readers read the primary until it is back
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("connectTimeout", "1");
        return pool;
    }

    /** The replica pool's own metrics ({@code hikaricp_*{pool="newsroom-replica"}}), beside the primary pool's. */
    void instrument(MeterRegistry registry) {
        replica.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    boolean readersOnReplica() {
        return target == Target.REPLICA;
    }

    /** Sends readers to {@code to}; false when they were there already. */
    synchronized boolean turnTo(Target to, String why) {
        if (target == to) {
            return false;
        }
        target = to;
        switches.get(to).increment();
        if (to == Target.PRIMARY) {
            log.warn("Read replica: readers now read the primary ({})", why);
        } else {
            log.info("Read replica: readers read the replica again ({})", why);
        }
        return true;
    }

    DataSource primary() {
        return primary;
    }

    DataSource replica() {
        return replica;
    }

    ReplicaProperties properties() {
        return properties;
    }

    long reads(Target on) {
        return reads.get(on).sum();
    }

    long switchesTo(Target to) {
        return switches.get(to).sum();
    }

    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
    }

    /** The read-only side of the proxy: the replica or, while it lags or is lost, the primary. */
    private final class Readers extends AbstractRoutingDataSource {

        @Override
        protected Object determineCurrentLookupKey() {
            return target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (target == Target.REPLICA) {
                try {
                    Connection connection = replica.getConnection();
                    reads.get(Target.REPLICA).increment();
                    return connection;
                } catch (SQLException e) {
                    turnTo(Target.PRIMARY, "no connection to the replica: " + e.getMessage());
                }
            }
            reads.get(Target.PRIMARY).increment();
            return primary.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
