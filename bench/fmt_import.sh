#!/usr/bin/env bash
# Times `circuit fmt` of N statements with trailing comments and `circuit import` of an N-gate .bench
# (bench/gen_flat.py), to show both grow linearly: the formatter used to align each run of
# assignments once per statement (quadratic), and import prints through the same formatter.
#
#   bench/fmt_import.sh [SIZES...]            (default: 2000 4000 100000)
#   BASELINE_JAR=old/circuit.jar bench/fmt_import.sh
#
# With BASELINE_JAR, the same commands also run on that jar (e.g. the build before the change) for
# sizes up to BASELINE_MAX (default 2000; a quadratic build takes many minutes beyond), in the same run.
# Prints wall and CPU seconds and peak memory; each run is one JVM (start-up included, shown at N=2).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(2000 4000 100000)
work="$root/target/bench/fmt_import"
mkdir -p "$work"
(cd "$root" && mvn -B -q -o -DskipTests package)
jars=("new:$root/target/circuit.jar")
[[ -n "${BASELINE_JAR:-}" ]] && jars+=("baseline:$BASELINE_JAR")
opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)   # the launcher's options for short commands
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-7s %8s %9s %9s %8s\n' build command N wall_s cpu_s rss_MB
for n in 2 "${sizes[@]}"; do
    python3 "$here/gen_flat.py" "$n" net >"$work/flat_$n.net"
    python3 "$here/gen_flat.py" "$n" bench >"$work/flat_$n.bench"
    for j in "${jars[@]}"; do
        build="${j%%:*}" jar="${j#*:}"
        [[ $build == baseline && $n -gt ${BASELINE_MAX:-2000} ]] && continue
        for cmd in fmt import; do
            if [[ $cmd == fmt ]]; then args=(fmt "$work/flat_$n.net"); else args=(import "$work/flat_$n.bench" -o "$work/imported_$n.net"); fi
            rm -f "$work/imported_$n.net"
            t0=$(date +%s.%N)
            /usr/bin/time -f "%U %S %M" -o "$work/time.tmp" java "${opts[@]}" -jar "$jar" "${args[@]}" >"$work/out.tmp" 2>&1 || {
                cat "$work/out.tmp" >&2; echo "fmt_import: $build ${args[*]} failed" >&2; exit 1; }
            t1=$(date +%s.%N)
            # fmt keeps every statement and its comment; import writes the N gates as N neurons.
            if [[ $cmd == fmt ]]; then [[ $(grep -c '  # step ' "$work/out.tmp") -eq $n ]] || { echo "fmt_import: fmt lost lines" >&2; exit 1; }
            else [[ $(grep -c ' = NAND(' "$work/imported_$n.net") -eq $n ]] || { echo "fmt_import: import lost gates" >&2; exit 1; }; fi
            awk -v b="$build" -v c="$cmd" -v n="$n" -v a="$t0" -v z="$t1" \
                'NR==1 {printf "%-8s %-7s %8d %9.2f %9.2f %8.0f\n", b, c, n, z - a, $1 + $2, $3 / 1024}' "$work/time.tmp"
        done
    done
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
