#!/usr/bin/env bash
# Runs every test of TestTrack Pro against real servers: starts what the tests need
# (PostgreSQL, Redis, Kafka, via scripts/stack.sh infra), then the whole Maven reactor.
# Extra arguments go to Maven, e.g. `scripts/test.sh -pl platform`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/scripts/stack.sh" infra
cd "$ROOT"
exec mvn -B verify "$@"
