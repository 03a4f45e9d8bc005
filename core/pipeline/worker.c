/* One letter's way through the house: read, normalise, find the layout and sections, run the
 * plugins in order. Every failure ends as an error in the record, never as a lost letter. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "input/pdf.h"
#include "pipeline/engine.h"
#include "util/size.h"
#include "pipeline/isolate.h"

imrx_status_t imrx_engine_init(imrx_engine_t *e, imrx_diag_t *diag)
{
    char err[512];
    e->diag = diag;
    if (!e->limits.max_values) e->limits.max_values = 20000;
    if (!e->limits.max_bytes) e->limits.max_bytes = 4u * 1024 * 1024;
    if (!e->max_size) e->max_size = IMRX_DEFAULT_MAX_SIZE;
    e->layout = imrx_layout_engine_new(err, sizeof err);
    if (!e->layout) {
        imrx_diag(diag, IMRX_LOG_ERROR, NULL, "%s", err);
        return IMRX_ERR;
    }
    return IMRX_OK;
}

void imrx_engine_free(imrx_engine_t *e)
{
    imrx_layout_engine_free(e->layout);
    e->layout = NULL;
}

imrx_status_t imrx_engine_open(imrx_engine_t *e, const imrx_loader_options_t *lo, imrx_diag_t *diag)
{
    if (imrx_engine_init(e, diag) != IMRX_OK) return IMRX_ERR;
    if (imrx_plugins_load(&e->plugins, lo, diag) != IMRX_OK) {
        imrx_engine_free(e);
        return IMRX_ERR;
    }
    if (e->plugins.count == 0)
        imrx_diag(diag, IMRX_LOG_WARN, NULL,
                  "no plugins loaded: records will hold only the layout and sections (build "
                  "the plugins, or point --plugin-dir at them)");
    if (imrx_plugins_init(&e->plugins) != IMRX_OK) {
        imrx_engine_close(e);
        return IMRX_ERR;
    }
    return IMRX_OK;
}

void imrx_engine_close(imrx_engine_t *e)
{
    imrx_plugins_unload(&e->plugins);
    imrx_engine_free(e);
}

/* IMRX_PROFILE=1: after the plugins' times, the host's: loading a letter, writing a record. */
#define PROFILE_HOST 2

static uint64_t profile_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

imrx_status_t imrx_worker_init(imrx_worker_t *w, const imrx_engine_t *e)
{
    memset(w, 0, sizeof *w);
    w->engine = e;
    imrx_doc_init(&w->doc);
    imrx_record_init(&w->record);
    imrx_buf_init(&w->readbuf);
    imrx_buf_init(&w->pdftext);
    w->layout_scratch = imrx_layout_scratch_new(e->layout);
    w->thread_states = calloc(e->plugins.count + 1, sizeof *w->thread_states);
    const char *profile = getenv("IMRX_PROFILE");
    if (profile && *profile && *profile != '0')
        w->plugin_ns = calloc(e->plugins.count + PROFILE_HOST, sizeof *w->plugin_ns);
    if (!w->layout_scratch || !w->thread_states) return IMRX_ENOMEM;
    w->ctx.diag = e->diag;
    w->ctx.limits = e->limits;
    imrx_buf_init(&w->iso_json);
    imrx_buf_init(&w->json_scratch);
    if (e->isolate) {
        w->iso = calloc(1, sizeof *w->iso);
        if (!w->iso) return IMRX_ENOMEM;
        return imrx_isolate_start(w->iso, e->isolate, e->diag);
    }
    for (unsigned i = 0; i < e->plugins.count; i++) {
        const imrx_loaded_plugin_t *p = &e->plugins.items[i];
        if (!p->desc->thread_init) continue;
        imrx_status_t st = p->desc->thread_init(p->state, &w->thread_states[i]);
        if (st != IMRX_OK) {
            imrx_diag(e->diag, IMRX_LOG_ERROR, p->path,
                      "plugin '%s' could not set up a worker thread (status %d)", p->desc->name,
                      (int)st);
            return st;
        }
    }
    return IMRX_OK;
}

