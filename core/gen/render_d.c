/* Layout D (2013): "Notice of Independent Medical Review Determination", numbered determinations
 * in prose at the top, the dates of the review in prose, reviewer prose, a summary taken from the
 * utilization review, documents, and one block per item. */
#include <string.h>

#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

static const char *const disclaimers[] = {
    ("The expert reviewer was provided with the medical records in the case file. The case summary "
     "below was taken from the utilization review denial; the reviewer confirmed it against the "
     "records."),
    "Note: The case summary was taken from the utilization review denial.",
    ("The summary that follows was taken from the UR denial and checked against the records "
     "provided."),
};

void imrx_gen_render_d(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    imrx_buf_t *b = x->scratch;
    imrx_gen_line(x->t, "MAXIMUS FEDERAL SERVICES, INC.", 0);
    imrx_gen_line(x->t, "Notice of Independent Medical Review Determination", GEN_L_GLUE);
    imrx_buf_clear(b), imrx_buf_puts(b, "Dated: ");
    imrx_gen_date_put(b, L->decision, GEN_D_SLASH_NOPAD);
    imrx_gen_line(x->t, b->data, GEN_L_GLUE);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "[redacted]", 0);
    imrx_gen_line(x->t, "[redacted]", GEN_L_GLUE);
    imrx_gen_blank(x->t);
    imrx_buf_clear(b), imrx_gen_fmt(b, "IMR Case Number: %s", L->case_number);
    imrx_gen_line(x->t, b->data, 0);
    imrx_buf_clear(b), imrx_buf_puts(b, "Date of Injury: ");
    imrx_gen_date_put(b, L->injury, GEN_D_SLASH_NOPAD);
    imrx_gen_line(x->t, b->data, GEN_L_GLUE);
    imrx_gen_line(x->t, "Claims Number: [redacted]", GEN_L_GLUE);
    L->shown |= GEN_S_CASE | GEN_S_INJURY | GEN_S_DECISION;
    if (imrx_gen_chance(x->r, 0.85)) {
        imrx_gen_line(x->t, L->priority ? "Priority: Expedited" : "Priority: Standard", GEN_L_GLUE);
        L->shown |= GEN_S_PRIORITY;
    }
    imrx_gen_line(x->t, "Employee: [redacted]", GEN_L_GLUE);
    imrx_gen_line(x->t, "Claims Administrator: [redacted]", GEN_L_GLUE);
    imrx_gen_line(x->t, "Treating Provider: [redacted]", GEN_L_GLUE);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "Dear [redacted]:", 0);
    imrx_gen_blank(x->t);
    imrx_gen_pf(x->t,
                "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) "
                "of the workers' compensation case identified above, as required by California "
                "Labor Code section 4610.5. The determination for the disputed %s as follows:",
                L->nitems > 1 ? "items is" : "item is");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        imrx_gen_med_note_item(L, it);
        imrx_gen_pf(x->t,
                    "%d) MAXIMUS Federal Services, Inc. has determined the request for %s is "
                    "%smedically necessary and appropriate.",
                    i + 1, it->text, it->overturned ? "" : "not ");
        imrx_gen_flush(x->t, GEN_W_GLUE);
        if (i + 1 < L->nitems) imrx_gen_blank(x->t);
    }
    imrx_gen_blank(x->t);
    if (imrx_gen_chance(x->r, 0.5)) {
        P("The explanation of how this determination was made follows.");
        imrx_gen_flush(x->t, 0);
        imrx_gen_blank(x->t);
    }
    imrx_gen_line(x->t, "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE", 0);
    P("The application for Independent Medical Review was received on ");
    imrx_gen_date_put(&x->t->para, L->app, GEN_D_SLASH_NOPAD);
    P(". The utilization review denial is dated ");
    imrx_gen_date_put(&x->t->para, L->ur, GEN_D_SLASH_NOPAD);
    P(".");
    L->shown |= GEN_S_APP | GEN_S_UR;
    if (imrx_gen_chance(x->r, 0.9)) {
        P(" The case was assigned to MAXIMUS on ");
        imrx_gen_date_put(&x->t->para, L->assigned, GEN_D_SLASH_NOPAD);
        P(".");
        L->shown |= GEN_S_ASSIGNED;
    }
    P(" MAXIMUS Federal Services, Inc. sent the case file to an expert reviewer who has no "
      "affiliation with the parties, who is licensed in a specialty that treats the condition, "
      "and who reviewed all of the records in the case file.");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "Medical Qualifications of the Expert Reviewer:", 0);
    imrx_gen_reviewer_prose(x, "The expert reviewer");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "Case Summary:", 0);
    P(IMRX_GEN_PICK(x->r, disclaimers));
    imrx_gen_flush(x->t, 0);
    x->para_gap = 0;
    imrx_gen_narrative(x);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "Documents Reviewed for Determination:", 0);
    imrx_gen_documents(x, imrx_gen_chance(x->r, 0.5) ? 2 : 0);
    imrx_gen_blank(x->t);
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        imrx_gen_pf(x->t, "%d) Regarding the request for %s:", i + 1, it->text);
        imrx_gen_flush(x->t, GEN_W_GLUE);
        imrx_gen_line(x->t,
                      "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:", 0);
        imrx_gen_cite_d(x, it);
        imrx_gen_flush(x->t, 0);
        imrx_gen_line(x->t,
                      it->overturned
                          ? "Rationale Why Requested Treatment/Service Is Medically Necessary:"
                          : "Rationale Why Requested Treatment/Service Is Not Medically Necessary:",
                      0);
        imrx_gen_rationale(x, it, GEN_CONCL_AND_APPROPRIATE);
        imrx_gen_flush(x->t, GEN_W_BREAKS);
        imrx_gen_blank(x->t);
    }
    imrx_gen_line(x->t, "/signed/", 0);
    imrx_gen_line(x->t, "Medical Director", GEN_L_GLUE);
    imrx_gen_line(x->t, "MAXIMUS Federal Services, Inc.", GEN_L_GLUE);
    imrx_gen_blank(x->t);
    P("This determination is final and binding. It may be appealed only by a verified petition "
      "filed with the Workers' Compensation Appeals Board within 30 days of the mailing date, on "
      "the grounds set out in Labor Code section 4610.6(h).");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "cc: [redacted]", 0);
}
