/*
 * imrx plugin ABI.
 *
 * A plugin is a shared object that reads one letter at a time and fills fields of the per-case
 * record. This header is all a plugin author needs: a plugin includes it, and never links
 * against imrx itself. Everything the host offers reaches the plugin through the function table
 * `imrx_host_api_t` handed to `init`.
 *
 * WRITING A PLUGIN
 *
 *   #include <imrx/plugin.h>
 *
 *   static const char *const reads[] = {"summary", NULL};
 *   static const char *const fills[] = {"patient.age", NULL};
 *   static const imrx_host_api_t *api;
 *
 *   static imrx_status_t my_init(const imrx_init_args_t *args, void **state) {
 *       api = args->api;          // keep the table; it outlives the plugin
 *       *state = NULL;            // or private data shared by every thread (read-only!)
 *       return IMRX_OK;
 *   }
 *   static imrx_status_t my_extract(void *state, void *thread_state,
 *                                   const imrx_letter_t *letter, imrx_ctx_t *ctx) {
 *       const imrx_section_t *s = imrx_letter_section(letter, "summary");
 *       if (!s) return IMRX_OK;   // nothing to read is not an error
 *       ...find the age in letter->text[s->begin .. s->end)...
 *       imrx_node_t patient = api->object(ctx, api->root(ctx), "patient");
 *       return api->set_int(ctx, patient, "age", 48, imrx_span(b, e));
 *   }
 *   static const imrx_plugin_t descriptor = {
 *       IMRX_PLUGIN_HEADER, .name = "age", .version = "1.0.0",
 *       .summary = "patient age", .sections = reads, .fields = fills,
 *       .init = my_init, .extract = my_extract,
 *   };
 *   IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void) { return &descriptor; }
 *
 * Build it as a shared object with hidden visibility (CMake: `add_library(age MODULE age.c)`,
 * `C_VISIBILITY_PRESET hidden`, `PREFIX ""`), put `age.so` in a plugin folder, and run
 * `imrx plugins --plugin-dir FOLDER` to see it load.
 *
 * LIFECYCLE
 *   1. The host dlopen()s the file, calls `imrx_plugin_entry()` once and checks the descriptor:
 *      ABI major equal to the host's, `struct_size` at least the size of ABI 1.0's descriptor,
 *      a unique name, `extract` present. The descriptor must stay valid until the file is
 *      unloaded (make it `static const`).
 *   2. Plugins are ordered so that each runs after the loaded plugins named in its `after` and
 *      `requires` lists; a plugin whose `requires` names a plugin that is not loaded is refused,
 *      and so is a set whose ordering has a cycle.
 *   3. `init` is called once, from one thread, before any letter. It may read data files from
 *      `args->data_dir` and build shared read-only state. Returning non-IMRX_OK refuses the
 *      plugin (say why with `api->log` first); the run stops with exit status 2.
 *   4. `thread_init` (optional) is called once in every worker thread before its first letter,
 *      to build per-thread scratch state (PCRE2 match data, buffers). `thread_fini` frees it.
 *   5. `extract` is called once per letter, from several worker threads at once (on different
 *      letters). It must be re-entrant: write only to its `thread_state` and through `ctx`.
 *   6. `fini` is called once, from one thread, after the last letter, before dlclose().
 *
 * MEMORY AND OWNERSHIP
 *   - The host owns the letter (`imrx_letter_t` and all it points to) and the record. Both live
 *     for one `extract` call only: do not keep pointers into them after returning.
 *   - Every value set through the API is copied by the host; the plugin keeps ownership of what
 *     it passes in, and the host never frees plugin memory. A plugin never frees host memory.
 *   - Strings read back from the record (`api->get_string`) belong to the host and stay valid
 *     until `extract` returns.
 *
 * OFFSETS AND SPANS
 *   `letter->text` is the normalised text (UTF-8, NFC, NUL-terminated, LF line ends; see
 *   docs/normalisation.md). Spans that a plugin passes to the host are byte offsets into that
 *   text, end exclusive. The host maps them back to byte offsets in the original file for the
 *   record, and refuses a span outside the text.
 *
 * ERRORS
 *   Every host function that can fail returns an imrx_status_t (IMRX_NODE_NONE for node
 *   constructors). IMRX_ELIMIT means the plugin reached its per-letter budget of values or
 *   bytes: stop emitting and return. Return IMRX_OK from `extract` when the letter simply lacks
 *   what the plugin looks for (that is not an error; a warning may say so). Return an error
 *   status, after `api->error(ctx, ...)`, when the plugin could not do its job on this letter;
 *   the record then carries the error and the run goes on with the next letter.
 *
 * COMPATIBILITY
 *   The ABI major changes when a released structure or function changes meaning; the host
 *   refuses a plugin of another major. Minor versions only append: new fields at the end of
 *   `imrx_plugin_t`, `imrx_letter_t` and `imrx_init_args_t`, new entries at the end of
 *   `imrx_host_api_t`. Before using an entry added after 1.0, check the table is big enough:
 *   `IMRX_API_HAS(api, member)`.
 */
