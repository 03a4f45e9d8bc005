#include "record/record.h"

#include <stdlib.h>
#include <string.h>

#include "record/schema.h"

void imrx_record_init(imrx_record_t *r)
{
    memset(r, 0, sizeof *r);
    imrx_arena_init(&r->arena, 32 * 1024);
}

void imrx_record_free(imrx_record_t *r)
{
    free(r->skeleton);
    free(r->nodes);
    free(r->warnings);
    imrx_arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

static imrx_node_t new_node(imrx_record_t *r, imrx_type_t type)
{
    if (r->count == r->cap) {
        uint32_t cap = r->cap ? r->cap * 2 : 256;
        imrx_rnode_t *p = realloc(r->nodes, cap * sizeof *p);
        if (!p) return IMRX_NODE_NONE;
        r->nodes = p;
        r->cap = cap;
    }
    imrx_rnode_t *n = &r->nodes[r->count];
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    n->parent = n->first = n->last = n->next = IMRX_NODE_NONE;
    return (imrx_node_t)r->count++;
}

imrx_status_t imrx_record_reset(imrx_record_t *r)
{
    r->count = 0;
    r->warning_count = 0;
    r->warnings_dropped = 0;
    r->has_error = 0;
    memset(&r->error, 0, sizeof r->error);
    imrx_arena_reset(&r->arena);
    if (r->skeleton) {
        /* the nodes array holds at least the skeleton: it was built in it */
        memcpy(r->nodes, r->skeleton, r->skeleton_count * sizeof *r->nodes);
        r->count = r->skeleton_count;
        return IMRX_OK;
    }
    if (new_node(r, IMRX_T_OBJECT) != 0) return IMRX_ENOMEM;
    imrx_status_t st = imrx_schema_skeleton(r);
    if (st != IMRX_OK) return st;
    r->skeleton = malloc(r->count * sizeof *r->skeleton);
    if (r->skeleton) {
        memcpy(r->skeleton, r->nodes, r->count * sizeof *r->nodes);
        r->skeleton_count = r->count;
    }
    return IMRX_OK;
}

imrx_rnode_t *imrx_record_node(imrx_record_t *r, imrx_node_t n)
{
    if (n < 0 || (uint32_t)n >= r->count) return NULL;
    return &r->nodes[n];
}

static uint64_t key_bit(const char *key, size_t len)
{
    if (!len) return 1;
    unsigned h = (unsigned char)key[0] * 31u + (unsigned char)key[len - 1] * 7u + (unsigned)len;
    return 1ull << (h & 63);
}

static imrx_node_t get(const imrx_record_t *r, imrx_node_t obj, const char *key, size_t len)
{
    const imrx_rnode_t *o = &r->nodes[obj];
    if (o->type != IMRX_T_OBJECT || !(o->key_bits & key_bit(key, len))) return IMRX_NODE_NONE;
    /* Objects hold a few dozen members at most: a scan, the length and first letter first. */
    for (imrx_node_t c = o->first; c != IMRX_NODE_NONE; c = r->nodes[c].next) {
        const imrx_rnode_t *m = &r->nodes[c];
        if (m->key_len == len && m->key[0] == key[0] && memcmp(m->key, key, len) == 0) return c;
    }
    return IMRX_NODE_NONE;
}

imrx_node_t imrx_record_get(const imrx_record_t *r, imrx_node_t obj, const char *key)
{
    if (obj < 0 || (uint32_t)obj >= r->count || !key) return IMRX_NODE_NONE;
    return get(r, obj, key, strlen(key));
}

static imrx_node_t put(imrx_record_t *r, imrx_node_t parent, const char *key, imrx_type_t type,
                       uint16_t plugin, int copy_key);

imrx_node_t imrx_record_put(imrx_record_t *r, imrx_node_t parent, const char *key, imrx_type_t type,
                            uint16_t plugin)
{
    return put(r, parent, key, type, plugin, 1);
}

imrx_node_t imrx_record_put_static(imrx_record_t *r, imrx_node_t parent, const char *key,
                                   imrx_type_t type)
{
    return put(r, parent, key, type, 0, 0);
}

static imrx_node_t put(imrx_record_t *r, imrx_node_t parent, const char *key, imrx_type_t type,
                       uint16_t plugin, int copy_key)
{
    imrx_rnode_t *p = imrx_record_node(r, parent);
    if (!p) return IMRX_NODE_NONE;
    size_t key_len = key ? strlen(key) : 0;
    if (p->type == IMRX_T_OBJECT) {
        if (!key) return IMRX_NODE_NONE;
        imrx_node_t existing = get(r, parent, key, key_len);
        if (existing != IMRX_NODE_NONE) {
            imrx_rnode_t *e = &r->nodes[existing];
            /* Same type of container: keep it and what it holds (get-or-create). */
            if ((type == IMRX_T_OBJECT || type == IMRX_T_ARRAY) && e->type == type) return existing;
            e->type = (uint8_t)type;
            e->first = e->last = IMRX_NODE_NONE;
            e->key_bits = 0;
            e->count = 0;
            e->spanned = 0;
            e->plugin = plugin;
            memset(&e->v, 0, sizeof e->v);
            return existing;
        }
    } else if (p->type != IMRX_T_ARRAY || key) {
        return IMRX_NODE_NONE;
    }
    const char *k = key;
    if (key && copy_key) {
        k = imrx_arena_strndup(&r->arena, key, key_len);
        if (!k) return IMRX_NODE_NONE;
    }
    imrx_node_t n = new_node(r, type);
    if (n == IMRX_NODE_NONE) return n;
    p = &r->nodes[parent]; /* new_node may have moved the array */
    imrx_rnode_t *c = &r->nodes[n];
    c->key = k;
    c->key_len = (uint32_t)key_len;
    c->parent = parent;
    if (key) p->key_bits |= key_bit(key, key_len);
    c->plugin = plugin;
    if (p->last == IMRX_NODE_NONE)
        p->first = n;
    else
        r->nodes[p->last].next = n;
    p->last = n;
    p->count++;
    return n;
}

imrx_node_t imrx_record_put_string(imrx_record_t *r, imrx_node_t parent, const char *key,
                                   const char *s, size_t n, uint16_t plugin)
{
    imrx_node_t node = imrx_record_put(r, parent, key, IMRX_T_STRING, plugin);
    if (node == IMRX_NODE_NONE) return node;
    char *copy = imrx_arena_strndup(&r->arena, s, n);
    if (!copy) return IMRX_NODE_NONE; /* the node stays, an empty string */
    r->nodes[node].v.str.s = copy;
    r->nodes[node].v.str.len = (uint32_t)n;
    return node;
}

imrx_status_t imrx_record_put_int(imrx_record_t *r, imrx_node_t parent, const char *key, int64_t v,
                                  uint16_t plugin)
{
    imrx_node_t node = imrx_record_put(r, parent, key, IMRX_T_INT, plugin);
    if (node == IMRX_NODE_NONE) return IMRX_EINVAL;
    r->nodes[node].v.i = v;
    return IMRX_OK;
}

imrx_status_t imrx_record_put_bool(imrx_record_t *r, imrx_node_t parent, const char *key, int v,
                                   uint16_t plugin)
{
    imrx_node_t node = imrx_record_put(r, parent, key, IMRX_T_BOOL, plugin);
    if (node == IMRX_NODE_NONE) return IMRX_EINVAL;
    r->nodes[node].v.i = v != 0;
    return IMRX_OK;
}

void imrx_record_warn(imrx_record_t *r, const char *plugin, const imrx_span_t *span,
                      const char *message)
{
    if (r->warning_count >= IMRX_MAX_WARNINGS) {
        r->warnings_dropped++;
        return;
    }
    if (r->warning_count == r->warning_cap) {
        uint32_t cap = r->warning_cap ? r->warning_cap * 2 : 8;
        imrx_rwarning_t *p = realloc(r->warnings, cap * sizeof *p);
        if (!p) {
            r->warnings_dropped++;
            return;
        }
        r->warnings = p;
        r->warning_cap = cap;
    }
    imrx_rwarning_t *w = &r->warnings[r->warning_count];
    w->plugin = plugin;
    w->message = imrx_arena_strndup(&r->arena, message, strlen(message));
    if (!w->message) {
        r->warnings_dropped++;
        return;
    }
    w->spanned = span != NULL;
    if (span) w->span = *span;
    r->warning_count++;
}

void imrx_record_fail(imrx_record_t *r, const char *stage, const char *plugin, int64_t offset,
                      const char *message)
{
    if (r->has_error) return; /* the first error is the one that explains the rest */
    r->has_error = 1;
    r->error.stage = stage;
    r->error.plugin = plugin;
    r->error.offset = offset;
    r->error.message = imrx_arena_strndup(&r->arena, message, strlen(message));
    if (!r->error.message) r->error.message = "out of memory";
}

size_t imrx_record_path_pattern(const imrx_record_t *r, imrx_node_t n, char *buf, size_t len)
{
    /* Collect the chain from the node up to the root, then write it top-down. */
    imrx_node_t chain[32];
    int depth = 0;
    for (imrx_node_t c = n; c > 0 && depth < 32; c = r->nodes[c].parent) chain[depth++] = c;
    size_t w = 0;
    if (len) buf[0] = '\0';
    for (int i = depth - 1; i >= 0; i--) {
        const imrx_rnode_t *node = &r->nodes[chain[i]];
        const char *part = node->key ? node->key : "[]";
        size_t pl = strlen(part);
        int dot = node->key && w > 0;
        if (w + pl + (size_t)dot + 1 > len) break;
        if (dot) buf[w++] = '.';
        memcpy(buf + w, part, pl);
        w += pl;
        buf[w] = '\0';
    }
    return w;
}
