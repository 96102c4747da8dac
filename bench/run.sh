#!/usr/bin/env bash
# Macro benchmarks of issues 2 and 3, recorded in docs/benchmarks.md. Each step is its own process, so
# "peak" is the peak working set of the process that did that step (host services included).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-$(mktemp -d /tmp/smartisland-bench.XXXXXX)}
dotnet build bench/SmartIsland.Bench -c Release -nologo -v q >/dev/null
B=bench/SmartIsland.Bench/bin/Release/net10.0/SmartIsland.Bench

echo "# import: 100,000 ledger rows (50,000 enterprises × 2 years) into an empty SQLite database"
$B generate 100000 "$WORK/ledger-100k.xlsx" 2
$B import "$WORK/ledger-100k.xlsx" "$WORK/import-db"

echo "# list: 100,000 enterprises (one ledger row each), then 1,000 list queries"
$B generate 100000 "$WORK/ledger-100k-enterprises.xlsx" 1
$B import "$WORK/ledger-100k-enterprises.xlsx" "$WORK/list-db"
$B list "$WORK/list-db" 1000

echo "# case metrics (issue 3): 1,000,000 cases in the demo zone, then the metrics query over several periods"
$B cases-generate "$WORK/cases-db" 1000000
$B cases-metrics "$WORK/cases-db" 30

[ -n "${BENCH_DIR:-}" ] || rm -rf "$WORK"
