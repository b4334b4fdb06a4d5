package io.newsroom.replica;

/**
 * Where the primary's WAL ends: what a replica must have replayed to hold every transaction committed
 * so far. The insert position, not the written one: with {@code synchronous_commit = off} a commit (and
 * its notification) can come before its WAL is written, and would be missed by {@code pg_current_wal_lsn()}.
 * The insert position of a record about to start a page points past that page's header, where no
 * record ends; the replica's replay position then stops at the page boundary, so the header is taken off.
 */
final class WalPosition {

    /** The primary's insert position (bytes), its WAL page size and segment size. */
    static final String PRIMARY = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint, current_setting('wal_block_size')::bigint, "
            + "(SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size')";
    /** The replica's replay position (bytes). */
    static final String REPLAYED = "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

    /** PostgreSQL's page headers: the long one opens a segment. */
    private static final long SHORT_HEADER = 24;
    private static final long LONG_HEADER = 40;

    private WalPosition() {
    }

    /** The end of the last record inserted, from the insert position. */
    static long lastRecordEnd(long insert, long pageSize, long segmentSize) {
        long page = insert - insert % pageSize;
        long header = page % segmentSize == 0 ? LONG_HEADER : SHORT_HEADER;
        return insert - page == header ? page : insert;
    }
}
