/* Generating one letter: facts, then text in its layout, then pages and odd bytes, then gold.
 * Buffers live in the generator and are reused, so a million letters take no more memory than
 * one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "gen/gold.h"
#include "gen/render.h"

struct imrx_gen {
    imrx_gen_config_t c;
    imrx_gen_rng_t rng;
    imrx_gen_letter_t L;
    imrx_gen_text_t text;
    imrx_buf_t letter, gold, scratch;
};

imrx_gen_t *imrx_gen_new(const imrx_gen_config_t *c)
{
    imrx_gen_t *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    g->c = *c;
    imrx_gen_text_init(&g->text);
    imrx_buf_init(&g->letter);
    imrx_buf_init(&g->gold);
    imrx_buf_init(&g->scratch);
    return g;
}

void imrx_gen_free(imrx_gen_t *g)
{
    if (!g) return;
    imrx_gen_text_free(&g->text);
    imrx_buf_free(&g->letter);
    imrx_buf_free(&g->gold);
    imrx_buf_free(&g->scratch);
    free(g);
}

static int pick_date_style(imrx_gen_rng_t *r, int layout)
{
    static const double a[GEN_D_NSTYLES] = {0.12, 0.0, 0.3, 0.35, 0.1, 0.05, 0.08};
    static const double bc[GEN_D_NSTYLES] = {0.65, 0.2, 0.0, 0.0, 0.0, 0.1, 0.05};
    static const double d[GEN_D_NSTYLES] = {0.1, 0.8, 0.0, 0.0, 0.0, 0.1, 0.0};
    const double *w = layout == GEN_LAYOUT_A ? a : layout == GEN_LAYOUT_D ? d : bc;
    return (int)imrx_gen_weighted(r, w, GEN_D_NSTYLES);
}

/* Pages and line ends of this letter. */
static void pick_style(imrx_gen_ctx_t *x, imrx_gen_style_t *st)
{
    const imrx_gen_letter_t *L = x->L;
    imrx_gen_rng_t *r = x->r;
    double n = x->noise > 1 ? 1 : x->noise;
    memset(st, 0, sizeof *st);
    int a = L->layout == GEN_LAYOUT_A;
    st->page_lines = imrx_gen_range(r, 46, 60);
    st->ff = imrx_gen_chance(r, (a ? (L->rendering == GEN_R_HEADERLESS ? 0.6 : 0.9) : 0.5) * n);
    st->footer = imrx_gen_chance(r, (a ? 0.35 : 0.7) * n);
    if (!st->ff && !st->footer) st->page_lines = 0;
    st->repeat_case = st->footer && (L->shown & GEN_S_CASE) && imrx_gen_chance(r, 0.5);
    st->blank_before_ff = st->ff && L->rendering == GEN_R_RAW && imrx_gen_chance(r, 0.7);
    st->final_ff = st->ff && imrx_gen_chance(r, 0.9);
    st->trailing = imrx_gen_chance(r, 0.15 * n) ? 1 + (int)imrx_gen_below(r, 2) : 0;
    st->double_spaced = x->seed_style;
    st->crlf = imrx_gen_chance(r, 0.03 * n);
}

imrx_status_t imrx_gen_letter(imrx_gen_t *g, uint64_t index, imrx_gen_output_t *out)
{
    imrx_gen_letter_t *L = &g->L;
    memset(L, 0, sizeof *L);
    L->seed = g->c.seed;
    L->index = index;
    snprintf(L->name, sizeof L->name, "GEN-%llu-%07llu", (unsigned long long)g->c.seed,
             (unsigned long long)index);
    imrx_gen_rng_seed(&g->rng, g->c.seed, index);
    imrx_gen_model(&g->c, &g->rng, L);

    double noise = g->c.noise;
    imrx_gen_text_reset(&g->text, &g->rng, imrx_gen_range(&g->rng, 88, 98), noise);
    imrx_gen_ctx_t x = {
        .c = &g->c, .r = &g->rng, .L = L, .t = &g->text, .noise = noise, .scratch = &g->scratch};
    x.curly = imrx_gen_chance(&g->rng, 0.25 * noise);
    x.p_nbsp = noise > 0 && imrx_gen_chance(&g->rng, 0.3) ? 0.4 * noise : 0;
    x.date_style = pick_date_style(&g->rng, L->layout);
    static const char *const pts[] = {"the injured worker", "the injured worker", "the patient",
                                      "the claimant",       "the employee",       "the applicant"};
    x.pt = L->layout == GEN_LAYOUT_A && imrx_gen_chance(&g->rng, 0.6) ? "the injured worker"
                                                                      : IMRX_GEN_PICK(&g->rng, pts);
    x.seed_style = L->rendering == GEN_R_HEADERLESS && imrx_gen_chance(&g->rng, 0.5 * noise);
    switch (L->layout) {
    case GEN_LAYOUT_A:
        imrx_gen_render_a(&x);
        break;
    case GEN_LAYOUT_B:
        imrx_gen_render_b(&x);
        break;
    case GEN_LAYOUT_C:
        imrx_gen_render_c(&x);
        break;
    default:
        imrx_gen_render_d(&x);
        break;
    }
    imrx_gen_style_t st;
    pick_style(&x, &st);
    imrx_buf_clear(&g->letter);
    imrx_gen_finish(&g->text, &st, (L->shown & GEN_S_CASE) ? L->case_number : NULL, &g->letter);
    imrx_buf_clear(&g->gold);
    imrx_gen_gold(L, &g->gold);
    if (g->letter.failed || g->gold.failed || g->text.failed || g->scratch.failed)
        return IMRX_ENOMEM;
    out->name = L->name;
    out->text = g->letter.data;
    out->text_len = g->letter.len;
    out->gold = g->gold.data;
    out->gold_len = g->gold.len;
    out->letter = L;
    return IMRX_OK;
}

int imrx_gen_letter_items(const imrx_gen_letter_t *L)
{
    return L->nitems;
}
