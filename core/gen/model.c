/* The facts of a letter: layout, years and dates, case number, patient, reviewer, diagnoses and
 * the drugs its narrative will name. Items are drawn in items.c. */
#include <stdio.h>
#include <string.h>

#include "gen/model.h"

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
long imrx_gen_days(imrx_gen_date_t d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

imrx_gen_date_t imrx_gen_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    imrx_gen_date_t r = {(short)(y + (m <= 2)), (signed char)m, (signed char)d};
    return r;
}

imrx_gen_date_t imrx_gen_add_days(imrx_gen_date_t d, long n)
{
    return imrx_gen_from_days(imrx_gen_days(d) + n);
}

void imrx_gen_med_note(imrx_gen_letter_t *L, const char *generic, unsigned flags)
{
    for (int i = 0; i < L->nmeds; i++)
        if (!strcmp(L->meds[i].generic, generic)) {
            L->meds[i].flags |= (unsigned char)flags;
            return;
        }
    if (L->nmeds < GEN_MAX_MEDS)
        L->meds[L->nmeds++] = (imrx_gen_med_t){generic, (unsigned char)flags};
}

int imrx_gen_med_is_negated(const imrx_gen_letter_t *L, const char *generic)
{
    for (int i = 0; i < L->nneg; i++)
        if (!strcmp(imrx_gen_drugs[L->neg[i]].generic, generic)) return 1;
    return 0;
}

void imrx_gen_med_note_item(imrx_gen_letter_t *L, const imrx_gen_item_t *it)
{
    if (it->drug >= 0) imrx_gen_med_note(L, imrx_gen_drugs[it->drug].generic, GEN_MED_TAKEN);
    if (it->drug == -2)
        for (int i = 0; i < it->ningr; i++)
            imrx_gen_med_note(L, imrx_gen_ingredients[it->ingr[i]].generic, GEN_MED_TAKEN);
}

int imrx_gen_topic_title(const imrx_gen_letter_t *L, const imrx_gen_item_t *it, int topic)
{
    int t = imrx_gen_topics[topic].title;
    if (t == -2) t = imrx_gen_regions[it->region].chapter;
    if (t < 0) return -1;
    if (t == GEN_T_CHRONIC09 && L->cp16) t = GEN_T_CHRONIC16;
    if (t == GEN_T_OPIOID16 && L->layout != GEN_LAYOUT_A) t = GEN_T_CHRONIC09;
    if (t == GEN_T_GENERAL && L->layout != GEN_LAYOUT_A) t = GEN_T_IME;
    return t;
}

/* Letters per decision year (DWC and CWCI volumes; 2013 began in July). */
static const double year_volume[] = {
    /* 2013 */ 40, 137, 160, 170, 180, 185, 175, 150, 150, 145, 140, 141, /* 2025 */ 60,
};
static const int layout_lo[] = {2015, 2013, 2014, 2013};
static const int layout_hi[] = {GEN_YEAR_MAX, 2014, 2016, 2013};

static int pick_year(const imrx_gen_config_t *c, imrx_gen_rng_t *r, int layout)
{
    double w[GEN_YEAR_MAX - GEN_YEAR_MIN + 1];
    int lo = c->year_min > layout_lo[layout] ? c->year_min : layout_lo[layout];
    int hi = c->year_max < layout_hi[layout] ? c->year_max : layout_hi[layout];
    for (int y = GEN_YEAR_MIN; y <= GEN_YEAR_MAX; y++)
        w[y - GEN_YEAR_MIN] = (y >= lo && y <= hi) ? year_volume[y - GEN_YEAR_MIN] : 0;
    return GEN_YEAR_MIN + (int)imrx_gen_weighted(r, w, IMRX_GEN_COUNT(w));
}

