/* The dimensions statistics group by, read from a record (docs/stats.md). One record gives one
 * letter and its items; a dimension may have several values for one item (a reviewer with two
 * specialties counts in both groups) or none ("(none)"). */
#ifndef IMRX_FACTS_H
#define IMRX_FACTS_H

#include <jansson.h>

typedef enum imrx_dim {
    IMRX_DIM_CATEGORY,
    IMRX_DIM_SUBCATEGORY,
    IMRX_DIM_DRUG,
    IMRX_DIM_DRUG_CLASS,
    IMRX_DIM_OPIOID,
    IMRX_DIM_SPECIALTY,
    IMRX_DIM_SPECIALTY_WRITTEN,
    IMRX_DIM_STATE,
    IMRX_DIM_GUIDELINE,
    IMRX_DIM_NON_MTUS,
    IMRX_DIM_YEAR,
    IMRX_DIM_MONTH,
    IMRX_DIM_INJURY_YEAR,
    IMRX_DIM_PRIORITY,
    IMRX_DIM_PARTIAL,
    IMRX_DIM_AGE_BAND,
    IMRX_DIM_SEX,
    IMRX_DIM_LAYOUT,
    IMRX_DIM_DECISION,
    IMRX_DIM_COUNT
} imrx_dim_t;

#define IMRX_NONE       "(none)"
#define IMRX_MAX_VALUES 8

/* The dimension called `name` ("category", "drug_class", ...), or -1. */
int imrx_dim_from_name(const char *name);
const char *imrx_dim_name(imrx_dim_t d);
/* "category, subcategory, drug, ..." for help texts. */
const char *imrx_dim_list(void);

/* The values of dimension d for item `item` (a JSON object, or NULL for letter-level dimensions)
 * of record `rec`; returns how many (at least 1: "(none)" when absent). Values point into the
 * record or into buf (which must hold IMRX_MAX_VALUES * 64 bytes). */
int imrx_dim_values(imrx_dim_t d, json_t *rec, json_t *item, const char **out, char *buf);

#endif
