#!/usr/bin/env bash
# The local stack of TestTrack Pro: PostgreSQL, Redis, a single-node KRaft Kafka broker and
# every service, all as plain processes (no Docker). Run as root on Debian; installs what is
# missing. Idempotent: running `up` twice changes nothing. State lives in .stack/ (git-ignored).
#
#   scripts/stack.sh up       infrastructure + build (services and web UI) + every service, waits until all are ready
#   scripts/stack.sh infra    PostgreSQL, Redis, Kafka, databases, roles, schemas and topics only
#   scripts/stack.sh down     stops everything this script started, by PID
#   scripts/stack.sh status   what runs, and the readiness of each service
#   scripts/stack.sh env      the services' environment (keys, secrets), to start one by hand
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${TESTTRACK_STATE_DIR:-$ROOT/.stack}
LOGS=$STATE/logs
PIDS=$STATE/pids
PG_PORT=5432
REDIS_PORT=6379
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
PG_SOCKET_DIR=$STATE/run/postgresql
# module:port, started in this order; the gateway last, as its readiness waits for the others.
# A new service is registered here and in the other places docs/adding-a-service.md lists.
SERVICES="auth-service:8081 testcase-service:8082 execution-service:8083 defect-service:8084 analytics-service:8085 notification-service:8086 gateway:8080"
# Services that own a schema: name → schema (role tt_<schema>)
SCHEMAS="auth testcase execution defect analytics notification"
# Schemas that exist only in the test database (library modules with their own tests)
TEST_ONLY_SCHEMAS="platform bench"
DATABASES="testtrack testtrack_test"
# topic:partitions — the topics of docs/architecture.md, plus bench/outbox.sh's (a new service's topic:
# here and in the tests' copies below, docs/adding-a-service.md)
TOPICS="testtrack.access.v1:6 testtrack.testcase.v1:6 testtrack.execution.v1:6 testtrack.defect.v1:6 testtrack.audit.v1:3 testtrack.bench.v1:6"
# The tests' own copies (testtrack.kafka.topic-prefix=test. in the test profile: BrokerTopics), plus
# the one the platform's own tests publish to
TOPICS="$TOPICS test.testtrack.access.v1:6 test.testtrack.testcase.v1:6 test.testtrack.execution.v1:6 test.testtrack.defect.v1:6 test.testtrack.audit.v1:3 test.testtrack.platform-test.v1:3"

export TESTTRACK_ADMIN_EMAIL=${TESTTRACK_ADMIN_EMAIL:-admin@testtrack.local}
export TESTTRACK_ADMIN_PASSWORD=${TESTTRACK_ADMIN_PASSWORD:-change-me-now-please}
# PostgreSQL shares this machine's cores with every service: more search connections than cores
# only make searches queue inside PostgreSQL, where a long one holds the others up (p99 of a
# search page 32-38 ms with 2 connections on 2 cores, 38-53 ms with 6: docs/benchmarks.md).
# The service's own default (6) is for a database server of its own.
export TESTTRACK_TESTCASE_SEARCH_POOL=${TESTTRACK_TESTCASE_SEARCH_POOL:-$(nproc)}
# The gateway serves the web UI's production build (services start inside target/quarkus-app).
export TESTTRACK_WEB_UI_DIR=${TESTTRACK_WEB_UI_DIR:-$ROOT/web-ui/dist}
# Webhooks on this machine (a receiver on localhost) are allowed in the local stack only.
export TESTTRACK_WEBHOOKS_ALLOW_LOOPBACK=${TESTTRACK_WEBHOOKS_ALLOW_LOOPBACK:-true}

log() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for <what> <seconds> <command...>
  local what=$1 secs=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what did not come up within ${secs}s (see $LOGS)"
    sleep 0.5
  done
}

pid_alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

