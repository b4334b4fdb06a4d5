/**
 * Where readers' queries are answered, and when a change committed on the primary can be seen there.
 * With no read replica configured, readers read the primary and every commit is visible at once. With
 * one ({@code NEWSROOM_READ_REPLICA_URL}), readers' transactions ({@link io.newsroom.replica.ReaderTransactions})
 * read the replica while it is reachable and within {@code NEWSROOM_READ_REPLICA_MAX_LAG}, the primary
 * otherwise; everything else uses the primary.
 */
@ApplicationModule(displayName = "Read replicas", allowedDependencies = {"problem"})
package io.newsroom.replica;

import org.springframework.modulith.ApplicationModule;
