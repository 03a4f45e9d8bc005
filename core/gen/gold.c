/* The gold answer of a generated letter, in the corpus/README.md format, from the facts the
 * renderers recorded as they wrote. */
#include <stdio.h>
#include <string.h>

#include "gen/gold.h"
#include "gen/render.h"
#include "util/json.h"

static void date(imrx_buf_t *b, imrx_gen_date_t d, int shown)
{
    if (!shown || !d.y) {
        imrx_buf_puts(b, "null");
        return;
    }
    imrx_gen_fmt(b, "\"%d-%02d-%02d\"", d.y, d.m, d.d);
}

static void str(imrx_buf_t *b, const char *s)
{
    imrx_json_cstring(b, s);
}

static void boolean(imrx_buf_t *b, const char *key, int v)
{
    imrx_gen_fmt(b, ",\n      \"%s\": %s", key, v ? "true" : "false");
}

static void meds(imrx_buf_t *b, const char *key, const imrx_gen_letter_t *L, int which)
{
    imrx_gen_fmt(b, ",\n  \"%s\": [", key);
    int n = 0;
    for (int i = 0; i < L->nmeds; i++) {
        unsigned f = L->meds[i].flags;
        int in = which == 0   ? (f & (GEN_MED_TAKEN | GEN_MED_STOPPED)) != 0
                 : which == 1 ? 1
                              : (f & (GEN_MED_DENIED | GEN_MED_STOPPED)) &&
                                    !(f & (GEN_MED_TAKEN | GEN_MED_ASIDE));
        if (!in) continue;
        imrx_buf_puts(b, n++ ? ", " : "");
        str(b, L->meds[i].generic);
    }
    imrx_buf_putc(b, ']');
}

static void drug(imrx_buf_t *b, const imrx_gen_item_t *it)
{
    imrx_buf_puts(b, ",\n      \"drug\": ");
    if (it->drug == -1) {
        imrx_buf_puts(b, "null");
        return;
    }
    char generic[128] = "";
    if (it->drug >= 0) {
        snprintf(generic, sizeof generic, "%s", imrx_gen_drugs[it->drug].generic);
    } else {
        size_t n = 0;
        for (int i = 0; i < it->ningr; i++)
            n += (size_t)snprintf(generic + n, sizeof generic - n, "%s%s", i ? "/" : "",
                                  imrx_gen_ingredients[it->ingr[i]].generic);
    }
    imrx_buf_puts(b, "{\"mention\": "), str(b, it->mention[0] ? it->mention : NULL);
    imrx_buf_puts(b, ", \"generic\": "), str(b, generic);
    imrx_buf_puts(b, ", \"strength\": "), str(b, it->strength[0] ? it->strength : NULL);
    imrx_buf_puts(b, ", \"quantity\": ");
    if (it->qty > 0)
        imrx_gen_fmt(b, "%d", it->qty);
    else
        imrx_buf_puts(b, "null");
    imrx_buf_putc(b, '}');
}

static void item(imrx_buf_t *b, const imrx_gen_letter_t *L, const imrx_gen_item_t *it)
{
    imrx_buf_puts(b, "    {\n      \"text\": "), str(b, it->text);
    imrx_gen_fmt(b, ",\n      \"decision\": \"%s\"", it->overturned ? "overturned" : "upheld");
    boolean(b, "partial", it->partial);
    imrx_gen_fmt(b, ",\n      \"category\": \"%s\"", imrx_gen_cat_names[it->cat]);
    char titles[GEN_MAX_TOPICS][128];
    int nt = imrx_gen_gold_titles(L, it, titles, GEN_MAX_TOPICS);
    imrx_buf_puts(b, ",\n      \"guidelines\": [");
    for (int i = 0; i < nt; i++) imrx_buf_puts(b, i ? ", " : ""), str(b, titles[i]);
    imrx_buf_putc(b, ']');
    boolean(b, "non_mtus",
            it->cite == GEN_CITE_MTUS_ODG || it->cite == GEN_CITE_ODG ||
                it->cite == GEN_CITE_OTHER);
    boolean(b, "no_citation", it->cite == GEN_CITE_NONE);
    boolean(b, "ca_no_citation", imrx_gen_ca_no_citation(L, it));
    drug(b, it);
    imrx_buf_puts(b, "\n    }");
}

void imrx_gen_gold(const imrx_gen_letter_t *L, imrx_buf_t *b)
{
    static const char *const layouts[] = {"A", "B", "C", "D"};
    static const char *const renderings[] = {"layout", "raw", "headerless", "plain"};
    unsigned s = L->shown;
    imrx_gen_fmt(b, "{\n  \"layout\": \"%s\",\n  \"rendering\": \"%s\",\n  \"case_number\": ",
                 layouts[L->layout], renderings[L->rendering]);
    str(b, (s & GEN_S_CASE) ? L->case_number : NULL);
    imrx_buf_puts(b, ",\n  \"dates\": {\n    \"assigned\": ");
    date(b, L->assigned, s & GEN_S_ASSIGNED);
    imrx_buf_puts(b, ",\n    \"injury\": ");
    date(b, L->injury, s & GEN_S_INJURY);
    imrx_buf_puts(b, ",\n    \"decision\": ");
    date(b, L->decision, s & GEN_S_DECISION);
    imrx_buf_puts(b, ",\n    \"ur_denial\": ");
    date(b, L->ur, s & GEN_S_UR);
    imrx_buf_puts(b, ",\n    \"application_received\": ");
    date(b, L->app, s & GEN_S_APP);
    imrx_buf_puts(b, "\n  },\n  \"injury_date_in_narrative\": ");
    date(b, L->narr_injury, 1);
    imrx_buf_puts(b, ",\n  \"ur_date_in_narrative\": ");
    date(b, L->narr_ur, 1);
    imrx_buf_puts(b, ",\n  \"priority\": ");
    str(b, (s & GEN_S_PRIORITY) ? (L->priority ? "Expedited" : "Standard") : NULL);
    imrx_buf_puts(b, ",\n  \"patient\": {\n    \"age\": ");
    if (L->age >= 0)
        imrx_gen_fmt(b, "%d", L->age);
    else
        imrx_buf_puts(b, "null");
    imrx_gen_fmt(b, ",\n    \"sex\": \"%s\"\n  },\n  \"reviewer\": {\n    \"licensure\": [",
                 L->sex ? "female" : "male");
    for (int i = 0; i < L->nstates; i++)
        imrx_gen_fmt(b, "%s\"%s\"", i ? ", " : "", imrx_gen_states[L->states[i]].code);
    imrx_buf_puts(b, "],\n    \"specialties\": [");
    for (int i = 0; i < L->nspec; i++) imrx_buf_puts(b, i ? ", " : ""), str(b, L->spec[i]);
    imrx_buf_puts(b, "]\n  },\n  \"diagnoses\": [");
    for (int i = 0; i < L->ndx; i++) imrx_buf_puts(b, i ? ", " : ""), str(b, L->dx[i]);
    imrx_buf_puts(b, "],\n  \"items\": [\n");
    for (int i = 0; i < L->nitems; i++) {
        if (i) imrx_buf_puts(b, ",\n");
        item(b, L, &L->items[i]);
    }
    imrx_buf_puts(b, "\n  ]");
    meds(b, "medications_patient", L, 0);
    meds(b, "medications_all", L, 1);
    meds(b, "medications_negated", L, 2);
    imrx_buf_puts(b, ",\n  \"_generated\": true\n}\n");
}
