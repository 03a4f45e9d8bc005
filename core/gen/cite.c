/* Guideline citations in the wording of each layout, and the gold strings they stand for. The
 * same function decides both (cited_titles), so a letter and its gold cannot disagree. */
#include <stdio.h>
#include <string.h>

#include "gen/gold.h"
#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

/* Titles cited for an MTUS citation: topic indexes and their resolved titles, titles deduped. */
typedef struct cited {
    int n;
    int topic[GEN_MAX_TOPICS], title[GEN_MAX_TOPICS];
} cited_t;

static void cited_titles(const imrx_gen_letter_t *L, const imrx_gen_item_t *it, cited_t *c)
{
    c->n = 0;
    if (it->cite != GEN_CITE_MTUS && it->cite != GEN_CITE_MTUS_ODG) return;
    for (int i = 0; i < it->ntopic; i++) {
        int t = imrx_gen_topic_title(L, it, it->topics[i]);
        if (t < 0) continue;
        c->topic[c->n] = it->topics[i];
        c->title[c->n] = t;
        c->n++;
    }
}

int imrx_gen_gold_titles(const imrx_gen_letter_t *L, const imrx_gen_item_t *it, char out[][128],
                         int max)
{
    cited_t c;
    cited_titles(L, it, &c);
    int n = 0;
    for (int i = 0; i < c.n && n < max; i++) {
        const imrx_gen_title_t *t = &imrx_gen_titles[c.title[i]];
        int a = L->layout == GEN_LAYOUT_A;
        char s[128];
        snprintf(s, sizeof s, "MTUS %s %d", a ? t->a : t->full, a ? t->year_a : t->year_full);
        int dup = 0;
        for (int k = 0; k < n; k++) dup |= !strcmp(out[k], s);
        if (!dup) memcpy(out[n++], s, sizeof s);
    }
    return n;
}

/* The claims administrator cites one title: the first of the item's topics in the MTUS. */
static int ca_item(const imrx_gen_letter_t *L, const imrx_gen_item_t *it, imrx_gen_item_t *tmp)
{
    for (int i = 0; i < it->ntopic; i++)
        if (imrx_gen_topic_title(L, it, it->topics[i]) >= 0) {
            *tmp = *it;
            tmp->topics[0] = it->topics[i];
            tmp->ntopic = 1;
            tmp->cite = GEN_CITE_MTUS;
            return 1;
        }
    return 0;
}

/* The section a topic names; the postsurgical guideline's sections are body regions. */
static void section(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int topic)
{
    const char *s = imrx_gen_topics[topic].section;
    if (s) {
        P(s);
        return;
    }
    const char *name = imrx_gen_regions[it->region].plain;
    char c[2] = {(char)(name[0] & ~0x20), 0};
    P(c), P(name + 1);
}

static void pages(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int topic)
{
    const char *p = imrx_gen_topics[topic].pages;
    if (!p && imrx_gen_topics[topic].title == -2) p = imrx_gen_regions[it->region].pages;
    if (!p) return;
    P(strchr(p, '-') ? "pages " : "page ");
    P(p);
}

static void odg(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, const char *chapter_word)
{
    const imrx_gen_topic_t *tp = &imrx_gen_topics[it->topics[0]];
    const char *ch = tp->odg_chapter ? tp->odg_chapter : imrx_gen_regions[it->region].odg;
    const char *topic = tp->odg ? tp->odg : "Office visits";
    imrx_gen_pf(x->t, "Official Disability Guidelines (ODG), %s %s, %s", ch, chapter_word, topic);
}

static const char *other_source(const imrx_gen_item_t *it)
{
    switch (it->kind) {
    case GEN_K_ASSIST:
        return "American College of Surgeons, Physicians as Assistants at Surgery";
    case GEN_K_HOME:
        return "Medicare Benefit Policy Manual, Chapter 7, Home Health Services";
    case GEN_K_DME:
    case GEN_K_BRACE:
        return "Medicare National Coverage Determinations Manual, Durable Medical Equipment";
    case GEN_K_SLEEP:
        return "American Academy of Sleep Medicine, Practice Parameters for Polysomnography";
    default:
        return "Work Loss Data Institute, Treatment in Workers' Compensation";
    }
}

