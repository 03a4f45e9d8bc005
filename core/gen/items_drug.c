/* Drug items: a brand or generic with strength and quantity as prescribers write them ("Norco
 * 10/325mg #120", "Gabapentin 600 mg, 90 capsules"), or a compounded cream of two to four
 * ingredients; and the gold drug attributes that go with the wording. */
#include <stdio.h>
#include <string.h>

#include "gen/model.h"
#include "gen/sb.h"

/* The percent or unit strength normalised for gold: "10/325mg" -> "10/325 mg". */
static void gold_strength(char *out, size_t cap, const char *s, const char *unit)
{
    snprintf(out, cap, "%s %s", s, unit);
}

/* A compounded cream of two to four ingredients. */
static void compound_item(imrx_gen_rng_t *r, imrx_gen_letter_t *L, imrx_gen_item_t *it)
{
    int n = imrx_gen_range(r, 2, 4);
    it->ningr = 0;
    while (it->ningr < n) {
        unsigned k = imrx_gen_below(r, (uint32_t)imrx_gen_ningredients);
        int dup = 0;
        for (int i = 0; i < it->ningr; i++) dup |= it->ingr[i] == k;
        if (!dup) it->ingr[it->ningr++] = (unsigned char)k;
    }
    char list[160], mention[64], str[48];
    sb_t bl = {list, sizeof list, 0}, bm = {mention, sizeof mention, 0};
    sb_t bs = {str, sizeof str, 0};
    list[0] = mention[0] = str[0] = '\0';
    for (int i = 0; i < it->ningr; i++) {
        const imrx_gen_ingredient_t *g = &imrx_gen_ingredients[it->ingr[i]];
        int np = 0;
        while (np < 3 && g->pct[np]) np++;
        const char *pct = g->pct[imrx_gen_below(r, (uint32_t)np)];
        if (i) sb_add(&bl, "/"), sb_add(&bm, "/"), sb_add(&bs, "/");
        sb_add(&bl, g->name), sb_add(&bl, " "), sb_add(&bl, pct), sb_add(&bl, "%");
        sb_add(&bm, g->name);
        sb_add(&bs, pct), sb_add(&bs, " %");
    }
    static const int grams[] = {60, 120, 180, 240};
    int gm = IMRX_GEN_PICK(r, grams);
    sb_t b = {it->text, sizeof it->text, 0};
    switch (imrx_gen_below(r, 4)) {
    case 0:
        sb_add(&b, list), sb_add(&b, " cream "), sb_int(&b, gm), sb_add(&b, "gm");
        break;
    case 1:
        sb_add(&b, "Compound cream ("), sb_add(&b, list), sb_add(&b, ") "), sb_int(&b, gm);
        sb_add(&b, " gm");
        break;
    case 2:
        sb_add(&b, L->layout == GEN_LAYOUT_D ? "compounded " : "Compounded "), sb_add(&b, list);
        sb_add(&b, " cream, "), sb_int(&b, gm), sb_add(&b, " grams");
        break;
    default:
        sb_add(&b, "Topical compound "), sb_add(&b, list), sb_add(&b, ", "), sb_int(&b, gm);
        sb_add(&b, "g");
        break;
    }
    snprintf(it->mention, sizeof it->mention, "%s", mention);
    snprintf(it->strength, sizeof it->strength, "%s", str);
    it->qty = -1;
    it->drug = -2;
    it->kind = GEN_K_COMPOUND;
    it->noun = "the compounded cream";
    it->topics[0] = GEN_TP_TOPICAL;
    it->ntopic = 1;
}

static size_t pick_drug(imrx_gen_rng_t *r)
{
    unsigned total = 0;
    for (size_t i = 0; i < imrx_gen_ndrugs; i++) total += (unsigned)imrx_gen_drugs[i].weight;
    unsigned x = imrx_gen_below(r, total);
    for (size_t i = 0; i < imrx_gen_ndrugs; i++) {
        if (x < (unsigned)imrx_gen_drugs[i].weight) return i;
        x -= (unsigned)imrx_gen_drugs[i].weight;
    }
    return 0;
}

