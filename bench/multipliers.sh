#!/usr/bin/env bash
# The NxN NAND multiplier from Yosys against `a * b` and against the hand-written array multiplier
# mul_n<N> (circuits/arith/mul.net): exhaustive and SAT side by side, and Yosys' own provers on the
# same miters. Whole process against whole process, one run each (the exhaustive 16x16 runs take
# minutes). See docs/BENCHMARKS.md, "Multipliers against Yosys".
#
#   bench/multipliers.sh [--width N] [--timeout SECONDS] [--only "LABEL ..."]
#
# The imported multiplier: `module mulN(a, b, p); assign p = a * b;` through
#   yosys: synth -top mulN; abc -g NAND; opt_clean; write_blif
# then `circuit import` (every NAND cover is one threshold neuron).
#
# The contenders (labels), each from its input files to its verdict:
#   test-enum    circuit test --engine auto      check mulN: p == a*b        (2^(2N) rows, enumeration)
#   test-sat     circuit test --engine sat       same check, --timeout
#   equiv-enum   circuit equiv imported mul_n<N> --engine auto   (enumeration of the miter)
#   equiv-sat    circuit equiv imported mul_n<N> --engine sat    (--timeout)
#   ysat-spec    yosys sat -prove-asserts on miter(imported, a*b)     (timeout: -timeout)
#   ysat-hand    yosys sat -prove-asserts on miter(imported, mul_n<N> as Verilog)
#   cec-spec     yosys-abc cec imported.blif spec.blif  (spec to gates by Yosys first, not timed)
#   cec-hand     yosys-abc cec imported.blif hand.blif  (mul_n<N> to gates by Yosys first, not timed)
# The *-enum contenders run auto, the default: it first gives SAT a budget of propagations when
# enumerating would cost at least 2^38 gate evaluations (as at N = 16), and enumerates when SAT has
# no answer within it.
#
# Controls: before timing, a wrong spec (`a * b + 1`) must be rejected by circuit (SAT finds it) and
# by both Yosys provers, so none of them can pass by not checking.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
n=16
timeout=600
only=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --width) n="$2"; shift ;;
        --timeout) timeout="$2"; shift ;;
        --only) only="$2"; shift ;;
        *) echo "usage: bench/multipliers.sh [--width N] [--timeout SECONDS] [--only \"LABEL ...\"]" >&2; exit 2 ;;
    esac
    shift
done
command -v yosys >/dev/null && command -v yosys-abc >/dev/null || { echo "bench: needs yosys and yosys-abc (apt-get install -y yosys)" >&2; exit 1; }
out="$root/target/bench/mul"
mkdir -p "$out"
(cd "$root" && mvn -B -q -o -DskipTests package)
# A copy of the jar: the runs take minutes, and a rebuild in the checkout must not change it under them.
cp "$root/target/circuit.jar" "$out/circuit.jar"
c="$out/circuit"
printf '#!/usr/bin/env bash\nexec java -jar "%s" "$@"\n' "$out/circuit.jar" >"$c"
chmod +x "$c"
m=$((2 * n))