#ifndef IMRX_PLUGIN_H
#define IMRX_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IMRX_ABI_MAJOR 1
#define IMRX_ABI_MINOR 0

/* The one symbol a plugin exports. */
#define IMRX_PLUGIN_ENTRY_SYMBOL "imrx_plugin_entry"

#if defined(__GNUC__)
#define IMRX_PLUGIN_EXPORT __attribute__((visibility("default")))
#define IMRX_PRINTF(f, a)  __attribute__((format(printf, f, a)))
#else
#define IMRX_PLUGIN_EXPORT
#define IMRX_PRINTF(f, a)
#endif

typedef enum imrx_status {
    IMRX_OK = 0,
    IMRX_ERR = 1,     /* generic failure; details were reported with api->error / api->log */
    IMRX_ENOMEM = 2,  /* out of memory */
    IMRX_EINVAL = 3,  /* invalid argument: bad node, span outside the text, invalid UTF-8 */
    IMRX_ELIMIT = 4,  /* per-letter budget reached; stop emitting */
    IMRX_EFIELD = 5,  /* the field is not one the plugin declared in `fields` */
    IMRX_ETYPE = 6,   /* the node is not of the type the call needs */
    IMRX_ENOENT = 7,  /* no such file, node or key */
    IMRX_EIO = 8,     /* reading or writing failed */
    IMRX_EFORMAT = 9, /* input is not in the expected format */
} imrx_status_t;

/* A byte range [begin, end) of the normalised letter text. */
typedef struct imrx_span {
    uint32_t begin;
    uint32_t end;
} imrx_span_t;

static inline imrx_span_t imrx_span(size_t begin, size_t end)
{
    imrx_span_t s = {(uint32_t)begin, (uint32_t)end};
    return s;
}

/* A named part of the letter. `begin`/`end` delimit the section's body (after its heading). */
typedef struct imrx_section {
    const char *name;       /* "header", "reviewer", "summary", "decisions", ...: docs/layouts.md */
    uint32_t heading_begin; /* where the heading starts (== begin when there is none) */
    uint32_t begin;         /* first byte of the body */
    uint32_t end;           /* one past the last byte of the body */
} imrx_section_t;

/* One letter, as the plugin sees it. Owned by the host; valid during one extract call. */
typedef struct imrx_letter {
    uint32_t struct_size;           /* sizeof(imrx_letter_t) of the host */
    const char *source;             /* "path" or "archive.tar:member" */
    const char *text;               /* normalised UTF-8, NUL-terminated */
    uint32_t length;                /* bytes of text, without the NUL */
    const char *layout;             /* "A", "B", "C", "D" or "unknown" */
    const imrx_section_t *sections; /* in text order */
    uint32_t section_count;
} imrx_letter_t;

