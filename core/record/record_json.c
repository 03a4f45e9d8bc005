#include "record/record_json.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "record/schema.h"
#include "util/json.h"

typedef struct writer {
    const imrx_record_t *r;
    const imrx_doc_t *doc;
    const imrx_json_options_t *opt;
    imrx_buf_t *out;
    imrx_buf_t *prov; /* provenance entries, written after the values */
    imrx_buf_t own_prov;
    /* The current node's path ("items[0].guidelines[1].title"), kept spelled out as the tree is
     * walked: each step appends to it, and leaving the step cuts it back. Paths are keys and
     * indices: nothing to escape. */
    char path[32 * (64 + 24)]; /* 32 steps, each a key of at most 64 bytes or an index */
    size_t path_len, step_len[32];
    int depth;
    /* The last span mapped to the original bytes: a node and its members often share one. */
    imrx_span_t last_in, last_out;
    int have_last;
} writer_t;

static imrx_span_t original_span(writer_t *w, imrx_span_t s)
{
    if (!w->doc) return s;
    if (w->have_last && w->last_in.begin == s.begin && w->last_in.end == s.end) return w->last_out;
    w->last_in = s;
    w->last_out = imrx_doc_original_span(w->doc, s);
    w->have_last = 1;
    return w->last_out;
}

/* The hot paths write through a cursor into room reserved once (imrx_buf_reserve keeps a byte
 * for the NUL): a few hundred values a letter, each a dozen pieces. */
static char *put_bytes(char *p, const char *s, size_t n)
{
    imrx_copy_short(p, s, n);
    return p + n;
}

/* Ends a cursor write begun at b->data + b->len. */
static void put_end(imrx_buf_t *b, char *p)
{
    *p = '\0';
    b->len = (size_t)(p - b->data);
}

static void write_span(imrx_buf_t *b, writer_t *w, imrx_span_t s)
{
    imrx_span_t o = original_span(w, s);
    if (imrx_buf_reserve(b, 24) != IMRX_OK) return;
    char *p = b->data + b->len;
    *p++ = '[';
    p = imrx_u32_digits(p, o.begin);
    *p++ = ',';
    p = imrx_u32_digits(p, o.end);
    *p++ = ']';
    put_end(b, p);
}

static const char *plugin_name(const writer_t *w, uint16_t plugin)
{
    if (plugin == 0 || plugin > w->opt->plugin_count) return "core";
    return w->opt->plugins[plugin - 1];
}

static void note_provenance(writer_t *w, const imrx_rnode_t *n)
{
    /* Containers write their own "span"; the map is for scalars. */
    if (!w->opt->provenance || !n->spanned || n->type == IMRX_T_OBJECT || n->type == IMRX_T_ARRAY)
        return;
    /* Paths are keys and indices, plugin names [a-z0-9_]: nothing to escape. */
    const char *plugin = plugin_name(w, n->plugin);
    size_t plugin_len = strlen(plugin);
    imrx_span_t o = original_span(w, n->span);
    if (imrx_buf_reserve(w->prov, w->path_len + plugin_len + 32) != IMRX_OK) return;
    char *p = w->prov->data + w->prov->len;
    *p++ = w->prov->len ? ',' : '{';
    *p++ = '"';
    p = put_bytes(p, w->path, w->path_len);
    p = put_bytes(p, "\":[\"", 4);
    p = put_bytes(p, plugin, plugin_len);
    *p++ = '"';
    *p++ = ',';
    p = imrx_u32_digits(p, o.begin);
    *p++ = ',';
    p = imrx_u32_digits(p, o.end);
    *p++ = ']';
    put_end(w->prov, p);
}

/* Steps into a member (key) or an element (key NULL, its index). Deeper than 32 steps, the
 * path stays that of the 32nd. */
static void path_push(writer_t *w, const char *key, size_t key_len, uint32_t index)
{
    if (w->depth < 32) {
        w->step_len[w->depth] = w->path_len;
        char *p = w->path + w->path_len;
        if (key) {
            if (w->depth) *p++ = '.';
            if (key_len > 64) key_len = 64; /* the host API admits no longer key */
            imrx_copy_short(p, key, key_len);
            p += key_len;
        } else {
            *p++ = '[';
            p = imrx_u32_digits(p, index);
            *p++ = ']';
        }
        w->path_len = (size_t)(p - w->path);
    }
    w->depth++;
}

static void path_pop(writer_t *w)
{
    w->depth--;
    if (w->depth < 32) w->path_len = w->step_len[w->depth];
}

static void write_node(writer_t *w, imrx_node_t id);

static void write_members(writer_t *w, const imrx_rnode_t *n, int first)
{
    for (imrx_node_t c = n->first; c != IMRX_NODE_NONE; c = w->r->nodes[c].next) {
        const imrx_rnode_t *child = &w->r->nodes[c];
        /* Keys are plain words (the host API admits no other), so no escaping. */
        if (imrx_buf_reserve(w->out, child->key_len + 4) != IMRX_OK) return;
        char *p = w->out->data + w->out->len;
        if (!first) *p++ = ',';
        first = 0;
        *p++ = '"';
        p = put_bytes(p, child->key, child->key_len);
        *p++ = '"';
        *p++ = ':';
        put_end(w->out, p);
        path_push(w, child->key, child->key_len, 0);
        write_node(w, c);
        path_pop(w);
    }
}

