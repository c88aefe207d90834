#!/usr/bin/env bash
# Times an import of N reports, embeddings included: generates N import lines from a SAFENET CSV
# (bench/library-jsonl.py) and imports them into a fresh embedded database; the command indexes and
# embeds them while it imports. Then starts the server on that data dir to show it has nothing left
# to index. Needs `./mvnw -DskipTests package` first (JDK 25+ for the AOT cache it makes).
#
#   bench/import-and-index.sh ../shared/data/safenet/safenet_1999_2021_combined.csv 10000
set -euo pipefail
csv=${1:?SAFENET CSV}
count=${2:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'pkill -P "${server:-0}" 2>/dev/null; kill "${server:-}" 2>/dev/null; rm -rf "$work"' EXIT
run() {
  NEARMISS_DATA_DIR="$work/data" "$java" ${jit:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -XX:AOTCache="$root/target/nearmiss/nearmiss.aot" -jar "$root/target/nearmiss/nearmiss.jar" "$@"
}
python3 "$root/bench/library-jsonl.py" "$csv" "$count" > "$work/library.jsonl"
started=$(date +%s.%N)
# An import that ends within a minute or so: the optimizing compiler (C2) would spend more of the two
# cores than it saves (the model runs in native code either way). NEARMISS_IMPORT_JIT= keeps it, which
# is faster from about 20,000 reports on (README).
jit=${NEARMISS_IMPORT_JIT--XX:TieredStopAtLevel=1} run import "$work/library.jsonl" > "$work/import.out" 2> "$work/import.err" || true
grep -q ' imported, ' "$work/import.out" || { tail -n 20 "$work/import.err"; exit 1; }
grep -E ' imported, |hold them' "$work/import.out"
imported=$(date +%s.%N)
python3 -c "print('import, search index and embeddings: %.1f s' % ($imported - $started))"
run --server.port=0 > "$work/server.log" 2>&1 &
server=$!
until grep -q 'Started NearmissApplication' "$work/server.log"; do
  kill -0 "$server" 2>/dev/null || { tail -n 20 "$work/server.log"; exit 1; }
  sleep 0.2
done
sleep 5
grep -E 'Started NearmissApplication|Library index: |Analysis index: ' "$work/server.log" | sed 's/.*\] [^:]*: //'
grep -qE 'Library index: |Analysis index: ' "$work/server.log" || echo "the server found nothing left to index"
