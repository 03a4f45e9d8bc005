/* Finding plugin files and checking them before any of their code runs beyond the entry point.
 * Every refusal names the file and says what to do about it. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plugin/plugin_set.h"

/* The smallest descriptor the host understands: ABI 1.0's, up to and including `extract`. */
#define MIN_DESCRIPTOR_SIZE (offsetof(imrx_plugin_t, extract) + sizeof(void *))

static char default_dir[PATH_MAX];

const char *imrx_default_plugin_dir(void)
{
    if (default_dir[0]) return default_dir;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return "";
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return "";
    *slash = '\0';
    const char *candidates[] = {"/plugins", "/../lib/imrx/plugins"};
    for (size_t i = 0; i < 2; i++) {
        char dir[PATH_MAX];
        struct stat st;
        snprintf(dir, sizeof dir, "%s%s", exe, candidates[i]);
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!realpath(dir, default_dir)) snprintf(default_dir, sizeof default_dir, "%s", dir);
            return default_dir;
        }
    }
    return "";
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    return n > s && strcmp(name + n - s, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct loader {
    imrx_plugin_set_t *set;
    const imrx_loader_options_t *opt;
    imrx_diag_t *diag;
    unsigned cap;
    int failed;
} loader_t;

/* World-writable folders, and files that another user owns or anyone may write, could hold
 * code an attacker placed there. */
static int trusted(loader_t *L, const char *what, const struct stat *st, int is_dir)
{
    if (L->opt->allow_untrusted) return 1;
    uid_t me = geteuid();
    if (st->st_mode & S_IWOTH) {
        imrx_diag(L->diag, IMRX_LOG_ERROR, what,
                  "refusing plugin %s: it is writable by every user (chmod o-w it, or pass "
                  "--allow-untrusted-plugins)",
                  is_dir ? "folder" : "file");
        return 0;
    }
    if (!is_dir && st->st_uid != me && st->st_uid != 0) {
        imrx_diag(L->diag, IMRX_LOG_ERROR, what,
                  "refusing plugin file: it belongs to user %u, not to you or root (pass "
                  "--allow-untrusted-plugins to load it anyway)",
                  (unsigned)st->st_uid);
        return 0;
    }
    return 1;
}

static int valid_name(const char *name)
{
    if (!name || !*name || strlen(name) > 64) return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return 0;
    return 1;
}

static void load_file(loader_t *L, const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        imrx_diag(L->diag, IMRX_LOG_ERROR, path, "cannot read plugin file: %s", strerror(errno));
        L->failed = 1;
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        imrx_diag(L->diag, IMRX_LOG_WARN, path,
                  "skipped: not a regular file (plugins must be regular files, not symlinks or "
                  "folders)");
        return;
    }
    if (!trusted(L, path, &st, 0)) {
        L->failed = 1;
        return;
    }
#ifdef IMRX_FUZZING
    /* libFuzzer keeps pointers to every loaded module's coverage counters: never unmap one. */
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
#else
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
#endif
    if (!h) {
        const char *why = dlerror();
        imrx_diag(L->diag, IMRX_LOG_ERROR, path,
                  "cannot load plugin: %s (check its dependencies with `ldd %s`)",
                  why ? why : "unknown error", path);
        L->failed = 1;
        return;
    }
    imrx_plugin_entry_fn entry;
    *(void **)&entry = dlsym(h, IMRX_PLUGIN_ENTRY_SYMBOL);
    if (!entry) {
        imrx_diag(L->diag, IMRX_LOG_ERROR, path,
                  "not an imrx plugin: no entry point '%s' (define it with IMRX_PLUGIN_EXPORT, "
                  "see include/imrx/plugin.h)",
                  IMRX_PLUGIN_ENTRY_SYMBOL);
        dlclose(h);
        L->failed = 1;
        return;
    }
    const imrx_plugin_t *d = entry();
    const char *problem = NULL;
    char msg[512];
    if (!d) {
        problem = "its entry point returned no descriptor";
    } else if (d->abi_major != IMRX_ABI_MAJOR) {
        snprintf(msg, sizeof msg,
                 "it was built for plugin ABI %u.%u, but this imrx speaks ABI %d.%d: rebuild it "
                 "against this imrx's include/imrx/plugin.h",
                 d->abi_major, d->abi_minor, IMRX_ABI_MAJOR, IMRX_ABI_MINOR);
        problem = msg;
    } else if (d->struct_size < MIN_DESCRIPTOR_SIZE) {
        snprintf(msg, sizeof msg,
                 "its descriptor is %u bytes, smaller than the %zu of ABI %d.0: build it with "
                 "IMRX_PLUGIN_HEADER from include/imrx/plugin.h",
                 d->struct_size, MIN_DESCRIPTOR_SIZE, IMRX_ABI_MAJOR);
        problem = msg;
    } else if (!valid_name(d->name)) {
        problem = "its name is missing or not made of a-z, 0-9 and _ (at most 64 characters)";
    } else if (!d->extract) {
        problem = "it has no extract function";
    } else if (!d->version || !d->fields) {
        problem = "its descriptor lacks a version or a fields list";
    }
    if (problem) {
        imrx_diag(L->diag, IMRX_LOG_ERROR, path, "refusing plugin: %s", problem);
        dlclose(h);
        L->failed = 1;
        return;
    }
    for (unsigned i = 0; i < L->set->count; i++) {
        if (strcmp(L->set->items[i].desc->name, d->name) == 0) {
            imrx_diag(L->diag, IMRX_LOG_ERROR, path,
                      "refusing plugin: a plugin named '%s' is already loaded from %s (remove "
                      "one of the two, or choose one folder with --plugin-dir and "
                      "--no-default-plugins)",
                      d->name, L->set->items[i].path);
            dlclose(h);
            L->failed = 1;
            return;
        }
    }
    if (L->set->count == L->cap) {
        unsigned cap = L->cap ? L->cap * 2 : 8;
        imrx_loaded_plugin_t *p = realloc(L->set->items, cap * sizeof *p);
        if (!p) {
            dlclose(h);
            L->failed = 1;
            return;
        }
        L->set->items = p;
        L->cap = cap;
    }
    imrx_loaded_plugin_t *lp = &L->set->items[L->set->count++];
    memset(lp, 0, sizeof *lp);
    lp->path = strdup(path);
    lp->handle = h;
    lp->desc = d;
    /* Data files live beside the plugin: "<folder>/<name>.d". */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 1;
    size_t need = dirlen + strlen(d->name) + 4;
    lp->data_dir = malloc(need);
    if (lp->data_dir)
        snprintf(lp->data_dir, need, "%.*s/%s.d", (int)dirlen, slash ? path : ".", d->name);
    if (!lp->path || !lp->data_dir) L->failed = 1;
}

