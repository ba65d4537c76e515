#!/usr/bin/env bash
# Production smoke test: the README's "An ordinary Node server with the SQLite file", step by step,
# on loopback. With NODE_ENV=production it builds (npm run build), migrates a fresh database file
# (npm run db:deploy), creates the first admin with the README's command line (the welcome email goes
# to a local SMTP server, scripts/smoke-smtp.ts), starts `npm start`, and then over HTTP
# (scripts/smoke-production.ts) checks /api/health, sets the admin's password through the welcome
# link, logs in and opens /admin. Last, it checks that a start without AUTH_SECRET fails and names it.
#
#   bash scripts/smoke-production.sh                                # builds into .next (CI)
#   NEXT_DIST_DIR=.next-smoke bash scripts/smoke-production.sh      # a side build, leaving .next alone
#
# Ports SMOKE_PORT_BASE (default 4500) for the portal, +1 for SMTP, +2 for the failing start.
# Prints "smoke: … ok" per check; on a failure, the output of what failed, and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

port_base=${SMOKE_PORT_BASE:-4500}
portal_port=$port_base
smtp_port=$((port_base + 1))
broken_port=$((port_base + 2))
dist_dir=${NEXT_DIST_DIR:-.next}
admin_email=you@example.com
started_at=$SECONDS

work=$(mktemp -d "${TMPDIR:-/tmp}/caliper-smoke.XXXXXX")
side_tsconfig=""
pids=()          # process groups this script started, stopped on exit
failed_log=""    # the output to show when a step fails

ok() { echo "smoke: $* ok"; }

fail() {
  echo "smoke: FAILED: $*" >&2
  exit 1
}

show_log() {
  [[ -s $1 ]] || return 0
  echo "---- ${2:-$1} (last 80 lines) ----" >&2
  tail -n 80 "$1" >&2
  echo "----" >&2
}

# Starts a command in a process group of its own (so stopping it stops npm's children too).
start_bg() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 &
  bg_pid=$!
  pids+=("$bg_pid")
}

stop_bg() {
  local pid=$1 tries=0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  while kill -0 -- "-$pid" 2>/dev/null && ((tries++ < 50)); do sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  if ((status != 0)); then
    [[ -n $failed_log ]] && show_log "$failed_log" "output"
    show_log "$work/server.log" "npm start"
    show_log "$work/smtp.log" "SMTP server"
  fi
  for pid in "${pids[@]}"; do stop_bg "$pid"; done
  rm -rf "$work"
  [[ -n $side_tsconfig ]] && rm -f "$side_tsconfig"
  if ((status == 0)); then
    echo "smoke: all checks passed in $((SECONDS - started_at)) s"
  else
    echo "smoke: failed after $((SECONDS - started_at)) s" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a step quietly into a log of its own; on failure that log is shown.
run_step() {
  failed_log=$1
  shift
  "$@" >"$failed_log" 2>&1
}

# The production environment of the README, on loopback.
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 NEXT_DIST_DIR="$dist_dir"
export AUTH_SECRET
AUTH_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')
export AUTH_URL=http://localhost:$portal_port
export EMAIL_SERVER=smtp://127.0.0.1:$smtp_port
export DATABASE_URL=file:$work/portal.db
unset PORT

for port in "$portal_port" "$smtp_port" "$broken_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use; set SMOKE_PORT_BASE to move the smoke test's ports"
  fi
done

# 1. Build. A side build gets a tsconfig of its own, or next build would add its folder to ours.
if [[ $dist_dir != .next ]]; then
  mkdir -p test-results
  side_tsconfig=test-results/smoke-tsconfig.json
  cat >"$side_tsconfig" <<'JSON'
{
  "extends": "../tsconfig.json",
  "exclude": ["../node_modules", "../lib/generated", "../bench/tmp", "../test-results", "../.next*"]
}
JSON
  export NEXT_TSCONFIG_PATH=$side_tsconfig
fi
build_started=$SECONDS
run_step "$work/build.log" npm run build
[[ -f $dist_dir/BUILD_ID ]] || fail "npm run build left no $dist_dir/BUILD_ID"
ok "npm run build into $dist_dir ($((SECONDS - build_started)) s)"

# 2. Migrations, onto a database file that does not exist yet.
[[ ! -e $work/portal.db ]] || fail "the build created $work/portal.db: it should not touch the database"
run_step "$work/db-deploy.log" npm run db:deploy
[[ -s $work/portal.db ]] || fail "npm run db:deploy created no database at $work/portal.db"
ok "npm run db:deploy on a fresh $DATABASE_URL"

# 3. The first admin, exactly as the README says; its welcome email goes to our SMTP server.
start_bg "$work/smtp.log" env SMOKE_SMTP_PORT="$smtp_port" SMOKE_MAIL_DIR="$work/mail" npx tsx scripts/smoke-smtp.ts
for _ in $(seq 1 100); do
  grep -q "listening" "$work/smtp.log" 2>/dev/null && break
  kill -0 "$bg_pid" 2>/dev/null || fail "the SMTP server did not start"
  sleep 0.2
done
grep -q "listening" "$work/smtp.log" || fail "the SMTP server did not start within 20 s"
ok "SMTP server on 127.0.0.1:$smtp_port"

run_step "$work/admin.log" npm run admin -- invite "$admin_email" --name "Your Name" --admin
grep -q "welcome email" "$work/admin.log" || fail "npm run admin -- invite did not report a welcome email"
ok "npm run admin -- invite $admin_email --name \"Your Name\" --admin"

# 4. npm start, then the HTTP checks: health, the welcome link, log-in, /admin.
start_bg "$work/server.log" env PORT="$portal_port" npm start -- --hostname 127.0.0.1
server_pid=$bg_pid
failed_log=""
SMOKE_BASE_URL=$AUTH_URL SMOKE_SERVER_PID=$server_pid SMOKE_MAIL_DIR=$work/mail SMOKE_ADMIN_EMAIL=$admin_email \
  npx tsx scripts/smoke-production.ts

# 5. Without AUTH_SECRET the server must refuse to start, naming it. A .env file fills in unset
#    variables, so if one sets AUTH_SECRET (npm run dev writes .env.local) a blank value stands in.
if grep -qs '^ *AUTH_SECRET *=' .env .env.local .env.production .env.production.local; then
  without_secret=(env AUTH_SECRET=)
else
  without_secret=(env -u AUTH_SECRET)
fi
failed_log=$work/no-secret.log
start_bg "$failed_log" "${without_secret[@]}" PORT="$broken_port" npm start -- --hostname 127.0.0.1
for _ in $(seq 1 150); do
  kill -0 "$bg_pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$bg_pid" 2>/dev/null; then
  fail "npm start without AUTH_SECRET was still running after 30 s"
fi
if wait "$bg_pid"; then no_secret_status=0; else no_secret_status=$?; fi
((no_secret_status != 0)) || fail "npm start without AUTH_SECRET exited with 0"
grep -q "The portal cannot start. Invalid configuration:" "$failed_log" || fail "npm start without AUTH_SECRET did not say why"
grep -q "AUTH_SECRET is required in production" "$failed_log" || fail "npm start without AUTH_SECRET did not name AUTH_SECRET"
ok "npm start without AUTH_SECRET exits with $no_secret_status, naming AUTH_SECRET"
failed_log=""
