#include "input/archive.h"
#include "util/size.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct imrx_archive {
    struct archive *ar;
    char *path;
    size_t max_size;
    int include_all;
    int opened, done;
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

int imrx_archive_name(const char *path)
{
    static const char *const suffixes[] = {".tar",    ".tar.gz", ".tgz",     ".tar.bz2", ".tbz2",
                                           ".tar.xz", ".txz",    ".tar.zst", ".zip",     NULL};
    for (const char *const *s = suffixes; *s; s++)
        if (ends_with(path, *s)) return 1;
    return 0;
}

imrx_archive_t *imrx_archive_open(const char *path, size_t max_size, int include_all)
{
    imrx_archive_t *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->path = strdup(path);
    a->max_size = max_size;
    a->include_all = include_all;
    a->ar = archive_read_new();
    if (!a->path || !a->ar) {
        imrx_archive_close(a);
        return NULL;
    }
    archive_read_support_filter_all(a->ar);
    archive_read_support_format_tar(a->ar);
    archive_read_support_format_gnutar(a->ar);
    archive_read_support_format_zip(a->ar);
    return a;
}

void imrx_archive_close(imrx_archive_t *a)
{
    if (!a) return;
    if (a->ar) archive_read_free(a->ar);
    free(a->path);
    free(a);
}

static char *member_name(const char *archive, const char *member)
{
    size_t len = strlen(archive) + strlen(member) + 2;
    char *s = malloc(len);
    if (s) snprintf(s, len, "%s:%s", archive, member);
    return s;
}

static int fail(imrx_archive_t *a, imrx_input_t *in, const char *member, const char *what)
{
    const char *why = archive_error_string(a->ar);
    char msg[600];
    snprintf(msg, sizeof msg, "%s: %s", what, why ? why : "unknown error");
    in->kind = IMRX_IN_ERROR;
    in->name = member ? member_name(a->path, member) : strdup(a->path);
    in->error = strdup(msg);
    in->error_stage = "read";
    in->error_offset = -1;
    a->done = 1;
    return 1;
}

int imrx_archive_next(imrx_archive_t *a, imrx_input_t *in)
{
    if (a->done) return 0;
    if (!a->opened) {
        a->opened = 1;
        if (archive_read_open_filename(a->ar, a->path, 64 * 1024) != ARCHIVE_OK)
            return fail(a, in, NULL, "cannot open archive");
    }
    for (;;) {
        struct archive_entry *e;
        int r = archive_read_next_header(a->ar, &e);
        if (r == ARCHIVE_EOF) {
            a->done = 1;
            return 0;
        }
        if (r < ARCHIVE_WARN) return fail(a, in, NULL, "corrupt archive");
        if (archive_entry_filetype(e) != AE_IFREG) continue;
        const char *name = archive_entry_pathname(e);
        if (!name) continue;
        const char *base = strrchr(name, '/');
        base = base ? base + 1 : name;
        if (base[0] == '.') continue;
        if (!a->include_all && !(ends_with(name, ".txt") || ends_with(name, ".pdf"))) continue;
        la_int64_t size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
        memset(in, 0, sizeof *in);
        if (size > (la_int64_t)a->max_size) {
            char msg[200], have[32], limit[32];
            snprintf(msg, sizeof msg, "member is %s, over the %s limit (raise it with --max-size)",
                     imrx_size_text((uint64_t)size, have, sizeof have),
                     imrx_size_text(a->max_size, limit, sizeof limit));
            in->kind = IMRX_IN_ERROR;
            in->name = member_name(a->path, name);
            in->error = strdup(msg);
            in->error_stage = "read";
            in->error_offset = -1;
            return 1; /* libarchive skips the unread data at the next header */
        }
        size_t cap = size >= 0 ? (size_t)size : 64 * 1024, len = 0;
        unsigned char *buf = malloc(cap + 1);
        if (!buf) return fail(a, in, name, "out of memory");
        for (;;) {
            if (len == cap) {
                if (cap >= a->max_size) {
                    free(buf);
                    return fail(a, in, name,
                                "member over the size limit (raise it with --max-size)");
                }
                cap *= 2;
                unsigned char *p = realloc(buf, cap + 1);
                if (!p) {
                    free(buf);
                    return fail(a, in, name, "out of memory");
                }
                buf = p;
            }
            la_ssize_t got = archive_read_data(a->ar, buf + len, cap - len);
            if (got < 0) {
                free(buf);
                return fail(a, in, name, "corrupt archive member");
            }
            if (got == 0) break;
            len += (size_t)got;
        }
        in->kind = IMRX_IN_BYTES;
        in->name = member_name(a->path, name);
        in->bytes = buf;
        in->len = len;
        in->is_pdf = ends_with(name, ".pdf") || (len >= 5 && memcmp(buf, "%PDF-", 5) == 0);
        if (!in->name) {
            imrx_input_clear(in);
            return fail(a, in, name, "out of memory");
        }
        return 1;
    }
}
