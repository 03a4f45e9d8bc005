/* Comparing one record with its gold file. The rules are in docs/eval.md. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

typedef struct letter {
    imrx_eval_t *e;
    imrx_buf_t diff;
    unsigned long errors;
} letter_t;

static void note(letter_t *L, const char *field, const char *gold, const char *pred)
{
    L->errors++;
    if (L->diff.len < 6000)
        imrx_buf_printf(&L->diff, "    %-28s gold %-30s got %s\n", field, gold[0] ? gold : "-",
                        pred[0] ? pred : "-");
}

/* Scalar: a value equal to gold is a TP; a wrong value is one FP and one FN. */
/* Scores one value: gkey and pkey are what is compared, g and p what a difference shows. */
static void score_value(letter_t *L, int f, const char *g, const char *p, const char *gkey,
                        const char *pkey, const char *label)
{
    field_t *fd = &L->e->fields[f];
    if (gkey[0] && strcmp(gkey, pkey) == 0) {
        fd->tp++;
        return;
    }
    if (g[0]) fd->fn++;
    if (p[0]) fd->fp++;
    if (g[0] || p[0]) note(L, label ? label : fd->name, g, p);
}

static void scalar(letter_t *L, int f, json_t *gold, json_t *pred, const char *label)
{
    char g[256], p[256];
    imrx_eval_value_text(gold, g, sizeof g);
    imrx_eval_value_text(pred, p, sizeof p);
    score_value(L, f, g, p, g, p, label);
}

/* A drug's generic name: its parts in any order. */
static void generic_name(letter_t *L, int f, json_t *gold, json_t *pred, const char *label)
{
    char g[256], p[256], gs[256], ps[256];
    imrx_eval_value_text(gold, g, sizeof g);
    imrx_eval_value_text(pred, p, sizeof p);
    imrx_eval_sorted_parts(g, gs, sizeof gs);
    imrx_eval_sorted_parts(p, ps, sizeof ps);
    score_value(L, f, g, p, gs, ps, label);
}

static void compare_sets(letter_t *L, int f, const strset_t *gold, const strset_t *pred,
                         const char *label)
{
    field_t *fd = &L->e->fields[f];
    for (size_t i = 0; i < gold->n; i++) {
        if (imrx_eval_set_has(pred, gold->v[i]))
            fd->tp++;
        else
            fd->fn++, note(L, label ? label : fd->name, gold->v[i], "");
    }
    for (size_t i = 0; i < pred->n; i++)
        if (!imrx_eval_set_has(gold, pred->v[i]))
            fd->fp++, note(L, label ? label : fd->name, "", pred->v[i]);
}

static void compare_diagnoses(letter_t *L, json_t *gold, json_t *pred)
{
    tokens_t g, p, one;
    g.n = p.n = 0;
    size_t i;
    json_t *v;
    json_array_foreach(gold, i, v)
    {
        imrx_eval_tokenize(json_string_value(v), &one, 1);
        for (int k = 0; k < one.n && g.n < 128; k++) memcpy(g.w[g.n++], one.w[k], 32);
    }
    json_array_foreach(pred, i, v)
    {
        const char *s = json_is_string(v) ? json_string_value(v)
                                          : json_string_value(json_object_get(v, "text"));
        imrx_eval_tokenize(s, &one, 1);
        for (int k = 0; k < one.n && p.n < 128; k++) memcpy(p.w[p.n++], one.w[k], 32);
    }
    field_t *fd = &L->e->fields[F_DIAGNOSES];
    int common = imrx_eval_common_tokens(&g, &p);
    fd->tp += (unsigned long)common;
    fd->fn += (unsigned long)(g.n - common);
    fd->fp += (unsigned long)(p.n - common);
    if (common < g.n || common < p.n) {
        char gs[64], ps[64];
        snprintf(gs, sizeof gs, "%d tokens", g.n);
        snprintf(ps, sizeof ps, "%d tokens, %d in common", p.n, common);
        note(L, "diagnoses", gs, ps);
    }
}

/* -- items ---------------------------------------------------------------------------------- */

#define MAX_ITEMS 64

/* Aligns gold and predicted items in letter order (a monotone alignment maximising the summed
 * text overlap; pairs below 0.3 are not aligned). pair[i] is the predicted index or -1. */
