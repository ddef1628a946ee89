#!/usr/bin/env bash
# Time to generate code (bench/codegen/GenTime.java): the adder16 proof's check class and add.net's
# training kernel, for each given jar, alternating, ROUNDS fresh JVMs each; the first call in a JVM
# is what a CLI run pays. See docs/BENCHMARKS.md.
#   bench/gentime.sh [--rounds N] NAME=JAR ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
rounds=5
[[ "${1:-}" == --rounds ]] && { rounds="$2"; shift 2; }
[[ $# -ge 1 ]] || { echo "usage: bench/gentime.sh [--rounds N] NAME=JAR ..." >&2; exit 2; }
out="$root/target/bench/gentime"
mkdir -p "$out"
javac --release 17 -cp "${1#*=}" -d "$out" "$here/codegen/GenTime.java"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < rounds; i++)); do
    for b in "$@"; do
        printf '  %-8s ' "${b%%=*}"; java -XX:+UseSerialGC -cp "${b#*=}:$out" GenTime engine "$root/circuits/arith/adder16_proof.net"
        printf '  %-8s ' "${b%%=*}"; java -XX:+UseSerialGC -cp "${b#*=}:$out" GenTime train "$root/circuits/learn/add.net" "$root/circuits/learn/add.csv"
    done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
