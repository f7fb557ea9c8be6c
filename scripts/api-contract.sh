#!/usr/bin/env bash
# A bounded contract run of the collector against its own OpenAPI description (GET /openapi.json) with
# schemathesis (from PyPI, in a virtualenv of its own): generated requests to every documented operation, checking
# that no answer is a 5xx and every status code, content type and body is one the description lists.
# Not part of the test suite. Usage: scripts/api-contract.sh [SECONDS]   (default 120: the whole run's bound)
#   SHOWROOM=path/to/showroom   the binary (default .build/debug/showroom)
#   VENV=folder                 where schemathesis is installed (default .showroom/schemathesis-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
showroom="${SHOWROOM:-.build/debug/showroom}"
venv="$(realpath -m "${VENV:-.showroom/schemathesis-venv}")"
[ -x "$showroom" ] || { echo "api-contract.sh: no $showroom; build first (swift build)" >&2; exit 1; }
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet schemathesis
fi

work="$(mktemp -d /tmp/showroom-contract.XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# No rate limits (a limit's 429 is documented, but would stop the run from reaching the store), a leads token so the
# export is on, and this repository's fleet, so real site ids and models exist for the generator to hit or miss.
"$showroom" collector --workspace . --database "sqlite:$work/collector.sqlite" --port "$port" \
    --rate-limit 0 --booking-rate-limit 0 --leads-token contract-run-token >"$work/collector.log" 2>&1 &
collector=$!
trap 'kill "$collector" 2>/dev/null || true; wait "$collector" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

started=$(date +%s)
status=0
# From the scratch folder, so schemathesis's cache (.schemathesis/) does not land in the repository.
(cd "$work" && timeout "$(( seconds + 60 ))" "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --header "Authorization: Bearer contract-run-token" --header "Origin: https://aurora.lumen-motors.example" \
    --max-examples 200 --max-time "$seconds" --workers 2 --seed 21 --suppress-health-check all) || status=$?
echo "api-contract.sh: $(( $(date +%s) - started )) s against http://127.0.0.1:$port (exit $status)"
exit "$status"
