/* Layout B (2013-2014): "MAXIMUS FEDERAL SERVICES, INC. / Independent Medical Review", a header of
 * label pairs, the disputed treatments, the final determination, reviewer prose, documents, the
 * summary, numbered decisions and a closing. */
#include <string.h>

#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

static void pad_to(imrx_buf_t *b, size_t col)
{
    while (b->len < col) imrx_buf_putc(b, ' ');
}

static void pair(imrx_gen_ctx_t *x, const char *l1, const char *v1, const char *l2,
                 imrx_gen_date_t d2, size_t c1, size_t c2, size_t c3)
{
    imrx_buf_t *b = x->scratch;
    imrx_buf_clear(b);
    imrx_buf_puts(b, l1), pad_to(b, c1), imrx_buf_puts(b, v1);
    if (l2) {
        pad_to(b, c2), imrx_buf_puts(b, l2), pad_to(b, c3);
        imrx_gen_date_put(b, d2, GEN_D_SLASH);
    }
    imrx_gen_line(x->t, b->data, GEN_L_GLUE);
}

static const char *const how_b[] = {
    "MAXIMUS Federal Services sent the complete case file to a physician reviewer who has no "
    "affiliation with the employer, the employee, the providers or the claims administrator. The "
    "reviewer holds an active license, has at least five years of clinical practice, and was "
    "selected for experience with the condition and the care in dispute. The reviewer applied the "
    "Medical Treatment Utilization Schedule (MTUS) and the strength of evidence hierarchy that "
    "California law sets for these reviews.",
    "MAXIMUS Federal Services sent the complete case file to a physician reviewer. The reviewer is "
    "independent of every party to the dispute, is licensed and in active practice, and is "
    "qualified in a specialty that treats the condition at issue. The decision applies the "
    "standards of the Medical Treatment Utilization Schedule (MTUS) in the order California law "
    "requires.",
};

void imrx_gen_render_b(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    imrx_buf_t *b = x->scratch;
    imrx_gen_line(x->t, "MAXIMUS FEDERAL SERVICES, INC.", 0);
    imrx_gen_line(x->t, "Independent Medical Review", GEN_L_GLUE);
    imrx_gen_line(x->t, "P.O. Box 138009", GEN_L_GLUE);
    imrx_gen_line(x->t, "Sacramento, CA 95813-8009", GEN_L_GLUE);
    imrx_gen_line(x->t, "Fax: (916) 605-4270", GEN_L_GLUE);
    imrx_gen_blank(x->t);
    imrx_buf_clear(b), imrx_buf_puts(b, "Dated: "), imrx_gen_date_put(b, L->decision, GEN_D_SLASH);
    imrx_gen_line(x->t, b->data, 0);
    imrx_gen_blank(x->t);
    size_t c1 = 25, c2 = 46 + imrx_gen_below(x->r, 2), c3 = c2 + 26;
    pair(x, "IMR Case Number:", L->case_number, "Date of Injury:", L->injury, c1, c2, c3);
    pair(x, "Claims Number:", "[redacted]", "UR Denial Date:", L->ur, c1, c2, c3);
    pair(x, "Priority:", L->priority ? "Expedited" : "Standard", "Application Received:", L->app,
         c1, c2, c3);
    L->shown |= GEN_S_CASE | GEN_S_INJURY | GEN_S_DECISION | GEN_S_UR | GEN_S_APP | GEN_S_PRIORITY;
    static const char *const parties[] = {
        "Employee:", "Claims Administrator:", "Employee Attorney:", "Hospital/Facility:",
        "Provider Name:"};
    for (int i = 0; i < 5; i++) pair(x, parties[i], "[redacted]", NULL, L->injury, c1, 0, 0);
    imrx_gen_line(x->t, "Treatment(s) in Dispute Listed on IMR Application:", GEN_L_GLUE);
    for (int i = 0; i < L->nitems; i++) {
        if (i) P(", ");
        if (i)
            imrx_gen_put_item(x, &L->items[i], L->items[i].text);
        else
            P(L->items[i].text);
        imrx_gen_med_note_item(L, &L->items[i]);
    }
    imrx_gen_flush(x->t, GEN_W_GLUE | GEN_W_FIRST);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "DEAR [redacted],", 0);
    imrx_gen_blank(x->t);
    P("MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) of the "
      "above workers' compensation case. This letter provides you with the IMR Final "
      "Determination and explains how the determination was made.");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    int up = 0;
    for (int i = 0; i < L->nitems; i++) up += !L->items[i].overturned;
    if (up == L->nitems)
        P("Final Determination: UPHOLD. This means we decided that none of the disputed items or "
          "services are medically necessary and appropriate.");
    else if (up == 0)
        P("Final Determination: OVERTURN. This means we decided that all of the disputed items or "
          "services are medically necessary and appropriate.");
    else
        P("Final Determination: PARTIAL OVERTURN. This means we decided that some of the "
          "disputed items or services are medically necessary and appropriate.");
    P(" A full explanation of the decision for each item is given later in this letter.");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "HOW THE IMR FINAL DETERMINATION WAS MADE", 0);
    P(IMRX_GEN_PICK(x->r, how_b));
    imrx_gen_flush(x->t, GEN_W_BREAKS);
    imrx_gen_reviewer_prose(x, "The physician reviewer");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "DOCUMENTS REVIEWED", 0);
    imrx_gen_documents(x, imrx_gen_chance(x->r, 0.7) ? 1 : 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "CLINICAL CASE SUMMARY", 0);
    x->para_gap = 0;
    imrx_gen_narrative(x);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "IMR DECISION(S) AND RATIONALE(S)", 0);
    const char *num = imrx_gen_chance(x->r, 0.25) ? ")" : ".";
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        imrx_gen_pf(x->t, "%d%s %s is %smedically necessary and appropriate.", i + 1, num, it->text,
                    it->overturned ? "" : "not ");
        imrx_gen_flush(x->t, GEN_W_GLUE);
        P("Claims Administrator guideline: ");
        imrx_gen_cite_b(x, it, 0);
        imrx_gen_flush(x->t, 0);
        P("MAXIMUS guideline: ");
        imrx_gen_cite_b(x, it, 1);
        imrx_gen_flush(x->t, 0);
        P("Rationale for the Decision:");
        imrx_gen_rationale(x, it, GEN_CONCL_AND_APPROPRIATE);
        imrx_gen_flush(x->t, GEN_W_BREAKS);
    }
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "/signed/", 0);
    imrx_gen_line(x->t, "Medical Director, Independent Medical Review", GEN_L_GLUE);
    imrx_gen_line(x->t, "MAXIMUS Federal Services, Inc.", GEN_L_GLUE);
    imrx_gen_blank(x->t);
    P("Your right to appeal: this determination is final and binding on the parties. It may be "
      "reviewed only through a verified appeal filed with the Workers' Compensation Appeals Board "
      "within 30 days of the date of service of this letter, on the limited grounds of Labor Code "
      "section 4610.6(h).");
    imrx_gen_flush(x->t, 0);
    imrx_gen_blank(x->t);
    imrx_gen_line(x->t, "cc: Department of Industrial Relations, Division of Workers' Compensation",
                  0);
    imrx_gen_line(x->t, "[redacted]", GEN_L_GLUE);
}
