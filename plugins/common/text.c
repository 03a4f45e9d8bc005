#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t imrx_text_squeeze(const char *s, size_t n, char *out, size_t cap)
{
    /* Spaces, line breaks, tabs and carriage returns. */
    static const unsigned char blank[256] = {[' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1};
    if (cap == 0) return 0;
    size_t w = 0, i = 0, room = cap - 1;
    while (i < n && blank[(unsigned char)s[i]]) i++;
    /* Runs of other bytes, copied while they fit, each run after the first behind one space. */
    while (i < n && w < room) {
        if (w) out[w++] = ' ';
        while (i < n && w < room && !blank[(unsigned char)s[i]]) out[w++] = s[i++];
        while (i < n && blank[(unsigned char)s[i]]) i++;
    }
    /* Never end inside a UTF-8 sequence when truncated. */
    if (w + 1 >= cap)
        while (w > 0 && ((unsigned char)out[w - 1] & 0xC0) == 0x80) w--;
    if (w > 0 && ((unsigned char)out[w - 1] & 0xC0) == 0xC0) w--;
    out[w] = '\0';
    return w;
}

void imrx_text_trim(const char *text, uint32_t *b, uint32_t *e, const char *punct)
{
    while (*b < *e && (isspace((unsigned char)text[*b]) || (punct && strchr(punct, text[*b]))))
        (*b)++;
    while (*e > *b &&
           (isspace((unsigned char)text[*e - 1]) || (punct && strchr(punct, text[*e - 1]))))
        (*e)--;
}

static inline unsigned char ascii_lower(unsigned char c)
{
    return (unsigned char)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

/* Called for every word against short lists: most calls fail at the first letter, so that is
 * compared before any length is measured. */
int imrx_text_first_listed(const char *low, size_t n, const void *table, size_t count,
                           size_t stride)
{
    if (count > 255) count = 255;
    unsigned char head[256] = {0}, next[255];
    for (size_t i = count; i-- > 0;) { /* each first letter's list in the table's order */
        const char *w = *(const char *const *)((const char *)table + i * stride);
        unsigned char c = (unsigned char)w[0];
        next[i] = head[c];
        head[c] = (unsigned char)(i + 1);
    }
    int best = -1;
    for (size_t p = 0; p < n && best != 0; p++) {
        for (unsigned k = head[(unsigned char)low[p]]; k; k = next[k - 1]) {
            if (best >= 0 && (int)k - 1 >= best) break;
            const char *w = *(const char *const *)((const char *)table + (k - 1) * stride);
            size_t j = 1;
            while (w[j] && p + j < n && low[p + j] == w[j]) j++;
            if (!w[j]) {
                best = (int)k - 1;
                break;
            }
        }
    }
    return best;
}

int imrx_text_ieq(const char *s, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++)
        if (!word[i] || ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)word[i]))
            return 0;
    return word[n] == '\0';
}

int imrx_text_istarts(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix)) return 0;
    return 1;
}

int imrx_date_valid(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

void imrx_date_iso(const imrx_date_t *d, char out[11])
{
    unsigned y = (unsigned)d->year % 10000, m = (unsigned)d->month % 100,
             day = (unsigned)d->day % 100;
    out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
    out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
    out[8] = (char)('0' + day / 10), out[9] = (char)('0' + day % 10), out[10] = '\0';
}

int imrx_month_from_name(const char *s, size_t n)
{
    static const char *const names[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
    while (n && s[n - 1] == '.') n--;
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t k = strlen(names[m]);
        if (n > k) continue;
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++) ok = tolower((unsigned char)s[i]) == names[m][i];
        /* Whole name, or a 3-letter abbreviation, or "Sept". */
        if (ok && (n == k || n == 3 || (m == 8 && n == 4))) return m + 1;
    }
    return 0;
}

int imrx_year_from_two_digits(int yy, int ref_year)
{
    /* Without the letter's year: IMR letters are from 2013 on, injuries from decades before. */
    if (ref_year <= 0) return yy <= 30 ? 2000 + yy : 1900 + yy;
    int limit = ref_year + 1;
    int y = (limit / 100) * 100 + yy;
    if (y > limit) y -= 100;
    return y;
}

