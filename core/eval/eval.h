/* Scoring records against gold annotations (corpus/README.md, docs/eval.md): precision, recall
 * and F1 per field and per item attribute, confusion tables, and the letters that differ most. */
#ifndef IMRX_EVAL_H
#define IMRX_EVAL_H

#include <jansson.h>
#include <stdio.h>

typedef struct imrx_eval imrx_eval_t;

imrx_eval_t *imrx_eval_new(void);
void imrx_eval_free(imrx_eval_t *e);

/* Scores one record against its gold file; `name` identifies the letter in reports. */
void imrx_eval_add(imrx_eval_t *e, const char *name, json_t *gold, json_t *record);
/* Letters given but without a gold file, and gold files without a record. */
void imrx_eval_note_unmatched(imrx_eval_t *e, const char *name, int missing_gold);

/* The per-field table, the confusion tables and the `worst` letters with their differences. */
void imrx_eval_print(const imrx_eval_t *e, FILE *out, int worst);
/* The same as a JSON object (fields: {name: {tp, fp, fn, precision, recall, f1}}, ...). */
json_t *imrx_eval_json(const imrx_eval_t *e, int worst);

/* F1 (or accuracy, for fields scored so) of a field; -1 when the field has no data. */
double imrx_eval_score(const imrx_eval_t *e, const char *field);

/* Checks the scores against a baseline file ({"field": minimum, ...}); prints every field below
 * its minimum and returns how many there are (-1 if the file cannot be read). */
int imrx_eval_check_baseline(const imrx_eval_t *e, const char *path, FILE *out);

#endif
