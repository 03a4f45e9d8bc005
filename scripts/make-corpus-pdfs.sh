#!/bin/sh
# Renders a few of the project's own corpus letters as PDF (Chromium's print-to-PDF of the text
# in a monospace <pre>), so that the corpus exercises PDF input without the real letters, and
# copies their gold: a PDF must extract the same fields as its text. Run after changing one of
# the source letters; the PDFs are committed (they depend on the Chromium version).
#   scripts/make-corpus-pdfs.sh
set -eu
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "chromium is needed (scripts/setup.sh installs it)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# source letter -> PDF name (PDF-<layout>-NN: a rendering of its own, as pdftotext's are)
for pair in A-layout-03:PDF-A-01 A-layout-07:PDF-A-02 B-02:PDF-B-01 C-03:PDF-C-01 D-04:PDF-D-01; do
    src=${pair%%:*}
    dst=${pair#*:}
    python3 - "corpus/letters/$src.txt" "$tmp/$dst.html" <<'PY'
import html, sys
# A form feed is a page break, where it stands (real letters break mid-paragraph too).
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
style = ("@page{size:letter;margin:0.5in} body{margin:0} "
         "pre{font-family:monospace;font-size:8pt;white-space:pre;margin:0} "
         "pre+pre{break-before:page}")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("<html><head><meta charset=utf-8><style>%s</style></head><body>" % style)
    out.write("".join("<pre>%s</pre>" % html.escape(p) for p in pages))
    out.write("</body></html>")
PY
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="corpus/pdf/$dst.pdf" "file://$tmp/$dst.html" 2>/dev/null
    python3 - "corpus/gold/$src.json" "corpus/gold-pdf/$dst.json" "$src" <<'PY'
import json, sys
gold = json.load(open(sys.argv[1], encoding="utf-8"))
gold["rendering"] = "pdf"
gold["_notes"] = "The gold of %s.txt: this PDF is that letter printed by scripts/make-corpus-pdfs.sh." % sys.argv[3]
gold["_source_text"] = sys.argv[3] + ".txt"
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(gold, out, indent=2, ensure_ascii=False)
    out.write("\n")
PY
    echo "corpus/pdf/$dst.pdf <- $src.txt"
done