/* The first section called `name`, or NULL. */
static inline const imrx_section_t *imrx_letter_section(const imrx_letter_t *letter,
                                                        const char *name)
{
    for (uint32_t i = 0; i < letter->section_count; i++) {
        const char *a = letter->sections[i].name, *b = name;
        while (*a && *a == *b) a++, b++;
        if (*a == *b) return &letter->sections[i];
    }
    return NULL;
}

/* Opaque per-letter context: where values, warnings and errors go. */
typedef struct imrx_ctx imrx_ctx_t;

/* A node of the record tree: an object, an array or a scalar value. */
typedef int32_t imrx_node_t;
#define IMRX_NODE_NONE ((imrx_node_t)-1)

typedef enum imrx_type {
    IMRX_T_NONE = 0, /* no such node */
    IMRX_T_NULL,
    IMRX_T_BOOL,
    IMRX_T_INT,
    IMRX_T_REAL,
    IMRX_T_STRING,
    IMRX_T_OBJECT,
    IMRX_T_ARRAY,
} imrx_type_t;

typedef enum imrx_level {
    IMRX_LOG_DEBUG = 0,
    IMRX_LOG_INFO = 1,
    IMRX_LOG_WARN = 2,
    IMRX_LOG_ERROR = 3,
} imrx_level_t;

/*
 * The host's function table. Handed to `init`; valid until after `fini`.
 *
 * Writing the record: every value has a parent (an object, or an array to append to), a key
 * (NULL when appending to an array), and a span. Setting a key that exists replaces its value.
 * A key is 1 to 64 ASCII letters, digits, '_' or '-' (it becomes a JSON member name and, in the
 * CSV and SQLite outputs, part of a column name); any other key is refused with IMRX_EINVAL.
 * The host checks that the value's path is covered by the plugin's `fields` declaration
 * ("items[].category" covers `category` in any element of `items`; "dates" covers every key
 * under `dates`) and refuses others with IMRX_EFIELD. Strings must be valid UTF-8.
 *
 * Reading the record: a plugin may read anything earlier plugins set (declare them in `after`).
 */
typedef struct imrx_host_api {
    uint32_t struct_size; /* sizeof(imrx_host_api_t) of the host */
    uint32_t abi_major;
    uint32_t abi_minor;

    /* -- diagnostics ---------------------------------------------------------------------- */
    /* A message to the run's diagnostics sink (standard error by default), prefixed with the
     * plugin's name. Usable in every callback; ctx may be NULL outside extract. */
    void (*log)(imrx_ctx_t *ctx, imrx_level_t level, const char *fmt, ...) IMRX_PRINTF(3, 4);
    /* A warning attached to this letter's record ("warnings": [{plugin, message, span}]). */
    void (*warn)(imrx_ctx_t *ctx, imrx_span_t span, const char *fmt, ...) IMRX_PRINTF(3, 4);
    /* The reason extract is about to return an error; goes to the record's "error". */
    void (*error)(imrx_ctx_t *ctx, imrx_span_t span, const char *fmt, ...) IMRX_PRINTF(3, 4);

    /* -- building the record -------------------------------------------------------------- */
    imrx_node_t (*root)(imrx_ctx_t *ctx);
    /* The object or array under `key` of object `parent`, created if missing. With key NULL and
     * `parent` an array, appends a new element. IMRX_NODE_NONE on failure. */
    imrx_node_t (*object)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key);
    imrx_node_t (*array)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key);
    imrx_status_t (*set_string)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key,
                                const char *value, size_t length, imrx_span_t span);
    imrx_status_t (*set_int)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key, int64_t value,
                             imrx_span_t span);
    imrx_status_t (*set_real)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key, double value,
                              imrx_span_t span);
    imrx_status_t (*set_bool)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key, int value,
                              imrx_span_t span);
    imrx_status_t (*set_null)(imrx_ctx_t *ctx, imrx_node_t parent, const char *key);
    /* Records the span of a container node (an item's whole block, say). */
    imrx_status_t (*set_span)(imrx_ctx_t *ctx, imrx_node_t node, imrx_span_t span);

    /* -- reading the record --------------------------------------------------------------- */
    /* The member `key` of object `node`, or IMRX_NODE_NONE. */
    imrx_node_t (*get)(imrx_ctx_t *ctx, imrx_node_t node, const char *key);
    imrx_type_t (*type)(imrx_ctx_t *ctx, imrx_node_t node);
    /* Number of elements of an array (or members of an object); 0 for scalars. */
    uint32_t (*count)(imrx_ctx_t *ctx, imrx_node_t node);
    /* Element `index` of an array, or IMRX_NODE_NONE. */
    imrx_node_t (*at)(imrx_ctx_t *ctx, imrx_node_t node, uint32_t index);
    /* NULL unless a string; *length (if not NULL) receives its length. */
    const char *(*get_string)(imrx_ctx_t *ctx, imrx_node_t node, size_t *length);
    /* The value of an int/bool node (reals are truncated); `fallback` for anything else. */
    int64_t (*get_int)(imrx_ctx_t *ctx, imrx_node_t node, int64_t fallback);
    imrx_span_t (*get_span)(imrx_ctx_t *ctx, imrx_node_t node);
} imrx_host_api_t;

