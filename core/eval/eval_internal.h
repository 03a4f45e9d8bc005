/* Shared between the comparison (eval_compare.c) and the reports (eval.c). */
#ifndef IMRX_EVAL_INTERNAL_H
#define IMRX_EVAL_INTERNAL_H

#include "eval/eval.h"
#include "util/buf.h"

typedef enum field_kind {
    KIND_F1,       /* tp/fp/fn; the score is F1 */
    KIND_ACCURACY, /* correct/total; the score is accuracy */
} field_kind_t;

typedef struct field {
    const char *name;
    field_kind_t kind;
    const char *doc;
    unsigned long tp, fp, fn;
    unsigned long correct, total;
} field_t;

enum {
    F_LAYOUT,
    F_CASE,
    F_ASSIGNED,
    F_INJURY,
    F_DECISION,
    F_UR,
    F_APPLICATION,
    F_INJURY_NARR,
    F_UR_NARR,
    F_PRIORITY,
    F_AGE,
    F_SEX,
    F_LICENSURE,
    F_SPECIALTIES,
    F_DIAGNOSES,
    F_ITEMS,
    F_ITEM_COUNT,
    F_ITEM_TEXT,
    F_ITEM_DECISION,
    F_ITEM_PARTIAL,
    F_ITEM_CATEGORY,
    F_ITEM_GUIDELINES,
    F_ITEM_NON_MTUS,
    F_ITEM_NO_CITATION,
    F_ITEM_CA_NO_CITATION,
    F_DRUG_GENERIC,
    F_DRUG_STRENGTH,
    F_DRUG_QUANTITY,
    F_MEDS_PATIENT,
    F_MEDS_ALL,
    F_MEDS_NEGATED,
    F_COUNT
};

#define N_CATEGORIES 15 /* the 14 categories and "none" */
extern const char *const imrx_eval_categories[N_CATEGORIES];

typedef struct worst {
    char *name;
    unsigned long errors;
    char *diff;
} worst_t;

#define MAX_WORST 50

struct imrx_eval {
    field_t fields[F_COUNT];
    unsigned long letters, missing_gold, missing_record;
    /* decisions: rows gold (upheld, overturned, missing), columns predicted (same) */
    unsigned long decision_confusion[3][3];
    unsigned long category_confusion[N_CATEGORIES][N_CATEGORIES];
    worst_t worst[MAX_WORST];
    int worst_count;
};

/* Records the differences of one letter for the "worst letters" list. */
void imrx_eval_keep_worst(imrx_eval_t *e, const char *name, unsigned long errors, imrx_buf_t *diff);
int imrx_eval_category_index(const char *name);

/* -- comparable values (eval_values.c) -- */
/* Lower case, runs of space made one, trimmed, a final period or comma dropped. */
void imrx_eval_canon(const char *s, char *out, size_t cap);
/* A JSON value as comparable text; "" for null or absent. */
void imrx_eval_value_text(json_t *v, char *out, size_t cap);
/* The value at a dotted path ("patient.age"), or NULL. */
json_t *imrx_eval_path_get(json_t *root, const char *path);
/* "a/c/b" as "a/b/c": a generic name whatever order its parts are written in. */
void imrx_eval_sorted_parts(const char *in, char *out, size_t cap);

/* A list of comparable strings (each made so by imrx_eval_canon), without repeats. */
typedef struct strset {
    char **v;
    size_t n, cap;
} strset_t;
void imrx_eval_set_add(strset_t *s, const char *text);
void imrx_eval_set_free(strset_t *s);
int imrx_eval_set_has(const strset_t *s, const char *c);
/* Adds the strings of a JSON array. */
void imrx_eval_set_from_strings(strset_t *s, json_t *arr);

/* The words of a text, lower case (and without a few stop words when drop_stop). */
typedef struct tokens {
    char w[128][32];
    int n;
} tokens_t;
void imrx_eval_tokenize(const char *s, tokens_t *t, int drop_stop);
/* Tokens of `a` also in `b`, each token of b used once. */
int imrx_eval_common_tokens(const tokens_t *a, const tokens_t *b);
/* Overlap of two item texts: common tokens over the longer one's count (1 = same words). */
double imrx_eval_text_overlap(const char *a, const char *b);

#endif
