#!/bin/sh
# The temporal-namespace job: the plain server image (unlike the old auto-setup image) creates no
# namespace, so this creates ours once the frontend answers, and leaves an existing one alone.
# TEMPORAL_ADDRESS is read by the CLI itself.
set -eu
: "${TEMPORAL_NAMESPACE:?}" "${TEMPORAL_NAMESPACE_RETENTION:?}"

attempt=1
until temporal operator cluster health >/dev/null 2>&1; do
  if [ "$attempt" -ge 30 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS is not serving after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

if temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "Namespace $TEMPORAL_NAMESPACE exists."
else
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_NAMESPACE_RETENTION"
  echo "Namespace $TEMPORAL_NAMESPACE created."
fi