# The files: the imported multiplier, its check, the hand-written one and the spec as Verilog and BLIF.
printf 'module mul%s(input [%s:0] a, input [%s:0] b, output [%s:0] p); assign p = a * b; endmodule\n' "$n" $((n - 1)) $((n - 1)) $((m - 1)) >"$out/mul$n.v"
printf 'module spec(input [%s:0] a, input [%s:0] b, output [%s:0] p); assign p = a * b; endmodule\n' $((n - 1)) $((n - 1)) $((m - 1)) >"$out/spec$n.v"
printf 'module wrong(input [%s:0] a, input [%s:0] b, output [%s:0] p); assign p = a * b + 1; endmodule\n' $((n - 1)) $((n - 1)) $((m - 1)) >"$out/wrong$n.v"
rm -f "$out"/*.net "$out"/*.v.out "$out/imported$n.v" "$out/hand$n.v"
yosys -q -p "read_verilog $out/mul$n.v; synth -top mul$n; abc -g NAND; opt_clean; write_blif $out/mul${n}_nand.blif"
"$c" import "$out/mul${n}_nand.blif" -o "$out/mul${n}_nand.net" >/dev/null
printf 'import "mul%s_nand.net"\n\ncheck mul%s: p == a*b\n' "$n" "$n" >"$out/check$n.net"
printf 'import "mul%s_nand.net"\n\ncheck mul%s: p == a*b + 1\n' "$n" "$n" >"$out/wrongcheck$n.net"
"$c" verilog "$out/mul${n}_nand.net" -o "$out/imported$n.v"
"$c" verilog "$root/circuits/arith/mul.net" --top "mul_n<$n>" -o "$out/hand$n.v"
to_blif() { # VERILOG TOP BLIF
    yosys -q -p "read_verilog $1; hierarchy -top $2; proc; flatten; techmap; opt -fast; rename $2 top; write_blif $3"
}
to_blif "$out/spec$n.v" spec "$out/spec$n.blif"
to_blif "$out/wrong$n.v" wrong "$out/wrong$n.blif"
to_blif "$out/hand$n.v" "mul_n_$n" "$out/hand$n.blif"
to_blif "$out/mul${n}_nand.blif" "mul$n" "$out/imported$n.blif" 2>/dev/null || cp "$out/mul${n}_nand.blif" "$out/imported$n.blif"
gates=$(grep -c '^\.names' "$out/mul${n}_nand.blif" || true)

ysat() { # OTHER_VERILOG OTHER_TOP
    # Its verdict line ("SUCCESS", a model, or the timeout) kept; with -verify a failed proof exits non-zero.
    set -o pipefail
    yosys -p "read_verilog $out/imported$n.v $1; proc; flatten; miter -equiv -flatten -make_assert mul$n $2 miter; hierarchy -top miter; sat -verify -prove-asserts -timeout $timeout miter" \
        | { grep -E 'SUCCESS|FAIL|[Tt]imeout|model found|ERROR' || true; }
}
cec() { # OTHER_BLIF
    yosys-abc -c "cec $out/imported$n.blif $1" | tee "$out/cec.tmp" | grep -q "Networks are equivalent"
}
export out n timeout
export -f ysat cec

# run LABEL CMD...: prints "LABEL wall cpu exit" and the command's last output line.
run() {
    local label="$1"; shift
    [[ -n "$only" && " $only " != *" $label "* ]] && return 0
    local t0 t1 rc=0
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out/time.tmp" "$@" >"$out/$label.log" 2>&1 || rc=$?
    t1=$(date +%s.%N)
    awk -v l="$label" -v a="$t0" -v b="$t1" -v rc="$rc" 'END {printf "  %-11s wall %9.2fs  cpu %9.2fs  exit %s\n", l, b - a, $1 + $2, rc}' "$out/time.tmp"
    { grep -v '^\s*$' "$out/$label.log" || true; } | tail -2 | cut -c1-300 | sed 's/^/      /'
}

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== $(java -version 2>&1 | head -1); $(yosys -V)"
echo "== mul$n from Yosys: $gates NAND gates; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -z "$only" ]]; then
    # Controls: a wrong spec is rejected by each prover.
    if "$c" test -q --engine sat --timeout "$timeout" "$out/wrongcheck$n.net" >/dev/null 2>&1; then echo "bench: circuit passed a wrong property" >&2; exit 1; fi
    if bash -c 'ysat "$@"' _ "$out/wrong$n.v" wrong >/dev/null 2>&1; then echo "bench: yosys sat passed a wrong miter" >&2; exit 1; fi
    if bash -c 'cec "$@"' _ "$out/wrong$n.blif" >/dev/null 2>&1; then echo "bench: abc cec passed a wrong miter" >&2; exit 1; fi
    echo "== controls: the wrong spec a*b + 1 rejected by circuit (SAT), yosys sat and abc cec"
fi
run test-enum "$c" test "$out/check$n.net"
run test-sat "$c" test --engine sat --timeout "$timeout" "$out/check$n.net"
run equiv-enum "$c" equiv "$out/mul${n}_nand.net" "$root/circuits/arith/mul.net" --top-b "mul_n<$n>"
run equiv-sat "$c" equiv --engine sat --timeout "$timeout" "$out/mul${n}_nand.net" "$root/circuits/arith/mul.net" --top-b "mul_n<$n>"
run ysat-spec bash -c 'ysat "$@"' _ "$out/spec$n.v" spec
run ysat-hand bash -c 'ysat "$@"' _ "$out/hand$n.v" "mul_n_$n"
run cec-spec bash -c 'cec "$@"' _ "$out/spec$n.blif"
run cec-hand bash -c 'cec "$@"' _ "$out/hand$n.blif"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
