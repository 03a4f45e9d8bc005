/* Comparing values as the scores do: strings made comparable, sets of strings, words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

/* Lower case, runs of space made one, trimmed, a final period dropped: how strings compare. */
void imrx_eval_canon(const char *s, char *out, size_t cap)
{
    size_t w = 0;
    int space = 0;
    for (; s && *s && w + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (isspace(c)) {
            space = w > 0;
            continue;
        }
        if (space) out[w++] = ' ';
        space = 0;
        if (w + 1 < cap) out[w++] = (char)tolower(c);
    }
    while (w > 0 && (out[w - 1] == '.' || out[w - 1] == ',')) w--;
    out[w] = '\0';
}

/* A JSON value as comparable text; "" for null or absent. */
void imrx_eval_value_text(json_t *v, char *out, size_t cap)
{
    if (json_is_string(v))
        imrx_eval_canon(json_string_value(v), out, cap);
    else if (json_is_integer(v))
        snprintf(out, cap, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(out, cap, "%g", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(out, cap, "%s", json_is_true(v) ? "true" : "false");
    else
        out[0] = '\0';
}

json_t *imrx_eval_path_get(json_t *root, const char *path)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *cur = root;
    for (char *save = NULL, *p = strtok_r(buf, ".", &save); p && cur;
         p = strtok_r(NULL, ".", &save))
        cur = json_object_get(cur, p);
    return cur;
}

static int cmp_part(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "methyl salicylate/capsaicin/menthol/lidocaine" as its parts in order, for comparing a
 * generic name whatever order its parts are written in. */
void imrx_eval_sorted_parts(const char *in, char *out, size_t cap)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", in);
    char *parts[32];
    size_t n = 0;
    for (char *save = NULL, *tok = strtok_r(copy, "/", &save); tok && n < 32;
         tok = strtok_r(NULL, "/", &save))
        parts[n++] = tok;
    qsort(parts, n, sizeof parts[0], cmp_part);
    size_t w = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && w + 1 < cap; i++)
        w += (size_t)snprintf(out + w, cap - w, "%s%s", i ? "/" : "", parts[i]);
}

void imrx_eval_set_add(strset_t *s, const char *text)
{
    char c[512];
    imrx_eval_canon(text, c, sizeof c);
    if (!c[0]) return;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], c) == 0) return;
    if (s->n == s->cap) {
        /* out of memory: the element is left out, and the score shows it */
        size_t cap = s->cap ? s->cap * 2 : 8;
        char **v = realloc(s->v, cap * sizeof *v);
        if (!v) return;
        s->v = v, s->cap = cap;
    }
    char *copy = strdup(c);
    if (copy) s->v[s->n++] = copy;
}

void imrx_eval_set_free(strset_t *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

int imrx_eval_set_has(const strset_t *s, const char *c)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], c) == 0) return 1;
    return 0;
}

void imrx_eval_set_from_strings(strset_t *s, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (json_is_string(v)) imrx_eval_set_add(s, json_string_value(v));
    }
}

/* -- tokens, for diagnoses and item texts --------------------------------------------------- */

static int stopword(const char *w)
{
    static const char *const stop[] = {"a",    "an", "the", "of", "and", "or", "to", "for",
                                       "with", "in", "on",  "at", "by",  "is", NULL};
    for (const char *const *s = stop; *s; s++)
        if (strcmp(*s, w) == 0) return 1;
    return 0;
}

void imrx_eval_tokenize(const char *s, tokens_t *t, int drop_stop)
{
    t->n = 0;
    while (s && *s && t->n < 128) {
        while (*s && !isalnum((unsigned char)*s)) s++;
        int k = 0;
        char w[32];
        while (*s && isalnum((unsigned char)*s)) {
            if (k < 31) w[k++] = (char)tolower((unsigned char)*s);
            s++;
        }
        w[k] = '\0';
        if (k && !(drop_stop && stopword(w))) memcpy(t->w[t->n++], w, sizeof w);
    }
}

/* Tokens of `a` also in `b`, each token of b used once. */
int imrx_eval_common_tokens(const tokens_t *a, const tokens_t *b)
{
    int used[128] = {0}, common = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            if (!used[j] && strcmp(a->w[i], b->w[j]) == 0) {
                used[j] = 1;
                common++;
                break;
            }
    return common;
}

/* Overlap of two item texts: common tokens over the longer one's count (1 = same words). */
double imrx_eval_text_overlap(const char *a, const char *b)
{
    tokens_t ta, tb;
    imrx_eval_tokenize(a, &ta, 0);
    imrx_eval_tokenize(b, &tb, 0);
    int m = ta.n > tb.n ? ta.n : tb.n;
    if (m == 0) return 0;
    return (double)imrx_eval_common_tokens(&ta, &tb) / m;
}
