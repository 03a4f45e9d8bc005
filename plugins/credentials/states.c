/* States of licensure: the table of state names (data/states.tsv) and a hand-written scanner
 * that reads a list of states from the letter. A scan tries every form at a handful of
 * positions per letter, which is cheaper than building a pattern of 140 alternatives. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cred.h"
#include "text.h"

typedef struct load_ctx {
    cred_states_t *s;
    const imrx_host_api_t *api;
    imrx_ctx_t *ctx;
    const char *path;
} load_ctx_t;

static int is_code(const char *f)
{
    return strlen(f) == 2 && isupper((unsigned char)f[0]) && isupper((unsigned char)f[1]);
}

static imrx_status_t add_row(void *user, char **fields, int count, int line)
{
    load_ctx_t *L = user;
    if (count < 2 || !*fields[0] || strlen(fields[1]) != 2) {
        L->api->log(L->ctx, IMRX_LOG_ERROR, "%s:%d: expected '<state name>\\t<USPS code>'", L->path,
                    line);
        return IMRX_EFORMAT;
    }
    cred_states_t *s = L->s;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 128;
        cred_state_form_t *v = realloc(s->v, cap * sizeof *v);
        if (!v) return IMRX_ENOMEM;
        s->v = v;
        s->cap = cap;
    }
    cred_state_form_t *f = &s->v[s->n];
    f->exact_case = is_code(fields[0]);
    f->form = strdup(fields[0]);
    if (!f->form) return IMRX_ENOMEM;
    /* One space between words, whatever the file has: a space matches any run of blanks. */
    size_t w = 0;
    for (const char *p = fields[0]; *p; p++) {
        char c = f->exact_case ? *p : (char)tolower((unsigned char)*p);
        if (c == ' ' && (w == 0 || f->form[w - 1] == ' ')) continue;
        f->form[w++] = c;
    }
    while (w > 0 && f->form[w - 1] == ' ') w--;
    f->form[w] = '\0';
    f->len = w;
    f->code[0] = (char)toupper((unsigned char)fields[1][0]);
    f->code[1] = (char)toupper((unsigned char)fields[1][1]);
    f->code[2] = '\0';
    s->n++;
    return IMRX_OK;
}

static int longer_first(const void *a, const void *b)
{
    const cred_state_form_t *x = a, *y = b;
    return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

imrx_status_t cred_states_load(cred_states_t *s, const char *path, const imrx_host_api_t *api,
                               imrx_ctx_t *ctx)
{
    memset(s, 0, sizeof *s);
    load_ctx_t L = {s, api, ctx, path};
    imrx_status_t st = imrx_tsv_read(path, add_row, &L);
    if (st == IMRX_OK && s->n == 0) st = IMRX_EFORMAT;
    if (st != IMRX_OK) {
        api->log(ctx, IMRX_LOG_ERROR, "cannot read the state table %s (status %d)", path, st);
        cred_states_free(s);
        return st;
    }
    qsort(s->v, s->n, sizeof *s->v, longer_first);
    return IMRX_OK;
}

void cred_states_free(cred_states_t *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i].form);
    free(s->v);
    memset(s, 0, sizeof *s);
}

static int is_word(char c)
{
    return isalnum((unsigned char)c) != 0;
}

/* End of the form `f` matched at text[pos..end), or 0. */
static size_t match_form(const cred_state_form_t *f, const char *text, size_t pos, size_t end)
{
    size_t j = pos;
    for (size_t i = 0; i < f->len; i++) {
        char c = f->form[i];
        if (c == ' ') {
            if (j >= end || !isspace((unsigned char)text[j])) return 0;
            while (j < end && isspace((unsigned char)text[j])) j++;
            continue;
        }
        if (j >= end) return 0;
        char t = f->exact_case ? text[j] : (char)tolower((unsigned char)text[j]);
        if (t != c) return 0;
        j++;
    }
    if (j < end && is_word(text[j]) && is_word(text[j - 1])) return 0;
    return j;
}

size_t cred_state_at(const cred_states_t *s, const char *text, size_t pos, size_t end,
                     const char **code)
{
    if (pos > 0 && is_word(text[pos - 1])) return 0;
    for (size_t i = 0; i < s->n; i++) { /* longest first: the first match is the longest */
        size_t e = match_form(&s->v[i], text, pos, end);
        if (e) {
            *code = s->v[i].code;
            return e - pos;
        }
    }
    return 0;
}

