#!/bin/sh
# Manual smoke of deploy/: Debian's PostgreSQL (a private cluster), Fuseki with deploy/fuseki-config.ttl, two replicas
# started by the launcher with deploy/loftesgrafen.yaml and the env files, HAProxy with deploy/haproxy.cfg; ports moved.
# Works from any checkout (run it as root, from anywhere: it finds the checkout it belongs to), everything in a fresh
# temporary folder; checks that the balancer answers, then stops all it started and removes the folder
# (KEEP=1 leaves them running and says where). Needs: the postgres user and Debian's PostgreSQL, haproxy, curl, a
# JDK 21+ as $JAVA or java (for Fuseki), and a build (mvn -DskipTests package) for target/fuseki/fuseki-server.jar.
set -eu
R=$(cd "$(dirname "$0")/.." && pwd)
S=$(mktemp -d "${TMPDIR:-/tmp}/loftesgrafen-smoke.XXXXXX")
PG=25432; FU=23030; A=28081; B=28082; LB=28080
JAVA=${JAVA:-java}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

stop_all() {
  status=$?
  if [ "${KEEP:-0}" = 1 ]; then
    echo "left running; logs and pid files in $S"
    exit $status
  fi
  [ -f "$S/haproxy.pid" ] && kill "$(cat "$S/haproxy.pid")" 2>/dev/null || true
  for p in replica-a replica-b fuseki; do
    [ -f "$S/$p.pid" ] && kill "$(cat "$S/$p.pid")" 2>/dev/null || true
  done
  [ -d "$S/pg" ] && su postgres -c "$PGBIN/pg_ctl -D $S/pg stop -m fast" >/dev/null 2>&1 || true
  sleep 2
  rm -rf "$S"
  exit $status
}
trap stop_all EXIT INT TERM

[ -n "$PGBIN" ] || { echo "no PostgreSQL under /usr/lib/postgresql (set PGBIN)" >&2; exit 1; }
[ -f "$R/target/fuseki/fuseki-server.jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
id postgres >/dev/null
mkdir -p "$S/pg" "$S/fuseki-db" "$S/warc" "$S/etc"; chown postgres "$S/pg"
su postgres -c "$PGBIN/initdb -D $S/pg -A trust >/dev/null"
su postgres -c "$PGBIN/pg_ctl -D $S/pg -o '-p $PG -k /tmp -c listen_addresses=127.0.0.1' -l $S/pg/pg.log start >/dev/null"
psql -h 127.0.0.1 -p $PG -U postgres -c "CREATE USER loftesgrafen PASSWORD 'smoke'" -c "CREATE DATABASE loftesgrafen OWNER loftesgrafen" >/dev/null
sed "s|/var/lib/fuseki/loftesgrafen|$S/fuseki-db|" "$R/deploy/fuseki-config.ttl" > "$S/etc/fuseki-config.ttl"
"$JAVA" -Xmx512m -jar "$R/target/fuseki/fuseki-server.jar" --config="$S/etc/fuseki-config.ttl" --port=$FU > "$S/fuseki.log" 2>&1 &
echo $! > "$S/fuseki.pid"
sed "s|127.0.0.1:3030|127.0.0.1:$FU|; s|/etc/loftesgrafen/sources.yaml|$R/harvest-config/sample/sources.yaml|; s|/srv/loftesgrafen/warc|$S/warc|; s|127.0.0.1:5432|127.0.0.1:$PG|" "$R/deploy/loftesgrafen.yaml" > "$S/etc/loftesgrafen.yaml"
for r in a b; do
  port=$A; [ $r = b ] && port=$B
  sed "s|=8081|=$port|; s|=8082|=$port|; s|/var/lib/loftesgrafen|$S|; s|change-me$|smoke|; s|change-me-to-a-long-random-token|smoke-admin-token-0123456789|" "$R/deploy/replica-$r.env" > "$S/etc/replica-$r.env"
done
sed "s|:8080|:$LB|; s|:8081|:$A|; s|:8082|:$B|; s|log stdout format raw local0||" "$R/deploy/haproxy.cfg" > "$S/etc/haproxy.cfg"
tries=0; until curl -sf "localhost:$FU/\$/ping" >/dev/null; do tries=$((tries + 1)); [ $tries -lt 120 ] || exit 1; sleep 1; done
for r in a b; do
  (set -a; . "$S/etc/replica-$r.env"; set +a; exec "$R/loftesgrafen" serve --config "$S/etc") > "$S/replica-$r.log" 2>&1 &
  echo $! > "$S/replica-$r.pid"
done
haproxy -f "$S/etc/haproxy.cfg" -D -p "$S/haproxy.pid"
tries=0; until curl -sf "localhost:$LB/ready" >/dev/null; do tries=$((tries + 1)); [ $tries -lt 180 ] || { echo "the balancer never answered /ready; logs in $S" >&2; KEEP=1; exit 1; }; sleep 1; done
curl -sf "localhost:$LB/harvest/status" >/dev/null
echo "smoke: PostgreSQL, Fuseki, two replicas and HAProxy answered on localhost:$LB"