static void write_node(writer_t *w, imrx_node_t id)
{
    const imrx_rnode_t *n = &w->r->nodes[id];
    imrx_buf_t *b = w->out;
    switch (n->type) {
    case IMRX_T_NULL:
        imrx_buf_append(b, "null", 4);
        break;
    case IMRX_T_BOOL:
        imrx_buf_puts(b, n->v.i ? "true" : "false");
        break;
    case IMRX_T_INT:
        imrx_buf_put_i64(b, n->v.i);
        break;
    case IMRX_T_REAL:
        imrx_buf_printf(b, "%.10g", n->v.d);
        break;
    case IMRX_T_STRING:
        imrx_json_string(b, n->v.str.s, n->v.str.len);
        break;
    case IMRX_T_OBJECT:
        imrx_buf_putc(b, '{');
        write_members(w, n, 1);
        /* Objects carry their span (an item's block, a mention), as record.md shows. */
        if (n->spanned) {
            if (n->count) imrx_buf_putc(b, ',');
            imrx_buf_puts(b, "\"span\":");
            write_span(b, w, n->span);
        }
        imrx_buf_putc(b, '}');
        break;
    case IMRX_T_ARRAY: {
        imrx_buf_putc(b, '[');
        uint32_t i = 0;
        for (imrx_node_t c = n->first; c != IMRX_NODE_NONE; c = w->r->nodes[c].next, i++) {
            if (i) imrx_buf_putc(b, ',');
            path_push(w, NULL, 0, i);
            write_node(w, c);
            path_pop(w);
        }
        imrx_buf_putc(b, ']');
        break;
    }
    default:
        imrx_buf_append(b, "null", 4);
        break;
    }
    note_provenance(w, n);
}

static void write_sections(writer_t *w)
{
    imrx_buf_puts(w->out, ",\"sections\":[");
    for (uint32_t i = 0; w->doc && i < w->doc->section_count; i++) {
        const imrx_section_t *s = &w->doc->sections[i];
        if (i) imrx_buf_putc(w->out, ',');
        imrx_buf_puts(w->out, "{\"name\":");
        imrx_json_cstring(w->out, s->name);
        imrx_buf_puts(w->out, ",\"span\":");
        write_span(w->out, w, (imrx_span_t){s->heading_begin, s->end});
        imrx_buf_putc(w->out, '}');
    }
    imrx_buf_putc(w->out, ']');
}

static void write_warnings(writer_t *w)
{
    const imrx_record_t *r = w->r;
    imrx_buf_puts(w->out, ",\"warnings\":[");
    for (uint32_t i = 0; i < r->warning_count; i++) {
        const imrx_rwarning_t *x = &r->warnings[i];
        if (i) imrx_buf_putc(w->out, ',');
        imrx_buf_puts(w->out, "{\"plugin\":");
        imrx_json_cstring(w->out, x->plugin);
        imrx_buf_puts(w->out, ",\"message\":");
        imrx_json_cstring(w->out, x->message);
        if (x->spanned) {
            imrx_buf_puts(w->out, ",\"span\":");
            write_span(w->out, w, x->span);
        }
        imrx_buf_putc(w->out, '}');
    }
    if (r->warnings_dropped) {
        if (r->warning_count) imrx_buf_putc(w->out, ',');
        imrx_buf_printf(w->out,
                        "{\"plugin\":\"core\",\"message\":\"%" PRIu32 " more warnings not shown\"}",
                        r->warnings_dropped);
    }
    imrx_buf_putc(w->out, ']');
}

static void write_error(writer_t *w)
{
    const imrx_record_t *r = w->r;
    imrx_buf_puts(w->out, ",\"error\":");
    if (!r->has_error) {
        imrx_buf_puts(w->out, "null");
        return;
    }
    imrx_buf_puts(w->out, "{\"stage\":");
    imrx_json_cstring(w->out, r->error.stage);
    if (r->error.plugin) {
        imrx_buf_puts(w->out, ",\"plugin\":");
        imrx_json_cstring(w->out, r->error.plugin);
    }
    imrx_buf_puts(w->out, ",\"message\":");
    imrx_json_cstring(w->out, r->error.message);
    imrx_buf_puts(w->out, ",\"offset\":");
    if (r->error.offset >= 0)
        imrx_buf_printf(w->out, "%" PRId64, r->error.offset);
    else
        imrx_buf_puts(w->out, "null");
    imrx_buf_putc(w->out, '}');
}

void imrx_record_write_json(const imrx_record_t *r, const imrx_doc_t *doc, const char *source,
                            const imrx_json_options_t *opt, imrx_buf_t *out)
{
    writer_t w = {.r = r, .doc = doc, .opt = opt, .out = out};
    imrx_buf_init(&w.own_prov);
    w.prov = opt->scratch ? opt->scratch : &w.own_prov;
    imrx_buf_clear(w.prov);
    imrx_buf_printf(out, "{\"imrx\":%d,\"source\":", IMRX_RECORD_VERSION);
    imrx_json_cstring(out, source);
    imrx_buf_puts(out, ",\"layout\":");
    imrx_json_cstring(out, doc ? doc->layout : "unknown");
    if (r->count) write_members(&w, &r->nodes[0], 0);
    write_sections(&w);
    write_warnings(&w);
    write_error(&w);
    if (opt->provenance) {
        imrx_buf_puts(out, ",\"provenance\":");
        if (w.prov->len) {
            imrx_buf_append(out, w.prov->data, w.prov->len);
            imrx_buf_putc(out, '}');
        } else {
            imrx_buf_puts(out, "{}");
        }
    }
    imrx_buf_puts(out, "}\n");
    imrx_buf_free(&w.own_prov);
}
