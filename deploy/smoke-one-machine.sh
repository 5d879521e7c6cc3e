#!/bin/sh
# Manual smoke of deploy/: Debian's PostgreSQL (a private cluster), Fuseki with deploy/fuseki-config.ttl, two replicas
# started by the launcher with deploy/loftesgrafen.yaml and the env files, HAProxy with deploy/haproxy.cfg; ports moved.
set -eu
R=/work/issue15; S=/tmp/i15-smoke
PG=25432; FU=23030; A=28081; B=28082; LB=28080
id postgres >/dev/null
rm -rf $S/pg $S/fuseki-db $S/warc $S/replica-*; mkdir -p $S/pg $S/fuseki-db $S/warc; chown postgres $S/pg
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $S/pg -A trust >/dev/null"
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $S/pg -o '-p $PG -k /tmp -c listen_addresses=127.0.0.1' -l $S/pg/pg.log start >/dev/null"
psql -h 127.0.0.1 -p $PG -U postgres -c "CREATE USER loftesgrafen PASSWORD 'smoke'" -c "CREATE DATABASE loftesgrafen OWNER loftesgrafen" >/dev/null
sed "s|/var/lib/fuseki/loftesgrafen|$S/fuseki-db|" $R/deploy/fuseki-config.ttl > $S/etc/fuseki-config.ttl
/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx512m -jar $R/target/fuseki/fuseki-server.jar --config=$S/etc/fuseki-config.ttl --port=$FU > $S/fuseki.log 2>&1 &
echo $! > $S/fuseki.pid
sed "s|127.0.0.1:3030|127.0.0.1:$FU|; s|/etc/loftesgrafen/sources.yaml|$R/harvest-config/sample/sources.yaml|; s|/srv/loftesgrafen/warc|$S/warc|; s|127.0.0.1:5432|127.0.0.1:$PG|" $R/deploy/loftesgrafen.yaml > $S/etc/loftesgrafen.yaml
for r in a b; do
  port=$A; [ $r = b ] && port=$B
  sed "s|=8081|=$port|; s|=8082|=$port|; s|/var/lib/loftesgrafen|$S|; s|change-me$|smoke|; s|change-me-to-a-long-random-token|smoke-admin-token-0123456789|" $R/deploy/replica-$r.env > $S/etc/replica-$r.env
done
sed "s|:8080|:$LB|; s|:8081|:$A|; s|:8082|:$B|; s|log stdout format raw local0||" $R/deploy/haproxy.cfg > $S/etc/haproxy.cfg
until curl -sf localhost:$FU/\$/ping >/dev/null; do sleep 1; done
for r in a b; do
  (set -a; . $S/etc/replica-$r.env; set +a; exec $R/loftesgrafen serve --config $S/etc) > $S/replica-$r.log 2>&1 &
  echo $! > $S/replica-$r.pid
done
haproxy -f $S/etc/haproxy.cfg -D -p $S/haproxy.pid
echo "started"
