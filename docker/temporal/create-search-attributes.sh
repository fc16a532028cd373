#!/bin/sh
# The temporal-search-attributes job: registers the custom search attributes operators list delivery
# runs by (see contracts/src/search-attributes.ts, which a deploy check compares with the compose
# file's TEMPORAL_SEARCH_ATTRIBUTES). Runs after the namespace job; Temporal's SQL visibility skips an
# attribute that is already registered, so every `docker compose up` may run it again.
# TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE are read by the CLI itself.
set -eu
: "${TEMPORAL_SEARCH_ATTRIBUTES:?}"

set --
for spec in $TEMPORAL_SEARCH_ATTRIBUTES; do
  set -- "$@" --name "${spec%%=*}" --type "${spec#*=}"
done
# A namespace created a moment ago may not be in the frontend's namespace cache yet: try again a while.
attempt=1
until temporal operator search-attribute create "$@"; do
  if [ "$attempt" -ge 30 ]; then
    echo "Could not register the search attributes in $TEMPORAL_NAMESPACE after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done
echo "Search attributes registered: $TEMPORAL_SEARCH_ATTRIBUTES"