static void load_dir(loader_t *L, const char *dir, int explicit_dir)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        if (explicit_dir) {
            imrx_diag(L->diag, IMRX_LOG_ERROR, dir, "plugin folder does not exist");
            L->failed = 1;
        }
        return;
    }
    if (!trusted(L, dir, &st, 1)) {
        L->failed = 1;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        imrx_diag(L->diag, IMRX_LOG_ERROR, dir, "cannot open plugin folder: %s", strerror(errno));
        L->failed = 1;
        return;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || !has_suffix(e->d_name, IMRX_PLUGIN_SUFFIX)) continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) break;
            names = p;
        }
        names[count] = strdup(e->d_name);
        if (names[count]) count++;
    }
    closedir(d);
    if (count) qsort(names, count, sizeof *names, cmp_str);
    for (size_t i = 0; i < count; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        load_file(L, path);
        free(names[i]);
    }
    free(names);
}

static int index_of(const imrx_plugin_set_t *set, const char *name)
{
    for (unsigned i = 0; i < set->count; i++)
        if (strcmp(set->items[i].desc->name, name) == 0) return (int)i;
    return -1;
}

static int name_in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0) return 1;
        if (!comma) break;
        p = comma + 1;
    }
    return 0;
}

static void unload_one(imrx_loaded_plugin_t *p)
{
    if (p->handle) dlclose(p->handle);
    free(p->path);
    free(p->data_dir);
    memset(p, 0, sizeof *p);
}

/* A plugin's two dependency lists, `after` and `requires`; returns how many. */
static int depends_on(const imrx_plugin_t *d, const char *const **lists)
{
    lists[0] = d->after;
    lists[1] = d->requires;
    return 2;
}

/* --plugins a,b: keeps the named plugins and the plugins they require. */
static void select_plugins(loader_t *L)
{
    imrx_plugin_set_t *set = L->set;
    const char *only = L->opt->only;
    for (const char *p = only; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char name[80];
        snprintf(name, sizeof name, "%.*s", (int)(len < 79 ? len : 79), p);
        if (len && index_of(set, name) < 0) {
            imrx_diag(L->diag, IMRX_LOG_ERROR, NULL,
                      "--plugins names '%s', which is not loaded (see `imrx plugins`)", name);
            L->failed = 1;
        }
        if (!comma) break;
        p = comma + 1;
    }
    unsigned char *keep = calloc(set->count ? set->count : 1, 1);
    if (!keep) {
        L->failed = 1;
        return;
    }
    for (unsigned i = 0; i < set->count; i++)
        keep[i] = (unsigned char)name_in_list(only, set->items[i].desc->name);
    for (int changed = 1; changed;) {
        changed = 0;
        for (unsigned i = 0; i < set->count; i++) {
            const char *const *req = set->items[i].desc->requires;
            for (unsigned k = 0; keep[i] && req && req[k]; k++) {
                int j = index_of(set, req[k]);
                if (j >= 0 && !keep[j]) keep[j] = 1, changed = 1;
            }
        }
    }
    unsigned w = 0;
    for (unsigned i = 0; i < set->count; i++) {
        if (keep[i])
            set->items[w++] = set->items[i];
        else
            unload_one(&set->items[i]);
    }
    set->count = w;
    free(keep);
}

