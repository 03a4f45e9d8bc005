/* Layout D tells the procedure's dates in prose, each writer in other words: "The application
 * for Independent Medical Review was received on 8/20/2013. The utilization review denial is
 * dated 8/6/2013. The case was assigned to MAXIMUS on 8/27/2013", or "MAXIMUS received the
 * application for IMR on September 4, 2013, following a utilization review denial dated August
 * 26, 2013", "On July 19, 2013 the case was assigned to MAXIMUS". Each date belongs to the
 * clause that leads to it (from the sentence's start or the last comma before it): one that
 * speaks of the assignment, of the application, or of the utilization review's denial; a date
 * that opens its clause belongs to what follows it. */
#include <string.h>

#include "dates.h"

/* The slot a clause speaks of, or -1: the one named nearest the date, the last in a clause
 * before it ("The application disputes a utilization review denial dated ..."), the first in a
 * clause after it. */
static int clause_slot(const char *text, uint32_t b, uint32_t e, int last)
{
    static const struct {
        const char *word;
        int slot;
    } words[] = {{"assigned", D_ASSIGNED},
                 {"assignment", D_ASSIGNED}, /* "MAXIMUS received the case assignment on" */
                 {"application", D_APPLICATION},
                 {"request for independent medical review", D_APPLICATION},
                 {"utilization review", D_UR},
                 {"denial", D_UR},
                 {"denied", D_UR},
                 {"under appeal", D_UR}};
    int slot = -1;
    uint32_t best = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        uint32_t at = last ? imrx_text_find_last(text, b, e, words[i].word)
                           : imrx_text_find(text, b, e, words[i].word);
        if (at == e) continue;
        if (slot < 0 || (last ? at > best : at < best)) slot = words[i].slot, best = at;
    }
    /* a relative clause after a slot's name is about that one: "The utilization review denial
     * that led to the application is dated" is the denial's */
    uint32_t rel = imrx_text_find(text, b, e, " that ");
    uint32_t which = imrx_text_find(text, b, e, " which ");
    if (which < rel) rel = which;
    if (last && rel < e && best > rel) {
        int before = clause_slot(text, b, rel, 1);
        if (before >= 0) return before;
    }
    return slot;
}

/* Is the comma at text[c] inside a date, after its day ("September 4, 2013")? */
static int date_comma(const char *text, uint32_t from, uint32_t c)
{
    uint32_t i = c, digits = 0;
    while (i > from && text[i - 1] >= '0' && text[i - 1] <= '9') i--, digits++;
    return digits >= 1 && digits <= 2 && i > from + 1 && text[i - 1] == ' ' &&
           ((text[i - 2] | 0x20) >= 'a' && (text[i - 2] | 0x20) <= 'z');
}

/* Where the clause that leads to text[at] starts: after the last period that ends a sentence,
 * or the last comma that is no part of a date, before it. */
static uint32_t clause_start(const char *text, uint32_t from, uint32_t at)
{
    for (uint32_t i = at; i > from; i--) {
        char c = text[i - 1];
        /* (not the comma and period of "MAXIMUS Federal Services, Inc. on 4/22/2014") */
        if (i >= from + 4 && text[i - 1] == '.' && imrx_text_ieq(text + i - 4, 3, "Inc")) continue;
        if (c == ',' && i + 4 <= at && imrx_text_ieq(text + i, 4, " Inc")) continue;
        if ((c == '.' || c == ';') && i < at && (text[i] == ' ' || text[i] == '\n')) return i;
        if (c == ',' && !date_comma(text, from, i - 1)) return i;
    }
    return from;
}

/* Where the clause after text[at] ends: a period that ends a sentence, a semicolon or a comma
 * (not the comma right after the date: "On April 21, 2014, the case was assigned"). */
