/* Drawing a letter's disputed items: category, wording, decision, partial authorisation and what
 * the reviewer cites. Drug items are drawn in items_drug.c. */
#include <stdio.h>
#include <string.h>

#include "gen/model.h"
#include "gen/sb.h"

static const char *const words[] = {
    "zero",       "one",        "two",          "three",      "four",     "five",     "six",
    "seven",      "eight",      "nine",         "ten",        "eleven",   "twelve",   "thirteen",
    "fourteen",   "fifteen",    "sixteen",      "seventeen",  "eighteen", "nineteen", "twenty",
    "twenty-one", "twenty-two", "twenty-three", "twenty-four"};

static const char *side_word(int side)
{
    return side == 1 ? "right" : side == 2 ? "left" : side == 3 ? "bilateral" : "";
}

/* Region phrase: "the lumbar spine", "the right shoulder", "the bilateral knees". */
static void region_phrase(sb_t *b, int region, int side, int article)
{
    const imrx_gen_region_t *g = &imrx_gen_regions[region];
    if (article) sb_add(b, "the ");
    if (g->lateral) {
        sb_add(b, side_word(side));
        sb_add(b, " ");
        sb_add(b, g->name);
        if (side == 3) sb_add(b, "s");
    } else {
        sb_add(b, g->name);
    }
}

/* "2 times a week for 6 weeks" and its variants, for a count that the weekly rate divides. */
static void freq_phrase(sb_t *b, imrx_gen_rng_t *r, int count)
{
    int per = count % 3 == 0 && imrx_gen_chance(r, 0.4) ? 3 : count % 2 == 0 ? 2 : 1;
    int weeks = count / per;
    switch (imrx_gen_below(r, 5)) {
    case 0:
        sb_int(b, per), sb_add(b, "x"), sb_int(b, weeks);
        break;
    case 1:
        sb_int(b, per), sb_add(b, " x "), sb_int(b, weeks);
        break;
    case 2:
        sb_add(b, per == 2 ? "twice weekly" : per == 3 ? "three times weekly" : "once weekly");
        sb_add(b, " for "), sb_int(b, weeks), sb_add(b, " weeks");
        break;
    case 3:
        sb_int(b, per), sb_add(b, " times per week for "), sb_int(b, weeks), sb_add(b, " weeks");
        break;
    default:
        sb_int(b, per), sb_add(b, " times a week for "), sb_int(b, weeks), sb_add(b, " weeks");
        break;
    }
}

typedef struct ictx {
    imrx_gen_rng_t *r;
    imrx_gen_letter_t *L;
    imrx_gen_item_t *it;
    const char *level;
    const char *surgery;
    int count;
    int plain_count; /* write counts as "N sessions" (partial authorisations) */
} ictx_t;

static void expand(ictx_t *x, const imrx_gen_tpl_t *t, sb_t *b)
{
    const imrx_gen_region_t *g = &imrx_gen_regions[x->it->region];
    for (const char *p = t->tpl; *p; p++) {
        if (*p != '{') {
            sb_addn(b, p, 1);
            continue;
        }
        char key = p[1];
        p += 2; /* at the closing brace */
        switch (key) {
        case 'R':
            region_phrase(b, x->it->region, x->it->side, 1);
            break;
        case 'r':
            region_phrase(b, x->it->region, x->it->side, 0);
            break;
        case 'A':
            sb_add(b, g->adj);
            break;
        case 'F':
            if (x->plain_count)
                sb_int(b, x->count), sb_add(b, " sessions");
            else
                freq_phrase(b, x->r, x->count);
            break;
        case 'N':
            sb_int(b, x->count);
            break;
        case 'W':
            sb_add(b, x->count < (int)IMRX_GEN_COUNT(words) ? words[x->count] : "several");
            break;
        case 'L':
            sb_add(b, x->level);
            break;
        case 'S':
            sb_add(b, side_word(x->it->side ? x->it->side : 1 + (int)imrx_gen_below(x->r, 2)));
            break;
        case 'X':
        case 'Y':
            for (const char *s = x->surgery; *s; s++) {
                if (*s == '@')
                    sb_add(b, side_word(x->it->side));
                else
                    sb_addn(b, s, 1);
            }
            break;
        default:
            break;
        }
    }
}

static int tpl_fits(const imrx_gen_tpl_t *t, const imrx_gen_region_t *g, int region)
{
    if ((t->flags & GEN_F_SPINE) && g->lateral) return 0;
    if ((t->flags & GEN_F_LIMB) && !g->lateral) return 0;
    if ((t->flags & GEN_F_HAND) && region != 5 && region != 6) return 0;
    return 1;
}

