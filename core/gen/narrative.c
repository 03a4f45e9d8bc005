/* The clinical case summary: who was hurt and when, the diagnoses, findings, treatment so far,
 * medications (taken, stopped, denied), the request and the utilization review. Several
 * wordings for every sentence, chosen per letter. */
#include <string.h>

#include "gen/render.h"

#define PICK(a) IMRX_GEN_PICK(x->r, a)

const char *imrx_gen_he(const imrx_gen_ctx_t *x, int cap)
{
    if (x->L->sex) return cap ? "She" : "she";
    return cap ? "He" : "he";
}

const char *imrx_gen_his(const imrx_gen_ctx_t *x, int cap)
{
    if (x->L->sex) return cap ? "Her" : "her";
    return cap ? "His" : "his";
}

const char *imrx_gen_oq(const imrx_gen_ctx_t *x)
{
    return x->curly ? "\xe2\x80\x9c" : "\"";
}

const char *imrx_gen_cq(const imrx_gen_ctx_t *x)
{
    return x->curly ? "\xe2\x80\x9d" : "\"";
}

void imrx_gen_put_date(imrx_gen_ctx_t *x, imrx_gen_date_t d, int style)
{
    imrx_gen_date_put(&x->t->para, d, style >= 0 ? style : x->date_style);
}

void imrx_gen_put_item(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, const char *text)
{
    if (!it->proper && text[0] >= 'A' && text[0] <= 'Z') {
        char c[2] = {(char)(text[0] | 0x20), 0};
        imrx_gen_put(x->t, c);
        imrx_gen_put(x->t, text + 1);
    } else {
        imrx_gen_put(x->t, text);
    }
}

#define P(s)   imrx_gen_put(x->t, (s))
#define HE(c)  imrx_gen_he(x, (c))
#define HIS(c) imrx_gen_his(x, (c))

static void cap_pt(imrx_gen_ctx_t *x)
{
    char c[2] = {(char)(x->pt[0] & ~0x20), 0};
    P(c);
    P(x->pt + 1);
}

static void age_sex(imrx_gen_ctx_t *x)
{
    const imrx_gen_letter_t *L = x->L;
    static const char *const male[] = {"male", "male", "man", "gentleman"};
    static const char *const female[] = {"female", "female", "woman", "woman"};
    const char *sex = L->sex ? PICK(female) : PICK(male);
    switch (imrx_gen_below(x->r, 4)) {
    case 0:
        imrx_gen_pf(x->t, "a %d year old %s", L->age, sex);
        break;
    case 1:
        imrx_gen_pf(x->t, "a %d-year-old %s", L->age, sex);
        break;
    case 2:
        imrx_gen_pf(x->t, "a now %d-year-old %s", L->age, sex);
        break;
    default:
        imrx_gen_pf(x->t, "a %d year-old %s", L->age, sex);
        break;
    }
}

/* The date of injury as the summary gives it: now and then a day or a year off the header's,
 * as real letters are. */
static void injury_date(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    imrx_gen_date_t d = L->injury;
    if (imrx_gen_chance(x->r, 0.03 * x->noise))
        d = imrx_gen_add_days(d, imrx_gen_chance(x->r, 0.5) ? 1 : -1);
    L->narr_injury = d;
    imrx_gen_put_date(x, d, -1);
}

