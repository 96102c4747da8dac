#!/usr/bin/env bash
# Macro benchmarks of issues 2 and 3, recorded in docs/benchmarks.md. Each step is its own process, so
# "peak" is the peak working set of the process that did that step (host services included).
# `./bench/run.sh intake` runs only the Open311 intake step (INTAKE_SECONDS per mode, default 20);
# `./bench/run.sh metrics` only the case metrics step (1,000,000 cases, about 3 GB of disk, a few minutes).
# `./bench/run.sh tiers` only the tier eligibility step (100,000 enterprises; issue 4).
# `./bench/run.sh pdf` only the certificate PDF rendering step (500 renders; issue 5).
# `./bench/run.sh guide` only the public guide's search (10,000 items; issue 5).
# `./bench/run.sh apply` only application submission with 5 materials (issue 5).
# `./bench/run.sh projects` only the key-project dashboard, lagging list and daily reports (5,000 projects, ~3.6 million reports; issue 6).
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=${1:-all}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/smartisland-bench.XXXXXX)}
dotnet build bench/SmartIsland.Bench -c Release -nologo -v q >/dev/null
B=bench/SmartIsland.Bench/bin/Release/net10.0/SmartIsland.Bench

# The Release host on a data folder, in the background (HOST_PID), demo data loaded, until /health answers.
# Further arguments are settings for it: Scheduler__Enabled=false …
start_host() { # NAME DATADIR PORT [SETTING=VALUE …]
  local name=$1 data=$2 port=$3; shift 3
  dotnet build src/SmartIsland.Host -c Release -nologo -v q >/dev/null
  mkdir -p "$data"
  ( cd src/SmartIsland.Host/bin/Release/net10.0 && \
    exec env ASPNETCORE_URLS="http://127.0.0.1:$port" SMARTISLAND_DATA_DIR="$data" Database__DemoData=true \
      Logging__LogLevel__Default=Warning "$@" dotnet SmartIsland.Host.dll --contentRoot "$PWD" ) > "$WORK/$name-host.log" 2>&1 &
  HOST_PID=$!
  trap 'kill $HOST_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
}
stop_host() { kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; }

if [ "$STEPS" = all ]; then
echo "# import: 100,000 ledger rows (50,000 enterprises × 2 years) into an empty SQLite database"
$B generate 100000 "$WORK/ledger-100k.xlsx" 2
$B import "$WORK/ledger-100k.xlsx" "$WORK/import-db"

echo "# list: 100,000 enterprises (one ledger row each), then 1,000 list queries"
$B generate 100000 "$WORK/ledger-100k-enterprises.xlsx" 1
$B import "$WORK/ledger-100k-enterprises.xlsx" "$WORK/list-db"
$B list "$WORK/list-db" 1000
fi

if [ "$STEPS" = all ] || [ "$STEPS" = intake ]; then
echo "# open311 intake: 64 clients POST form-encoded requests to the real host (Kestrel, SQLite) for INTAKE_SECONDS after a 10 s warm-up, then the raw-insert baseline the same way"
INTAKE_SECONDS=${INTAKE_SECONDS:-20}
PORT=${INTAKE_PORT:-5398}
start_host intake "$WORK/intake-db" "$PORT" DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}" Bench__RawInsertBaseline=true
$B intake "http://127.0.0.1:$PORT" open311 "$INTAKE_SECONDS" 64 10
$B intake "http://127.0.0.1:$PORT" raw "$INTAKE_SECONDS" 64 10
stop_host
$B count "$WORK/intake-db"
fi

if [ "$STEPS" = all ] || [ "$STEPS" = metrics ]; then
echo "# case metrics (issue 3): 1,000,000 cases in the demo zone, then the metrics query over several periods"
$B cases-generate "$WORK/cases-db" 1000000
$B cases-metrics "$WORK/cases-db" 30
fi

if [ "$STEPS" = all ] || [ "$STEPS" = tiers ]; then
echo "# tiers (issue 4): 100,000 enterprises × 3 years, every tier rule set evaluated (read + evaluate), then the eligibility API one enterprise at a time"
$B tiers-generate "$WORK/tiers-db" 100000
$B tiers-evaluate "$WORK/tiers-db" 3
PORT=${TIERS_PORT:-5399}
start_host tiers "$WORK/tiers-db" "$PORT" Scheduler__Enabled=false
$B tiers-api "http://127.0.0.1:$PORT" "$WORK/tiers-db" 1000
stop_host
fi

if [ "$STEPS" = all ] || [ "$STEPS" = pdf ]; then
echo "# certificate PDF (issue 5): one A4 certificate with five fields and its QR code, rendered 500 times after a warm-up"
$B pdf 500
fi

if [ "$STEPS" = all ] || [ "$STEPS" = guide ]; then
echo "# guide (issue 5): 10,000 published items in a fresh database, then 600 searches of 2-, 3- and 4-character terms (hits and misses) through HTTP"
$B guide-generate "$WORK/guide-db" 10000
PORT=${GUIDE_PORT:-5400}
start_host guide "$WORK/guide-db" "$PORT" Scheduler__Enabled=false RateLimits__PublicPerMinute=1000000
$B guide-search "http://127.0.0.1:$PORT" 600 "$WORK/guide-db"
stop_host
fi

if [ "$STEPS" = all ] || [ "$STEPS" = apply ]; then
echo "# applications (issue 5): the demo database, the enterprise account submits 300 applications with 5 files of 200 kB each through HTTP, then 300 bundle applications that are approved by rules and issue 2 certificates each"
PORT=${APPLY_PORT:-5401}
start_host apply "$WORK/apply-db" "$PORT" Scheduler__Enabled=false
$B apply "http://127.0.0.1:$PORT" 300
stop_host
fi

if [ "$STEPS" = all ] || [ "$STEPS" = projects ]; then
echo "# projects (issue 6): 5,000 projects with 730 days of daily reports each (3.65 million) in the demo zone of a fresh database, then 200 dashboard and 200 lagging-list GETs and 100 daily reports with 3 photos of 1600×1200 through HTTP"
$B projects-generate "$WORK/projects-db" 5000
PORT=${PROJECTS_PORT:-5402}
start_host projects "$WORK/projects-db" "$PORT" Scheduler__Enabled=false
$B projects "http://127.0.0.1:$PORT" 200 100
stop_host
fi

[ -n "${BENCH_DIR:-}" ] || rm -rf "$WORK"
