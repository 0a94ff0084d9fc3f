#!/usr/bin/env bash
# The lookups against the API's floor, with an independent load generator: h2load (Debian
# nghttp2-client, written in C, so the generator costs the two cores little) sends raw gRPC frames
# and the Open Referral UK feed's GETs over h2c on loopback, alternating the calls (A, B, C, D, A,
# B, C, D) so that a shared machine's load falls on all of them alike; the figures to read are the
# ratios to GetCallerIdentity (authenticated, no work).
#
#   benchmarks/h2load.sh [requests=20000] [clients=4] [streams-per-client=16]
#
# 1. the demo register (343 centres, a few postcode districts);
# 2. unless POSTCODES=0: a synthetic national directory of POSTCODES (default 2,700,000) rows in
#    the ONSPD layout, generated here (never committed), imported through ImportPostcodes (time,
#    server CPU and peak memory), the server restarted on it (start-up to serving, memory), and the
#    same calls again from a postcode held in that directory.
#
# BUILD=DIR runs the server built in another checkout (e.g. the code before a change, for a side-by-
# side before/after); the request bodies always come from this checkout's Contact.Load.
# h2load counts HTTP statuses only and every gRPC answer is HTTP 200, so grpc-status is checked
# with curl before and after the load (0 with the key, 16 with a bad one).
# Needs: h2load (apt-get install nghttp2-client), curl with HTTP/2, and Release builds of
# server/Contact.Server and benchmarks/Contact.Load.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-20000} clients=${2:-4} streams=${3:-16}
postcodes=${POSTCODES:-2700000}
build=${BUILD:-.}
command -v h2load >/dev/null || { echo "h2load is missing: apt-get install -y nghttp2-client" >&2; exit 2; }

work=$(mktemp -d)
server_pid=
stop_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=; return 0; }
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

load() { dotnet benchmarks/Contact.Load/bin/Release/net10.0/Contact.Load.dll "$@"; }
now() { date +%s.%N; }