/* A non-drug item of category `cat`. */
static void service_item(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L,
                         imrx_gen_item_t *it, int cat)
{
    const imrx_gen_region_t *g = &imrx_gen_regions[it->region];
    const imrx_gen_tpl_t *tp = NULL;
    for (int tries = 0; tries < 12 && !tp; tries++) {
        const imrx_gen_tpl_t *cand =
            &imrx_gen_tpls[cat][imrx_gen_below(r, (uint32_t)imrx_gen_ntpls[cat])];
        if (tpl_fits(cand, g, it->region)) tp = cand;
    }
    if (!tp) tp = &imrx_gen_tpls[cat][imrx_gen_ntpls[cat] - 1];
    if (!tpl_fits(tp, g, it->region)) tp = &imrx_gen_tpls[cat][0];
    ictx_t x = {r, L, it, NULL, NULL, 0, 0};
    /* Spinal levels: one or two adjacent. */
    char levels[40];
    const char *l1 = g->levels[imrx_gen_below(r, 2)];
    if (!l1) l1 = "L4-L5";
    if (imrx_gen_chance(r, 0.4) && g->levels[2]) {
        snprintf(levels, sizeof levels, "%s and %s", g->levels[1], g->levels[2]);
        x.level = levels;
    } else {
        x.level = l1;
    }
    const char *surg = g->surgery[0];
    int ns = 0;
    while (ns < 5 && g->surgery[ns]) ns++;
    if (ns) surg = g->surgery[imrx_gen_below(r, (uint32_t)ns)];
    x.surgery = surg;
    if (tp->hi > 0) {
        x.count = imrx_gen_range(r, tp->lo, tp->hi);
        if (tp->tpl[1] == 'F' || strstr(tp->tpl, "{F}")) x.count = (x.count + 1) / 2 * 2;
        if (x.count >= 80) x.count = x.count / 40 * 40;
    }
    it->kind = tp->kind;
    it->noun = tp->noun;
    it->topics[0] = tp->topic;
    it->ntopic = 1;
    if (tp->topic2 != GEN_NO_TOPIC && imrx_gen_chance(r, 0.35))
        it->topics[it->ntopic++] = tp->topic2;
    it->count = x.count;
    sb_t b = {it->text, sizeof it->text, 0};
    it->text[0] = '\0';
    /* Partial authorisation (layout A): the original, the authorised part, the remainder. */
    if ((tp->flags & GEN_F_COUNT) && L->layout == GEN_LAYOUT_A && x.count >= 6 &&
        imrx_gen_chance(r, c->partial_rate)) {
        int orig = x.count, auth = orig / (imrx_gen_chance(r, 0.5) ? 2 : 3);
        x.plain_count = 1;
        sb_t o = {it->orig, sizeof it->orig, 0}, a = {it->auth, sizeof it->auth, 0};
        x.count = orig;
        expand(&x, tp, &o);
        x.count = auth;
        expand(&x, tp, &a);
        x.count = orig - auth;
        if (imrx_gen_chance(r, 0.25)) {
            /* The remaining portion written as a fragment. */
            sb_int(&b, x.count);
            sb_add(&b, imrx_gen_chance(r, 0.5) ? " sessions" : " additional sessions");
        } else {
            expand(&x, tp, &b);
        }
        it->count = x.count;
        it->partial = 1;
        return;
    }
    expand(&x, tp, &b);
    it->article = (tp->flags & GEN_F_ARTICLE) != 0;
}

/* What the reviewer's and the claims administrator's guideline paragraphs cite. */
static void citations(imrx_gen_rng_t *r, imrx_gen_letter_t *L, imrx_gen_item_t *it)
{
    int mtus = 0, odg = 0;
    for (int i = 0; i < it->ntopic; i++) {
        mtus |= imrx_gen_topic_title(L, it, it->topics[i]) >= 0;
        odg |= imrx_gen_topics[it->topics[i]].odg != NULL;
    }
    double x = imrx_gen_unit(r);
    if (mtus) {
        it->cite = x < 0.80   ? GEN_CITE_MTUS
                   : x < 0.88 ? GEN_CITE_MTUS_ODG
                   : x < 0.93 ? GEN_CITE_ODG
                              : GEN_CITE_NONE;
        if (!odg && (it->cite == GEN_CITE_MTUS_ODG || it->cite == GEN_CITE_ODG))
            it->cite = GEN_CITE_MTUS;
    } else if (odg) {
        it->cite = x < 0.85 ? GEN_CITE_ODG : x < 0.92 ? GEN_CITE_OTHER : GEN_CITE_NONE;
    } else {
        it->cite = x < 0.5 ? GEN_CITE_OTHER : GEN_CITE_NONE;
    }
    if (it->cite == GEN_CITE_ODG || it->cite == GEN_CITE_OTHER || it->cite == GEN_CITE_NONE)
        it->ntopic = 1; /* a second MTUS title only goes with an MTUS citation */
    mtus = 0;
    for (int i = 0; i < it->ntopic; i++) mtus |= imrx_gen_topic_title(L, it, it->topics[i]) >= 0;
    double y = imrx_gen_unit(r);
    it->ca = (mtus && y < 0.72) ? GEN_CA_MTUS : (odg && y < 0.9) ? GEN_CA_ODG : GEN_CA_NONE;
    if (L->layout == GEN_LAYOUT_C || L->layout == GEN_LAYOUT_D) it->ca = GEN_CA_MTUS;
}

