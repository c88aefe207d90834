#!/usr/bin/env bash
# Times an import of N reports, embeddings included: generates N import lines from a SAFENET CSV
# (bench/library-jsonl.py), imports them into a fresh embedded database, starts the server on it
# and waits until both the library index and the analysis index (embeddings) hold them.
# Needs `./mvnw -DskipTests package` first (JDK 25+ for the AOT cache it makes).
#
#   bench/import-and-index.sh ../shared/data/safenet/safenet_1999_2021_combined.csv 10000
set -euo pipefail
csv=${1:?SAFENET CSV}
count=${2:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
run() {
  NEARMISS_DATA_DIR="$work/data" "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -XX:AOTCache="$root/target/nearmiss/nearmiss.aot" -jar "$root/target/nearmiss/nearmiss.jar" "$@"
}
python3 "$root/bench/library-jsonl.py" "$csv" "$count" > "$work/library.jsonl"
started=$(date +%s.%N)
run import "$work/library.jsonl" 2> "$work/import.err" | tail -n 1
imported=$(date +%s.%N)
run --server.port=0 > "$work/server.log" 2>&1 &
server=$!
until grep -q 'Library index: ' "$work/server.log" && grep -q 'Analysis index: ' "$work/server.log"; do
  kill -0 "$server" 2>/dev/null || { tail -n 20 "$work/server.log"; exit 1; }
  sleep 0.2
done
indexed=$(date +%s.%N)
grep -E 'Started NearmissApplication|Library index: |Analysis index: ' "$work/server.log" | sed 's/.*\] [^:]*: //'
python3 -c "print('import %.1f s; server start to both indexes %.1f s; in all %.1f s' % ($imported - $started, $indexed - $imported, $indexed - $started))"
