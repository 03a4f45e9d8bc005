/* Layouts B, C and D number their items. B: "1. <item> is (not) medically necessary and
 * appropriate." in the decisions section, with labelled guideline and rationale lines. C: "1)
 * <item>: UPHELD" under ISSUE AT DISPUTE, with guidelines and rationales numbered alike in their
 * own sections. D: "1) MAXIMUS ... has determined the request for <item> is (not) medically
 * necessary and appropriate." at the top, then "1) Regarding the request for <item>:" blocks. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decisions.h"

static int number_at(const char *text, PCRE2_SIZE *ov)
{
    return atoi(text + ov[2]);
}

/* "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer: The Claims Administrator
 * based its decision on the ODG ... The Expert Reviewer relied on the MTUS ...": sentences about
 * the claims administrator that open the reviewer's part are the administrator's citation, up to
 * the first sentence about the expert reviewer. */
static void ca_sentences_first(const char *text, item_t *it)
{
    uint32_t b = it->mx.b, e = it->mx.e;
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\f')) b++;
    if (e - b < 26 || imrx_text_find(text, b, b + 25, "The Claims Administrator ") != b) return;
    uint32_t er = imrx_text_find(text, b, e, "The Expert Reviewer ");
    /* only where a sentence begins, and never when the administrator's part is all there is */
    while (er < e &&
           !(er >= 2 && text[er - 2] == '.' && (text[er - 1] == ' ' || text[er - 1] == '\n')))
        er = imrx_text_find(text, er + 1, e, "The Expert Reviewer ");
    if (er >= e) {
        /* "... Chapter 9, Shoulder Complaints. The MTUS does not address cold therapy units, and
         * the Expert Reviewer relied instead on the ODG": the next sentence that names the
         * reviewer */
        for (uint32_t p = b; p + 2 < e && er >= e; p++) {
            if (text[p] != '.' || (text[p + 1] != ' ' && text[p + 1] != '\n')) continue;
            uint32_t q = p + 1;
            while (q < e && (text[q] == ' ' || text[q] == '\n')) q++;
            if (q >= e || !isupper((unsigned char)text[q])) continue;
            if (imrx_text_find(text, q, e, "The Claims Administrator ") == q) continue;
            uint32_t end = q;
            while (end + 1 < e &&
                   !(text[end] == '.' && (text[end + 1] == ' ' || text[end + 1] == '\n')))
                end++;
            if (imrx_text_find(text, q, end, "Expert Reviewer") < end)
                er = q;
            else
                return;
        }
        if (er >= e) return;
    }
    if (it->ca.e <= it->ca.b) it->ca = (range_t){b, er};
    it->mx.b = er;
}

/* The labelled parts of a block: each label opens a part that runs to the next label. */
static void split_block(scan_t *sc, item_t *it, int re, uint32_t from)
{
    const char *text = sc->l->text;
    range_t *open = NULL;
    uint32_t p = from;
    while (p < it->block.e && imrx_re_find(&sc->s->re[re], sc->t, text, p, it->block.e) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        if (open) open->e = (uint32_t)ov[0];
        const char *label = text + ov[2];
        /* "Claims Administrator guideline:", "... Relied Upon by the Claims Administrator:" */
        if (imrx_starts_with_ci(label, "Claims") ||
            imrx_text_find(text, (uint32_t)ov[2], (uint32_t)ov[3], "claims administrator") < ov[3])
            open = &it->ca;
        else if (imrx_starts_with_ci(label, "MAXIMUS") || imrx_starts_with_ci(label, "Medical"))
            open = &it->mx;
        else
            open = &it->rationale;
        open->b = (uint32_t)ov[1];
        p = (uint32_t)ov[1];
    }
    if (open) open->e = it->block.e;
    ca_sentences_first(text, it);
}

