#!/usr/bin/env bash
# The load test as docs/BENCHMARKS.md reports it, on a production-like server it builds and removes itself:
# a throwaway PostgreSQL database (migrate + load_demo + collectstatic), gunicorn with 2 sync workers at DEBUG=0,
# one RQ worker on a queue of its own (report and document PDFs render there), then
# `python -m bench.beban` with the given users and seconds. Usage (from the repository root):
#   bench/beban.sh [USERS=50] [SECONDS=60] [--md docs/BENCHMARKS.md]
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) and Redis at 127.0.0.1:6379.
set -euo pipefail
cd "$(dirname "$0")/.."
PENGGUNA=${1:-50}
DETIK=${2:-60}
shift $(( $# > 2 ? 2 : $# )) || true
PY=.venv/bin/python
DB=rkk_beban_$$
PORT=${BEBAN_PORT:-8765}
TMP=$(mktemp -d /tmp/rkk-beban.XXXXXX)
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB
export DEBUG=0 SECRET_KEY=beban-$$-$RANDOM$RANDOM$RANDOM$RANDOM ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0
export REDIS_URL=redis://127.0.0.1:6379/0 ANTREAN_NAMA=beban-$$
export STATIC_ROOT=$TMP/static MEDIA_ROOT=$TMP/media PRIVATE_MEDIA_ROOT=$TMP/privat LOG_LEVEL=WARNING
export AXES_FAILURE_LIMIT=1000
PIDS=()
bersih() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" postgres >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap bersih EXIT
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" postgres
$PY manage.py migrate --no-input -v 0
$PY manage.py load_demo --force > /dev/null  # demo users (password demo) on a throwaway database
$PY manage.py collectstatic --no-input -v 0
.venv/bin/gunicorn config.wsgi --workers 2 --timeout 120 --bind 127.0.0.1:$PORT --log-level warning &
PIDS+=($!)
$PY manage.py rqworker "$ANTREAN_NAMA" > "$TMP/rqworker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/akun/masuk/" 2>/dev/null && break; sleep 1; done
CATATAN="gunicorn config.wsgi --workers 2 --timeout 120 (sync), 1 pekerja RQ (antrean.pekerja.Pekerja), DEBUG=0 \
(SECURE_SSL_REDIRECT=0 dan cookie tanpa Secure: HTTP polos lewat loopback), PostgreSQL $(psql -tA -h 127.0.0.1 -U postgres -c 'SHOW server_version' postgres | cut -d' ' -f1) \
buangan (migrate + load_demo + collectstatic, lalu dihapus), Redis 127.0.0.1:6379"
$PY -m bench.beban --url "http://127.0.0.1:$PORT" --pengguna "$PENGGUNA" --detik "$DETIK" --catatan "$CATATAN" "$@"
