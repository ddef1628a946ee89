#!/usr/bin/env bash
# Times reading + elaborating generated circuits of 10^4, 10^5 and 10^6 NAND perceptrons, to show
# the cost grows linearly. Each run is `circuit eval FILE 1 1`: JVM start-up, parse, elaborate, and
# one scalar evaluation (the last is negligible next to the rest). Two shapes (bench/gen_chain.py):
#   flat  one circuit body of N explicit statements: a file of N lines to parse and name-resolve
#   loop  a `for` loop the elaborator unrolls into N neurons: a small file, a large netlist
#
#   bench/elab_scale.sh [SIZES...]      (default: 10000 100000 1000000)
# Prints wall and CPU seconds, peak memory (RSS) and CPU microseconds per neuron above the cost of
# a 2-neuron chain of the same shape (JVM start-up and class loading); a linear cost keeps the last
# column flat. circuit runs with the launcher's JVM options (CIRCUIT_JAVA_OPTS overrides).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000 1000000)
work="$root/target/bench/elab"
mkdir -p "$work"
(cd "$root" && mvn -B -q -o -DskipTests package)
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %9s %9s %9s %10s %12s %14s\n' shape neurons wall_s cpu_s rss_MB file_MB 'us/neuron(cpu)'
for shape in flat loop; do
    base=""
    for n in 2 "${sizes[@]}"; do
        f="$work/chain_${shape}_$n.net"
        python3 "$here/gen_chain.py" "$n" "$shape" >"$f"
        t0=$(date +%s.%N)
        /usr/bin/time -f "%U %S %M" -o "$work/time.tmp" "$root/circuit" eval "$f" 1 1 >"$work/out.tmp" 2>&1 || {
            cat "$work/out.tmp" >&2; echo "elab_scale: circuit eval failed on $f" >&2; exit 1; }
        t1=$(date +%s.%N)
        # x = y = 1: each NAND inverts, so an even chain gives out = x = 1.
        expect=$(( n % 2 == 0 ? 1 : 0 ))
        grep -qx "out=$expect" "$work/out.tmp" || { cat "$work/out.tmp" >&2; echo "elab_scale: wrong output" >&2; exit 1; }
        [[ -n $base ]] || base=$(awk 'NR==1 {print $1 + $2}' "$work/time.tmp")
        awk -v s="$shape" -v n="$n" -v a="$t0" -v b="$t1" -v sz="$(stat -c %s "$f")" -v base="$base" \
            'NR==1 {printf "%-5s %9d %9.2f %9.2f %10.0f %12.1f %14s\n", s, n, b - a, $1 + $2, $3 / 1024, sz / 1e6,
                    (n > 2) ? sprintf("%.2f", ($1 + $2 - base) * 1e6 / n) : "(start-up)"}' \
            "$work/time.tmp"
    done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