static void intro(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    const char *mech = imrx_gen_mechanisms[imrx_gen_below(x->r, (uint32_t)imrx_gen_nmechanisms)];
    int with_mech = imrx_gen_chance(x->r, 0.4);
    unsigned v = imrx_gen_below(x->r, 20);
    if (v == 0) { /* no age */
        L->age = -1;
        cap_pt(x);
        imrx_gen_pf(x->t, " is a %s %s who sustained an injury on ", L->sex ? "female" : "male",
                    imrx_gen_jobs[imrx_gen_below(x->r, (uint32_t)imrx_gen_njobs)]);
        injury_date(x);
        P(".");
        return;
    }
    if (v == 1) { /* no date of injury */
        cap_pt(x);
        P(" is ");
        age_sex(x);
        imrx_gen_pf(x->t, " who reported a cumulative trauma injury to the %s.",
                    imrx_gen_regions[L->region].plain);
        return;
    }
    switch (v % 6) {
    case 0: {
        static const char *const verbs[] = {" who sustained an industrial injury on ",
                                            " who sustained a work related injury on ",
                                            " who suffered an industrial injury on "};
        cap_pt(x), P(" is "), age_sex(x), P(PICK(verbs));
        injury_date(x);
        break;
    }
    case 1:
        imrx_gen_pf(x->t, "This %d-year-old %s %s was injured at work on ", L->age,
                    L->sex ? "female" : "male",
                    imrx_gen_jobs[imrx_gen_below(x->r, (uint32_t)imrx_gen_njobs)]);
        injury_date(x);
        break;
    case 2:
        cap_pt(x), P(" is "), age_sex(x), P(" with a date of injury of ");
        injury_date(x);
        with_mech = 0;
        break;
    case 3:
        P("According to the records, "), P(x->pt), P(", "), age_sex(x), P(", was injured on ");
        injury_date(x);
        break;
    case 4:
        cap_pt(x), P(" is "), age_sex(x), P(" who reported an industrial injury dated ");
        injury_date(x);
        with_mech = 0;
        break;
    default:
        if (imrx_gen_chance(x->r, 0.5)) {
            imrx_gen_pf(x->t, "The patient is %d years old. %s was injured on ", L->age,
                        L->sex ? "She" : "He");
        } else {
            cap_pt(x), P(" is "), age_sex(x), P(". The date of injury is ");
            with_mech = 0;
        }
        injury_date(x);
        break;
    }
    if (with_mech) P(" "), P(mech);
    P(".");
}

static void dx_list(imrx_gen_ctx_t *x, int semi)
{
    const imrx_gen_letter_t *L = x->L;
    int oxford = imrx_gen_chance(x->r, 0.4);
    for (int i = 0; i < L->ndx; i++) {
        if (i) {
            if (semi)
                P("; ");
            else if (i == L->ndx - 1)
                P(oxford && L->ndx > 2 ? ", and " : " and ");
            else
                P(", ");
        }
        P(L->dx[i]);
    }
}

static void diagnoses(imrx_gen_ctx_t *x)
{
    const imrx_gen_letter_t *L = x->L;
    if (!L->ndx) return;
    int comma = 0;
    for (int i = 0; i < L->ndx; i++) comma |= strchr(L->dx[i], ',') != NULL;
    int semi = comma ? imrx_gen_chance(x->r, 0.7) : imrx_gen_chance(x->r, 0.1);
    P(" ");
    switch (imrx_gen_below(x->r, 6)) {
    case 0:
        imrx_gen_pf(x->t, "%s was being treated for the diagnoses of ", HE(1));
        break;
    case 1:
        P("Diagnoses include ");
        break;
    case 2:
        P("The diagnoses are: ");
        break;
    case 3:
        imrx_gen_pf(x->t, "%s has been diagnosed with ", HE(1));
        break;
    case 4:
        cap_pt(x), P(" is undergoing treatment for: ");
        break;
    default:
        P("Current diagnoses: ");
        semi = 1;
        break;
    }
    dx_list(x, semi);
    P(".");
}

/* A visit date between the injury and the utilization review. */
imrx_gen_date_t imrx_gen_visit_date(imrx_gen_ctx_t *x)
{
    long a = imrx_gen_days(x->L->injury) + 20, b = imrx_gen_days(x->L->ur) - 3;
    if (b - a > 120) a = b - 120;
    if (b <= a) return x->L->ur;
    return imrx_gen_from_days(a + (long)imrx_gen_below(x->r, (uint32_t)(b - a)));
}

