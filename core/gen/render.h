/* Shared by the parts that write a letter's text: the narrative, the citations and rationales,
 * and the four layout renderers. */
#ifndef IMRX_GEN_RENDER_H
#define IMRX_GEN_RENDER_H

#include "gen/model.h"
#include "gen/text.h"

typedef struct imrx_gen_ctx {
    const imrx_gen_config_t *c;
    imrx_gen_rng_t *r;
    imrx_gen_letter_t *L;
    imrx_gen_text_t *t;
    double noise;
    int curly;           /* curly quotes and apostrophes in the prose */
    double p_nbsp;       /* a non-breaking space between a number and its unit */
    int date_style;      /* GEN_D_* of the narrative */
    int para_gap;        /* blank lines between paragraphs */
    const char *pt;      /* "the injured worker", "the patient", ... */
    imrx_buf_t *scratch; /* a line being assembled */
    int seed_style;      /* headerless copy in the seed letter's style (spaces, blank lines) */
} imrx_gen_ctx_t;

/* Pronouns and the patient. */
const char *imrx_gen_he(const imrx_gen_ctx_t *x, int cap);
const char *imrx_gen_his(const imrx_gen_ctx_t *x, int cap);

/* Appends a date in the narrative's style (or `style` if >= 0) to the paragraph. */
void imrx_gen_put_date(imrx_gen_ctx_t *x, imrx_gen_date_t d, int style);
/* Appends an item as prose names it (first letter lower case unless an acronym or a brand). */
void imrx_gen_put_item(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, const char *text);
/* Opening and closing quotes, straight or curly. */
const char *imrx_gen_oq(const imrx_gen_ctx_t *x);
const char *imrx_gen_cq(const imrx_gen_ctx_t *x);

/* The clinical case summary (narrative.c), paragraphs flushed. */
void imrx_gen_narrative(imrx_gen_ctx_t *x);
/* A visit date between the injury and the utilization review. */
imrx_gen_date_t imrx_gen_visit_date(imrx_gen_ctx_t *x);
/* Parts of the summary written by narrative_meds.c, into the paragraph being built. */
void imrx_gen_narr_medications(imrx_gen_ctx_t *x);
void imrx_gen_narr_request(imrx_gen_ctx_t *x);
void imrx_gen_narr_review(imrx_gen_ctx_t *x);

/* Guideline paragraphs (cite.c), appended to the paragraph being built. */
void imrx_gen_cite_a(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int maximus);
void imrx_gen_cite_b(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int maximus);
void imrx_gen_cite_c(imrx_gen_ctx_t *x, const imrx_gen_item_t *it);
void imrx_gen_cite_d(imrx_gen_ctx_t *x, const imrx_gen_item_t *it);
/* The gold guideline strings of an item: count, and each into out[i] (size 128). */
int imrx_gen_gold_titles(const imrx_gen_letter_t *L, const imrx_gen_item_t *it, char out[][128],
                         int max);

/* A rationale (rationale.c): sentences appended to the paragraph being built; `conclusion`
 * selects the closing sentence's wording (GEN_CONCL_*). */
enum { GEN_CONCL_SHORT, GEN_CONCL_AND_APPROPRIATE, GEN_CONCL_REQUEST };
void imrx_gen_rationale(imrx_gen_ctx_t *x, const imrx_gen_item_t *it, int conclusion);

/* Layout renderers (render_a.c, render_b.c, render_c.c, render_d.c). */
void imrx_gen_render_a(imrx_gen_ctx_t *x);
void imrx_gen_render_b(imrx_gen_ctx_t *x);
void imrx_gen_render_c(imrx_gen_ctx_t *x);
void imrx_gen_render_d(imrx_gen_ctx_t *x);
/* The reviewer's states and specialties as label lines (layouts A and C). */
void imrx_gen_credentials(imrx_gen_ctx_t *x);
/* The documents reviewed (layouts B, C, D): 0 plain lines, 1 numbered, 2 one paragraph. */
void imrx_gen_documents(imrx_gen_ctx_t *x, int style);
/* The reviewer as prose (layouts B and D): "Board Certified in X, has a subspecialty in Y and is
 * licensed to practice in California and Texas." */
void imrx_gen_reviewer_prose(imrx_gen_ctx_t *x, const char *who);

#endif
