#!/bin/sh
# Runs once, when the primary's data directory is created (/docker-entrypoint-initdb.d): lets the
# replica of docker-compose.yml's "scale" profile stream from it (pg_basebackup, then WAL) with the
# service's own user and password. wal_level=replica and max_wal_senders=10 are PostgreSQL's defaults.
set -eu
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
