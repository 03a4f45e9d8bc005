/* Decision rationales: what the guideline says, how the case measures up, now and then a drug
 * named in passing, and the conclusion. %s in a sentence is the thing requested. */
#include <stdio.h>
#include <string.h>

#include "gen/rationale.h"
#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

static int family_of(const imrx_gen_item_t *it)
{
    if (it->drug >= 0) {
        static const int rx[GEN_NRX] = {F_OPIOID,  F_NSAID, F_MUSCLE,  F_AED,   F_PPI,
                                        F_TOPICAL, F_SLEEP, F_ANTIDEP, F_BENZO, F_DRUG};
        return rx[imrx_gen_drugs[it->drug].rx];
    }
    switch (it->kind) {
    case GEN_K_COMPOUND:
        return F_TOPICAL;
    case GEN_K_PT:
    case GEN_K_PT_POSTOP:
    case GEN_K_AQUATIC:
    case GEN_K_OT:
    case GEN_K_MASSAGE:
    case GEN_K_WORKHARD:
        return F_PT;
    case GEN_K_CHIRO:
        return F_MANUAL;
    case GEN_K_ACU:
        return F_ACU;
    case GEN_K_ESI:
        return F_ESI;
    case GEN_K_FACET:
    case GEN_K_RFA:
        return F_FACET;
    case GEN_K_TPI:
    case GEN_K_JOINT:
    case GEN_K_PRP:
    case GEN_K_BLOCK:
        return F_INJECT;
    case GEN_K_MRI:
    case GEN_K_XRAY:
    case GEN_K_CT:
    case GEN_K_US:
        return F_IMAGING;
    case GEN_K_EMG:
        return F_EMG;
    case GEN_K_UDS:
    case GEN_K_FCE:
    case GEN_K_SLEEP:
    case GEN_K_LAB:
        return F_TEST;
    case GEN_K_TENS:
    case GEN_K_BRACE:
    case GEN_K_COLD:
    case GEN_K_DME:
        return F_DEVICE;
    case GEN_K_SURG:
    case GEN_K_ASSIST:
    case GEN_K_PREOP:
    case GEN_K_STAY:
        return F_SURGERY;
    case GEN_K_FOLLOWUP:
    case GEN_K_CONSULT:
        return F_VISIT;
    case GEN_K_PSYEVAL:
    case GEN_K_CBT:
    case GEN_K_BIOFEED:
        return F_PSYCH;
    case GEN_K_FRP:
    case GEN_K_GYM:
    case GEN_K_WEIGHT:
        return F_PROGRAM;
    case GEN_K_HOME:
        return F_HOME;
    default:
        return F_SUPPORT;
    }
}

static int count3(const char *const *a, int max)
{
    int n = 0;
    while (n < max && a[n]) n++;
    return n;
}

/* A sentence with %s for the thing requested. */
static void sentence(imrx_gen_ctx_t *x, const char *s, const char *ref)
{
    P(" ");
    imrx_gen_pf(x->t, s, ref);
}

void imrx_gen_rationale(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int conclusion)
{
    const imrx_gen_family_t *f = &imrx_gen_families[family_of(it)];
    char ref[80];
    if (it->drug >= 0)
        snprintf(ref, sizeof ref, "%s", it->mention);
    else
        snprintf(ref, sizeof ref, "%s", it->noun ? it->noun : "the requested service");
    int ng = count3(f->guide, 4), nu = count3(f->up, 4), no = count3(f->over, 3);
    int g = (int)imrx_gen_below(x->r, (uint32_t)ng);
    sentence(x, f->guide[g], ref);
    if (ng > 1 && imrx_gen_chance(x->r, 0.5)) sentence(x, f->guide[(g + 1) % ng], ref);
    const char *const *why = it->overturned ? f->over : f->up;
    int nw = it->overturned ? no : nu;
    int w = (int)imrx_gen_below(x->r, (uint32_t)nw);
    sentence(x, why[w], ref);
    if (nw > 1 && imrx_gen_chance(x->r, 0.5)) sentence(x, why[(w + 1) % nw], ref);
    /* Now and then a drug named in passing; never one the summary says was not taken. */
    if (it->drug >= 0 && imrx_gen_chance(x->r, 0.3)) {
        int rx = imrx_gen_drugs[it->drug].rx;
        for (size_t k = imrx_gen_below(x->r, (uint32_t)imrx_gen_nasides), n = 0;
             n < imrx_gen_nasides; n++, k = (k + 1) % imrx_gen_nasides) {
            const imrx_gen_aside_t *a = &imrx_gen_asides[k];
            if (a->rx != rx || imrx_gen_med_is_negated(x->L, a->generic[0]) ||
                (a->generic[1] && imrx_gen_med_is_negated(x->L, a->generic[1])))
                continue;
            P(" "), P(a->text);
            for (int i = 0; i < 2 && a->generic[i]; i++)
                imrx_gen_med_note(x->L, a->generic[i], GEN_MED_ASIDE);
            break;
        }
    }
    P(" ");
    const char *nmn = it->overturned ? "" : "not ";
    const char *tail = conclusion == GEN_CONCL_AND_APPROPRIATE ? " and appropriate" : "";
    switch (conclusion == GEN_CONCL_REQUEST ? 0 : imrx_gen_below(x->r, 3)) {
    case 0:
        imrx_gen_pf(x->t, "The request is %smedically necessary%s.", nmn, tail);
        break;
    case 1:
        P(it->partial ? "The remaining " : "The request for ");
        imrx_gen_put_item(x, it, it->text);
        imrx_gen_pf(x->t, " is %smedically necessary%s.", nmn, tail);
        break;
    default:
        imrx_gen_pf(x->t, "Therefore, %s is %smedically necessary%s.",
                    it->overturned ? "the request" : "the request as written", nmn, tail);
        break;
    }
}