# start_server LOG: the server on free loopback ports (h2c for both gRPC and the feed), with the demo
# register and keys; sets server_pid, grpc, http and started (seconds from launch to listening).
start_server() {
  local t0; t0=$(now)
  dotnet "$build/server/Contact.Server/bin/Release/net10.0/Contact.Server.dll" --demo \
    --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0 --Kestrel:Endpoints:Grpc:Protocols=Http2 \
    --Kestrel:Endpoints:Http:Url=http://127.0.0.1:0 --Kestrel:Endpoints:Http:Protocols=Http2 \
    --Contact:OpenReferral:PermitsPerMinute=100000000 \
    --Contact:Storage:DataDirectory="$work/data" >"$1" 2>&1 &
  server_pid=$!
  for _ in $(seq 1200); do [ "$(grep -c 'Now listening on' "$1")" -ge 2 ] && break; sleep 0.05; done
  started=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  mapfile -t urls < <(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$1" | grep -o 'http://.*')
  [ ${#urls[@]} -ge 2 ] || { echo "the server did not start:"; cat "$1"; exit 1; }
  # Which of the two is gRPC: the one that answers the health check.
  grpc=${urls[0]} http=${urls[1]}
  [ "$(grpc_status /grpc.health.v1.Health/Check "" "$work/health.bin" "$grpc")" = 0 ] || { grpc=${urls[1]} http=${urls[0]}; }
}
memory() { echo "RSS $(sed -n 's/^VmRSS:[[:space:]]*//p' /proc/$server_pid/status), peak $(sed -n 's/^VmHWM:[[:space:]]*//p' /proc/$server_pid/status)"; }
# The server's CPU time so far in clock ticks (100 a second): /proc/PID/stat utime + stime.
cpu_ticks() { sed 's/.*) //' /proc/$server_pid/stat | awk '{ print $12 + $13 }'; }

# grpc-status of one call, read from the trailers curl dumps with the headers.
grpc_status() { # path key body [base]
  curl -s --http2-prior-knowledge -o /dev/null -D - -X POST \
    -H 'content-type: application/grpc' -H 'te: trailers' ${2:+-H "authorization: Bearer $2"} \
    --data-binary @"$3" "${4:-$grpc}$1" | tr -d '\r' | sed -n 's/^grpc-status: *//p' | tail -1
}
check() { # path body: grpc-status must be 0, and a bad key must be refused (16), proving the check reads it
  local ok bad
  ok=$(grpc_status "$1" "$key" "$2"); bad=$(grpc_status "$1" "not-a-key" "$2")
  echo "  grpc-status $1: valid key ${ok:-none}, bad key ${bad:-none}"
  [ "$ok" = 0 ] && [ "$bad" = 16 ] || { echo "grpc-status check failed" >&2; exit 1; }
}

run() { # label url [h2load options...]: appends req/s to $work/LABEL.rps
  local label=$1 url=$2 before; shift 2
  before=$(cpu_ticks)
  h2load -n "$requests" -c "$clients" -m "$streams" "$@" "$url" >"$work/$label.txt"
  # Server CPU per call: what the server spends, apart from what the load generator and the other
  # tenants of a shared machine take from the wall clock.
  local cpu; cpu=$(awk -v a="$before" -v b="$(cpu_ticks)" -v n="$requests" 'BEGIN { printf "%.0f", (b - a) * 10000 / n }')
  local rps; rps=$(sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p' "$work/$label.txt")
  echo "  $label: $rps req/s, server CPU $cpu µs a call; $(grep -E '^requests:' "$work/$label.txt" | sed 's/, 0 errored, 0 timeout//'); $(grep -E '^status codes:' "$work/$label.txt")"
  echo "$cpu" >>"$work/$label.cpu"
  grep -E '^time for request:' "$work/$label.txt" | sed 's/^/    /'
  echo "$rps" >>"$work/$label.rps"
}
grpc_run() { # label path body [key]
  run "$1" "$grpc$2" -d "$3" -H 'content-type: application/grpc' -H 'te: trailers' ${4:+-H "authorization: Bearer $4"}
}
sum() { awk '{ s += $1 } END { print s + 0 }' "$work/$1.rps"; }
ratio() { awk -v a="$(sum "$1")" -v b="$(sum empty)" 'BEGIN { printf "%.2f", a / b }'; }
cpu() { awk '{ s += $1; n++ } END { printf "%.0f", s / n }' "$work/$1.cpu"; }

# measure TITLE POSTCODE: the calls, alternated twice, and their ratios to GetCallerIdentity.
measure() {
  local title=$1 postcode=$2 feed etag
  rm -f "$work"/*.rps "$work"/*.cpu
  load grpc-frame --scenario postcode --postcode "$postcode" --out "$work/find.bin"
  find=/contact.v1.RegisterService/FindNearestCentres empty=/contact.v1.AccessService/GetCallerIdentity health=/grpc.health.v1.Health/Check
  check "$find" "$work/find.bin"; check "$empty" "$work/empty.bin"
  # The open feed: the ten nearest within 50 km of the same postcode, as the gRPC lookup asks.
  feed="$http/services?postcode=$(echo "$postcode" | sed 's/ /%20/g')&proximity=50000&per_page=10"
  etag=$(curl -s --http2-prior-knowledge -D - -o "$work/feed.json" "$feed" | tr -d '\r' | sed -n 's/^etag: *//Ip')
  echo "  feed: HTTP $(curl -s --http2-prior-knowledge -o /dev/null -w '%{http_code}' "$feed"), $(grep -o '"id"' "$work/feed.json" | wc -l) ids, ETag ${etag:-none}"
  echo "  $title: $requests requests each, $clients clients x $streams streams; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for _ in 1 2; do
    grpc_run empty "$empty" "$work/empty.bin" "$key"
    grpc_run find "$find" "$work/find.bin" "$key"
    grpc_run health "$health" "$work/health.bin"
    run feed "$feed"
    [ -n "$etag" ] && run feed-304 "$feed" -H "if-none-match: $etag"
  done
  check "$find" "$work/find.bin"
  echo "RATIOS ($title) to GetCallerIdentity: FindNearestCentres from $postcode, 10 results $(ratio find) (aim >= 0.8); health Check $(ratio health) (aim >= 1.0); ORUK /services?postcode= $(ratio feed)${etag:+, the same answered 304 $(ratio feed-304)}"
  echo "  server CPU a call (µs): GetCallerIdentity $(cpu empty), FindNearestCentres $(cpu find), health $(cpu health), feed $(cpu feed)${etag:+, feed 304 $(cpu feed-304)}"
  echo "  server $(memory); load average after $(cut -d' ' -f1-3 /proc/loadavg)"
}

load grpc-frame --scenario empty --out "$work/empty.bin"
load grpc-frame --scenario health --out "$work/health.bin"

echo "== demo register (343 centres), server from ${build}"
start_server "$work/server.log"
key=$(sed -n 's/.*"practitioner": *"\([^"]*\)".*/\1/p' "$work/data/demo-keys.json")
echo "  started (new store, demo register written) in $started s; $(memory)"
measure "demo register" "LS1 4AP"

if [ "$postcodes" -gt 0 ]; then
  echo "== national postcode directory: $postcodes synthetic ONSPD-layout rows"
  load onspd --out "$work/onspd.csv" --rows "$postcodes"
  nct=$(sed -n 's/.*"nct": *"\([^"]*\)".*/\1/p' "$work/data/demo-keys.json")
  t0=$(now)
  load import-postcodes --target "$grpc" --key "$nct" --file "$work/onspd.csv" --server-pid "$server_pid"
  echo "IMPORT: $postcodes rows in $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s (aim < 60 s); server $(memory)"
  # A postcode the directory holds, in Leeds' LS1 as the demo lookup.
  held=$(grep -m1 '^[^,]*,[^,]*,LS1 ' "$work/onspd.csv" | cut -d, -f3)
  rm "$work/onspd.csv"
  stop_server
  start_server "$work/server2.log"
  echo "START-UP with the directory: serving $started s after launch (aim < 5 s); $(grep -o -m1 '"Message":"Postcode directory loaded[^"]*' "$work/server2.log" | head -1 | cut -d'"' -f4)"
  echo "  server after start $(memory)"
  measure "$postcodes postcodes loaded" "$held"
fi
