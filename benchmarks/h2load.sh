#!/usr/bin/env bash
# An independent load generator against the real server: h2load (Debian nghttp2-client) sends
# FindNearestCentres and the empty RPC (GetCallerIdentity) as raw gRPC frames over h2c on loopback.
# h2load counts HTTP statuses only and every gRPC answer is HTTP 200, so grpc-status is checked
# separately with curl before and after the load.
#   benchmarks/h2load.sh [requests=20000] [clients=4] [streams-per-client=16]
# Needs: h2load (apt-get install nghttp2-client), curl with HTTP/2, a Release build (dotnet build Contact.sln -c Release).
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-20000} clients=${2:-4} streams=${3:-16}
command -v h2load >/dev/null || { echo "h2load is missing: apt-get install -y nghttp2-client" >&2; exit 2; }

work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The server, on a free loopback port, with the demo register and keys.
dotnet server/Contact.Server/bin/Release/net10.0/Contact.Server.dll --demo \
  --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0 --Kestrel:Endpoints:Grpc:Protocols=Http2 --Kestrel:Endpoints:Http:Url=http://127.0.0.1:0 \
  --Contact:Storage:DataDirectory="$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do grep -q "Now listening on" "$work/server.log" && break; sleep 0.5; done
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -1)
[ -n "$base" ] || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }
key=$(sed -n 's/.*"practitioner": *"\([^"]*\)".*/\1/p' "$work/data/demo-keys.json")

load() { dotnet benchmarks/Contact.Load/bin/Release/net10.0/Contact.Load.dll "$@"; }
load grpc-frame --scenario lookups --out "$work/lookups.bin"
load grpc-frame --scenario empty --out "$work/empty.bin"

# grpc-status of one call, read from the trailers curl dumps with the headers.
grpc_status() {
  curl -s --http2-prior-knowledge -o /dev/null -D - -X POST \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $2" \
    --data-binary @"$3" "$base$1" | tr -d '\r' | sed -n 's/^grpc-status: *//p' | tail -1
}
check() { # path body: grpc-status must be 0, and a bad key must be refused (16), proving the check reads it
  local ok bad
  ok=$(grpc_status "$1" "$key" "$2"); bad=$(grpc_status "$1" "not-a-key" "$2")
  echo "  grpc-status $1: valid key ${ok:-none}, bad key ${bad:-none}"
  [ "$ok" = 0 ] && [ "$bad" = 16 ] || { echo "grpc-status check failed" >&2; exit 1; }
}

find=/contact.v1.RegisterService/FindNearestCentres empty=/contact.v1.AccessService/GetCallerIdentity
echo "server $base (pid $server_pid); $requests requests, $clients clients x $streams streams"
check "$find" "$work/lookups.bin"; check "$empty" "$work/empty.bin"

run() { # label path body
  h2load -n "$requests" -c "$clients" -m "$streams" -d "$3" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $key" "$base$2" >"$work/$1.txt"
  local rps; rps=$(sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p' "$work/$1.txt")
  echo "  $1: $rps req/s; $(grep -E '^requests:' "$work/$1.txt"); $(grep -E '^status codes:' "$work/$1.txt")"
  grep -E '^time for request:' "$work/$1.txt" | sed 's/^/    /'
  echo "$rps" >"$work/$1.rps"
}
run empty "$empty" "$work/empty.bin"
run lookups "$find" "$work/lookups.bin"
run empty-again "$empty" "$work/empty.bin"
run lookups-again "$find" "$work/lookups.bin"

# Still answering correctly after the load.
check "$find" "$work/lookups.bin"
awk -v a="$(cat "$work/lookups.rps")" -v b="$(cat "$work/lookups-again.rps")" -v c="$(cat "$work/empty.rps")" -v d="$(cat "$work/empty-again.rps")" \
  'BEGIN { printf "h2load ratio FindNearestCentres / GetCallerIdentity (demo register, 343 centres): %.2f\n", (a + b) / (c + d) }'
echo "server peak memory (VmHWM): $(sed -n 's/^VmHWM: *//p' /proc/$server_pid/status)"