static void align_items(json_t *gold, json_t *pred, int *pair)
{
    size_t ng = json_array_size(gold), np = json_array_size(pred);
    if (ng > MAX_ITEMS) ng = MAX_ITEMS;
    if (np > MAX_ITEMS) np = MAX_ITEMS;
    static __thread double best[MAX_ITEMS + 1][MAX_ITEMS + 1];
    static __thread double sim[MAX_ITEMS][MAX_ITEMS];
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < np; j++)
            sim[i][j] = imrx_eval_text_overlap(
                json_string_value(json_object_get(json_array_get(gold, i), "text")),
                json_string_value(json_object_get(json_array_get(pred, j), "text")));
    for (size_t i = 0; i <= ng; i++)
        for (size_t j = 0; j <= np; j++) {
            double b = 0;
            if (i && best[i - 1][j] > b) b = best[i - 1][j];
            if (j && best[i][j - 1] > b) b = best[i][j - 1];
            if (i && j && sim[i - 1][j - 1] >= 0.3 && best[i - 1][j - 1] + sim[i - 1][j - 1] > b)
                b = best[i - 1][j - 1] + sim[i - 1][j - 1];
            best[i][j] = b;
        }
    for (size_t i = 0; i < ng; i++) pair[i] = -1;
    size_t i = ng, j = np;
    while (i && j) {
        if (sim[i - 1][j - 1] >= 0.3 && best[i][j] == best[i - 1][j - 1] + sim[i - 1][j - 1]) {
            pair[i - 1] = (int)(j - 1);
            i--, j--;
        } else if (best[i][j] == best[i - 1][j]) {
            i--;
        } else {
            j--;
        }
    }
}

static int flag(json_t *obj, const char *key)
{
    return json_is_true(json_object_get(obj, key));
}

static void binary(letter_t *L, int f, int gold, int pred, const char *label)
{
    field_t *fd = &L->e->fields[f];
    if (gold && pred)
        fd->tp++;
    else if (gold)
        fd->fn++, note(L, label, "true", "false");
    else if (pred)
        fd->fp++, note(L, label, "false", "true");
}

static int decision_index(json_t *item)
{
    const char *d = item ? json_string_value(json_object_get(item, "decision")) : NULL;
    if (d && strcmp(d, "upheld") == 0) return 0;
    if (d && strcmp(d, "overturned") == 0) return 1;
    return 2;
}

/* "MTUS <title> <year>" strings of a record item's guideline objects. */
static void record_guidelines(json_t *item, strset_t *out)
{
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(item, "guidelines"), i, g)
    {
        if (json_is_string(g)) {
            imrx_eval_set_add(out, json_string_value(g));
            continue;
        }
        const char *src = json_string_value(json_object_get(g, "source"));
        const char *title = json_string_value(json_object_get(g, "title"));
        json_t *year = json_object_get(g, "year");
        if (!src || strcmp(src, "MTUS") != 0 || !title) continue;
        char s[300];
        if (json_is_integer(year))
            snprintf(s, sizeof s, "MTUS %s %lld", title, (long long)json_integer_value(year));
        else
            snprintf(s, sizeof s, "MTUS %s", title);
        imrx_eval_set_add(out, s);
    }
}

