/* The record as one line of JSON (docs/record.md). */
#ifndef IMRX_RECORD_JSON_H
#define IMRX_RECORD_JSON_H

#include "letter/doc.h"
#include "record/record.h"
#include "util/buf.h"

typedef struct imrx_json_options {
    int provenance;             /* write "provenance": which plugin set each value, and where */
    const char *const *plugins; /* plugin names, indexed by rnode.plugin - 1 */
    unsigned plugin_count;
    imrx_buf_t *scratch; /* optional: a buffer the writer may reuse from record to record */
} imrx_json_options_t;

/* Appends the record, and a newline, to `out`. `doc` maps spans to the original bytes; it may
 * be NULL for a letter that could not be read. */
void imrx_record_write_json(const imrx_record_t *r, const imrx_doc_t *doc, const char *source,
                            const imrx_json_options_t *opt, imrx_buf_t *out);

#endif
