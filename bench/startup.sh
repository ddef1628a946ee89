#!/usr/bin/env bash
# Start-up time of short commands against a floor, in the same run (docs/BENCHMARKS.md, "Start-up").
#
#   bench/startup.sh [RUNS]     (default 40 runs of each; needs hyperfine: apt-get install -y hyperfine)
#   BASELINE_JAR=old.jar bench/startup.sh    also times another build of circuit.jar, same flags
#
# The floor is a hello-world jar (bench/startup/Hello.java) started with the JVM flags the launcher
# uses for short commands and its own static class-data archive, recorded like the launcher records
# circuit's. circuit.jar runs with those same flags and its archive (recorded here the launcher's
# way, on `eval circuits/adder.net 1 1` and `test circuits/adder.net`), so the ratio is circuit's own
# start-up cost. The launcher itself (`./circuit`, which also checks whether the jar is stale) is
# timed too, as a user runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-40}"
command -v hyperfine >/dev/null || { echo "bench/startup.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -o -DskipTests package) >/dev/null
jar="$root/target/circuit.jar"
javac -d "$work/hello" "$here/startup/Hello.java"
printf 'Main-Class: Hello\n' > "$work/manifest"
jar --create --file "$work/hello.jar" --manifest "$work/manifest" -C "$work/hello" .

flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
# archive NAME JAR [RUN...]: a static class-data archive of the classes `java -jar JAR RUN` loads, for
# each RUN (a string of arguments; none: one run without arguments), recorded the way the launcher
# records circuit's (class lists, then -Xshare:dump).
archive() {
    local name="$1" jar="$2" run i=0
    shift 2
    [[ $# -gt 0 ]] || set -- ""
    local lists=()
    for run in "$@"; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        java $flags -XX:DumpLoadedClassList="$work/$name.$i" -jar "$jar" $run >/dev/null
        lists+=("$work/$name.$i")
    done
    # Each line once, as the launcher does (the dump crashes on a lambda named twice).
    awk '!seen[$0]++' "${lists[@]}" >"$work/$name.classes"
    java -XX:+UseSerialGC -XX:ErrorFile="$work/hs_err.log" -Xshare:dump -XX:SharedClassListFile="$work/$name.classes" -XX:SharedArchiveFile="$work/$name.jsa" -cp "$jar" >/dev/null 2>&1
}
recorded=("eval $root/circuits/adder.net 1 1" "test $root/circuits/adder.net")   # the launcher's two runs
archive hello "$work/hello.jar"
archive circuit "$jar" "${recorded[@]}"
hello="java $flags -XX:SharedArchiveFile=$work/hello.jsa -Xshare:auto $quiet -jar $work/hello.jar"
circuit="java $flags -XX:SharedArchiveFile=$work/circuit.jsa -Xshare:auto $quiet -jar $jar"
baseline=()
if [[ -n "${BASELINE_JAR:-}" ]]; then
    cp "$BASELINE_JAR" "$work/baseline.jar"
    archive baseline "$work/baseline.jar" "${recorded[@]}"
    baseline=(-n "baseline eval adder" "java $flags -XX:SharedArchiveFile=$work/baseline.jsa -Xshare:auto $quiet -jar $work/baseline.jar eval circuits/adder.net 1 1"
              -n "baseline --version" "java $flags -XX:SharedArchiveFile=$work/baseline.jsa -Xshare:auto $quiet -jar $work/baseline.jar --version")
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | head -1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$root"
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$work/table.md" --export-json "$work/runs.json" \
    -n hello "$hello" \
    -n "circuit --version" "$circuit --version" \
    -n "circuit eval adder" "$circuit eval circuits/adder.net 1 1" \
    -n "./circuit eval adder (launcher)" "./circuit eval circuits/adder.net 1 1" \
    "${baseline[@]}"
cat "$work/table.md"
# On a shared machine wall time mostly measures the neighbours; CPU time (user + sys) of the process
# moves much less with load, so it is printed too, as a ratio to the floor's.
python3 - "$work/runs.json" <<'PY'
import json, statistics, sys
rs = json.load(open(sys.argv[1]))["results"]
def cpu_ms(r):
    u, s = r["user"], r["system"]
    # hyperfine gives the mean user and system time of the runs
    return (statistics.median([a + b for a, b in zip(u, s)]) if isinstance(u, list) else u + s) * 1000
cpu = {r["command"]: cpu_ms(r) for r in rs}
floor = cpu["hello"]
print("| Command | CPU (user+sys) [ms] | vs hello |")
print("|:---|---:|---:|")
for name, ms in cpu.items():
    print(f"| `{name}` | {ms:.1f} | {ms / floor:.2f} |")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# What a lambda, a method reference, a stream or a regular expression on the way of eval costs is
# easy to lose again: each invokedynamic call site is linked in the interpreter, the first one sets
# up java.lang.invoke (about 12 ms), and C1 then compiles java.lang.invoke's methods. 0 since the
# "no lambdas" step (docs/BENCHMARKS.md, "Start-up").
# shellcheck disable=SC2086
links="$(java $flags -XX:SharedArchiveFile=$work/circuit.jsa -Xshare:auto $quiet -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true \
    -jar "$jar" eval circuits/adder.net 1 1 2>&1 | grep -c '^linkCallSite' || true)"
echo "invokedynamic call sites linked by eval adder: $links"
# The fast path reads a valid file without ANTLR (syntax/FastParser): ANTLR's parser run cold, its
# automaton deserialised and its runtime loaded and compiled, was the largest part of eval's work.
# 0 since then; a class of the syntax package that mentions ANTLR's types on the way brings some back.
# shellcheck disable=SC2086
antlr="$(java $flags -XX:SharedArchiveFile=$work/circuit.jsa -Xshare:auto $quiet -Xlog:class+load \
    -jar "$jar" eval circuits/adder.net 1 1 | grep -c 'org\.antlr' || true)"
echo "ANTLR classes loaded by eval adder: $antlr"
