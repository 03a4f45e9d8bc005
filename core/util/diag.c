#include "util/diag.h"

#include <stdio.h>
#include <string.h>

static void (*stderr_hook)(void);

void imrx_diag_set_stderr_hook(void (*hook)(void))
{
    stderr_hook = hook;
}

void imrx_diag_init(imrx_diag_t *d, imrx_diag_fn emit, void *user)
{
    memset(d, 0, sizeof *d);
    d->emit = emit;
    d->user = user;
    d->min_level = IMRX_LOG_WARN;
    pthread_mutex_init(&d->lock, NULL);
}

void imrx_diag_destroy(imrx_diag_t *d)
{
    pthread_mutex_destroy(&d->lock);
}

static const char *level_name(imrx_level_t level)
{
    switch (level) {
    case IMRX_LOG_DEBUG:
        return "debug";
    case IMRX_LOG_INFO:
        return "info";
    case IMRX_LOG_WARN:
        return "warning";
    default:
        return "error";
    }
}

void imrx_vdiag(imrx_diag_t *d, imrx_level_t level, const char *where, const char *fmt, va_list ap)
{
    if ((int)level < 0 || level > IMRX_LOG_ERROR) level = IMRX_LOG_ERROR;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    pthread_mutex_lock(&d->lock);
    d->counts[level]++;
    if (level >= d->min_level) {
        if (d->emit) {
            d->emit(d->user, level, where, msg);
        } else {
            if (stderr_hook) stderr_hook();
            if (where)
                fprintf(stderr, "imrx: %s: %s: %s\n", level_name(level), where, msg);
            else
                fprintf(stderr, "imrx: %s: %s\n", level_name(level), msg);
        }
    }
    pthread_mutex_unlock(&d->lock);
}

void imrx_diag(imrx_diag_t *d, imrx_level_t level, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    imrx_vdiag(d, level, where, fmt, ap);
    va_end(ap);
}