void imrx_worker_free(imrx_worker_t *w)
{
    const imrx_engine_t *e = w->engine;
    for (unsigned i = 0; e && w->plugin_ns && i < e->plugins.count; i++)
        fprintf(stderr, "imrx profile: plugin %-12s %8.3f s in this worker\n",
                e->plugins.items[i].desc->name, (double)w->plugin_ns[i] / 1e9);
    static const char *const host[PROFILE_HOST] = {"read, normalise, split", "write the record"};
    /* (loading is counted for the letters that reach the plugins) */
    for (unsigned i = 0; e && w->plugin_ns && i < PROFILE_HOST; i++)
        fprintf(stderr, "imrx profile: host: %-21s %8.3f s in this worker\n", host[i],
                (double)w->plugin_ns[e->plugins.count + i] / 1e9);
    free(w->plugin_ns);
    for (unsigned i = 0; e && w->thread_states && i < e->plugins.count; i++) {
        const imrx_loaded_plugin_t *p = &e->plugins.items[i];
        if (p->desc->thread_fini && w->thread_states[i])
            p->desc->thread_fini(p->state, w->thread_states[i]);
    }
    free(w->thread_states);
    if (w->iso) imrx_isolate_stop(w->iso);
    free(w->iso);
    imrx_buf_free(&w->iso_json);
    imrx_buf_free(&w->json_scratch);
    imrx_layout_scratch_free(w->layout_scratch);
    imrx_doc_free(&w->doc);
    imrx_record_free(&w->record);
    imrx_buf_free(&w->readbuf);
    imrx_buf_free(&w->pdftext);
    memset(w, 0, sizeof *w);
}

static imrx_letter_result_t fail(imrx_worker_t *w, const char *stage, int64_t offset,
                                 const char *fmt, ...) IMRX_PRINTF(4, 5);
static imrx_letter_result_t fail(imrx_worker_t *w, const char *stage, int64_t offset,
                                 const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    imrx_record_fail(&w->record, stage, NULL, offset, msg);
    imrx_letter_result_t r = {.failed = 1};
    return r;
}

/* Reads a whole file into w->readbuf, refusing it unread when over the size limit. */
static int read_file(imrx_worker_t *w, const char *path, imrx_letter_result_t *res)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *res = fail(w, "read", -1, "cannot open: %s", strerror(errno));
        return 0;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        *res = fail(w, "read", -1, "not a regular file");
        return 0;
    }
    size_t max = w->engine->max_size;
    if ((uint64_t)st.st_size > max) {
        close(fd);
        char size[32], limit[32];
        *res = fail(w, "read", -1,
                    "file is %s, over the %s limit for one letter (raise it with --max-size)",
                    imrx_size_text((uint64_t)st.st_size, size, sizeof size),
                    imrx_size_text(max, limit, sizeof limit));
        res->bytes = (size_t)st.st_size;
        return 0;
    }
    imrx_buf_clear(&w->readbuf);
    if (imrx_buf_reserve(&w->readbuf, (size_t)st.st_size + 1) != IMRX_OK) {
        close(fd);
        *res = fail(w, "read", -1, "out of memory");
        return 0;
    }
    /* Read to the end rather than trusting st_size: the file may grow or shrink meanwhile. */
    for (;;) {
        if (w->readbuf.len == max + 1) break;
        if (imrx_buf_reserve(&w->readbuf, 64 * 1024) != IMRX_OK) break;
        size_t room = w->readbuf.cap - w->readbuf.len - 1;
        if (room > max + 1 - w->readbuf.len) room = max + 1 - w->readbuf.len;
        ssize_t got = read(fd, w->readbuf.data + w->readbuf.len, room);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int err = errno;
            close(fd);
            *res = fail(w, "read", (int64_t)w->readbuf.len, "read failed: %s", strerror(err));
            return 0;
        }
        if (got == 0) break;
        w->readbuf.len += (size_t)got;
        /* A short read of a regular file at or past its size is its end: no second read. */
        if ((size_t)got < room && w->readbuf.len >= (size_t)st.st_size) break;
    }
    close(fd);
    if (w->readbuf.failed) {
        *res = fail(w, "read", -1, "out of memory");
        return 0;
    }
    if (w->readbuf.len > max) {
        char limit[32];
        *res = fail(w, "read", -1, "file grew over the %s limit while being read",
                    imrx_size_text(max, limit, sizeof limit));
        return 0;
    }
    return 1;
}

