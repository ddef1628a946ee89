#!/usr/bin/env bash
# Profiles the bit-parallel engine's kernels against straight-line alternatives, one thread each,
# in rows per CPU-second (see docs/BENCHMARKS.md, "Where the time goes"). Gen compiles the check of
# bench/adder16.net with the engine's own BitParallel.compile and dumps its schedule: the rows in
# the engine's enumeration order (the inputs chosen by cone of influence vary inside a block of
# 32 words), the gates constant over a block run once per block, the others on every word. Bench
# runs that schedule as (a) a copy of the engine's interpreter ("interp"), (b) straight-line Java
# over long locals, one word per step ("straight64"), (c) straight-line jdk.incubator.vector
# LongVector code, 256 bits per step ("vec"), (d) the shape the engine generates (Bytecode) as Java:
# a counted loop over a block's words around the straight-line row gates ("loop"), and (e) that
# loop cut into chunks of -Dchunk gates ("chunked"). Each under a copy of the engine's search for
# the first failing row (in counting order).
#   bench/profile.sh [LOG2_ROWS]     (default 30: the first 2^30 of the 2^33 rows, enumeration order)
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
# to report the first failing row in counting order, 2 from 0 (a=0 b=1 cin=0), which is also where
# `circuit test` fails ("row 3": it counts from 1) and what the engine's own search returns (Gen
# first-failure). Block 0 of the enumeration fails first (a row with a high bit set), so a kernel
# passes only if the search around it goes on to the block holding row 2, as the engine's does.
b="$p/broken"
mkdir -p "$b"
sed 's/n5   = nand(n4, cin)/n5   = nand(n4, n4)/' "$here/adder16.net" >"$b/broken16.net"
java -cp "$root/target/circuit.jar:$p" Gen "$b/broken16.net" "$b" first-failure >"$b/gen.tmp"
grep -q "^engine: first failing row 2$" "$b/gen.tmp" || {
    cat "$b/gen.tmp" >&2; echo "profile: the engine itself does not report row 2 on the broken adder" >&2; exit 1; }
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
java -XX:+UseSerialGC -cp "$p" Bench interp "$p" "$log"
echo "-- the same kernel, C1 only (the launcher's options for short commands):"
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$p" Bench interp "$p" "$((log - 2))"
echo "-- the same kernel, C2 without SuperWord (no loop vectorisation):"
java -XX:+UseSerialGC -XX:-UseSuperWord -cp "$p" Bench interp "$p" "$log"
java -XX:+UseSerialGC -cp "$p" Bench straight64 "$p" "$log"
java -XX:+UseSerialGC -cp "$p" Bench loop "$p" "$log"
java -XX:+UseSerialGC -cp "$p" Bench chunked "$p" "$log"
java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp "$p" Bench vec "$p" "$log" 2>&1 | grep -v 'WARNING: Using incubator'
echo "-- the launcher's options for \`test\` (-XX:LoopUnrollLimit=400, default 60):"
java -XX:+UseSerialGC -XX:LoopUnrollLimit=400 -cp "$p" Bench interp "$p" "$log"
java -XX:+UseSerialGC -XX:LoopUnrollLimit=400 -cp "$p" Bench loop "$p" "$log"
echo "-- C, one thread, all 2^33 rows:"
gcc -O3 -march=native -mavx2 -pthread -o "$p/nand_adder16" "$here/nand_adder16.c"
/usr/bin/time -f "   cpu %U s user" "$p/nand_adder16" --threads 1
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