/* "Norco 10/325mg #120", with its gold attributes; `q` the quantity to write (-1: none). */
static void drug_text(imrx_gen_rng_t *r, const imrx_gen_drug_t *d, const char *name, const char *st,
                      int q, int style, char *out, size_t cap)
{
    sb_t b = {out, cap, 0};
    out[0] = '\0';
    const char *u = d->unit;
    int spaced = style & 1;
    int has_st = st && *st;
    if (!strcmp(d->form, "gel") || !strcmp(d->form, "cream")) {
        sb_add(&b, name), sb_add(&b, " "), sb_add(&b, d->form), sb_add(&b, " ");
        sb_add(&b, st), sb_add(&b, u), sb_add(&b, " "), sb_int(&b, q > 0 ? q : 60),
            sb_add(&b, "gm");
        if (style & 4) sb_add(&b, " with 2 refills");
        return;
    }
    sb_add(&b, name);
    if (has_st) sb_add(&b, " "), sb_add(&b, st), sb_add(&b, spaced ? " " : ""), sb_add(&b, u);
    if (!strcmp(d->form, "patches") || !strcmp(d->form, "films"))
        sb_add(&b, " "), sb_add(&b, (q == 4 || q == 10) && d->form[0] == 'p' ? "patch" : d->form);
    if (q > 0) {
        switch ((style >> 1) & 3) {
        case 0:
            sb_add(&b, " #"), sb_int(&b, q);
            break;
        case 1:
            sb_add(&b, ", #"), sb_int(&b, q);
            break;
        case 2:
            if (d->form[0] == 't' || d->form[0] == 'c') {
                sb_add(&b, ", "), sb_int(&b, q), sb_add(&b, " "), sb_add(&b, d->form);
            } else {
                sb_add(&b, " #"), sb_int(&b, q);
            }
            break;
        default:
            sb_add(&b, imrx_gen_chance(r, 0.5) ? ", 1 daily #" : " 1 tab every 8 hours #");
            sb_int(&b, q);
            break;
        }
        if (style & 8) sb_add(&b, " with 2 refills");
    }
}

void imrx_gen_drug_item(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L,
                        imrx_gen_item_t *it)
{
    if (imrx_gen_chance(r, 0.07)) {
        compound_item(r, L, it);
        return;
    }
    size_t k = pick_drug(r);
    for (int tries = 0; tries < 8; tries++) { /* a generic not already requested */
        int dup = 0;
        for (int i = 0; i < L->nitems; i++)
            if (L->items[i].drug >= 0 &&
                !strcmp(imrx_gen_drugs[L->items[i].drug].generic, imrx_gen_drugs[k].generic))
                dup = 1;
        if (!dup) break;
        k = pick_drug(r);
    }
    const imrx_gen_drug_t *d = &imrx_gen_drugs[k];
    it->drug = (short)k;
    it->kind = GEN_K_DRUG;
    it->noun = NULL;
    it->topics[0] = (unsigned char)d->topic;
    it->ntopic = 1;
    int nst = 0;
    while (nst < 5 && d->strengths[nst]) nst++;
    const char *st = nst ? d->strengths[imrx_gen_below(r, (uint32_t)nst)] : NULL;
    int nq = 0;
    while (nq < 4 && d->qty[nq]) nq++;
    int q = nq ? d->qty[imrx_gen_below(r, (uint32_t)nq)] : -1;
    int topical = !strcmp(d->form, "gel") || !strcmp(d->form, "cream");
    /* Now and then the letter leaves out the strength or the quantity. */
    if (st && !topical && imrx_gen_chance(r, 0.05)) st = NULL;
    if (q > 0 && !topical && imrx_gen_chance(r, 0.1)) q = -1;
    int style = (int)imrx_gen_below(r, 16);
    if ((style & 6) == 6 && d->form[0] != 't') style &= ~4; /* "1 daily" fits tablets only */
    if (imrx_gen_chance(r, 0.7)) style &= ~8;               /* refills are rarer */
    char name[48];
    snprintf(name, sizeof name, "%s", d->name);
    if (L->layout == GEN_LAYOUT_D && !d->brand && imrx_gen_chance(r, 0.5))
        name[0] = (char)(name[0] | 0x20); /* lowercase generic names in the 2013 prose */
    snprintf(it->mention, sizeof it->mention, "%s", name);
    it->strength[0] = '\0';
    if (st) gold_strength(it->strength, sizeof it->strength, st, d->unit);
    it->qty = topical ? -1 : q;
    int gm = topical ? IMRX_GEN_PICK(r, ((const int[]){30, 60, 100, 120})) : q;
    if (q > 0 && !topical && L->layout == GEN_LAYOUT_A && q >= 30 &&
        imrx_gen_chance(r, c->partial_rate * 1.5)) {
        int auth = q / (imrx_gen_chance(r, 0.5) ? 2 : 3);
        style &= ~8;
        drug_text(r, d, name, st, q, style, it->orig, sizeof it->orig);
        drug_text(r, d, name, st, auth, style, it->auth, sizeof it->auth);
        drug_text(r, d, name, st, q - auth, style, it->text, sizeof it->text);
        it->qty = q - auth;
        it->partial = 1;
        return;
    }
    drug_text(r, d, name, st, topical ? gm : q, style, it->text, sizeof it->text);
    if (!st && q <= 0 && !topical) it->qty = -1;
}