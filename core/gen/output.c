/* Where generated letters go: a folder tree (letters/NNNN/, gold/NNNN/, 1000 files each) or a
 * ustar archive written with libarchive, members in letter-then-gold order, truth.json last. A
 * tar file appears under its name only when complete (it is written as NAME.partial). */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen/gen.h"
#include "util/path.h"

/* A fixed modification time, so that the archive is byte-identical run after run. */
#define GEN_MTIME 1704067200 /* 2024-01-01 00:00:00 UTC */

struct imrx_gen_sink {
    int tar;
    int flat;
    struct archive *a;
    struct archive_entry *e;
    char *path;    /* the folder, or the final tar name (NULL: standard output) */
    char *partial; /* the tar being written */
    long subdir;   /* the last letters/NNNN made */
    imrx_buf_t name;
};

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST) {
        struct stat st;
        return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
    }
    return -1;
}

imrx_gen_sink_t *imrx_gen_sink_open(const char *out, int flat, char *err, size_t errlen)
{
    imrx_gen_sink_t *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->flat = flat;
    s->subdir = -1;
    imrx_buf_init(&s->name);
    s->tar = strcmp(out, "-") == 0 || ends_with(out, ".tar");
    if (!s->tar) {
        s->path = strdup(out);
        char sub[4096];
        int ok = s->path && make_dir(out) == 0;
        snprintf(sub, sizeof sub, "%s/letters", out);
        ok = ok && make_dir(sub) == 0;
        snprintf(sub, sizeof sub, "%s/gold", out);
        ok = ok && make_dir(sub) == 0;
        snprintf(sub, sizeof sub, "%s/.imrx-gen-probe", out);
        int fd = ok ? open(sub, O_WRONLY | O_CREAT | O_TRUNC, 0666) : -1;
        if (fd >= 0) close(fd), unlink(sub);
        if (!ok || fd < 0) {
            snprintf(err, errlen, "cannot write to the folder %s: %s", out, strerror(errno));
            imrx_gen_sink_abandon(s);
            return NULL;
        }
        return s;
    }
    s->a = archive_write_new();
    s->e = archive_entry_new();
    /* No padding of the last block: libarchive pads it when writing to a pipe but not to a
     * file, and the bytes must not depend on where they go. Blocks of 1 MB: fewer writes. */
    if (!s->a || !s->e || archive_write_set_format_ustar(s->a) != ARCHIVE_OK ||
        archive_write_add_filter_none(s->a) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(s->a, 1) != ARCHIVE_OK ||
        archive_write_set_bytes_per_block(s->a, 1 << 20) != ARCHIVE_OK) {
        snprintf(err, errlen, "cannot set up the tar writer");
        imrx_gen_sink_abandon(s);
        return NULL;
    }
    int r;
    if (strcmp(out, "-") == 0) {
        r = archive_write_open_fd(s->a, STDOUT_FILENO);
    } else if (imrx_path_is_special(out)) { /* a FIFO, /dev/null: written in place */
        s->path = strdup(out);
        r = s->path ? archive_write_open_filename(s->a, out) : ARCHIVE_FATAL;
    } else {
        s->path = strdup(out);
        size_t n = strlen(out) + 10;
        s->partial = malloc(n);
        if (!s->path || !s->partial) {
            snprintf(err, errlen, "out of memory");
            imrx_gen_sink_abandon(s);
            return NULL;
        }
        snprintf(s->partial, n, "%s.partial", out);
        r = archive_write_open_filename(s->a, s->partial);
    }
    if (r != ARCHIVE_OK) {
        snprintf(err, errlen, "cannot write %s: %s",
                 s->partial ? s->partial
                 : s->path  ? s->path
                            : "standard output",
                 archive_error_string(s->a) ? archive_error_string(s->a) : "unknown error");
        imrx_gen_sink_abandon(s);
        return NULL;
    }
    return s;
}

