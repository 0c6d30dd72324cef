#!/usr/bin/env bash
# Starts the action server, the Rasa server (REST + socket.io) and the intranet
# page, all on loopback; Ctrl-C stops every process it started.
# With --shell: the action server and a terminal chat instead.
# With --actions or --rasa: only that server (scripts/cluster.py starts one
# action server and several Rasa servers this way).
source "$(dirname "$0")/common.sh"

part=${1:-all}
case "$part" in
  all | --shell | --actions | --rasa) ;;
  *) fail "Okänt val '$part'. Välj --shell, --actions eller --rasa, eller inget för allt." ;;
esac

HOST=${ASF_HOST:-127.0.0.1}
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
LOGS=${ASF_LOGS:-var/logs}
# ASF_LOGS=- sends every server's output to standard output instead (containers, systemd).
log_of() { if [ "$LOGS" = - ]; then echo /dev/stdout; else echo "$LOGS/$1.log"; fi; }
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://127.0.0.1:$ACTION_PORT/webhook}
export TRACKER_DB=${TRACKER_DB:-var/tracker.db}
export TRACKER_URL=${TRACKER_URL:-sqlite:///$TRACKER_DB}
# Lock store (endpoints.yml): in memory, right for one Rasa server; Redis when
# REDIS_HOST is set, which several Rasa servers sharing one tracker store need.
export REDIS_HOST=${REDIS_HOST:-}
export REDIS_PORT=${REDIS_PORT:-6379}
export REDIS_PASSWORD=${REDIS_PASSWORD:-}
export REDIS_DB=${REDIS_DB:-1}
export LOCK_STORE_TYPE=$([ -n "$REDIS_HOST" ] && echo redis || echo in_memory)
export SANIC_HOST=$HOST  # rasa-sdk binds to this instead of 0.0.0.0
# The action server has no authentication of its own: it answers only requests that carry this
# secret (actions/gate.py), which Rasa sends (endpoints.yml). A new random one per start unless
# set; scripts/cluster.py gives the action server and every Rasa server the same one.
if [ -z "${ACTION_SERVER_TOKEN:-}" ]; then
  ACTION_SERVER_TOKEN=$(random_secret)
fi
export ACTION_SERVER_TOKEN
# Sanic refuses larger request bodies with 413 (its own default is 100 MB). The action server
# gets the whole conversation from Rasa in each call, so it keeps a larger limit.
RASA_MAX_BYTES=${ASF_MAX_REQUEST_BYTES:-1000000}
ACTION_MAX_BYTES=${ASF_ACTION_MAX_REQUEST_BYTES:-20000000}
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}  # the channels in credentials.yml live here
RASA_PUBLIC_URL=${RASA_PUBLIC_URL:-http://$HOST:$RASA_PORT}  # where browsers reach the Rasa server
# Browsers may open the web chat only from these pages (channels/socketio.py): the intranet page this
# script serves, and the pages in ASF_ALLOWED_ORIGINS (the page behind a proxy, intranets that embed it).
own_origins="http://$HOST:$WEB_PORT"
[ "$HOST" != 127.0.0.1 ] || own_origins="$own_origins http://localhost:$WEB_PORT"
export ASF_ALLOWED_ORIGINS="$own_origins ${ASF_ALLOWED_ORIGINS:-}"
if [ -z "${ASF_SESSION_SECRET:-}" ]; then
  # Signs the web chat's sessions; a new one per start ends open conversations on the page.
  ASF_SESSION_SECRET=$(random_secret)
  export ASF_SESSION_SECRET
  session_note="ASF_SESSION_SECRET är inte satt: samtal på webbsidan fortsätter inte efter en omstart."
fi
[ -n "${ASF_REST_TOKEN:-}" ] || rest_note="ASF_REST_TOKEN är inte satt: REST-ingången nekar alla anrop."
api=()
[ -z "${ASF_API_TOKEN:-}" ] || api=(--enable-api "--auth-token=$ASF_API_TOKEN")  # "=": a token may begin with "-"
[ "$LOGS" = - ] || mkdir -p "$LOGS"
case "$TRACKER_URL" in sqlite:*) mkdir -p "$(dirname "$TRACKER_DB")" ;; esac

model=${ASF_MODEL:-$(model_path)}
[ "$part" = --actions ] || [ -f "$model" ] \
  || fail "Ingen tränad modell för nuvarande data. Kör 'make train' (eller 'make run', som tränar vid behov)."

ports=()
[ "$part" = --rasa ] || ports+=("$ACTION_PORT")
case "$part" in all | --rasa) ports+=("$RASA_PORT") ;; esac
[ "$part" != all ] || ports+=("$WEB_PORT")
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "${ports[@]}"; do
  if port_in_use "$port"; then
    fail "Port $port används redan av ett annat program. Stoppa det, eller välj en annan port, t.ex. RASA_PORT=5006 ACTION_PORT=5056 WEB_PORT=8081 make run."
  fi
done

pids=()
pipes=$(mktemp -d)
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true  # the servers, and the log writers, which end when their server's output closes
  rm -rf "$pipes"
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

wait_for() {  # url, name, log, seconds
  local deadline=$((SECONDS + $4))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || fail "$2 stoppade under starten. Se $3."
    done
    [ $SECONDS -lt $deadline ] || fail "$2 svarade inte inom $4 sekunder. Se $3."
    sleep 0.5
  done
}

start_actions() {
  log_to actions
  SANIC_REQUEST_MAX_SIZE=$ACTION_MAX_BYTES "$BIN/rasa" run actions --port "$ACTION_PORT" --actions actions --cors "" \
    >>"$(target_of actions)" 2>&1 &
  action_pid=$!
}