void imrx_items_layout_b(scan_t *sc, const imrx_section_t *sec)
{
    const char *text = sc->l->text;
    uint32_t pos = sec->begin;
    while (sc->count < MAX_ITEMS &&
           imrx_re_find(&sc->s->re[RE_NUMBERED_B], sc->t, text, pos, sec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        item_t *it = &sc->items[sc->count++];
        memset(it, 0, sizeof *it);
        it->text = (range_t){(uint32_t)ov[4], (uint32_t)ov[5]};
        it->decision = imrx_re_has(sc->t, 3) ? DEC_UPHELD : DEC_OVERTURNED;
        it->verdict = (range_t){(uint32_t)ov[5], (uint32_t)ov[1]};
        it->block.b = (uint32_t)ov[0];
        pos = (uint32_t)ov[1];
        /* a partial authorisation in layout A's three sentences, before "is (not) medically
         * necessary" (layout C: before ": UPHELD") */
        if (!imrx_items_read_partial(sc, it, it->text.b, it->text.e))
            imrx_items_read_portion(sc, it, it->text.b, it->text.e);
    }
    for (int i = 0; i < sc->count; i++) {
        item_t *it = &sc->items[i];
        it->block.e = i + 1 < sc->count ? sc->items[i + 1].block.b : sec->end;
        split_block(sc, it, RE_B_LABEL, it->verdict.e);
    }
}

/* Numbered entries ("1) ..." when `mark` is ')') of a section, as ranges indexed by their number
 * (1-based). */
static int entries_marked(scan_t *sc, const imrx_section_t *sec, range_t *out, int max, char mark)
{
    const char *text = sc->l->text;
    int found = 0, last = -1;
    uint32_t pos = sec->begin;
    /* the first entry may stand on the heading's line, where a conversion joined them */
    uint32_t q = sec->begin;
    while (q < sec->end && text[q] == ' ') q++;
    int here = q > 0 && text[q - 1] != '\n' &&
               imrx_re_at(&sc->s->re[RE_NUMBER_HERE], sc->t, text, q, sec->end) == 1;
    while (here || imrx_re_find(&sc->s->re[RE_NUMBER], sc->t, text, pos, sec->end) == 1) {
        here = 0;
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        int n = number_at(text, ov);
        pos = (uint32_t)ov[1];
        if (n < 1 || n > max || text[ov[4]] != mark) continue;
        if (last >= 1) out[last - 1].e = (uint32_t)ov[0];
        out[n - 1] = (range_t){(uint32_t)ov[1], sec->end};
        last = n;
        found++;
    }
    return found;
}

/* Unnumbered entries: the section's paragraphs (blank lines between), in the items' order,
 * when there is one for each item ("Nortriptyline: MTUS ..." then a blank line). */
static int paragraph_entries(const char *text, const imrx_section_t *sec, range_t *out, int count)
{
    range_t para[MAX_ITEMS];
    int n = 0;
    uint32_t p = sec->begin;
    while (p < sec->end) {
        while (p < sec->end && (text[p] == '\n' || text[p] == ' ')) p++;
        if (p == sec->end) break;
        uint32_t e = p;
        while (e < sec->end && !(text[e] == '\n' && e + 1 < sec->end && text[e + 1] == '\n')) e++;
        if (n == MAX_ITEMS) return 0;
        para[n++] = (range_t){p, e};
        p = e;
    }
    if (n != count) return 0;
    for (int i = 0; i < n; i++) out[i] = para[i];
    return n;
}

/* Does the line at text[p..e) open with the name in text[nb..ne) (its first words, to a comma or
 * a parenthesis, at most 24 bytes, any case), and hold a colon after it? */
static int line_names(const char *text, uint32_t p, uint32_t e, uint32_t nb, uint32_t ne)
{
    uint32_t n = nb;
    while (n < ne && n - nb < 24 && text[n] != ',' && text[n] != '(') n++;
    while (n > nb && text[n - 1] == ' ') n--;
    if (n - nb < 4 || p + (n - nb) > e || strncasecmp(text + p, text + nb, n - nb) != 0) return 0;
    return memchr(text + p + (n - nb), ':', e - p - (n - nb)) != NULL;
}

/* Entries labelled with their item's name, one after the other without blank lines
 * ("MR arthrogram of the left shoulder: MTUS ..."): each item's line in the items' order. */
static int named_entries(scan_t *sc, const imrx_section_t *sec, range_t *out)
{
    const char *text = sc->l->text;
    uint32_t p = sec->begin;
    for (int i = 0; i < sc->count; i++) {
        const item_t *it = &sc->items[i];
        int found = 0;
        while (p < sec->end && !found) {
            uint32_t e = imrx_line_end(text, p, sec->end);
            found = line_names(text, p, e, it->text.b, it->text.e) ||
                    (it->original.e > it->original.b &&
                     line_names(text, p, e, it->original.b, it->original.e));
            if (found) out[i] = (range_t){p, sec->end};
            if (found && i > 0) out[i - 1].e = p;
            p = e < sec->end ? e + 1 : sec->end;
        }
        if (!found) return 0;
    }
    return sc->count;
}

/* Layout C numbers its guidelines and rationales "1)" as its issues; some copies "1.", others
 * give each item a paragraph of its own, or a line that opens with its name. */
static int numbered_entries(scan_t *sc, const imrx_section_t *sec, range_t *out, int max)
{
    int found = entries_marked(sc, sec, out, max, ')');
    if (!found) found = entries_marked(sc, sec, out, max, '.');
    if (!found && sc->count > 1) found = paragraph_entries(sc->l->text, sec, out, sc->count);
    if (!found && sc->count > 1) {
        range_t named[MAX_ITEMS] = {{0, 0}};
        found = named_entries(sc, sec, named);
        for (int i = 0; i < found; i++) out[i] = named[i];
    }
    return found;
}

/* Some writers of layout C name only the disputed portion in the issue list and tell the
 * partial authorisation in the item's rationale: "1) Norco 10/325mg #180 was the original
 * request. Norco 10/325mg #90 was authorized by the Claims Administrator. The remaining IMR
 * eligible portion of the original request, Norco 10/325mg #90, is not medically necessary."
 * The item keeps its name; the formula, read up to its verdict, gives what was asked and
 * authorised. */
static void partial_in_rationale(scan_t *sc, item_t *it)
{
    const char *text = sc->l->text;
    if (it->partial || it->rationale.e <= it->rationale.b) return;
    uint32_t b = it->rationale.b, e = it->rationale.e;
    uint32_t verdict = imrx_text_find(text, b, e, " medically necessary");
    if (verdict == e) return;
    /* back over "is (not)", in the verdict's sentence, and a comma to the end of the remaining
     * portion's name */
    uint32_t end = imrx_text_find_last(text, b, verdict + 1, " is ");
    if (end > verdict || memchr(text + end, '.', verdict - end)) return;
    while (end > b && (text[end - 1] == ',' || text[end - 1] == ' ' || text[end - 1] == '\n'))
        end--;
    item_t probe = *it;
    if (imrx_items_read_partial(sc, &probe, b, end) != 1) return;
    it->partial = 1;
    it->original = probe.original;
    it->authorized = probe.authorized;
}

void imrx_items_layout_c(scan_t *sc)
{
    const imrx_section_t *issues = imrx_letter_section(sc->l, "issues");
    if (!issues) return;
    const char *text = sc->l->text;
    uint32_t pos = issues->begin;
    while (sc->count < MAX_ITEMS &&
           imrx_re_find(&sc->s->re[RE_C_ISSUE], sc->t, text, pos, issues->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        item_t *it = &sc->items[sc->count++];
        memset(it, 0, sizeof *it);
        it->text = (range_t){(uint32_t)ov[4], (uint32_t)ov[5]};
        it->verdict = (range_t){(uint32_t)ov[6], (uint32_t)ov[7]};
        char c = text[ov[6]];
        it->decision = (c == 'U' || c == 'u') ? DEC_UPHELD : DEC_OVERTURNED;
        it->block = (range_t){(uint32_t)ov[0], (uint32_t)ov[1]};
        pos = (uint32_t)ov[1];
        if (!imrx_items_read_partial(sc, it, it->text.b, it->text.e)) /* as in layout B */
            imrx_items_read_portion(sc, it, it->text.b, it->text.e);
    }
    range_t guide[MAX_ITEMS] = {{0, 0}}, why[MAX_ITEMS] = {{0, 0}};
    const imrx_section_t *g = imrx_letter_section(sc->l, "guidelines");
    const imrx_section_t *r = imrx_letter_section(sc->l, "rationale");
    if (g) numbered_entries(sc, g, guide, MAX_ITEMS);
    if (r) numbered_entries(sc, r, why, MAX_ITEMS);
    /* A letter with one item may not number its guideline or rationale. */
    if (sc->count == 1 && g && guide[0].e <= guide[0].b) guide[0] = (range_t){g->begin, g->end};
    if (sc->count == 1 && r && why[0].e <= why[0].b) why[0] = (range_t){r->begin, r->end};
    for (int i = 0; i < sc->count; i++) {
        sc->items[i].mx = guide[i];
        sc->items[i].rationale = why[i];
        partial_in_rationale(sc, &sc->items[i]);
    }
}

/* Where the sentence or clause at text[p] ends in [p, e): a period before a blank, ", leaving",
 * ", and the remaining" or " so ". */
static uint32_t clause_end(const char *text, uint32_t p, uint32_t e)
{
    uint32_t so = imrx_text_find(text, p, e, " so ");
    uint32_t leaving = imrx_text_find(text, p, e, ", leaving");
    if (leaving < so) so = leaving;
    uint32_t remaining = imrx_text_find(text, p, e, ", and the remaining");
    if (remaining < so) so = remaining;
    for (uint32_t i = p; i < so; i++)
        if (text[i] == '.' && (i + 1 == e || text[i + 1] == ' ' || text[i + 1] == '\n')) return i;
    return so;
}

/* Where the sentence that ends at text[p] starts, not before b: after a line break or a
 * period, and its blanks. */
static uint32_t sentence_start(const char *text, uint32_t b, uint32_t p)
{
    uint32_t s = p;
    while (s > b &&
           !(text[s - 1] == '\n' || (s >= b + 2 && text[s - 1] == ' ' && text[s - 2] == '.')))
        s--;
    while (s < p && (text[s] == ' ' || text[s] == '\n')) s++;
    return s;
}

/* Past the item's number that opens a determination ("1) Norco ... was"), before e. */
static uint32_t skip_number(const char *text, uint32_t b, uint32_t e)
{
    uint32_t n = b;
    while (n < e && text[n] >= '0' && text[n] <= '9') n++;
    return n > b && n + 1 < e && text[n] == ')' && text[n + 1] == ' ' ? n + 2 : b;
}

/* Layout D names only the disputed portion in its determination; its block may tell the rest:
 * "The original request was (for) X.", "X was the original request.", "X was originally
 * requested.", "Of the original request for X, ..."; then what was authorised: "The Claims
 * Administrator authorized (certified) Y", "Y was authorized by the claims administrator",
 * "Utilization review certified #60". */
static void original_request_in_block(scan_t *sc, item_t *it, range_t block)
{
    const char *text = sc->l->text;
    range_t original = {0, 0};
    uint32_t o,
        lead_end = 0; /* where the text after the original request starts, if not at its end */
    if ((o = imrx_text_find(text, block.b, block.e, "the original request was ")) < block.e) {
        uint32_t ob = o + 25;
        if (imrx_starts_with_ci(text + ob, "for ")) ob += 4;
        original = (range_t){ob, clause_end(text, ob, block.e)};
    } else if ((o = imrx_text_find(text, block.b, block.e, "of the original request for ")) <
               block.e) {
        uint32_t ob = o + 28, oe = ob;
        while (oe < block.e && text[oe] != ',' && text[oe] != '.') oe++;
        original = (range_t){ob, oe};
    } else if ((o = imrx_text_find(text, block.b, block.e, " originally requested, ")) < block.e &&
               (original.b = skip_number(text, sentence_start(text, block.b, o), o)) + 7 < o &&
               imrx_starts_with_ci(text + original.b, "of the ")) {
        /* "Of the 12 sessions of aquatic therapy originally requested, 4 were certified" */
        original = (range_t){original.b + 7, o};
        lead_end = o + 23;
    } else if ((o = imrx_text_find(text, block.b, block.e, " was the original request")) <
                   block.e ||
               (o = imrx_text_find(text, block.b, block.e, " was originally requested")) <
                   block.e ||
               (o = imrx_text_find(text, block.b, block.e, " were originally requested")) <
                   block.e) {
        original = (range_t){skip_number(text, sentence_start(text, block.b, o), o), o};
    } else {
        return;
    }
    if (original.e <= original.b) return;
    uint32_t from = lead_end ? lead_end : original.e;
    uint32_t lim = from + 200 < block.e ? from + 200 : block.e;
    /* "X was the original request, and Y was certified": Y starts after the ", and" */
    uint32_t and_ = imrx_text_find(text, from, lim, ", and ");
    uint32_t stop = imrx_text_find(text, from, lim, ".");
    if (and_ < stop) from = and_ + 6;
    uint32_t a = imrx_text_find(text, from, lim, " authorized ");
    uint32_t c = imrx_text_find(text, from, lim, " certified ");
    if (c < a) a = c;
    if (a == lim) return;
    range_t authorized;
    uint32_t verb = a + 1;
    if (a >= from + 4 && (imrx_text_find(text, a - 4, a, " was") < a ||
                          imrx_text_find(text, a - 5, a, " were") < a)) {
        /* "Xanax 0.5 mg #30 was authorized by the claims administrator" */
        uint32_t was = imrx_text_find(text, a - 5, a, " w");
        authorized = (range_t){sentence_start(text, from, was), was};
    } else {
        uint32_t ab = verb + (text[verb] == 'a' || text[verb] == 'A' ? 11 : 10);
        authorized = (range_t){ab, clause_end(text, ab, lim)};
    }
    imrx_trim_range(text, &authorized, ",;");
    if (authorized.e <= authorized.b) return;
    it->partial = 1;
    it->original = original;
    it->authorized = authorized;
}

void imrx_items_layout_d(scan_t *sc)
{
    const imrx_section_t *issues = imrx_letter_section(sc->l, "issues");
    if (!issues) return;
    const char *text = sc->l->text;
    uint32_t pos = issues->begin;
    while (sc->count < MAX_ITEMS &&
           imrx_re_find(&sc->s->re[RE_D_ISSUE], sc->t, text, pos, issues->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        item_t *it = &sc->items[sc->count++];
        memset(it, 0, sizeof *it);
        it->text = (range_t){(uint32_t)ov[4], (uint32_t)ov[5]};
        it->decision = imrx_re_has(sc->t, 3) ? DEC_UPHELD : DEC_OVERTURNED;
        it->verdict = (range_t){(uint32_t)ov[5], (uint32_t)ov[1]};
        it->block = (range_t){(uint32_t)ov[0], (uint32_t)ov[1]};
        pos = (uint32_t)ov[1];
        /* "the remaining portion, Norco 10/325 mg #60,": the item is what the portion is */
        static const char portion[] = "the remaining portion, ";
        if (imrx_text_find(text, it->text.b, it->text.e, portion) == it->text.b) {
            it->text.b += (uint32_t)strlen(portion);
            while (it->text.e > it->text.b && text[it->text.e - 1] == ',') it->text.e--;
        }
        /* "the part of the request for Norco that utilization review did not certify, Norco
         * 10/325 mg #60", "the four Butrans patches not certified by utilization review, Butrans
         * 10 mcg/hr #4": what was left uncertified, named in apposition */
        uint32_t cert = imrx_text_find(text, it->text.b, it->text.e, "not certif");
        if (cert == it->text.e) cert = imrx_text_find(text, it->text.b, it->text.e, "not authoriz");
        if (cert < it->text.e) {
            uint32_t comma = imrx_text_find(text, cert, it->text.e, ", ");
            if (comma + 2 < it->text.e) {
                it->text.b = comma + 2;
                while (it->text.e > it->text.b && text[it->text.e - 1] == ',') it->text.e--;
                imrx_trim_range(text, &it->text, NULL);
                it->partial = 1;
            }
        }
        /* a partial authorisation told before "MAXIMUS ... has determined": "1) Norco #120 was
         * the original request, and Norco #60 was certified by the claims administrator." */
        original_request_in_block(sc, it, it->block);
        /* "... has determined that the remaining portion of the request, 6 sessions of ..., is":
         * a partial authorisation, whatever the sentence before says of it */
        if (imrx_text_find(text, it->block.b, it->text.b, "remaining portion") < it->text.b ||
            imrx_text_find(text, it->block.b, it->text.b, "eligible portion") < it->text.b)
            it->partial = 1;
        /* "1) Cognitive behavioral therapy, 12 sessions, was requested. Utilization review
         * certified 6 sessions and non-certified 6. MAXIMUS ... has determined" */
        if (!it->partial && it->text.b > it->block.b &&
            imrx_re_find(&sc->s->re[RE_D_PART], sc->t, text, it->block.b, it->text.b) == 1)
            it->partial = 1;
        imrx_d_partial_parenthesis(sc, it);
    }
    imrx_d_partial_notes(sc, issues->end);
    imrx_d_partial_in_summary(sc);
    const imrx_section_t *dec = imrx_letter_section(sc->l, "decisions");
    if (!dec) return;
    /* "N) Regarding the request for ...:" blocks, matched to items by their number. */
    uint32_t starts[MAX_ITEMS + 1];
    int numbers[MAX_ITEMS], blocks = 0;
    pos = dec->begin;
    while (blocks < MAX_ITEMS &&
           imrx_re_find(&sc->s->re[RE_D_BLOCK], sc->t, text, pos, dec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        /* an unnumbered block ("Regarding the request for ...:") is the next item's */
        numbers[blocks] = imrx_re_has(sc->t, 1) ? number_at(text, ov) : blocks + 1;
        starts[blocks++] = (uint32_t)ov[0];
        pos = (uint32_t)ov[1];
    }
    starts[blocks] = dec->end;
    for (int k = 0; k < blocks; k++) {
        int n = numbers[k];
        if (n < 1 || n > sc->count) continue;
        item_t *it = &sc->items[n - 1];
        item_t tmp = *it;
        tmp.block = (range_t){starts[k], starts[k + 1]};
        split_block(sc, &tmp, RE_D_LABEL, starts[k]);
        it->ca = tmp.ca;
        it->mx = tmp.mx;
        it->rationale = tmp.rationale;
        original_request_in_block(sc, it, tmp.block);
        /* told in the block, before its labels or in its rationale */
        if (!it->partial) imrx_d_partial_in_block(sc, it, tmp.block.b, tmp.block.e);
    }
}
