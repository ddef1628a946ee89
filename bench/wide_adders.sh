#!/usr/bin/env bash
# Times the proof of {cout, s} == a + b + cin on the N-bit NAND ripple adder (adder_n<N> of
# circuits/arith/adder_n.net, 9*N perceptrons) for N = 32, 64, 128, 256: `circuit test` (auto: SAT
# above 2^40 rows) against Yosys on the same circuit, exported by `circuit verilog`. Whole process
# against whole process, each REPEATS times, medians reported. See docs/BENCHMARKS.md.
#
#   bench/wide_adders.sh [--repeats N] [--widths "32 64 128 256"]
#
# The contenders, each from its input files to its verdict:
#   circuit     ./circuit test adderN.net                  (read, elaborate, gates, CNF, Sat4j)
#   yosys-sat   yosys: read both Verilog files, proc, flatten, miter -equiv, sat -prove-asserts
#   yosys-cec   yosys to gates (proc; flatten; techmap; opt -fast; write_blif), once for the
#               circuit and once for the spec, then yosys-abc `cec` (times of the three processes added);
#               `cec-only` is that last process alone, on the files the others wrote
# The spec for Yosys is `assign {cout, s} = a + b + cin;`. Exporting the Verilog is not timed (it
# is the input Yosys reads, as the .net file is circuit's).
#
# Controls: before timing, each contender must reject a wrong property ({cout, s} == a + b, no cin),
# so none of them can pass by not checking.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
repeats=3
widths="32 64 128 256"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeats) repeats="$2"; shift ;;
        --widths) widths="$2"; shift ;;
        *) echo "usage: bench/wide_adders.sh [--repeats N] [--widths \"32 64 ...\"]" >&2; exit 2 ;;
    esac
    shift
done
command -v yosys >/dev/null && command -v yosys-abc >/dev/null || { echo "bench: needs yosys and yosys-abc (apt-get install -y yosys)" >&2; exit 1; }
out="$root/target/bench/wide"
mkdir -p "$out"
(cd "$root" && mvn -B -q -o -DskipTests package)

# The files of width N: the check, the circuit as Verilog, the spec (right, and wrong without cin).
prepare() {
    local n="$1"
    printf 'import "%s/circuits/arith/adder_n.net"\n\ncheck adder_n<%s>: {cout, s} == a + b + cin\n' "$root" "$n" >"$out/adder$n.net"
    printf 'import "%s/circuits/arith/adder_n.net"\n\ncheck adder_n<%s>: {cout, s} == a + b\n' "$root" "$n" >"$out/wrong$n.net"
    "$root/circuit" verilog "$root/circuits/arith/adder_n.net" --top "adder_n<$n>" -o "$out/adder$n.v"
    for kind in spec wrong; do
        local sum="a + b + cin"; [[ $kind == wrong ]] && sum="a + b"
        printf 'module spec (input wire [%s:0] a, input wire [%s:0] b, input wire cin, output wire [%s:0] s, output wire cout);\n    assign {cout, s} = %s;\nendmodule\n' \
            $((n - 1)) $((n - 1)) $((n - 1)) "$sum" >"$out/$kind$n.v"
    done
}

yosys_sat() { # N SPEC
    yosys -q -p "read_verilog $out/adder$1.v $out/$2$1.v; proc; flatten; miter -equiv -flatten -make_assert adder_n_$1 spec miter; hierarchy -top miter; sat -verify -prove-asserts miter"
}
to_blif() { # VERILOG TOP BLIF
    yosys -q -p "read_verilog $1; hierarchy -top $2; proc; flatten; techmap; opt -fast; rename $2 top; write_blif $3"
}
yosys_cec() { # N SPEC
    to_blif "$out/adder$1.v" "adder_n_$1" "$out/impl$1.blif"
    to_blif "$out/$2$1.v" spec "$out/$2$1.blif"
    yosys-abc -c "cec $out/impl$1.blif $out/$2$1.blif" | tee "$out/cec.tmp" | grep -q "Networks are equivalent"
}

# /usr/bin/time runs programs, not shell functions: the functions run in a child bash.
export out
export -f yosys_sat to_blif yosys_cec

# time_run LABEL CMD...: appends "wall cpu" to $out/LABEL.times (CPU of the child processes included).
time_run() {
    local label="$1"; shift
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out/time.tmp" "$@" >"$out/run.tmp" 2>&1 || { cat "$out/run.tmp" >&2; echo "bench: $label failed" >&2; exit 1; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'NR==1 {printf "%.3f %.3f\n", b - a, $1 + $2}' "$out/time.tmp" >>"$out/$label.times"
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== $(java -version 2>&1 | head -1); $(yosys -V)"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $widths; do
    prepare "$n"
    # Controls: every contender must reject the wrong property.
    if "$root/circuit" test -q "$out/wrong$n.net" >/dev/null 2>&1; then echo "bench: circuit passed the wrong property" >&2; exit 1; fi
    if yosys_sat "$n" wrong >/dev/null 2>&1; then echo "bench: yosys sat passed the wrong property" >&2; exit 1; fi
    if yosys_cec "$n" wrong >/dev/null 2>&1; then echo "bench: yosys-abc cec passed the wrong property" >&2; exit 1; fi
    rm -f "$out"/*.times
    for ((i = 0; i < repeats; i++)); do
        time_run circuit "$root/circuit" test "$out/adder$n.net"
        grep -q "^PASS .*SAT engine" "$out/run.tmp" || { cat "$out/run.tmp" >&2; echo "bench: circuit did not prove adder_n<$n> by SAT" >&2; exit 1; }
        [[ $i == 0 ]] && echo "   $(grep PASS "$out/run.tmp")"
        time_run yosys-sat bash -c 'yosys_sat "$@"' _ "$n" spec
        time_run yosys-cec bash -c 'yosys_cec "$@"' _ "$n" spec
        # The part of yosys-cec that is ABC's equivalence check itself (the rest is Yosys' front end).
        time_run cec-only yosys-abc -c "cec $out/impl$n.blif $out/spec$n.blif"
    done
    printf '== adder_n<%s> (%s perceptrons, 2^%s rows), medians of %s runs\n' "$n" $((9 * n)) $((2 * n + 1)) "$repeats"
    cw=$(cut -d' ' -f1 "$out/circuit.times" | median)
    for label in circuit yosys-sat yosys-cec cec-only; do
        w=$(cut -d' ' -f1 "$out/$label.times" | median); c=$(cut -d' ' -f2 "$out/$label.times" | median)
        awk -v l="$label" -v w="$w" -v c="$c" -v cw="$cw" 'BEGIN { printf "  %-10s wall %8.3fs  cpu %8.3fs  wall / circuit %6.2f\n", l, w, c, w / cw }'
    done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
