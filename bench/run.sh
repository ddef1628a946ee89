#!/usr/bin/env bash
# Times `circuit test` on the exhaustive check of bench/adder16.net (144 NAND perceptrons, 2^33 rows)
# against the C baseline bench/nand_adder16.c, in the same run, interleaved: each of REPEATS rounds
# runs C, circuit (auto), circuit-enum, circuit-C1, then C once more at the end; reports medians.
# See docs/BENCHMARKS.md.
#
#   bench/run.sh [--quick] [--repeats N] [--no-scalar]
#     --quick      the 12-bit adder (2^25 rows) instead of the 16-bit one
#     --repeats N  runs of each program (default 3)
#     --no-scalar  skip the scalar-engine comparison (circuit test --sample)
#
# The machine may be shared: the script prints the load average before and after, and reports CPU
# time (user+sys) next to wall time. rows/CPU-s is the fairer figure on a busy machine; rows/s
# (wall) is the figure on an idle one.
#
# When `perf stat` can count cycles here, every run is also counted in CPU cycles and instructions
# (all threads, whole process): those counts hardly move with the machine's load, so the cycle
# ratio is the steadiest figure on a shared machine.
#
# circuit runs three ways: "circuit" is `circuit test` as a user runs it (the launcher's options for
# `test`, the default engine: SAT first under a budget, then enumeration, so on adder16 it is the SAT
# engine's figure); "circuit-enum" is `circuit test --engine exhaustive`, enumeration alone, with the
# same options; "circuit-C1" is enumeration alone with the C1-only options the launcher uses for the
# short commands (override those with BENCH_JAVA_OPTS).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bits=16
repeats=3
scalar=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) bits=12 ;;
        --repeats) repeats="$2"; shift ;;
        --no-scalar) scalar=0 ;;
        *) echo "usage: bench/run.sh [--quick] [--repeats N] [--no-scalar]" >&2; exit 2 ;;
    esac
    shift
done
net="$here/adder$bits.net"
neurons=$((9 * bits))
rows=$((1 << (2 * bits + 1)))
c1opts="${BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
out="$root/target/bench"
mkdir -p "$out"

echo "== build"
gcc -O3 -march=native -mavx2 -pthread -Wall -o "$out/nand_adder16" "$here/nand_adder16.c"
(cd "$root" && mvn -B -q -o -DskipTests package)
"$root/circuit" --version >/dev/null   # the launcher records its class-data archive for a new jar: not in the timings
# The baseline must catch a wrong circuit: with one NAND flipped it has to report a failing row.
if "$out/nand_adder16" --bits 12 --break >"$out/break.tmp"; then
    echo "bench: nand_adder16 --break passed: the baseline does not check anything" >&2; exit 1
fi
echo "   nand_adder16 --break: $(cat "$out/break.tmp")"

perf=()
if perf stat -x, -e cycles true 2>&1 | grep -q '^[0-9]'; then perf=(perf stat -x, -e cycles,instructions -o "$out/perf.tmp"); fi

# time_run LABEL CMD...: runs CMD, appends "wall cpu [cycles instructions]" to $out/LABEL.times,
# echoes its output line.
time_run() {
    local label="$1"; shift
    local t0 t1 res counts=""
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out/time.tmp" "${perf[@]}" "$@" >"$out/run.tmp" 2>&1 || {
        cat "$out/run.tmp" >&2; echo "bench: '$*' failed" >&2; exit 1; }
    t1=$(date +%s.%N)
    res=$(awk -v a="$t0" -v b="$t1" 'NR==1 {printf "%.3f %.3f", b - a, $1 + $2}' "$out/time.tmp")
    if [[ ${#perf[@]} -gt 0 ]]; then
        counts=$(awk -F, '$3 ~ /^cycles/ {c = $1} $3 ~ /^instructions/ {i = $1} END {print c, i}' "$out/perf.tmp")
    fi
    echo "$res $counts" >>"$out/$label.times"
    printf '  %-12s wall %8.3fs  cpu %8.3fs  %s  %s\n' "$label" ${res} "${counts:+cycles/instr $counts}" "$(grep -E 'PASS|FAIL' "$out/run.tmp" | head -1)"
}

# report LABEL: median wall and cpu over the label's runs, and the rates they give.
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
med_wall() { cut -d' ' -f1 "$out/$1.times" | median; }
med_cpu() { cut -d' ' -f2 "$out/$1.times" | median; }
med_cycles() { cut -d' ' -f3 "$out/$1.times" | median; }
med_instr() { cut -d' ' -f4 "$out/$1.times" | median; }

rm -f "$out"/*.times
echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== adder$bits: $neurons NAND perceptrons, $rows rows, $repeats runs each"
for ((i = 0; i < repeats; i++)); do
    time_run C "$out/nand_adder16" --bits "$bits"
    time_run circuit "$root/circuit" test "$net"
    time_run circuit-enum "$root/circuit" test --engine exhaustive "$net"
    CIRCUIT_JAVA_OPTS="$c1opts" time_run circuit-C1 "$root/circuit" test --engine exhaustive "$net"
done
time_run C "$out/nand_adder16" --bits "$bits"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

cw=$(med_wall C); cc=$(med_cpu C)
echo "== medians (whole process: circuit includes JVM start-up, parsing and elaboration)"
printf '  %-12s %10s %10s %12s %12s %14s %14s %10s %10s\n' program wall_s cpu_s rows/s rows/cpu-s neuron-ev/s neuron-ev/cpu-s "x C wall" "x C cpu"
for label in C circuit circuit-enum circuit-C1; do
    w=$(med_wall "$label"); c=$(med_cpu "$label")
    awk -v l="$label" -v w="$w" -v c="$c" -v r="$rows" -v n="$neurons" -v cw="$cw" -v cc="$cc" 'BEGIN {
        printf "  %-12s %10.3f %10.3f %12.4g %12.4g %14.4g %14.4g %10.2f %10.2f\n",
            l, w, c, r / w, r / c, r * n / w, r * n / c, w / cw, c / cc }'
done
if [[ ${#perf[@]} -gt 0 ]]; then
    echo "== medians of hardware counts (all threads, whole process)"
    printf '  %-12s %14s %14s %12s %12s %10s\n' program cycles instructions cycles/row instr/row "x C cycles"
    ccy=$(med_cycles C)
    for label in C circuit circuit-enum circuit-C1; do
        awk -v l="$label" -v cy="$(med_cycles "$label")" -v ins="$(med_instr "$label")" -v r="$rows" -v ccy="$ccy" 'BEGIN {
            printf "  %-12s %14.4g %14.4g %12.3f %12.3f %10.2f\n", l, cy, ins, cy / r, ins / r, cy / ccy }'
    done
fi

if [[ $scalar == 1 ]]; then
    # The scalar engine (one row at a time through the reference evaluator) runs on --sample.
    sample=500000
    echo "== scalar engine: circuit test --sample $sample (includes JVM start-up)"
    time_run scalar "$root/circuit" test --sample "$sample" "$net"
    w=$(med_wall scalar); c=$(med_cpu scalar)
    awk -v w="$w" -v c="$c" -v r="$sample" -v n="$neurons" -v cw="$cw" -v cc="$cc" -v rows="$rows" 'BEGIN {
        printf "  scalar     %.4g rows/s, %.4g rows/cpu-s, %.4g neuron-ev/s; C is %.0fx faster per wall second, %.0fx per cpu second\n",
            r / w, r / c, r * n / w, (rows / cw) / (r / w), (rows / cc) / (r / c) }'
fi
