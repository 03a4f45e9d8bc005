#include "input/source.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/archive.h"
#include "util/json.h"

/* One open folder: its entries, sorted, in one block of memory. */
typedef struct level {
    char *dir;
    char *names;       /* NUL-separated */
    uint32_t *offsets; /* into names */
    size_t count, next;
    dev_t dev;
    ino_t ino;
} level_t;

struct imrx_sources {
    const char *const *args;
    int count, next_arg;
    int reading_stdin;
    char *line;
    size_t line_cap;
    level_t *stack;
    size_t depth, stack_cap;
    imrx_archive_t *archive;
    imrx_source_options_t opt;
    imrx_diag_t *diag;
    int counting; /* imrx_sources_count: archives and lists make the total unknown */
    int unknown;
};

/* FNV-1a over bytes, continuing from h. */
#define FNV_START 1469598103934665603ull
static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t imrx_source_hash(const char *name)
{
    return fnv(FNV_START, (const unsigned char *)name, strlen(name));
}

uint64_t imrx_source_resume_key(const char *name)
{
    uint64_t h = FNV_START;
    const unsigned char *p = (const unsigned char *)name;
    size_t n = strlen(name);
    for (size_t i = 0; i < n;) {
        size_t k = p[i] < 0x80 ? 1 : imrx_utf8_sequence(p + i, n - i);
        if (k) {
            h = fnv(h, p + i, k);
            i += k;
            continue;
        }
        unsigned char latin1[2] = {(unsigned char)(0xC0 | p[i] >> 6),
                                   (unsigned char)(0x80 | (p[i] & 0x3F))};
        h = fnv(h, latin1, 2);
        i++;
    }
    return h;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++) {
        char a = s[n - k + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (a != b) return 0;
    }
    return 1;
}

int imrx_source_wanted_name(const char *name)
{
    return ends_with(name, ".txt") || ends_with(name, ".pdf") || imrx_archive_name(name);
}

imrx_sources_t *imrx_sources_open(const char *const *args, int count,
                                  const imrx_source_options_t *opt, imrx_diag_t *diag)
{
    imrx_sources_t *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->args = args;
    s->count = count;
    s->opt = *opt;
    s->diag = diag;
    return s;
}

static void pop_level(imrx_sources_t *s)
{
    level_t *l = &s->stack[--s->depth];
    free(l->dir);
    free(l->names);
    free(l->offsets);
}

void imrx_sources_close(imrx_sources_t *s)
{
    if (!s) return;
    while (s->depth) pop_level(s);
    free(s->stack);
    free(s->line);
    imrx_archive_close(s->archive);
    free(s);
}

void imrx_input_clear(imrx_input_t *in)
{
    free(in->name);
    free(in->path);
    free(in->bytes);
    free(in->error);
    memset(in, 0, sizeof *in);
}

static int set_error(imrx_input_t *in, const char *name, const char *stage, const char *fmt, ...)
    IMRX_PRINTF(4, 5);
static int set_error(imrx_input_t *in, const char *name, const char *stage, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    in->kind = IMRX_IN_ERROR;
    in->name = strdup(name);
    in->error = strdup(msg);
    in->error_stage = stage;
    in->error_offset = -1;
    return 1;
}

/* Each name in a folder's list is kept after one byte that says whether readdir found a regular
 * file ('f'), so that such files need no stat() of their own (a path look-up each: ~5 % of a run
 * over a folder of small letters); any other entry ('?': folders, links, unknown) is stat()ed. */
static int cmp_names(const void *a, const void *b, void *names)
{
    const char *base = names;
    return strcmp(base + *(const uint32_t *)a + 1, base + *(const uint32_t *)b + 1);
}

/* Pushes a folder onto the stack; 0 when it could not be opened (reported in `in`). */
static int push_dir(imrx_sources_t *s, const char *dir, imrx_input_t *in, int *reported)
{
    struct stat st;
    *reported = 0;
    if (stat(dir, &st) != 0) {
        *reported = set_error(in, dir, "read", "cannot read folder: %s", strerror(errno));
        return 0;
    }
    for (size_t i = 0; i < s->depth; i++) {
        if (s->stack[i].dev == st.st_dev && s->stack[i].ino == st.st_ino) {
            *reported = set_error(in, dir, "read",
                                  "folder loop: this folder contains itself through a symbolic "
                                  "link; skipped");
            return 0;
        }
    }
    DIR *d = opendir(dir);
    if (!d) {
        *reported = set_error(in, dir, "read", "cannot open folder: %s", strerror(errno));
        return 0;
    }
    size_t cap = 4096, used = 0, count = 0, ocap = 256;
    char *names = malloc(cap);
    uint32_t *offsets = malloc(ocap * sizeof *offsets);
    int oom = !names || !offsets;
    for (struct dirent *e; !oom && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue; /* hidden files, ".", ".." */
        size_t len = strlen(e->d_name) + 2;
        if (used + len > cap || used + len > UINT32_MAX) {
            while (used + len > cap) cap *= 2;
            char *p = used + len > UINT32_MAX ? NULL : realloc(names, cap);
            if (!p) {
                oom = 1;
                break;
            }
            names = p;
        }
        if (count == ocap) {
            ocap *= 2;
            uint32_t *p = realloc(offsets, ocap * sizeof *p);
            if (!p) {
                oom = 1;
                break;
            }
            offsets = p;
        }
        names[used] = e->d_type == DT_REG ? 'f' : '?';
        memcpy(names + used + 1, e->d_name, len - 1);
        offsets[count++] = (uint32_t)used;
        used += len;
    }
    closedir(d);
    if (oom) {
        free(names);
        free(offsets);
        *reported = set_error(in, dir, "read", "out of memory listing this folder");
        return 0;
    }
    qsort_r(offsets, count, sizeof *offsets, cmp_names, names);
    if (s->depth == s->stack_cap) {
        size_t ncap = s->stack_cap ? s->stack_cap * 2 : 8;
        level_t *p = realloc(s->stack, ncap * sizeof *p);
        if (!p) {
            free(names);
            free(offsets);
            *reported = set_error(in, dir, "read", "out of memory");
            return 0;
        }
        s->stack = p;
        s->stack_cap = ncap;
    }
    level_t *l = &s->stack[s->depth++];
    l->dir = strdup(dir);
    l->names = names;
    l->offsets = offsets;
    l->count = count;
    l->next = 0;
    l->dev = st.st_dev;
    l->ino = st.st_ino;
    return 1;
}