static imrx_status_t tar_member(imrx_gen_sink_t *s, const char *name, const char *data, size_t len)
{
    archive_entry_clear(s->e);
    archive_entry_set_pathname(s->e, name);
    archive_entry_set_size(s->e, (la_int64_t)len);
    archive_entry_set_filetype(s->e, AE_IFREG);
    archive_entry_set_perm(s->e, 0644);
    archive_entry_set_mtime(s->e, GEN_MTIME, 0);
    if (archive_write_header(s->a, s->e) != ARCHIVE_OK) return IMRX_EIO;
    if (len && archive_write_data(s->a, data, len) != (la_ssize_t)len) return IMRX_EIO;
    return IMRX_OK;
}

static imrx_status_t write_file(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) return IMRX_EIO;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            close(fd);
            return IMRX_EIO;
        }
        done += (size_t)w;
    }
    return close(fd) == 0 ? IMRX_OK : IMRX_EIO;
}

/* "letters/0012/GEN-7-0012345.txt" (or without the subfolder when flat). */
static const char *member(imrx_gen_sink_t *s, const char *top, uint64_t index, const char *name,
                          const char *ext)
{
    imrx_buf_clear(&s->name);
    if (!s->tar) imrx_buf_puts(&s->name, s->path), imrx_buf_putc(&s->name, '/');
    char sub[32] = "";
    if (!s->flat) snprintf(sub, sizeof sub, "%04llu/", (unsigned long long)(index / 1000));
    imrx_buf_puts(&s->name, top);
    imrx_buf_putc(&s->name, '/');
    imrx_buf_puts(&s->name, sub);
    imrx_buf_puts(&s->name, name);
    imrx_buf_puts(&s->name, ext);
    return s->name.failed ? NULL : s->name.data;
}

imrx_status_t imrx_gen_sink_put(imrx_gen_sink_t *s, uint64_t index, const imrx_gen_output_t *o)
{
    if (!s->tar && !s->flat && (long)(index / 1000) != s->subdir) {
        char dir[4096];
        s->subdir = (long)(index / 1000);
        snprintf(dir, sizeof dir, "%s/letters/%04ld", s->path, s->subdir);
        if (make_dir(dir) != 0) return IMRX_EIO;
        snprintf(dir, sizeof dir, "%s/gold/%04ld", s->path, s->subdir);
        if (make_dir(dir) != 0) return IMRX_EIO;
    }
    const char *n = member(s, "letters", index, o->name, ".txt");
    if (!n) return IMRX_ENOMEM;
    imrx_status_t st =
        s->tar ? tar_member(s, n, o->text, o->text_len) : write_file(n, o->text, o->text_len);
    if (st != IMRX_OK) return st;
    n = member(s, "gold", index, o->name, ".json");
    if (!n) return IMRX_ENOMEM;
    return s->tar ? tar_member(s, n, o->gold, o->gold_len) : write_file(n, o->gold, o->gold_len);
}

static void sink_free(imrx_gen_sink_t *s)
{
    if (s->e) archive_entry_free(s->e);
    if (s->a) archive_write_free(s->a);
    imrx_buf_free(&s->name);
    free(s->path);
    free(s->partial);
    free(s);
}

imrx_status_t imrx_gen_sink_close(imrx_gen_sink_t *s, const char *truth, size_t truth_len,
                                  char *err, size_t errlen)
{
    imrx_status_t st = IMRX_OK;
    if (s->tar) {
        st = tar_member(s, "truth.json", truth, truth_len);
        if (st == IMRX_OK && archive_write_close(s->a) != ARCHIVE_OK) st = IMRX_EIO;
        if (st == IMRX_OK && s->partial && rename(s->partial, s->path) != 0) st = IMRX_EIO;
        if (st != IMRX_OK) {
            snprintf(err, errlen, "writing %s failed: %s", s->path ? s->path : "standard output",
                     archive_error_string(s->a) ? archive_error_string(s->a) : strerror(errno));
            if (s->partial) unlink(s->partial);
        }
    } else {
        char path[4096];
        snprintf(path, sizeof path, "%s/truth.json", s->path);
        st = write_file(path, truth, truth_len);
        if (st != IMRX_OK) snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    }
    sink_free(s);
    return st;
}

void imrx_gen_sink_abandon(imrx_gen_sink_t *s)
{
    if (!s) return;
    if (s->a) archive_write_close(s->a);
    if (s->partial) unlink(s->partial);
    sink_free(s);
}
