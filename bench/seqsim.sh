#!/usr/bin/env bash
# Simulated cycles per second of circuits with state: `circuit sim` (one run, and 64 runs at once on
# the bit-parallel simulator) against Verilator and Icarus Verilog running the Verilog that
# `circuit verilog` exports for the same circuit, all on random inputs, in the same run.
#
#   bench/seqsim.sh [--cycles N] [FILE.net[:TOP]...]
#
# Default circuits: those of the table in docs/BENCHMARKS.md, all in circuits/seq: counter4.net,
# registers.net:counter_n<16> (a 16-bit counter), lfsr8.net and mult_computer.net (the Hack computer).
# Figures: wall and CPU (user+sys) seconds of the whole process, cycles/s and sequence-cycles/s
# (runs x cycles per CPU second). The machine may be shared: the load average is printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cycles=1000000
files=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cycles) cycles="$2"; shift ;;
        *) files+=("$1") ;;
    esac
    shift
done
if [[ ${#files[@]} -eq 0 ]]; then
    for f in counter4.net "registers.net:counter_n<16>" lfsr8.net mult_computer.net; do
        files+=("$root/circuits/seq/$f")
    done
fi
command -v verilator >/dev/null || { echo "needs verilator (apt-get install verilator)" >&2; exit 2; }
command -v iverilog >/dev/null || { echo "needs iverilog (apt-get install iverilog)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $cycles cycles a run"

# Runs "$@", prints "wall cpu" in seconds.
measure() {
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" > "$work/out" 2>&1
    t1=$(date +%s.%N)
    read -r u s < "$work/time"
    echo "$(echo "$t1 - $t0" | bc -l) $(echo "$u + $s" | bc -l)"
}

# Sequence-cycles per CPU second: "$1" of them in "$2" CPU seconds; "-" when the run took under the
# 0.01 s that time(1) reports (a short --cycles), rather than a division by zero.
rate() {
    if [[ "$(echo "$2 > 0" | bc -l)" == 1 ]]; then printf "%12.3g" "$(echo "$1 / $2" | bc -l)"; else printf "%12s" "-"; fi
}

row() { # name runs wall cpu
    printf "| %-28s | %4d | %8.2f | %8.2f | %s |\n" "$1" "$2" "$3" "$4" "$(rate "$(($2 * cycles))" "$4")"
}

for spec in "${files[@]}"; do
    file="${spec%%:*}"
    top=""
    [[ "$spec" == *:* ]] && top="--top ${spec#*:}"
    name="$(basename "$file" .net)"
    echo
    echo "## $name ($(cd "$root" && ./circuit stats "$file" $top | grep -E '^(neurons|state)' | tr -s ' ' | paste -sd';'))"
    echo "| simulator | runs | wall s | CPU s | sequence-cycles per CPU s |"
    echo "|---|---|---|---|---|"
    (cd "$root" && ./circuit verilog "$file" $top -o "$work/$name.v")
    module=$(grep -m1 '^module' "$work/$name.v" | awk '{print $2}')
    # The module's data inputs (not clk) with their widths.
    mapfile -t ports < <(grep -E '^\s*input\s+wire' "$work/$name.v" | sed -E 's/.*input\s+wire\s*(\[([0-9]+):0\])?\s*([A-Za-z_0-9]+).*/\2 \3/' | grep -v ' clk$')
    # Verilator: a C++ loop with xorshift inputs, a rising and a falling clock edge per cycle.
    {
        echo "#include \"V$module.h\""
        echo "#include <cstdint>"
        echo "#include <cstdio>"
        echo "int main() { V$module top; uint64_t x = 88172645463325252ull; unsigned long sink = 0;"
        echo "  for (long t = 0; t < $cycles; t++) {"
        for p in "${ports[@]}"; do
            w=${p%% *}; n=${p##* }
            echo "    x ^= x << 13; x ^= x >> 7; x ^= x << 17; top.$n = x & ((1ull << (${w:-0} + 1)) - 1);"
        done
        grep -q ' clk,' "$work/$name.v" && echo "    top.clk = 0; top.eval(); top.clk = 1; top.eval();" || echo "    top.eval();"
        echo "    sink += 1; }"
        echo "  printf(\"%lu\\n\", sink); return 0; }"
    } > "$work/main_$name.cpp"
    (cd "$work" && verilator --cc "$name.v" --top-module "$module" --exe "main_$name.cpp" -O3 --build -Wno-fatal -Wno-lint -Wno-style \
        --Mdir "obj_$name" -j 2 > "$work/verilator_$name.log" 2>&1) || { echo "verilator build failed: $work/verilator_$name.log" >&2; cat "$work/verilator_$name.log" >&2; continue; }
    read -r w c < <(measure "$work/obj_$name/V$module")
    row "Verilator (1 run)" 1 "$w" "$c"
    # Icarus: the same loop in a testbench (\$random inputs).
    icycles=$((cycles / 10))
    {
        echo "module bench; reg clk = 0;"
        for p in "${ports[@]}"; do w=${p%% *}; n=${p##* }; [[ -n "$w" ]] && echo "reg [$w:0] $n;" || echo "reg $n;"; done
        echo "$module dut(.clk(clk)$(for p in "${ports[@]}"; do n=${p##* }; echo -n ", .$n($n)"; done));"
        echo "integer t; initial begin for (t = 0; t < $icycles; t = t + 1) begin"
        for p in "${ports[@]}"; do n=${p##* }; echo "  $n = \$random;"; done
        echo "  #1 clk = 1; #1 clk = 0; end \$finish; end endmodule"
    } > "$work/tb_$name.v"
    sed -i 's/dut(.clk(clk), /dut(.clk(clk), /' "$work/tb_$name.v"
    if ! grep -q ' clk,' "$work/$name.v"; then sed -i 's/dut(.clk(clk), /dut(/; s/dut(.clk(clk))/dut()/' "$work/tb_$name.v"; fi
    iverilog -o "$work/ivl_$name" "$work/tb_$name.v" "$work/$name.v" 2> "$work/ivl_$name.log" || { cat "$work/ivl_$name.log" >&2; continue; }
    read -r w c < <(measure vvp -n "$work/ivl_$name")
    printf "| %-28s | %4d | %8.2f | %8.2f | %s |\n" "Icarus ($icycles cycles)" 1 "$w" "$c" "$(rate "$icycles" "$c")"
    for runs in 1 64; do
        read -r w c < <(cd "$root" && measure ./circuit sim "$file" $top --random $runs --cycles "$cycles" --last)
        row "circuit sim --random $runs" "$runs" "$w" "$c"
    done
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
