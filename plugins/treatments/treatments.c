/* treatments: for each disputed item, its category and subcategory (data/rules.tsv), requested
 * quantity and unit, body part and laterality; and the treatments to date the case summary
 * tells of. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "treatments.h"

static const imrx_host_api_t *api;

static imrx_status_t treatments_init(const imrx_init_args_t *args, void **out)
{
    api = args->api;
    state_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    char path[1024];
    snprintf(path, sizeof path, "%s/rules.tsv", args->data_dir);
    imrx_status_t st = imrx_rules_load(&s->rules, path, api, args->ctx);
    for (int i = 0; st == IMRX_OK && i < RE_COUNT; i++)
        st = imrx_re_compile(&s->re[i], imrx_treatments_patterns[i], 0, api, args->ctx);
    if (st != IMRX_OK) {
        for (int i = 0; i < RE_COUNT; i++) imrx_re_free(&s->re[i]);
        imrx_rules_free(&s->rules);
        free(s);
        return st;
    }
    *out = s;
    return IMRX_OK;
}

static void treatments_fini(void *state)
{
    state_t *s = state;
    if (!s) return;
    for (int i = 0; i < RE_COUNT; i++) imrx_re_free(&s->re[i]);
    imrx_rules_free(&s->rules);
    free(s);
}

static imrx_status_t treatments_thread_init(void *state, void **thread_state)
{
    (void)state;
    thread_t *t = calloc(1, sizeof *t);
    if (!t || imrx_re_scratch_init(&t->re) != IMRX_OK) {
        free(t);
        return IMRX_ENOMEM;
    }
    *thread_state = t;
    return IMRX_OK;
}

static void treatments_thread_fini(void *state, void *thread_state)
{
    (void)state;
    thread_t *t = thread_state;
    imrx_re_scratch_free(&t->re);
    free(t);
}

static int is_other(const state_t *s, int r)
{
    return r < 0 ? r != -2 : strcmp(s->rules.rules[r].category, "other") == 0;
}

static void set_opt_string(imrx_ctx_t *ctx, imrx_node_t obj, const char *key, const char *v,
                           uint32_t b, uint32_t e)
{
    if (v)
        api->set_string(ctx, obj, key, v, strlen(v), imrx_span(b, e));
    else
        api->set_null(ctx, obj, key);
}

/* How a bare count of an item of this category is counted (treatments.h). */
static int quantity_kind(const char *category)
{
    static const char *const visits[] = {
        "physical_therapy", "chiropractic",          "acupuncture",
        "injections",       "evaluation_management", "behavioral_mental_health",
        "programs",         "home_health",           NULL};
    if (strcmp(category, "pharmaceuticals") == 0) return IMRX_QTY_DRUG;
    for (const char *const *v = visits; *v; v++)
        if (strcmp(category, *v) == 0) return IMRX_QTY_SESSIONS;
    return 0;
}

static void classify_item(const state_t *s, imrx_re_scratch_t *t, const imrx_letter_t *l,
                          imrx_ctx_t *ctx, imrx_node_t item)
{
    imrx_span_t ts = api->get_span(ctx, api->get(ctx, item, "text"));
    if (ts.end <= ts.begin) return;
    const char *text = l->text;
    uint32_t b = ts.begin, e = ts.end;
    /* "Associated surgical service: X" is classified by X, and is surgery otherwise. */
    int associated = 0;
    if (imrx_re_at(&s->re[RE_ASSOCIATED], t, text, b, e) == 1) {
        b = (uint32_t)imrx_re_ov(t)[1];
        associated = 1;
    }
    imrx_node_t drug = api->get(ctx, item, "drug");
    int has_drug = api->type(ctx, drug) == IMRX_T_OBJECT;
    int r = imrx_rules_classify(&s->rules, t, text, b, e, has_drug);
    /* A partial authorisation's remaining portion may be a fragment ("6 sessions for the
     * lumbar"): the original request says what it is, when the portion names nothing the rules
     * know or opens with its count ("6 visits, lumbar spine", "#7 and #10": visits of what,
     * numbers of what). */
    imrx_span_t os = api->get_span(ctx, api->get(ctx, item, "original_request"));
    uint32_t first = b;
    while (first < e && (text[first] == ' ' || text[first] == '\n')) first++;
    int count_first =
        first < e && (text[first] == '#' || (text[first] >= '0' && text[first] <= '9'));
    if ((is_other(s, r) || (count_first && !has_drug)) && os.end > os.begin) {
        int r2 = imrx_rules_classify(&s->rules, t, text, os.begin, os.end, has_drug);
        if (!is_other(s, r2) || (count_first && r2 >= 0)) r = r2;
    }
    /* A drug supplied by count to inject oneself ("Lovenox 40mg injection #14") is a
     * prescription, not an injection procedure: the medications plugin gave it a drug with a
     * quantity, which it never does for a procedure. */
    if (has_drug && r >= 0 && strcmp(s->rules.rules[r].category, "injections") == 0 &&
        api->type(ctx, api->get(ctx, drug, "quantity")) == IMRX_T_INT)
        r = -2;
    const char *category, *sub;
    if (r == -2)
        category = "pharmaceuticals", sub = "medication";
    else if (associated && is_other(s, r))
        category = "surgery", sub = "associated surgical service";
    else if (r >= 0)
        category = s->rules.rules[r].category, sub = s->rules.rules[r].subcategory;
    else
        category = "other", sub = NULL;
    api->set_string(ctx, item, "category", category, strlen(category), imrx_span(b, e));
    set_opt_string(ctx, item, "subcategory", sub && *sub ? sub : NULL, b, e);

    quantity_t q = imrx_item_quantity(s, t, text, b, e, quantity_kind(category));
    if (q.value > 0) {
        api->set_int(ctx, item, "quantity", q.value, imrx_span(q.b, q.e));
        api->set_string(ctx, item, "unit", q.unit, strlen(q.unit), imrx_span(q.b, q.e));
    } else {
        api->set_null(ctx, item, "quantity");
        api->set_null(ctx, item, "unit");
    }
    uint32_t pb = 0, pe = 0;
    const char *part = imrx_body_part(s, t, text, b, e, &pb, &pe);
    set_opt_string(ctx, item, "body_part", part, pb, pe);
    const char *side = imrx_laterality(s, t, text, b, e, &pb, &pe);
    set_opt_string(ctx, item, "laterality", side, pb, pe);
}

