/* The category rule table (data/rules.tsv). Rules are tried in table order; to do that in one
 * pass per item, each part of the table is one pattern whose alternatives are the rules, each a
 * lookahead over the whole text marked with its index, matched anchored at the text's start:
 * the first alternative that succeeds is
 * the first rule that matches anywhere. */
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
    char *above, *below; /* the combined patterns being built */
    size_t above_len, below_len;
} loader_t;

static int append(char **buf, size_t *len, const char *s)
{
    size_t n = strlen(s);
    char *p = realloc(*buf, *len + n + 1);
    if (!p) return -1;
    memcpy(p + *len, s, n + 1);
    *buf = p;
    *len += n;
    return 0;
}

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
    /* Each rule compiles alone first, so an error names its line. */
    imrx_re_t probe;
    if (imrx_re_compile(&probe, f[2], 0, NULL, NULL) != IMRX_OK) {
        L->api->log(L->ctx, IMRX_LOG_ERROR, "%s line %d: pattern does not compile: %s", L->path,
                    line, f[2]);
        return IMRX_EINVAL;
    }
    imrx_re_free(&probe);
    int below = r->drug_at >= 0;
    char head[64];
    snprintf(head, sizeof head,
             "%s(*MARK:%d)(?=[\\s\\S]*?(?:", (below ? L->below_len : L->above_len) ? "|" : "",
             r->count);
    char **buf = below ? &L->below : &L->above;
    size_t *len = below ? &L->below_len : &L->above_len;
    if (append(buf, len, head) || append(buf, len, f[2]) || append(buf, len, "))"))
        return IMRX_ENOMEM;
    r->rules[r->count].category = strdup(f[0]);
    r->rules[r->count].subcategory = strdup(f[1]);
    if (!r->rules[r->count].category || !r->rules[r->count].subcategory) return IMRX_ENOMEM;
    r->count++;
    return IMRX_OK;
}

static imrx_status_t compile_part(imrx_re_t *re, const char *alts, const imrx_host_api_t *api,
                                  imrx_ctx_t *ctx)
{
    size_t n = strlen(alts ? alts : "") + 16;
    char *p = malloc(n);
    if (!p) return IMRX_ENOMEM;
    snprintf(p, n, "(?:%s)", alts && *alts ? alts : "(*FAIL)");
    imrx_status_t st = imrx_re_compile(re, p, 0, api, ctx);
    free(p);
    return st;
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
    if (st == IMRX_OK) st = compile_part(&r->above, L.above, api, ctx);
    if (st == IMRX_OK) st = compile_part(&r->below, L.below, api, ctx);
    free(L.above);
    free(L.below);
    if (st != IMRX_OK) imrx_rules_free(r);
    return st;
}

void imrx_rules_free(rules_t *r)
{
    for (int i = 0; i < r->count; i++) {
        free(r->rules[i].category);
        free(r->rules[i].subcategory);
    }
    imrx_re_free(&r->above);
    imrx_re_free(&r->below);
    r->count = 0;
}

int imrx_rules_match(const rules_t *r, int below, imrx_re_scratch_t *t, const char *text,
                     uint32_t b, uint32_t e)
{
    const imrx_re_t *re = below ? &r->below : &r->above;
    if (!re->code || imrx_re_at(re, t, text, b, e) != 1) return -1;
    PCRE2_SPTR mark = pcre2_get_mark(t->md);
    if (!mark) return -1;
    int i = atoi((const char *)mark);
    return i >= 0 && i < r->count ? i : -1;
}
