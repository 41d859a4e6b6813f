#!/usr/bin/env bash
# Runs GigaEvo on the embedded default: http://localhost:7860, no services needed.
# Extra arguments go to the app (e.g. a CLI verb: scripts/run.sh evolve problem.name=heilbron).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec dotnet run --project GigaEvo.Web -c Release -- "$@"
