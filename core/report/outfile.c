#include "report/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/source.h"
#include "util/path.h"

int imrx_record_line_source(const char *line, size_t len, char *buf, size_t buflen)
{
    static const char key[] = "\"source\":\"";
    const char *end = line + len;
    const char *p = NULL;
    for (const char *q = line; q + sizeof key - 1 <= end; q++) {
        if (memcmp(q, key, sizeof key - 1) == 0) {
            p = q + sizeof key - 1;
            break;
        }
    }
    if (!p || buflen == 0) return 0;
    size_t w = 0;
    while (p < end && *p != '"') {
        char c = *p++;
        if (c == '\\' && p < end) {
            char e = *p++;
            switch (e) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case 'u': {
                /* Only control characters are written as \u escapes. */
                if (end - p < 4) return 0;
                char hex[5] = {p[0], p[1], p[2], p[3], 0};
                c = (char)strtol(hex, NULL, 16);
                p += 4;
                break;
            }
            default:
                c = e;
                break;
            }
        }
        if (w + 1 >= buflen) return 0;
        buf[w++] = c;
    }
    if (p >= end) return 0;
    buf[w] = '\0';
    return 1;
}

/* Reads the .partial file, keeps its complete lines, truncates the rest. */
static imrx_status_t load_partial(imrx_outfile_t *o, imrx_hashset_t *done,
                                  unsigned long *done_count)
{
    FILE *fp = fopen(o->partial_path, "r");
    if (!fp) return errno == ENOENT ? IMRX_ENOENT : IMRX_EIO;
    char *line = NULL, source[8192];
    size_t cap = 0;
    ssize_t n;
    off_t good = 0;
    while ((n = getline(&line, &cap, fp)) > 0) {
        if (line[n - 1] != '\n') break; /* cut off mid-record by the interruption */
        if (!imrx_record_line_source(line, (size_t)n, source, sizeof source)) break;
        if (imrx_hashset_add(done, imrx_source_resume_key(source)) != 0) {
            free(line);
            fclose(fp);
            return IMRX_ENOMEM;
        }
        (*done_count)++;
        good += n;
    }
    free(line);
    fclose(fp);
    if (truncate(o->partial_path, good) != 0) return IMRX_EIO;
    return IMRX_OK;
}

#define OUTFILE_BUFFER (1u << 20)

static void give_buffer(imrx_outfile_t *o)
{
    o->buffer = malloc(OUTFILE_BUFFER);
    if (o->buffer) setvbuf(o->fp, o->buffer, _IOFBF, OUTFILE_BUFFER);
}

imrx_status_t imrx_outfile_open(imrx_outfile_t *o, const char *path, int resume,
                                imrx_hashset_t *done, unsigned long *done_count)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        return IMRX_OK;
    }
    if (imrx_path_is_special(path)) {
        /* /dev/null, a FIFO: written directly, and nothing there to resume from */
        if (resume) return IMRX_EINVAL;
        o->fp = fopen(path, "w");
        o->direct = 1;
        if (!o->fp) return IMRX_EIO;
        give_buffer(o);
        return IMRX_OK;
    }
    o->final_path = strdup(path);
    size_t len = strlen(path) + sizeof ".partial";
    o->partial_path = malloc(len);
    imrx_status_t st = IMRX_OK;
    if (!o->final_path || !o->partial_path) {
        st = IMRX_ENOMEM;
    } else {
        snprintf(o->partial_path, len, "%s.partial", path);
        const char *mode = "w";
        if (resume) {
            st = load_partial(o, done, done_count);
            if (st == IMRX_OK)
                mode = "a";
            else if (st == IMRX_ENOENT)
                st = IMRX_OK;
        }
        if (st == IMRX_OK) {
            o->fp = fopen(o->partial_path, mode);
            if (!o->fp)
                st = IMRX_EIO;
            else
                give_buffer(o);
        }
    }
    if (st != IMRX_OK) imrx_outfile_abandon(o);
    return st;
}

imrx_status_t imrx_outfile_commit(imrx_outfile_t *o)
{
    imrx_status_t st = IMRX_OK;
    if (!o->fp) return IMRX_EIO;
    if (fflush(o->fp) != 0 || ferror(o->fp)) st = IMRX_EIO;
    if (o->direct) {
        if (fclose(o->fp) != 0) st = IMRX_EIO;
    } else if (o->fp != stdout) {
        if (st == IMRX_OK && fsync(fileno(o->fp)) != 0 && errno != EINVAL) st = IMRX_EIO;
        if (fclose(o->fp) != 0) st = IMRX_EIO;
        if (st == IMRX_OK && rename(o->partial_path, o->final_path) != 0) st = IMRX_EIO;
    }
    o->fp = NULL;
    free(o->buffer);
    free(o->final_path);
    free(o->partial_path);
    o->buffer = NULL;
    o->final_path = o->partial_path = NULL;
    return st;
}

void imrx_outfile_discard(imrx_outfile_t *o)
{
    if (o->partial_path && o->fp && o->fp != stdout && !o->direct) {
        fclose(o->fp);
        o->fp = NULL;
        remove(o->partial_path);
    }
    imrx_outfile_abandon(o);
}

void imrx_outfile_abandon(imrx_outfile_t *o)
{
    if (o->fp && o->fp != stdout)
        fclose(o->fp);
    else if (o->fp)
        fflush(o->fp);
    o->fp = NULL;
    free(o->buffer);
    free(o->final_path);
    free(o->partial_path);
    o->buffer = NULL;
    o->final_path = o->partial_path = NULL;
}
