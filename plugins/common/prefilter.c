#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* A word character's index, case folded: a-z 0-25, 0-9 26-35, _ 36 (the buckets of a set). */
static int initial_index(unsigned char c)
{
    c = lower(c);
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '0' && c <= '9') return 26 + c - '0';
    return 36;
}

/* One bit per word character, case folded. */
static uint64_t bit(unsigned char c)
{
    return 1ull << initial_index(c);
}

/* Index just past a [...] class that opens at p, or -1. */
static long class_end(const char *P, long p, long n)
{
    long q = p + 1;
    if (q < n && P[q] == '^') q++;
    if (q < n && P[q] == ']') q++; /* a ] first in the class is literal */
    for (; q < n; q++) {
        if (P[q] == '\\')
            q++;
        else if (P[q] == ']')
            return q + 1;
    }
    return -1;
}

/* Index of the ) closing the group that opens at p, or -1. */
static long group_end(const char *P, long p, long n)
{
    int depth = 0;
    for (long q = p; q < n; q++) {
        if (P[q] == '\\') {
            q++;
        } else if (P[q] == '[') {
            long c = class_end(P, q, n);
            if (c < 0) return -1;
            q = c - 1;
        } else if (P[q] == '(') {
            depth++;
        } else if (P[q] == ')' && --depth == 0) {
            return q;
        }
    }
    return -1;
}

static int is_quantifier(char c)
{
    return c == '?' || c == '*' || c == '+' || c == '{';
}

static int add_literal(imrx_prefilter_t *f, const char *s, size_t n)
{
    if (n == 0 || !imrx_text_word_char((unsigned char)s[0]) || f->count == IMRX_PREFILTER_LITERALS)
        return 0;
    if (n > IMRX_PREFILTER_LENGTH) n = IMRX_PREFILTER_LENGTH;
    for (size_t i = 0; i < n; i++) f->literal[f->count][i] = (char)lower((unsigned char)s[i]);
    f->length[f->count++] = (uint8_t)n;
    f->first |= bit((unsigned char)s[0]);
    return 1;
}

static int alternatives(imrx_prefilter_t *f, const char *P, long a, long z, int need_b);

/* One alternative P[a..z): its leading literal, or those of its leading group. */
static int alternative(imrx_prefilter_t *f, const char *P, long a, long z, int need_b)
{
    long q = a;
    if (need_b) {
        if (z - q < 2 || P[q] != '\\' || P[q + 1] != 'b') return 0;
        q += 2;
    }
    if (q < z && P[q] == '(') {
        long inner = q + 1;
        if (inner < z && P[inner] == '?') {
            if (inner + 1 >= z || P[inner + 1] != ':') return 0; /* lookaround, named, reset */
            inner += 2;
        }
        long c = group_end(P, q, z);
        if (c < 0 || (c + 1 < z && is_quantifier(P[c + 1]))) return 0;
        return alternatives(f, P, inner, c, 0);
    }
    char lit[IMRX_PREFILTER_LENGTH];
    size_t n = 0;
    while (q < z && !strchr("\\()[]{}|?*+.^$", P[q])) {
        if (n < sizeof lit) lit[n++] = P[q];
        q++;
    }
    if (q < z && is_quantifier(P[q]) && n > 0) n--; /* the last character is optional */
    return add_literal(f, lit, n);
}

/* The top-level alternatives of P[a..z). */
static int alternatives(imrx_prefilter_t *f, const char *P, long a, long z, int need_b)
{
    long start = a;
    int depth = 0;
    for (long q = a; q <= z; q++) {
        if (q == z || (P[q] == '|' && depth == 0)) {
            if (!alternative(f, P, start, q, need_b)) return 0;
            start = q + 1;
        } else if (P[q] == '\\') {
            q++;
        } else if (P[q] == '[') {
            long c = class_end(P, q, z);
            if (c < 0) return 0;
            q = c - 1;
        } else if (P[q] == '(') {
            depth++;
        } else if (P[q] == ')') {
            depth--;
        }
    }
    return 1;
}

/* Quoting (\Q..\E), comments and option settings that may include x (extended: spaces and
 * # mean something else) make the literals unreadable. */
static int plain(const char *P)
{
    if (strstr(P, "\\Q") || strstr(P, "(?#")) return 0;
    for (const char *s = strstr(P, "(?"); s; s = strstr(s + 2, "(?")) {
        const char *o = s + 2;
        while ((*o >= 'a' && *o <= 'z') || (*o >= 'A' && *o <= 'Z') || *o == '-' || *o == '^') {
            if (*o == 'x') return 0;
            o++;
        }
    }
    return 1;
}

