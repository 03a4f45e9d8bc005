/* truth.json: exact totals over the gold of every letter generated, so that `imrx stats` on the
 * archive (or on its gold) can be checked against them. Breakdowns count what the gold says: a
 * headerless letter has no decision year or priority ("unknown"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "gen/gold.h"
#include "gen/model.h"
#include "gen/text.h"
#include "util/json.h"

typedef struct tally {
    uint64_t letters, items, upheld, overturned;
} tally_t;

typedef struct named {
    char name[96]; /* copied: compound generics are built per item */
    tally_t t;
} named_t;

#define MAX_NAMED 1024
#define NYEARS    (GEN_YEAR_MAX - GEN_YEAR_MIN + 2) /* the last: unknown */

struct imrx_gen_truth {
    tally_t all;
    uint64_t partial, not_partial;
    tally_t layout[4], rendering[4], year[NYEARS], category[GEN_NCAT], priority[3];
    named_t cls[MAX_NAMED], spec[MAX_NAMED], generic[MAX_NAMED];
    int ncls, nspec, ngeneric;
};

imrx_gen_truth_t *imrx_gen_truth_new(void)
{
    return calloc(1, sizeof(imrx_gen_truth_t));
}

void imrx_gen_truth_free(imrx_gen_truth_t *t)
{
    free(t);
}

static tally_t *named(named_t *a, int *n, const char *name)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp(a[i].name, name)) return &a[i].t;
    if (*n >= MAX_NAMED) return NULL;
    snprintf(a[*n].name, sizeof a[*n].name, "%s", name);
    memset(&a[*n].t, 0, sizeof a[*n].t);
    return &a[(*n)++].t;
}

static void count_item(tally_t *t, const imrx_gen_item_t *it)
{
    if (!t) return;
    t->items++;
    if (it->overturned)
        t->overturned++;
    else
        t->upheld++;
}

void imrx_gen_truth_add(imrx_gen_truth_t *t, const imrx_gen_letter_t *L)
{
    int year = (L->shown & GEN_S_DECISION) ? L->decision.y - GEN_YEAR_MIN : NYEARS - 1;
    int prio = (L->shown & GEN_S_PRIORITY) ? L->priority : 2;
    tally_t *letter_t[] = {&t->all, &t->layout[L->layout], &t->rendering[L->rendering],
                           &t->year[year], &t->priority[prio]};
    for (size_t k = 0; k < sizeof letter_t / sizeof letter_t[0]; k++) {
        letter_t[k]->letters++;
        for (int i = 0; i < L->nitems; i++) count_item(letter_t[k], &L->items[i]);
    }
    for (int s = 0; s < L->nspec; s++) {
        tally_t *ts = named(t->spec, &t->nspec, L->spec[s]);
        if (!ts) continue;
        ts->letters++;
        for (int i = 0; i < L->nitems; i++) count_item(ts, &L->items[i]);
    }
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        count_item(&t->category[it->cat], it);
        if (it->partial)
            t->partial++;
        else
            t->not_partial++;
        if (it->drug == -1) continue;
        const char *cls = it->drug >= 0 ? imrx_gen_drugs[it->drug].cls : "compounded topical";
        count_item(named(t->cls, &t->ncls, cls), it);
        /* A compound's generic is its ingredients joined with '/', as its gold names it. */
        char generic[128] = "";
        if (it->drug >= 0) {
            snprintf(generic, sizeof generic, "%s", imrx_gen_drugs[it->drug].generic);
        } else {
            size_t n = 0;
            for (int k = 0; k < it->ningr && n < sizeof generic; k++)
                n += (size_t)snprintf(generic + n, sizeof generic - n, "%s%s", k ? "/" : "",
                                      imrx_gen_ingredients[it->ingr[k]].generic);
        }
        count_item(named(t->generic, &t->ngeneric, generic), it);
    }
}

static void tally_json(imrx_buf_t *b, const tally_t *t, int letters)
{
    char s[200];
    if (letters)
        snprintf(s, sizeof s,
                 "{\"letters\": %llu, \"items\": %llu, \"upheld\": %llu, \"overturned\": %llu}",
                 (unsigned long long)t->letters, (unsigned long long)t->items,
                 (unsigned long long)t->upheld, (unsigned long long)t->overturned);
    else
        snprintf(s, sizeof s, "{\"items\": %llu, \"upheld\": %llu, \"overturned\": %llu}",
                 (unsigned long long)t->items, (unsigned long long)t->upheld,
                 (unsigned long long)t->overturned);
    imrx_buf_puts(b, s);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const named_t *)a)->name, ((const named_t *)b)->name);
}