static void findings(imrx_gen_ctx_t *x)
{
    const imrx_gen_region_t *g = &imrx_gen_regions[x->L->region];
    int n = 0;
    while (n < 4 && g->exam[n]) n++;
    if (n == 0) return; /* a region without examination findings */
    int a = (int)imrx_gen_below(x->r, (uint32_t)n), b = (a + 1) % n;
    int pain = imrx_gen_range(x->r, 3, 9);
    P(" ");
    switch (imrx_gen_below(x->r, 3)) {
    case 0:
        P("At the visit of "), imrx_gen_put_date(x, imrx_gen_visit_date(x), -1);
        imrx_gen_pf(x->t, " %s reported %s pain rated %d out of 10.", HE(0), g->plain, pain);
        break;
    case 1:
        imrx_gen_pf(x->t, "On ");
        imrx_gen_put_date(x, imrx_gen_visit_date(x), -1);
        imrx_gen_pf(x->t, ", %s complained of %s pain, %d/10, worse with activity.", HE(0),
                    g->plain, pain);
        break;
    default:
        imrx_gen_pf(x->t, "%s describes constant %s pain rated %d-%d on a 10-point scale.", HE(1),
                    g->plain, pain - 1, pain);
        break;
    }
    if (imrx_gen_chance(x->r, 0.3))
        imrx_gen_pf(x->t, " %s said the pain medication %sonly takes the edge off%s.", HE(1),
                    imrx_gen_oq(x), imrx_gen_cq(x));
    switch (imrx_gen_below(x->r, 3)) {
    case 0:
        imrx_gen_pf(x->t, " Examination showed %s and %s.", g->exam[a], g->exam[b]);
        break;
    case 1:
        imrx_gen_pf(x->t, " On examination there was %s.", g->exam[a]);
        break;
    default:
        imrx_gen_pf(x->t, " Objective findings included %s, with %s.", g->exam[a], g->exam[b]);
        break;
    }
    switch (imrx_gen_below(x->r, 5)) {
    case 0:
        imrx_gen_pf(x->t, " %s is working with restrictions.", HE(1));
        break;
    case 1:
        imrx_gen_pf(x->t, " %s has not returned to work.", HE(1));
        break;
    case 2:
        imrx_gen_pf(x->t, " %s is temporarily totally disabled.", HE(1));
        break;
    case 3:
        /* A possessive: the apostrophe is curly in some copies. */
        P(" "), cap_pt(x), P(x->curly ? "\xe2\x80\x99" : "'");
        P("s work status is modified duty.");
        break;
    default:
        break;
    }
}

static void treatment(imrx_gen_ctx_t *x)
{
    static const char *const tx[] = {
        "physical therapy",      "acupuncture",   "chiropractic care", "a home exercise program",
        "activity modification", "injections",    "a TENS unit",       "bracing",
        "ice and heat",          "psychotherapy", "modified duty",     "massage",
    };
    int n = imrx_gen_range(x->r, 2, 5);
    unsigned used = 0;
    P(" ");
    P(imrx_gen_chance(x->r, 0.7) ? "Treatment to date has included "
                                 : "Prior treatment has consisted of ");
    for (int i = 0; i < n; i++) {
        unsigned k = imrx_gen_below(x->r, (uint32_t)IMRX_GEN_COUNT(tx));
        if (used & (1u << k)) continue;
        used |= 1u << k;
        if (k == 0 && imrx_gen_chance(x->r, 0.6)) {
            imrx_gen_pf(x->t, "%d sessions of physical therapy, ", imrx_gen_range(x->r, 6, 36));
            continue;
        }
        P(tx[k]);
        P(", ");
    }
    P("and medications.");
}

static void gap(imrx_gen_ctx_t *x)
{
    imrx_gen_flush(x->t, GEN_W_BREAKS);
    for (int i = 0; i < x->para_gap; i++) imrx_gen_blank(x->t);
}

void imrx_gen_narrative(imrx_gen_ctx_t *x)
{
    x->L->narr_injury.y = 0;
    x->L->narr_ur.y = 0;
    intro(x);
    diagnoses(x);
    int split = imrx_gen_chance(x->r, 0.5);
    if (split) gap(x);
    findings(x);
    treatment(x);
    imrx_gen_narr_medications(x);
    if (imrx_gen_chance(x->r, 0.3)) gap(x);
    imrx_gen_narr_request(x);
    imrx_gen_narr_review(x);
    imrx_gen_flush(x->t, GEN_W_BREAKS);
}
