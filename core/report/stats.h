/* Uphold statistics: counts of decided items grouped by one or two dimensions, with Wilson 95 %
 * confidence intervals; letter-level outcome rates; items per letter; volume over time. The
 * counts only ever add up, so the statistics of shards merge by adding their records. */
#ifndef IMRX_STATS_H
#define IMRX_STATS_H

#include <jansson.h>
#include <stdio.h>

#include "report/facts.h"

#define IMRX_STATS_MAX_FILTERS 16

typedef struct imrx_filter {
    imrx_dim_t dim;
    int negate; /* != */
    char value[128];
} imrx_filter_t;

typedef struct imrx_stats_options {
    int dims[2];
    int ndims; /* 0: overall only */
    imrx_filter_t filters[IMRX_STATS_MAX_FILTERS];
    int nfilters;
    unsigned long min_count; /* groups with fewer decided items are left out */
} imrx_stats_options_t;

/* One group's counts. */
typedef struct imrx_group {
    char *key; /* values joined by '\x1f' */
    unsigned long items, upheld, overturned;
    unsigned long letters;     /* letters with an item in the group: volume */
    unsigned long last_letter; /* 1 + index of the last letter counted */
} imrx_group_t;

typedef struct imrx_stats {
    imrx_stats_options_t opt;
    unsigned long letters, letters_failed, letters_with_items;
    unsigned long items, upheld, overturned;
    unsigned long cases_all_upheld, cases_some_overturned, cases_all_overturned;
    unsigned long items_per_letter[10]; /* 0..8, 9 = more */
    imrx_group_t *groups;
    size_t ngroups, cap; /* open addressing, cap a power of two */
} imrx_stats_t;

/* Parses "--where" text "dim=value" or "dim!=value" into a filter; 0 on error. */
int imrx_filter_parse(const char *text, imrx_filter_t *f);

void imrx_stats_init(imrx_stats_t *s, const imrx_stats_options_t *opt);
void imrx_stats_free(imrx_stats_t *s);
/* Adds one record (a letter and its items). */
void imrx_stats_add(imrx_stats_t *s, json_t *record);

/* Wilson score interval for k successes out of n, 95 %. */
void imrx_wilson(unsigned long k, unsigned long n, double *lo, double *hi);

/* The groups, sorted (time dimensions by key, others by count), with min_count applied. */
imrx_group_t **imrx_stats_sorted(const imrx_stats_t *s, size_t *count);

typedef enum { IMRX_OUT_TABLE, IMRX_OUT_CSV, IMRX_OUT_JSON, IMRX_OUT_MARKDOWN } imrx_out_format_t;
void imrx_stats_print(const imrx_stats_t *s, imrx_out_format_t fmt, FILE *out);
/* The statistics as a JSON object (what `--format json` prints). */
json_t *imrx_stats_json(const imrx_stats_t *s);

#endif
