#!/usr/bin/env python3
"""Robustness audit of imrx on perturbed copies of real letters.

imrx is judged on real letters it has never seen. Other copies of the same kind of letter differ
from ours in typography (line wrapping, date formats, CRLF, page breaks, NBSP, curly quotes,
ligatures, heading case, hyphenation, numbered items...) and in phrasing ("a 45 yo male", "DOI:",
"Diagnoses include", "Norco 10/325mg qty 60", "Specialty: Pain Medicine"...). This tool applies
such perturbations to copies of the real letters (both renderings, *.raw.txt and *.layout.txt),
extracts them with `imrx extract`, and compares each record with the record of the unperturbed
letter. A perturbation keeps the facts of the letter, so a projected field may only change where
the kind says the correct value changes (its `ignore` fields, or an explicit expectation).

usage: scripts/robustness.py [--imrx PATH] [--letters DIR] [--work DIR] [--kinds a,b]
                             [--show N] [--json FILE] [-j N] [--list]

Exit status: 0 when no kind has an unexpected failure (failures listed in KNOWN are reported as
"known" and do not count), 1 otherwise, 2 for usage errors. When the letters folder does not exist
the tool prints "skipped" and exits 0 (the real letters are not part of the repository).
Only --work is written to; the letters folder and the repository are only read.
See docs/robustness.md.
"""
import argparse
import calendar
import datetime
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_IMRX = os.path.join(REPO, "build", "imrx")
DEFAULT_LETTERS = os.path.join(REPO, "..", "shared", "real-letters", "dev")
RENDERINGS = ("raw", "layout")

# =============================================================================== record projection


def fold(s):
    """Text compared after folding NBSP, curly quotes, dashes and whitespace."""
    if s is None:
        return None
    s = s.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


def project(r):
    """Flatten a record into {field path: comparable value}."""
    p = {}
    p["error"] = (r.get("error") or {}).get("message") if r.get("error") else None
    p["layout"] = r.get("layout")
    p["case_number"] = r.get("case_number")
    for k, v in (r.get("dates") or {}).items():
        p["dates." + k] = v
    p["priority"] = r.get("priority")
    pat = r.get("patient") or {}
    p["patient.age"] = pat.get("age")
    p["patient.sex"] = pat.get("sex")
    dx = pat.get("diagnoses") or []
    p["patient.diagnoses.count"] = len(dx)
    p["patient.diagnoses.text"] = tuple(fold(d) for d in dx)
    rv = r.get("reviewer") or {}
    p["reviewer.licensure"] = tuple(rv.get("licensure") or [])
    p["reviewer.specialties"] = tuple(fold(s) for s in (rv.get("specialties") or []))
    p["reviewer.specialties_canonical"] = tuple(rv.get("specialties_canonical") or [])
    items = r.get("items") or []
    p["items.count"] = len(items)
    for i, it in enumerate(items):
        pre = "items[%d]." % i
        p[pre + "text"] = fold(it.get("text"))
        for k in ("decision", "partial", "category", "subcategory", "non_mtus", "no_citation",
                  "quantity", "unit", "body_part", "laterality"):
            p[pre + k] = it.get(k)
        p[pre + "guidelines"] = tuple(
            (g.get("source"), fold(g.get("title")), g.get("year"),
             tuple(fold(s) for s in g.get("sections") or []))
            for g in it.get("guidelines") or [])
        d = it.get("drug")
        p[pre + "drug"] = None if not d else (d.get("generic"), fold(d.get("strength")), d.get("quantity"))
    meds = r.get("medications") or []
    p["medications"] = tuple(sorted(
        (m.get("generic") or "", fold(m.get("strength")) or "", str(m.get("quantity")),
         m.get("context") or "", bool(m.get("negated")))
        for m in meds))
    p["medications.generics"] = tuple(sorted({m.get("generic") or "" for m in meds}))
    p["dates_in_narrative"] = tuple(sorted((r.get("dates_in_narrative") or {}).items()))
    p["clinical_events.dates"] = tuple(sorted(e.get("date") or "" for e in r.get("clinical_events") or []))
    return p


def generic_path(path):
    return re.sub(r"\[\d+\]", "[*]", path)

# =============================================================================== text helpers
# A perturbation is fn(text, record, bytes, letter_id) -> new text, where record is the record of
# the unperturbed file and bytes its content (record offsets are byte offsets).


def char_off(b, off):
    return len(b[:off].decode("utf-8", errors="replace"))


def line_start(t, i):
    return t.rfind("\n", 0, i) + 1


def prose_regions(t, rec, b):
    """Char ranges of narrative prose (summary after the lead-in) and of each decision rationale
    (from the start of the 'Decision rationale:' line)."""
    regs = []
    for s in rec.get("sections") or []:
        if s["name"] == "summary":
            a, e = char_off(b, s["span"][0]), char_off(b, s["span"][1])
            m = re.search(r"medical records:[ \t]*\n", t[a:e])
            if m:
                regs.append((a + m.end(), e))
    for it in rec.get("items") or []:
        rat = it.get("rationale") or {}
        if rat.get("span"):
            a, e = char_off(b, rat["span"][0]), char_off(b, rat["span"][1])
            regs.append((line_start(t, a), e))
    return sorted(regs)


def narrative_region(t, rec, b):
    """The narrative prose region only (a list of at most one range)."""
    regs = prose_regions(t, rec, b)
    for s in rec.get("sections") or []:
        if s["name"] == "summary":
            a = char_off(b, s["span"][0])
            return [r for r in regs if r[0] >= a][:1]
    return []


def apply_regions(t, regs, fn):
    for a, e in sorted(regs, reverse=True):
        t = t[:a] + fn(t[a:e]) + t[e:]
    return t


def item_line_starts(t, rec, b):
    return [char_off(b, it["span"][0]) for it in rec.get("items") or [] if it.get("span")]


def header_span(t, rec, b):
    for s in rec.get("sections") or []:
        if s["name"] == "header":
            return char_off(b, s["span"][0]), char_off(b, s["span"][1])
    return None


def prov_char(rec, b, key):
    """Char range of the provenance of one field, or None."""
    v = (rec.get("provenance") or {}).get(key)
    return None if not v else (char_off(b, v[1]), char_off(b, v[2]))


def sub_all(pat, rep, flags=0, count=0):
    rx = re.compile(pat, flags)
    return lambda t, rec, b, lid: rx.sub(rep, t, count=count)


def sub_narr(pat, rep, flags=0):
    """Replace the first match of pat in the narrative only."""
    rx = re.compile(pat, flags)

    def f(t, rec, b, lid):
        return apply_regions(t, narrative_region(t, rec, b), lambda s: rx.sub(rep, s, count=1))
    return f

# =============================================================================== typographic kinds


LIST_RE = re.compile(r"^\s*(\d+[.)]|[-*\u2022])\s")


def rewrap_block(block, width):
    """Rewrap paragraphs inside a prose block. Paragraph boundaries: blank lines, form feeds,
    list-like lines, and short lines ending a sentence."""
    lines = block.split("\n")
    trail = block.endswith("\n")
    if trail:
        lines = lines[:-1]
    maxlen = max([len(l) for l in lines] + [1])
    out, para = [], []

    def flush():
        if para:
            txt = " ".join(x.strip() for x in para)
            out.extend(textwrap.wrap(txt, width=width, break_long_words=False, break_on_hyphens=True) or [""])
            para.clear()

    for l in lines:
        if not l.strip() or "\f" in l or LIST_RE.match(l):
            flush()
            if "\f" in l and l.strip("\f \t"):
                para.append(l)  # a form feed glued to the start of a prose line: keep it at a paragraph start
            else:
                out.append(l)
            continue
        para.append(l)
        if len(l) < 0.6 * maxlen and l.rstrip().endswith((".", ":")):
            flush()
    flush()
    return "\n".join(out) + ("\n" if trail else "")


def p_rewrap(width):
    def f(t, rec, b, lid):
        return apply_regions(t, prose_regions(t, rec, b), lambda s: rewrap_block(s, width))
    return f


MONTHS = list(calendar.month_name)
DATE_NUM = re.compile(r"(?<![\w/.-])(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)")
DATE_LONG = re.compile(r"\b(" + "|".join(MONTHS[1:]) + r")\s+(\d{1,2}),?\s+(\d{4})\b")
MONTH_ABBREV = {m: m[:3] + ("." if len(m) > 3 else "") for m in MONTHS[1:]}


def fmt_date(y, m, d, style):
    if style == "slash4":
        return "%02d/%02d/%04d" % (m, d, y)
    if style == "slash2":
        return "%d/%d/%02d" % (m, d, y % 100)
    if style == "dash2":
        return "%d-%d-%02d" % (m, d, y % 100)
    if style == "long":
        return "%s %d, %d" % (MONTHS[m], d, y)
    raise ValueError(style)


def convert_dates(s, style):
    def num(mo):
        m, d, y = int(mo.group(1)), int(mo.group(3)), mo.group(4)
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return mo.group(0)
        y = int(y)
        if y < 100:
            y += 2000 if y <= 30 else 1900
        return fmt_date(y, m, d, style)

    def lng(mo):
        m = MONTHS.index(mo.group(1))
        return fmt_date(int(mo.group(3)), m, int(mo.group(2)), style)
    s = DATE_NUM.sub(num, s)
    return DATE_LONG.sub(lng, s)


def p_dates(style):
    def f(t, rec, b, lid):
        return apply_regions(t, prose_regions(t, rec, b), lambda s: convert_dates(s, style))
    return f


def p_date_abbrev(t, rec, b, lid):
    def conv(s):
        s = convert_dates(s, "long")
        return DATE_LONG.sub(lambda m: "%s %s, %s" % (MONTH_ABBREV[m.group(1)], m.group(2), m.group(3)), s)
    return apply_regions(t, prose_regions(t, rec, b), conv)


def p_date_break(sep):
    def f(t, rec, b, lid):
        def brk(s):
            return re.sub(r"(?<![\w/.-])(\d{1,2}-\d{1,2}-)(\d{2}|\d{4})(?![\w/-])",
                          lambda m: m.group(1) + sep + m.group(2), s)
        return apply_regions(t, prose_regions(t, rec, b)[:1], brk)  # narrative only
    return f


def p_header_nopad(t, rec, b, lid):
    hs = header_span(t, rec, b)
    if not hs:
        return t
    h = re.sub(r"\b0(\d)/", r"\1/", t[hs[0]:hs[1]])
    h = re.sub(r"/0(\d)/", r"/\1/", h)
    return t[:hs[0]] + h + t[hs[1]:]


def _pagebreak(t, pos, lid, header):
    ins = "Page 2 of 5\n\f" + (("Case Number: " + lid) if header == "label" else lid) + "\n"
    return t[:pos] + ins + t[pos:]


def pb_item_pos(t, rec, b):
    starts = item_line_starts(t, rec, b)
    if len(starts) >= 2:
        return line_start(t, starts[-1])
    it = (rec.get("items") or [None])[0]
    if it and (it.get("rationale") or {}).get("span"):
        return line_start(t, char_off(b, it["rationale"]["span"][0]))
    return None


def mid_line_pos(t, a, e, sentence_end):
    """A line boundary near the middle of [a,e): after a line ending with '.' (sentence_end) or
    after a line not ending with '.' (mid sentence)."""
    cands = []
    for m in re.finditer(r"\n", t[a:e]):
        i = a + m.start()
        prev = t[line_start(t, i):i].rstrip()
        nxt_end = t.find("\n", i + 1)
        nxt = t[i + 1: nxt_end if nxt_end >= 0 else e]
        if not prev or not nxt.strip() or "\f" in prev + nxt:
            continue
        if prev.endswith(".") == sentence_end:
            cands.append(i + 1)
    if not cands:
        return None
    mid = (a + e) / 2
    return min(cands, key=lambda c: abs(c - mid))


def p_pagebreak(where, header="label"):
    """Page footer + form feed + running header ('Case Number: <id>' or the bare id)."""
    def f(t, rec, b, lid):
        regs = prose_regions(t, rec, b)
        pos = None
        if where == "item":
            pos = pb_item_pos(t, rec, b)
        elif where == "narr":
            pos = mid_line_pos(t, regs[0][0], regs[0][1], True) if regs else None
        elif where == "midsent":  # middle of the longest rationale, mid-sentence
            rr = regs[1:] if len(regs) > 1 else regs
            a, e = max(rr, key=lambda r: r[1] - r[0]) if rr else (0, 0)
            pos = mid_line_pos(t, a, e, False)
        if pos is None:
            return t
        return _pagebreak(t, pos, lid, header)
    return f


