#!/bin/bash
# Throughput of the medications plugin, in MB/s per core.
#
#   bench/medications.sh [BUILD_DIR] [TARGET_MB] [LETTER_DIR...]
#
# Copies the letters (default: corpus/letters, and ../shared/real-letters/dev/*.txt when present)
# into a temporary folder until it holds about TARGET_MB (default 50) megabytes, then times
# `imrx extract` on one thread with the decisions plugin alone and with decisions and
# medications. The difference is the medications plugin's own time (its item link needs the
# decisions plugin's items, so both runs include it). Best of three runs each, in CPU seconds.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
target_mb=${2:-50}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
imrx=$build/imrx
[ -x "$imrx" ] || { echo "no $imrx: build first (cmake --build $build)" >&2; exit 2; }

if [ $# -eq 0 ]; then
    set -- "$here/corpus/letters"
    [ -d "$here/../shared/real-letters/dev" ] && set -- "$@" "$here/../shared/real-letters/dev"
fi

work=$(mktemp -d /tmp/imrx-bench-meds-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

# One copy of every .txt letter, then more copies until the folder reaches the target size.
mkdir "$work/seed"
for d in "$@"; do
    for f in "$d"/*.txt; do [ -f "$f" ] && cp "$f" "$work/seed/"; done
done
seed_bytes=$(cat "$work"/seed/*.txt | wc -c)
[ "$seed_bytes" -gt 0 ] || { echo "no letters found" >&2; exit 2; }
copies=$(( (target_mb * 1000000 + seed_bytes - 1) / seed_bytes ))
mkdir "$work/letters"
i=0
while [ $i -lt $copies ]; do
    for f in "$work"/seed/*.txt; do cp "$f" "$work/letters/$i-$(basename "$f")"; done
    i=$((i + 1))
done
bytes=$(cat "$work"/letters/*.txt | wc -c)

# CPU seconds (user + system) of the best of three runs with the given plugins, on one thread:
# CPU time rather than wall time, so that other work on the machine disturbs the figure less.
best_time() {
    local best="" t
    for _ in 1 2 3; do
        # (exit status 1 only says some letter had an error; the time still counts)
        t=$( { TIMEFORMAT='%3U %3S'; time "$imrx" extract -q -j 1 --plugins "$1" "$work/letters" \
            >/dev/null 2>&1 || true; } 2>&1 | awk '{ print $1 + $2 }')
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

base=$(best_time decisions)
with=$(best_time decisions,medications)
mb=$(echo "$bytes / 1000000" | bc -l)
own=$(echo "$with - $base" | bc -l)
printf 'letters: %d files, %.1f MB (%d copies of %d letters)\n' \
    "$(ls "$work/letters" | wc -l)" "$mb" "$copies" "$(ls "$work/seed" | wc -l)"
printf 'decisions alone:            %7.2f s CPU  %8.1f MB/s\n' "$base" "$(echo "$mb / $base" | bc -l)"
printf 'decisions + medications:    %7.2f s CPU  %8.1f MB/s\n' "$with" "$(echo "$mb / $with" | bc -l)"
if [ "$(echo "$own > 0.001" | bc -l)" = 1 ]; then
    printf 'medications plugin alone:   %7.2f s CPU  %8.1f MB/s per core\n' "$own" \
        "$(echo "$mb / $own" | bc -l)"
else
    echo "medications plugin alone: below measurement noise"
fi