apt_install() { # apt_install <package...>, once per run
  if [ -z "${APT_UPDATED:-}" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  command -v java >/dev/null || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null || apt_install maven
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    apt_install postgresql postgresql-client
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PGBIN=$pgbin
  command -v psql >/dev/null || apt_install postgresql-client
  command -v redis-server >/dev/null || apt_install redis-server
  command -v openssl >/dev/null || apt_install openssl
  command -v curl >/dev/null || apt_install curl
}

# --- PostgreSQL ----------------------------------------------------------------------------
psql_admin() { # runs SQL as the superuser over the local socket
  PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$PG_ADMIN_SOCKET" -p $PG_PORT "$@"
}

start_postgres() {
  mkdir -p "$STATE/run"
  if pid_alive postgres; then
    PG_ADMIN_SOCKET=$(cat "$STATE/run/postgres.socketdir")
  elif port_open $PG_PORT; then
    # A PostgreSQL this checkout did not start already serves the standard port: the Debian
    # cluster (socket in /var/run/postgresql) or another checkout's (socket found from its pid).
    PG_ADMIN_SOCKET=/var/run/postgresql
    local other
    other=$(ps -o args= -C postgres 2>/dev/null | sed -n 's/.*-D \([^ ]*\).*/\1/p' | head -n 1)
    if [ ! -S /var/run/postgresql/.s.PGSQL.$PG_PORT ] && [ -n "$other" ] && [ -f "$other/postmaster.pid" ]; then
      PG_ADMIN_SOCKET=$(sed -n '5p' "$other/postmaster.pid")
    fi
    log "PostgreSQL already listens on $PG_PORT; using it (socket $PG_ADMIN_SOCKET)"
  else
    local data=$STATE/postgres pglog=$LOGS/postgres.log
    if ! runuser -u postgres -- test -x "$STATE"; then
      # The checkout sits where the postgres user cannot reach (under /root, say).
      data=/var/lib/testtrack/postgres pglog=/var/lib/testtrack/postgres.log
      PG_SOCKET_DIR=/var/lib/testtrack/run
      mkdir -p /var/lib/testtrack && chown postgres:postgres /var/lib/testtrack
      log "the postgres user cannot reach $STATE; its cluster lives in /var/lib/testtrack"
    fi
    echo "$data" >"$STATE/run/postgres.datadir"
    mkdir -p "$PG_SOCKET_DIR"
    chown postgres:postgres "$PG_SOCKET_DIR"
    if [ ! -s "$data/PG_VERSION" ]; then
      log "initialising PostgreSQL cluster in $data"
      mkdir -p "$data" && chown postgres:postgres "$data" && chmod 700 "$data"
      runuser -u postgres -- "$PGBIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >"$LOGS/postgres-initdb.log"
      cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
EOF
    fi
    touch "$pglog" && chown postgres:postgres "$pglog"
    log "starting PostgreSQL on $PG_PORT"
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -l "$pglog" -w -t 60 start >/dev/null
    head -n 1 "$data/postmaster.pid" >"$PIDS/postgres.pid"
    echo "$PG_SOCKET_DIR" >"$STATE/run/postgres.socketdir"
    PG_ADMIN_SOCKET=$PG_SOCKET_DIR
  fi
  wait_for PostgreSQL 60 runuser -u postgres -- "$PGBIN/pg_isready" -q -h "$PG_ADMIN_SOCKET" -p $PG_PORT
}

role_password() { # local-stack default; deployments set TESTTRACK_DB_PASSWORD_<SCHEMA>
  local var="TESTTRACK_DB_PASSWORD_${1^^}"
  printf '%s' "${!var:-tt_$1}"
}

provision_databases() {
  local db schema
  for schema in $SCHEMAS $TEST_ONLY_SCHEMAS; do
    psql_admin -d postgres <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tt_$schema') THEN
    CREATE ROLE tt_$schema LOGIN PASSWORD '$(role_password "$schema")' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$;
EOF
  done
  # Guards of the services' sessions (docs/architecture.md, "Consumers that cannot hang"): no
  # statement runs past 30 s (a CI import raises it for its own transaction) and no transaction
  # stays idle for a minute; PostgreSQL ends such a session, which rolls it back.
  for schema in $SCHEMAS; do
    psql_admin -d postgres -c "ALTER ROLE tt_$schema SET statement_timeout = '30s'" \
      -c "ALTER ROLE tt_$schema SET idle_in_transaction_session_timeout = '60s'"
  done
  for db in $DATABASES; do
    if [ -z "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      log "creating database $db"
      psql_admin -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
    fi
    local schemas=$SCHEMAS
    [ "$db" = testtrack_test ] && schemas="$SCHEMAS $TEST_ONLY_SCHEMAS"
    {
      echo "REVOKE ALL ON DATABASE $db FROM PUBLIC;"
      echo "REVOKE ALL ON SCHEMA public FROM PUBLIC;"
      for schema in $schemas; do
        echo "GRANT CONNECT, TEMPORARY ON DATABASE $db TO tt_$schema;"
        echo "CREATE SCHEMA IF NOT EXISTS $schema AUTHORIZATION tt_$schema;"
        echo "REVOKE ALL ON SCHEMA $schema FROM PUBLIC;"
        echo "ALTER ROLE tt_$schema IN DATABASE $db SET search_path = $schema;"
      done
    } | psql_admin -d "$db"
  done
}

# --- Redis ---------------------------------------------------------------------------------
start_redis() {
  if pid_alive redis || port_open $REDIS_PORT; then return; fi
  mkdir -p "$STATE/redis"
  log "starting Redis on $REDIS_PORT"
  redis-server --port $REDIS_PORT --bind 127.0.0.1 --daemonize yes --dir "$STATE/redis" \
    --pidfile "$PIDS/redis.pid" --logfile "$LOGS/redis.log" --save "" --appendonly no
  wait_for Redis 30 redis-cli -p $REDIS_PORT ping
}

# --- Kafka ---------------------------------------------------------------------------------
kafka_java() { # kafka_java <main class> <args...>
  java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$STATE/kafka/log4j2.properties" \
    -cp "$STATE/kafka/libs/*" "$@"
}

install_kafka() {
  local marker=$STATE/kafka/libs/.complete
  [ -f "$marker" ] && [ "$(cat "$marker")" = "$(sha1sum "$ROOT/scripts/kafka/pom.xml" | cut -c1-40)" ] && return
  log "fetching the Apache Kafka jars from Maven Central"
  rm -rf "$STATE/kafka/libs" && mkdir -p "$STATE/kafka/libs"
  mvn -q -B -f "$ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$STATE/kafka/libs" >"$LOGS/kafka-install.log" 2>&1 \
    || die "could not fetch Kafka (see $LOGS/kafka-install.log)"
  sha1sum "$ROOT/scripts/kafka/pom.xml" | cut -c1-40 >"$marker"
}

start_kafka() {
  if pid_alive kafka || port_open $KAFKA_PORT; then return; fi
  install_kafka
  local dir=$STATE/kafka
  mkdir -p "$dir/data"
  cat >"$dir/log4j2.properties" <<EOF
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = $LOGS/kafka.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
EOF
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  if [ ! -f "$dir/data/meta.properties" ]; then
    log "formatting the KRaft log directory"
    kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$dir/server.properties" >>"$LOGS/kafka.log" 2>&1 || die "Kafka storage format failed (see $LOGS/kafka.log)"
  fi
  log "starting Kafka (KRaft, single node) on $KAFKA_PORT"
  nohup java -Xms256m -Xmx1g -XX:+UseG1GC -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$dir/libs/*" kafka.Kafka "$dir/server.properties" >>"$LOGS/kafka.out" 2>&1 &
  echo $! >"$PIDS/kafka.pid"
  wait_for Kafka 90 port_open $KAFKA_PORT
}

create_topics() {
  local existing spec topic parts
  install_kafka # the topic tool's jars, also when another checkout's broker serves the port
  existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:$KAFKA_PORT --list 2>>"$LOGS/kafka.out")
  for spec in $TOPICS; do
    topic=${spec%%:*}; parts=${spec##*:}
    if ! grep -qx "$topic" <<<"$existing"; then
      log "creating topic $topic ($parts partitions)"
      kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:$KAFKA_PORT --create \
        --if-not-exists --topic "$topic" --partitions "$parts" --replication-factor 1 \
        --config min.insync.replicas=1 >>"$LOGS/kafka.out" 2>&1
    fi
  done
}

# --- Mail: GreenMail standalone as the local SMTP server, its inboxes readable over HTTP ------
SMTP_PORT=3025
MAIL_API_PORT=8025
GREENMAIL_VERSION=2.1.3

start_greenmail() {
  if pid_alive greenmail || port_open $SMTP_PORT; then return; fi
  local jar=$STATE/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar
  if [ ! -f "$jar" ]; then
    log "fetching GreenMail standalone from Maven Central"
    mvn -q -B dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION \
      -DoutputDirectory="$STATE/greenmail" >"$LOGS/greenmail-install.log" 2>&1 \
      || die "could not fetch GreenMail (see $LOGS/greenmail-install.log)"
  fi
  log "starting GreenMail: SMTP on $SMTP_PORT, mailboxes on http://localhost:$MAIL_API_PORT"
  nohup java -Xmx128m -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$MAIL_API_PORT -jar "$jar" >"$LOGS/greenmail.log" 2>&1 &
  echo $! >"$PIDS/greenmail.pid"
  wait_for GreenMail 60 port_open $SMTP_PORT
}

# --- Secrets of the local stack: the JWT key pair and the gateway's internal secret ------------
ensure_secrets() {
  local keys=$STATE/keys
  mkdir -p "$keys" && chmod 700 "$keys"
  if [ ! -s "$keys/jwt-private.pem" ]; then
    log "generating the local JWT signing key pair"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
  fi
  [ -s "$keys/internal-secret" ] || openssl rand -hex 32 >"$keys/internal-secret"
  export TESTTRACK_JWT_PRIVATE_KEY=$keys/jwt-private.pem
  export TESTTRACK_JWT_PUBLIC_KEY=$keys/jwt-public.pem
  TESTTRACK_INTERNAL_SECRET=$(cat "$keys/internal-secret")
  export TESTTRACK_INTERNAL_SECRET
  export TESTTRACK_SMTP_PORT=$SMTP_PORT
}

# --- Services ------------------------------------------------------------------------------
build_needed() { # true when a service's build (jar and class archive) is missing, or older than any source or pom
  local spec app oldest=""
  for spec in $SERVICES; do
    app=$ROOT/${spec%%:*}/target/quarkus-app
    "$ROOT/scripts/run-service.sh" --archive-fresh "${spec%%:*}" || return 0
    if [ -z "$oldest" ] || [ "$app/quarkus-run.jar" -ot "$oldest" ]; then oldest=$app/quarkus-run.jar; fi
  done
  [ -n "$(find "$ROOT" -path "$ROOT/.stack" -prune -o -path '*/target' -prune -o -path "$ROOT/.git" -prune -o \
      -path "$ROOT/system-tests" -prune -o -path "$ROOT/bench" -prune -o -path "$ROOT/web-ui" -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$oldest" -print -quit)" ]
}

build_services() {
  if ! build_needed; then
    log "service builds are up to date"
    return
  fi
  log "building the services (mvn package; tests run separately by scripts/test.sh)"
  (cd "$ROOT" && mvn -q -B package -DskipTests >"$LOGS/build.log" 2>&1) || die "build failed (see $LOGS/build.log)"
  # One start of each service writes the classes it loads into an archive that every later start
  # maps (scripts/run-service.sh): about half a second less to ready.
  log "making each service's class archive (one start each)"
  local spec
  for spec in $SERVICES; do
    "$ROOT/scripts/run-service.sh" --train "${spec%%:*}" "${spec##*:}" || die "class archive of ${spec%%:*} failed"
  done
}

start_services() {
  local spec name port
  for spec in $SERVICES; do
    name=${spec%%:*}; port=${spec##*:}
    if pid_alive "$name"; then
      keep_or_stop "$name" "$port" && continue
    fi
    # a process that is still exiting may hold the port for a moment
    local freed=$((SECONDS + 30))
    while port_open "$port" && [ $SECONDS -lt $freed ]; do sleep 0.5; done
    port_open "$port" && die "port $port for $name is taken by a process this script did not start"
    log "starting $name on $port"
    nohup "$ROOT/scripts/run-service.sh" "$name" >"$LOGS/$name.log" 2>&1 &
    echo $! >"$PIDS/$name.pid"
  done
  for spec in $SERVICES; do
    name=${spec%%:*}; port=${spec##*:}
    wait_for "$name readiness" 120 ready "$name" "$port"
  done
}

ready() { # ready <name> <port>: the process this script started answers ready (not some other one on its port)
  pid_alive "$1" && curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1
}

# A service found running is kept once it answers ready. One that exits meanwhile (it was
# stopping), whose liveness fails (a stopped event channel: only a restart brings it back), or
# that is not ready within a minute is stopped, to be started again.
keep_or_stop() { # keep_or_stop <name> <port>; true when kept
  local name=$1 port=$2 deadline=$((SECONDS + 60)) live
  while pid_alive "$name"; do
    ready "$name" "$port" && return 0
    live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/live" || true)
    if [ "$live" = 503 ]; then
      log "$name is running but not live; restarting it"
      stop_pid "$name"
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "$name is running but not ready after 60s; restarting it"
      stop_pid "$name"
      return 1
    fi
    sleep 0.5
  done
  log "$name was stopping; starting it again"
  rm -f "$PIDS/$name.pid"
  return 1
}

# --- Web UI: built once per change of its sources or of the API documents it is typed from ---
WEB_UI=$ROOT/web-ui

web_ui_fingerprint() { # what the production build depends on
  (cd "$ROOT" && find web-ui/src web-ui/public web-ui/index.html web-ui/package-lock.json web-ui/vite.config.ts \
      web-ui/tsconfig.json web-ui/scripts -type f 2>/dev/null | grep -v '/generated/' | sort | xargs sha1sum
   cat "$ROOT"/*/target/openapi/openapi.json 2>/dev/null) | sha1sum | cut -c1-40
}

build_web_ui() {
  command -v npm >/dev/null || apt_install nodejs npm
  local lock_hash fingerprint
  lock_hash=$(sha1sum "$WEB_UI/package-lock.json" | cut -c1-40)
  if [ "$(cat "$WEB_UI/node_modules/.lock-sha1" 2>/dev/null)" != "$lock_hash" ]; then
    log "installing the web UI's packages (npm ci)"
    (cd "$WEB_UI" && npm ci --no-audit --no-fund >"$LOGS/web-ui-install.log" 2>&1) || die "npm ci failed (see $LOGS/web-ui-install.log)"
    echo "$lock_hash" >"$WEB_UI/node_modules/.lock-sha1"
  fi
  fingerprint=$(web_ui_fingerprint)
  if [ -f "$WEB_UI/dist/index.html" ] && [ "$(cat "$WEB_UI/dist/.fingerprint" 2>/dev/null)" = "$fingerprint" ]; then
    log "web UI build is up to date"
    return
  fi
  log "building the web UI (npm run build)"
  (cd "$WEB_UI" && npm run build >"$LOGS/web-ui-build.log" 2>&1) || die "web UI build failed (see $LOGS/web-ui-build.log)"
  echo "$fingerprint" >"$WEB_UI/dist/.fingerprint"
}

all_services_ready() {
  local spec
  for spec in $SERVICES; do ready "${spec%%:*}" "${spec##*:}" || return 1; done
}

stop_pid() { # stop_pid <name> — TERM, wait, then KILL
  local file=$PIDS/$1.pid pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

infra() {
  mkdir -p "$LOGS" "$PIDS"
  ensure_tools
  start_postgres
  provision_databases
  start_redis
  start_kafka
  create_topics
  log "infrastructure ready: PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, Kafka :$KAFKA_PORT"
}

status() {
  local name spec port
  for name in postgres redis kafka greenmail; do
    if pid_alive $name; then echo "$name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "$name: not started here"; fi
  done
  for spec in $SERVICES; do
    name=${spec%%:*}; port=${spec##*:}
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then echo "$name :$port ready"; else echo "$name :$port not ready"; fi
  done
}

case "${1:-up}" in
  infra) infra ;;
  up)
    started=$SECONDS
    infra
    start_greenmail
    ensure_secrets
    all_services_ready || build_services
    # The gateway serves web-ui/dist from disk: a new build shows without a restart.
    build_web_ui
    all_services_ready || start_services
    log "all services ready in $((SECONDS - started))s"
    cat <<EOF

  TestTrack Pro is up:   http://localhost:8080
  first admin:           $TESTTRACK_ADMIN_EMAIL / $TESTTRACK_ADMIN_PASSWORD
  mails sent:            http://localhost:$MAIL_API_PORT/api/user/<address>/messages/INBOX
  gateway metrics:       http://127.0.0.1:${TESTTRACK_GATEWAY_MANAGEMENT_PORT:-9080}/q/metrics (and /q/openapi)
  logs:                  $LOGS
  stop everything:       scripts/stack.sh down
EOF
    ;;
  down)
    for spec in $SERVICES; do stop_pid "${spec%%:*}"; done
    stop_pid greenmail
    stop_pid kafka
    stop_pid redis
    if pid_alive postgres; then
      log "stopping PostgreSQL"
      runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" \
        -D "$(cat "$STATE/run/postgres.datadir")" -m fast -w stop >/dev/null || stop_pid postgres
      rm -f "$PIDS/postgres.pid"
    fi
    ;;
  status) status ;;
  build)
    # The services' jars and class archives, as `up` makes them (the archives need the infrastructure).
    infra
    start_greenmail
    ensure_secrets
    build_services
    build_web_ui
    ;;
  env)
    # The environment the services run with, for starting one by hand: eval "$(scripts/stack.sh env)"
    mkdir -p "$LOGS" "$PIDS"
    ensure_secrets >/dev/null
    for var in TESTTRACK_JWT_PRIVATE_KEY TESTTRACK_JWT_PUBLIC_KEY TESTTRACK_INTERNAL_SECRET TESTTRACK_SMTP_PORT \
               TESTTRACK_ADMIN_EMAIL TESTTRACK_ADMIN_PASSWORD TESTTRACK_TESTCASE_SEARCH_POOL TESTTRACK_WEBHOOKS_ALLOW_LOOPBACK \
               TESTTRACK_WEB_UI_DIR; do
      printf 'export %s=%q\n' "$var" "${!var}"
    done
    ;;
  *) die "usage: scripts/stack.sh [up|infra|build|down|status|env]" ;;
esac