def p_pb_at(which, header="label"):
    """Page break at a specific spot: 'dx' = line end inside the diagnoses sentence, 'reviewer' =
    between licensure and specialty lines, 'section' = before the decisions heading."""
    def f(t, rec, b, lid):
        pos = None
        if which == "dx":
            pv = (rec.get("provenance") or {}).get("patient.diagnoses[0]")
            if pv:
                nl = t.find("\n", char_off(b, pv[1]))
                pos = nl + 1 if nl >= 0 else None
        elif which == "reviewer":
            i = t.find("Certification(s)/Specialty:")
            pos = line_start(t, i) if i >= 0 else None
        elif which == "section":
            i = t.find("IMR ISSUES, DECISIONS AND RATIONALES")
            pos = line_start(t, i) if i >= 0 else None
        if pos is None:
            return t
        return _pagebreak(t, pos, lid, header)
    return f


def p_ff_label(t, rec, b, lid):
    i = t.rfind("\nDecision rationale:")
    if i < 0:
        return t
    return t[:i + 1] + "\f" + t[i + 1:]


def p_blanklines(t, rec, b, lid):
    return re.sub(r"\n", "\n\n", t)


def p_crlf(t, rec, b, lid):
    return t.replace("\n", "\r\n")


def p_blank_crlf(t, rec, b, lid):
    return t.replace("\n", "\n\n").replace("\n", "\r\n")


def p_trailing_spaces(t, rec, b, lid):
    return re.sub(r"(?<=\S)\n", "   \n", t)


def p_tabs(t, rec, b, lid):
    return re.sub(r" {3,}", "\t", t)


def p_nbsp(t, rec, b, lid):
    rnd = random.Random(lid)  # deterministic per letter
    return "".join("\u00a0" if c == " " and rnd.random() < 0.15 else c for c in t)


def p_curly(t, rec, b, lid):
    t = re.sub(r"(?<=\w)'", "\u2019", t)
    t = re.sub(r"'(?=\w)", "\u2018", t)
    t = re.sub(r'"(?=\w)', "\u201c", t)
    return t.replace('"', "\u201d")


def p_endash(t, rec, b, lid):
    return re.sub(r"(?<=\d)-(?=\d)", "\u2013", t)  # header dates use slashes, untouched


def p_ligatures(t, rec, b, lid):
    return t.replace("fi", "\ufb01").replace("fl", "\ufb02")


def p_bom(t, rec, b, lid):
    return "\ufeff" + t


def p_drug_space(t, rec, b, lid):
    return re.sub(r"(?<=\d)(mg|mcg|ml|MG)\b", r" \1", t)


def p_verdict_spaces(t, rec, b, lid):
    return re.sub(r":[ \t]*(Upheld|Overturned)[ \t]*\n", r":        \1\n", t)


HY_WORD = re.compile(r"([A-Za-z]{8,})([.,;]?)[ \t]*\n([ \t]*)(\S)")


def hyphen_break(block, everywhere):
    """Break the last word of prose lines across the line end: 'medication\\nnext' ->
    'medi-\\ncation next'."""
    done = [False]

    def rep(m):
        if done[0] and not everywhere:
            return m.group(0)
        w = m.group(1)
        if not w.islower() and not w[1:].islower():
            return m.group(0)
        cut = len(w) // 2
        done[0] = True
        return w[:cut] + "-\n" + m.group(3) + w[cut:] + m.group(2) + " " + m.group(4)
    return HY_WORD.sub(rep, block)


def p_hyphen(everywhere):
    def f(t, rec, b, lid):
        return apply_regions(t, prose_regions(t, rec, b), lambda s: hyphen_break(s, everywhere))
    return f


def p_item_wrap(width):
    def f(t, rec, b, lid):
        for s in sorted(item_line_starts(t, rec, b), reverse=True):
            s = line_start(t, s)
            e = t.find("\n", s)
            line = t[s:e]
            if not re.search(r":\s*(Upheld|Overturned)\s*$", line) or len(line) <= width:
                continue
            t = t[:s] + "\n".join(textwrap.wrap(line, width=width, break_on_hyphens=False)) + t[e:]
        return t
    return f


GL_RE = re.compile(r"^((?:Claims Administrator|MAXIMUS) guideline:.*?)"
                   r"(?=\n(?:MAXIMUS guideline:|Decision rationale:|\f|\n))", re.S | re.M)


def p_guideline_rewrap(width):
    def f(t, rec, b, lid):
        return GL_RE.sub(lambda m: "\n".join(textwrap.wrap(re.sub(r"\s+", " ", m.group(1)), width=width,
                                                            break_on_hyphens=False)), t)
    return f


def p_specialty_wrap(t, rec, b, lid):
    def fix(m):
        v = m.group(2)
        if "," in v:
            i = v.index(",")
            v2 = v[:i + 1] + "\n" + v[i + 1:].lstrip()
        elif " " in v.strip():
            w = v.strip().split(" ")
            v2 = " ".join(w[:-1]) + "\n" + w[-1]
        else:
            return m.group(0)
        return m.group(1) + v2
    return re.sub(r"(Certification\(s\)/Specialty:[ \t]*)([^\n]+)", fix, t, count=1)


def p_rationale_ownline(t, rec, b, lid):
    return re.sub(r"Decision rationale:[ \t]*", "Decision rationale:\n", t)


def p_verdict_nextline(t, rec, b, lid):
    return re.sub(r":[ \t]+(Upheld|Overturned)[ \t]*\n", r":\n\1\n", t)


LABELS = ["Decision rationale:", "Claims Administrator guideline:", "MAXIMUS guideline:",
          "State(s) of Licensure:", "Certification(s)/Specialty:", "Case Number:", "Date Assigned:",
          "Decision Date:", "Priority:", "Date of Injury:", "UR Denial Date:", "Received:"]
HEADINGS = ["HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
            "IMR ISSUES, DECISIONS AND RATIONALES"]
HEADER_LABELS = ["Case Number:", "Date Assigned:", "Decision Date:", "Priority:", "Date of Injury:",
                 "UR Denial Date:", "Application", "Received:"]
BODY_LABELS = ["Decision rationale:", "Claims Administrator guideline:", "MAXIMUS guideline:",
               "State(s) of Licensure:", "Certification(s)/Specialty:"]
SMALL_WORDS = {"of", "the", "and", "was", "for"}


def p_labels_upper(t, rec, b, lid):
    for l in LABELS:
        t = t.replace(l, l.upper())
    return t


def p_labels_title(t, rec, b, lid):
    def title_label(s):
        words = []
        for i, w in enumerate(s.split(" ")):
            keep = (w.lower() in SMALL_WORDS and i) or (w.isupper() and len(w) > 1)
            words.append(w if keep else w[:1].upper() + w[1:])
        return " ".join(words)

    def title_heading(s):
        words = []
        for i, w in enumerate(s.split(" ")):
            if w == "IMR":
                words.append(w)
            elif w.lower() in SMALL_WORDS and i:
                words.append(w.lower())
            else:
                words.append(w.capitalize())
        return " ".join(words)
    for l in LABELS:
        t = t.replace(l, title_label(l))
    for h in HEADINGS:
        t = t.replace(h, title_heading(h))
    return t


def p_upper_header(t, rec, b, lid):
    hs = header_span(t, rec, b)
    if not hs:
        return t
    h = t[hs[0]:hs[1]]
    for l in HEADER_LABELS:
        h = h.replace(l, l.upper())
    return t[:hs[0]] + h + t[hs[1]:]


def p_upper_body(t, rec, b, lid):
    for l in BODY_LABELS:
        t = t.replace(l, l.upper())
    return t


def p_space_colon(t, rec, b, lid):
    for l in LABELS:
        t = t.replace(l, l[:-1] + " :")
    return re.sub(r":[ \t]*(Upheld|Overturned)\b", r" : \1", t)


def p_verdict_case(t, rec, b, lid):
    return re.sub(r"(:\s*)(Upheld|Overturned)\b", lambda m: m.group(1) + m.group(2).upper(), t)


def _number_items(t, rec, b, fmt):
    starts = item_line_starts(t, rec, b)
    for k, s in sorted(enumerate(starts, 1), key=lambda x: -x[1]):
        s = line_start(t, s)
        t = t[:s] + (fmt % k) + t[s:]
    return t


def p_num_dot(t, rec, b, lid):
    return _number_items(t, rec, b, "%d. ")


def p_num_paren(t, rec, b, lid):
    return _number_items(t, rec, b, "%d) ")


def p_licensure_space(t, rec, b, lid):
    def fix(m):
        v = m.group(2)
        v2 = re.sub(r",(?=\S)", ", ", v) if re.search(r",\S", v) else v.replace(", ", ",")
        return m.group(1) + v2
    return re.sub(r"(State\(s\) of Licensure:[ \t]*)([^\n]*)", fix, t)


def p_header_inline(t, rec, b, lid):
    hs = header_span(t, rec, b)
    if not hs:
        return t
    d = rec.get("dates") or {}

    def us(iso):
        return "%s/%s/%s" % (iso[5:7], iso[8:10], iso[:4]) if iso else ""
    h = ("Case Number: %s\nDate Assigned: %s\nDecision Date: %s\nPriority: %s\nDate of Injury: %s\n"
         "UR Denial Date: %s\nApplication Received: %s\n\n") % (
        rec.get("case_number"), us(d.get("assigned")), us(d.get("decision")), rec.get("priority"),
        us(d.get("injury")), us(d.get("ur_denial")), us(d.get("application_received")))
    return t[:hs[0]] + h + t[hs[1]:]


AGE_RE = re.compile(r"\b(\d{1,3})([- ])year([- ])old\b")


def p_age_style(t, rec, b, lid):
    def sw(m):
        return m.group(1) + (" year old" if m.group(2) == "-" else "-year-old")
    t = AGE_RE.sub(sw, t, count=1)
    return re.sub(r"\b(The|This) injured worker is an?(\(n\))? ", r"\1 patient is a ", t, count=1)


def p_age_slash_yo(t, rec, b, lid):
    return AGE_RE.sub(lambda m: m.group(1) + " y/o", t, count=1)


def p_sex_noun(t, rec, b, lid):
    return re.sub(r"(\d[- ]year[- ]old )(male|female)\b",
                  lambda m: m.group(1) + ("man" if m.group(2) == "male" else "woman"), t, count=1)


CP1252 = "cp1252"  # special perturbation: the same text re-encoded as Windows-1252 bytes

# =============================================================================== phrasing kinds
# --- age / sex
AGE = r"\b(?:an?|a\(n\)) (now )?(\d{1,3})[- ]year[- ]old (male|female)\b"
SEXN = {"male": ("man", "gentleman", "he"), "female": ("woman", "lady", "she")}
SUBJ = (r"\b(?:The|This) (?:injured worker|applicant|claimant|patient) (?:is|was) (?:an?|a\(n\)) "
        r"(\d{1,3})[- ]year[- ]old (male|female),? (?:who )?")


def age_kind(fmt):
    """Rewrite 'a 45 year old male' in the narrative as fmt."""
    def rep(m):
        age, sex = m.group(2), m.group(3)
        return fmt.format(age=age, sex=sex, noun=SEXN[sex][0], gent=SEXN[sex][1],
                          M=sex[0].upper(), S=sex.capitalize(), now=m.group(1) or "")
    return sub_narr(AGE, rep)


def age_sent(fmt):
    """Rewrite the opening 'The injured worker is a 45 year old male who' as fmt."""
    def rep(m):
        age, sex = m.group(1), m.group(2)
        return fmt.format(age=age, sex=sex, noun=SEXN[sex][0], gent=SEXN[sex][1],
                          Pro=SEXN[sex][2].capitalize())
    return sub_narr(SUBJ, rep)


# --- injury date in the narrative
DATE = (r"(?:\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|(?:January|February|March|April|May|June|July|August|"
        r"September|October|November|December) \d{1,2},? \d{4})")
INJ = (r"(?:,? who)? (?:sustained an? (?:industrial|industrial-work|work related) injury(?: on)?|"
       r"reported an industrial injury on|suffered an industrial injury on|"
       r"with (?:an? )?history of (?:an? )?(?:occupational|outpatient) claim from|"
       r"with a (?:reported )?date of injury (?:of|on)|with an industrial injury date of) (" + DATE + ")")
INJ = INJ.replace(" ", r"\s+")  # the phrase may be wrapped across lines


def inj_kind(fmt):
    """Rewrite the injury phrase of the narrative as fmt ({d}: its date, as written)."""
    return sub_narr(INJ, lambda m: fmt.format(d=re.sub(r"\s+", " ", m.group(1))))


