/* Finding, checking, ordering, initialising and unloading plugins. */
#ifndef IMRX_PLUGIN_SET_H
#define IMRX_PLUGIN_SET_H

#include "imrx/plugin.h"
#include "util/diag.h"

#define IMRX_PLUGIN_SUFFIX ".so"

typedef struct imrx_loaded_plugin {
    char *path;
    char *data_dir;
    void *handle;
    const imrx_plugin_t *desc;
    void *state;
    int initialised;
} imrx_loaded_plugin_t;

typedef struct imrx_plugin_set {
    imrx_loaded_plugin_t *items; /* in run order once loaded */
    unsigned count;
    const char **names; /* names in run order, for records */
    imrx_diag_t *diag;
} imrx_plugin_set_t;

typedef struct imrx_loader_options {
    const char *const *dirs; /* --plugin-dir, in order */
    unsigned dir_count;
    int skip_default;    /* do not look in the build's or installation's plugin folder */
    int skip_env;        /* ignore IMRX_PLUGIN_PATH */
    const char *only;    /* comma-separated names to keep (their dependencies too), or NULL */
    int allow_untrusted; /* load from world-writable folders or files of other users */
} imrx_loader_options_t;

/* The plugin folder next to the running executable: "<exe dir>/plugins" in a build tree,
 * "<exe dir>/../lib/imrx/plugins" when installed. Empty string if neither exists. */
const char *imrx_default_plugin_dir(void);

/* Loads and checks every plugin, and orders them. On failure everything loaded is unloaded and
 * the reasons went to `diag`. */
imrx_status_t imrx_plugins_load(imrx_plugin_set_t *set, const imrx_loader_options_t *opt,
                                imrx_diag_t *diag);
/* Calls every init, in run order. */
imrx_status_t imrx_plugins_init(imrx_plugin_set_t *set);
/* Calls fini where init succeeded, then unloads. */
void imrx_plugins_unload(imrx_plugin_set_t *set);

const imrx_host_api_t *imrx_host_api(void);

#endif
