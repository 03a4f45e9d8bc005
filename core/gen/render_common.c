/* Parts several layouts share: the reviewer's credentials, as label lines or as prose, and the
 * list of documents reviewed. */
#include <string.h>

#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

void imrx_gen_credentials(imrx_gen_ctx_t *x)
{
    const imrx_gen_letter_t *L = x->L;
    const char *sep = imrx_gen_chance(x->r, 0.3) ? "," : ", ";
    P("State(s) of Licensure: ");
    for (int i = 0; i < L->nstates; i++) {
        if (i) P(sep);
        P(imrx_gen_states[L->states[i]].name);
    }
    imrx_gen_flush(x->t, GEN_W_GLUE);
    P("Certification(s)/Specialty: ");
    for (int i = 0; i < L->nspec; i++) {
        if (i) P(", ");
        P(L->spec[i]);
    }
    imrx_gen_flush(x->t, GEN_W_GLUE);
}

void imrx_gen_reviewer_prose(imrx_gen_ctx_t *x, const char *who)
{
    imrx_gen_letter_t *L = x->L;
    /* Prose names at most a board certification and a subspecialty: a third would not split
     * cleanly on commas, so the letter (and its gold) keeps two. */
    if (L->nspec > 2) L->nspec = 2;
    imrx_gen_pf(x->t, "%s is Board Certified in %s", who, L->spec[0]);
    if (L->nspec > 1) imrx_gen_pf(x->t, ", has a subspecialty in %s", L->spec[1]);
    P(" and is licensed to practice in ");
    for (int i = 0; i < L->nstates; i++) {
        if (i) P(i == L->nstates - 1 ? " and " : ", ");
        P(imrx_gen_states[L->states[i]].name);
    }
    P(".");
}

/* A date between the injury and the utilization review, for document lists. */
static imrx_gen_date_t between(imrx_gen_ctx_t *x, long from_end)
{
    long a = imrx_gen_days(x->L->injury) + 10, b = imrx_gen_days(x->L->ur) - from_end;
    if (b - a > 365) a = b - 365; /* the records of the last year */
    if (b <= a) return x->L->ur;
    return imrx_gen_from_days(a + (long)imrx_gen_below(x->r, (uint32_t)(b - a)));
}

void imrx_gen_documents(imrx_gen_ctx_t *x, int style)
{
    const imrx_gen_letter_t *L = x->L;
    int ds = L->layout == GEN_LAYOUT_D ? GEN_D_SLASH_NOPAD : GEN_D_SLASH;
    imrx_gen_date_t first = between(x, 90), last = between(x, 5);
    if (imrx_gen_days(first) > imrx_gen_days(last)) {
        imrx_gen_date_t t = first;
        first = last, last = t;
    }
    const char *region = imrx_gen_regions[L->region].adj;
    int n = 0;
    for (int k = 0; k < 5; k++) {
        if (k == 3 && imrx_gen_chance(x->r, 0.4)) continue;
        if (style == 1) imrx_gen_pf(x->t, "%d. ", ++n);
        if (style == 2 && k) P("; ");
        switch (k) {
        case 0:
            P("Application of Independent Medical Review, ");
            P(L->layout == GEN_LAYOUT_B ? "dated " : "received ");
            imrx_gen_date_put(&x->t->para, L->app, ds);
            break;
        case 1:
            P("Utilization review determination, dated ");
            imrx_gen_date_put(&x->t->para, L->ur, ds);
            break;
        case 2:
            P("Primary treating physician progress reports, dated ");
            imrx_gen_date_put(&x->t->para, first, ds);
            P(" through ");
            imrx_gen_date_put(&x->t->para, last, ds);
            break;
        case 3: {
            char c[2] = {(char)(region[0] & ~0x20), 0};
            P(c), P(region + 1), P(" MRI report, dated ");
            imrx_gen_date_put(&x->t->para, between(x, 30), ds);
            break;
        }
        default:
            P("Physical therapy notes, dated ");
            imrx_gen_date_put(&x->t->para, first, ds);
            P(" through ");
            imrx_gen_date_put(&x->t->para, last, ds);
            break;
        }
        if (style != 2) imrx_gen_flush(x->t, GEN_W_GLUE);
    }
    if (style == 2) {
        P(".");
        imrx_gen_flush(x->t, 0);
    }
}
