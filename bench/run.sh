#!/bin/sh
# The archive benchmark (issue: archive scale). Generates an archive of letters with `imrx gen`,
# then measures, on the same files in the same run:
#   - imrx extract (all plugins) at -j 1 and at -j <all cores>: letters/s, MB/s, peak memory
#   - the I/O floor: cat of every file
#   - one fast regex pass: rg -c for one pattern (one thread, and all threads)
# and prints the ratios the targets are stated in. Figures, not a pass/fail test: machines here
# are shared and noisy; run it twice and compare.
#
#   bench/run.sh [COUNT] [BUILD_DIR]        (defaults: 100000 letters, build/)
#   BENCH_DIR=/tmp/x bench/run.sh           (keep the generated archive there)
#   BENCH_PDF=1 bench/run.sh                (also PDF input, from ../shared/real-letters/dev)
#   BENCH_SCALE=1 bench/run.sh              (also peak memory at COUNT and 10 x COUNT letters)
set -eu
COUNT=${1:-100000}
BUILD=${2:-build}
IMRX=$BUILD/imrx
DIR=${BENCH_DIR:-$(mktemp -d /tmp/imrx-bench-XXXXXX)}
CORES=$(nproc)
[ -x "$IMRX" ] || { echo "build first: $IMRX not found" >&2; exit 2; }
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: scripts/setup.sh installs it" >&2; exit 2; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }

if [ ! -d "$DIR/letters" ]; then
    echo "generating $COUNT letters into $DIR ..." >&2
    $TIME -f "gen: %e s, peak %M KB" "$IMRX" gen --quiet --seed 1 --count "$COUNT" --out "$DIR" >&2
fi
LIST="$DIR/files.txt"
find "$DIR/letters" -name '*.txt' | sort > "$LIST"
N=$(wc -l < "$LIST")
BYTES=$(xargs cat < "$LIST" | wc -c)
MB=$(echo "$BYTES" | awk '{printf "%.1f", $1 / 1e6}')
echo "archive: $N letters, $MB MB in $DIR"

# Warm the page cache so every measurement reads from memory.
xargs cat < "$LIST" > /dev/null

measure() { # label, command...: prints "label seconds peakKB"
    label=$1
    shift
    $TIME -f "%e %M" -o "$DIR/time.txt" "$@" > /dev/null 2> "$DIR/err.txt" || true
    set -- $(tail -1 "$DIR/time.txt")
    echo "$label $1 $2"
}

{
    measure cat sh -c "xargs cat < '$LIST'"
    measure rg-j1 rg -j1 -c Upheld "$DIR/letters"
    measure rg-all rg -c Upheld "$DIR/letters"
    measure extract-j1 "$IMRX" extract -q -j 1 "$DIR/letters" -o /dev/null
    measure extract-all "$IMRX" extract -q -j "$CORES" "$DIR/letters" -o /dev/null
} > "$DIR/results.txt"

awk -v n="$N" -v mb="$MB" -v cores="$CORES" '
{ t[$1] = $2; m[$1] = $3 }
END {
    printf "%-14s %9s %12s %9s %10s\n", "what", "seconds", "letters/s", "MB/s", "peak MB"
    split("cat rg-j1 rg-all extract-j1 extract-all", order, " ")
    for (i = 1; i <= 5; i++) {
        k = order[i]
        printf "%-14s %9.2f %12.0f %9.1f %10.1f\n", k, t[k], n / t[k], mb / t[k], m[k] / 1024
    }
    printf "\n"
    printf "per core, -j 1:            %.0f letters/s  (target >= 15000)\n", n / t["extract-j1"]
    printf "-j %d over -j 1:            %.2fx          (target >= 1.8 with 2 cores)\n", cores, t["extract-j1"] / t["extract-all"]
    printf "extract -j1 / rg -c -j1:   %.1fx time      (target <= 4)\n", t["extract-j1"] / t["rg-j1"]
    printf "extract -j1 / cat:         %.1fx time\n", t["extract-j1"] / t["cat"]
    printf "peak memory, all cores:    %.1f MB         (target < 64)\n", m["extract-all"] / 1024
}' "$DIR/results.txt"

if [ "${BENCH_PDF:-0}" = 1 ] && [ -d ../shared/real-letters/dev ]; then
    mkdir -p "$DIR/pdf"
    i=0
    while [ $i -lt 10 ]; do
        mkdir -p "$DIR/pdf/$i" && cp ../shared/real-letters/dev/*.pdf "$DIR/pdf/$i/"
        i=$((i + 1))
    done
    P=$(find "$DIR/pdf" -name '*.pdf' | wc -l)
    set -- $(measure pdf-j1 "$IMRX" extract -q -j 1 "$DIR/pdf" -o /dev/null)
    awk -v p="$P" -v t="$2" 'BEGIN { printf "PDF input, -j 1:           %.0f letters/s  (target >= 200)\n", p / t }'
fi
# Memory must not grow with the archive: the same extract over a tar of COUNT letters and over
# one ten times larger (written to $DIR: about 6.5 GB for the default 1,000,000 letters).
if [ "${BENCH_SCALE:-0}" = 1 ]; then
    BIG=$((COUNT * 10))
    echo "generating tars of $COUNT and $BIG letters ..." >&2
    "$IMRX" gen --quiet --seed 2 --count "$COUNT" --out "$DIR/small.tar"
    "$IMRX" gen --quiet --seed 2 --count "$BIG" --out "$DIR/big.tar"
    set -- $(measure small "$IMRX" extract -q -j "$CORES" "$DIR/small.tar" -o /dev/null)
    SMALL_T=$2 SMALL_M=$3
    set -- $(measure big "$IMRX" extract -q -j "$CORES" "$DIR/big.tar" -o /dev/null)
    awk -v n="$COUNT" -v big="$BIG" -v st="$SMALL_T" -v sm="$SMALL_M" -v bt="$2" -v bm="$3" 'BEGIN {
        printf "tar of %8d letters: %7.1f s, peak %.1f MB\n", n, st, sm / 1024
        printf "tar of %8d letters: %7.1f s, peak %.1f MB  (target: unchanged)\n", big, bt, bm / 1024 }'
    rm -f "$DIR/small.tar" "$DIR/big.tar"
fi
[ -n "${BENCH_DIR:-}" ] || rm -rf "$DIR"
