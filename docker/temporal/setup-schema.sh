#!/bin/sh
# The temporal-schema job: creates Temporal's databases and brings their schema to the version the
# admin-tools image ships, the way Temporal's own compose setup does it (temporalio/samples-server,
# compose/scripts/setup-postgres.sh). Every step is idempotent, so the job runs on each
# `docker compose up` and also applies schema upgrades after the Temporal images are bumped together.
# Connection settings come from SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD.
set -eu

setup_database() {
  database=$1
  schema=$2
  temporal-sql-tool --db "$database" create-database
  temporal-sql-tool --db "$database" setup-schema -v 0.0
  # The schema embedded in the tool, so it always matches the tool's (and server's) version.
  temporal-sql-tool --db "$database" update-schema --schema-name "postgresql/v12/$schema"
}

setup_database temporal temporal
setup_database temporal_visibility visibility
echo 'Temporal schema is up to date.'
