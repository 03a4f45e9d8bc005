/* The engine: what every worker shares, read-only once set up (plugins, layout table, limits);
 * and the worker: what one thread owns to turn letters into records. */
#ifndef IMRX_ENGINE_H
#define IMRX_ENGINE_H

#include "input/source.h"
#include "layout/layout.h"
#include "letter/doc.h"
#include "plugin/ctx.h"
#include "plugin/plugin_set.h"
#include "record/record.h"
#include "record/record_json.h"
#include "util/diag.h"

#define IMRX_DEFAULT_MAX_SIZE (8u * 1024 * 1024)

struct imrx_isolate_config;

typedef struct imrx_engine {
    imrx_plugin_set_t plugins;                 /* empty with `isolate`: the children load them */
    const struct imrx_isolate_config *isolate; /* run plugins in child processes, or NULL */
    imrx_layout_engine_t *layout;
    imrx_diag_t *diag;
    imrx_limits_t limits;
    size_t max_size;
} imrx_engine_t;

typedef struct imrx_letter_result {
    int failed;     /* the record carries an error */
    uint32_t items; /* disputed items found */
    size_t bytes;   /* size of the input */
    char why[200];  /* when failed: the error in one line ("read: cannot open: ..."), so that a
                       run can name its failing letters on standard error as well */
} imrx_letter_result_t;

typedef struct imrx_worker {
    const imrx_engine_t *engine;
    imrx_doc_t doc;
    imrx_record_t record;
    imrx_layout_scratch_t *layout_scratch;
    void **thread_states; /* one per plugin */
    imrx_ctx_t ctx;
    imrx_buf_t readbuf;
    imrx_buf_t pdftext;
    const char *source;
    int doc_valid;            /* doc holds this letter's text (spans can be mapped) */
    uint64_t *plugin_ns;      /* time spent in each plugin's extract, then in the host's
                                 loading and writing (IMRX_PROFILE=1) */
    struct imrx_isolate *iso; /* the child process, with `isolate` */
    imrx_buf_t iso_json;      /* the record the child made */
    imrx_buf_t json_scratch;  /* the JSON writer's provenance, reused from letter to letter */
    int iso_ready;            /* iso_json holds this letter's record */
} imrx_worker_t;

/* Sets up the layout table; plugins are loaded by the caller into engine->plugins. */
imrx_status_t imrx_engine_init(imrx_engine_t *e, imrx_diag_t *diag);
void imrx_engine_free(imrx_engine_t *e);

/* imrx_engine_init, then loads and initialises the plugins the options name. Problems are
 * reported to `diag`; on failure nothing stays loaded. */
imrx_status_t imrx_engine_open(imrx_engine_t *e, const imrx_loader_options_t *lo,
                               imrx_diag_t *diag);
/* Unloads the plugins and frees the engine. */
void imrx_engine_close(imrx_engine_t *e);

imrx_status_t imrx_worker_init(imrx_worker_t *w, const imrx_engine_t *e);
void imrx_worker_free(imrx_worker_t *w);
/* Turns one input into w->record (and w->doc). Never fails as a whole: a letter that cannot
 * be read gives a record with an error. */
imrx_letter_result_t imrx_worker_process(imrx_worker_t *w, const imrx_input_t *in);
/* Appends the record just made as JSON. */
void imrx_worker_write_json(imrx_worker_t *w, int provenance, imrx_buf_t *out);

#endif
