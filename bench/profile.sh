#!/usr/bin/env bash
# Profiles the bit-parallel engine's kernel against straight-line alternatives, one thread each,
# in rows per CPU-second (see docs/BENCHMARKS.md, "Where the time goes"). Gen compiles the check of
# bench/adder16.net with the engine's own BitParallel.compile and dumps its gate schedule; Bench
# runs (a) a copy of the engine's kernel with WORDS varied, (b) that schedule as straight-line Java
# over long locals, (c) as straight-line jdk.incubator.vector LongVector code (256 bits), (d) the
# shape the engine now generates: a counted loop over a block's words around the straight-line body
# ("loop"), and (e) that loop cut into chunks of -Dchunk gates ("chunked").
#   bench/profile.sh [LOG2_ROWS]     (default 30: the first 2^30 of the 2^33 rows)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
log="${1:-30}"
p="$root/target/bench/profile"
mkdir -p "$p"
(cd "$root" && mvn -B -q -o -DskipTests package)
javac --release 17 -cp "$root/target/circuit.jar" -d "$p" "$here/profile/Gen.java"
java -cp "$root/target/circuit.jar:$p" Gen "$here/adder16.net" "$p"
javac --release 17 -d "$p" "$p/Straight64.java" "$p/StraightLoop.java" "$p/Chunked.java" "$here/profile/Bench.java"
javac --release 17 --add-modules jdk.incubator.vector -d "$p" "$p/StraightVec.java" 2>&1 | grep -v -e incubating -e '^1 warning' || true
# The kernels must compute something: on a broken adder (gate n5 rewired to nand(n4, n4)) each has
# to report the first failing row, 2 (a=0 b=1 cin=0), which is also where `circuit test` fails.
b="$p/broken"
mkdir -p "$b"
sed 's/n5   = nand(n4, cin)/n5   = nand(n4, n4)/' "$here/adder16.net" >"$b/broken16.net"
java -cp "$root/target/circuit.jar:$p" Gen "$b/broken16.net" "$b" >/dev/null
javac --release 17 -d "$b" "$b/Straight64.java" "$b/StraightLoop.java" "$b/Chunked.java" "$here/profile/Bench.java"
javac --release 17 --add-modules jdk.incubator.vector -d "$b" "$b/StraightVec.java" 2>/dev/null
for m in interp straight64 vec loop chunked; do
    if java --add-modules jdk.incubator.vector -cp "$b" Bench "$m" "$b" 20 >"$b/out.tmp" 2>&1 \
            || ! grep -q "property failed at row 2$" "$b/out.tmp"; then
        cat "$b/out.tmp" >&2; echo "profile: kernel $m missed the broken adder's first failing row" >&2; exit 1
    fi
done
echo "== sanity: all kernels report the broken adder's first failing row (2)"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for w in 8 32 128 256; do java -XX:+UseSerialGC -Dwords=$w -cp "$p" Bench interp "$p" "$log"; done
echo "-- the same kernel, C1 only (the launcher's options for short commands):"
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dwords=32 -cp "$p" Bench interp "$p" "$((log - 2))"
echo "-- the same kernel, C2 without SuperWord (no loop vectorisation):"
java -XX:+UseSerialGC -XX:-UseSuperWord -Dwords=32 -cp "$p" Bench interp "$p" "$log"
java -XX:+UseSerialGC -cp "$p" Bench straight64 "$p" "$log"
java -XX:+UseSerialGC -cp "$p" Bench loop "$p" "$log"
java -XX:+UseSerialGC -cp "$p" Bench chunked "$p" "$log"
java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp "$p" Bench vec "$p" "$log" 2>&1 | grep -v 'WARNING: Using incubator'
echo "-- C, one thread, all 2^33 rows:"
gcc -O3 -march=native -mavx2 -pthread -o "$p/nand_adder16" "$here/nand_adder16.c"
/usr/bin/time -f "   cpu %U s user" "$p/nand_adder16" --threads 1
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