# --- UR decision date sentence
def ur_kind(fmt):
    """Replace the sentence holding the narrative's UR decision date with fmt ({d}: that date)."""
    def f(t, rec, b, lid):
        pc = prov_char(rec, b, "dates_in_narrative.ur_decision")
        if not pc:
            return t
        a, e = pc
        d = t[a:e]
        s0 = max(t.rfind(". ", 0, a), t.rfind(":\n", 0, a), t.rfind(".\n", 0, a))
        if s0 < 0:
            return t
        s0 += 2
        m = re.search(r"\.(\s|$)", t[e:])
        if not m:
            return t
        s1 = e + m.start() + 1
        return t[:s0] + fmt.format(d=re.sub(r"\s+", " ", d)) + t[s1:]
    return f


# --- diagnoses
def dx_spans(rec, b):
    out, i = [], 0
    while True:
        pc = prov_char(rec, b, "patient.diagnoses[%d]" % i)
        if not pc:
            return out
        out.append(pc)
        i += 1


def dx_lead(lead):
    """Replace the words introducing the diagnosis list with lead."""
    def f(t, rec, b, lid):
        sp = dx_spans(rec, b)
        if not sp:
            return t
        a = sp[0][0]
        s0 = max(t.rfind(". ", 0, a), t.rfind(".\n", 0, a), t.rfind(":\n", 0, a))
        if s0 < 0 or a - s0 > 200 or not re.search(r"diagnos", t[s0:a], re.I) or re.search(r"\d", t[s0:a]):
            return t
        return t[:s0 + 2] + lead + t[a:]
    return f


def dx_sep(kind):
    """Re-punctuate the diagnosis list (needs two diagnoses or more)."""
    def f(t, rec, b, lid):
        sp = dx_spans(rec, b)
        if len(sp) < 2:
            return t
        items = [t[a:e] for a, e in sp]
        pre = t[:sp[0][0]]
        if kind.startswith("numbered"):
            items = [re.sub(r"\s+", " ", re.sub(r"-\n\s*", "-", x)) for x in items]  # one line per item
            pre = re.sub(r"\b(a|an)\s+$", "", pre)  # "treated for a 1) ..." reads wrong
        if kind == "semicolon":
            new = "; ".join(items)
        elif kind == "numbered_inline":
            new = ", ".join("%d) %s" % (i + 1, x) for i, x in enumerate(items))
        elif kind == "numbered_lines":
            new = "\n" + "\n".join("%d. %s" % (i + 1, x) for i, x in enumerate(items)) + "\n"
        elif kind == "oxford":
            new = ", ".join(items[:-1]) + (", and " if len(items) > 2 else " and ") + items[-1]
        return pre + new + t[sp[-1][1]:]
    return f


# --- guidelines
MTUS_T = r"(MTUS [A-Z][A-Za-z ,&\n]*?(?:Complaints|Treatment|Approaches))(\s)(\d{4})"
MAXIMUS_MTUS = r"(?<=MAXIMUS guideline: Decision based on )" + MTUS_T
CHRONIC_2016 = r"(MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment)(\s)2016"

# --- drugs
BRAND2GEN = {"Norco": "Hydrocodone/APAP", "Flexeril": "Cyclobenzaprine", "Motrin": "Ibuprofen",
             "Pepcid": "Famotidine", "Celebrex": "Celecoxib", "Percocet": "Oxycodone/APAP",
             "Norflex": "Orphenadrine", "Zofran": "Ondansetron", "Ultram": "Tramadol",
             "Lidoderm": "Lidocaine", "Neurontin": "Gabapentin", "Naprosyn": "Naproxen",
             "Soma": "Carisoprodol", "Toradol": "Ketorolac", "Relafen": "Nabumetone"}
GEN2BRAND = {"Cyclobenzaprine": "Flexeril", "Famotidine": "Pepcid", "Celecoxib": "Celebrex",
             "Ibuprofen": "Motrin", "Orphenadrine": "Norflex", "Pantoprazole": "Protonix",
             "Tramadol": "Ultram", "Naproxen": "Naprosyn", "Gabapentin": "Neurontin",
             "Omeprazole": "Prilosec", "Diclofenac": "Voltaren", "Ketorolac": "Toradol",
             "Meloxicam": "Mobic", "Nabumetone": "Relafen", "Zolpidem": "Ambien", "Diazepam": "Valium"}
STRQ = re.compile(r"\b(\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*) ?mg\b(?: tabs?)?,? ?#(\d+)")


def swap_words(mp):
    """Replace every whole word of mp (any case) with its value (lower case if the word was)."""
    rx = re.compile(r"\b(" + "|".join(mp) + r")\b", re.I)

    def rep(m):
        w = m.group(1)
        key = next(k for k in mp if k.lower() == w.lower())
        v = mp[key]
        return v if w[0].isupper() else v.lower()
    return lambda t, rec, b, lid: rx.sub(rep, t)


def drug_fmt(fmt):
    """Rewrite every 'strength mg #quantity' as fmt ({s}: strength, {q}: quantity, {sd}: strength
    with '-' for '/')."""
    def rep(m):
        s = m.group(1)
        return fmt.format(s=s, q=m.group(2), sd=s.replace("/", "-"))
    return lambda t, rec, b, lid: STRQ.sub(rep, t)


def drug_strength_only(fmt):
    """Rewrite every strength 'N mg' (with or without a quantity) as fmt ({s}: the number)."""
    rx = re.compile(r"\b(\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*) ?mg\b(?!/)")
    return lambda t, rec, b, lid: rx.sub(lambda m: fmt.format(s=m.group(1)), t)


STATE_CODES = {"California": "CA", "North Carolina": "NC", "Texas": "TX", "New York": "NY",
               "Pennsylvania": "PA", "Iowa": "IA", "Montana": "MT", "Arizona": "AZ", "Ohio": "OH",
               "Florida": "FL"}


def state_codes(m):
    return re.sub(r"[A-Za-z][A-Za-z ]+",
                  lambda n: STATE_CODES.get(n.group(0).strip(), n.group(0)), m.group(1))


# --- items / verdicts
def item_lines(fn):
    """Apply fn(item, separator, verdict) to the item decision lines ('<item>: Upheld|Overturned')."""
    rx = re.compile(r"^(.*?)(\s*:\s*)(Upheld|Overturned)[ \t]*$", re.M)
    return lambda t, rec, b, lid: rx.sub(lambda m: fn(m.group(1), m.group(2), m.group(3)), t)


def add_qty1(it, sep, v):
    return (it + ", QTY: 1" if not re.search(r"#\d|\d+ (times|sessions)", it) else it) + sep + v


def request_for(it, sep, v):
    return ("Request for " + it[:1].lower() + it[1:] if re.match(r"[A-Z][a-z]", it) else it) + sep + v


def verdict_is(it, sep, v):
    return (it + " is" if not it.rstrip().endswith(" is") else it) + sep + v


# --- negation: a sentence inserted after the first sentence of the narrative
def insert_after_first_sentence(sent):
    def f(t, rec, b, lid):
        rg = narrative_region(t, rec, b)
        if not rg:
            return t
        a, e = rg[0]
        m = re.search(r"\.(?:\s)", t[a:e])
        if not m:
            return t
        i = a + m.end()
        return t[:i] + sent + " " + t[i:]
    return f

# =============================================================================== the kinds
# Every kind: name -> Kind. group: "typographic" or "phrasing"; sub: a finer group; fn: the
# perturbation; renderings: which renderings it applies to; ignore: regex over generic field paths
# (items[*].text) whose value legitimately changes; expect: an extra check of the correct new value;
# doc: the real-letter phenomenon it imitates.


class Kind:
    def __init__(self, name, group, sub, fn, doc, renderings=RENDERINGS, ignore=None, expect=None):
        self.name, self.group, self.sub, self.fn, self.doc = name, group, sub, fn, doc
        self.renderings, self.ignore, self.expect = renderings, ignore, expect


KINDS = {}


def kind(name, group, sub, fn, doc, **kw):
    assert name not in KINDS, name
    KINDS[name] = Kind(name, group, sub, fn, doc, **kw)


def T(name, sub, fn, doc, **kw):
    kind(name, "typographic", sub, fn, doc, **kw)


def P(name, sub, fn, doc, **kw):
    kind(name, "phrasing", sub, fn, doc, **kw)


# ----------------------------------------------------------------------------- typographic
T("rewrap70", "wrapping", p_rewrap(70),
  "prose wrapped at 70 columns (narrower page)", renderings=("raw",))
T("rewrap120", "wrapping", p_rewrap(120),
  "prose wrapped at 120 columns (wider page)", renderings=("raw",))
T("hyphen_one", "wrapping", p_hyphen(False),
  "one word hyphenated across a line end ('medi-\\ncation')")
T("hyphen_all", "wrapping", p_hyphen(True),
  "every long line-final word hyphenated across the line end")
T("item_wrap45", "wrapping", p_item_wrap(45), "long item decision lines wrapped at 45 columns")
T("guideline_rewrap60", "wrapping", p_guideline_rewrap(60),
  "guideline citations rewrapped at 60 columns")
T("specialty_wrap", "wrapping", p_specialty_wrap, "the specialty line wrapped onto a second line")
T("date_break_nl", "wrapping", p_date_break("\n"),
  "a 10-13-16 date broken across a line end after the day")
T("date_break_space", "wrapping", p_date_break(" "),
  "a stray space inside a dash date ('10-13- 16')")
T("rationale_ownline", "wrapping", p_rationale_ownline, "'Decision rationale:' alone on its line")
T("verdict_nextline", "wrapping", p_verdict_nextline,
  "the verdict (Upheld/Overturned) on the line after the item")

T("blanklines", "whitespace", p_blanklines,
  "a blank line after every line (double-spaced extraction)")
T("crlf", "whitespace", p_crlf, "Windows CRLF line ends")
T("blank_crlf", "whitespace", p_blank_crlf, "double-spaced and CRLF together")
T("trailing_spaces", "whitespace", p_trailing_spaces, "trailing spaces at line ends")
T("layout_tabs", "whitespace", p_tabs, "tabs instead of runs of spaces in a layout rendering",
  renderings=("layout",))
T("nbsp", "whitespace", p_nbsp, "15% of spaces are no-break spaces (PDF/Word copies)")
T("verdict_spaces", "whitespace", p_verdict_spaces,
  "many spaces between the item's colon and its verdict")
T("curly_quotes", "characters", p_curly, "typographic (curly) quotes and apostrophes")
T("endash", "characters", p_endash, "en dashes in numeric ranges and dash dates")
T("ligatures", "characters", p_ligatures, "fi/fl ligature characters left by PDF extraction")
T("bom", "characters", p_bom, "a UTF-8 byte order mark at the start")
T(CP1252, "characters", None, "the same text saved as Windows-1252 bytes instead of UTF-8")
T("drug_space", "characters", p_drug_space, "a space between a strength and its unit ('10 mg')",
  ignore=r"\]\.text$")  # the item text now reads differently

T("pagebreak_item", "pages", p_pagebreak("item"),
  "page footer + form feed + 'Case Number:' header before the last item")
T("pagebreak_item_plainhdr", "pages", p_pagebreak("item", "plain"),
  "page break before the last item, running header is the bare case number")
T("pagebreak_narr", "pages", p_pagebreak("narr"),
  "page break between two sentences of the narrative")
T("pagebreak_midsent", "pages", p_pagebreak("midsent"),
  "page break in the middle of a sentence of the longest rationale")
T("pagebreak_dx", "pages", p_pb_at("dx"), "page break inside the diagnoses sentence")
T("pagebreak_dx_plainhdr", "pages", p_pb_at("dx", "plain"),
  "page break inside the diagnoses sentence, bare case number header")
T("pagebreak_reviewer", "pages", p_pb_at("reviewer"),
  "page break between the licensure and specialty lines")
T("pagebreak_section", "pages", p_pb_at("section"), "page break just before the decisions heading")
T("ff_label", "pages", p_ff_label,
  "a form feed glued to the last 'Decision rationale:' label (seen in real copies)")

T("date_slash4", "dates", p_dates("slash4"), "prose dates as 01/05/2016")
T("date_slash2", "dates", p_dates("slash2"), "prose dates as 1/5/16")
T("date_dash2", "dates", p_dates("dash2"), "prose dates as 1-5-16")
T("date_long", "dates", p_dates("long"), "prose dates as January 5, 2016")
T("date_abbrev", "dates", p_date_abbrev, "prose dates as Jan. 5, 2016")
T("header_nopad", "dates", p_header_nopad, "header dates without leading zeros (1/5/2016)")

T("labels_upper", "labels", p_labels_upper, "labels in capitals ('DECISION RATIONALE:')")
T("labels_title", "labels", p_labels_title,
  "labels and headings in title case ('Decision Rationale:')")