/* True when the host's table has `member` (an entry added after ABI 1.0). */
#define IMRX_API_HAS(api, member)                                                                  \
    ((api)->struct_size >= offsetof(imrx_host_api_t, member) + sizeof((api)->member))

/* What `init` receives. */
typedef struct imrx_init_args {
    uint32_t struct_size;
    const imrx_host_api_t *api;
    const char *plugin_path; /* the file that was loaded */
    const char *data_dir;    /* "<folder of the .so>/<name>.d": the plugin's data files */
    imrx_ctx_t *ctx;         /* for api->log during init */
} imrx_init_args_t;

typedef struct imrx_plugin {
    uint32_t abi_major;          /* IMRX_ABI_MAJOR the plugin was built against */
    uint32_t abi_minor;          /* IMRX_ABI_MINOR the plugin was built against */
    uint32_t struct_size;        /* sizeof(imrx_plugin_t) the plugin was built with */
    const char *name;            /* unique, [a-z0-9_]+; the file is normally <name>.so */
    const char *version;         /* the plugin's own version, e.g. "1.2.0" */
    const char *summary;         /* one line for `imrx plugins` */
    const char *const *sections; /* NULL-terminated: the sections it reads ("*" = whole text) */
    const char *const *fields;   /* NULL-terminated: the record paths it fills */
    const char *const *after;    /* NULL-terminated or NULL: plugins that, when loaded, run
                                    before it (ordering only) */
    const char *const *requires; /* NULL-terminated or NULL: plugins that must be loaded (and run
                                    before it): the host refuses to start without them */

    imrx_status_t (*init)(const imrx_init_args_t *args, void **state); /* optional */
    void (*fini)(void *state);                                         /* optional */
    imrx_status_t (*thread_init)(void *state, void **thread_state);    /* optional */
    void (*thread_fini)(void *state, void *thread_state);              /* optional */
    imrx_status_t (*extract)(void *state, void *thread_state, const imrx_letter_t *letter,
                             imrx_ctx_t *ctx); /* required */
} imrx_plugin_t;

/* Fills the first three members of an imrx_plugin_t initialiser. */
#define IMRX_PLUGIN_HEADER                                                                         \
    .abi_major = IMRX_ABI_MAJOR, .abi_minor = IMRX_ABI_MINOR, .struct_size = sizeof(imrx_plugin_t)

/* The entry point every plugin exports (see IMRX_PLUGIN_ENTRY_SYMBOL). */
typedef const imrx_plugin_t *(*imrx_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif
#endif
