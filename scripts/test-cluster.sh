#!/usr/bin/env bash
# `npm run test:cluster`: starts the three-node EventStoreDB cluster of infra/eventstoredb/cluster
# (TLS certificates made by a one-shot service on the first run), waits until it has elected a
# leader, then runs the event-store contract suite and the back-office e2e suite against it, through
# the gossip seeds of the three nodes with the cluster's CA (docs/eventstoredb/cluster.md). Each
# contract test and each e2e service writes under a namespace of its own, so the cluster may be
# reused; it is left running unless KANDAS_CLUSTER_DOWN=1 (then it is removed, volumes and all).
# Extra arguments go to Jest (e.g. `npm run test:cluster -- --testNamePattern quota`).
# Needs Docker with Compose v2, and curl. Cannot run where no Docker daemon does (the project's CI).
set -euo pipefail
cd "$(dirname "$0")/.."
cluster=infra/eventstoredb/cluster
compose=(docker compose -f "$cluster/docker-compose.yml")

if ! docker compose version >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "npm run test:cluster needs a running Docker daemon and Compose v2 (docker compose version)" >&2
  exit 1
fi

# Made here, not by Docker: a folder Docker creates for a bind mount belongs to root.
mkdir -p "$cluster/certs"
"${compose[@]}" up --detach --wait
if [ "${KANDAS_CLUSTER_DOWN:-0}" = 1 ]; then trap '"${compose[@]}" down --volumes' EXIT; fi

ca="$PWD/$cluster/certs/ca/ca.crt"
password="${KANDAS_ESDB_ADMIN_PASSWORD:-changeit}"
# Healthy nodes may still be electing: the suites start once one of them reports a leader.
for attempt in $(seq 1 60); do
  if curl --fail --silent --cacert "$ca" --user "admin:$password" https://localhost:2111/gossip |
    grep -Eq '"state" *: *"Leader"'; then
    break
  fi
  if [ "$attempt" = 60 ]; then
    echo "the cluster elected no leader within 2 minutes: docker compose -f $cluster/docker-compose.yml logs" >&2
    exit 1
  fi
  sleep 2
done

# The gossip seeds, not `esdb+discover://`: the Node client 6.2.1 discovers through the first host
# of an `esdb+discover://` list only, so a cluster whose node1 is down would not be found.
encoded=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$password")
export EVENTSTORE_CONNECTION_STRING="esdb://admin:${encoded}@localhost:2111,localhost:2112,localhost:2113?tls=true&tlsCAFile=${ca}&nodePreference=leader"
export E2E_EVENT_STORE=eventstoredb
npx jest --selectProjects all --testPathPatterns 'test/contract/eventstoredb-real' 'test/e2e/' "$@"
