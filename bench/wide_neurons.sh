#!/usr/bin/env bash
# Wide neurons on the SAT engine: each one encoded as a threshold constraint (engine/ThresholdCnf)
# against the gates the synthesiser builds for it (engine/NeuronSynth), whole process against whole
# process. The system property circuit.thresholdFanIn sets the fan-in from which a neuron is a
# constraint: 1000000 makes every neuron gates (the code before), the default is the measured
# choice. See docs/BENCHMARKS.md, "Wide neurons as threshold constraints".
#
#   bench/wide_neurons.sh [--timeout SECONDS] [--sizes "16 32 64"] [--fanins "1000000 8"]
#
# The corpus (written to target/bench/wide/, one file per size N):
#   majority<N>   m = x[0] + ... + x[N-1] >= N/2, checked m == (x[0] + ... + x[N-1] >= N/2)
#   lt1<N>        lt = b - a >= 1 as ONE neuron (weights ±2^i, terms b[0], a[0], b[1], ...), checked lt == (a < b)
#   lt1s<N>       the same neuron written b's first, then a's (the gate synthesiser's diagram
#                 follows the written order; the constraint's sorts by weight)
#   equiv         lt1<N> against the ripple comparator lt<N> of circuits/arith/compare.net
# All on --engine sat (auto may enumerate a check of up to 2^40 rows: it gives SAT only a budget first).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
timeout=300
sizes="16 32 64"
fanins="1000000 8"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --timeout) timeout="$2"; shift ;;
        --sizes) sizes="$2"; shift ;;
        --fanins) fanins="$2"; shift ;;
        *) echo "usage: bench/wide_neurons.sh [--timeout SECONDS] [--sizes \"16 32 64\"] [--fanins \"1000000 8\"]" >&2; exit 2 ;;
    esac
    shift
done
out="$root/target/bench/wide"
mkdir -p "$out"
(cd "$root" && mvn -B -q -o -DskipTests package)
cp "$root/target/circuit.jar" "$out/circuit.jar"

# The files of size N.
write() {
    local n="$1" half=$(($1 / 2)) sum="" diff="" bs="" as="" i
    for ((i = 0; i < n; i++)); do
        sum+="${sum:+ + }x[$i]"
        diff+="${diff:+ + }$(bc <<<"2^$i")*b[$i] - $(bc <<<"2^$i")*a[$i]"
        bs+="${bs:+ + }$(bc <<<"2^$i")*b[$i]"
        as+=" - $(bc <<<"2^$i")*a[$i]"
    done
    {
        echo "circuit lt1s_$n(a[$n], b[$n]) -> lt {"
        echo "    lt = $bs$as >= 1"
        echo "}"
        echo "check lt1s_$n: lt == (a < b)"
    } >"$out/lt1s_$n.net"
    {
        echo "circuit majority$n(x[$n]) -> m {"
        echo "    m = $sum >= $half"
        echo "}"
        echo "check majority$n: m == ($sum >= $half)"
    } >"$out/majority$n.net"
    {
        echo "circuit lt1_$n(a[$n], b[$n]) -> lt {"
        echo "    lt = $diff >= 1"
        echo "}"
        echo "check lt1_$n: lt == (a < b)"
    } >"$out/lt1_$n.net"
}

# run LABEL FANIN CMD...: one line, wall and CPU of the whole process, and circuit's summary.
run() {
    local label="$1" fanin="$2"; shift 2
    local t0 t1 rc=0
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out/time.tmp" java -XX:+UseSerialGC -Dcircuit.thresholdFanIn="$fanin" \
        -jar "$out/circuit.jar" "$@" >"$out/run.tmp" 2>&1 || rc=$?
    t1=$(date +%s.%N)
    local what
    what=$(grep -E '^(PASS|FAIL|UNKNOWN|REFUSED|EQUIVALENT|NOT EQUIVALENT|UNKNOWN)' "$out/run.tmp" | head -1 | sed 's/.*(\(.*\))/\1/' | cut -c1-150)
    awk -v l="$label" -v f="$fanin" -v a="$t0" -v b="$t1" -v rc="$rc" -v w="$what" \
        'END {printf "  %-16s fan-in %-8s wall %8.2fs  cpu %8.2fs  exit %s  %s\n", l, f, b - a, $1 + $2, rc, w}' "$out/time.tmp"
}

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
    write "$n"
    for f in $fanins; do
        run "majority$n" "$f" test -v --engine sat --timeout "$timeout" "$out/majority$n.net"
        run "lt1_$n" "$f" test -v --engine sat --timeout "$timeout" "$out/lt1_$n.net"
        run "lt1s_$n" "$f" test -v --engine sat --timeout "$timeout" "$out/lt1s_$n.net"
        run "equiv lt1/lt $n" "$f" equiv --engine sat --timeout "$timeout" "$out/lt1_$n.net" "$root/circuits/arith/compare.net" --top-b "lt<$n>"
    done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
