#!/usr/bin/env bash
# Proves the README's Install section works as written: in a fresh clone of this commit, with a home
# folder of its own, run the section's command block (link the launcher into ~/.local/bin, then
# `circuit eval circuits/adder.net 1 1`), then call `circuit` through that link from another folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/clone"
mkdir -p "$work/home"
# The Install block: the first fenced block after "## Install".
block="$(awk '/^## Install/ {on=1} on && /^```/ {n++; next} on && n==1 {print} n==2 {exit}' "$root/README.md")"
[[ -n "$block" ]] || { echo "install_check: no command block under '## Install' in README.md" >&2; exit 1; }
# A home of its own, so the user's ~/.local/bin is not touched; Maven still uses the usual repository.
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=${HOME}/.m2/repository"
export HOME="$work/home"
export PATH="$HOME/.local/bin:$PATH"
out="$(cd "$work/clone" && bash -euo pipefail -c "$block")"
[[ "$out" == "sum=0 carry=1" ]] || { echo "install_check: the Install block printed '$out', not 'sum=0 carry=1'" >&2; exit 1; }
[[ -L "$HOME/.local/bin/circuit" ]] || { echo "install_check: no link in ~/.local/bin" >&2; exit 1; }
# From any folder: the link finds its checkout.
out="$(cd / && circuit eval "$work/clone/circuits/adder.net" 1 1)"
[[ "$out" == "sum=0 carry=1" ]] || { echo "install_check: from / it printed '$out'" >&2; exit 1; }
# A link to the link (as package managers and dotfile tools make) works too.
ln -s "$HOME/.local/bin/circuit" "$work/circuit2"
out="$(cd "$work/home" && "$work/circuit2" eval "$work/clone/circuits/adder.net" 1 1)"
[[ "$out" == "sum=0 carry=1" ]] || { echo "install_check: through two links it printed '$out'" >&2; exit 1; }
echo "install_check: the README's Install section works from a fresh clone through a link on PATH"
