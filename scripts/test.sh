#!/usr/bin/env bash
# Runs the whole test suite; sets up what is missing first. Last line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test || { echo "0 passed, 1 failed"; exit 1; }

results=TestResults
rm -rf "$results"
# Two cores here: one build node, and xUnit runs test classes in parallel inside the one test process.
dotnet build GigaEvo.sln -c Release -m:1 --verbosity quiet --nologo
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
# Screenshots of the browser test's pages are kept there as test output.
export GIGAEVO_SCREENSHOTS="$PWD/$results/screenshots"
dotnet test GigaEvo.Tests/GigaEvo.Tests.csproj -c Release --no-build --nologo \
  --logger "trx;LogFileName=results.trx" --results-directory "$results" --verbosity quiet
status=$?

# A crashed test run could leave the browser it launched; Playwright's profiles are named this way.
pkill -f -- "--user-data-dir=/tmp/playwright_chromiumdev_profile" 2>/dev/null || true

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "no test results were written"
  echo "0 passed, 1 failed"
  exit 1
fi
read -r passed failed skipped < <(python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
results = ET.parse(sys.argv[1]).getroot().findall(".//t:UnitTestResult", ns)
count = lambda *outcomes: sum(1 for r in results if r.get("outcome") in outcomes)
print(count("Passed"), count("Failed", "Error", "Timeout", "Aborted"), count("NotExecuted", "Inconclusive"))
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without recording a failed test (a crash): never report green
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
