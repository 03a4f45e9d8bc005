#!/bin/sh
# Builds the libFuzzer targets (clang) and runs each for SECONDS (default 20), seeded with the
# project's letters. Exit status 1 at the first crash (its input is left as ./crash-*).
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CC=clang cmake -S . -B build-fuzz -DIMRX_FUZZ=ON -DIMRX_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j "$(nproc)"
for target in build-fuzz/fuzz/fuzz_*; do
    name=$(basename "$target")
    work=build-fuzz/corpus/$name
    mkdir -p "$work"
    if ! "$target" -max_total_time="$SECONDS_EACH" -max_len=16384 -rss_limit_mb=2048 \
        -print_final_stats=1 "$work" corpus/letters > "build-fuzz/$name.log" 2>&1; then
        tail -40 "build-fuzz/$name.log"
        echo "fuzz: $name found a problem (see build-fuzz/$name.log)" >&2
        exit 1
    fi
    echo "fuzz: $name: $(grep -o 'Done [0-9]* runs' "build-fuzz/$name.log")"
done
