#!/bin/sh
# Sets up (Debian packages), builds, and runs the main job on the bundled corpus: one record per
# letter into out/records.jsonl, the same as a SQLite database, the uphold statistics by
# category, and an HTML report.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
mkdir -p out
build/imrx extract corpus/letters -o out/records.jsonl
build/imrx extract -q corpus/letters -o out/cases.sqlite
build/imrx stats out/records.jsonl --by category
build/imrx report -q out/records.jsonl -o out/report.html
echo "records: out/records.jsonl, out/cases.sqlite; report: out/report.html"
