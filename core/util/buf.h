/* A growable byte buffer, always NUL-terminated. */
#ifndef IMRX_BUF_H
#define IMRX_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"

typedef struct imrx_buf {
    char *data;
    size_t len;
    size_t cap;
    int failed; /* an allocation failed; the content is truncated */
} imrx_buf_t;

void imrx_buf_init(imrx_buf_t *b);
void imrx_buf_free(imrx_buf_t *b);
void imrx_buf_clear(imrx_buf_t *b);
/* Makes room for n more bytes; IMRX_ENOMEM (and `failed`) if it cannot. */
imrx_status_t imrx_buf_reserve(imrx_buf_t *b, size_t n);
void imrx_buf_append_slow(imrx_buf_t *b, const void *p, size_t n);
void imrx_buf_puts(imrx_buf_t *b, const char *s);
void imrx_buf_putc_slow(imrx_buf_t *b, char c);

/* Copies n bytes, inline when n is small: keys, paths and digits are a few bytes each, and
 * there a call to memcpy costs more than the copy. */
static inline void imrx_copy_short(char *d, const char *s, size_t n)
{
    if (n > 16) {
        __builtin_memcpy(d, s, n);
    } else if (n >= 8) { /* two overlapping 8-byte moves */
        uint64_t a, z;
        __builtin_memcpy(&a, s, 8);
        __builtin_memcpy(&z, s + n - 8, 8);
        __builtin_memcpy(d, &a, 8);
        __builtin_memcpy(d + n - 8, &z, 8);
    } else if (n >= 4) {
        uint32_t a, z;
        __builtin_memcpy(&a, s, 4);
        __builtin_memcpy(&z, s + n - 4, 4);
        __builtin_memcpy(d, &a, 4);
        __builtin_memcpy(d + n - 4, &z, 4);
    } else if (n) { /* 1 to 3 bytes: first, middle, last */
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

/* The record writer calls these a thousand times per letter: inline when there is room. */
static inline void imrx_buf_putc(imrx_buf_t *b, char c)
{
    if (!b->failed && b->cap - b->len > 1) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        imrx_buf_putc_slow(b, c);
    }
}

static inline void imrx_buf_append(imrx_buf_t *b, const void *p, size_t n)
{
    if (!b->failed && b->cap - b->len > n) {
        if (n) __builtin_memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        imrx_buf_append_slow(b, p, n);
    }
}
/* Decimal digits of v (faster than printf on the record writer's hot path). */
void imrx_buf_put_u64(imrx_buf_t *b, uint64_t v);
/* Writes the decimal digits of x at out (at most 10 bytes, no NUL); returns the end. */
char *imrx_u32_digits(char *out, uint32_t x);
void imrx_buf_put_i64(imrx_buf_t *b, int64_t v);
void imrx_buf_printf(imrx_buf_t *b, const char *fmt, ...) IMRX_PRINTF(2, 3);
void imrx_buf_vprintf(imrx_buf_t *b, const char *fmt, va_list ap) IMRX_PRINTF(2, 0);
/* Hands the data over to the caller (who frees it) and empties the buffer. */
char *imrx_buf_take(imrx_buf_t *b);

#endif
