/* What stands behind an imrx_ctx_t: the letter and record one plugin is working on, and the
 * budget it may spend on them. */
#ifndef IMRX_CTX_H
#define IMRX_CTX_H

#include "letter/doc.h"
#include "plugin/plugin_set.h"
#include "record/record.h"
#include "util/diag.h"

typedef struct imrx_limits {
    uint32_t max_values; /* values a plugin may set on one letter */
    uint32_t max_bytes;  /* bytes of strings a plugin may set on one letter */
} imrx_limits_t;

struct imrx_ctx {
    imrx_record_t *record; /* NULL during init and fini */
    const imrx_doc_t *doc;
    const imrx_loaded_plugin_t *plugin;
    uint16_t plugin_id; /* 1 + run-order index */
    imrx_diag_t *diag;
    imrx_limits_t limits;
    uint32_t values, bytes; /* spent on this letter */
    int over_budget;
    int rejected; /* values refused (bad span, field, UTF-8) on this letter */
    /* The field path of the last parent written to: plugins write several values to one
     * object in a row, and the path only changes with the parent. */
    imrx_node_t path_node;
    size_t path_len;
    int path_covered;  /* the path is a declared field or below one: so is all under it */
    int child_covered; /* set by the last admitted container's check: its own path is covered */
    char path[256];
};

/* Prepares ctx for plugin `id` on the current letter. */
void imrx_ctx_begin(imrx_ctx_t *ctx, uint16_t id, const imrx_loaded_plugin_t *plugin);

#endif
