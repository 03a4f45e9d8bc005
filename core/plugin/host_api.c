/* The function table plugins call. Every value is checked here before it enters the record:
 * a plugin may be buggy, but the record it leaves is always well-formed. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "plugin/ctx.h"

void imrx_ctx_begin(imrx_ctx_t *ctx, uint16_t id, const imrx_loaded_plugin_t *plugin)
{
    ctx->plugin_id = id;
    ctx->plugin = plugin;
    ctx->values = ctx->bytes = 0;
    ctx->over_budget = 0;
    ctx->rejected = 0;
    ctx->path_node = IMRX_NODE_NONE;
}

static const char *ctx_plugin_name(const imrx_ctx_t *ctx)
{
    return ctx && ctx->plugin ? ctx->plugin->desc->name : "core";
}

static void host_vlog(imrx_ctx_t *ctx, imrx_level_t level, const char *fmt, va_list ap)
    IMRX_PRINTF(3, 0);
static void host_vlog(imrx_ctx_t *ctx, imrx_level_t level, const char *fmt, va_list ap)
{
    if (!ctx || !ctx->diag) return;
    char where[600];
    if (ctx->doc && ctx->record)
        snprintf(where, sizeof where, "plugin '%s' on %s", ctx_plugin_name(ctx),
                 ctx->doc->source ? ctx->doc->source : "?");
    else
        snprintf(where, sizeof where, "plugin '%s'", ctx_plugin_name(ctx));
    imrx_vdiag(ctx->diag, level, where, fmt, ap);
}

static void host_log(imrx_ctx_t *ctx, imrx_level_t level, const char *fmt, ...) IMRX_PRINTF(3, 4);
static void host_log(imrx_ctx_t *ctx, imrx_level_t level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    host_vlog(ctx, level, fmt, ap);
    va_end(ap);
}

static int span_ok(const imrx_ctx_t *ctx, imrx_span_t s)
{
    return s.begin <= s.end && s.end <= ctx->doc->text.len;
}

/* A problem with what the plugin sent: a warning on the record, once per kind and letter. */
static void reject(imrx_ctx_t *ctx, const char *fmt, ...) IMRX_PRINTF(2, 3);
static void reject(imrx_ctx_t *ctx, const char *fmt, ...)
{
    if (ctx->rejected++ >= 4) return;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    imrx_record_warn(ctx->record, ctx_plugin_name(ctx), NULL, msg);
}

static void host_warn(imrx_ctx_t *ctx, imrx_span_t span, const char *fmt, ...) IMRX_PRINTF(3, 4);
static void host_warn(imrx_ctx_t *ctx, imrx_span_t span, const char *fmt, ...)
{
    if (!ctx || !ctx->record) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int has_span = (span.begin || span.end) && span_ok(ctx, span);
    imrx_record_warn(ctx->record, ctx_plugin_name(ctx), has_span ? &span : NULL, msg);
}

static void host_error(imrx_ctx_t *ctx, imrx_span_t span, const char *fmt, ...) IMRX_PRINTF(3, 4);
static void host_error(imrx_ctx_t *ctx, imrx_span_t span, const char *fmt, ...)
{
    if (!ctx || !ctx->record) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int64_t offset = -1;
    if ((span.begin || span.end) && span_ok(ctx, span))
        offset = imrx_doc_original_span(ctx->doc, span).begin;
    imrx_record_fail(ctx->record, "plugin", ctx_plugin_name(ctx), offset, msg);
}

static imrx_node_t host_root(imrx_ctx_t *ctx)
{
    return ctx && ctx->record ? 0 : IMRX_NODE_NONE;
}

/* Is `path` (a field pattern such as "items[].drug.generic") covered by a declared field? A
 * declaration covers itself and what lies below it; a container on the way to a declared field
 * may be created too (`container`). */
static int declared(const imrx_ctx_t *ctx, const char *path, size_t pl, int container)
{
    for (const char *const *f = ctx->plugin->desc->fields; *f; f++) {
        if ((*f)[0] != path[0]) continue; /* most declarations differ at once */
        size_t fl = strlen(*f);
        if (strncmp(*f, path, fl < pl ? fl : pl) != 0) continue;
        if (fl == pl) return 1;
        if (pl > fl && (path[fl] == '.' || path[fl] == '[')) return 1;
        if (container && fl > pl && ((*f)[pl] == '.' || (*f)[pl] == '[')) return 1;
    }
    return 0;
}