T("upper_header_labels", "labels", p_upper_header, "header labels in capitals ('CASE NUMBER:')")
T("upper_body_labels", "labels", p_upper_body, "body labels in capitals ('MAXIMUS GUIDELINE:')")
T("space_colon", "labels", p_space_colon, "a space before label colons ('Priority :')")
T("verdict_case", "labels", p_verdict_case, "verdicts in capitals ('UPHELD')")
T("num_dot", "labels", p_num_dot, "items numbered '1. '")
T("num_paren", "labels", p_num_paren, "items numbered '1) '")
T("licensure_space", "labels", p_licensure_space,
  "states of licensure with/without a space after commas")
T("header_inline", "labels", p_header_inline,
  "header as 'Label: value' lines instead of two columns")

T("age_style", "wording", p_age_style,
  "'45-year-old' vs '45 year old', 'The patient is a' for 'The injured worker is a'")
T("age_slash_yo", "wording", p_age_slash_yo, "'45 y/o' for '45 year old'")  # "age_yo" in the round-1 audit
T("sex_noun", "wording", p_sex_noun, "'45 year old man/woman' for 'male/female'")

# ----------------------------------------------------------------------------- phrasing
# age / sex
P("age_man", "age", age_kind("a {now}{age}-year-old {noun}"), "'a 45-year-old man'")
P("age_yo_dots", "age", age_kind("a {now}{age} y.o. {sex}"), "'a 45 y.o. male'")
P("age_yo", "age", age_kind("a {now}{age} yo {sex}"), "'a 45 yo male'")
P("age_yr_old", "age", age_kind("a {now}{age}-yr-old {sex}"), "'a 45-yr-old male'")
P("age_mixed_hyphen", "age", age_kind("a {now}{age} year-old {sex}"), "'a 45 year-old male'")
P("age_aged", "age", age_kind("a {sex} aged {age}"), "'a male aged 45'")
P("age_years_of_age", "age", age_kind("a {sex}, {age} years of age,"), "'a male, 45 years of age,'")
P("age_gentleman", "age", age_kind("a {now}{age} year old {gent}"),
  "'a 45 year old gentleman/lady'")
P("age_MF", "age", age_kind("a {now}{age} year old {M}"), "'a 45 year old M' (chart abbreviation)")
P("age_this_gent", "age", age_sent("This {age} year old {gent} "),
  "'This 45 year old gentleman ...' as the opening")
P("age_appositive", "age", age_sent("The patient, a {age}-year-old {noun}, "),
  "'The patient, a 45-year-old man, ...'")
P("age_age_comma", "age", age_sent("The injured worker, age {age}, is a {sex} who "),
  "'The injured worker, age 45, is a male who'")
P("age_years_old_typo", "age", age_kind("a {now}{age} years old {sex}"),
  "'a 45 years old male' (common typo)")
P("age_hyphen_first", "age", age_kind("a {now}{age}-year old {sex}"), "'a 45-year old male'")
P("age_Male_cap", "age", age_kind("a {now}{age} year old {S}"), "'a 45 year old Male'")
P("age_no_article_sex_pronoun", "age", age_sent("The injured worker is {age} years old. {Pro} "),
  "'The injured worker is 45 years old. He ...' (sex only from the pronoun)")

# injury date
P("inj_doi_paren", "inj", inj_kind(" with a date of injury (DOI) of {d}"),
  "'with a date of injury (DOI) of <date>'")
P("inj_doi_of", "inj", inj_kind(" with a date of injury of {d}"),
  "'with a date of injury of <date>'")
P("inj_doi_abbrev_of", "inj", inj_kind(" with a DOI of {d}"), "'with a DOI of <date>'")
P("inj_doi_colon", "inj", inj_kind(". DOI: {d}"), "'. DOI: <date>'")
P("inj_injured_at_work", "inj", inj_kind(" who was injured at work on {d}"),
  "'who was injured at work on <date>'")
P("inj_work_related", "inj", inj_kind(" who sustained a work-related injury on {d}"),
  "'sustained a work-related injury on <date>'")
P("inj_reported_dated", "inj", inj_kind(" who reported an industrial injury dated {d}"),
  "'reported an industrial injury dated <date>'")
P("inj_injury_date_of", "inj", inj_kind(" with an injury date of {d}"),
  "'with an injury date of <date>'")
P("inj_injured_on", "inj", inj_kind(" who was injured on {d}"), "'who was injured on <date>'")
P("inj_industrial_of", "inj", inj_kind(" with an industrial injury of {d}"),
  "'with an industrial injury of <date>'")
P("inj_date_of_injury_is", "inj", inj_kind(". The date of injury is {d}"),
  "'. The date of injury is <date>'")
P("inj_cumulative", "inj", inj_kind(" who sustained a cumulative trauma injury on {d}"),
  "'sustained a cumulative trauma injury on <date>'")
P("inj_slipped", "inj", inj_kind(" who was injured on {d} when he slipped and fell"),
  "the injury date followed by how it happened")
P("inj_preceded", "inj",
  sub_narr(r"^(\s*)(The|This) ",
           lambda m: (m.group(1) + "According to the progress report dated 12/01/2016, "
                      + m.group(2).lower() + " ")),
  "the narrative opens with another date ('According to the progress report dated ...')",
  ignore=r"^clinical_events")
P("inj_preceded_other_date", "inj",
  sub_narr(INJ, lambda m: " who was seen on 12/01/2016 for an industrial injury that occurred on "
           + re.sub(r"\s+", " ", m.group(1))),
  "a visit date before the injury date in the same phrase", ignore=r"^clinical_events")
P("inj_to_bodypart", "inj", inj_kind(" who sustained an industrial injury to the back and neck on {d}"),
  "body parts between 'injury' and the date")
P("inj_while", "inj", inj_kind(" who sustained an industrial injury while lifting boxes at work on {d}"),
  "the mechanism between 'injury' and the date")
P("inj_dated_seen", "inj", inj_kind(" who sustained an industrial injury on {d} and was seen on 12/01/2016"),
  "a visit date right after the injury date", ignore=r"^clinical_events")
P("inj_doi_paren_colon", "inj", inj_kind(" with a date of injury (DOI): {d}"),
  "'date of injury (DOI): <date>'")
P("inj_paren_doi", "inj", inj_kind(" (DOI {d})"), "'(DOI <date>)'")

# UR decision date (the rewritten sentence drops drug names and other dates of the old one)
UR_IGNORE = r"^(medications|clinical_events)"
for _name, _fmt in [
        ("ur_paren", "Utilization Review (UR) dated {d} non-certified the request."),
        ("ur_passive", "On {d}, the request was non-certified by utilization review."),
        ("ur_prior_det", "A prior UR determination on {d} denied the request."),
        ("ur_decision_of", "The UR decision of {d} non-certified the request."),
        ("ur_denied_by_on", "The request was denied by UR on {d}."),
        ("ur_claims_admin", "On {d}, the claims administrator non-certified the request."),
        ("ur_report_dated", "In a utilization review report dated {d}, the claims administrator denied the request."),
        ("ur_noncert_dated", "The UR non-certification dated {d} was appealed."),
        ("ur_denial_dated", "A UR denial dated {d} was noted."),
        ("ur_noncert_in", "The request was non-certified in UR dated {d}."),
        ("ur_physician_denied", "The UR physician denied the request on {d}."),
        ("ur_per_ur", "Per UR dated {d}, the request was not certified."),
        ("ur_determination_letter", "The utilization review determination letter dated {d} denied the request."),
        ("ur_modified", "Utilization review on {d} modified the request.")]:
    P(_name, "ur", ur_kind(_fmt), "the UR sentence written '%s'" % _fmt.format(d="<date>"), ignore=UR_IGNORE)

# diagnoses
for _name, _lead in [("dx_include", "Diagnoses include "),
                     ("dx_has_been", "The injured worker has been diagnosed with "),
                     ("dx_are_colon", "The diagnoses are: "), ("dx_colon", "Diagnoses: "),
                     ("dx_working", "The working diagnoses are "),
                     ("dx_impression", "Diagnostic impressions include "),
                     ("dx_treated_for", "The injured worker is being treated for "),
                     ("dx_current_include", "Current diagnoses include "), ("dx_dx_colon", "Dx: "),
                     ("dx_impression_colon", "Impression: "), ("dx_assessment", "Assessment: "),
                     ("dx_diagnosed_as", "The injured worker was diagnosed as having ")]:
    P(_name, "dx", dx_lead(_lead), "diagnosis list introduced by '%s...'" % _lead)
P("dx_sep_semicolon", "dx", dx_sep("semicolon"), "diagnoses separated by semicolons")
P("dx_sep_numbered_inline", "dx", dx_sep("numbered_inline"),
  "diagnoses numbered inline: '1) ..., 2) ...'")
P("dx_sep_numbered_lines", "dx", dx_sep("numbered_lines"),
  "diagnoses as a numbered list, one per line")
P("dx_sep_oxford", "dx", dx_sep("oxford"), "diagnoses joined with a final ', and'")

# guidelines
P("gl_guidelines_word", "gl", sub_all(MAXIMUS_MTUS, r"\1 Guidelines\2\3"),
  "'MTUS Chronic Pain Medical Treatment Guidelines 2016'")
P("gl_year_paren", "gl", sub_all(MAXIMUS_MTUS, r"\1\2(\3)"),
  "guideline year in parentheses '(2016)'")
P("gl_ca_mtus", "gl", sub_all(r"Decision based on MTUS", "Decision based on CA MTUS"), "'CA MTUS'")
P("gl_the_mtus", "gl", sub_all(r"Decision based on MTUS", "Decision based on the MTUS"),
  "'the MTUS'")
P("gl_section_singular", "gl", sub_all(r"Section\(s\):", "Section:"),
  "'Section:' for 'Section(s):'")
P("gl_sections_plural", "gl", sub_all(r"Section\(s\):", "Sections:"),
  "'Sections:' for 'Section(s):'")
P("gl_section_semicolon", "gl", sub_all(r",(\s+)Section\(s\):", r";\1Section(s):"),
  "'; Section(s):' for ', Section(s):'")
P("gl_chronic_2009", "gl", sub_all(CHRONIC_2016, r"\1 Guidelines\g<2>2009"),
  "the 2009 edition 'Chronic Pain Medical Treatment Guidelines 2009': the year must become 2009",
  ignore=r"\.guidelines$", expect="year2009")
P("gl_chronic_2009_plain", "gl", sub_all(CHRONIC_2016, r"\1\g<2>2009"),
  "the 2009 edition without 'Guidelines': the year must become 2009",
  ignore=r"\.guidelines$", expect="year2009")
P("gl_odg_abbrev", "gl", sub_all(r"Official Disability Guidelines(\s*\(ODG\))?", "ODG"),
  "'ODG' for 'Official Disability Guidelines' (non-MTUS titles are kept as written)", ignore=r"\.guidelines$")
P("gl_odg_full", "gl",
  sub_all(r"Official Disability Guidelines(?!\s*\(ODG\))", "Official Disability Guidelines (ODG)"),
  "'Official Disability Guidelines (ODG)'")
P("gl_nonmtus_colon", "gl", sub_all(r"Non-MTUS Citation", "Non-MTUS Citation:"),
  "'Non-MTUS Citation:' with a colon")
P("gl_non_mtus_nohyph", "gl", sub_all(r"Non-MTUS", "non-MTUS"), "'non-MTUS' in lower case")
P("gl_outside_his_her", "gl",
  sub_all(r"based their decision on recommendation\(s\)(\s+)outside(\s+)of the MTUS Guidelines",
          r"based his/her decision on recommendations\1outside\2the MTUS guidelines"),
  "'based his/her decision on recommendations outside the MTUS guidelines'")
NOCITE = r"did not cite any medical evidence for its decision"
P("gl_nocite_their", "gl", sub_all(NOCITE, "did not cite any medical evidence for their decision"),
  "'did not cite any medical evidence for their decision'")
P("gl_nocite_this", "gl", sub_all(NOCITE, "did not cite any medical evidence for this decision"),
  "'did not cite any medical evidence for this decision'")

# drugs (the item text legitimately changes)
ITEMTXT = r"\]\.text$"
P("drug_brand2gen", "drug", swap_words(BRAND2GEN), "generic names where the letter has brand names",
  ignore=ITEMTXT + r"|\.guidelines$")
P("drug_gen2brand", "drug", swap_words(GEN2BRAND), "brand names where the letter has generic names",
  ignore=ITEMTXT + r"|\.guidelines$")
P("drug_norco_hcapap", "drug", swap_words({"Norco": "Hydrocodone/Acetaminophen"}),
  "'Hydrocodone/Acetaminophen' for Norco", ignore=ITEMTXT)
P("drug_norco_hcbit", "drug", swap_words({"Norco": "Hydrocodone bitartrate/acetaminophen"}),
  "'Hydrocodone bitartrate/acetaminophen'", ignore=ITEMTXT)
P("drug_norco_hyphen", "drug", swap_words({"Norco": "Hydrocodone-acetaminophen"}),
  "'Hydrocodone-acetaminophen'", ignore=ITEMTXT)