static void dates(imrx_gen_rng_t *r, imrx_gen_letter_t *L)
{
    /* IMR decisions began in August 2013. */
    imrx_gen_date_t jan1 = {(short)L->year, 1, 1};
    long first = imrx_gen_days(jan1), span = 365;
    if (L->year == 2013) first += 212, span = 150;
    L->decision = imrx_gen_from_days(first + imrx_gen_below(r, (uint32_t)span));
    L->assigned = imrx_gen_add_days(L->decision, -imrx_gen_range(r, 7, 35));
    L->app = imrx_gen_add_days(L->assigned, -imrx_gen_range(r, 0, 14));
    L->ur = imrx_gen_add_days(L->app, -imrx_gen_range(r, 4, 25));
    double x = imrx_gen_unit(r);
    long back = x < 0.4   ? imrx_gen_range(r, 30, 540)
                : x < 0.8 ? imrx_gen_range(r, 540, 2200)
                          : imrx_gen_range(r, 2200, 9000);
    L->injury = imrx_gen_add_days(L->ur, -back);
}

static void case_number(imrx_gen_rng_t *r, imrx_gen_letter_t *L)
{
    /* 7919 is prime to 10: the numbers are distinct for two million letters of a seed, and the
     * 8/9 million range keeps clear of real case numbers. */
    unsigned long mix = (unsigned long)(L->seed * 2654435761u);
    unsigned long n = (L->index * 7919 + mix) % 2000000 + 8000000;
    if (L->layout == GEN_LAYOUT_D && imrx_gen_chance(r, 0.6))
        snprintf(L->case_number, sizeof L->case_number, "IMR %02d-%06lu", L->assigned.y % 100,
                 n % 100000 + 900000);
    else
        snprintf(L->case_number, sizeof L->case_number, "CM%02d-%07lu", L->assigned.y % 100, n);
}

static const double region_w[] = {32, 18, 4, 14, 12, 8, 3, 4, 5};

static int pick_side(imrx_gen_rng_t *r, int region)
{
    if (!imrx_gen_regions[region].lateral) return 0;
    double x = imrx_gen_unit(r);
    return x < 0.5 ? 1 : x < 0.88 ? 2 : 3;
}