static int keep_for_shard(const imrx_sources_t *s, const char *name)
{
    if (s->opt.shard_n <= 1) return 1;
    return imrx_source_hash(name) % s->opt.shard_n == s->opt.shard_k - 1;
}

/* A path named on the command line, in a list, or found in a folder. Returns 1 with an input,
 * 0 when the path produced nothing by itself (a folder or archive was opened, or it was
 * skipped). */
static int take_path(imrx_sources_t *s, const char *path, int from_folder, int regular,
                     imrx_input_t *in)
{
    struct stat st = {.st_mode = S_IFREG};
    if (!regular && stat(path, &st) != 0) {
        if (!keep_for_shard(s, path)) return 0;
        int err = errno;
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            return set_error(in, path, "read", "broken symbolic link or link loop: %s",
                             strerror(err));
        return set_error(in, path, "read", "cannot read: %s", strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
        int reported;
        if (!push_dir(s, path, in, &reported)) return reported;
        return 0;
    }
    if (!S_ISREG(st.st_mode)) {
        if (from_folder) return 0; /* sockets, fifos in a folder: not letters */
        if (!keep_for_shard(s, path)) return 0;
        return set_error(in, path, "read", "not a regular file");
    }
    if (imrx_archive_name(path)) {
        if (s->counting) {
            s->unknown = 1;
            return 0;
        }
        imrx_archive_close(s->archive);
        s->archive = imrx_archive_open(path, s->opt.max_size, s->opt.include_all);
        if (!s->archive) return set_error(in, path, "read", "out of memory opening archive");
        return 0;
    }
    if (from_folder && !s->opt.include_all && !imrx_source_wanted_name(path)) return 0;
    if (!keep_for_shard(s, path)) return 0;
    in->kind = IMRX_IN_FILE;
    in->name = strdup(path);
    in->path = strdup(path);
    in->is_pdf = ends_with(path, ".pdf");
    if (!in->name || !in->path) {
        imrx_input_clear(in);
        return set_error(in, path, "read", "out of memory");
    }
    return 1;
}

static int next_from_stdin(imrx_sources_t *s, imrx_input_t *in, int *exhausted)
{
    ssize_t n;
    *exhausted = 0;
    while ((n = getline(&s->line, &s->line_cap, stdin)) >= 0) {
        while (n > 0 && (s->line[n - 1] == '\n' || s->line[n - 1] == '\r')) s->line[--n] = '\0';
        if (n == 0) continue;
        if (take_path(s, s->line, 0, 0, in)) return 1;
        return 0; /* a folder or archive opened: drain it first */
    }
    *exhausted = 1;
    return 0;
}

int imrx_sources_next(imrx_sources_t *s, imrx_input_t *in)
{
    memset(in, 0, sizeof *in);
    for (;;) {
        if (s->archive) {
            int r;
            do {
                r = imrx_archive_next(s->archive, in);
            } while (r == 1 && !keep_for_shard(s, in->name) && (imrx_input_clear(in), 1));
            if (r == 1) return 1;
            imrx_archive_close(s->archive);
            s->archive = NULL;
        }
        if (s->unknown) return 0;
        if (s->depth) {
            level_t *l = &s->stack[s->depth - 1];
            if (l->next == l->count) {
                pop_level(s);
                continue;
            }
            const char *entry = l->names + l->offsets[l->next++];
            int regular = entry[0] == 'f';
            const char *name = entry + 1;
            size_t len = strlen(l->dir) + strlen(name) + 2;
            char *path = malloc(len);
            if (!path) return set_error(in, l->dir, "read", "out of memory");
            snprintf(path, len, "%s%s%s", l->dir, l->dir[strlen(l->dir) - 1] == '/' ? "" : "/",
                     name);
            int got = take_path(s, path, 1, regular, in);
            free(path);
            if (got) return 1;
            continue;
        }
        if (s->reading_stdin) {
            int exhausted;
            if (next_from_stdin(s, in, &exhausted)) return 1;
            if (exhausted) s->reading_stdin = 0;
            continue;
        }
        if (s->next_arg >= s->count) return 0;
        const char *arg = s->args[s->next_arg++];
        if (strcmp(arg, "-") == 0) {
            if (s->counting) {
                s->unknown = 1;
                return 0;
            }
            s->reading_stdin = 1;
            continue;
        }
        if (take_path(s, arg, 0, 0, in)) return 1;
    }
}

int64_t imrx_sources_count(const char *const *args, int count, const imrx_source_options_t *opt,
                           const volatile int *stop)
{
    imrx_sources_t *s = imrx_sources_open(args, count, opt, NULL);
    if (!s) return -1;
    s->counting = 1;
    int64_t n = 0;
    imrx_input_t in;
    while (!(stop && *stop) && imrx_sources_next(s, &in)) {
        n++;
        imrx_input_clear(&in);
    }
    int64_t result = s->unknown || (stop && *stop) ? -1 : n;
    imrx_sources_close(s);
    return result;
}