/* Keys become JSON member names and SQL or CSV column names downstream: plain words only.
 * Returns the key's length, or 0 when it is not one. */
static size_t valid_key(const char *key)
{
    static const unsigned char ok[256] = {
        ['-'] = 1, ['_'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
        ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
        ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
        ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
        ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1,
        ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
        ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
        ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1};
    size_t n = 0;
    while (ok[(unsigned char)key[n]]) {
        if (++n > 64) return 0;
    }
    return key[n] ? 0 : n;
}

/* Checks a write of `key` under `parent` and charges it to the budget. */
static imrx_status_t admit(imrx_ctx_t *ctx, imrx_node_t parent, const char *key, int container,
                           size_t bytes)
{
    if (!ctx || !ctx->record || !ctx->plugin) return IMRX_EINVAL;
    imrx_rnode_t *p = imrx_record_node(ctx->record, parent);
    if (!p || (p->type != IMRX_T_OBJECT && p->type != IMRX_T_ARRAY)) {
        reject(ctx, "set a value under node %d, which is not an object or array", (int)parent);
        return IMRX_EINVAL;
    }
    if ((p->type == IMRX_T_OBJECT) != (key != NULL)) {
        reject(ctx, "%s",
               key ? "gave a key for an array element" : "gave no key for an object member");
        return IMRX_EINVAL;
    }
    size_t key_len = key ? valid_key(key) : 2;
    if (!key_len) {
        reject(ctx, "used the key '%.64s': keys are 1 to 64 ASCII letters, digits, '_' or '-'",
               key);
        return IMRX_EINVAL;
    }
    if (ctx->over_budget) return IMRX_ELIMIT;
    if (++ctx->values > ctx->limits.max_values ||
        (ctx->bytes += (uint32_t)bytes) > ctx->limits.max_bytes) {
        ctx->over_budget = 1;
        char msg[200];
        snprintf(msg, sizeof msg,
                 "emitted more than its budget for one letter (%u values, %u bytes); the rest "
                 "was dropped",
                 ctx->limits.max_values, ctx->limits.max_bytes);
        imrx_record_warn(ctx->record, ctx_plugin_name(ctx), NULL, msg);
        return IMRX_ELIMIT;
    }
    /* Under a covered parent, every key is declared (and a container made there is covered). */
    ctx->child_covered = 1;
    if (p->covered == ctx->plugin_id) return IMRX_OK;
    if (ctx->path_node != parent) {
        ctx->path_len = imrx_record_path_pattern(ctx->record, parent, ctx->path, sizeof ctx->path);
        ctx->path_node = parent;
        ctx->path_covered = declared(ctx, ctx->path, ctx->path_len, 0);
    }
    if (ctx->path_covered) return IMRX_OK;
    char path[320];
    size_t n = ctx->path_len;
    memcpy(path, ctx->path, n);
    const char *tail = key ? key : "[]";
    size_t k = key_len;
    if (key && n) path[n++] = '.';
    if (n + k >= sizeof path) k = sizeof path - n - 1;
    memcpy(path + n, tail, k);
    path[n + k] = '\0';
    if (!declared(ctx, path, n + k, container)) {
        reject(ctx, "set '%s', which is not among the fields it declares", path);
        return IMRX_EFIELD;
    }
    ctx->child_covered = container && declared(ctx, path, n + k, 0);
    return IMRX_OK;
}

static imrx_node_t host_container(imrx_ctx_t *ctx, imrx_node_t parent, const char *key,
                                  imrx_type_t type)
{
    if (admit(ctx, parent, key, 1, 0) != IMRX_OK) return IMRX_NODE_NONE;
    imrx_node_t node = imrx_record_put(ctx->record, parent, key, type, ctx->plugin_id);
    if (node != IMRX_NODE_NONE && ctx->child_covered)
        ctx->record->nodes[node].covered = ctx->plugin_id;
    return node;
}

static imrx_node_t host_object(imrx_ctx_t *ctx, imrx_node_t parent, const char *key)
{
    return host_container(ctx, parent, key, IMRX_T_OBJECT);
}

static imrx_node_t host_array(imrx_ctx_t *ctx, imrx_node_t parent, const char *key)
{
    return host_container(ctx, parent, key, IMRX_T_ARRAY);
}

static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            if (c == 0) return 0;
            p++;
            continue;
        }
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len == 0 || c > 0xF4 || (size_t)(end - p) < len) return 0;
        for (size_t i = 1; i < len; i++)
            if ((p[i] & 0xC0) != 0x80) return 0;
        if (len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))) return 0;
        if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))) return 0;
        p += len;
    }
    return 1;
}

