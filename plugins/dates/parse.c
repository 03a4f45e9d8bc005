/* Reading a date as the letters write it (dates.h: DATE, DATE_OR_JOINED), and writing it into
 * the record. */
#include <string.h>

#include "dates.h"

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* A date that lost one hyphen (DATE_OR_JOINED): the digits on one side of the hyphen left hold
 * two of month, day and year. Every way to split them is tried; the date is taken only when
 * exactly one split makes a real date ("1017-2016": 10-17-2016; "1-917": 1-9-17; "111-16" could
 * be January 11 or November 1, and is no date). */
static int parse_joined(const char *s, size_t n, int ref_year, imrx_date_t *d)
{
    const char *hy = memchr(s, '-', n);
    if (!hy) return 0;
    size_t a = (size_t)(hy - s), b = n - a - 1;
    const char *rest = hy + 1;
    int found = 0;
    imrx_date_t best = {0};
    for (size_t cut = 1; cut < (a > 2 ? a : b); cut++) {
        int m, dd, y, ydigits;
        if (a > 2) { /* month and day before the hyphen, the year after it */
            if (cut > 2 || a - cut > 2) continue;
            m = digits_value(s, cut), dd = digits_value(s + cut, a - cut);
            y = digits_value(rest, b), ydigits = (int)b;
        } else { /* the month before, the day and year after */
            if (cut > 2 || (b - cut != 2 && b - cut != 4)) continue;
            m = digits_value(s, a), dd = digits_value(rest, cut);
            y = digits_value(rest + cut, b - cut), ydigits = (int)(b - cut);
        }
        if (ydigits != 2 && ydigits != 4) continue;
        imrx_date_t c = {ydigits == 2 ? imrx_year_from_two_digits(y, ref_year) : y, m, dd};
        /* a strength ("Norco 5-325") reads as a date too, of 1925 in a letter of 2016 */
        if (!imrx_date_valid(c.year, c.month, c.day) || c.year < 1950 ||
            (ref_year && c.year > ref_year + 1))
            continue;
        best = c;
        found++;
    }
    if (found != 1) return 0;
    *d = best;
    return 1;
}

/* The day of an ordinal in words ("second", "twenty-first"), or 0. */
static int ordinal_day(const char *s, size_t n)
{
    static const char *const units[] = {"first", "second",  "third",  "fourth", "fifth",
                                        "sixth", "seventh", "eighth", "ninth"};
    static const char *const teens[] = {"tenth",      "eleventh",  "twelfth",   "thirteenth",
                                        "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                        "eighteenth", "nineteenth"};
    for (int i = 0; i < 9; i++)
        if (imrx_text_ieq(s, n, units[i])) return i + 1;
    for (int i = 0; i < 10; i++)
        if (imrx_text_ieq(s, n, teens[i])) return i + 10;
    if (imrx_text_ieq(s, n, "twentieth")) return 20;
    if (imrx_text_ieq(s, n, "thirtieth")) return 30;
    int tens = n > 7 && imrx_text_istarts(s, "twenty-")   ? 20
               : n > 7 && imrx_text_istarts(s, "thirty-") ? 30
                                                          : 0;
    if (tens) {
        int u = ordinal_day(s + 7, n - 7);
        return u >= 1 && u <= 9 ? tens + u : 0;
    }
    return 0;
}

/* "the second of October, 2017", "2nd of October 2017", "25 October 2013". */
static int parse_ordinal(const char *s, size_t n, imrx_date_t *d)
{
    size_t i = 0;
    if (n > 4 && imrx_text_istarts(s, "the ")) i = 4;
    size_t w = i;
    while (w < n && s[w] != ' ' && s[w] != '\n') w++;
    int day = ordinal_day(s + i, w - i);
    if (!day && s[i] >= '0' && s[i] <= '9') {
        day = s[i] - '0';
        if (i + 1 < w && s[i + 1] >= '0' && s[i + 1] <= '9') day = day * 10 + s[i + 1] - '0';
    }
    if (!day) return 0;
    /* past "day of" or "of", if any, to the month ("25 October 2013" has neither) */
    for (int skips = 0;; skips++) {
        i = w + 1;
        if (i >= n) return 0;
        w = i;
        while (w < n && s[w] != ' ' && s[w] != '\n' && s[w] != ',') w++;
        if (skips >= 2 ||
            !(imrx_text_ieq(s + i, w - i, "of") || imrx_text_ieq(s + i, w - i, "day")))
            break;
    }
    int month = imrx_month_from_name(s + i, w - i);
    while (w < n && !(s[w] >= '0' && s[w] <= '9')) w++;
    int year = 0, digits = 0;
    while (w < n && s[w] >= '0' && s[w] <= '9') year = year * 10 + s[w++] - '0', digits++;
    if (!month || digits != 4) return 0;
    d->year = year, d->month = month, d->day = day;
    return imrx_date_valid(year, month, day);
}

/* Parses a date written as DATE matches it. 0 when it is no real date. */
int dates_parse(const char *s, size_t n, int ref_year, imrx_date_t *d)
{
    int parts[3], k = 0;
    size_t i = 0;
    if (n && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) {
        size_t w = 0;
        while (w < n && s[w] != ' ' && s[w] != '\n') w++;
        d->month = imrx_month_from_name(s, w);
        if (!d->month) return parse_ordinal(s, n, d);
        i = w;
        int nums[2], c = 0;
        while (i < n && c < 2) {
            while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
            if (i >= n) break;
            int v = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
            nums[c++] = v;
        }
        if (c < 2) return 0;
        d->day = nums[0];
        d->year = nums[1];
        return imrx_date_valid(d->year, d->month, d->day);
    }
    /* a day in digits before a word: "20th of December, 2020", "25 October 2013" ("the 20th ..."
     * is read above) */
    size_t nd = 0;
    while (nd < n && nd < 2 && s[nd] >= '0' && s[nd] <= '9') nd++;
    size_t at = nd < n && s[nd] == ' ' ? nd + 1 : nd;
    if (nd && at < n && ((s[at] >= 'a' && s[at] <= 'z') || (s[at] >= 'A' && s[at] <= 'Z')))
        return parse_ordinal(s, n, d);
    while (i < n && k < 3) {
        while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
        if (i >= n) break;
        int v = 0, digits = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), digits++;
        parts[k] = digits == 2 && k == 2 ? -v - 1 : v; /* mark a two-digit year */
        k++;
    }
    if (k == 2) return parse_joined(s, n, ref_year, d);
    if (k != 3) return 0;
    d->month = parts[0];
    d->day = parts[1];
    d->year = parts[2] < 0 ? imrx_year_from_two_digits(-parts[2] - 1, ref_year) : parts[2];
    return imrx_date_valid(d->year, d->month, d->day);
}

/* Emits a date read from text[b..e) under `parent`.key; warns about an impossible one. */
int dates_emit(letter_t *L, imrx_node_t parent, const char *key, uint32_t b, uint32_t e,
               imrx_date_t *out)
{
    imrx_date_t d;
    if (!dates_parse(L->l->text + b, e - b, L->ref_year, &d)) {
        dates_api->warn(L->ctx, imrx_span(b, e), "impossible date '%.*s' ignored", (int)(e - b),
                        L->l->text + b);
        return 0;
    }
    char iso[11];
    imrx_date_iso(&d, iso);
    dates_api->set_string(L->ctx, parent, key, iso, 10, imrx_span(b, e));
    if (out) *out = d;
    return 1;
}
