/* Specialties: the table of surface forms and canonical names (data/specialties.tsv), and the
 * mapping of a specialty as written to its canonical name, exact or by a close spelling. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cred.h"
#include "text.h"

size_t cred_specialty_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; i < n && w + 6 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') continue; /* "D.O." is "DO" */
        if (c == '&') {
            /* "&" reads as "and", with spaces around it whether written or not ("PM&R"). */
            if (w > 0 && out[w - 1] != ' ') out[w++] = ' ';
            memcpy(out + w, "and", 3);
            w += 3;
            space = 1;
            continue;
        }
        if (!isalnum(c) && c < 0x80) {
            space = w > 0;
            continue;
        }
        if (space && out[w - 1] != ' ') out[w++] = ' ';
        space = 0;
        out[w++] = (char)tolower(c);
    }
    out[w] = '\0';
    return w;
}

int cred_edit_distance(const char *a, size_t na, const char *b, size_t nb, int limit)
{
    if (na > 127 || nb > 127) return limit + 1;
    if ((na > nb ? na - nb : nb - na) > (size_t)limit) return limit + 1;
    int prev2[128], prev[128], cur[128];
    for (size_t j = 0; j <= nb; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = (int)i;
        int row_min = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int d = prev[j] + 1;
            if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
            if (prev[j - 1] + cost < d) d = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1; /* two letters swapped */
            cur[j] = d;
            if (d < row_min) row_min = d;
        }
        if (row_min > limit) return limit + 1;
        memcpy(prev2, prev, sizeof prev);
        memcpy(prev, cur, sizeof cur);
    }
    return prev[nb];
}

typedef struct load_ctx {
    cred_specialties_t *t;
    const imrx_host_api_t *api;
    imrx_ctx_t *ctx;
    const char *path;
} load_ctx_t;

static imrx_status_t add_row(void *user, char **fields, int count, int line)
{
    load_ctx_t *L = user;
    const char *surface = fields[0];
    const char *canonical = count >= 2 && *fields[1] ? fields[1] : surface;
    char key[256];
    if (!cred_specialty_key(surface, strlen(surface), key, sizeof key)) {
        L->api->log(L->ctx, IMRX_LOG_ERROR, "%s:%d: empty specialty", L->path, line);
        return IMRX_EFORMAT;
    }
    cred_specialties_t *t = L->t;
    for (size_t i = 0; i < t->n; i++) { /* a later row for the same form wins */
        if (strcmp(t->v[i].key, key) != 0) continue;
        char *c = strdup(canonical);
        if (!c) return IMRX_ENOMEM;
        free(t->v[i].canonical);
        t->v[i].canonical = c;
        return IMRX_OK;
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        cred_spec_row_t *v = realloc(t->v, cap * sizeof *v);
        if (!v) return IMRX_ENOMEM;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n].key = strdup(key);
    t->v[t->n].canonical = strdup(canonical);
    if (!t->v[t->n].key || !t->v[t->n].canonical) {
        free(t->v[t->n].key);
        free(t->v[t->n].canonical);
        return IMRX_ENOMEM;
    }
    t->n++;
    return IMRX_OK;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const cred_spec_row_t *)a)->key, ((const cred_spec_row_t *)b)->key);
}

imrx_status_t cred_specialties_load(cred_specialties_t *t, const char *path,
                                    const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    memset(t, 0, sizeof *t);
    load_ctx_t L = {t, api, ctx, path};
    imrx_status_t st = imrx_tsv_read(path, add_row, &L);
    if (st == IMRX_OK && t->n == 0) st = IMRX_EFORMAT;
    if (st != IMRX_OK) {
        api->log(ctx, IMRX_LOG_ERROR, "cannot read the specialty table %s (status %d)", path, st);
        cred_specialties_free(t);
        return st;
    }
    qsort(t->v, t->n, sizeof *t->v, by_key);
    return IMRX_OK;
}

void cred_specialties_free(cred_specialties_t *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].key);
        free(t->v[i].canonical);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* How many typing errors a key of this length may hold and still be recognised: none in a
 * short name ("ENT"), where one letter changes the meaning. */
static int typo_limit(size_t n)
{
    return n < 6 ? 0 : n < 12 ? 1 : n < 24 ? 2 : 3;
}

const char *cred_specialty_exact(const cred_specialties_t *t, const char *s, size_t n)
{
    char key[256];
    size_t k = cred_specialty_key(s, n, key, sizeof key);
    if (!k) return NULL;
    cred_spec_row_t probe = {key, NULL};
    const cred_spec_row_t *hit = bsearch(&probe, t->v, t->n, sizeof *t->v, by_key);
    return hit ? hit->canonical : NULL;
}

const char *cred_specialty_canonical(const cred_specialties_t *t, const char *s, size_t n)
{
    const char *exact = cred_specialty_exact(t, s, n);
    if (exact) return exact;
    char key[256];
    size_t k = cred_specialty_key(s, n, key, sizeof key);
    if (!k) return NULL;
    int limit = typo_limit(k), best = limit + 1;
    const char *canonical = NULL;
    int ambiguous = 0;
    for (size_t i = 0; i < t->n && limit > 0; i++) {
        const cred_spec_row_t *r = &t->v[i];
        int d = cred_edit_distance(key, k, r->key, strlen(r->key), best < limit ? best : limit);
        if (d > limit || d > best) continue;
        if (d < best) {
            best = d;
            canonical = r->canonical;
            ambiguous = 0;
        } else if (strcmp(canonical, r->canonical) != 0) {
            ambiguous = 1; /* as close to two different specialties: do not guess */
        }
    }
    return ambiguous ? NULL : canonical;
}
