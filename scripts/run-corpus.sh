#!/bin/sh
# Sets up (Debian packages), builds, and runs the main job on the bundled corpus: one record per
# letter into out/records.jsonl, then the uphold statistics.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
mkdir -p out
build/imrx extract corpus/letters -o out/records.jsonl
echo "records: out/records.jsonl ($(wc -l < out/records.jsonl) letters)"