/* Attaches a checked span to a node just written. */
static imrx_status_t attach_span(imrx_ctx_t *ctx, imrx_node_t node, imrx_span_t span)
{
    imrx_rnode_t *n = imrx_record_node(ctx->record, node);
    if (!n) return IMRX_EINVAL;
    if (span.begin == 0 && span.end == 0) return IMRX_OK; /* no span */
    if (!span_ok(ctx, span)) {
        reject(ctx, "gave span [%u,%u) outside the letter's %zu bytes", span.begin, span.end,
               ctx->doc->text.len);
        return IMRX_EINVAL;
    }
    n->span = span;
    n->spanned = 1;
    return IMRX_OK;
}

static imrx_status_t host_set_string(imrx_ctx_t *ctx, imrx_node_t parent, const char *key,
                                     const char *value, size_t length, imrx_span_t span)
{
    if (!value) return IMRX_EINVAL;
    imrx_status_t st = admit(ctx, parent, key, 0, length);
    if (st != IMRX_OK) return st;
    if (!valid_utf8(value, length)) {
        reject(ctx, "sent a string that is not valid UTF-8 (or holds a NUL byte)");
        return IMRX_EINVAL;
    }
    if (!(span.begin == 0 && span.end == 0) && !span_ok(ctx, span)) {
        reject(ctx, "gave span [%u,%u) outside the letter's %zu bytes", span.begin, span.end,
               ctx->doc->text.len);
        return IMRX_EINVAL;
    }
    imrx_node_t node =
        imrx_record_put_string(ctx->record, parent, key, value, length, ctx->plugin_id);
    if (node == IMRX_NODE_NONE) return IMRX_ENOMEM;
    return attach_span(ctx, node, span);
}

static imrx_status_t set_scalar(imrx_ctx_t *ctx, imrx_node_t parent, const char *key,
                                imrx_type_t type, int64_t i, double d, imrx_span_t span)
{
    imrx_status_t st = admit(ctx, parent, key, 0, 8);
    if (st != IMRX_OK) return st;
    if (!(span.begin == 0 && span.end == 0) && !span_ok(ctx, span)) {
        reject(ctx, "gave span [%u,%u) outside the letter's %zu bytes", span.begin, span.end,
               ctx->doc->text.len);
        return IMRX_EINVAL;
    }
    imrx_node_t node = imrx_record_put(ctx->record, parent, key, type, ctx->plugin_id);
    if (node == IMRX_NODE_NONE) return IMRX_ENOMEM;
    if (type == IMRX_T_REAL)
        ctx->record->nodes[node].v.d = d;
    else
        ctx->record->nodes[node].v.i = i;
    return attach_span(ctx, node, span);
}

static imrx_status_t host_set_int(imrx_ctx_t *ctx, imrx_node_t parent, const char *key,
                                  int64_t value, imrx_span_t span)
{
    return set_scalar(ctx, parent, key, IMRX_T_INT, value, 0, span);
}

static imrx_status_t host_set_real(imrx_ctx_t *ctx, imrx_node_t parent, const char *key,
                                   double value, imrx_span_t span)
{
    if (value != value || value > 1e300 || value < -1e300) {
        if (ctx && ctx->record) reject(ctx, "sent a real number that is NaN or infinite");
        return IMRX_EINVAL;
    }
    return set_scalar(ctx, parent, key, IMRX_T_REAL, 0, value, span);
}

static imrx_status_t host_set_bool(imrx_ctx_t *ctx, imrx_node_t parent, const char *key, int value,
                                   imrx_span_t span)
{
    return set_scalar(ctx, parent, key, IMRX_T_BOOL, value != 0, 0, span);
}

static imrx_status_t host_set_null(imrx_ctx_t *ctx, imrx_node_t parent, const char *key)
{
    return set_scalar(ctx, parent, key, IMRX_T_NULL, 0, 0, imrx_span(0, 0));
}

static imrx_status_t host_set_span(imrx_ctx_t *ctx, imrx_node_t node, imrx_span_t span)
{
    if (!ctx || !ctx->record) return IMRX_EINVAL;
    imrx_rnode_t *n = imrx_record_node(ctx->record, node);
    if (!n || node == 0) return IMRX_EINVAL;
    if (n->plugin != ctx->plugin_id) {
        reject(ctx, "set the span of a node another plugin made");
        return IMRX_EFIELD;
    }
    return attach_span(ctx, node, span);
}

