/* Layout A: "<item>: Upheld" lines, each followed by the claims administrator's guideline, the
 * MAXIMUS guideline and the decision rationale. An item's text runs back from its verdict to
 * the end of the block before it; partial authorisations are told in three sentences. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "decisions.h"

void imrx_trim_range(const char *text, range_t *r, const char *punct)
{
    while (r->b < r->e &&
           (isspace((unsigned char)text[r->b]) || (punct && strchr(punct, text[r->b]))))
        r->b++;
    while (r->e > r->b &&
           (isspace((unsigned char)text[r->e - 1]) || (punct && strchr(punct, text[r->e - 1]))))
        r->e--;
}

int imrx_starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix)) return 0;
    return 1;
}

/* A line that cannot be part of an item's name: it ends a sentence or a label, or it is one of
 * the block's labels, or the lead-in. */
static int closes_block(const char *text, uint32_t b, uint32_t e)
{
    while (e > b && text[e - 1] == ' ') e--;
    if (e == b) return 1; /* blank */
    char last = text[e - 1];
    /* (a colon inside a parenthesis goes on: "... (date of service:" / "01/22/2020):") */
    if (last == ':') {
        int open = 0;
        for (uint32_t i = b; i < e; i++) open += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        if (open > 0) return 0;
    }
    if (last == '.' || last == '?' || last == '!' || last == ':') return 1;
    static const char *const labels[] = {
        "Decision rationale:", "MAXIMUS guideline:", "Claims Administrator guideline:",
        "The Final Determination was", NULL};
    for (const char *const *l = labels; *l; l++)
        if (imrx_starts_with_ci(text + b, *l)) return 1;
    return 0;
}

/* The start of the item name that ends at `end`: whole lines back from there, up to 6, while
 * the line before does not close the block before. */
static uint32_t name_start(const char *text, uint32_t end, uint32_t floor)
{
    uint32_t start = imrx_line_start(text, end);
    if (start < floor) return floor;
    for (int lines = 0; lines < 6 && start > floor; lines++) {
        uint32_t pe = start - 1; /* the '\n' ending the previous line */
        uint32_t pb = imrx_line_start(text, pe);
        if (pb < floor || closes_block(text, pb, pe)) break;
        start = pb;
    }
    return start;
}

/* A conversion that joined the rationale's last line to the next item's ("... #30 is medically
 * necessary. ~|Individual psychotherapy, 12 sessions: Upheld"): the name starts after the
 * conclusion, past the junk the conversion left. */
static void skip_joined_conclusion(const char *text, range_t *r)
{
    uint32_t after = r->b;
    for (uint32_t i = r->b; i + 10 <= r->e; i++)
        if ((text[i] | 0x20) == 'n' && strncasecmp(text + i, "necessary.", 10) == 0 &&
            (i == r->b || !isalpha((unsigned char)text[i - 1])))
            after = i + 10;
    if (after == r->b) return;
    while (after < r->e &&
           (isspace((unsigned char)text[after]) || text[after] == '~' || text[after] == '|'))
        after++;
    if (after < r->e && isalnum((unsigned char)text[after])) r->b = after;
}

/* "1. ", "2) ": a number some copies put before each item; not part of its name. */
static void skip_item_number(const char *text, range_t *r)
{
    uint32_t i = r->b;
    while (i < r->e && i - r->b < 2 && isdigit((unsigned char)text[i])) i++;
    if (i == r->b || i + 1 >= r->e || (text[i] != '.' && text[i] != ')')) return;
    if (text[i + 1] != ' ' && text[i + 1] != '\n') return;
    r->b = i + 1;
    imrx_trim_range(text, r, NULL);
}

/* The last match of a pattern in [b, e), or 0 when none; its group-0 offsets in *mb, *me. */
static int last_match(scan_t *sc, int re, uint32_t b, uint32_t e, uint32_t *mb, uint32_t *me)
{
    int found = 0;
    uint32_t pos = b;
    while (pos < e && imrx_re_find(&sc->s->re[re], sc->t, sc->l->text, pos, e) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        *mb = (uint32_t)ov[0];
        *me = (uint32_t)ov[1];
        found = 1;
        pos = (uint32_t)ov[1] > pos ? (uint32_t)ov[1] : pos + 1;
    }
    return found;
}

/* Does text[b, e) end a sentence inside it: a period after a word or a number, then a capital
 * ("... is not medically necessary. This decision"), or a blank line? Abbreviations ("Dr.",
 * "No.") do not count. */
static int holds_sentence_end(const char *text, uint32_t b, uint32_t e)
{
    static const char *const abbrev[] = {"dr", "mr", "mrs", "ms", "no", "st", "vs", "qty", NULL};
    for (uint32_t i = b; i + 2 < e; i++) {
        if (text[i] == '\n' && text[i + 1] == '\n') return 1;
        if (text[i] != '.' || (text[i + 1] != ' ' && text[i + 1] != '\n')) continue;
        uint32_t j = i + 1;
        while (j < e && (text[j] == ' ' || text[j] == '\n')) j++;
        if (j == e || !isupper((unsigned char)text[j])) continue;
        uint32_t w = i;
        while (w > b && isalnum((unsigned char)text[w - 1])) w--;
        if (w == i) continue;
        int abbreviation = 0;
        for (int k = 0; abbrev[k] && !abbreviation; k++)
            abbreviation =
                i - w == strlen(abbrev[k]) && strncasecmp(text + w, abbrev[k], i - w) == 0;
        if (!abbreviation) return 1;
    }
    return 0;
}

/* "X was the original request. Y was authorized by the Claims Administrator. The remaining IMR
 * eligible portion of the original request, Z is: Upheld" (and the "leaving the original
 * request IMR eligible" variant). */
