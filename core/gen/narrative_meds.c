/* The second half of the clinical case summary: the drugs taken, stopped and denied, the
 * request, and the utilization review with (or without) its date. */
#include <string.h>

#include "gen/render.h"

#define PICK(a) IMRX_GEN_PICK(x->r, a)
#define P(s)    imrx_gen_put(x->t, (s))
#define HE(c)   imrx_gen_he(x, (c))

/* A number and its unit, now and then with a non-breaking space as some PDFs have. */
static void num_unit(imrx_gen_ctx_t *x, const char *num, const char *unit)
{
    P(num);
    P(imrx_gen_chance(x->r, x->p_nbsp) ? "\xc2\xa0" : " ");
    P(unit);
}

/* A drug as the narrative names it: "Norco", "gabapentin 300 mg three times daily". */
static void med_mention(imrx_gen_ctx_t *x, const imrx_gen_drug_t *d, int detail)
{
    int lower = !d->brand && imrx_gen_chance(x->r, 0.5);
    if (lower) {
        char c[2] = {(char)(d->name[0] | 0x20), 0};
        P(c), P(d->name + 1);
    } else {
        P(d->name);
    }
    /* Terocin names the lidocaine-menthol patch only with "patches"; alone it is the lotion. */
    if (!strcmp(d->cls, "compounded topical")) P(" patches");
    if (detail && d->strengths[0] && d->unit[0] != '%') {
        static const char *const sig[] = {" daily",     " twice daily", " three times a day",
                                          " as needed", " at bedtime",  ""};
        P(" ");
        num_unit(x, d->strengths[0], d->unit);
        P(PICK(sig));
    }
}

void imrx_gen_narr_medications(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    if (L->ncur) {
        int detail = imrx_gen_chance(x->r, 0.4);
        P(" ");
        switch (imrx_gen_below(x->r, 6)) {
        case 0:
            P("Medications have included ");
            break;
        case 1:
            P("Current medications are ");
            break;
        case 2:
            imrx_gen_pf(x->t, "%s takes ", HE(1));
            break;
        case 3:
            imrx_gen_pf(x->t, "%s is currently prescribed ", HE(1));
            break;
        case 4:
            P("The medication regimen includes ");
            break;
        default:
            P("Medications: ");
            break;
        }
        for (int i = 0; i < L->ncur; i++) {
            if (i) P(i == L->ncur - 1 ? " and " : ", ");
            const imrx_gen_drug_t *d = &imrx_gen_drugs[L->cur[i]];
            med_mention(x, d, detail);
            imrx_gen_med_note(L, d->generic, GEN_MED_TAKEN);
        }
        P(".");
    }
    static const char *const reasons[] = {"drowsiness",   "nausea",        "dizziness",
                                          "constipation", "stomach upset", "weight gain"};
    for (int i = 0; i < L->nneg; i++) {
        const imrx_gen_drug_t *d = &imrx_gen_drugs[L->neg[i]];
        P(" ");
        if (L->neg_stopped[i]) {
            switch (imrx_gen_below(x->r, 5)) {
            case 4:
                med_mention(x, d, 0);
                imrx_gen_pf(x->t, " was discontinued due to %s.", PICK(reasons));
                break;
            case 0:
                imrx_gen_pf(x->t, "%s is no longer taking ", HE(1));
                med_mention(x, d, 0);
                imrx_gen_pf(x->t, " because of %s.", PICK(reasons));
                break;
            case 1:
                imrx_gen_pf(x->t, "%s discontinued ", HE(1));
                med_mention(x, d, 0);
                imrx_gen_pf(x->t, " in %d because it caused %s.", L->ur.y - 1, PICK(reasons));
                break;
            case 2:
                imrx_gen_pf(x->t, "%s was weaned off ", HE(1));
                med_mention(x, d, 0);
                P(".");
                break;
            default:
                imrx_gen_pf(x->t, "%s stopped ", HE(1));
                med_mention(x, d, 0);
                imrx_gen_pf(x->t, " after %s developed %s.", HE(0), PICK(reasons));
                break;
            }
            imrx_gen_med_note(L, d->generic, GEN_MED_STOPPED);
        } else {
            switch (imrx_gen_below(x->r, 4)) {
            case 3:
                imrx_gen_pf(x->t, "%s is not taking ", HE(1));
                med_mention(x, d, 0);
                P(".");
                break;
            case 0:
                imrx_gen_pf(x->t, "%s denies taking ", HE(1));
                med_mention(x, d, 0);
                P(".");
                break;
            case 1:
                imrx_gen_pf(x->t, "%s has never used ", HE(1));
                med_mention(x, d, 0);
                P(".");
                break;
            default:
                P("There is no history of ");
                med_mention(x, d, 0);
                P(" use.");
                break;
            }
            imrx_gen_med_note(L, d->generic, GEN_MED_DENIED);
        }
    }
    if (imrx_gen_chance(x->r, 0.15))
        imrx_gen_pf(x->t, " %s denies use of %s.", HE(1),
                    imrx_gen_chance(x->r, 0.5) ? "opioids" : "muscle relaxants");
}

