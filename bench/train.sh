#!/usr/bin/env bash
# Training speed: `circuit train` against the same training written in plain Python + numpy
# (bench/train_xor.py, bench/train_add.py), run one after the other on this machine.
# Both sides time only their training loop (JVM / interpreter start-up excluded) and print epochs/s;
# each side runs RUNS times and the best figure counts, since a shared machine's load only ever
# slows a run down. Not a test: the figures go to docs/BENCHMARKS.md by hand.
# Usage: bench/train.sh [XOR_EPOCHS] [ADD_EPOCHS] [RUNS]
# ADD_EPOCHS defaults to the tutorial's own 10 000 (online, rate 0.1).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
xor_epochs="${1:-100000}"
add_epochs="${2:-10000}"
runs="${3:-3}"
python3 -c 'import numpy' 2>/dev/null || { echo "numpy is not installed: apt-get install python3-numpy (or pip install numpy)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# the XOR net from a random start (the example file holds trained values)
sed -E 's/\?-?[0-9][0-9.]*([eE][+-]?[0-9]+)?/?/g' "$root/circuits/learn/xor.net" > "$tmp/xor.net"
"$root/circuit" --version >/dev/null   # build the jar first, outside the timings

# best RUNS-fold epochs/s of a command whose output has "... N epochs/s ..."
best() {
    local top=0 r
    for _ in $(seq "$runs"); do
        r=$("$@" | sed -nE 's/.* ([0-9]+) epochs\/s.*/\1/p' | tail -1)
        echo "    $r epochs/s" >&2
        (( r > top )) && top=$r
    done
    echo "$top"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== XOR 2-2-1 sigmoid, full batch, sgd, rate 0.5, $xor_epochs epochs, best of $runs"
echo "  circuit:"
j=$(best "$root/circuit" train "$tmp/xor.net" --epochs "$xor_epochs" --rate 0.5 --seed 7)
echo "  numpy:"
p=$(best python3 "$here/train_xor.py" "$xor_epochs")
echo "XOR: circuit $j epochs/s, numpy $p epochs/s, ratio $(echo "scale=1; $j / $p" | bc)x"

echo "== add.net, one sigmoid neuron, online, sgd, rate 0.1, 100 rows, $add_epochs epochs, best of $runs"
echo "  circuit:"
j=$(best "$root/circuit" train "$root/circuits/learn/add.net" --data "$root/circuits/learn/add.csv" \
    --batch online --rate 0.1 --epochs "$add_epochs")
echo "  numpy:"
p=$(best python3 "$here/train_add.py" "$add_epochs")
echo "add: circuit $j epochs/s, numpy $p epochs/s, ratio $(echo "scale=1; $j / $p" | bc)x"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