static void layout_warning(void *user, uint32_t at, const char *message)
{
    imrx_worker_t *w = user;
    imrx_span_t span = {at, at};
    imrx_record_warn(&w->record, "core", &span, message);
}

/* Warnings (or an error) for what the character pass had to repair. */
static int check_decoding(imrx_worker_t *w, size_t n, imrx_letter_result_t *res)
{
    const imrx_char_report_t *c = &w->doc.chars;
    char msg[300];
    if (c->nul_count && (c->nul_count > 64 || (uint64_t)c->nul_count * 100 >= n)) {
        *res = fail(w, "decode", c->first_nul,
                    "binary data, not text: %" PRIu32 " NUL bytes (the first at byte %" PRIu32 ")",
                    c->nul_count, c->first_nul);
        return 0;
    }
    if (c->invalid_count && (uint64_t)c->invalid_count * 20 > n) {
        *res = fail(w, "decode", c->first_invalid,
                    "not UTF-8 text: %" PRIu32 " invalid byte sequences (the first at byte %" PRIu32
                    "); convert it, e.g. `iconv -f latin1 -t utf-8`",
                    c->invalid_count, c->first_invalid);
        return 0;
    }
    if (c->invalid_count) {
        snprintf(msg, sizeof msg,
                 "%" PRIu32 " invalid UTF-8 byte sequences replaced by U+FFFD (the first at byte "
                 "%" PRIu32 ")",
                 c->invalid_count, c->first_invalid);
        imrx_record_warn(&w->record, "core", NULL, msg);
    }
    if (c->nul_count) {
        snprintf(msg, sizeof msg, "%" PRIu32 " NUL bytes removed (the first at byte %" PRIu32 ")",
                 c->nul_count, c->first_nul);
        imrx_record_warn(&w->record, "core", NULL, msg);
    }
    if (c->control_count) {
        snprintf(msg, sizeof msg, "%" PRIu32 " control characters removed", c->control_count);
        imrx_record_warn(&w->record, "core", NULL, msg);
    }
    if (c->encoding == IMRX_ENC_UTF16LE || c->encoding == IMRX_ENC_UTF16BE)
        imrx_record_warn(&w->record, "core", NULL,
                         c->encoding == IMRX_ENC_UTF16LE ? "converted from UTF-16LE"
                                                         : "converted from UTF-16BE");
    return 1;
}

static uint32_t count_items(imrx_worker_t *w)
{
    imrx_node_t items = imrx_record_get(&w->record, 0, "items");
    const imrx_rnode_t *n = imrx_record_node(&w->record, items);
    return n && n->type == IMRX_T_ARRAY ? n->count : 0;
}

static void run_plugins(imrx_worker_t *w, imrx_letter_result_t *res)
{
    const imrx_plugin_set_t *set = &w->engine->plugins;
    imrx_doc_make_view(&w->doc);
    w->ctx.record = &w->record;
    w->ctx.doc = &w->doc;
    for (unsigned i = 0; i < set->count; i++) {
        const imrx_loaded_plugin_t *p = &set->items[i];
        imrx_ctx_begin(&w->ctx, (uint16_t)(i + 1), p);
        uint64_t t0 = w->plugin_ns ? profile_now() : 0;
        imrx_status_t st = p->desc->extract(p->state, w->thread_states[i], &w->doc.view, &w->ctx);
        if (w->plugin_ns) w->plugin_ns[i] += profile_now() - t0;
        if (st != IMRX_OK && st != IMRX_ELIMIT) {
            char msg[200];
            snprintf(msg, sizeof msg, "extract failed with status %d", (int)st);
            imrx_record_fail(&w->record, "plugin", p->desc->name, -1, msg);
            res->failed = 1;
        }
    }
    w->ctx.record = NULL;
    w->ctx.plugin = NULL;
}

static imrx_letter_result_t process(imrx_worker_t *w, const imrx_input_t *in);