static int same_text(const imrx_gen_letter_t *L, const char *t)
{
    for (int i = 0; i < L->nitems; i++)
        if (!strcmp(L->items[i].text, t)) return 1;
    return 0;
}

void imrx_gen_items(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L)
{
    /* P(k) ~ q^(k-1), k = 1..8 */
    double w[GEN_MAX_ITEMS], q = 1;
    for (int k = 0; k < GEN_MAX_ITEMS; k++, q *= c->geo_q) w[k] = q;
    int n = 1 + (int)imrx_gen_weighted(r, w, GEN_MAX_ITEMS);
    L->nitems = 0;
    for (int tries = 0; L->nitems < n && tries < 3 * n + 6; tries++) {
        imrx_gen_item_t *it = &L->items[L->nitems];
        memset(it, 0, sizeof *it);
        it->drug = -1;
        it->qty = -1;
        int cat = (int)imrx_gen_weighted(r, c->cat_w, GEN_NCAT);
        int second = L->region2 >= 0 && imrx_gen_chance(r, 0.25);
        it->region = (unsigned char)(second ? L->region2 : L->region);
        it->side = (unsigned char)(second ? L->side2 : L->side);
        it->cat = (unsigned char)cat;
        if (cat == GEN_CAT_PHARMA) {
            imrx_gen_drug_item(c, r, L, it);
            /* Later layout A letters cite the 2016 opioid guideline for opioids. */
            if (it->drug >= 0 && imrx_gen_drugs[it->drug].rx == GEN_RX_OPIOID &&
                L->layout == GEN_LAYOUT_A && L->year >= 2018 && imrx_gen_chance(r, 0.6))
                it->topics[0] = GEN_TP_OPIOID_GL;
        } else
            service_item(c, r, L, it, cat);
        if (!it->text[0] || same_text(L, it->text)) continue;
        /* Capitals: sentence case in layouts A-C; the 2013 prose of layout D runs the item into
         * a sentence, lower case unless it starts with an acronym or a brand. */
        char *t = it->text;
        int acronym = t[0] >= 'A' && t[0] <= 'Z' &&
                      ((t[1] >= 'A' && t[1] <= 'Z') || t[1] == '-' || t[1] == '/');
        if (L->layout == GEN_LAYOUT_D) {
            if (it->drug == -1 && !acronym && t[0] >= 'A' && t[0] <= 'Z')
                t[0] = (char)(t[0] | 0x20);
        } else if (t[0] >= 'a' && t[0] <= 'z') {
            t[0] = (char)(t[0] & ~0x20);
        }
        if (it->orig[0] >= 'a' && it->orig[0] <= 'z') it->orig[0] = (char)(it->orig[0] & ~0x20);
        if (it->auth[0] >= 'a' && it->auth[0] <= 'z') it->auth[0] = (char)(it->auth[0] & ~0x20);
        it->proper = (unsigned char)(acronym || it->drug >= 0);
        if (L->layout == GEN_LAYOUT_D && it->article && imrx_gen_chance(r, 0.4)) {
            char tmp[GEN_TEXT_MAX];
            /* "an MRI", "an H-wave device": acronyms by the sound of their first letter. */
            int vowel =
                acronym ? strchr("AEFHILMNORSX", t[0]) != NULL : strchr("aeiou", t[0]) != NULL;
            sb_t b = {tmp, sizeof tmp, 0};
            sb_add(&b, vowel ? "an " : "a ");
            sb_add(&b, t);
            memcpy(it->text, tmp, sizeof tmp);
            it->proper = 0;
        }
        it->overturned = (unsigned char)imrx_gen_chance(r, c->overturn[cat]);
        citations(r, L, it);
        L->nitems++;
    }
}
