/* The diagnostics sink: where the details of a failure go (file, offset, plugin), so that
 * functions can return a bare status. Thread-safe. */
#ifndef IMRX_DIAG_H
#define IMRX_DIAG_H

#include <pthread.h>
#include <stdarg.h>

#include "imrx/plugin.h"

typedef void (*imrx_diag_fn)(void *user, imrx_level_t level, const char *where, const char *msg);

typedef struct imrx_diag {
    imrx_diag_fn emit; /* NULL: print to standard error */
    void *user;
    imrx_level_t min_level; /* messages below it are counted, not shown */
    unsigned long counts[4];
    pthread_mutex_t lock;
} imrx_diag_t;

void imrx_diag_init(imrx_diag_t *d, imrx_diag_fn emit, void *user);
void imrx_diag_destroy(imrx_diag_t *d);
/* `where` names what the message is about: a file, "file:offset", "plugin 'dates'"; may be NULL. */
void imrx_diag(imrx_diag_t *d, imrx_level_t level, const char *where, const char *fmt, ...)
    IMRX_PRINTF(4, 5);
void imrx_vdiag(imrx_diag_t *d, imrx_level_t level, const char *where, const char *fmt, va_list ap)
    IMRX_PRINTF(4, 0);
/* Hook that runs before a message is printed to standard error (the progress line clears itself).
 */
void imrx_diag_set_stderr_hook(void (*hook)(void));

#endif
