/* The decisions plugin's parts: finding items per layout (layout_a.c, numbered.c), reading
 * guideline citations (citations.c), and emitting (decisions.c). */
#ifndef IMRX_DECISIONS_H
#define IMRX_DECISIONS_H

#include "imrx/plugin.h"
#include "re.h"
#include "text.h"

#define MAX_ITEMS 64

enum { DEC_UNKNOWN = -1, DEC_UPHELD = 0, DEC_OVERTURNED = 1 };

/* A range of the normalised text; empty when end <= begin. */
typedef struct range {
    uint32_t b, e;
} range_t;

typedef struct item {
    range_t text;    /* the item as named (for a partial: the remaining portion) */
    range_t verdict; /* where the decision is stated */
    int decision;
    int partial;
    range_t original; /* partial: the original request */
    range_t authorized;
    range_t block; /* the item's whole block */
    range_t ca;    /* claims administrator guideline text */
    range_t mx;    /* MAXIMUS / expert reviewer guideline text */
    range_t rationale;
} item_t;

enum {
    RE_A_VERDICT,
    RE_A_LABEL,
    RE_ORIGINAL,
    RE_AUTHORIZED,
    RE_REMAINING,
    RE_NUMBERED_B,
    RE_B_LABEL,
    RE_C_ISSUE,
    RE_NUMBER,
    RE_NUMBER_HERE,
    RE_D_ISSUE,
    RE_D_BLOCK,
    RE_D_LABEL,
    RE_D_PART,
    RE_D_CERTIFIED_OF,
    RE_PORTION,
    RE_REQUESTED,
    RE_CERTIFIED,
    RE_YEAR,
    RE_LEAD_IN,
    RE_COUNT_CHECK,
    RE_COUNT
};

typedef struct state {
    imrx_re_t re[RE_COUNT];
} state_t;

typedef struct scan {
    const imrx_letter_t *l;
    const state_t *s;
    imrx_re_scratch_t *t;
    imrx_ctx_t *ctx;
    const imrx_host_api_t *api;
    item_t items[MAX_ITEMS];
    int count;
} scan_t;

extern const char *const imrx_decisions_patterns[RE_COUNT];

/* Finds the items of each layout into scan->items. */
void imrx_items_layout_a(scan_t *sc, const imrx_section_t *sec);
void imrx_items_layout_b(scan_t *sc, const imrx_section_t *sec);
void imrx_items_layout_c(scan_t *sc);
void imrx_items_layout_d(scan_t *sc);
/* A partial authorisation told in text[floor..end), the words before an item's verdict: "X was
 * the original request. Y was authorized by the Claims Administrator. The remaining IMR eligible
 * portion of the original request, Z". Sets the item's text (Z), original, authorized and
 * partial; 0 when the text holds no such formula. */
int imrx_items_read_partial(scan_t *sc, item_t *it, uint32_t floor, uint32_t end);

/* Layout D's partial authorisations told in prose (partial_d.c): a note after the
 * determinations ("(Utilization review certified Ambien 10 mg #15 of the #30 requested; ...)",
 * "As to item 1, ... Utilization review certified 4 of those sessions"), a parenthesis closing
 * the item ("6 sessions (the 6 of 12 requested sessions that utilization review did not
 * certify)"), or the block's words before its first label. */
void imrx_d_partial_parenthesis(scan_t *sc, item_t *it);
void imrx_d_partial_notes(scan_t *sc, uint32_t issues_end);
void imrx_d_partial_in_block(scan_t *sc, item_t *it, uint32_t b, uint32_t e);
void imrx_d_partial_in_summary(scan_t *sc);

/* A remaining portion named in a numbered item (layouts B and C) without layout A's whole
 * formula (portion.c): "X, 8 sessions, was requested, and 6 sessions were certified by the
 * Claims Administrator. The remaining IMR eligible portion of the request, Z". Sets the item's
 * text (Z), original, authorized (when told) and partial; 0 when no portion is named. */
int imrx_items_read_portion(scan_t *sc, item_t *it, uint32_t floor, uint32_t end);

/* Helpers shared by the finders. */
void imrx_trim_range(const char *text, range_t *r, const char *punct);
int imrx_starts_with_ci(const char *s, const char *prefix);

/* Parses a guideline text into citations under `parent`.key (an array) and returns flags. */
typedef struct cite_flags {
    int non_mtus, no_citation, mtus_count;
} cite_flags_t;
cite_flags_t imrx_emit_citations(scan_t *sc, imrx_node_t parent, const char *key, range_t r);

#endif