static void named_json(imrx_buf_t *b, const char *key, named_t *a, int n, int letters)
{
    qsort(a, (size_t)n, sizeof *a, by_name);
    imrx_gen_fmt(b, ",\n  \"%s\": {", key);
    for (int i = 0; i < n; i++) {
        imrx_buf_puts(b, i ? ",\n    " : "\n    ");
        imrx_json_cstring(b, a[i].name);
        imrx_buf_puts(b, ": ");
        tally_json(b, &a[i].t, letters);
    }
    imrx_buf_puts(b, n ? "\n  }" : "}");
}

static void fixed_json(imrx_buf_t *b, const char *key, const char *const *names, const tally_t *t,
                       int n, int letters, int skip_empty)
{
    imrx_gen_fmt(b, ",\n  \"%s\": {", key);
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (skip_empty && !t[i].letters && !t[i].items) continue;
        imrx_buf_puts(b, k++ ? ",\n    " : "\n    ");
        imrx_gen_fmt(b, "\"%s\": ", names[i]);
        tally_json(b, &t[i], letters);
    }
    imrx_buf_puts(b, k ? "\n  }" : "}");
}

static void weights(imrx_buf_t *b, const char *key, const char *const *names, const double *w,
                    int n)
{
    imrx_gen_fmt(b, ", \"%s\": {", key);
    for (int i = 0; i < n; i++) {
        char s[64];
        snprintf(s, sizeof s, "%s\"%s\": %.6g", i ? ", " : "", names[i], w[i]);
        imrx_buf_puts(b, s);
    }
    imrx_buf_putc(b, '}');
}

void imrx_gen_truth_json(imrx_gen_truth_t *t, const imrx_gen_config_t *c, uint64_t start,
                         uint64_t count, imrx_buf_t *b)
{
    char s[512];
    snprintf(s, sizeof s,
             "{\n  \"_generated\": true,\n  \"generator\": {\"seed\": %llu, \"start\": %llu, "
             "\"count\": %llu, \"uphold_rate\": %.6g, \"items_mean\": %.6g, \"years\": \"%d-%d\", "
             "\"noise\": %.6g, \"partial_rate\": %.6g, \"expedited_rate\": %.6g",
             (unsigned long long)c->seed, (unsigned long long)start, (unsigned long long)count,
             c->uphold_rate, c->items_mean, c->year_min, c->year_max, c->noise, c->partial_rate,
             c->expedited_rate);
    imrx_buf_puts(b, s);
    static const char *const layouts[] = {"A", "B", "C", "D"};
    static const char *const renderings[] = {"layout", "raw", "headerless", "plain"};
    weights(b, "layouts", layouts, c->layout_w, 4);
    weights(b, "renderings", renderings, c->render_w, 3);
    weights(b, "categories", imrx_gen_cat_names, c->cat_w, GEN_NCAT);
    snprintf(s, sizeof s,
             "},\n  \"letters\": %llu,\n  \"items\": %llu,\n  \"upheld\": %llu,\n  "
             "\"overturned\": %llu",
             (unsigned long long)t->all.letters, (unsigned long long)t->all.items,
             (unsigned long long)t->all.upheld, (unsigned long long)t->all.overturned);
    imrx_buf_puts(b, s);
    snprintf(s, sizeof s, ",\n  \"by_partial\": {\"true\": %llu, \"false\": %llu}",
             (unsigned long long)t->partial, (unsigned long long)t->not_partial);
    imrx_buf_puts(b, s);
    fixed_json(b, "by_category", imrx_gen_cat_names, t->category, GEN_NCAT, 0, 0);
    char ynames[NYEARS][8];
    const char *yp[NYEARS];
    for (int i = 0; i < NYEARS; i++) {
        if (i == NYEARS - 1)
            snprintf(ynames[i], sizeof ynames[i], "unknown");
        else
            snprintf(ynames[i], sizeof ynames[i], "%d", GEN_YEAR_MIN + i);
        yp[i] = ynames[i];
    }
    fixed_json(b, "by_year", yp, t->year, NYEARS, 1, 1);
    fixed_json(b, "by_layout", layouts, t->layout, 4, 1, 0);
    fixed_json(b, "by_rendering", renderings, t->rendering, 4, 1, 1);
    static const char *const prios[] = {"Standard", "Expedited", "unknown"};
    fixed_json(b, "by_priority", prios, t->priority, 3, 1, 0);
    named_json(b, "by_drug_class", t->cls, t->ncls, 0);
    named_json(b, "by_drug", t->generic, t->ngeneric, 0);
    named_json(b, "by_specialty", t->spec, t->nspec, 1);
    imrx_buf_puts(b, "\n}\n");
}
