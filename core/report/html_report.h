/* The HTML report: one self-contained file (no script, no network) with SVG charts, each with
 * its table beside it. */
#ifndef IMRX_HTML_REPORT_H
#define IMRX_HTML_REPORT_H

#include <jansson.h>
#include <stdio.h>

#include "report/stats.h"

typedef struct imrx_report {
    imrx_stats_t overall, by_category, by_class, by_month, by_specialty, by_drug;
    imrx_filter_t filters[IMRX_STATS_MAX_FILTERS];
    int nfilters;
} imrx_report_t;

void imrx_report_init(imrx_report_t *r, const imrx_filter_t *filters, int nfilters);
void imrx_report_add(imrx_report_t *r, json_t *record);
/* Writes the page; `title` heads it, `sources` says what it was made from. */
int imrx_report_write(const imrx_report_t *r, FILE *out, const char *title, const char *sources);
void imrx_report_free(imrx_report_t *r);

#endif
