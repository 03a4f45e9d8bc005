/* Layout A (2015 on): the "Case Number" header in pdftotext -layout or plain rendering, or no
 * header at all; reviewer, clinical case summary, and per-item decisions. */
#include <string.h>

#include "gen/render.h"

#define P(s) imrx_gen_put(x->t, (s))

static void pad_to(imrx_buf_t *b, size_t col)
{
    while (b->len < col) imrx_buf_putc(b, ' ');
}

static void date_cell(imrx_buf_t *b, imrx_gen_date_t d)
{
    imrx_gen_date_put(b, d, GEN_D_SLASH);
}

/* pdftotext -layout: label/value pairs side by side, "Application Received:" wrapped. */
static void header_layout(imrx_gen_ctx_t *x, imrx_buf_t *line)
{
    imrx_gen_letter_t *L = x->L;
    size_t c1 = 22 + imrx_gen_below(x->r, 2), c2 = 54 + imrx_gen_below(x->r, 2), c3 = c2 + 21;
    const char *prio = L->priority ? "Expedited" : "Standard";
    for (int row = 0; row < 5; row++) {
        imrx_buf_clear(line);
        switch (row) {
        case 0:
            imrx_buf_puts(line, "Case Number:"), pad_to(line, c1),
                imrx_buf_puts(line, L->case_number);
            break;
        case 1:
            imrx_buf_puts(line, "Date Assigned:"), pad_to(line, c1), date_cell(line, L->assigned);
            pad_to(line, c2), imrx_buf_puts(line, "Date of Injury:"), pad_to(line, c3);
            date_cell(line, L->injury);
            break;
        case 2:
            imrx_buf_puts(line, "Decision Date:"), pad_to(line, c1), date_cell(line, L->decision);
            pad_to(line, c2), imrx_buf_puts(line, "UR Denial Date:"), pad_to(line, c3);
            date_cell(line, L->ur);
            break;
        case 3:
            imrx_buf_puts(line, "Priority:"), pad_to(line, c1), imrx_buf_puts(line, prio);
            pad_to(line, c2), imrx_buf_puts(line, "Application"), pad_to(line, c3);
            date_cell(line, L->app);
            break;
        default:
            pad_to(line, c2), imrx_buf_puts(line, "Received:");
            break;
        }
        imrx_gen_line(x->t, line->data, row ? GEN_L_GLUE : 0);
    }
    imrx_gen_blank(x->t);
}

/* Plain pdftotext: the labels of each column first, then their values. */
static void header_raw(imrx_gen_ctx_t *x, imrx_buf_t *line)
{
    imrx_gen_letter_t *L = x->L;
    static const char *const left[] = {
        "Case Number:", "Date Assigned:", "Decision Date:", "Priority:"};
    static const char *const right[] = {"Date of Injury:", "UR Denial Date:", "Application",
                                        "Received:"};
    for (int i = 0; i < 4; i++) imrx_gen_line(x->t, left[i], i ? GEN_L_GLUE : 0);
    imrx_gen_line(x->t, "", GEN_L_GLUE);
    imrx_gen_line(x->t, L->case_number, GEN_L_GLUE);
    imrx_gen_date_t dl[] = {L->assigned, L->decision};
    for (int i = 0; i < 2; i++) {
        imrx_buf_clear(line), date_cell(line, dl[i]);
        imrx_gen_line(x->t, line->data, GEN_L_GLUE);
    }
    imrx_gen_line(x->t, L->priority ? "Expedited" : "Standard", GEN_L_GLUE);
    imrx_gen_line(x->t, "", GEN_L_GLUE);
    for (int i = 0; i < 4; i++) imrx_gen_line(x->t, right[i], GEN_L_GLUE);
    imrx_gen_line(x->t, "", GEN_L_GLUE);
    imrx_gen_date_t dr[] = {L->injury, L->ur, L->app};
    for (int i = 0; i < 3; i++) {
        imrx_buf_clear(line), date_cell(line, dr[i]);
        imrx_gen_line(x->t, line->data, GEN_L_GLUE);
    }
    imrx_gen_blank(x->t);
}

static const char *const how[] = {
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. The reviewer has "
    "no affiliation with the employer, the employee, the providers or the claims administrator. "
    "He/she has practiced clinically for more than five years and still practices at least 24 "
    "hours per week. The reviewer was selected for his/her clinical experience, education, "
    "background and expertise in the same or a similar specialty that evaluates and/or treats the "
    "condition and the disputed items/services, and is familiar with the governing laws and "
    "regulations, including the strength of evidence hierarchy that applies to Independent "
    "Medical Review determinations.",
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer who is "
    "independent of the employer, the employee, the treating providers and the claims "
    "administrator. The expert reviewer has been in active clinical practice for at least five "
    "years and currently practices at least 24 hours a week. He/she was chosen for clinical "
    "experience, training and expertise in a specialty that evaluates or treats the medical "
    "condition and the disputed items/services, and knows the laws and regulations that govern "
    "Independent Medical Review, including the strength of evidence hierarchy.",
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she is not "
    "affiliated with any party to the dispute, has more than five years of clinical practice, "
    "still works in active practice at least 24 hours a week, and practices in a specialty that "
    "treats the condition and the disputed items/services. He/she knows the governing laws and "
    "regulations and the strength of evidence hierarchy that applies to Independent Medical "
    "Review determinations.",
};