imrx_letter_result_t imrx_worker_process(imrx_worker_t *w, const imrx_input_t *in)
{
    imrx_letter_result_t res = process(w, in);
    if (res.failed && !res.why[0] && w->record.has_error) {
        const imrx_rerror_t *e = &w->record.error;
        char at[40] = "";
        if (e->offset >= 0) snprintf(at, sizeof at, " (byte %lld)", (long long)e->offset);
        snprintf(res.why, sizeof res.why, "%s%s%s: %s%s", e->stage, e->plugin ? " by plugin " : "",
                 e->plugin ? e->plugin : "", e->message, at);
    }
    return res;
}

static imrx_letter_result_t process(imrx_worker_t *w, const imrx_input_t *in)
{
    uint64_t t0 = w->plugin_ns ? profile_now() : 0; /* loading: from here to the plugins */
    imrx_letter_result_t res = {0};
    w->source = in->name;
    w->doc_valid = 0;
    w->iso_ready = 0;
    if (imrx_record_reset(&w->record) != IMRX_OK) return fail(w, "read", -1, "out of memory");
    if (in->kind == IMRX_IN_ERROR)
        return fail(w, in->error_stage ? in->error_stage : "read", in->error_offset, "%s",
                    in->error ? in->error : "cannot read");
    if (w->iso) {
        char why[400];
        if (imrx_isolate_process(w->iso, in, &w->iso_json, &res, why, sizeof why) == IMRX_OK) {
            w->iso_ready = 1;
            return res;
        }
        return fail(w, "plugin", -1, "%s", why);
    }

    const unsigned char *bytes;
    size_t n;
    if (in->kind == IMRX_IN_FILE) {
        if (!read_file(w, in->path, &res)) return res;
        bytes = (const unsigned char *)w->readbuf.data;
        n = w->readbuf.len;
    } else {
        bytes = in->bytes;
        n = in->len;
    }
    res.bytes = n;
    if (n == 0) return res.failed = 1, fail(w, "read", -1, "empty file"), res;
    if (in->is_pdf || (n >= 5 && memcmp(bytes, "%PDF-", 5) == 0)) {
        char why[300];
        if (imrx_pdf_to_text(bytes, n, &w->pdftext, why, sizeof why) != IMRX_OK) {
            res = fail(w, "decode", -1, "cannot read PDF: %s", why);
            res.bytes = n;
            return res;
        }
        bytes = (const unsigned char *)w->pdftext.data;
        n = w->pdftext.len;
    }
    imrx_status_t st = imrx_doc_load(&w->doc, in->name, bytes, n);
    if (st != IMRX_OK) {
        res = fail(w, "decode", -1, st == IMRX_ELIMIT ? "letter too large" : "out of memory");
        res.bytes = n;
        return res;
    }
    w->doc_valid = 1;
    if (!check_decoding(w, n, &res)) return res.bytes = n, res;
    if (w->doc.text.len == 0)
        return res = fail(w, "read", -1, "no text: the file holds only spaces and line breaks"),
               res.bytes = n, res;
    imrx_layout_split(w->engine->layout, w->layout_scratch, &w->doc, layout_warning, w);
    if (strcmp(w->doc.layout, "unknown") == 0) {
        res = fail(w, "layout", -1,
                   "not an IMR determination letter: none of the headings of layouts A-D were "
                   "found (docs/layouts.md)");
        res.bytes = n;
        return res;
    }
    if (w->plugin_ns) w->plugin_ns[w->engine->plugins.count] += profile_now() - t0;
    run_plugins(w, &res);
    res.items = count_items(w);
    return res;
}

void imrx_worker_write_json(imrx_worker_t *w, int provenance, imrx_buf_t *out)
{
    if (w->iso_ready) {
        imrx_buf_append(out, w->iso_json.data, w->iso_json.len);
        return;
    }
    imrx_json_options_t opt = {
        .provenance = provenance,
        .plugins = w->engine->plugins.names,
        .plugin_count = w->engine->plugins.count,
        .scratch = &w->json_scratch,
    };
    uint64_t t0 = w->plugin_ns ? profile_now() : 0;
    imrx_record_write_json(&w->record, w->doc_valid ? &w->doc : NULL, w->source, &opt, out);
    if (w->plugin_ns) w->plugin_ns[w->engine->plugins.count + 1] += profile_now() - t0;
}