/* Layout A: "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): ...". */
void imrx_gen_cite_a(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int maximus)
{
    const char *who = maximus ? "The Expert Reviewer" : "The Claims Administrator";
    int mode = it->cite;
    if (!maximus)
        mode = it->ca == GEN_CA_MTUS  ? GEN_CITE_MTUS
               : it->ca == GEN_CA_ODG ? GEN_CITE_ODG
                                      : GEN_CITE_NONE;
    cited_t c;
    imrx_gen_item_t tmp;
    if (!maximus && mode == GEN_CITE_MTUS && ca_item(x->L, it, &tmp)) {
        /* the claims administrator: one title, no sections */
        cited_titles(x->L, &tmp, &c);
        const imrx_gen_title_t *t = &imrx_gen_titles[c.title[0]];
        imrx_gen_pf(x->t, "Decision based on MTUS %s %d.", t->a, t->year_a);
        return;
    }
    if (!maximus && mode == GEN_CITE_MTUS) mode = GEN_CITE_NONE;
    if (mode == GEN_CITE_MTUS || mode == GEN_CITE_MTUS_ODG) {
        cited_titles(x->L, it, &c);
        int joined = c.n == 2 && c.title[0] != c.title[1] && imrx_gen_chance(x->r, 0.4);
        int bare = c.n == 1 && imrx_gen_chance(x->r, 0.15);
        for (int i = 0; i < c.n; i++) {
            const imrx_gen_title_t *t = &imrx_gen_titles[c.title[i]];
            int same_as_prev = i > 0 && c.title[i] == c.title[i - 1];
            if (same_as_prev) {
                P(", "), section(x, it, c.topic[i]);
                continue;
            }
            if (i > 0) P(joined ? ", and " : ". ");
            if (i == 0 || !joined) P("Decision based on MTUS ");
            imrx_gen_pf(x->t, "%s %d", t->a, t->year_a);
            if (bare || (joined && i == 0)) continue;
            P(", Section(s): ");
            if (joined) section(x, it, c.topic[0]), P(", ");
            section(x, it, c.topic[i]);
        }
        P(".");
        if (mode == GEN_CITE_MTUS) return;
        P(" Decision based on Non-MTUS Citation "), odg(x, it, "Chapter"), P(".");
        return;
    }
    if (mode == GEN_CITE_NONE) {
        imrx_gen_pf(x->t, "%s did not cite any medical evidence for its decision.", who);
        return;
    }
    imrx_gen_pf(x->t,
                "%s based their decision on recommendation(s) outside of the MTUS "
                "Guidelines. Decision based on Non-MTUS Citation ",
                who);
    if (mode == GEN_CITE_ODG)
        odg(x, it, "Chapter");
    else
        P(other_source(it));
    P(".");
}

/* One MTUS title the long way, as layouts B and D write it. */
static void long_title(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int title, int topic,
                       int mtus_word)
{
    const imrx_gen_title_t *t = &imrx_gen_titles[title];
    if (t->acoem) {
        imrx_gen_pf(x->t, "%sACOEM Practice Guidelines, 2nd Edition (%d), %s, %s",
                    mtus_word ? "MTUS " : "", t->year_full, t->acoem, t->full);
        if (imrx_gen_topics[topic].pages || imrx_gen_regions[it->region].pages)
            P(", "), pages(x, it, topic);
        return;
    }
    imrx_gen_pf(x->t, "MTUS %s Guidelines (%d), ", t->full, t->year_full);
    if (imrx_gen_topics[topic].pages && imrx_gen_chance(x->r, 0.5)) {
        pages(x, it, topic), P(", "), section(x, it, topic);
    } else {
        section(x, it, topic);
        if (imrx_gen_topics[topic].pages) P(", "), pages(x, it, topic);
    }
}

static void long_mtus(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int layout_d)
{
    cited_t c;
    cited_titles(x->L, it, &c);
    for (int i = 0; i < c.n; i++) {
        if (i) P(", and the ");
        long_title(x, it, c.title[i], c.topic[i], !layout_d);
        if (!layout_d || imrx_gen_titles[c.title[i]].acoem) P(", which are part of the MTUS");
    }
}

void imrx_gen_cite_b(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int maximus)
{
    const char *who = maximus ? "The Physician Reviewer" : "The Claims Administrator";
    const char *whose = maximus ? "his/her" : "its";
    int mode = maximus                 ? it->cite
               : it->ca == GEN_CA_MTUS ? GEN_CITE_MTUS
               : it->ca == GEN_CA_ODG  ? GEN_CITE_ODG
                                       : GEN_CITE_NONE;
    imrx_gen_item_t tmp;
    if (!maximus && mode == GEN_CITE_MTUS && ca_item(x->L, it, &tmp)) {
        imrx_gen_pf(x->t, "%s based %s decision on the ", who, whose);
        long_mtus(x, &tmp, 0);
        P(".");
        return;
    }
    if (!maximus && mode == GEN_CITE_MTUS) mode = GEN_CITE_NONE;
    switch (mode) {
    case GEN_CITE_MTUS:
    case GEN_CITE_MTUS_ODG:
        imrx_gen_pf(x->t, "%s based %s decision on the ", who, whose);
        long_mtus(x, it, 0);
        if (mode == GEN_CITE_MTUS_ODG)
            P(", and on the "), odg(x, it, "chapter"), P(", which is not part of the MTUS");
        P(".");
        break;
    case GEN_CITE_ODG:
        imrx_gen_pf(x->t, "%s based %s decision on the ", who, whose);
        odg(x, it, "chapter");
        P(", which is not part of the MTUS.");
        break;
    case GEN_CITE_OTHER:
        imrx_gen_pf(x->t, "%s based %s decision on the %s, which is not part of the MTUS.", who,
                    whose, other_source(it));
        break;
    default:
        imrx_gen_pf(x->t, "%s did not cite any medical evidence for %s decision.", who, whose);
        break;
    }
}