static const char *const summary_lead[] = {
    "The expert reviewer prepared the following clinical case summary after reviewing the case "
    "file, including all medical records:",
    "The following clinical case summary was developed by the expert reviewer from the case file, "
    "including all medical records:",
    "The expert reviewer developed the clinical case summary below from a review of the case file "
    "and all medical records:",
};

static const char *const issues_lead[] = {
    "The Final Determination was based on decisions for the disputed items/services set forth "
    "below:",
    "The Final Determination was based on the decisions for the disputed items/services listed "
    "below:",
    "The Final Determination rests on the decisions for each disputed item/service below:",
};

/* A heading: centred in -layout copies, with a space around it in the seed style. */
static void heading(imrx_gen_ctx_t *x, imrx_buf_t *line, const char *h, int indent, int seed)
{
    imrx_buf_clear(line);
    if (seed) imrx_buf_putc(line, ' ');
    pad_to(line, (size_t)indent);
    imrx_buf_puts(line, h);
    imrx_gen_line(x->t, line->data, 0);
}

static void gap(imrx_gen_ctx_t *x, int on)
{
    if (on) imrx_gen_blank(x->t);
}

void imrx_gen_render_a(imrx_gen_ctx_t *x)
{
    imrx_gen_letter_t *L = x->L;
    imrx_buf_t *line = x->scratch;
    int layout = L->rendering == GEN_R_LAYOUT, raw = L->rendering == GEN_R_RAW;
    int seed = x->seed_style;
    int gaps = layout || (L->rendering == GEN_R_HEADERLESS && !seed) ? imrx_gen_chance(x->r, 0.85)
                                                                     : imrx_gen_chance(x->r, 0.1);
    if (layout) header_layout(x, line);
    if (raw) header_raw(x, line);
    if (layout || raw)
        L->shown |= GEN_S_CASE | GEN_S_ASSIGNED | GEN_S_INJURY | GEN_S_DECISION | GEN_S_UR |
                    GEN_S_APP | GEN_S_PRIORITY;
    heading(x, line, "HOW THE IMR FINAL DETERMINATION WAS MADE", layout ? 17 : 0, seed);
    gap(x, seed);
    P(IMRX_GEN_PICK(x->r, how));
    imrx_gen_flush(x->t, GEN_W_BREAKS);
    gap(x, gaps || seed);
    imrx_gen_line(x->t, "The Expert Reviewer has the following credentials:", 0);
    imrx_gen_credentials(x);
    gap(x, gaps || seed);
    heading(x, line, "CLINICAL CASE SUMMARY", layout ? 32 : 0, seed);
    gap(x, seed);
    P(IMRX_GEN_PICK(x->r, summary_lead));
    imrx_gen_flush(x->t, GEN_W_BREAKS);
    gap(x, gaps || seed);
    x->para_gap = gaps;
    imrx_gen_narrative(x);
    gap(x, gaps || seed);
    heading(x, line, "IMR ISSUES, DECISIONS AND RATIONALES", layout ? 22 : 0, seed);
    P(IMRX_GEN_PICK(x->r, issues_lead));
    imrx_gen_flush(x->t, GEN_W_BREAKS);
    for (int i = 0; i < L->nitems; i++) {
        const imrx_gen_item_t *it = &L->items[i];
        imrx_gen_med_note_item(L, it);
        gap(x, gaps);
        const char *verdict = it->overturned ? "Overturned" : "Upheld";
        int alone = imrx_gen_chance(x->r, 0.08 * x->noise);
        if (it->partial) {
            imrx_gen_pf(x->t,
                        "%s was the original request. %s was authorized by the Claims "
                        "Administrator. The remaining IMR eligible portion of the original "
                        "request, %s%s",
                        it->orig, it->auth, it->text, imrx_gen_chance(x->r, 0.65) ? " is" : "");
            imrx_gen_verdict(x->t, NULL, verdict, alone);
        } else {
            imrx_gen_verdict(x->t, it->text, verdict, alone);
        }
        gap(x, gaps);
        P("Claims Administrator guideline: ");
        imrx_gen_cite_a(x, it, 0);
        imrx_gen_flush(x->t, 0);
        gap(x, gaps);
        P("MAXIMUS guideline: ");
        imrx_gen_cite_a(x, it, 1);
        imrx_gen_flush(x->t, 0);
        gap(x, gaps);
        P("Decision rationale:");
        imrx_gen_rationale(x, it, GEN_CONCL_SHORT);
        imrx_gen_flush(x->t, GEN_W_BREAKS);
    }
}
