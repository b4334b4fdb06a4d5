package io.newsroom.replica;

import io.newsroom.problem.DatabaseUnavailable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readers' reads, and the writes made while answering them. With a read replica configured
 * ({@code NEWSROOM_READ_REPLICA_URL}), {@link #read} runs in a read-only transaction, which Spring's
 * {@code LazyConnectionDataSourceProxy} serves from the replica (ReplicaRouting); {@link #write} runs
 * in a transaction of its own on the primary, so a read path that stores what it computed never meets
 * the read-only replica. With none, both simply run, as before.
 *
 * <p>Only readers' requests (content API, feeds, sitemaps, article pages, search, similar lists) read
 * through here: the admin API, previews, schedulers and every write keep the primary, since JPA's
 * transactions do not mark their connections read-only when a replica is configured
 * (ReplicaConfiguration). A read that loses the replica under it (the replica stopped mid-query) is
 * read once more, from the primary: a replica going away costs readers no error.
 */
@Component
public class ReaderTransactions {

    private final ReplicaRouting routing;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    /** The data source is looked up only with a replica configured: without one, nothing here touches it. */
    ReaderTransactions(ObjectProvider<ReplicaRouting> routing, ObjectProvider<DataSource> dataSource) {
        this.routing = routing.getIfAvailable();
        if (this.routing == null) {
            this.reading = null;
            this.writing = null;
            return;
        }
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource.getObject());
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** {@code work}'s reads, from the replica when one is configured and current enough. */
    public <T> T read(Supplier<T> work) {
        if (routing == null) {
            return work.get();
        }
        boolean onReplica = routing.readersOnReplica();
        try {
            return reading.execute(status -> work.get());
        } catch (RuntimeException e) {
            if (!onReplica || !DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            routing.turnTo(ReplicaRouting.Target.PRIMARY, "a reader lost the replica: " + e.getMessage());
            return reading.execute(status -> work.get());
        }
    }

    /** A write made while answering a reader (a stored rendering, a stored summary): on the primary, in its own transaction. */
    public void write(Runnable work) {
        if (routing == null) {
            work.run();
            return;
        }
        writing.executeWithoutResult(status -> work.run());
    }
}
