#include "helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

static void capture(void *user, imrx_level_t level, const char *where, const char *msg)
{
    (void)level;
    t_diag_t *d = user;
    int n =
        snprintf(d->text + d->len, sizeof d->text - d->len, "%s: %s\n", where ? where : "-", msg);
    if (n > 0 && d->len + (size_t)n < sizeof d->text) d->len += (size_t)n;
}

void t_diag_init(t_diag_t *d)
{
    memset(d, 0, sizeof *d);
    imrx_diag_init(&d->diag, capture, d);
    d->diag.min_level = IMRX_LOG_DEBUG;
}

static imrx_diag_t quiet_diag;

imrx_engine_t *t_engine(const char *only)
{
    imrx_engine_t *e = calloc(1, sizeof *e);
    imrx_diag_init(&quiet_diag, NULL, NULL);
    quiet_diag.min_level = IMRX_LOG_ERROR;
    static const char *const dirs[] = {IMRX_PLUGIN_DIR};
    imrx_loader_options_t lo = {
        .dirs = dirs, .dir_count = 1, .skip_default = 1, .skip_env = 1, .only = only};
    cr_assert_eq(imrx_engine_open(e, &lo, &quiet_diag), IMRX_OK, "the project's plugins load");
    return e;
}

void t_engine_free(imrx_engine_t *e)
{
    imrx_engine_close(e);
    free(e);
}

json_t *t_run_with(imrx_engine_t *e, const void *bytes, size_t n, const char *name)
{
    imrx_worker_t w;
    cr_assert_eq(imrx_worker_init(&w, e), IMRX_OK);
    imrx_input_t in = {
        .kind = IMRX_IN_BYTES, .name = (char *)name, .bytes = (unsigned char *)bytes, .len = n};
    size_t nl = strlen(name);
    in.is_pdf = nl > 4 && strcmp(name + nl - 4, ".pdf") == 0;
    imrx_worker_process(&w, &in);
    imrx_buf_t out;
    imrx_buf_init(&out);
    imrx_worker_write_json(&w, 1, &out);
    json_error_t err;
    json_t *j = json_loadb(out.data, out.len, 0, &err);
    cr_assert_not_null(j, "record is valid JSON: %s\n%s", err.text, out.data);
    imrx_buf_free(&out);
    imrx_worker_free(&w);
    return j;
}

static imrx_engine_t *shared_engine;

static imrx_engine_t *default_engine(void)
{
    if (!shared_engine) shared_engine = t_engine(NULL);
    return shared_engine;
}

json_t *t_run_bytes(const void *bytes, size_t n, const char *name)
{
    return t_run_with(default_engine(), bytes, n, name);
}

json_t *t_run_text(const char *text)
{
    return t_run_bytes(text, strlen(text), "test.txt");
}

char *t_slurp(const char *path, size_t *len)
{
    if (len) *len = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!buf) {
        fclose(fp);
        return NULL;
    }
    size_t got = fread(buf, 1, (size_t)n, fp);
    fclose(fp);
    buf[got] = '\0';
    if (len) *len = got;
    return buf;
}

json_t *t_run_file(const char *path)
{
    size_t n = 0;
    char *text = t_slurp(path, &n);
    cr_assert_not_null(text, "cannot read %s", path);
    json_t *j = t_run_bytes(text, n, path);
    free(text);
    return j;
}

json_t *t_run_corpus_edited(const char *name, const char *const *pairs)
{
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/letters/%s", IMRX_SOURCE_DIR, name);
    size_t n = 0;
    char *text = t_slurp(path, &n);
    cr_assert_not_null(text, "cannot read %s", path);
    for (int i = 0; pairs[i]; i += 2) {
        char *at = strstr(text, pairs[i]);
        cr_assert_not_null(at, "%s in %s", pairs[i], name);
        size_t before = (size_t)(at - text), olen = strlen(pairs[i]), nlen = strlen(pairs[i + 1]);
        char *out = malloc(n - olen + nlen + 1);
        cr_assert_not_null(out);
        memcpy(out, text, before);
        memcpy(out + before, pairs[i + 1], nlen);
        memcpy(out + before + nlen, at + olen, n - before - olen + 1);
        free(text);
        text = out;
        n = n - olen + nlen;
    }
    json_t *j = t_run_bytes(text, n, name);
    free(text);
    return j;
}

json_t *t_get(json_t *record, const char *path)
{
    json_t *cur = record;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *save = NULL, *part = strtok_r(buf, ".", &save); part && cur;
         part = strtok_r(NULL, ".", &save)) {
        if (json_is_array(cur))
            cur = json_array_get(cur, (size_t)atoi(part));
        else
            cur = json_object_get(cur, part);
    }
    return cur;
}

const char *t_str(json_t *record, const char *path)
{
    json_t *v = t_get(record, path);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *t_real_dir(void)
{
    static const char dir[] = IMRX_SOURCE_DIR "/../shared/real-letters/dev";
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}

int t_sh(char **out, const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += got;
        if (cap - len < 1024) buf = realloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    int status = pclose(p);
    if (out)
        *out = buf;
    else
        free(buf);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