void imrx_prefilter_init(imrx_prefilter_t *f, const char *pattern)
{
    memset(f, 0, sizeof *f);
    f->usable = plain(pattern) && alternatives(f, pattern, 0, (long)strlen(pattern), 1);
}

void imrx_prefilter_text(imrx_prefilter_text_t *t, const char *text, size_t b, size_t e)
{
    t->usable = 1;
    t->first = 0;
    t->count = 0;
    t->text = text;
    t->end = e;
    for (size_t p = b; p < e; p++) {
        unsigned char c = (unsigned char)text[p];
        if (c >= 0x80) {
            t->usable = 0;
            return;
        }
        if (!imrx_text_word_char(c) || (p > 0 && imrx_text_word_char((unsigned char)text[p - 1])))
            continue;
        if (t->count == IMRX_PREFILTER_WORDS) {
            t->usable = 0;
            return;
        }
        t->initial[t->count] = lower(c);
        t->start[t->count++] = (uint32_t)p;
        t->first |= bit(c);
    }
}

int imrx_prefilter_may_match(const imrx_prefilter_t *f, const imrx_prefilter_text_t *t)
{
    if (!f->usable || !t->usable) return 1;
    if (!(f->first & t->first)) return 0;
    for (int k = 0; k < f->count; k++) {
        unsigned char c = (unsigned char)f->literal[k][0];
        if (!(t->first & bit(c))) continue;
        size_t n = f->length[k];
        for (int w = 0; w < t->count; w++) {
            if (t->initial[w] != c || n > t->end - t->start[w]) continue;
            const char *s = t->text + t->start[w];
            size_t i = 1;
            while (i < n && lower((unsigned char)s[i]) == (unsigned char)f->literal[k][i]) i++;
            if (i == n) return 1;
        }
    }
    return 0;
}

int imrx_prefilter_set_init(imrx_prefilter_set_t *s, imrx_prefilter_t *const *filters, int count)
{
    memset(s, 0, sizeof *s);
    s->count = count;
    s->words = ((size_t)count + 63) / 64;
    size_t total = 0;
    for (int i = 0; i < count; i++)
        if (filters[i]->usable) total += (size_t)filters[i]->count;
    s->always = calloc(s->words ? s->words : 1, sizeof *s->always);
    s->entry = malloc((total ? total : 1) * sizeof *s->entry);
    if (!s->always || !s->entry) {
        imrx_prefilter_set_free(s);
        return 0;
    }
    /* counting sort of the literals by bucket */
    uint32_t n[38] = {0};
    for (int i = 0; i < count; i++) {
        if (!filters[i]->usable) {
            s->always[i / 64] |= 1ull << (i % 64);
            continue;
        }
        for (int k = 0; k < filters[i]->count; k++)
            n[initial_index((unsigned char)filters[i]->literal[k][0]) + 1]++;
    }
    for (int k = 1; k < 38; k++) n[k] += n[k - 1];
    memcpy(s->bucket, n, sizeof n);
    for (int i = 0; i < count; i++) {
        if (!filters[i]->usable) continue;
        for (int k = 0; k < filters[i]->count; k++) {
            int b = initial_index((unsigned char)filters[i]->literal[k][0]);
            s->entry[n[b]++] = (imrx_prefilter_entry_t){filters[i]->literal[k],
                                                        filters[i]->length[k], (uint16_t)i};
        }
    }
    return 1;
}

void imrx_prefilter_set_free(imrx_prefilter_set_t *s)
{
    free(s->always);
    free(s->entry);
    s->always = NULL;
    s->entry = NULL;
}

void imrx_prefilter_set_match(const imrx_prefilter_set_t *s, const imrx_prefilter_text_t *t,
                              uint64_t *may)
{
    if (!t->usable) {
        for (size_t i = 0; i < s->words; i++) may[i] = ~0ull;
        return;
    }
    memcpy(may, s->always, s->words * sizeof *may);
    for (int w = 0; w < t->count; w++) {
        int b = initial_index(t->initial[w]);
        const char *word = t->text + t->start[w];
        size_t room = t->end - t->start[w];
        for (uint32_t k = s->bucket[b]; k < s->bucket[b + 1]; k++) {
            const imrx_prefilter_entry_t *x = &s->entry[k];
            if (may[x->filter / 64] >> (x->filter % 64) & 1) continue; /* already may */
            size_t n = x->length;
            if (n > room) continue;
            size_t i = 1;
            while (i < n && lower((unsigned char)word[i]) == (unsigned char)x->literal[i]) i++;
            if (i == n) may[x->filter / 64] |= 1ull << (x->filter % 64);
        }
    }
}