for _name, _fmt in [("drug_fmt_comma", "{s} mg, #{q}"), ("drug_fmt_qty", "{s}mg qty {q}"),
                    ("drug_fmt_QTY_colon", "{s}mg QTY: {q}"), ("drug_fmt_dash_strength", "{sd}mg #{q}"),
                    ("drug_fmt_MG", "{s}MG #{q}"), ("drug_fmt_mgdot", "{s} mg. #{q}"),
                    ("drug_fmt_No", "{s}mg No. {q}"), ("drug_fmt_paren_count", "{s}mg (#{q})"),
                    ("drug_fmt_x", "{s}mg x{q}"), ("drug_fmt_tablets", "{s}mg, {q} tablets"),
                    ("drug_fmt_nomg", "{s} #{q}"), ("drug_fmt_Qty", "{s}mg, Qty: {q}"),
                    ("drug_fmt_quantity", "{s}mg quantity {q}"),
                    ("drug_fmt_paren_tabs", "{s}mg ({q} tablets)"), ("drug_fmt_hash_space", "{s}mg # {q}")]:
    _example = _fmt.format(s="10/325", q="60", sd="10-325")
    P(_name, "drug", drug_fmt(_fmt), "strength and quantity written '%s'" % _example, ignore=ITEMTXT)
P("drug_str_MG", "drug", drug_strength_only("{s}MG"), "strengths as '10MG'", ignore=ITEMTXT)
P("drug_str_mgdot", "drug", drug_strength_only("{s} mg."), "strengths as '10 mg.'", ignore=ITEMTXT)
P("drug_str_milligrams", "drug", drug_strength_only("{s} milligrams"),
  "strengths as '10 milligrams'", ignore=ITEMTXT)
P("drug_pct_space", "drug", sub_all(r"(\d)%", r"\1 %"),
  "a space before '%' ('5 %')", ignore=ITEMTXT)
P("drug_lidoderm_patch", "drug", sub_all(r"\bLidocaine 5% patch #1\b", "Lidoderm 5% patches #1"),
  "'Lidoderm 5% patches #1' for 'Lidocaine 5% patch #1'", ignore=ITEMTXT)

# items / verdicts
ITEMCHG = r"\]\.(text|quantity|unit)$"
P("verdict_period", "item", item_lines(lambda it, sep, v: it + sep + v + "."),
  "'Upheld.' with a period")
P("verdict_upper_period", "item", item_lines(lambda it, sep, v: it + sep + v.upper() + "."),
  "'UPHELD.'")
P("verdict_lower", "item", item_lines(lambda it, sep, v: it + sep + v.lower()),
  "'upheld' in lower case")
P("item_mri_expand", "item",
  item_lines(lambda it, sep, v: re.sub(r"\bMRI\b", "Magnetic Resonance Imaging (MRI)", it) + sep + v),
  "'Magnetic Resonance Imaging (MRI)' spelled out", ignore=ITEMCHG)
P("item_emg_expand", "item",
  item_lines(lambda it, sep, v: (re.sub(r"\bEMG/NCV\b",
                                        "Electromyography/Nerve Conduction Velocity (EMG/NCV)", it) + sep + v)),
  "'Electromyography/Nerve Conduction Velocity (EMG/NCV)' spelled out", ignore=ITEMCHG)
P("item_paren_abbrev", "item",
  item_lines(lambda it, sep, v: re.sub(r"\b(Physical therapy|physical therapy)\b", r"\1 (PT)", it) + sep + v),
  "'Physical therapy (PT)'", ignore=ITEMCHG)
P("item_qty1", "item", item_lines(add_qty1), "', QTY: 1' after the item (it legitimately sets the quantity)",
  ignore=r"\]\.(text|quantity|unit|drug)$|^medications")
P("item_x3mo", "item", item_lines(lambda it, sep, v: it + " x 3 months" + sep + v),
  "' x 3 months' after the item", ignore=ITEMCHG)
P("item_request_for", "item", item_lines(request_for),
  "'Request for physical therapy'", ignore=ITEMCHG)
P("item_one", "item",
  item_lines(lambda it, sep, v: ("1 " + it if re.match(r"(MRI|X-ray|TENS|CT)\b", it) else it) + sep + v),
  "'1 MRI of the lumbar spine'", ignore=ITEMCHG)
P("item_slash_alt", "item",
  item_lines(lambda it, sep, v: (it.replace("EMG/NCV", "EMG/NCS").replace("X-ray", "X-Ray/radiograph")
                                 + sep + v)),
  "'EMG/NCS', 'X-Ray/radiograph'", ignore=ITEMCHG)
P("item_verdict_is", "item", item_lines(verdict_is), "'<item> is: Upheld'")

# reviewer
SPEC_ASWRITTEN = r"^reviewer\.specialties$"  # specialties as written legitimately change
P("rev_state_singular", "rev", sub_all(r"State\(s\) of Licensure:", "State of Licensure:"),
  "'State of Licensure:'")
P("rev_states_plural", "rev", sub_all(r"State\(s\) of Licensure:", "States of Licensure:"),
  "'States of Licensure:'")
P("rev_licensure_only", "rev", sub_all(r"State\(s\) of Licensure:", "Licensure:"), "'Licensure:'")
P("rev_cert_singular", "rev", sub_all(r"Certification\(s\)/Specialty:", "Certification/Specialty:"),
  "'Certification/Specialty:'")
P("rev_cert_plural", "rev",
  sub_all(r"Certification\(s\)/Specialty:", "Certifications/Specialties:"),
  "'Certifications/Specialties:'")
P("rev_specialty_only", "rev", sub_all(r"Certification\(s\)/Specialty:", "Specialty:"),
  "'Specialty:'")
P("rev_board_cert_label", "rev",
  sub_all(r"Certification\(s\)/Specialty:", "Board Certification(s):"),
  "'Board Certification(s):'")
P("rev_state_codes", "rev", sub_all(r"(?<=Licensure:)([^\n]*)", state_codes),
  "states as postal codes ('CA, NC')")
P("rev_state_and", "rev", sub_all(r"(State\(s\) of Licensure:[^\n]*?),\s*([A-Za-z ]+)\n", r"\1 and \2\n"),
  "the last state joined with 'and'")
P("rev_amp_and", "rev", sub_all(r"(?<=Specialty: )([^\n]*)", lambda m: m.group(1).replace("&", "and")),
  "'and' for '&' in specialties", ignore=SPEC_ASWRITTEN)
P("rev_pain_medicine", "rev", sub_all(r"Pain Management", "Pain Medicine"),
  "'Pain Medicine' for 'Pain Management'", ignore=SPEC_ASWRITTEN)
P("rev_family_medicine", "rev", sub_all(r"Family Practice", "Family Medicine"),
  "'Family Medicine' for 'Family Practice'", ignore=SPEC_ASWRITTEN)
P("rev_board_certified_in", "rev", sub_all(r"(?<=Specialty: )", "Board Certified in "),
  "'Board Certified in <specialty>'", ignore=SPEC_ASWRITTEN)
P("rev_orthopaedic", "rev", sub_all(r"Orthopedic Surgery", "Orthopaedic Surgery"),
  "British spelling 'Orthopaedic'", ignore=SPEC_ASWRITTEN)
P("rev_pmr_abbrev", "rev", sub_all(r"Physical Medicine & Rehabilitation", "PM&R"),
  "'PM&R'", ignore=SPEC_ASWRITTEN)
P("rev_pmr_physiatry", "rev",
  sub_all(r"Physical Medicine & Rehabilitation", "Physical Medicine and Rehabilitation"),
  "'Physical Medicine and Rehabilitation'", ignore=SPEC_ASWRITTEN)
P("rev_occ_env", "rev", sub_all(r"Occupational Medicine", "Occupational and Environmental Medicine"),
  "'Occupational and Environmental Medicine'", ignore=SPEC_ASWRITTEN)
P("rev_ortho_only", "rev", sub_all(r"Orthopedic Surgery", "Orthopedics"),
  "'Orthopedics'", ignore=SPEC_ASWRITTEN)
P("rev_anesthesia", "rev", sub_all(r"Anesthesiology", "Anesthesiology/Pain Medicine"),
  "'Anesthesiology/Pain Medicine'", ignore=SPEC_ASWRITTEN)
P("rev_board_cert_suffix", "rev", sub_all(r"(?<=Specialty: )([^\n,]+)", r"\1 (Board Certified)"),
  "'<specialty> (Board Certified)'", ignore=SPEC_ASWRITTEN)
P("rev_and_list", "rev", sub_all(r"(?<=Specialty: )([^,\n]+), ([^,\n]+)\n", r"\1 and \2\n"),
  "two specialties joined with 'and'", ignore=SPEC_ASWRITTEN)

# negation: the inserted drug must be found, negated or not as expected; nothing else may change
for _name, (_sent, _generic, _neg) in {
        "neg_denies_using": ("The injured worker denies using Norco.", "hydrocodone/acetaminophen", True),
        "neg_never_taken": ("The injured worker has never taken gabapentin.", "gabapentin", True),
        "neg_not_prescribed": ("Soma was not prescribed.", "carisoprodol", True),
        "neg_no_history_of": ("There is no history of opioid use, including oxycodone.", "oxycodone", True),
        "neg_discontinued": ("The injured worker has discontinued Soma.", "carisoprodol", False),
        "neg_stopped_taking": ("The injured worker stopped taking tramadol due to nausea.", "tramadol", False),
        "neg_weaned": ("The injured worker was weaned from Norco.", "hydrocodone/acetaminophen", False),
        "neg_no_longer": ("The injured worker is no longer taking Neurontin.", "gabapentin", False),
        "neg_failed": ("The injured worker failed a trial of Lyrica.", "pregabalin", False)}.items():
    P(_name, "neg", insert_after_first_sentence(_sent),
      "sentence inserted in the narrative: '%s' (%s)" % (_sent, "negated" if _neg else "taken, not negated"),
      ignore=r"^medications", expect=("neg", _generic, _neg))


# =============================================================================== round 3 kinds
# Variation seen across other reviewers and months (2015-2018): guideline wording, item names,
# partial authorisations, reviewer block layout, clinical summary phrasing, medication lists,
# negation, priority and verdicts. group "round3"; subgroups gl3, item3, part3, pri3, rev3, cs3,
# med3, neg3.


def R3(name, sub, fn, doc, **kw):
    kind(name, "round3", sub, fn, doc, **kw)


def maximus_lines(fn):
    """Apply fn to the text of each 'MAXIMUS guideline:' block (up to 'Decision rationale:')."""
    rx = re.compile(r"(MAXIMUS guideline:)(.*?)(?=Decision rationale:|\f|\n\n)", re.S | re.I)
    return lambda t, rec, b, lid: rx.sub(lambda m: m.group(1) + fn(m.group(2)), t)


def all_gl_lines(fn):
    rx = re.compile(r"((?:MAXIMUS|Claims Administrator) guideline:)(.*?)"
                    r"(?=Decision rationale:|MAXIMUS guideline:|\f|\n\n)", re.S | re.I)
    return lambda t, rec, b, lid: rx.sub(lambda m: m.group(1) + fn(m.group(2)), t)


def items_prefix(prefix_fn, only=None):
    """Insert prefix_fn(item) at the start of every non-partial item decision line (record span)."""
    def f(t, rec, b, lid):
        edits = []
        for it in rec.get("items") or []:
            if it.get("partial") or not it.get("span"):
                continue
            if only and not only(it):
                continue
            s = char_off(b, it["span"][0])
            head = fold(t[s:s + len(it["text"]) + 20])
            if not head.startswith(fold(it["text"])[:12]):
                continue
            p = prefix_fn(it)
            if p is None:
                continue
            edits.append((s, p, it))
        for s, p, it in sorted(edits, key=lambda x: -x[0]):
            rest = t[s:]
            if p.endswith(" ") and re.match(r"[A-Z][a-z]", rest) and it.get("category") != "pharmaceuticals":
                rest = rest[0].lower() + rest[1:]
            t = t[:s] + p + rest
        return t
    return f


def header_sub(pat, rep):
    rx = re.compile(pat)

    def f(t, rec, b, lid):
        hs = header_span(t, rec, b)
        if not hs:
            return t
        return t[:hs[0]] + rx.sub(rep, t[hs[0]:hs[1]], count=1) + t[hs[1]:]
    return f


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
       "sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def num_words(n):
    n = int(n)
    if n < 20:
        return ONES[n]
    return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")


def age_words(fmt):
    def rep(m):
        age, sex = m.group(2), m.group(3)
        return fmt.format(w=num_words(age), W=num_words(age).capitalize(), sex=sex, now=m.group(1) or "")
    return sub_narr(AGE, rep)