static imrx_node_t host_get(imrx_ctx_t *ctx, imrx_node_t node, const char *key)
{
    if (!ctx || !ctx->record) return IMRX_NODE_NONE;
    return imrx_record_get(ctx->record, node, key);
}

static imrx_type_t host_type(imrx_ctx_t *ctx, imrx_node_t node)
{
    const imrx_rnode_t *n = ctx && ctx->record ? imrx_record_node(ctx->record, node) : NULL;
    return n ? (imrx_type_t)n->type : IMRX_T_NONE;
}

static uint32_t host_count(imrx_ctx_t *ctx, imrx_node_t node)
{
    const imrx_rnode_t *n = ctx && ctx->record ? imrx_record_node(ctx->record, node) : NULL;
    return n && (n->type == IMRX_T_ARRAY || n->type == IMRX_T_OBJECT) ? n->count : 0;
}

static imrx_node_t host_at(imrx_ctx_t *ctx, imrx_node_t node, uint32_t index)
{
    const imrx_rnode_t *n = ctx && ctx->record ? imrx_record_node(ctx->record, node) : NULL;
    if (!n || n->type != IMRX_T_ARRAY || index >= n->count) return IMRX_NODE_NONE;
    imrx_node_t c = n->first;
    while (index-- && c != IMRX_NODE_NONE) c = ctx->record->nodes[c].next;
    return c;
}

static const char *host_get_string(imrx_ctx_t *ctx, imrx_node_t node, size_t *length)
{
    const imrx_rnode_t *n = ctx && ctx->record ? imrx_record_node(ctx->record, node) : NULL;
    if (!n || n->type != IMRX_T_STRING) return NULL;
    if (length) *length = n->v.str.len;
    return n->v.str.s;
}

static int64_t host_get_int(imrx_ctx_t *ctx, imrx_node_t node, int64_t fallback)
{
    const imrx_rnode_t *n = ctx && ctx->record ? imrx_record_node(ctx->record, node) : NULL;
    if (!n) return fallback;
    if (n->type == IMRX_T_INT || n->type == IMRX_T_BOOL) return n->v.i;
    if (n->type == IMRX_T_REAL) return (int64_t)n->v.d;
    return fallback;
}

static imrx_span_t host_get_span(imrx_ctx_t *ctx, imrx_node_t node)
{
    const imrx_rnode_t *n = ctx && ctx->record ? imrx_record_node(ctx->record, node) : NULL;
    return n && n->spanned ? n->span : imrx_span(0, 0);
}

static const imrx_host_api_t host_api = {
    .struct_size = sizeof(imrx_host_api_t),
    .abi_major = IMRX_ABI_MAJOR,
    .abi_minor = IMRX_ABI_MINOR,
    .log = host_log,
    .warn = host_warn,
    .error = host_error,
    .root = host_root,
    .object = host_object,
    .array = host_array,
    .set_string = host_set_string,
    .set_int = host_set_int,
    .set_real = host_set_real,
    .set_bool = host_set_bool,
    .set_null = host_set_null,
    .set_span = host_set_span,
    .get = host_get,
    .type = host_type,
    .count = host_count,
    .at = host_at,
    .get_string = host_get_string,
    .get_int = host_get_int,
    .get_span = host_get_span,
};

const imrx_host_api_t *imrx_host_api(void)
{
    return &host_api;
}

imrx_status_t imrx_plugins_init(imrx_plugin_set_t *set)
{
    for (unsigned i = 0; i < set->count; i++) {
        imrx_loaded_plugin_t *p = &set->items[i];
        imrx_ctx_t ctx = {.diag = set->diag, .plugin = p, .plugin_id = (uint16_t)(i + 1)};
        imrx_init_args_t args = {
            .struct_size = sizeof args,
            .api = &host_api,
            .plugin_path = p->path,
            .data_dir = p->data_dir,
            .ctx = &ctx,
        };
        imrx_status_t st = p->desc->init ? p->desc->init(&args, &p->state) : IMRX_OK;
        if (st != IMRX_OK) {
            imrx_diag(set->diag, IMRX_LOG_ERROR, p->path,
                      "plugin '%s' failed to initialise (status %d): see the messages above, "
                      "check its data folder %s, or leave it out with --plugins",
                      p->desc->name, (int)st, p->data_dir);
            return IMRX_ERR;
        }
        p->initialised = 1;
    }
    return IMRX_OK;
}
