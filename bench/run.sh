#!/usr/bin/env bash
# The load benchmark (issue 9): `make bench` (full dataset) and `make bench-small`.
#
# For each backend: a fresh database holding the bench dataset (seeded once by
# `portico seed-bench` into a cached copy, then copied per run), the release server on a
# free loopback port, its cold start and idle RSS, sessions from `portico bench-sessions`,
# then wrk on every endpoint for a fixed time at fixed concurrency, the login driver, peak
# RSS, the portal's first load (bytes on the wire with and without compression, bench/firstload.py;
# Lighthouse on the portal's login page and dashboard, mobile profile, bench/lighthouse/run.mjs),
# and bench/results/<date>-<backend>[-<preset>].{json,md} written by bench/report.py.
#
# Settings (environment):
#   BENCH_PRESET       full (default) or small
#   BENCH_BACKENDS     "postgres sqlite" (default), or one of them
#   BENCH_DURATION     measured time per endpoint, wrk syntax (default 10s)
#   BENCH_WARMUP       unmeasured run before each endpoint (default 2s)
#   BENCH_CONNECTIONS  concurrent connections (default 8: four in flight per core of this 2-core
#                      machine; at 32, p99 is mostly time spent queued behind the other 31)
#                      BENCH_THREADS wrk threads (default 2)
#   BENCH_LOGIN_WORKERS  concurrent login pairs (default 8)
#   BENCH_SMTP_QUICKACK=1  the login driver's SMTP sink ACKs at once (see bench/login.py --quickack)
#   BENCH_CLIENTS, BENCH_STAFF  sessions to mint and rotate over (default 128, 16)
#   BENCH_PG_URL       PostgreSQL server, no database name (default postgres://postgres@127.0.0.1:5432)
#   BENCH_PG_DB        the database each run gets afresh (default portico_bench)
#   BENCH_PG_PARAMS    connection parameters of the server's URL (default sslmode=disable: the
#                      database is on the same machine, as over a Unix socket; libpq would
#                      otherwise negotiate TLS on loopback, ~20% of /readyz's throughput)
#   BENCH_SEED         dataset seed (default 42)
#   BENCH_CACHE_DAYS   reuse a cached dataset seeded up to this many days ago (default 7); the
#                      data is laid out around its seeding day ("now" for the generator)
#   BENCH_SKIP_BUILD=1 use the existing release binary and web/dist as they are
#   BENCH_LIGHTHOUSE=0 skip Lighthouse (recorded as skipped); otherwise npm's lighthouse 12.2.3
#                      (pinned with its lock in bench/lighthouse/) is installed into
#                      bench/cache/lighthouse and drives Chromium (CHROMIUM_PATH, default
#                      /usr/bin/chromium) headless
#   BENCH_KEEP_RUN=1   keep the run directory (server log, wrk output) for inspection
#   CARGO_TARGET_DIR   where the release binary is built (default ./target)
#   PORTICO_WORKERS, PORTICO_DB_POOL_SIZE, ...  passed to the server as usual
#
# Exit status: 0 when every backend ran without an error; 1 otherwise (the results files
# are still written, with the errors at the top).
set -Eeuo pipefail
trap 'echo "bench: failed (line $LINENO: $BASH_COMMAND)" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
CACHE=$BENCH/cache
RESULTS=$BENCH/results

PRESET=${BENCH_PRESET:-full}
BACKENDS=${BENCH_BACKENDS:-postgres sqlite}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
LOGIN_WORKERS=${BENCH_LOGIN_WORKERS:-8}
SESSION_CLIENTS=${BENCH_CLIENTS:-128}
SESSION_STAFF=${BENCH_STAFF:-16}
PG_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432}
PG_URL=${PG_URL%/}
PG_DB=${BENCH_PG_DB:-portico_bench}
PG_PARAMS=${BENCH_PG_PARAMS-sslmode=disable}
SEED=${BENCH_SEED:-42}
CACHE_DAYS=${BENCH_CACHE_DAYS:-7}
LIGHTHOUSE=${BENCH_LIGHTHOUSE:-1}
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
LH_DIR=$CACHE/lighthouse
WEB_DIST=$ROOT/web/dist