void imrx_gen_narr_request(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    P(" ");
    switch (imrx_gen_below(x->r, 4)) {
    case 0:
        P("On "), imrx_gen_put_date(x, imrx_gen_visit_date(x), -1),
            P(", the treating provider requested ");
        break;
    case 1:
        P("The treatment plan included ");
        break;
    case 2:
        P("A request was submitted for ");
        break;
    default:
        P("The provider requested authorization for ");
        break;
    }
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        if (i) P(i == L->nitems - 1 ? " and " : ", ");
        imrx_gen_put_item(x, it, it->partial ? it->orig : it->text);
        imrx_gen_med_note_item(L, it);
    }
    P(".");
}

void imrx_gen_narr_review(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    int partial = 0;
    for (int i = 0; i < L->nitems; i++) partial |= L->items[i].partial;
    const char *reqs = L->nitems > 1 ? "requests" : "request";
    unsigned v = imrx_gen_below(x->r, 9);
    if (L->layout == GEN_LAYOUT_D && imrx_gen_chance(x->r, 0.5)) v = 8;
    P(" ");
    switch (v) {
    case 0:
        P("On "), imrx_gen_put_date(x, L->ur, -1);
        imrx_gen_pf(x->t, ", utilization review %s the %s.", partial ? "modified" : "non-certified",
                    reqs);
        break;
    case 1:
        imrx_gen_pf(x->t, "The %s %s non-certified at utilization review on ", reqs,
                    L->nitems > 1 ? "were" : "was");
        imrx_gen_put_date(x, L->ur, -1);
        P(".");
        break;
    case 2:
        P("Utilization review dated "), imrx_gen_put_date(x, L->ur, -1);
        imrx_gen_pf(x->t, " %s the %s.", partial ? "modified" : "denied", reqs);
        break;
    case 3:
        imrx_gen_pf(x->t, "The UR of ");
        imrx_gen_put_date(x, L->ur, -1);
        imrx_gen_pf(x->t, " %s.", partial ? "modified the request" : "did not certify the request");
        break;
    case 4:
        imrx_gen_pf(x->t, "The Utilization Review on ");
        imrx_gen_put_date(x, L->ur, -1);
        imrx_gen_pf(x->t, " %s the %s.", partial ? "modified" : "non-certified", reqs);
        break;
    case 5: /* the review's own date, spelled out */
        P("In a utilization review report dated ");
        imrx_gen_put_date(x, L->ur, imrx_gen_chance(x->r, 0.5) ? GEN_D_LONG : -1);
        imrx_gen_pf(x->t, ", the %s %s %s.", reqs, L->nitems > 1 ? "were" : "was",
                    partial ? "modified" : "non-certified");
        break;
    case 6:
        P("The original utilization review dated "), imrx_gen_put_date(x, L->ur, -1);
        imrx_gen_pf(x->t, " %s the %s.", partial ? "modified" : "non-certified", reqs);
        break;
    case 7:
        imrx_gen_pf(x->t, "The %s %s noncertified by Utilization Review on ", reqs,
                    L->nitems > 1 ? "were" : "was");
        imrx_gen_put_date(x, L->ur, -1);
        P(".");
        break;
    default: /* no date */
        imrx_gen_pf(x->t, "Utilization review %s the %s.", partial ? "modified" : "non-certified",
                    reqs);
        return;
    }
    L->narr_ur = L->ur;
}