/* Is the string value of `key` of `node` equal to `want`? */
static int value_is(imrx_ctx_t *ctx, imrx_node_t node, const char *key, const char *want)
{
    size_t n = 0;
    const char *v = api->get_string(ctx, api->get(ctx, node, key), &n);
    return v && n == strlen(want) && memcmp(v, want, n) == 0;
}

/* Anaesthesia requested as an item of its own ("Monitored anesthesia care") serves the
 * procedure beside it: it takes that item's category, the one before it, else after it, when
 * that is an injection or a surgery. */
static void anesthesia_of_procedure(imrx_ctx_t *ctx, imrx_node_t items, uint32_t i, uint32_t n)
{
    imrx_node_t it = api->at(ctx, items, i);
    if (!value_is(ctx, it, "subcategory", "anesthesia")) return;
    static const char *const procedures[] = {"injections", "surgery"};
    uint32_t near[2] = {i - 1, i + 1}; /* i - 1 wraps past n when i is 0 */
    for (int k = 0; k < 2; k++) {
        if (near[k] >= n) continue;
        imrx_node_t other = api->at(ctx, items, near[k]);
        for (int c = 0; c < 2; c++) {
            if (!value_is(ctx, other, "category", procedures[c])) continue;
            imrx_span_t sp = api->get_span(ctx, api->get(ctx, it, "category"));
            api->set_string(ctx, it, "category", procedures[c], strlen(procedures[c]), sp);
            return;
        }
    }
}

static imrx_status_t treatments_extract_letter(void *state, void *thread_state,
                                               const imrx_letter_t *l, imrx_ctx_t *ctx)
{
    const state_t *s = state;
    thread_t *t = thread_state;
    imrx_node_t items = api->get(ctx, api->root(ctx), "items");
    uint32_t n = api->count(ctx, items);
    for (uint32_t i = 0; i < n; i++) classify_item(s, &t->re, l, ctx, api->at(ctx, items, i));
    for (uint32_t i = 0; i < n; i++) anesthesia_of_procedure(ctx, items, i, n);
    imrx_treatments_to_date(s, t, l, api, ctx);
    return IMRX_OK;
}

static imrx_status_t treatments_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                        imrx_ctx_t *ctx)
{
    imrx_status_t st = treatments_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(&((thread_t *)thread_state)->re, api, ctx);
    return st;
}

static const char *const reads[] = {"summary", NULL};
static const char *const fills[] = {
    "items[].category",  "items[].subcategory", "items[].quantity",   "items[].unit",
    "items[].body_part", "items[].laterality",  "treatments_to_date", NULL};
/* Items come from decisions; a drug the medications plugin links to an item makes it
 * pharmaceuticals, when that plugin is loaded. */
static const char *const after[] = {"medications", NULL};
static const char *const requires[] = {"decisions", NULL};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,
    .name = "treatments",
    .version = "1.0.0",
    .summary = "item categories (data/rules.tsv), quantities, body parts; treatments to date",
    .sections = reads,
    .fields = fills,
    .after = after,
    .requires = requires,
    .init = treatments_init,
    .fini = treatments_fini,
    .thread_init = treatments_thread_init,
    .thread_fini = treatments_thread_fini,
    .extract = treatments_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
