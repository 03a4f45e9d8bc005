/* Layout D's partial authorisations told in prose rather than in layout A's formula: writers
 * say what utilization review certified "of" the request, and that the rest is what this
 * review decides, in a note after the determinations, in the item's block, or in a
 * parenthesis closing the determination itself. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decisions.h"

/* Every match of RE_D_PART holds one of these words: a block without any (most of them) is not
 * searched, for the pattern's first words ("the", "that", "were") are common. */
static const char *const part_words[] = {"certif",    "authoriz", "approv", "modifi",
                                         "remaining", "original", NULL};
static const imrx_re_keys_t part_keys = {part_words, 0, 0};

/* Does text[b..e) tell what UR certified of a request? Where the telling starts, or e. */
static uint32_t part_told(scan_t *sc, uint32_t b, uint32_t e)
{
    if (b >= e ||
        imrx_re_find_required(&sc->s->re[RE_D_PART], &part_keys, sc->t, sc->l->text, b, e) != 1)
        return e;
    return (uint32_t)imrx_re_ov(sc->t)[0];
}

/* "... 6 sessions (the 6 of 12 requested sessions that utilization review did not certify)":
 * the parenthesis says the item is a remaining portion, and is no part of its name. */
void imrx_d_partial_parenthesis(scan_t *sc, item_t *it)
{
    const char *text = sc->l->text;
    uint32_t e = it->text.e;
    while (e > it->text.b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == ',')) e--;
    if (e <= it->text.b || text[e - 1] != ')') return;
    uint32_t open = e - 1;
    while (open > it->text.b && text[open] != '(') open--;
    if (text[open] != '(') return;
    if (imrx_text_find(text, open, e, "certif") == e &&
        imrx_text_find(text, open, e, "authoriz") == e)
        return;
    it->partial = 1;
    it->text.e = open;
    imrx_trim_range(text, &it->text, ",");
}

/* The item a note speaks of: the last "item N" ("As to item 1, the psychologist asked for 12
 * sessions. Utilization review certified 4 of those") in text[from..at); else `fallback`. */
static int item_named(const char *text, uint32_t from, uint32_t at, int fallback)
{
    uint32_t k = imrx_text_find_last(text, from, at, "item ");
    if (k >= at || text[k + 5] < '1' || text[k + 5] > '9') return fallback;
    return atoi(text + k + 5) - 1;
}

/* Does text[b..e) hold s[0..n), in any case? */
static int memmem_ci(const char *text, uint32_t b, uint32_t e, const char *s, size_t n)
{
    for (uint32_t p = b; p + n <= e; p++)
        if (strncasecmp(text + p, s, n) == 0) return 1;
    return 0;
}

void imrx_d_partial_notes(scan_t *sc, uint32_t issues_end)
{
    const char *text = sc->l->text;
    for (int i = 0; i < sc->count; i++) {
        uint32_t b = sc->items[i].block.e;
        uint32_t e = i + 1 < sc->count ? sc->items[i + 1].block.b : issues_end;
        for (uint32_t p = b; (p = part_told(sc, p, e)) < e; p++) {
            int k = item_named(text, b, p, i);
            /* ... or the item whose text the note names ("The remaining IMR eligible portion of
             * the original request, Norco 10/325 mg #60, is ...", after the list's last item) */
            for (int j = 0; j < sc->count; j++) {
                const range_t *tx = &sc->items[j].text;
                uint32_t ne = p + 300 < e ? p + 300 : e;
                if (tx->e > tx->b + 3 && memmem_ci(text, p, ne, text + tx->b, tx->e - tx->b)) {
                    k = j;
                    break;
                }
            }
            if (k < sc->count) sc->items[k].partial = 1;
        }
    }
}

void imrx_d_partial_in_block(scan_t *sc, item_t *it, uint32_t b, uint32_t e)
{
    if (part_told(sc, b, e) < e) it->partial = 1;
}

/* Is the word text[b..e) (letters, any case) in the item's text? */
static int item_holds(const char *text, const item_t *it, uint32_t b, uint32_t e)
{
    for (uint32_t p = it->text.b; p + (e - b) <= it->text.e; p++) {
        if ((p > it->text.b && isalpha((unsigned char)text[p - 1])) ||
            strncasecmp(text + p, text + b, e - b) != 0)
            continue;
        if (p + (e - b) == it->text.e || !isalpha((unsigned char)text[p + (e - b)])) return 1;
    }
    return 0;
}

/* The summary may tell it: "Utilization review on 8/16/2013 certified 60 of the Norco tablets",
 * "approved 6 of the therapy sessions": the item is the one that names what was certified (its
 * first telling word, when one item alone holds it). */
void imrx_d_partial_in_summary(scan_t *sc)
{
    const imrx_section_t *sum = imrx_letter_section(sc->l, "summary");
    if (!sum) return;
    const char *text = sc->l->text;
    static const char *const counted[] = {
        "tablets", "tabs",  "pills", "capsules", "sessions", "visits",    "days",
        "weeks",   "hours", "units", "requests", "request",  "requested", NULL};
    for (uint32_t p = sum->begin; p < sum->end && imrx_re_find(&sc->s->re[RE_D_CERTIFIED_OF], sc->t,
                                                               text, p, sum->end) == 1;) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        uint32_t w = (uint32_t)ov[1];
        p = w > p ? w : p + 1;
        for (int words = 0; words < 3 && w < sum->end; words++) {
            while (w < sum->end && (text[w] == ' ' || text[w] == '\n')) w++;
            uint32_t we = w;
            while (we < sum->end && isalpha((unsigned char)text[we])) we++;
            if (we == w) break;
            int skip = we - w < 4;
            for (int k = 0; counted[k] && !skip; k++)
                skip = imrx_text_ieq(text + w, we - w, counted[k]);
            int found = -1, many = 0;
            for (int i = 0; i < sc->count && !skip; i++)
                if (item_holds(text, &sc->items[i], w, we)) many += found >= 0, found = i;
            if (found >= 0) {
                if (!many) sc->items[found].partial = 1;
                break;
            }
            w = we;
        }
    }
}