/* Layout C: the numbered guideline paragraph, with the reviewer's reason for it. */
void imrx_gen_cite_c(imrx_gen_ctx_t *x, const imrx_gen_item_t *it)
{
    cited_t c;
    cited_titles(x->L, it, &c);
    static const char *const why[] = {
        "The Professional Reviewer relied on this guideline because it addresses %s directly.",
        "These sections set out the criteria that apply to %s.",
        "The guideline was used because it governs %s in chronic and subacute conditions.",
        "This is the part of the MTUS that applies to %s.",
    };
    static const char *const why_odg[] = {
        "The ODG was used because the MTUS does not address %s specifically.",
        "The Professional Reviewer relied on this guideline because it gives specific criteria for "
        "%s.",
    };
    const char *noun = it->noun ? it->noun : "the requested medication";
    switch (it->cite) {
    case GEN_CITE_MTUS:
    case GEN_CITE_MTUS_ODG:
        for (int i = 0; i < c.n; i++) {
            const imrx_gen_title_t *t = &imrx_gen_titles[c.title[i]];
            if (i) P(" ");
            if (t->acoem)
                imrx_gen_pf(x->t, "MTUS %s %d, Section(s): ", t->full, t->year_full);
            else
                imrx_gen_pf(x->t, "MTUS %s Guidelines %d, Section(s): ", t->full, t->year_full);
            section(x, it, c.topic[i]);
            P(".");
        }
        if (it->cite == GEN_CITE_MTUS_ODG)
            P(" "), odg(x, it, "chapter"), P(", which is not part of the MTUS.");
        break;
    case GEN_CITE_ODG:
        odg(x, it, "chapter");
        P(", which is not part of the MTUS.");
        break;
    case GEN_CITE_OTHER:
        imrx_gen_pf(x->t, "%s, which is not part of the MTUS.", other_source(it));
        break;
    default:
        P("The Professional Reviewer did not cite any medical evidence for this decision.");
        return;
    }
    P(" ");
    if (it->cite == GEN_CITE_ODG || it->cite == GEN_CITE_OTHER)
        imrx_gen_pf(x->t, IMRX_GEN_PICK(x->r, why_odg), noun);
    else
        imrx_gen_pf(x->t, IMRX_GEN_PICK(x->r, why), noun);
}

/* Layout D: "The Expert Reviewer relied on the MTUS Chronic Pain Medical Treatment Guidelines
 * (2009), pages 74-96, Opioids." */
void imrx_gen_cite_d(imrx_gen_ctx_t *x, const imrx_gen_item_t *it)
{
    switch (it->cite) {
    case GEN_CITE_MTUS:
    case GEN_CITE_MTUS_ODG:
        P("The Expert Reviewer relied on the ");
        long_mtus(x, it, 1);
        if (it->cite == GEN_CITE_MTUS_ODG)
            P(", and on the "), odg(x, it, "chapter"), P(", which is not part of the MTUS");
        P(".");
        break;
    case GEN_CITE_ODG:
        P("The Expert Reviewer relied on the "), odg(x, it, "chapter");
        P(", which is not part of the MTUS.");
        break;
    case GEN_CITE_OTHER:
        imrx_gen_pf(x->t, "The Expert Reviewer relied on the %s, which is not part of the MTUS.",
                    other_source(it));
        break;
    default:
        P("The Expert Reviewer did not cite any medical evidence for his/her decision.");
        break;
    }
}

int imrx_gen_ca_no_citation(const imrx_gen_letter_t *L, const imrx_gen_item_t *it)
{
    if (L->layout != GEN_LAYOUT_A && L->layout != GEN_LAYOUT_B) return 0;
    imrx_gen_item_t tmp;
    if (it->ca == GEN_CA_MTUS) return !ca_item(L, it, &tmp);
    return it->ca == GEN_CA_NONE;
}
