#!/usr/bin/env bash
# Runs every test suite — unit, integration on SQLite and on a real PostgreSQL, browser tests in
# Debian's Chromium — and ends with one line: "tests: N passed, N failed, N skipped".
# Installs what is missing (as root on Debian): PostgreSQL, Chromium, CJK fonts.
# A throwaway PostgreSQL cluster is started in a temp folder and removed afterwards.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts"
mkdir -p "$ARTIFACTS/test-results" "$ARTIFACTS/screenshots"

log() { printf '==> %s\n' "$*"; }

# --- 1. What the tests need from the machine -------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)  # certificate PDFs are checked as text (LicenceBehaviour)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing: ${missing[*]} (install them, or run as root on Debian)" >&2
  fi
fi

# --- 2. A throwaway PostgreSQL cluster ---------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/smartisland-pg.XXXXXX)
PGPORT=$(( 54000 + RANDOM % 1000 ))
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() {
  [ -n "${PGBIN:-}" ] && as_pg "$PGBIN/pg_ctl -D $PGDIR -m immediate stop" >/dev/null 2>&1
  rm -rf "$PGDIR"
}
trap cleanup EXIT
if [ -n "$PGBIN" ]; then
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  log "starting PostgreSQL ($PGBIN) on 127.0.0.1:$PGPORT in $PGDIR"
  as_pg "$PGBIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null \
    && as_pg "$PGBIN/pg_ctl -D $PGDIR/data -o '-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200' -l $PGDIR/pg.log -w start" >/dev/null \
    || { echo "PostgreSQL did not start:" >&2; cat "$PGDIR/pg.log" >&2 2>/dev/null; }
  export SMARTISLAND_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Include Error Detail=true"
else
  echo "PostgreSQL is not installed: the PostgreSQL tests will fail." >&2
fi

# --- 3. Build once, then run each suite ---------------------------------------------------------
unset SMARTISLAND_DATA_DIR
export SMARTISLAND_ARTIFACTS="$ARTIFACTS/screenshots"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
dotnet build SmartIsland.slnx -c Release -nologo -v q > "$ARTIFACTS/build.log" 2>&1
build_rc=$?
grep -E "error|Warn|Elapsed" "$ARTIFACTS/build.log" | sort -u | tail -n 30
if [ "$build_rc" != 0 ]; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

passed=0; failed=0; skipped=0
for project in tests/SmartIsland.UnitTests tests/SmartIsland.IntegrationTests; do
  name=$(basename "$project")
  log "running $name"
  out="$ARTIFACTS/test-results/$name.log"
  dotnet test --project "$project" -c Release --no-build --results-directory "$ARTIFACTS/test-results" 2>&1 | tee "$out"
  # The Microsoft Testing Platform summary: "total: N / failed: N / succeeded: N / skipped: N".
  t=$(grep -E '^\s+total: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+')
  f=$(grep -E '^\s+failed: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+')
  s=$(grep -E '^\s+succeeded: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+')
  k=$(grep -E '^\s+skipped: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+')
  if [ -z "$t" ]; then
    echo "$name produced no summary: counted as one failure"
    failed=$((failed + 1)); continue
  fi
  passed=$((passed + ${s:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${k:-0}))
done

# The names of failed tests, last, so that a log cut to its tail still says what failed.
if [ "$failed" != 0 ]; then
  echo "failed tests:"
  grep -hE '^\s*failed [A-Za-z_]' "$ARTIFACTS"/test-results/*.log | sed -E 's/^\s*/  /' | head -n 20
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