/* The code of the state whose name is closest to text[b..e) (one typing error, two in a long
 * name), when only one state is that close. */
static const char *fuzzy_state(const cred_states_t *s, const char *text, size_t b, size_t e)
{
    char word[64];
    size_t n = imrx_text_squeeze(text + b, e - b, word, sizeof word);
    if (n < 5) return NULL; /* too short to tell a typo from another word */
    for (size_t i = 0; i < n; i++) word[i] = (char)tolower((unsigned char)word[i]);
    int limit = n >= 10 ? 2 : 1, best = limit + 1;
    const char *code = NULL;
    int ambiguous = 0;
    for (size_t i = 0; i < s->n; i++) {
        const cred_state_form_t *f = &s->v[i];
        if (f->exact_case) continue;
        int d = cred_edit_distance(word, n, f->form, f->len, limit);
        if (d > limit) continue;
        if (d < best) {
            best = d;
            code = f->code;
            ambiguous = 0;
        } else if (d == best && strcmp(code, f->code) != 0) {
            ambiguous = 1;
        }
    }
    return ambiguous ? NULL : code;
}

static int word_at(const char *text, size_t pos, size_t end, const char *w)
{
    size_t n = strlen(w);
    if (pos + n > end || (pos > 0 && is_word(text[pos - 1]))) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)text[pos + i]) != w[i]) return 0;
    return pos + n == end || !is_word(text[pos + n]);
}

/* Skips what may stand between two states. Sets *sep when a separator (not only blanks or
 * filler words) was passed, *newline when a line break was passed before any separator. */
static size_t skip_between(const cred_states_t *s, const char *text, size_t p, size_t end, int *sep,
                           int *newline)
{
    /* ("licensed to practice in Colorado and in California") */
    static const char *const filler[] = {"and", "the",          "states", "state",
                                         "of",  "commonwealth", "in"};
    *sep = *newline = 0;
    while (p < end) {
        char c = text[p];
        if (c == ' ') {
            p++;
        } else if (c == '\n') {
            if (!*sep) *newline = 1;
            p++;
        } else if (c == ',' || c == ';' || c == '&' || c == '/') {
            *sep = 1;
            p++;
        } else {
            const char *code;
            if (cred_state_at(s, text, p, end, &code)) break;
            size_t k = 0;
            while (k < sizeof filler / sizeof filler[0] && !word_at(text, p, end, filler[k])) k++;
            if (k == sizeof filler / sizeof filler[0]) break;
            if (k == 0) *sep = 1;
            p += strlen(filler[k]);
        }
    }
    return p;
}

size_t cred_scan_states(const cred_states_t *s, const char *text, size_t pos, size_t end,
                        cred_scan_mode_t mode, cred_hit_t *out, size_t max, imrx_span_t *unknown)
{
    size_t n = 0, p = pos;
    *unknown = imrx_span(0, 0);
    while (p < end && n < max) {
        int sep, newline;
        size_t q = skip_between(s, text, p, end, &sep, &newline);
        if (q >= end) break;
        /* A label's value goes on to the next line only after a separator ("Texas,\nOhio"), or
         * when it starts there. */
        if (mode == CRED_SCAN_LABEL && newline && n > 0 && !sep) break;
        const char *code = NULL;
        size_t len = cred_state_at(s, text, q, end, &code);
        size_t e = q + len;
        if (!len) {
            if (mode != CRED_SCAN_LABEL || newline) break;
            /* An unknown word in a label's value: a misspelt name, or something to skip. */
            e = q;
            while (e < end && text[e] != ',' && text[e] != ';' && text[e] != '\n' &&
                   !word_at(text, e, end, "and"))
                e++;
            uint32_t b = (uint32_t)q, te = (uint32_t)e;
            imrx_text_trim(text, &b, &te, ".");
            code = te > b ? fuzzy_state(s, text, b, te) : NULL;
            if (!code) {
                if (te > b && unknown->end == 0) *unknown = imrx_span(b, te);
                p = e > q ? e : q + 1;
                continue;
            }
            q = b;
            e = te;
        }
        out[n].begin = (uint32_t)q;
        out[n].end = (uint32_t)e;
        memcpy(out[n].code, code, 3);
        n++;
        p = e;
    }
    return n;
}