imrx_status_t imrx_tsv_read(const char *path, imrx_tsv_row_fn row, void *user)
{
    FILE *fp = fopen(path, "r");
    if (!fp) return errno == ENOENT ? IMRX_ENOENT : IMRX_EIO;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0;
    imrx_status_t st = IMRX_OK;
    while (st == IMRX_OK && (n = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        char *p = line;
        while (*p == ' ') p++;
        if (!*p || *p == '#') continue;
        char *fields[16];
        int count = 0;
        for (char *f = line; count < 16;) {
            fields[count++] = f;
            char *tab = strchr(f, '\t');
            if (!tab) break;
            *tab = '\0';
            f = tab + 1;
        }
        st = row(user, fields, count, lineno);
    }
    free(line);
    fclose(fp);
    return st;
}

/* Callers search a text for a dozen phrases each, so the first character is tested before
 * anything else. */
uint32_t imrx_text_find(const char *text, uint32_t b, uint32_t e, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || e < b || e - b < n) return e;
    if (needle[0] == ' ' && n > 1) { /* a leading blank: a space or a line break */
        for (uint32_t p = b + 1; (p = imrx_text_find(text, p, e, needle + 1)) < e; p++)
            if (text[p - 1] == ' ' || text[p - 1] == '\n') return p - 1;
        return e;
    }
    unsigned char lo = (unsigned char)tolower((unsigned char)needle[0]);
    unsigned char up = (unsigned char)toupper((unsigned char)needle[0]);
    uint32_t last = e - (uint32_t)n; /* the last place a match can start */
    /* Candidates come from memchr, for each case of the first letter (SIMD in libc). */
    const char *next_lo = NULL, *next_up = NULL;
    for (uint32_t i = b; i <= last;) {
        if (!next_lo || next_lo < text + i) {
            next_lo = memchr(text + i, lo, last + 1 - i);
            if (!next_lo) next_lo = text + last + 1;
        }
        if (lo == up) {
            next_up = next_lo;
        } else if (!next_up || next_up < text + i) {
            next_up = memchr(text + i, up, last + 1 - i);
            if (!next_up) next_up = text + last + 1;
        }
        const char *cand = next_lo < next_up ? next_lo : next_up;
        if (cand > text + last) break;
        i = (uint32_t)(cand - text);
        size_t k = 1;
        while (k < n) {
            unsigned char t = (unsigned char)text[i + k], c = (unsigned char)needle[k];
            int differs = c == ' '                                   ? (t != ' ' && t != '\n')
                          : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? (t | 0x20) != (c | 0x20)
                                                                     : t != c;
            if (differs) break;
            k++;
        }
        if (k == n) return i;
        i++;
    }
    return e;
}

uint32_t imrx_text_find_last(const char *text, uint32_t b, uint32_t e, const char *needle)
{
    uint32_t found = e;
    for (uint32_t p = b; (p = imrx_text_find(text, p, e, needle)) < e; p++) found = p;
    return found;
}

int imrx_text_ends_with_any(const char *text, uint32_t lo, uint32_t at, const char *const *phrases)
{
    for (int i = 0; phrases[i]; i++) {
        uint32_t n = (uint32_t)strlen(phrases[i]);
        if (at >= lo + n && imrx_text_find(text, at - n, at, phrases[i]) == at - n) return 1;
    }
    return 0;
}

int imrx_text_starts_with_any(const char *text, uint32_t at, uint32_t hi,
                              const char *const *phrases)
{
    for (int i = 0; phrases[i]; i++) {
        uint32_t n = (uint32_t)strlen(phrases[i]);
        if (at + n <= hi && imrx_text_find(text, at, at + n, phrases[i]) == at) return 1;
    }
    return 0;
}

uint32_t imrx_line_start(const char *text, uint32_t at)
{
    while (at > 0 && text[at - 1] != '\n') at--;
    return at;
}

uint32_t imrx_line_end(const char *text, uint32_t at, uint32_t limit)
{
    while (at < limit && text[at] != '\n') at++;
    return at;
}