def ur_kind_fmt(fmt, style=None):
    inner = ur_kind(fmt)

    def f(t, rec, b, lid):
        pc = prov_char(rec, b, "dates_in_narrative.ur_decision")
        if not pc:
            return t
        d = re.sub(r"\s+", " ", t[pc[0]:pc[1]])
        d2 = convert_dates(d, style) if style else d
        return ur_kind(fmt.replace("{d}", d2.replace("{", "").replace("}", "")))(t, rec, b, lid)
    return f


def check_r3(expect, base, r):
    fails = []
    tag = expect[0]
    bi, ai = base.get("items") or [], r.get("items") or []
    if tag == "flip":
        if len(bi) != len(ai):
            return [("items.count", "items.count", len(bi), len(ai))]
        for j, (x, y) in enumerate(zip(bi, ai)):
            exp = {"upheld": "overturned", "overturned": "upheld"}.get(x.get("decision"), x.get("decision"))
            if y.get("decision") != exp:
                fails.append(("items[*].decision(flipped)", "items[%d].decision" % j, exp, y.get("decision")))
    elif tag == "priority":
        if r.get("priority") != expect[1]:
            fails.append(("priority(expected)", "priority", expect[1], r.get("priority")))
    elif tag == "glstruct":  # guidelines: same sources, years and section text modulo separators
        for j, (x, y) in enumerate(zip(bi, ai)):
            def norm(g, titles):
                secs = ", ".join(g.get("sections") or [])
                secs = re.sub(r"\s*;\s*(and\s+)?|,?\s+and\s+", ", ", secs)
                return (g.get("source"), g.get("title") if titles else None, g.get("year"), fold(secs))
            ex = [norm(g, expect[1]) for g in x.get("guidelines") or []]
            got = [norm(g, expect[1]) for g in y.get("guidelines") or []]
            if ex != got:
                fails.append(("items[*].guidelines(struct)", "items[%d].guidelines" % j, ex, got))
    elif tag == "partial":
        for j, (x, y) in enumerate(zip(bi, ai)):
            if not x.get("partial"):
                continue
            for key in ("partial", "text", "original_request", "authorized", "decision", "quantity"):
                if fold(str(x.get(key))) != fold(str(y.get(key))):
                    fails.append(("items[*].%s(partial)" % key, "items[%d].%s" % (j, key), x.get(key), y.get(key)))
    elif tag == "meds":  # inserted medications: [(generic, strength or None, quantity or None, negated)]
        bm = sorted(med_key(m) for m in base.get("medications") or [])
        am = sorted(med_key(m) for m in r.get("medications") or [])
        added = list(am)
        for k in bm:
            if k in added:
                added.remove(k)
        missing = [k for k in bm if am.count(k) < bm.count(k)]
        added = [json.loads(k) for k in added]
        want = expect[1]
        wanted_generics = {w[0] for w in want}
        other = [a for a in added if a[0] not in wanted_generics]
        if missing or other:
            fails.append(("medications(other)", "medications", "missing=%s" % missing[:3], "extra=%s" % other[:3]))
        for g, s, q, neg in want:
            cands = [a for a in added if a[0] == g]
            if neg is True:
                if any(a[4] is False for a in cands):
                    fails.append(("medications(inserted)", "medications[%s]" % g, "negated=True or absent",
                                  "negated=False"))
                continue
            ok = [a for a in cands if a[4] is False and (s is None or a[1] == s) and (q is None or a[2] == q)]
            if not ok:
                fails.append(("medications(inserted)", "medications[%s]" % g,
                              "negated=False strength=%s qty=%s" % (s, q),
                              "missing" if not cands else str([a[1:] for a in cands])))
    return fails


# --- guidelines (gl3)
GLS = ("glstruct", True)
GLS_NOTITLE = ("glstruct", False)
SEC_IGN = r"\.guidelines$"
CP16 = r"(MTUS Chronic Pain Medical Treatment)(\s+)2016,"
R3("gl3_chronic_2009_comma", "gl3", maximus_lines(lambda s: re.sub(CP16, r"\1 Guidelines,\g<2>2009,", s)),
   "'MTUS Chronic Pain Medical Treatment Guidelines, 2009, Section(s): ...' (year must become 2009)",
   ignore=SEC_IGN, expect="year2009")
R3("gl3_year_comma", "gl3",
   maximus_lines(lambda s: re.sub(r"((?:Complaints|Treatment|Approaches))(\s+)(\d{4})\b", r"\1,\2\3", s)),
   "a comma before the MTUS year: 'MTUS Low Back Complaints, 2004, Section(s): ...'")
def _semi_sections(s):
    rx = re.compile(r"(Section\(s\):)(.*?)(?=\.\s|\.$|,\s+and\s)", re.S)
    return rx.sub(lambda m: m.group(1) + re.sub(r",(\s)", r";\1", m.group(2)), s)


R3("gl3_sections_semicolon", "gl3", maximus_lines(_semi_sections),
   "sections separated by ';' ('Section(s): Opioids; Weaning of medications')", ignore=SEC_IGN, expect=GLS)
CIT_AND = r"(Section\(s\):[^.]*?|\d{4}),(\s+)and(\s+)(?=[A-Z][A-Za-z ,&\n]*?(?:Complaints|Treatment|Approaches)\s+\d{4})"
R3("gl3_citations_semicolon", "gl3", maximus_lines(lambda s: re.sub(CIT_AND, r"\1;\2", s)),
   "two MTUS citations joined with ';' instead of ', and'", ignore=SEC_IGN, expect=GLS)
R3("gl3_citations_and_nocomma", "gl3", maximus_lines(lambda s: re.sub(CIT_AND, r"\1\2and\3", s)),
   "two MTUS citations joined with ' and' (no comma)", ignore=SEC_IGN, expect=GLS)
R3("gl3_citations_decision_each", "gl3",
   maximus_lines(lambda s: re.sub(CIT_AND, r"\1.\2Decision based on MTUS\3", s)),
   "each MTUS citation its own 'Decision based on MTUS ...' sentence", ignore=SEC_IGN, expect=GLS)
R3("gl3_nonmtus_joined_and", "gl3",
   maximus_lines(lambda s: re.sub(r"(\d{4}(?:,\s+Section\(s\):[^.]*?)?)\.(\s+)Decision(\s+)based(\s+)on(\s+)Non-MTUS(\s+)Citation", r"\1; and\2Non-MTUS\6Citation", s)),
   "an MTUS and a non-MTUS citation joined: '...Section(s): Surgical Considerations; and Non-MTUS Citation ODG ...'",
   ignore=SEC_IGN, expect=GLS)
R3("gl3_citations_semicolon_and", "gl3", maximus_lines(lambda s: re.sub(CIT_AND, r"\1;\2and\3", s)),
   "citations joined with '; and' ('Section(s): Special Studies; and Forearm, Wrist, and Hand Complaints 2004')",
   ignore=SEC_IGN, expect=GLS)
R3("gl3_nonmtus_colon_odg", "gl3",
   all_gl_lines(lambda s: re.sub(r"Non-MTUS(\s+)Citation(\s+)(?!:)", r"Non-MTUS\1Citation:\2", s)),
   "'Decision based on Non-MTUS Citation: Official Disability Guidelines (ODG) ...'")
R3("gl3_odg_comma_chapter", "gl3",
   all_gl_lines(lambda s: re.sub(r"Official(\s+)Disability(\s+)Guidelines(\s+)\(ODG\)(\s+)([A-Z][A-Za-z&]*(?: [A-Z&][A-Za-z&]*)*)",
                                 r"ODG,\4\5 Chapter,", s)),
   "'ODG, Pain Chapter, ...' for 'Official Disability Guidelines (ODG) Pain, ...'",
   ignore=SEC_IGN, expect=GLS_NOTITLE)
R3("gl3_nonmtus_no_preamble", "gl3",
   all_gl_lines(lambda s: re.sub(r"The (Expert Reviewer|Claims Administrator) based their decision on(\s+)"
                                 r"recommendation\(s\)(\s+)outside(\s+)of the MTUS Guidelines\.(\s+)", "", s)),
   "only 'Decision based on Non-MTUS Citation ...' without the 'based their decision on "
   "recommendation(s) outside of the MTUS' sentence")
R3("gl3_mtus_colon", "gl3", all_gl_lines(lambda s: re.sub(r"Decision based on MTUS (?=[A-Z])", "Decision based on MTUS: ", s)),
   "'Decision based on MTUS: Low Back Complaints 2004'")
R3("gl3_acoem_prefix", "gl3",
   maximus_lines(lambda s: re.sub(r"MTUS ((?:Low Back|Neck and Upper Back|Shoulder|Knee|Elbow|Forearm, Wrist, and Hand|Ankle and Foot) Complaints)",
                                  r"MTUS (ACOEM Practice Guidelines) \1", s)),
   "'MTUS (ACOEM Practice Guidelines) Low Back Complaints 2004'")

# --- items (item3)
ITEM3_IGN = r"\]\.text$"
R3("item3_retro_request", "item3", items_prefix(lambda it: "Retrospective request for "),
   "'Retrospective request for <item>'", ignore=ITEM3_IGN)
R3("item3_prosp_request", "item3", items_prefix(lambda it: "Prospective request for 1 "),
   "'Prospective request for 1 <item>'", ignore=r"\]\.(text|quantity|unit)$")
R3("item3_one_rx", "item3", items_prefix(lambda it: "One (1) prescription of ",
                                         only=lambda it: it.get("category") == "pharmaceuticals"),
   "'One (1) prescription of <drug>'", ignore=r"\]\.(text|quantity|unit)$")
R3("item3_dme_prefix", "item3", items_prefix(lambda it: "DME: ", only=lambda it: it.get("category") == "dmepos"),
   "'DME: <item>' for equipment", ignore=ITEM3_IGN)
R3("item3_one_paren", "item3", items_prefix(lambda it: "One (1) ",
                                            only=lambda it: it.get("category") == "diagnostic_testing"),
   "'One (1) MRI of the lumbar spine'", ignore=r"\]\.(text|quantity|unit)$")
R3("item3_caps_brand", "item3",
   items_prefix(lambda it: "", only=lambda it: bool(it.get("drug"))),
   "(no-op placeholder)")  # replaced below
del KINDS["item3_caps_brand"]


def caps_drug_items(t, rec, b, lid):
    for it in rec.get("items") or []:
        d = it.get("drug")
        if not d or not d.get("span"):
            continue
        a = char_off(b, d["span"][0])
        m = re.match(r"[A-Za-z][a-z]+", t[a:])
        if m:
            t = t[:a] + m.group(0).upper() + t[a + m.end():]
    return t


R3("item3_caps_drug", "item3", caps_drug_items, "drug names in capitals in the items ('NORCO 10/325mg #60')",
   ignore=ITEM3_IGN)
R3("item3_flip_verdict", "item3",
   item_lines(lambda it, sep, v: it + sep + ("Overturned" if v == "Upheld" else "Upheld")),
   "every verdict flipped (Upheld <-> Overturned): the decisions must follow",
   ignore=r"\]\.decision$", expect=("flip",))
R3("item3_flip_upper", "item3",
   item_lines(lambda it, sep, v: it + sep + ("OVERTURNED" if v == "Upheld" else "UPHELD")),
   "verdicts flipped and in capitals", ignore=r"\]\.decision$", expect=("flip",))

# --- partial authorisations (part3)
PART = ("partial",)
R3("part3_certified", "part3", sub_all(r"was(\s+)authorized(\s+)by(\s+)the(\s+)Claims", r"was\1certified\2by\3the\4Claims"),
   "'Y was certified by the Claims Administrator'", expect=PART)
R3("part3_approved_lower", "part3",
   sub_all(r"was(\s+)authorized(\s+)by(\s+)the(\s+)Claims(\s+)Administrator", r"was\1approved\2by\3the\4claims\5administrator"),
   "'Y was approved by the claims administrator'", expect=PART)
R3("part3_hyphen_eligible", "part3", sub_all(r"IMR(\s+)eligible", r"IMR-eligible"),
   "'The remaining IMR-eligible portion'", expect=PART)
R3("part3_is_before", "part3",
   sub_all(r"(The(?:\s+)remaining(?:\s+)IMR(?:\s+)eligible(?:\s+)portion(?:\s+)of(?:\s+)the(?:\s+)original(?:\s+)request),(\s+)"
           r"([^\n:]*(?:\n[^\n:]*)*?)(\s+)is(\s*:\s*)(Upheld|Overturned)",
           r"\1 is\2\3\5\6"),
   "'The remaining IMR eligible portion of the original request is Z: Upheld'", expect=PART)
R3("part3_requested", "part3", sub_all(r"was(\s+)the(\s+)original(\s+)request\.", r"was\1requested\2originally."),
   "'X was requested originally.'", expect=PART)
