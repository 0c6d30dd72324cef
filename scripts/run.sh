#!/usr/bin/env bash
# Starts the action server, the Rasa server (REST + socket.io) and the intranet
# page, all on loopback; Ctrl-C stops every process it started.
# With --shell: the action server and a terminal chat instead.
source "$(dirname "$0")/common.sh"

HOST=${ASF_HOST:-127.0.0.1}
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://127.0.0.1:$ACTION_PORT/webhook}
export TRACKER_DB=${TRACKER_DB:-var/tracker.db}
export TRACKER_URL=${TRACKER_URL:-sqlite:///$TRACKER_DB}
export SANIC_HOST=$HOST  # rasa-sdk binds to this instead of 0.0.0.0
# The action server has no authentication of its own: it answers only requests that carry this
# secret (actions/gate.py), which Rasa sends (endpoints.yml). A new random one per start unless set.
if [ -z "${ACTION_SERVER_TOKEN:-}" ]; then
  ACTION_SERVER_TOKEN=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(32))')
fi
export ACTION_SERVER_TOKEN
# Sanic refuses larger request bodies with 413 (its own default is 100 MB). The action server
# gets the whole conversation from Rasa in each call, so it keeps a larger limit.
RASA_MAX_BYTES=${ASF_MAX_REQUEST_BYTES:-1000000}
ACTION_MAX_BYTES=${ASF_ACTION_MAX_REQUEST_BYTES:-20000000}
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}  # the channels in credentials.yml live here
mkdir -p var/logs "$(dirname "$TRACKER_DB")"

model=${ASF_MODEL:-$(model_path)}
[ -f "$model" ] || fail "Ingen tränad modell för nuvarande data. Kör 'make train' (eller 'make run', som tränar vid behov)."

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$ACTION_PORT" "$RASA_PORT" $([ "${1:-}" = "--shell" ] || echo "$WEB_PORT"); do
  if port_in_use "$port"; then
    fail "Port $port används redan av ett annat program. Stoppa det, eller välj en annan port, t.ex. RASA_PORT=5006 ACTION_PORT=5056 WEB_PORT=8081 make run."
  fi
done

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
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
  SANIC_REQUEST_MAX_SIZE=$ACTION_MAX_BYTES "$BIN/rasa" run actions --port "$ACTION_PORT" --actions actions --cors "" \
    >>var/logs/actions.log 2>&1 &
  action_pid=$!
}
: >var/logs/actions.log
start_actions
pids+=("$action_pid")
wait_for "http://127.0.0.1:$ACTION_PORT/health" "Action-servern" var/logs/actions.log 60

if [ "${1:-}" = "--shell" ]; then
  "$BIN/rasa" shell --model "$model" --endpoints endpoints.yml --quiet
  exit 0
fi

SANIC_REQUEST_MAX_SIZE=$RASA_MAX_BYTES "$BIN/rasa" run --model "$model" --endpoints endpoints.yml --credentials credentials.yml \
  --interface "$HOST" --port "$RASA_PORT" --cors "http://$HOST:$WEB_PORT" >var/logs/rasa.log 2>&1 &
pids+=($!)
say "Startar Rasa-servern (ungefär en halv minut) ..."
wait_for "http://127.0.0.1:$RASA_PORT/" "Rasa-servern" var/logs/rasa.log 180

"$BIN/python" -m http.server "$WEB_PORT" --bind "$HOST" --directory web >var/logs/web.log 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$WEB_PORT/" "Webbsidan" var/logs/web.log 20

cat >&2 <<MSG

Assistenten är igång.
  Chatta i webbläsaren:  http://$HOST:$WEB_PORT/
  REST:                  POST http://$HOST:$RASA_PORT/webhooks/rest/webhook  {"sender": "...", "message": "hej"}
  socket.io:             http://$HOST:$RASA_PORT/socket.io
  Loggar:                var/logs/
Tryck Ctrl-C för att stoppa allt.
MSG
# A stopped action server is started again (meanwhile the channels tell users to wait,
# channels/guard.py); if any other process stops, or the action server keeps failing, all stop.
alive() {  # kill -0 also succeeds for a process that has died but is not yet reaped
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}
restarts=()
while true; do
  wait -n "${pids[@]}" 2>/dev/null || true
  sleep 1  # processes that stopped together have all stopped by now
  alive "$action_pid" && break
  others=()
  for pid in "${pids[@]}"; do [ "$pid" = "$action_pid" ] || others+=("$pid"); done
  for pid in "${others[@]}"; do alive "$pid" || break 2; done
  restarts+=("$SECONDS")
  [ ${#restarts[@]} -le 5 ] || restarts=("${restarts[@]:1}")
  if [ ${#restarts[@]} -ge 5 ] && [ $((SECONDS - restarts[0])) -lt 60 ]; then
    say "Action-servern stoppade fem gånger inom en minut; se var/logs/actions.log."
    break
  fi
  say "Action-servern stoppade; startar om den (se var/logs/actions.log)."
  start_actions
  pids=("${others[@]}" "$action_pid")
done
say "En av processerna stoppade; se var/logs/. Stoppar resten."
exit 1