static void compare_item(letter_t *L, json_t *g, json_t *p, int index)
{
    imrx_eval_t *e = L->e;
    char label[64];
    snprintf(label, sizeof label, "items[%d].text", index);
    const char *gt = json_string_value(json_object_get(g, "text"));
    const char *pt = json_string_value(json_object_get(p, "text"));
    e->fields[F_ITEM_TEXT].total++;
    if (imrx_eval_text_overlap(gt, pt) >= 0.9)
        e->fields[F_ITEM_TEXT].correct++;
    else
        note(L, label, gt ? gt : "", pt ? pt : "");

    int gd = decision_index(g), pd = decision_index(p);
    field_t *fd = &e->fields[F_ITEM_DECISION];
    snprintf(label, sizeof label, "items[%d].decision", index);
    if (gd == pd && gd < 2)
        fd->tp++;
    else {
        if (gd < 2) fd->fn++;
        if (pd < 2) fd->fp++;
        note(L, label,
             gd == 0   ? "upheld"
             : gd == 1 ? "overturned"
                       : "",
             pd == 0   ? "upheld"
             : pd == 1 ? "overturned"
                       : "");
    }
    e->decision_confusion[gd][pd]++;

    snprintf(label, sizeof label, "items[%d].partial", index);
    binary(L, F_ITEM_PARTIAL, flag(g, "partial"), flag(p, "partial"), label);
    snprintf(label, sizeof label, "items[%d].non_mtus", index);
    binary(L, F_ITEM_NON_MTUS, flag(g, "non_mtus"), flag(p, "non_mtus"), label);
    snprintf(label, sizeof label, "items[%d].no_citation", index);
    binary(L, F_ITEM_NO_CITATION, flag(g, "no_citation"), flag(p, "no_citation"), label);
    snprintf(label, sizeof label, "items[%d].ca_no_citation", index);
    binary(L, F_ITEM_CA_NO_CITATION, flag(g, "ca_no_citation"), flag(p, "ca_no_citation"), label);

    const char *gc = json_string_value(json_object_get(g, "category"));
    const char *pc = json_string_value(json_object_get(p, "category"));
    int gi = imrx_eval_category_index(gc), pi = imrx_eval_category_index(pc);
    e->category_confusion[gi][pi]++;
    if (gc) {
        e->fields[F_ITEM_CATEGORY].total++;
        if (gi == pi)
            e->fields[F_ITEM_CATEGORY].correct++;
        else {
            snprintf(label, sizeof label, "items[%d].category", index);
            note(L, label, gc, pc ? pc : "");
        }
    }

    strset_t gs = {0}, ps = {0};
    imrx_eval_set_from_strings(&gs, json_object_get(g, "guidelines"));
    record_guidelines(p, &ps);
    snprintf(label, sizeof label, "items[%d].guidelines", index);
    compare_sets(L, F_ITEM_GUIDELINES, &gs, &ps, label);
    imrx_eval_set_free(&gs);
    imrx_eval_set_free(&ps);

    json_t *gdrug = json_object_get(g, "drug"), *pdrug = json_object_get(p, "drug");
    if (json_is_object(gdrug) || json_is_object(pdrug)) {
        static const struct {
            int f;
            const char *key;
        } parts[] = {{F_DRUG_GENERIC, "generic"},
                     {F_DRUG_STRENGTH, "strength"},
                     {F_DRUG_QUANTITY, "quantity"}};
        for (size_t k = 0; k < 3; k++) {
            snprintf(label, sizeof label, "items[%d].drug.%s", index, parts[k].key);
            (k == 0 ? generic_name : scalar)(L, parts[k].f, json_object_get(gdrug, parts[k].key),
                                             json_object_get(pdrug, parts[k].key), label);
        }
    }
}

static void compare_items(letter_t *L, json_t *gold, json_t *pred)
{
    imrx_eval_t *e = L->e;
    int pair[MAX_ITEMS];
    size_t ng = json_array_size(gold), np = json_array_size(pred);
    e->fields[F_ITEM_COUNT].total++;
    if (ng == np)
        e->fields[F_ITEM_COUNT].correct++;
    else {
        char a[16], b[16];
        snprintf(a, sizeof a, "%zu", ng);
        snprintf(b, sizeof b, "%zu", np);
        note(L, "item count", a, b);
    }
    align_items(gold, pred, pair);
    int used[MAX_ITEMS] = {0};
    for (size_t i = 0; i < ng && i < MAX_ITEMS; i++) {
        json_t *g = json_array_get(gold, i);
        if (pair[i] < 0) {
            e->fields[F_ITEMS].fn++;
            e->fields[F_ITEM_TEXT].total++;
            e->fields[F_ITEM_DECISION].fn++;
            e->decision_confusion[decision_index(g)][2]++;
            if (json_string_value(json_object_get(g, "category")))
                e->fields[F_ITEM_CATEGORY].total++;
            note(L, "missed item", json_string_value(json_object_get(g, "text")), "");
            continue;
        }
        used[pair[i]] = 1;
        e->fields[F_ITEMS].tp++;
        compare_item(L, g, json_array_get(pred, (size_t)pair[i]), (int)i);
    }
    for (size_t j = 0; j < np && j < MAX_ITEMS; j++) {
        if (used[j]) continue;
        json_t *p = json_array_get(pred, j);
        e->fields[F_ITEMS].fp++;
        e->fields[F_ITEM_DECISION].fp++;
        e->decision_confusion[2][decision_index(p)]++;
        note(L, "extra item", "", json_string_value(json_object_get(p, "text")));
    }
}

/* -- medications ---------------------------------------------------------------------------- */

/* Generic names of a record's medication mention: its ingredients for a compound. */
static void mention_names(json_t *m, strset_t *out)
{
    json_t *ingredients = json_object_get(m, "ingredients");
    if (json_array_size(ingredients)) {
        imrx_eval_set_from_strings(out, ingredients);
        return;
    }
    const char *g = json_string_value(json_object_get(m, "generic"));
    if (g) imrx_eval_set_add(out, g);
}

