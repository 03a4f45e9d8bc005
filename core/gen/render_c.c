/* Layout C: "MEDICAL PROFESSIONAL REVIEW", a header of one label per line, the issues with their
 * verdicts, the summary, documents, then guidelines and rationales numbered to match the issues,
 * and the reviewer's qualifications last. */
#include <string.h>

#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

static void label_date(imrx_gen_ctx_t *x, const char *label, imrx_gen_date_t d)
{
    imrx_buf_t *b = x->scratch;
    imrx_buf_clear(b);
    imrx_buf_puts(b, label);
    imrx_gen_date_put(b, d, GEN_D_SLASH);
    imrx_gen_line(x->t, b->data, GEN_L_GLUE);
}

/* Long headings wrap before their last word, as pdftotext prints them. */
static void long_heading(imrx_gen_ctx_t *x, const char *first, const char *last)
{
    if (imrx_gen_chance(x->r, 0.85)) {
        imrx_gen_line(x->t, first, 0);
        imrx_gen_line(x->t, last, GEN_L_GLUE);
    } else {
        imrx_buf_t *b = x->scratch;
        imrx_buf_clear(b);
        imrx_gen_fmt(b, "%s %s", first, last);
        imrx_gen_line(x->t, b->data, 0);
    }
}

void imrx_gen_render_c(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    imrx_buf_t *b = x->scratch;
    imrx_gen_line(x->t, "MEDICAL PROFESSIONAL REVIEW", 0);
    imrx_gen_blank(x->t);
    imrx_buf_clear(b), imrx_gen_fmt(b, "IMR Case Number: %s", L->case_number);
    imrx_gen_line(x->t, b->data, 0);
    label_date(x, "Date of Injury: ", L->injury);
    label_date(x, "Decision Date: ", L->decision);
    label_date(x, "UR Denial Date: ", L->ur);
    label_date(x, "Application Received: ", L->app);
    imrx_gen_line(x->t, L->priority ? "Priority: Expedited" : "Priority: Standard", GEN_L_GLUE);
    L->shown |= GEN_S_CASE | GEN_S_INJURY | GEN_S_DECISION | GEN_S_UR | GEN_S_APP | GEN_S_PRIORITY;
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "ISSUE AT DISPUTE:", 0);
    int caps = imrx_gen_chance(x->r, 0.8);
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        imrx_gen_med_note_item(L, it);
        imrx_gen_pf(x->t, "%d) %s", i + 1, it->text);
        const char *v =
            it->overturned ? (caps ? "OVERTURNED" : "Overturned") : (caps ? "UPHELD" : "Upheld");
        imrx_gen_verdict(x->t, NULL, v, imrx_gen_chance(x->r, 0.06 * x->noise));
    }
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "CASE SUMMARY:", 0);
    x->para_gap = 0;
    imrx_gen_narrative(x);
    if (imrx_gen_chance(x->r, 0.5)) imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "DOCUMENTS REVIEWED FOR DETERMINATION:", 0);
    imrx_gen_documents(x, 0);
    imrx_gen_blank(x->t);
    long_heading(x, "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND",
                 "WHY:");
    for (int i = 0; i < L->nitems; i++) {
        imrx_gen_pf(x->t, "%d) ", i + 1);
        imrx_gen_cite_c(x, &L->items[i]);
        imrx_gen_flush(x->t, 0);
    }
    imrx_gen_blank(x->t);
    long_heading(x, "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY",
                 "NECESSARY:");
    for (int i = 0; i < L->nitems; i++) {
        imrx_gen_pf(x->t, "%d)", i + 1);
        imrx_gen_rationale(x, &L->items[i], GEN_CONCL_REQUEST);
        imrx_gen_flush(x->t, GEN_W_BREAKS);
    }
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "MEDICAL REVIEWER QUALIFICATIONS:", 0);
    imrx_gen_credentials(x);
}