static void diagnosis(imrx_gen_letter_t *L, const char *tpl, int side)
{
    if (L->ndx >= 5) return;
    char *out = L->dx[L->ndx];
    size_t n = 0;
    for (const char *p = tpl; *p && n + 12 < sizeof L->dx[0]; p++) {
        if (*p == '@') {
            const char *s = side == 1 ? "right" : side == 2 ? "left" : "bilateral";
            while (*s) out[n++] = *s++;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    for (int i = 0; i < L->ndx; i++)
        if (!strcmp(L->dx[i], out)) return;
    L->ndx++;
}

static void region_dx(imrx_gen_rng_t *r, imrx_gen_letter_t *L, int region, int side, int count)
{
    const imrx_gen_region_t *g = &imrx_gen_regions[region];
    int n = 0;
    while (n < 8 && g->dx[n]) n++;
    for (int i = 0; i < count; i++) diagnosis(L, g->dx[imrx_gen_below(r, (uint32_t)n)], side);
}

/* Generic names the letter already uses, so that a negated drug is not also taken. */
static int generic_used(const imrx_gen_letter_t *L, const char *g)
{
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        if (it->drug >= 0 && !strcmp(imrx_gen_drugs[it->drug].generic, g)) return 1;
        for (int k = 0; it->drug == -2 && k < it->ningr; k++)
            if (!strcmp(imrx_gen_ingredients[it->ingr[k]].generic, g)) return 1;
    }
    for (int i = 0; i < L->ncur; i++)
        if (!strcmp(imrx_gen_drugs[L->cur[i]].generic, g)) return 1;
    for (int i = 0; i < L->nneg; i++)
        if (!strcmp(imrx_gen_drugs[L->neg[i]].generic, g)) return 1;
    return 0;
}

static void narrative_drugs(imrx_gen_rng_t *r, imrx_gen_letter_t *L)
{
    int want = (int)imrx_gen_below(r, 5);
    L->ncur = 0;
    for (int tries = 0; L->ncur < want && tries < 20; tries++) {
        short k = (short)imrx_gen_below(r, (uint32_t)imrx_gen_ndrugs);
        if (!generic_used(L, imrx_gen_drugs[k].generic)) L->cur[L->ncur++] = k;
    }
    L->nneg = 0;
    int neg = imrx_gen_chance(r, 0.45) + imrx_gen_chance(r, 0.08);
    for (int tries = 0; L->nneg < neg && tries < 20; tries++) {
        short k = (short)imrx_gen_below(r, (uint32_t)imrx_gen_ndrugs);
        if (generic_used(L, imrx_gen_drugs[k].generic)) continue;
        L->neg_stopped[L->nneg] = (unsigned char)imrx_gen_chance(r, 0.6);
        L->neg[L->nneg++] = k;
    }
}

static void reviewer(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L)
{
    double x = imrx_gen_unit(r);
    L->nstates = x < 0.55 ? 1 : x < 0.88 ? 2 : 3;
    int ca = imrx_gen_chance(r, 0.65);
    for (int i = 0; i < L->nstates;) {
        unsigned char s = (unsigned char)(1 + imrx_gen_below(r, (uint32_t)imrx_gen_nstates - 1));
        if (i == 0 && ca) s = 0;
        int dup = 0;
        for (int k = 0; k < i; k++) dup |= L->states[k] == s;
        if (!dup) L->states[i++] = s;
    }
    if (ca && L->nstates > 1 && imrx_gen_chance(r, 0.4)) { /* California not always first */
        L->states[0] = L->states[L->nstates - 1];
        L->states[L->nstates - 1] = 0;
    }
    unsigned cat = L->nitems ? L->items[0].cat : GEN_CAT_PHARMA;
    x = imrx_gen_unit(r);
    int want = x < 0.5 ? 1 : x < 0.85 ? 2 : 3;
    L->nspec = 0;
    for (int tries = 0; L->nspec < want && tries < 40; tries++) {
        const imrx_gen_specialty_t *s =
            &imrx_gen_specialties[imrx_gen_below(r, (uint32_t)imrx_gen_nspecialties)];
        if (L->nspec == 0 && !(s->cats & (1u << cat))) continue;
        int dup = 0;
        for (int k = 0; k < L->nspec; k++) dup |= !strncmp(L->spec[k], s->name, 8);
        if (dup) continue;
        L->spec[L->nspec++] = s->typo && imrx_gen_chance(r, 0.06 * c->noise) ? s->typo : s->name;
    }
}

void imrx_gen_model(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L)
{
    L->layout = (int)imrx_gen_weighted(r, c->layout_w, GEN_NLAYOUT);
    L->rendering = L->layout == GEN_LAYOUT_A ? (int)imrx_gen_weighted(r, c->render_w, GEN_NRENDER)
                                             : GEN_R_PLAIN;
    L->year = pick_year(c, r, L->layout);
    dates(r, L);
    case_number(r, L);
    L->priority = imrx_gen_chance(r, c->expedited_rate);
    L->cp16 = L->layout == GEN_LAYOUT_A &&
              (L->year >= 2017 || (L->year == 2016 && imrx_gen_chance(r, 0.5)));
    L->sex = imrx_gen_chance(r, 0.42);
    L->age = imrx_gen_range(r, 19, 72) + (imrx_gen_chance(r, 0.3) ? imrx_gen_range(r, 0, 8) : 0);
    L->region = (int)imrx_gen_weighted(r, region_w, IMRX_GEN_COUNT(region_w));
    L->side = pick_side(r, L->region);
    L->region2 = -1;
    L->side2 = 0;
    if (imrx_gen_chance(r, 0.45)) {
        int k = (int)imrx_gen_weighted(r, region_w, IMRX_GEN_COUNT(region_w));
        if (k != L->region) L->region2 = k, L->side2 = pick_side(r, k);
    }
    imrx_gen_items(c, r, L);
    reviewer(c, r, L);
    L->ndx = 0;
    region_dx(r, L, L->region, L->side, 1 + imrx_gen_chance(r, 0.5));
    if (L->region2 >= 0) region_dx(r, L, L->region2, L->side2, 1);
    if (imrx_gen_chance(r, 0.35))
        diagnosis(L, imrx_gen_dx_other[imrx_gen_below(r, (uint32_t)imrx_gen_ndx_other)], 0);
    narrative_drugs(r, L);
}