TARGET_DIR=${CARGO_TARGET_DIR:-target}
[[ $TARGET_DIR = /* ]] || TARGET_DIR=$ROOT/$TARGET_DIR
BIN=$TARGET_DIR/release/portico

# Keys for the bench only (loopback, throwaway data), the same for every command so tokens
# minted by bench-sessions verify in the server.
BENCH_JWT_SECRET=bench-only-jwt-secret-0123456789abcdefghijklmnop
BENCH_HMAC_SECRET=bench-only-hmac-secret-0123456789abcdefghijklmno
BENCH_VAULT_KEY=bench-only-vault-key-0123456789abcdefghijklmnopq

die() {
    echo "bench: $*" >&2
    exit 1
}
say() { echo "==> $*" >&2; }

need() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: $2"
}

# wrk-style duration (10, 10s, 2m, 1h) in seconds, for the login driver.
seconds() {
    case $1 in
    *[0-9]s) echo "${1%s}" ;;
    *m) echo $((${1%m} * 60)) ;;
    *h) echo $((${1%h} * 3600)) ;;
    *[0-9]) echo "$1" ;;
    *) die "cannot read '$1' as a duration (use e.g. 10s or 1m)" ;;
    esac
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- checks and tools ---------------------------------------------------------------------

case $PRESET in
full) SEED_FLAGS=() ;;
small) SEED_FLAGS=(--small) ;;
*) die "BENCH_PRESET must be full or small, not '$PRESET'" ;;
esac
for b in $BACKENDS; do
    [[ $b = postgres || $b = sqlite ]] || die "BENCH_BACKENDS: '$b' is not postgres or sqlite"
done
DURATION_S=$(seconds "$DURATION")
WARMUP_S=$(seconds "$WARMUP")

need python3 "install Python 3.11 or later (apt-get install -y python3)"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "python3 must be 3.11 or later"
need curl "apt-get install -y curl"
need sha256sum "part of coreutils"
need flock "part of util-linux"
if [[ " $BACKENDS " = *" postgres "* ]]; then
    need psql "apt-get install -y postgresql-client"
fi

# wrk comes from Debian, installed by the project's one list of system packages.
"$ROOT/scripts/deps.sh" bench || die "wrk is needed (scripts/deps.sh bench)"
WRK_VERSION=$({ wrk -v 2>&1 || true; } | head -1 | awk '{print $1, $2}')

[[ -d $ROOT/api/src/bench ]] || die "api/src/bench is missing: this checkout has no seed-bench"

mkdir -p "$CACHE" "$RESULTS"
exec 9>"$CACHE/.lock"
flock -n 9 || die "another benchmark is running (lock $CACHE/.lock)"

if [[ ${BENCH_SKIP_BUILD:-} = 1 ]]; then
    say "BENCH_SKIP_BUILD=1: using $BIN as it is"
else
    say "building the release binary (cargo build --release -p portico --features bench)"
    (cd "$ROOT" && cargo build --release -p portico --features bench) || die "the release build failed"
fi
[[ -x $BIN ]] || die "no release binary at $BIN"

# The web app as users get it: built with its precompressed copies (web/build/precompress.ts).
if [[ ${BENCH_SKIP_BUILD:-} = 1 ]]; then
    say "BENCH_SKIP_BUILD=1: using web/dist as it is"
else
    need npm "install Node 20+ and npm"
    if [[ ! -d $ROOT/web/node_modules ]]; then
        (cd "$ROOT/web" && npm ci --no-audit --no-fund) >&2 || die "npm ci in web/ failed"
    fi
    say "building the web app (npm run build)"
    (cd "$ROOT/web" && npm run build) >/dev/null || die "the web build failed (cd web && npm run build)"
fi
[[ -f $WEB_DIST/index.html ]] || die "no web app in $WEB_DIST: build it with 'make web'"

# Lighthouse, pinned with its whole dependency tree, installed outside web/ and reinstalled
# only when the lock changes.
if [[ $LIGHTHOUSE = 1 ]]; then
    need node "install Node 20+ and npm"
    [[ -x $CHROMIUM ]] || die "no Chromium at $CHROMIUM (apt-get install -y chromium, or set CHROMIUM_PATH; BENCH_LIGHTHOUSE=0 skips Lighthouse)"
    if ! cmp -s "$BENCH/lighthouse/package-lock.json" "$LH_DIR/package-lock.json" ||
        [[ ! -d $LH_DIR/node_modules/lighthouse ]]; then
        say "installing Lighthouse 12.2.3 into $LH_DIR (npm ci)"
        rm -rf "$LH_DIR"
        mkdir -p "$LH_DIR"
        cp "$BENCH/lighthouse/package.json" "$BENCH/lighthouse/package-lock.json" "$LH_DIR/"
        (cd "$LH_DIR" && npm ci --no-audit --no-fund) >&2 || {
            rm -rf "$LH_DIR"
            die "could not install Lighthouse (npm ci in $LH_DIR)"
        }
    fi
    # Beside its node_modules, so that its imports resolve there.
    cp "$BENCH/lighthouse/run.mjs" "$LH_DIR/run.mjs"
fi
"$BIN" seed-bench --help >/dev/null 2>&1 || die "$BIN has no seed-bench command"
"$BIN" bench-sessions --help >/dev/null 2>&1 || die "$BIN has no bench-sessions command"

# The cached dataset is named after everything that shapes it: the generator, the schema,
# the preset and the seed. A change to any of them seeds anew.
HASH=$(
    cd "$ROOT"
    {
        find api/src/bench migrations -type f -print0 | sort -z | xargs -0 sha256sum
        echo "preset=$PRESET seed=$SEED"
    } | sha256sum | cut -c1-12
)

DATE=$(date +%F)
TODAY=$(date -u +%Y%m%d)
GIT_COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=no
[[ -z $(git -C "$ROOT" status --porcelain -- api migrations Cargo.lock 2>/dev/null) ]] || GIT_DIRTY=yes

RUN=$(mktemp -d "${TMPDIR:-/tmp}/portico-bench.XXXXXX")
SERVER_PID=
PG_RUN_DB=
SQLITE_RUN_DB=
FAILED=()
KEEP_RUN=${BENCH_KEEP_RUN:-0}

stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

cleanup() {
    stop_server
    if [[ -n $PG_RUN_DB ]]; then
        psql "$PG_URL/postgres" -qAt -c "DROP DATABASE IF EXISTS $PG_RUN_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    [[ -z $SQLITE_RUN_DB ]] || rm -f "$SQLITE_RUN_DB" "$SQLITE_RUN_DB-wal" "$SQLITE_RUN_DB-shm"
    if [[ $KEEP_RUN = 1 ]]; then
        echo "bench: run directory kept (server log, wrk output): $RUN" >&2
    else
        rm -rf "$RUN"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- one backend --------------------------------------------------------------------------

# Variables of every portico command of a run: explicit keys, so bench-sessions' tokens work
# in the server; raised lifetimes and login limits, so neither ends or refuses mid-run.
portico_env() {
    export PORTICO_DATABASE_URL=$DB_URL
    export PORTICO_DATA_DIR=$DATA_DIR
    export PORTICO_JWT_SECRET=$BENCH_JWT_SECRET
    export PORTICO_HMAC_SECRET=$BENCH_HMAC_SECRET
    export PORTICO_VAULT_KEY=$BENCH_VAULT_KEY
    export PORTICO_LOG=warn
    export PORTICO_LOG_FORMAT=text
    export PORTICO_ACCESS_TOKEN_MINUTES=240
    export PORTICO_SESSION_IDLE_MINUTES=240
    export PORTICO_OTP_COOLDOWN_SECONDS=1
    export PORTICO_OTP_PER_EMAIL_PER_HOUR=100000
    export PORTICO_OTP_PER_IP_PER_HOUR=1000000
    export PORTICO_AUTH_FAILURES_PER_MINUTE=100000
    export PORTICO_MAIL_TRANSPORT=smtp
    export PORTICO_SMTP_URL=smtp://127.0.0.1:${SMTP_PORT:-25}
    # The built web app, copied so a rebuild during the run changes nothing; wrk measures the
    # API alone, the first-load phase reads the app.
    export PORTICO_WEB_DIR=$WORK/web
    # The working directory is the run's own: no developer .env (searched upward) applies.
    cd "$WORK"
}

# Of the anchor days (YYYYMMDD) on stdin, the newest if it is at most CACHE_DAYS old.
recent_anchor() {
    local newest
    newest=$(grep -E '^[0-9]{8}$' | sort -r | head -1 || true)
    [[ -n $newest ]] || return 0
    if (($(date -u -d "$TODAY" +%s) - $(date -u -d "$newest" +%s) <= CACHE_DAYS * 86400)); then
        echo "$newest"
    fi
}

# Seeds one dataset "as of" today, with the output kept next to the cached copy.
# $1: database URL, $2: data dir, $3: log file.
seed() {
    local started=$SECONDS
    say "seeding the $PRESET dataset (seed $SEED, as of $TODAY); once per change of api/src/bench or migrations, or after $CACHE_DAYS days"
    mkdir -p "$2"
    if ! (
        DB_URL=$1 DATA_DIR=$2
        portico_env
        exec "$BIN" seed-bench "${SEED_FLAGS[@]}" --seed "$SEED" --anchor "$(date -u -d "$TODAY" +%F)"
    ) 2>&1 | tee "$3" >&2; then
        die "seed-bench failed (log: $3)"
    fi
    say "seeded in $((SECONDS - started)) s"
}

psql_admin() {
    PGOPTIONS='-c client_min_messages=warning' psql "$PG_URL/postgres" -v ON_ERROR_STOP=1 -qAt -c "$1"
}

prepare_postgres() {
    psql_admin "SELECT 1" >/dev/null || die "PostgreSQL does not answer at $PG_URL (set BENCH_PG_URL)"
    local prefix=portico_bench_tpl_${PRESET}_$HASH anchor tpl
    anchor=$(psql_admin "SELECT substring(datname from '_([0-9]{8})\$') FROM pg_database WHERE datname LIKE '${prefix//_/\\_}\\_%'" | recent_anchor)
    tpl=${prefix}_${anchor:-$TODAY}
    SEED_LOG=$CACHE/$tpl.seed.log
    SEED_DATA=$CACHE/$tpl.data
    fact dataset_anchor "$(date -u -d "${anchor:-$TODAY}" +%F)"
    if [[ -n $anchor ]]; then
        say "PostgreSQL: dataset cached in database $tpl"
        fact seed_cached yes
    else
        # Seeded under another name and renamed when complete, so an interrupted seeding is
        # never taken for a cached dataset.
        local loading=${tpl}_loading
        psql_admin "DROP DATABASE IF EXISTS $loading WITH (FORCE)"
        psql_admin "CREATE DATABASE $loading"
        rm -rf "$SEED_DATA"
        seed "$PG_URL/$loading" "$SEED_DATA" "$SEED_LOG"
        psql_admin "ALTER DATABASE $loading RENAME TO $tpl"
        fact seed_cached no
        local stale
        for stale in $(psql_admin "SELECT datname FROM pg_database WHERE datname LIKE 'portico\_bench\_tpl\_${PRESET}\_%' AND datname <> '$tpl'"); do
            say "dropping the stale cached dataset $stale"
            psql_admin "DROP DATABASE IF EXISTS $stale WITH (FORCE)"
            rm -rf "$CACHE/$stale.seed.log" "$CACHE/$stale.data"
        done
    fi
    PG_RUN_DB=$PG_DB
    psql_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
    psql_admin "CREATE DATABASE $PG_DB TEMPLATE $tpl"
    DB_URL=$PG_URL/$PG_DB${PG_PARAMS:+?$PG_PARAMS}
    fact db_version "PostgreSQL $(psql_admin "SHOW server_version")"
    fact db_size_bytes "$(psql_admin "SELECT pg_database_size('$PG_DB')")"
    local t
    for t in $COUNTED_TABLES; do
        fact "count.$t" "$(psql "$DB_URL" -v ON_ERROR_STOP=1 -qAt -c "SELECT count(*) FROM $t")"
    done
}

prepare_sqlite() {
    local prefix=$CACHE/sqlite-$PRESET-$HASH anchor cached f
    anchor=$(
        for f in "$prefix"-*.db; do
            if [[ -f $f ]]; then basename "$f" .db | sed 's/.*-//'; fi
        done | recent_anchor
    )
    cached=$prefix-${anchor:-$TODAY}.db
    SEED_LOG=$cached.seed.log
    SEED_DATA=$cached.data
    fact dataset_anchor "$(date -u -d "${anchor:-$TODAY}" +%F)"
    if [[ -n $anchor ]]; then
        say "SQLite: dataset cached in $cached"
        fact seed_cached yes
    else
        local loading=$cached.loading
        rm -rf "$loading" "$loading-wal" "$loading-shm" "$SEED_DATA"
        seed "sqlite://$loading" "$SEED_DATA" "$SEED_LOG"
        # One self-contained file to copy: the write-ahead log folded in.
        python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()' "$loading"
        rm -f "$loading-wal" "$loading-shm"
        mv "$loading" "$cached"
        fact seed_cached no
        local stale
        for stale in "$CACHE"/sqlite-"$PRESET"-*.db; do
            [[ $stale = "$cached" || ! -f $stale ]] && continue
            say "removing the stale cached dataset $stale"
            rm -rf "$stale" "$stale.seed.log" "$stale.data"
        done
    fi
    SQLITE_RUN_DB=$CACHE/run-$$.db
    cp "$cached" "$SQLITE_RUN_DB"
    DB_URL=sqlite://$SQLITE_RUN_DB
    fact db_version "SQLite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)') (Python's; the server bundles its own)"
    fact db_size_bytes "$(stat -c %s "$cached")"
    local t
    for t in $COUNTED_TABLES; do
        fact "count.$t" "$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(f"SELECT count(*) FROM {sys.argv[2]}").fetchone()[0])' "$SQLITE_RUN_DB" "$t")"
    done
}

COUNTED_TABLES="tenants staff clients appointments projects tasks deliverables threads messages quotes contracts invoices invoice_lines"

fact() { printf '%s\t%s\n' "$1" "$2" >>"$FACTS"; }

# False, with the end of the server's log shown and the error recorded, once it has died.
server_alive() {
    kill -0 "$SERVER_PID" 2>/dev/null && return 0
    if [[ $SERVER_DEATH_SEEN = 0 ]]; then
        SERVER_DEATH_SEEN=1
        echo "bench: THE SERVER DIED during the run; the end of its log:" >&2
        tail -30 "$WORK/server.log" >&2
        local status=0
        wait "$SERVER_PID" 2>/dev/null || status=$?
        fact errors "the server died during the run (exit status $status); the rest was not measured"
        KEEP_RUN=1
    fi
    return 1
}

# kB of a /proc/<pid>/status field (VmRSS, VmHWM).
proc_kib() {
    awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVER_PID/status"
}

start_server() {
    PORT=$(free_port)
    SMTP_PORT=$(free_port)
    BASE=http://127.0.0.1:$PORT
    local t0 t1 code
    t0=$(date +%s%N)
    (
        portico_env
        export PORTICO_LISTEN=127.0.0.1:$PORT
        export PORTICO_PUBLIC_URL=$BASE
        exec "$BIN" serve
    ) >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/readyz" || true)
        [[ $code = 200 ]] && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -20 "$WORK/server.log" >&2
            SERVER_PID=
            die "the server exited before it was ready (log above)"
        fi
        if (($(date +%s%N) - t0 > 120000000000)); then
            tail -20 "$WORK/server.log" >&2
            die "the server was not ready within 120 s"
        fi
        sleep 0.005
    done
    t1=$(date +%s%N)
    fact cold_start_ms $(((t1 - t0) / 1000000))
    say "ready in $(((t1 - t0) / 1000000)) ms on $BASE (pid $SERVER_PID)"
}

run_endpoint() {
    local name=$1 out=$WORK/wrk
    if ! python3 "$BENCH/endpoints.py" check "$BASE" "$WORK/requests" "$name" 2>"$out/$name.check.log"; then
        cat "$out/$name.check.log" >&2
        cp "$out/$name.check.log" "$out/$name.precheck-failed"
        return 0
    fi
    if ((WARMUP_S > 0)); then
        BENCH_WRK_REQUESTS=$WORK/requests/$name.txt BENCH_WRK_OUT=$out/$name.warmup.json \
            wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$BENCH/wrk/rotate.lua" "$BASE" \
            >"$out/$name.warmup.txt" 2>&1 || true
    fi
    if ! BENCH_WRK_REQUESTS=$WORK/requests/$name.txt BENCH_WRK_OUT=$out/$name.json \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$BENCH/wrk/rotate.lua" "$BASE" \
        >"$out/$name.txt" 2>&1; then
        cat "$out/$name.txt" >&2
        rm -f "$out/$name.json"
        return 0
    fi
    python3 - "$name" "$out/$name.json" <<'EOF' >&2
import json, sys
r = json.load(open(sys.argv[2]))
bad = r["non_2xx"] + sum(r["socket_errors"].values())
flag = f"   <-- {bad} ERRORS" if bad else ""
print(f"    {sys.argv[1]:<26} {r['requests_per_s']:>9.0f} req/s  p50 {r['latency_ms']['p50']:7.2f} ms  p99 {r['latency_ms']['p99']:7.2f} ms{flag}")
EOF
}

# The portal's first load, for the first minted client (in the largest tenant): bytes on the
# wire with and without compression, then Lighthouse on its login page and its dashboard.
web_first_load() {
    local slug
    slug=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["clients"][0]["tenant_slug"])' "$WORK/sessions.json")
    python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["clients"][0]))' "$WORK/sessions.json" \
        >"$WORK/client.json"
    say "$backend: the portal's first load (/portal/$slug/login), bytes on the wire"
    python3 "$BENCH/firstload.py" "$BASE" "/portal/$slug/login" "$WORK/firstload.json" || true
    if [[ $LIGHTHOUSE = 1 ]]; then
        say "$backend: Lighthouse $(node -p 'require(process.argv[1]).version' "$LH_DIR/node_modules/lighthouse/package.json"), mobile, on the portal's login page and dashboard"
        (cd "$LH_DIR" && node run.mjs --base "$BASE" --slug "$slug" --session "$WORK/client.json" \
            --out "$WORK" --chrome "$CHROMIUM") || true
    else
        fact lighthouse skipped
    fi
}

run_backend() {
    local backend=$1
    WORK=$RUN/$backend
    FACTS=$WORK/facts.tsv
    DATA_DIR=$WORK/data
    mkdir -p "$WORK/wrk" "$WORK/requests" "$DATA_DIR" "$WORK/web"
    cp -a "$WEB_DIST/." "$WORK/web/"
    : >"$FACTS"
    say "$backend: preparing the $PRESET dataset"
    fact date "$DATE"
    fact started_at "$(date -u +%FT%TZ)"
    fact backend "$backend"
    fact preset "$PRESET"
    fact git_commit "$GIT_COMMIT"
    fact git_dirty "$GIT_DIRTY"
    fact wrk_version "$WRK_VERSION"
    fact wrk_threads "$THREADS"
    fact wrk_connections "$CONNECTIONS"
    fact wrk_duration "$DURATION"
    fact wrk_warmup "$WARMUP"
    fact login_workers "$LOGIN_WORKERS"
    fact env.PORTICO_WORKERS "${PORTICO_WORKERS:-$(nproc) (default: CPUs)}"
    fact env.PORTICO_DB_POOL_SIZE "${PORTICO_DB_POOL_SIZE:-8 (default)}"

    "prepare_$backend"
    cp "$SEED_LOG" "$WORK/seed.log" 2>/dev/null || true
    # Files the seeder stored (if any) belong to the dataset.
    if [[ -d $SEED_DATA ]]; then
        cp -a "$SEED_DATA/." "$DATA_DIR/"
    fi

    SERVER_DEATH_SEEN=0
    start_server
    sleep 1
    fact rss_idle_kib "$(proc_kib VmRSS)"

    say "$backend: minting $SESSION_CLIENTS client and $SESSION_STAFF staff sessions"
    if ! (
        portico_env
        exec "$BIN" bench-sessions --clients "$SESSION_CLIENTS" --staff "$SESSION_STAFF"
    ) >"$WORK/sessions.json" 2>"$WORK/sessions.log"; then
        cat "$WORK/sessions.log" >&2
        die "bench-sessions failed"
    fi
    python3 "$BENCH/endpoints.py" write "$WORK/sessions.json" "$WORK/requests" ||
        die "bench-sessions printed no usable sessions ($WORK/sessions.json)"
    fact sessions_clients "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["clients"]))' "$WORK/sessions.json")"
    fact sessions_staff "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["staff"]))' "$WORK/sessions.json")"

    say "$backend: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per endpoint (after $WARMUP warm-up)"
    local name
    while read -r name <&3; do
        server_alive || break
        run_endpoint "$name"
    done 3<"$WORK/requests/order.txt"

    server_alive && say "$backend: login pairs, $LOGIN_WORKERS workers for $DURATION (after $WARMUP warm-up)"
    if server_alive && python3 "$BENCH/login.py" --base "$BASE" --smtp-port "$SMTP_PORT" --sessions "$WORK/sessions.json" \
        --workers "$LOGIN_WORKERS" --duration "$DURATION_S" --warmup "$WARMUP_S" --cooldown 1.02 \
        ${BENCH_SMTP_QUICKACK:+--quickack} --out "$WORK/login.json"; then
        python3 - "$WORK/login.json" <<'EOF' >&2
import json, sys
r = json.load(open(sys.argv[1]))
flag = f"   <-- {r['errors']} ERRORS" if r["errors"] else ""
print(f"    {'login pairs':<26} {r['pairs_per_s']:>9.1f} /s     p50 {r['latency_ms']['p50']} ms  p99 {r['latency_ms']['p99']} ms{flag}")
EOF
    else
        rm -f "$WORK/login.json"
    fi

    if server_alive; then
        fact rss_peak_kib "$(proc_kib VmHWM)"
    fi
    server_alive && web_first_load
    stop_server
    if grep -qE ' (ERROR|WARN) ' "$WORK/server.log"; then
        say "$backend: the server logged warnings or errors (first lines):"
        grep -E ' (ERROR|WARN) ' "$WORK/server.log" | head -5 >&2
    fi

    if ! python3 "$BENCH/report.py" "$WORK" "$RESULTS"; then
        FAILED+=("$backend")
        KEEP_RUN=1
    fi
    if [[ $backend = postgres ]]; then
        psql_admin "DROP DATABASE IF EXISTS $PG_RUN_DB WITH (FORCE)" || true
        PG_RUN_DB=
    else
        rm -f "$SQLITE_RUN_DB" "$SQLITE_RUN_DB-wal" "$SQLITE_RUN_DB-shm"
        SQLITE_RUN_DB=
    fi
}

for backend in $BACKENDS; do
    run_backend "$backend"
done

if ((${#FAILED[@]})); then
    die "errors in the run on: ${FAILED[*]} (see the results files)"
fi
say "done: results in $RESULTS"