/* Orders the plugins so each runs after the loaded plugins of its `after` and `requires` lists
 * (stable: otherwise in load order). Refuses a missing required plugin, and cycles. */
static void order_plugins(loader_t *L)
{
    imrx_plugin_set_t *set = L->set;
    unsigned n = set->count;
    if (n == 0) return;
    int *placed = calloc(n, sizeof *placed);
    imrx_loaded_plugin_t *ordered = calloc(n, sizeof *ordered);
    if (!placed || !ordered) {
        free(placed);
        free(ordered);
        L->failed = 1;
        return;
    }
    for (unsigned i = 0; i < n; i++) {
        const char *const *req = set->items[i].desc->requires;
        for (unsigned k = 0; req && req[k]; k++) {
            if (index_of(set, req[k]) < 0) {
                imrx_diag(L->diag, IMRX_LOG_ERROR, set->items[i].path,
                          "plugin '%s' requires '%s', which is not loaded (install it in a "
                          "plugin folder, or leave '%s' out with --plugins)",
                          set->items[i].desc->name, req[k], set->items[i].desc->name);
                L->failed = 1;
            }
        }
    }
    unsigned done = 0;
    while (!L->failed && done < n) {
        int progress = 0;
        for (unsigned i = 0; i < n; i++) {
            if (placed[i]) continue;
            int ready = 1;
            const char *const *lists[2];
            for (int l = depends_on(set->items[i].desc, lists); l-- > 0;)
                for (unsigned k = 0; lists[l] && lists[l][k] && ready; k++) {
                    int j = index_of(set, lists[l][k]);
                    if (j >= 0 && !placed[j]) ready = 0;
                }
            if (!ready) continue;
            placed[i] = 1;
            ordered[done++] = set->items[i];
            progress = 1;
        }
        if (!progress) {
            char names[512] = "";
            for (unsigned i = 0; i < n; i++) {
                if (placed[i]) continue;
                size_t len = strlen(names);
                snprintf(names + len, sizeof names - len, "%s'%s'", len ? ", " : "",
                         set->items[i].desc->name);
            }
            imrx_diag(L->diag, IMRX_LOG_ERROR, NULL,
                      "plugins %s must each run after another of them: an ordering cycle (fix "
                      "their `after` and `requires` lists)",
                      names);
            L->failed = 1;
        }
    }
    if (!L->failed) memcpy(set->items, ordered, n * sizeof *ordered);
    free(placed);
    free(ordered);
}

imrx_status_t imrx_plugins_load(imrx_plugin_set_t *set, const imrx_loader_options_t *opt,
                                imrx_diag_t *diag)
{
    memset(set, 0, sizeof *set);
    set->diag = diag;
    loader_t L = {.set = set, .opt = opt, .diag = diag};
    for (unsigned i = 0; i < opt->dir_count; i++) load_dir(&L, opt->dirs[i], 1);
    const char *env = opt->skip_env ? NULL : getenv("IMRX_PLUGIN_PATH");
    if (env && *env) {
        char *copy = strdup(env);
        for (char *save = NULL, *dir = copy ? strtok_r(copy, ":", &save) : NULL; dir;
             dir = strtok_r(NULL, ":", &save)) {
            if (strcmp(dir, ".") == 0) {
                imrx_diag(diag, IMRX_LOG_WARN, "IMRX_PLUGIN_PATH",
                          "ignoring '.': plugins are never loaded from the current folder by "
                          "default (give its full path to use it)");
                continue;
            }
            load_dir(&L, dir, 1);
        }
        free(copy);
    }
    if (!opt->skip_default) {
        const char *def = imrx_default_plugin_dir();
        int seen = 0;
        for (unsigned i = 0; def[0] && i < opt->dir_count; i++) {
            char real[PATH_MAX];
            if (realpath(opt->dirs[i], real) && strcmp(real, def) == 0) seen = 1;
        }
        if (def[0] && !seen) load_dir(&L, def, 0);
    }
    if (!L.failed && opt->only) select_plugins(&L);
    if (!L.failed) order_plugins(&L);
    if (!L.failed) {
        set->names = calloc(set->count ? set->count : 1, sizeof *set->names);
        if (!set->names) L.failed = 1;
        for (unsigned i = 0; set->names && i < set->count; i++)
            set->names[i] = set->items[i].desc->name;
    }
    if (L.failed) {
        imrx_plugins_unload(set);
        return IMRX_ERR;
    }
    return IMRX_OK;
}

void imrx_plugins_unload(imrx_plugin_set_t *set)
{
    for (unsigned i = set->count; i-- > 0;) {
        imrx_loaded_plugin_t *p = &set->items[i];
        if (p->initialised && p->desc->fini) p->desc->fini(p->state);
        unload_one(p);
    }
    free(set->items);
    free(set->names);
    set->items = NULL;
    set->names = NULL;
    set->count = 0;
}
