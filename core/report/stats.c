#include "report/stats.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SEP '\x1f'

int imrx_filter_parse(const char *text, imrx_filter_t *f)
{
    const char *op = strstr(text, "!=");
    int neg = op != NULL;
    if (!op) op = strchr(text, '=');
    if (!op || op == text) return 0;
    char name[64];
    size_t n = (size_t)(op - text);
    if (n >= sizeof name) return 0;
    memcpy(name, text, n);
    name[n] = '\0';
    int d = imrx_dim_from_name(name);
    if (d < 0) return 0;
    f->dim = (imrx_dim_t)d;
    f->negate = neg;
    snprintf(f->value, sizeof f->value, "%s", op + (neg ? 2 : 1));
    return 1;
}

void imrx_stats_init(imrx_stats_t *s, const imrx_stats_options_t *opt)
{
    memset(s, 0, sizeof *s);
    if (opt) s->opt = *opt;
}

void imrx_stats_free(imrx_stats_t *s)
{
    for (size_t i = 0; i < s->cap; i++) free(s->groups[i].key);
    free(s->groups);
    memset(s, 0, sizeof *s);
}

static uint64_t hash(const char *k)
{
    uint64_t h = 1469598103934665603ull;
    for (; *k; k++) h = (h ^ (unsigned char)*k) * 1099511628211ull;
    return h;
}

static imrx_group_t *group(imrx_stats_t *s, const char *key)
{
    if ((s->ngroups + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        imrx_group_t *g = calloc(cap, sizeof *g);
        if (!g) return NULL;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->groups[i].key) continue;
            size_t j = hash(s->groups[i].key) & (cap - 1);
            while (g[j].key) j = (j + 1) & (cap - 1);
            g[j] = s->groups[i];
        }
        free(s->groups);
        s->groups = g;
        s->cap = cap;
    }
    size_t j = hash(key) & (s->cap - 1);
    while (s->groups[j].key && strcmp(s->groups[j].key, key) != 0) j = (j + 1) & (s->cap - 1);
    if (!s->groups[j].key) {
        s->groups[j].key = strdup(key);
        if (!s->groups[j].key) return NULL;
        s->ngroups++;
    }
    return &s->groups[j];
}

/* Does the item (or the letter, for letter-level dimensions) pass every filter? */
static int passes(const imrx_stats_t *s, json_t *rec, json_t *item)
{
    for (int i = 0; i < s->opt.nfilters; i++) {
        const imrx_filter_t *f = &s->opt.filters[i];
        const char *vals[IMRX_MAX_VALUES];
        char buf[IMRX_MAX_VALUES * 64];
        int n = imrx_dim_values(f->dim, rec, item, vals, buf);
        int any = 0;
        for (int k = 0; k < n; k++) any |= strcmp(vals[k], f->value) == 0;
        if (any == f->negate) return 0;
    }
    return 1;
}

static void count(imrx_group_t *g, int upheld, unsigned long letter)
{
    if (!g) return;
    if (g->last_letter != letter) {
        g->last_letter = letter;
        g->letters++;
    }
    g->items++;
    if (upheld)
        g->upheld++;
    else
        g->overturned++;
}

static void add_item(imrx_stats_t *s, json_t *rec, json_t *item, int upheld)
{
    if (s->opt.ndims == 0) return;
    const char *a[IMRX_MAX_VALUES], *b[IMRX_MAX_VALUES] = {""};
    char abuf[IMRX_MAX_VALUES * 64], bbuf[IMRX_MAX_VALUES * 64];
    int na = imrx_dim_values((imrx_dim_t)s->opt.dims[0], rec, item, a, abuf), nb = 1;
    if (s->opt.ndims == 2) nb = imrx_dim_values((imrx_dim_t)s->opt.dims[1], rec, item, b, bbuf);
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++) {
            char key[512];
            if (s->opt.ndims == 2)
                snprintf(key, sizeof key, "%s%c%s", a[i], SEP, b[j]);
            else
                snprintf(key, sizeof key, "%s", a[i]);
            count(group(s, key), upheld, s->letters);
        }
}

void imrx_stats_add(imrx_stats_t *s, json_t *rec)
{
    s->letters++;
    if (!json_is_null(json_object_get(rec, "error")) && json_object_get(rec, "error"))
        s->letters_failed++;
    unsigned long n = 0, up = 0;
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(rec, "items"), i, item)
    {
        const char *d = json_string_value(json_object_get(item, "decision"));
        if (!d || !passes(s, rec, item)) continue;
        int upheld = strcmp(d, "upheld") == 0;
        if (!upheld && strcmp(d, "overturned") != 0) continue;
        n++;
        up += (unsigned long)upheld;
        s->items++;
        if (upheld)
            s->upheld++;
        else
            s->overturned++;
        add_item(s, rec, item, upheld);
    }
    s->items_per_letter[n > 9 ? 9 : n]++;
    if (n) {
        s->letters_with_items++;
        if (up == n)
            s->cases_all_upheld++;
        else
            s->cases_some_overturned++;
        if (up == 0) s->cases_all_overturned++;
    }
}

void imrx_wilson(unsigned long k, unsigned long n, double *lo, double *hi)
{
    if (n == 0) {
        *lo = *hi = 0;
        return;
    }
    const double z = 1.959963984540054;
    double p = (double)k / (double)n, nn = (double)n;
    double denom = 1 + z * z / nn;
    double centre = (p + z * z / (2 * nn)) / denom;
    double half = z * sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
    *lo = centre - half < 0 ? 0 : centre - half;
    *hi = centre + half > 1 ? 1 : centre + half;
}

static int time_dim(int d)
{
    return d == IMRX_DIM_YEAR || d == IMRX_DIM_MONTH || d == IMRX_DIM_INJURY_YEAR ||
           d == IMRX_DIM_AGE_BAND;
}

static int cmp_groups(const void *a, const void *b, void *by_key)
{
    const imrx_group_t *x = *(imrx_group_t *const *)a, *y = *(imrx_group_t *const *)b;
    if (!*(int *)by_key && x->items != y->items) return x->items < y->items ? 1 : -1;
    return strcmp(x->key, y->key);
}

imrx_group_t **imrx_stats_sorted(const imrx_stats_t *s, size_t *count_out)
{
    imrx_group_t **v = malloc((s->ngroups + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; v && i < s->cap; i++)
        if (s->groups[i].key && s->groups[i].items >= s->opt.min_count) v[n++] = &s->groups[i];
    int by_key = s->opt.ndims > 0 && time_dim(s->opt.dims[0]);
    if (v) qsort_r(v, n, sizeof *v, cmp_groups, &by_key);
    *count_out = n;
    return v;
}
