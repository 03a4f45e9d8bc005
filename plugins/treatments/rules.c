/* The category rule table (data/rules.tsv). Rules are tried in table order; the first that
 * matches anywhere in the item decides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "treatments.h"

typedef struct loader {
    rules_t *r;
    const imrx_host_api_t *api;
    imrx_ctx_t *ctx;
    const char *path;
} loader_t;

static imrx_status_t add_rule(void *user, char **f, int count, int line)
{
    loader_t *L = user;
    rules_t *r = L->r;
    if (count == 1 && strcmp(f[0], "@drug") == 0) {
        r->drug_at = r->count;
        return IMRX_OK;
    }
    if (count != 3 || !*f[0] || !*f[2]) {
        L->api->log(L->ctx, IMRX_LOG_ERROR, "%s line %d: want category<TAB>subcategory<TAB>pattern",
                    L->path, line);
        return IMRX_EFORMAT;
    }
    if (r->count == MAX_RULES) {
        L->api->log(L->ctx, IMRX_LOG_ERROR, "%s: more than %d rules", L->path, MAX_RULES);
        return IMRX_ELIMIT;
    }
    if (imrx_re_compile(&r->re[r->count], f[2], 0, NULL, NULL) != IMRX_OK) {
        L->api->log(L->ctx, IMRX_LOG_ERROR, "%s line %d: pattern does not compile: %s", L->path,
                    line, f[2]);
        return IMRX_EINVAL;
    }
    r->rules[r->count].category = strdup(f[0]);
    r->rules[r->count].subcategory = strdup(f[1]);
    r->filter[r->count] = malloc(sizeof *r->filter[r->count]);
    if (r->filter[r->count]) imrx_prefilter_init(r->filter[r->count], f[2]);
    r->count++;
    if (!r->rules[r->count - 1].category || !r->rules[r->count - 1].subcategory ||
        !r->filter[r->count - 1])
        return IMRX_ENOMEM;
    return IMRX_OK;
}

imrx_status_t imrx_rules_load(rules_t *r, const char *path, const imrx_host_api_t *api,
                              imrx_ctx_t *ctx)
{
    memset(r, 0, sizeof *r);
    r->drug_at = -1;
    loader_t L = {.r = r, .api = api, .ctx = ctx, .path = path};
    imrx_status_t st = imrx_tsv_read(path, add_rule, &L);
    if (st == IMRX_ENOENT) api->log(ctx, IMRX_LOG_ERROR, "cannot read the rule table %s", path);
    if (st == IMRX_OK && r->drug_at < 0) r->drug_at = r->count;
    if (st == IMRX_OK && !imrx_prefilter_set_init(&r->filters, r->filter, r->count))
        st = IMRX_ENOMEM;
    if (st != IMRX_OK) imrx_rules_free(r);
    return st;
}

void imrx_rules_free(rules_t *r)
{
    for (int i = 0; i < r->count; i++) {
        free(r->rules[i].category);
        free(r->rules[i].subcategory);
        imrx_re_free(&r->re[i]);
        free(r->filter[i]);
    }
    imrx_prefilter_set_free(&r->filters);
    r->count = 0;
}

/* The first rule of [from, to) that the filter lets through and whose pattern matches. */
static int first_match(const rules_t *r, const uint64_t *may, int from, int to,
                       imrx_re_scratch_t *t, const char *text, uint32_t b, uint32_t e)
{
    for (int i = from; i < to; i++)
        if ((may[i / 64] >> (i % 64) & 1) && imrx_re_find(&r->re[i], t, text, b, e) == 1) return i;
    return -1;
}

int imrx_rules_classify(const rules_t *r, imrx_re_scratch_t *t, const char *text, uint32_t b,
                        uint32_t e, int has_drug)
{
    /* the item's words against every rule's leading words, once for both parts of the table */
    imrx_prefilter_text_t words;
    imrx_prefilter_text(&words, text, b, e);
    uint64_t may[MAX_RULES / 64];
    imrx_prefilter_set_match(&r->filters, &words, may);
    int rule = first_match(r, may, 0, r->drug_at, t, text, b, e);
    if (rule >= 0) return rule;
    if (has_drug) return -2;
    return first_match(r, may, r->drug_at, r->count, t, text, b, e);
}