static uint32_t clause_end(const char *text, uint32_t at, uint32_t to)
{
    while (at < to && (text[at] == ',' || text[at] == ' ' || text[at] == '\n')) at++;
    for (uint32_t i = at; i < to; i++) {
        char c = text[i];
        if (c == ',' || c == ';' ||
            (c == '.' && (i + 1 == to || text[i + 1] == ' ' || text[i + 1] == '\n')))
            return i;
    }
    return to;
}

void dates_read_prose(letter_t *L, const imrx_section_t *sec)
{
    const char *text = L->l->text;
    /* the first paragraph after the heading: the procedure */
    uint32_t end = sec->end, pos = sec->begin;
    for (uint32_t i = sec->begin; i + 1 < sec->end; i++)
        if (text[i] == '\n' && text[i + 1] == '\n' && i > sec->begin + 40) {
            end = i;
            break;
        }
    while (pos < end && imrx_re_find(&L->s->re[RE_ANY], L->t, text, pos, end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        uint32_t b = (uint32_t)ov[2], e = (uint32_t)ov[3];
        pos = (uint32_t)ov[1];
        uint32_t cb = clause_start(text, sec->begin, b);
        int slot = clause_slot(text, cb, b, 1);
        /* a date in apposition ("assigned to MAXIMUS the following day, 9/25/2013"): the clause
         * before its comma */
        /* ... or after a participle of its own ("An application for Independent Medical Review,
         * received on October 2, 2013, disputes ..."; not "..., and on 10/31/2013 the case was
         * assigned", a clause of its own) */
        int words = 0;
        uint32_t first_end = cb;
        for (uint32_t i = cb; i < b; i++)
            if (imrx_text_letter((unsigned char)text[i]) &&
                (i == cb || !imrx_text_letter((unsigned char)text[i - 1]))) {
                if (!words++)
                    for (first_end = i;
                         first_end < b && imrx_text_letter((unsigned char)text[first_end]);)
                        first_end++;
            }
        int participle = words && first_end >= cb + 2 && text[first_end - 2] == 'e' &&
                         text[first_end - 1] == 'd';
        if (slot < 0 && (!words || (words <= 2 && participle)) && cb > sec->begin + 1 &&
            text[cb - 1] == ',')
            slot = clause_slot(text, clause_start(text, sec->begin, cb - 1), cb - 1, 1);
        /* an aside between commas before the verb ("The utilization review denial, which
         * certified part of one request, is dated 8/30/2013", "The utilization review
         * determination, a partial certification, is dated 9/19/2013"): the clause before the
         * aside */
        if (slot < 0 && cb > sec->begin + 1 && text[cb - 1] == ',') {
            uint32_t ab = clause_start(text, sec->begin, cb - 1);
            uint32_t w = ab;
            while (w < cb && (text[w] == ' ' || text[w] == '\n')) w++;
            int relative = imrx_text_ieq(text + w, 6, "which ") ||
                           imrx_text_ieq(text + w, 5, "that ") ||
                           imrx_text_ieq(text + w, 4, "who ");
            if (ab > sec->begin + 1 && text[ab - 1] == ',' &&
                (relative || (cb - ab <= 80 && clause_slot(text, ab, cb - 1, 1) < 0)))
                slot = clause_slot(text, clause_start(text, sec->begin, ab - 1), ab - 1, 1);
        }
        /* "The application for Independent Medical Review followed; it was received on
         * 07/15/2013": the clause before the semicolon names what "it" is */
        if (slot < 0 && cb > sec->begin + 1 && text[cb - 1] == ';')
            slot = clause_slot(text, clause_start(text, sec->begin, cb - 1), cb - 1, 1);
        if (slot < 0) slot = clause_slot(text, e, clause_end(text, e, end), 0);
        if (slot < 0 || L->have[slot]) continue;
        imrx_date_t d;
        if (dates_emit(L, L->dates, dates_header_keys[slot], b, e, &d)) {
            L->header[slot] = d;
            L->header_span[slot] = imrx_span(b, e);
            L->have[slot] = 1;
        }
    }
}