# Each server writes into a named pipe, read by a log writer that is our own background job (so
# stop_all waits for it) and that puts the output into $LOGS/<name>.log, rotated daily for the purge
# (scripts/log_writer.py). log_to <name> starts the writer; the server then writes to "$pipes/<name>".
# With ASF_LOGS=- there are no files: the servers write to standard output (target_of).
log_to() {
  [ "$LOGS" != - ] || return 0
  rm -f "$pipes/$1"
  mkfifo "$pipes/$1"
  "$BIN/python" -m scripts.log_writer "$LOGS/$1.log" <"$pipes/$1" &
}
target_of() { if [ "$LOGS" = - ]; then echo /dev/stdout; else echo "$pipes/$1"; fi; }

alive() {  # kill -0 also succeeds for a process that has died but is not yet reaped
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

# Waits until one of the processes stops, then stops the rest (via the EXIT trap). A stopped
# action server is started again instead (meanwhile the channels tell users to wait,
# channels/core/guard.py), unless it stopped five times within a minute.
wait_any() {
  local restarts=() others pid
  while true; do
    wait -n "${pids[@]}" 2>/dev/null || true
    sleep 1  # processes that stopped together have all stopped by now
    if [ -z "${action_pid:-}" ] || alive "$action_pid"; then break; fi
    others=()
    for pid in "${pids[@]}"; do [ "$pid" = "$action_pid" ] || others+=("$pid"); done
    for pid in "${others[@]}"; do alive "$pid" || break 2; done
    restarts+=("$SECONDS")
    [ ${#restarts[@]} -le 5 ] || restarts=("${restarts[@]:1}")
    if [ ${#restarts[@]} -ge 5 ] && [ $((SECONDS - restarts[0])) -lt 60 ]; then
      say "Action-servern stoppade fem gånger inom en minut; se $(log_of actions)."
      break
    fi
    say "Action-servern stoppade; startar om den (se $(log_of actions))."
    start_actions
    pids=("${others[@]}" "$action_pid")
  done
  say "En av processerna stoppade; se $([ "$LOGS" = - ] && echo utskriften ovan || echo "$LOGS/"). Stoppar resten."
  exit 1
}

if [ "$part" != --rasa ]; then
  [ "$LOGS" = - ] || : >"$(log_of actions)"
  start_actions
  pids+=("$action_pid")
fi
# The Rasa server needs the action server only when a message comes, so both start at once (the
# action server's start, 5-10 s, no longer comes before Rasa's half minute); it is waited for below,
# with room for both starting on a busy machine. A REST message that reaches Rasa before the action
# server answers gets the guard's "not available, send it again" (nothing is stored), as during an
# action-server restart; the page and "Assistenten är igång" come only once both answer.
# Another endpoints file only for `make bench`, which also runs Rasa's stock configuration on Rasa's own store.
ENDPOINTS=${ASF_ENDPOINTS:-endpoints.yml}
actions_up() { wait_for "http://127.0.0.1:$ACTION_PORT/health" "Action-servern" "$(log_of actions)" 120; }

case "$part" in
  --shell)
    actions_up
    "$BIN/python" -m rasa_plugins.cli shell --model "$model" --endpoints "$ENDPOINTS" --quiet
    exit 0
    ;;
  --actions)
    actions_up
    say "Action-servern är igång på http://$HOST:$ACTION_PORT/webhook."
    wait_any
    ;;
esac

[ "$LOGS" = - ] || : >"$LOGS/rasa.log"  # each start begins a new log, as for the action server
log_to rasa
# Rasa through rasa_plugins/cli.py: skops first, a start 5-12 s shorter (see there).
SANIC_REQUEST_MAX_SIZE=$RASA_MAX_BYTES "$BIN/python" -m rasa_plugins.cli run --model "$model" --endpoints "$ENDPOINTS" \
  --credentials credentials.yml "${api[@]}" \
  --interface "$HOST" --port "$RASA_PORT" --cors "http://$HOST:$WEB_PORT" >>"$(target_of rasa)" 2>&1 &
pids+=($!)
say "Startar Rasa-servern (ungefär en halv minut) ..."
[ "$part" = --rasa ] || actions_up
wait_for "http://127.0.0.1:$RASA_PORT/" "Rasa-servern" "$(log_of rasa)" 180
if [ "$part" = --rasa ]; then
  say "Rasa-servern är igång på http://$HOST:$RASA_PORT/."
  wait_any
fi

[ "$LOGS" = - ] || : >"$LOGS/web.log"
log_to web
"$BIN/python" -m scripts.web_server --host "$HOST" --port "$WEB_PORT" --rasa-url "$RASA_PUBLIC_URL" >>"$(target_of web)" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$WEB_PORT/" "Webbsidan" "$(log_of web)" 20

cat >&2 <<MSG

Assistenten är igång.
  Chatta i webbläsaren:  http://$HOST:$WEB_PORT/
  REST:                  POST http://$HOST:$RASA_PORT/webhooks/rest/webhook  {"sender": "...", "message": "hej"}
                         med huvudet Authorization: Bearer \$ASF_REST_TOKEN
  socket.io:             http://$HOST:$RASA_PORT/socket.io (signerade sessioner)
  HTTP-API:              $([ ${#api[@]} -gt 0 ] && echo "på, med ?token=\$ASF_API_TOKEN" || echo "av (sätt ASF_API_TOKEN för att slå på det)")
  Loggar:                $LOGS/
Tryck Ctrl-C för att stoppa allt.
MSG
for note in "${session_note:-}" "${rest_note:-}"; do [ -z "$note" ] || say "OBS: $note"; done
wait_any