R3("part3_no_comma", "part3",
   sub_all(r"(portion(?:\s+)of(?:\s+)the(?:\s+)original(?:\s+)request),(?=\s)", r"\1"),
   "no comma after 'the original request'", expect=PART)

# --- priority (pri3)
R3("pri3_expedited", "pri3", header_sub(r"\bStandard\b", "Expedited"),
   "an Expedited letter (header 'Priority: Expedited'): priority must be Expedited",
   ignore=r"^priority$", expect=("priority", "Expedited"))
R3("pri3_expedited_inline", "pri3",
   lambda t, rec, b, lid: p_header_inline(t, rec, b, lid).replace("Priority: Standard", "Priority: Expedited", 1),
   "'Priority: Expedited' in an inline header", ignore=r"^priority$", expect=("priority", "Expedited"))

# --- reviewer block (rev3)
R3("rev3_lic_nextline", "rev3", sub_all(r"(State\(s\) of Licensure:)[ \t]*", r"\1\n"),
   "the licensure value on the line after its label")
R3("rev3_spec_nextline", "rev3", sub_all(r"(Certification\(s\)/Specialty:)[ \t]*", r"\1\n"),
   "the specialty value on the line after its label")
R3("rev3_lic_wrap", "rev3", sub_all(r"(State\(s\) of Licensure:[^\n,]*),[ \t]*", r"\1,\n", count=1),
   "licensure states wrapped after the first comma")
R3("rev3_lic_semicolon", "rev3", sub_all(r"(?<=Licensure:)([^\n]*)", lambda m: re.sub(r",\s*", "; ", m.group(1))),
   "states separated by ';'")
R3("rev3_spec_semicolon", "rev3", sub_all(r"(?<=Specialty:)([^\n]*)", lambda m: re.sub(r",\s*", "; ", m.group(1))),
   "specialties separated by ';'")
R3("rev3_lic_CA_code_nospace", "rev3",
   sub_all(r"(?<=Licensure:)([^\n]*)", lambda m: re.sub(r",\s*", ",", state_codes(m))),
   "'State(s) of Licensure: CA,NC' (codes, no space)")
R3("rev3_credentials_colon_line", "rev3",
   sub_all(r"The Expert Reviewer has the following credentials:", "The Expert Reviewer has the following credentials:\n"),
   "a blank line after 'The Expert Reviewer has the following credentials:'")
R3("rev3_spec_trailing_period", "rev3", sub_all(r"(Certification\(s\)/Specialty:[^\n]*[A-Za-z])[ \t]*\n", r"\1.\n", count=1),
   "a period after the last specialty", ignore=SPEC_ASWRITTEN)

# --- clinical summary (cs3)
R3("cs3_age_words", "cs3", age_words("a {now}{w} year old {sex}"), "'a fifty-two year old male'")
R3("cs3_age_words_hyph", "cs3", age_words("a {now}{w}-year-old {sex}"), "'a fifty-two-year-old male'")
R3("cs3_now_years_of_age", "cs3", age_sent("The injured worker, now {age} years of age, is a {sex} who "),
   "'The injured worker, now 52 years of age, is a male who'")
R3("cs3_age_yoa", "cs3", age_sent("The injured worker is a {sex}, {age} years of age, who "),
   "'The injured worker is a male, 52 years of age, who'")
R3("cs3_doi_bare", "cs3", inj_kind(", DOI {d},"), "', DOI 10/23/2016,' (no colon)")
R3("cs3_sustained_injuries", "cs3", inj_kind(" who sustained injuries on {d}"), "'who sustained injuries on <date>'")
R3("cs3_injuries_to", "cs3", inj_kind(" who sustained injuries to the neck and low back on {d}"),
   "'sustained injuries to the neck and low back on <date>'")
R3("cs3_doi_is", "cs3", inj_kind(" whose date of injury is {d}"), "'whose date of injury is <date>'")
R3("cs3_doi_sentence_slash", "cs3",
   lambda t, rec, b, lid: inj_kind(". Date of injury is {d}")(t, rec, b, lid),
   "'. Date of injury is <date>'")
R3("cs3_specific_injury", "cs3", inj_kind(" who sustained a specific injury on {d}"),
   "'sustained a specific injury on <date>'")
R3("cs3_ur_on_noncert", "cs3", ur_kind_fmt("UR on {d} non-certified the request.", "dash2"),
   "'UR on 11-3-16 non-certified the request.'", ignore=UR_IGNORE)
R3("cs3_adverse_det", "cs3", ur_kind_fmt("In an adverse determination dated {d}, the request was non-certified."),
   "'In an adverse determination dated <date>, ...'", ignore=UR_IGNORE)
R3("cs3_ur_letter_of", "cs3", ur_kind_fmt("Per the UR letter of {d}, the request was denied.", "slash4"),
   "'Per the UR letter of 11/03/2016, the request was denied.'", ignore=UR_IGNORE)
R3("cs3_ur_noncertified_on", "cs3", ur_kind_fmt("The request was non-certified on {d} by utilization review.", "long"),
   "'The request was non-certified on November 3, 2016 by utilization review.'", ignore=UR_IGNORE)
R3("cs3_ur_modified_dated", "cs3", ur_kind_fmt("The UR dated {d} modified the request."),
   "'The UR dated <date> modified the request.'", ignore=UR_IGNORE)

# --- medication lists (med3): inserted after the first sentence of the narrative
HC = "hydrocodone/acetaminophen"
for _name, _sent, _want, _doc in [
        ("med3_current_colon", "Current medications: Norco, Soma and Ambien.",
         [(HC, None, None, False), ("carisoprodol", None, None, False), ("zolpidem", None, None, False)],
         "'Current medications: Norco, Soma and Ambien.'"),
        ("med3_numbered", "Medications include: 1. Norco 10/325 mg #90 2. Soma 350 mg #60.",
         [(HC, "10/325 mg", 90, False), ("carisoprodol", "350 mg", 60, False)],
         "'Medications include: 1. Norco 10/325 mg #90 2. Soma 350 mg #60.'"),
        ("med3_caps", "Current medications include NORCO 10/325MG, SOMA 350MG and AMBIEN 10MG.",
         [(HC, "10/325 mg", None, False), ("carisoprodol", "350 mg", None, False), ("zolpidem", "10 mg", None, False)],
         "brand names in capitals: 'NORCO 10/325MG, SOMA 350MG and AMBIEN 10MG'"),
        ("med3_lines", "Medications:\nNorco 10/325 mg #90\nSoma 350 mg #60\nAmbien 10 mg #30\n",
         [(HC, "10/325 mg", 90, False), ("carisoprodol", "350 mg", 60, False), ("zolpidem", "10 mg", 30, False)],
         "a medication list one per line after 'Medications:'"),
        ("med3_generic_dose", "Medications consist of gabapentin 600 mg three times daily and tramadol ER 150 mg daily.",
         [("gabapentin", "600 mg", None, False), ("tramadol", "150 mg", None, False)],
         "'Medications consist of gabapentin 600 mg three times daily and tramadol ER 150 mg daily.'"),
        ("med3_semicolon", "Current medications: Norco 10/325mg; Soma 350mg; Ambien 10mg.",
         [(HC, "10/325 mg", None, False), ("carisoprodol", "350 mg", None, False), ("zolpidem", "10 mg", None, False)],
         "medications separated by ';'"),
        ("med3_prescribed", "He was prescribed Norco and Neurontin.",
         [(HC, None, None, False), ("gabapentin", None, None, False)], "'He was prescribed Norco and Neurontin.'"),
        ]:
    R3(_name, "med3", insert_after_first_sentence(_sent), _doc, ignore=r"^medications",
       expect=("meds", _want))

# --- negation (neg3)
for _name, _sent, _generic, _neg in [
        ("neg3_not_currently", "The injured worker is not currently taking Norco.", HC, True),
        ("neg3_has_not_been_prescribed", "Soma has not been prescribed.", "carisoprodol", True),
        ("neg3_not_on_any", "The injured worker is not on any opioids, including Norco.", HC, True),
        ("neg3_has_not_tried", "The injured worker has not tried gabapentin.", "gabapentin", True),
        ("neg3_ceased", "Norco was ceased due to side effects.", HC, False),
        ("neg3_not_effective", "Tramadol was not effective.", "tramadol", False),
        ("neg3_did_not_help", "Gabapentin did not help.", "gabapentin", False),
        ("neg3_no_meds_other", "The injured worker takes no medications other than Motrin.", "ibuprofen", False),
        ("neg3_not_tolerating", "The injured worker was not tolerating Norco.", HC, False),
        ("neg3_tapered_off", "The injured worker was tapered off Soma.", "carisoprodol", False),
        ("neg3_no_benefit", "There was no benefit from Lyrica.", "pregabalin", False),
        ("neg3_denies_side_effects", "The injured worker denies side effects from Norco.", HC, False)]:
    R3(_name, "neg3", insert_after_first_sentence(_sent),
       "sentence inserted: '%s' (%s)" % (_sent, "negated" if _neg else "taken, not negated"),
       ignore=r"^medications", expect=("neg", _generic, _neg))

# =============================================================================== known limitations
# Failures of these kinds are reported as "known" and do not count. `applies(original text, field
# path, before, after)` narrows a known limitation to some failures; None means every failure.


class Known:
    def __init__(self, reason, applies=None):
        self.reason, self.applies = reason, applies


def _only_single_digit_quantity_lost(text, field, before, after):
    """drug_fmt_x: the only change is a one-digit quantity ('x5') that is no longer read."""
    def single(q):
        return re.fullmatch(r"\d", str(q)) is not None
    if re.search(r"\]\.drug$", field):
        return (isinstance(before, tuple) and isinstance(after, tuple) and single(before[2])
                and after[2] is None and before[:2] == after[:2])
    if field != "medications":
        return False
    went = sorted((Counter(before) - Counter(after)).elements())
    came = sorted((Counter(after) - Counter(before)).elements())
    return (bool(went) and len(went) == len(came)
            and all(single(w[2]) and c[2] == "None" and (w[:2], w[3:]) == (c[:2], c[3:])
                    for w, c in zip(went, came)))


KNOWN = {
    "part3_approved_lower": Known('after "was approved by the claims administrator" the rationale\'s '
                                  'mentions of the drug read as requested, not rationale'),
    "drug_fmt_nomg": Known('a strength without unit ("Norflex 100 #60") is not read as a strength'),
    "drug_fmt_tablets": Known('"60 tablets twice a day" is ambiguous between a dose and a quantity'),
    "drug_fmt_x": Known('a single-digit "x5" after a strength is not read as a quantity',
                        _only_single_digit_quantity_lost),
    "rev_anesthesia": Known("a specialty written twice gives a repeated canonical name, by design "
                            "(specialties and canonical names are parallel lists)"),
    "dx_sep_numbered_inline": Known("perturbation artefact: CM17-0020384 repeats a diagnosis after the "
                                    "list, numbering leaves an unnumbered tail"),
    "item_verdict_is": Known('perturbation artefact: CM17-0001749 already has "is" on the verdict '
                             'line, giving "is is"'),
}

# =============================================================================== running


class UsageError(Exception):
    pass


