#!/usr/bin/env bash
# Runs once, when the Postgres volume is first initialised (/docker-entrypoint-initdb.d): one login
# role per consumer, each owning only its own databases, so the api and worker cannot touch Temporal's
# data and Temporal cannot touch ours. The superuser stays with the administrator.
# Later password changes are made with ALTER ROLE; editing .env alone does not change them.
set -Eeuo pipefail

# psql variables (:'name') quote the passwords as SQL literals; they never pass through the shell.
psql --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set app_password="$CHURCHHUB_DB_PASSWORD" \
  --set temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE churchhub LOGIN PASSWORD :'app_password';
CREATE DATABASE churchhub OWNER churchhub;
REVOKE ALL ON DATABASE churchhub FROM PUBLIC;
-- The secure notes' key store (NOTE_KEYSTORE_URL): kept apart so a note's key can be destroyed for good.
CREATE DATABASE churchhub_note_keys OWNER churchhub;
REVOKE ALL ON DATABASE churchhub_note_keys FROM PUBLIC;
-- The temporal-schema job creates Temporal's two databases itself (temporal-sql-tool), hence CREATEDB.
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