int imrx_items_read_partial(scan_t *sc, item_t *it, uint32_t floor, uint32_t end)
{
    const char *text = sc->l->text;
    uint32_t ob, oe;
    if (!last_match(sc, RE_ORIGINAL, floor, end, &ob, &oe)) return 0;
    /* The formula goes on to say what was authorised; without that it is prose, not a
     * partial authorisation. */
    if (imrx_re_find(&sc->s->re[RE_AUTHORIZED], sc->t, text, imrx_line_start(text, ob), end) != 1)
        return 0;
    int g = imrx_re_has(sc->t, 1) ? 1 : 2;
    PCRE2_SIZE *ov = imrx_re_ov(sc->t);
    range_t authorized = {(uint32_t)ov[2 * g], (uint32_t)ov[2 * g + 1]};
    uint32_t rb, re;
    int remaining = last_match(sc, RE_REMAINING, oe, end, &rb, &re);
    /* The formula restated in the rationale before ("The remaining ... portion of the original
     * request, Norco 5/325mg #60, is not medically necessary. This decision ...") is the item
     * before's: the remaining portion is a name, and a name holds no sentence. */
    if (remaining && holds_sentence_end(text, re, end)) return 0;
    it->authorized = authorized;
    it->partial = 1;
    it->original = (range_t){name_start(text, ob, floor), ob};
    imrx_trim_range(text, &it->original, ",");
    skip_item_number(text, &it->original);
    it->text = remaining ? (range_t){re, end} : it->original;
    return 1;
}

/* The first "upheld" or "overturned" (any case) at or after pos, or end. */
static uint32_t next_verdict_word(const char *text, uint32_t pos, uint32_t end)
{
    for (uint32_t i = pos; i + 6 <= end; i++) {
        char c = (char)(text[i] | 0x20), d = (char)(text[i + 1] | 0x20);
        if (c == 'u' && d == 'p' && strncasecmp(text + i + 2, "held", 4) == 0) return i;
        if (c == 'o' && d == 'v' && i + 10 <= end && strncasecmp(text + i + 2, "erturned", 8) == 0)
            return i;
    }
    return end;
}

/* Where the verdict search may start: a match ends in a verdict word and begins on its line or
 * the line before (only spaces, "is", a colon and one line break come between), so it can begin
 * no earlier than the line before the first verdict word after pos. Returns end when there is
 * none: then there is no match, and the rest of the section (the longest part) is not read by
 * PCRE2 trying the pattern at every space. */
static uint32_t verdict_search_start(const char *text, uint32_t pos, uint32_t end)
{
    uint32_t v = next_verdict_word(text, pos, end);
    if (v == end) return end;
    uint32_t from = imrx_line_start(text, v);
    if (from > 0) from = imrx_line_start(text, from - 1);
    return from > pos ? from : pos;
}

void imrx_items_layout_a(scan_t *sc, const imrx_section_t *sec)
{
    const char *text = sc->l->text;
    uint32_t floor = sec->begin;
    /* Items come after the lead-in sentence. */
    if (imrx_re_find(&sc->s->re[RE_LEAD_IN], sc->t, text, sec->begin, sec->end) == 1)
        floor = imrx_line_end(text, (uint32_t)imrx_re_ov(sc->t)[1], sec->end);
    uint32_t pos = floor;
    while (sc->count < MAX_ITEMS && (pos = verdict_search_start(text, pos, sec->end)) < sec->end &&
           imrx_re_find(&sc->s->re[RE_A_VERDICT], sc->t, text, pos, sec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        item_t *it = &sc->items[sc->count];
        memset(it, 0, sizeof *it);
        uint32_t end = (uint32_t)ov[2], vb = (uint32_t)ov[4], ve = (uint32_t)ov[5];
        pos = (uint32_t)ov[1];
        it->verdict = (range_t){vb, ve};
        it->decision = (text[vb] == 'U' || text[vb] == 'u') ? DEC_UPHELD : DEC_OVERTURNED;
        if (!imrx_items_read_partial(sc, it, floor, end))
            it->text = (range_t){name_start(text, end, floor), end};
        if (!it->partial) skip_joined_conclusion(text, &it->text);
        imrx_trim_range(text, &it->text, ",");
        if (!it->partial) skip_item_number(text, &it->text);
        it->block.b = it->partial ? it->original.b : it->text.b;
        if (it->text.e <= it->text.b) continue; /* a verdict without a name: not an item */
        sc->count++;
        floor = pos;
    }
    /* Each block runs to the next item; its labelled parts split it. */
    for (int i = 0; i < sc->count; i++) {
        item_t *it = &sc->items[i];
        it->block.e = i + 1 < sc->count ? sc->items[i + 1].block.b : sec->end;
        range_t *open = NULL;
        uint32_t p = it->verdict.e;
        while (p < it->block.e &&
               imrx_re_find(&sc->s->re[RE_A_LABEL], sc->t, text, p, it->block.e) == 1) {
            PCRE2_SIZE *lv = imrx_re_ov(sc->t);
            if (open) open->e = (uint32_t)lv[0];
            char c = text[lv[2]];
            range_t *next = c == 'C' || c == 'c'   ? &it->ca
                            : c == 'M' || c == 'm' ? &it->mx
                                                   : &it->rationale;
            /* a label repeated on the next line ("MAXIMUS guideline: ... 2016, Section(s): ...
             * MAXIMUS guideline: ... 2004") adds to what the first one opened */
            if (next != open) next->b = (uint32_t)lv[1];
            open = next;
            p = (uint32_t)lv[1];
        }
        if (open) open->e = it->block.e;
    }
}