static void compare_medications(letter_t *L, json_t *gold, json_t *record)
{
    strset_t all = {0}, patient = {0}, stopped = {0}, requested = {0}, negated = {0};
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(record, "medications"), i, m)
    {
        mention_names(m, &all);
        const char *ctx = json_string_value(json_object_get(m, "context"));
        int denied = flag(m, "negated"), ended = flag(m, "discontinued");
        if (denied || ended) mention_names(m, &stopped);
        if (!denied && ctx && (strcmp(ctx, "history") == 0 || strcmp(ctx, "requested") == 0))
            mention_names(m, &patient);
        if (!denied && !ended && ctx && strcmp(ctx, "requested") == 0) mention_names(m, &requested);
    }
    /* The gold lists a drug the letter mentions only as never taken or stopped: one that is
     * requested again ("has never taken tramadol" and tramadol is requested) is not. */
    for (size_t k = 0; k < stopped.n; k++)
        if (!imrx_eval_set_has(&requested, stopped.v[k])) imrx_eval_set_add(&negated, stopped.v[k]);
    static const struct {
        int f;
        const char *key;
    } lists[] = {{F_MEDS_PATIENT, "medications_patient"},
                 {F_MEDS_ALL, "medications_all"},
                 {F_MEDS_NEGATED, "medications_negated"}};
    strset_t *pred[] = {&patient, &all, &negated};
    for (size_t k = 0; k < 3; k++) {
        json_t *g = json_object_get(gold, lists[k].key);
        if (!json_is_array(g)) continue;
        strset_t gs = {0};
        imrx_eval_set_from_strings(&gs, g);
        compare_sets(L, lists[k].f, &gs, pred[k], lists[k].key);
        imrx_eval_set_free(&gs);
    }
    imrx_eval_set_free(&all);
    imrx_eval_set_free(&patient);
    imrx_eval_set_free(&stopped);
    imrx_eval_set_free(&requested);
    imrx_eval_set_free(&negated);
}

void imrx_eval_add(imrx_eval_t *e, const char *name, json_t *gold, json_t *rec)
{
    letter_t L = {.e = e};
    imrx_buf_init(&L.diff);
    e->letters++;
    scalar(&L, F_LAYOUT, json_object_get(gold, "layout"), json_object_get(rec, "layout"), NULL);
    scalar(&L, F_CASE, json_object_get(gold, "case_number"), json_object_get(rec, "case_number"),
           NULL);
    static const struct {
        int f;
        const char *key;
    } dates[] = {{F_ASSIGNED, "assigned"},
                 {F_INJURY, "injury"},
                 {F_DECISION, "decision"},
                 {F_UR, "ur_denial"},
                 {F_APPLICATION, "application_received"}};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
        scalar(&L, dates[i].f, json_object_get(json_object_get(gold, "dates"), dates[i].key),
               json_object_get(json_object_get(rec, "dates"), dates[i].key), NULL);
    scalar(&L, F_INJURY_NARR, json_object_get(gold, "injury_date_in_narrative"),
           imrx_eval_path_get(rec, "dates_in_narrative.injury"), NULL);
    scalar(&L, F_UR_NARR, json_object_get(gold, "ur_date_in_narrative"),
           imrx_eval_path_get(rec, "dates_in_narrative.ur_decision"), NULL);
    scalar(&L, F_PRIORITY, json_object_get(gold, "priority"), json_object_get(rec, "priority"),
           NULL);
    scalar(&L, F_AGE, imrx_eval_path_get(gold, "patient.age"),
           imrx_eval_path_get(rec, "patient.age"), NULL);
    scalar(&L, F_SEX, imrx_eval_path_get(gold, "patient.sex"),
           imrx_eval_path_get(rec, "patient.sex"), NULL);

    strset_t g = {0}, p = {0};
    imrx_eval_set_from_strings(&g, imrx_eval_path_get(gold, "reviewer.licensure"));
    imrx_eval_set_from_strings(&p, imrx_eval_path_get(rec, "reviewer.licensure"));
    compare_sets(&L, F_LICENSURE, &g, &p, NULL);
    imrx_eval_set_free(&g);
    imrx_eval_set_free(&p);
    imrx_eval_set_from_strings(&g, imrx_eval_path_get(gold, "reviewer.specialties"));
    imrx_eval_set_from_strings(&p, imrx_eval_path_get(rec, "reviewer.specialties"));
    compare_sets(&L, F_SPECIALTIES, &g, &p, NULL);
    imrx_eval_set_free(&g);
    imrx_eval_set_free(&p);

    if (json_is_array(json_object_get(gold, "diagnoses")))
        compare_diagnoses(&L, json_object_get(gold, "diagnoses"),
                          imrx_eval_path_get(rec, "patient.diagnoses"));
    compare_items(&L, json_object_get(gold, "items"), json_object_get(rec, "items"));
    compare_medications(&L, gold, rec);
    imrx_eval_keep_worst(e, name, L.errors, &L.diff);
    imrx_buf_free(&L.diff);
}
