/* The per-case record while a letter is processed: a small tree of typed values with spans,
 * in memory reused from letter to letter, plus the host's own parts (warnings, error). */
#ifndef IMRX_RECORD_H
#define IMRX_RECORD_H

#include <stdint.h>

#include "imrx/plugin.h"
#include "util/arena.h"

typedef struct imrx_rnode {
    uint8_t type;    /* imrx_type_t */
    uint8_t spanned; /* span is set */
    uint16_t plugin; /* 1 + index of the plugin that set it; 0 for the host */
    int32_t parent;
    int32_t first, last, next; /* children, in insertion order */
    uint32_t count;
    const char *key; /* member name in the parent object; NULL in arrays */
    uint32_t key_len;
    uint16_t covered;  /* 1 + index of a plugin whose declared fields cover this node's path
                          (set by the host API when that plugin makes the container), or 0 */
    uint64_t key_bits; /* objects: a bit per member key (key_bit), so most look-ups of a key
                          not yet set skip the scan of the members */
    imrx_span_t span;
    union {
        int64_t i;
        double d;
        struct {
            const char *s;
            uint32_t len;
        } str;
    } v;
} imrx_rnode_t;

typedef struct imrx_rwarning {
    const char *plugin; /* "core" or a plugin's name */
    const char *message;
    imrx_span_t span;
    int spanned;
} imrx_rwarning_t;

typedef struct imrx_rerror {
    const char *stage; /* "read", "decode", "layout", "plugin" */
    const char *plugin;
    const char *message;
    int64_t offset; /* original byte offset, or -1 */
} imrx_rerror_t;

typedef struct imrx_record {
    imrx_rnode_t *nodes;
    uint32_t count, cap;
    imrx_arena_t arena;
    imrx_rwarning_t *warnings;
    uint32_t warning_count, warning_cap;
    uint32_t warnings_dropped;
    imrx_rerror_t error;
    int has_error;
    /* The schema skeleton's nodes, built once and copied into every fresh record (their keys
     * are the schema's static strings). */
    imrx_rnode_t *skeleton;
    uint32_t skeleton_count;
} imrx_record_t;

void imrx_record_init(imrx_record_t *r);
void imrx_record_free(imrx_record_t *r);
/* Empties the record and builds the schema skeleton (see schema.c). */
imrx_status_t imrx_record_reset(imrx_record_t *r);

imrx_rnode_t *imrx_record_node(imrx_record_t *r, imrx_node_t n);
imrx_node_t imrx_record_get(const imrx_record_t *r, imrx_node_t obj, const char *key);
/* Member `key` of `parent` (or a new element when key is NULL and parent is an array), made of
 * type `type`; an existing member is reset to the new type, keeping its place. */
imrx_node_t imrx_record_put(imrx_record_t *r, imrx_node_t parent, const char *key, imrx_type_t type,
                            uint16_t plugin);
/* The same, for a key in static storage, which the record keeps without a copy. */
imrx_node_t imrx_record_put_static(imrx_record_t *r, imrx_node_t parent, const char *key,
                                   imrx_type_t type);
/* Returns the node, or IMRX_NODE_NONE (no such parent, or out of memory). */
imrx_node_t imrx_record_put_string(imrx_record_t *r, imrx_node_t parent, const char *key,
                                   const char *s, size_t n, uint16_t plugin);
imrx_status_t imrx_record_put_int(imrx_record_t *r, imrx_node_t parent, const char *key, int64_t v,
                                  uint16_t plugin);
imrx_status_t imrx_record_put_bool(imrx_record_t *r, imrx_node_t parent, const char *key, int v,
                                   uint16_t plugin);

void imrx_record_warn(imrx_record_t *r, const char *plugin, const imrx_span_t *span,
                      const char *message);
void imrx_record_fail(imrx_record_t *r, const char *stage, const char *plugin, int64_t offset,
                      const char *message);

/* The path of a node in the form plugins declare it ("items[].drug.generic"). */
size_t imrx_record_path_pattern(const imrx_record_t *r, imrx_node_t n, char *buf, size_t len);

#define IMRX_MAX_WARNINGS 64

#endif
