#!/bin/sh
# Writes corpus/baseline.json, corpus/baseline-gen.json (500 generated letters with noise, the
# same that tests/test_eval.c generates), corpus/baseline-blind.json and corpus/baseline-real.json when
# ../shared/real-letters/dev exists (and corpus/baseline-real-pdfminer.json, its PDFs through
# pdfminer's pdf2txt, when that is installed), from what the extractors score now: each field's F1 or accuracy, rounded down to
# three decimals. Run it after an improvement, and commit the result with it.
set -eu
cd "$(dirname "$0")/.."
write() {
    build/imrx eval -q --json --gold "$1" "$2" | python3 -c '
import json, math, sys
scores = json.load(sys.stdin)["fields"]
out = {}
for name, f in scores.items():
    v = f.get("f1", f.get("accuracy"))
    if v is not None:
        out[name] = math.floor(v * 1000) / 1000
print(json.dumps({"_about": "minimum score per field; scripts/baseline.sh writes it", "minimum": out}, indent=2))
' > "$3"
    echo "wrote $3"
}
write corpus/gold corpus/letters corpus/baseline.json
GEN=$(mktemp -d)
build/imrx gen --quiet --seed 99 --count 500 --noise 3 --out "$GEN"
write "$GEN/gold" "$GEN/letters" corpus/baseline-gen.json
rm -rf "$GEN"
write corpus/blind/gold corpus/blind/letters corpus/baseline-blind.json
if [ -d ../shared/real-letters/dev ]; then
    write corpus/gold-real ../shared/real-letters/dev corpus/baseline-real.json
    # pdfminer's text puts some lines out of order: its own baseline (tests/test_eval.c)
    if command -v pdf2txt >/dev/null; then
        T=$(mktemp -d)
        for f in ../shared/real-letters/dev/*.pdf; do
            pdf2txt -o "$T/$(basename "$f" .pdf).txt" "$f" 2>/dev/null
        done
        write corpus/gold-real "$T" corpus/baseline-real-pdfminer.json
        rm -rf "$T"
    fi
fi
