/* The treatments plugin's parts: the category rule table (rules.c), quantities and body parts
 * (quantity.c), treatments to date from the case summary (history.c). */
#ifndef IMRX_TREATMENTS_H
#define IMRX_TREATMENTS_H

#include "imrx/plugin.h"
#include "prefilter.h"
#include "re.h"

#define MAX_RULES 512

typedef struct rule {
    char *category;
    char *subcategory;
} rule_t;

/* The rule table: each rule compiled on its own (JIT), tried in order until one matches. Most
 * rules are \bword|\bother...: a literal prefilter skips those whose words the item lacks. */
typedef struct rules {
    rule_t rules[MAX_RULES];
    imrx_re_t re[MAX_RULES];
    imrx_prefilter_t *filter[MAX_RULES];
    imrx_prefilter_set_t filters; /* all of them, indexed */
    int count;
    int drug_at; /* index of the first rule below "@drug" */
} rules_t;

imrx_status_t imrx_rules_load(rules_t *r, const char *path, const imrx_host_api_t *api,
                              imrx_ctx_t *ctx);
void imrx_rules_free(rules_t *r);
/* The rule that classifies text[b..e): the rules above "@drug", then "a drug" (-2) when the
 * item names one (`has_drug`), then the rest; -1 when none matches. */
int imrx_rules_classify(const rules_t *r, imrx_re_scratch_t *t, const char *text, uint32_t b,
                        uint32_t e, int has_drug);

enum { RE_ASSOCIATED, RE_HISTORY_LIST, RE_COUNT };

typedef struct state {
    rules_t rules;
    imrx_re_t re[RE_COUNT];
} state_t;

extern const char *const imrx_treatments_patterns[RE_COUNT];

typedef struct quantity {
    int64_t value;
    const char *unit;
    uint32_t b, e;
} quantity_t;

/* Number from digits or a word ("Twelve"); -1 when neither. */
int imrx_number_value(const char *s, size_t n);
/* What the item is, for reading a bare count ("x60", "times 12"): */
#define IMRX_QTY_DRUG 1 /* a drug: "x60" is 60 units */
#define IMRX_QTY_SESSIONS                                                                          \
    2 /* given in visits (therapy, injections, office visits): "x 6" is 6 sessions */
/* The requested quantity in text[b..e); value 0 when none is stated. `kind`: IMRX_QTY_* or 0
 * (then "x 2" is 2 units). */
quantity_t imrx_item_quantity(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                              uint32_t e, int kind);
/* Body part (canonical name) and laterality of text[b..e); NULL when not stated. */
const char *imrx_body_part(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                           uint32_t e, uint32_t *pb, uint32_t *pe);
const char *imrx_laterality(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                            uint32_t e, uint32_t *pb, uint32_t *pe);

/* What one worker thread owns: match data. */
typedef struct thread {
    imrx_re_scratch_t re; /* first: the thread state is also the scratch */
} thread_t;

/* Emits treatments_to_date from the summary. */
void imrx_treatments_to_date(const state_t *s, thread_t *th, const imrx_letter_t *l,
                             const imrx_host_api_t *api, imrx_ctx_t *ctx);

#endif