def extract(imrx, jobs, paths, out, cwd):
    """Run imrx extract on paths; {file name: record}."""
    if os.path.exists(out):
        os.remove(out)
    proc = subprocess.run([imrx, "extract", "-j", str(jobs), "-q", "-o", out] + paths, cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if not os.path.exists(out):
        raise RuntimeError("imrx extract failed (exit %d): %s"
                           % (proc.returncode, proc.stderr.decode("utf-8", "replace").strip()[:500]))
    recs = {}
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            recs[os.path.basename(r["source"])] = r
    return recs


def snippet_at_field(rec, path, fieldpath, n=90):
    """Perturbed text around the value's provenance (or the item involved)."""
    try:
        with open(path, "rb") as fh:
            b = fh.read()
    except OSError:
        return ""
    span = None
    key = fieldpath.replace(".count", "").replace(".text", "")
    for k, v in (rec.get("provenance") or {}).items():
        if k == key or k.startswith(key):
            span = v[1:3]
            break
    m = re.match(r"items\[(\d+)\]", fieldpath)
    if span is None and m and int(m.group(1)) < len(rec.get("items") or []):
        span = rec["items"][int(m.group(1))].get("span")
    if span is None:
        return ""
    return b[max(0, span[0] - n // 3): span[0] + n].decode("utf-8", "replace")


def first_diff(a, b):
    n = min(len(a), len(b))
    return next((k for k in range(n) if a[k] != b[k]), n)


def med_key(m):
    return json.dumps([m.get("generic"), m.get("strength"), m.get("quantity"), m.get("context"),
                       bool(m.get("negated"))])


def check_expectation(expect, base, r):
    """Failures [(generic field, field, expected, got)] of a kind's explicit expectation."""
    fails = []
    if expect == "year2009":  # MTUS Chronic Pain 2016 cited as the 2009 edition: the year becomes 2009
        base_items = base.get("items") or []
        for j, it in enumerate(r.get("items") or []):
            bi = base_items[j] if j < len(base_items) else {}
            for gb, ga in zip(bi.get("guidelines") or [], it.get("guidelines") or []):
                year = gb.get("year")
                if gb.get("title") == "Chronic Pain Medical Treatment" and year == 2016:
                    year = 2009
                exp = (gb.get("source"), gb.get("title"), year, gb.get("sections"))
                got = (ga.get("source"), ga.get("title"), ga.get("year"), ga.get("sections"))
                if exp != got:
                    fails.append(("items[*].guidelines(2009)", "items[%d].guidelines" % j, exp, got))
            nb, na = len(bi.get("guidelines") or []), len(it.get("guidelines") or [])
            if nb != na:
                fails.append(("items[*].guidelines.count", "items[%d]" % j, nb, na))
    elif isinstance(expect, tuple) and expect[0] == "neg":  # the inserted drug, nothing else
        _, generic, negated = expect
        bm = sorted(med_key(m) for m in base.get("medications") or [])
        am = sorted(med_key(m) for m in r.get("medications") or [])
        added = list(am)
        for k in bm:
            if k in added:
                added.remove(k)  # multiset after - before
        missing = [k for k in bm if am.count(k) < bm.count(k)]
        ins = [json.loads(k) for k in added if json.loads(k)[0] == generic]
        other = [k for k in added if json.loads(k)[0] != generic]
        if missing or other:
            fails.append(("medications(other)", "medications",
                          "missing=%s" % missing[:3], "extra=%s" % other[:3]))
        if negated is False and not any(m[4] is False for m in ins):
            fails.append(("medications(inserted)", "medications[%s]" % generic, "negated=False",
                          "missing" if not ins else "negated=True"))
        if negated is True and any(m[4] is False for m in ins):
            fails.append(("medications(inserted)", "medications[%s]" % generic, "negated=True or absent",
                          "negated=False"))
    return fails


def perturb_files(k, letters, files, base, outdir):
    """Write the perturbed copies of one kind; [(name, snippet of the first change)]."""
    written = []
    for name in files:
        lid, rend = name.split(".")[0], name.split(".")[1]
        if rend not in k.renderings:
            continue
        with open(os.path.join(letters, name), "rb") as fh:
            b = fh.read()
        t = b.decode("utf-8")
        if k.fn is None:  # cp1252: the same text, Windows-1252 bytes
            b2 = t.replace("\u2013", "-").encode("cp1252", errors="replace")
            if b2 != b:
                with open(os.path.join(outdir, name), "wb") as fh:
                    fh.write(b2)
                written.append((name, ""))
            continue
        t2 = k.fn(t, base[name], b, lid)
        if t2 != t:
            with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as fh:
                fh.write(t2)
            i = first_diff(t, t2)
            written.append((name, t2[max(0, i - 70):i + 110]))
    return written


def run_kind(k, args, letters, files, base, texts, work):
    outdir = os.path.join(work, "perturbed", k.name)
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    written = perturb_files(k, letters, files, base, outdir)
    recs = {}
    if written:
        recs = extract(args.imrx, args.jobs, [os.path.join(outdir, n) for n, _ in written],
                       os.path.join(work, "out", k.name + ".jsonl"), work)
    known = KNOWN.get(k.name)
    fails = defaultdict(list)  # generic field -> [failure dict]
    wrong, known_files = set(), set()

    def fail(name, generic, field, before, after, snippet):
        is_known = bool(known and (known.applies is None
                                   or known.applies(texts[name], field, before, after)))
        fails[generic].append(dict(file=name, field=field, before=before, after=after,
                                   snippet=snippet, known=is_known))
        (known_files if is_known else wrong).add(name)

    for name, cause in written:
        r = recs.get(name)
        if r is None:
            fail(name, "<no record>", "", "", "", cause)
            continue
        pb, pa = project(base[name]), project(r)
        keys = sorted(set(pb) | set(pa))
        if pb.get("items.count") != pa.get("items.count"):
            keys = [x for x in keys if not x.startswith("items[")]
        for key in keys:
            if k.ignore and re.search(k.ignore, generic_path(key)):
                continue
            if pb.get(key) != pa.get(key):
                snip = cause if k.group == "phrasing" else (
                    snippet_at_field(r, os.path.join(outdir, name), key) or cause)
                fail(name, generic_path(key), key, pb.get(key), pa.get(key), snip)
        for generic, field, exp, got in check_expectation(k.expect, base[name], r):
            fail(name, generic, field, exp, got, cause)
    known_files -= wrong
    return {
        "group": k.group, "sub": k.sub, "doc": k.doc,
        "files_perturbed": len(written),
        "letters_perturbed": len({n.split(".")[0] for n, _ in written}),
        "files_wrong": len(wrong),
        "files_known": len(known_files),
        "known_reason": known.reason if known else None,
        "failures": dict(fails),
    }


def clip(v, n=300):
    s = repr(v)
    return s if len(s) <= n else s[:n] + "..."


def show_change(before, after):
    """'before -> after', or for long lists only what went and what came."""
    if isinstance(before, tuple) and isinstance(after, tuple) and len(repr(before)) > 300:
        went, came = Counter(before) - Counter(after), Counter(after) - Counter(before)
        return "went %s, came %s" % (clip(sorted(went.elements())), clip(sorted(came.elements())))
    return "%s -> %s" % (clip(before), clip(after))


def print_examples(res, show):
    for generic, lst in sorted(res["failures"].items(), key=lambda kv: -len(kv[1])):
        files = {f["file"] for f in lst}
        nknown = sum(f["known"] for f in lst)
        tag = " (known)" if nknown == len(lst) else (" (%d known)" % nknown if nknown else "")
        print("      %s: %d files%s" % (generic, len(files), tag))
        for f in lst[:show]:
            print("        %s: %s   %s" % (f["field"], show_change(f["before"], f["after"]), f["file"]))
            if f["snippet"]:
                snip = f["snippet"].replace("\n", "\\n").replace("\r", "\\r").replace("\f", "\\f")
                print("          | " + snip[:180])


def select_kinds(spec):
    if not spec:
        return list(KINDS)
    names = []
    for w in [x.strip() for x in spec.split(",") if x.strip()]:
        if w in KINDS:
            sel = [w]
        else:  # a group or a subgroup name
            sel = [n for n, k in KINDS.items() if w in (k.group, k.sub)]
        if not sel:
            raise UsageError("unknown kind or group: %s (see --list)" % w)
        names += sel
    return [n for n in KINDS if n in names]  # in the order of the table


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="robustness.py",
        description="Perturb copies of real IMR letters (typography, phrasing), re-extract them with "
                    "imrx and report fields that change wrongly. See docs/robustness.md.")
    ap.add_argument("--imrx", default=DEFAULT_IMRX,
                    help="imrx binary (default: build/imrx in the repository)")
    ap.add_argument("--letters", default=DEFAULT_LETTERS,
                    help="folder of real letters, *.raw.txt and *.layout.txt (default: ../shared/real-letters/dev "
                         "next to the repository)")
    ap.add_argument("--work", help="folder for perturbed copies and records (kept); default: a temporary "
                                   "folder, deleted at the end")
    ap.add_argument("--kinds", help="comma-separated kinds, groups (typographic, phrasing) or subgroups "
                                    "(age, inj, ur, dx, gl, drug, item, rev, neg, wrapping, ...); default: all")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="show up to N examples per failing field")
    ap.add_argument("--json", metavar="FILE", help="write the full results as JSON to FILE")
    ap.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="imrx worker threads (default 1)")
    ap.add_argument("--list", action="store_true", help="list the kinds and what each imitates, then exit")
    args = ap.parse_args(argv)  # exits with status 2 on a usage error
    if args.show < 0 or args.jobs < 1:
        ap.error("--show must be >= 0 and --jobs >= 1")
    return ap, args


def inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder + os.sep)


def main(argv=None):
    ap, args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        kinds = select_kinds(args.kinds)
    except UsageError as e:
        ap.error(str(e))
    if args.list:
        for n in kinds:
            k = KINDS[n]
            print("%-28s %-11s %-10s %s%s" % (n, k.group, k.sub, k.doc, "  [known]" if n in KNOWN else ""))
        return 0

    letters = os.path.abspath(args.letters)
    if not os.path.isdir(letters):
        print("robustness: letters folder %s not found (the real letters are not part of the "
              "repository); skipped" % letters)
        return 0
    files = sorted(os.path.basename(p) for rend in RENDERINGS
                   for p in glob.glob(os.path.join(letters, "*.%s.txt" % rend)))
    if not files:
        print("robustness: no *.raw.txt or *.layout.txt letters in %s; skipped" % letters)
        return 0
    imrx = os.path.abspath(args.imrx)
    if not (os.path.isfile(imrx) and os.access(imrx, os.X_OK)):
        ap.error("imrx not found or not executable: %s (build it first, or pass --imrx)" % imrx)
    args.imrx = imrx
    for what, p in (("--work", args.work), ("--json", args.json)):
        if p and inside(p, letters):
            ap.error("%s must not be inside the letters folder %s" % (what, letters))

    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="imrx-robustness-")
    try:
        os.makedirs(os.path.join(work, "out"), exist_ok=True)
        return run(args, kinds, letters, files, work)
    except RuntimeError as e:
        print("robustness: %s" % e, file=sys.stderr)
        return 1
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def run(args, kinds, letters, files, work):
    base = extract(args.imrx, args.jobs, [os.path.join(letters, n) for n in files],
                   os.path.join(work, "out", "_base.jsonl"), work)
    missing = [n for n in files if n not in base]
    if missing:
        raise RuntimeError("no record for %d unperturbed letters (e.g. %s)" % (len(missing), missing[0]))
    texts = {}
    for n in files:
        with open(os.path.join(letters, n), encoding="utf-8") as fh:
            texts[n] = fh.read()
    nletters = len({n.split(".")[0] for n in files})
    print("robustness: %d letters (%d files) in %s, %s, %s" % (
        nletters, len(files), letters, args.imrx, datetime.date.today().isoformat()))

    results, group = {}, None
    for n in kinds:
        k = KINDS[n]
        if k.group != group:
            group = k.group
            print(group)
        res = results[n] = run_kind(k, args, letters, files, base, texts, work)
        line = "  %s: %d files perturbed, %d wrong" % (n, res["files_perturbed"], res["files_wrong"])
        if res["files_known"]:
            line += ", %d known" % res["files_known"]
        print(line, flush=True)
        if args.show and res["failures"]:
            print_examples(res, args.show)

    known_run = [n for n in kinds if n in KNOWN]
    if known_run:
        print("known limitations (not counted as failures)")
        for n in known_run:
            res = results[n]
            note = ""
            if not res["files_known"] and not res["files_wrong"]:
                note = "  (no longer fails: remove it from KNOWN?)"
            print("  %s: %d of %d files: %s%s" % (n, res["files_known"], res["files_perturbed"],
                                                  KNOWN[n].reason, note))

    totals = {}
    for n, res in results.items():
        t = totals.setdefault(res["group"], dict(kinds=0, files_perturbed=0, files_wrong=0, files_known=0))
        t["kinds"] += 1
        for f in ("files_perturbed", "files_wrong", "files_known"):
            t[f] += res[f]
    print("totals")
    for g, t in totals.items():
        print("  %s: %d kinds, %d files perturbed, %d wrong, %d known" % (
            g, t["kinds"], t["files_perturbed"], t["files_wrong"], t["files_known"]))
    failing = [n for n, res in results.items() if res["files_wrong"]]
    if failing:
        print("FAIL: %d kinds with unexpected failures: %s" % (len(failing), ", ".join(failing)))
    else:
        print("OK: no unexpected failures in %d kinds" % len(results))

    if args.json:
        doc = {"date": datetime.date.today().isoformat(), "imrx": args.imrx, "letters": letters,
               "letter_count": nletters, "file_count": len(files), "ok": not failing,
               "failing_kinds": failing, "totals": totals, "kinds": results}
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=1, default=str)
    return 1 if failing else 0


_check_expectation_r2 = check_expectation


def check_expectation(expect, base, r):  # noqa: F811 - extends the round-2 expectations
    if isinstance(expect, tuple) and expect and expect[0] in ("flip", "priority", "glstruct", "partial", "meds"):
        return check_r3(expect, base, r)
    if isinstance(expect, list):
        out = []
        for e in expect:
            out += check_expectation(e, base, r)
        return out
    return _check_expectation_r2(expect, base, r)



if __name__ == "__main__":
    sys.exit(main())
