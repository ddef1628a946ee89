#!/usr/bin/env bash
# Two or more builds of circuit in one run, alternating (A B A B ...), so that the machine's load
# falls on all of them alike: the adder16 proof (wall and CPU time) and the tutorials' trainings
# (the epochs/s circuit reports, which times its training loop only, code generation included).
# Each build runs through the launcher (its JVM options and its own class-data archive).
# The proof runs on auto: a build with the portfolio (2026-11-27, after the figures docs/BENCHMARKS.md
# has from this script) proves it by SAT first, so there it times the SAT engine, not the generated
# check.
#
#   bench/ab.sh [--rounds N] NAME=JAR|NAME=DIR ...
#     NAME=JAR  a jar, staged in target/bench/ab/NAME with this checkout's launcher
#     NAME=DIR  a folder already holding a launcher `circuit` and target/circuit.jar
#     --rounds  rounds of all builds (default 3)
# Prints one line per run and, per build, the medians. See docs/BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
rounds=3
builds=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift ;;
        *=*) builds+=("$1") ;;
        *) echo "usage: bench/ab.sh [--rounds N] NAME=JAR|NAME=DIR ..." >&2; exit 2 ;;
    esac
    shift
done
[[ ${#builds[@]} -ge 2 ]] || { echo "bench/ab.sh: give two builds or more" >&2; exit 2; }
out="$root/target/bench/ab"
mkdir -p "$out"
rm -f "$out"/*.times
names=()
for b in "${builds[@]}"; do
    name="${b%%=*}" path="${b#*=}"
    names+=("$name")
    if [[ -f "$path" ]]; then
        d="$out/$name"
        rm -rf "$d"; mkdir -p "$d/target"
        cp "$root/circuit" "$d/"; cp "$path" "$d/target/circuit.jar"
        ln -s "$root/circuits" "$d/circuits"   # the launcher records its class-data archive on circuits/adder.net
    else
        d="$path"
    fi
    echo "$d" >"$out/$name.dir"
    "$d/circuit" --version >/dev/null           # records the archive outside the timings
done
# the XOR net from a random start (the example file holds trained values), as bench/train.sh
sed -E 's/\?-?[0-9][0-9.]*([eE][+-]?[0-9]+)?/?/g' "$root/circuits/learn/xor.net" >"$out/xor.net"

# run NAME LABEL ARGS...: one run of circuit; appends "wall cpu [epochs/s]" to NAME.LABEL.times
run() {
    local name="$1" label="$2"; shift 2
    local d t0 t1 eps res
    d="$(cat "$out/$name.dir")"
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out/time.tmp" "$d/circuit" "$@" >"$out/run.tmp" 2>&1 || {
        cat "$out/run.tmp" >&2; echo "bench: $name: '$*' failed" >&2; exit 1; }
    t1=$(date +%s.%N)
    eps=$(sed -nE 's/.* ([0-9]+) epochs\/s.*/\1/p' "$out/run.tmp" | tail -1)
    res=$(awk -v a="$t0" -v b="$t1" -v e="$eps" 'NR==1 {printf "%.3f %.3f %s", b - a, $1 + $2, e}' "$out/time.tmp")
    echo "$res" >>"$out/$name.$label.times"
    printf '  %-8s %-6s wall %7.3fs  cpu %7.3fs  %s\n' "$name" "$label" $res
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "== $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < rounds; i++)); do
    for name in "${names[@]}"; do
        run "$name" proof test "$root/circuits/arith/adder16_proof.net"
        run "$name" xor train "$out/xor.net" --epochs 100000 --rate 0.5 --seed 7
        run "$name" add train "$root/circuits/learn/add.net" --data "$root/circuits/learn/add.csv" \
            --batch online --rate 0.1 --epochs 10000
    done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== medians over $rounds rounds: proof wall/cpu s; xor and add epochs/s (as circuit reports them)"
for name in "${names[@]}"; do
    printf '  %-8s proof %7.3f / %7.3f   xor %9.0f   add %8.0f\n' "$name" \
        "$(cut -d' ' -f1 "$out/$name.proof.times" | median)" "$(cut -d' ' -f2 "$out/$name.proof.times" | median)" \
        "$(cut -d' ' -f3 "$out/$name.xor.times" | median)" "$(cut -d' ' -f3 "$out/$name.add.times" | median)"
done
