#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void imrx_buf_init(imrx_buf_t *b)
{
    memset(b, 0, sizeof *b);
}

void imrx_buf_free(imrx_buf_t *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

void imrx_buf_clear(imrx_buf_t *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data) b->data[0] = '\0';
}

imrx_status_t imrx_buf_reserve(imrx_buf_t *b, size_t n)
{
    if (b->failed) return IMRX_ENOMEM;
    if (b->cap - b->len > n) return IMRX_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= n) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = 1;
            return IMRX_ENOMEM;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return IMRX_ENOMEM;
    }
    if (!b->data) p[0] = '\0';
    b->data = p;
    b->cap = cap;
    return IMRX_OK;
}

void imrx_buf_append_slow(imrx_buf_t *b, const void *p, size_t n)
{
    if (imrx_buf_reserve(b, n) != IMRX_OK) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void imrx_buf_puts(imrx_buf_t *b, const char *s)
{
    imrx_buf_append(b, s, strlen(s));
}

void imrx_buf_putc_slow(imrx_buf_t *b, char c)
{
    if (imrx_buf_reserve(b, 1) != IMRX_OK) return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

char *imrx_u32_digits(char *out, uint32_t x)
{
    /* Spans are small numbers: two digits per division, written from the end (a record writes
     * hundreds of them). */
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324252627282930"
                                   "31323334353637383940414243444546474849505152535455565758596061"
                                   "62636465666768697071727374757677787980818283848586878889909192"
                                   "93949596979899";
    /* the digit count first, then the digits in place from the end */
    size_t n = x < 10           ? 1
               : x < 100        ? 2
               : x < 1000       ? 3
               : x < 10000      ? 4
               : x < 100000     ? 5
               : x < 1000000    ? 6
               : x < 10000000   ? 7
               : x < 100000000  ? 8
               : x < 1000000000 ? 9
                                : 10;
    char *p = out + n;
    while (x >= 100) {
        uint32_t r = x % 100;
        x /= 100;
        p -= 2;
        memcpy(p, pairs + 2 * r, 2);
    }
    if (x >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * x, 2);
    } else {
        *--p = (char)('0' + x);
    }
    return out + n;
}

void imrx_buf_put_u64(imrx_buf_t *b, uint64_t v)
{
    char tmp[24];
    if (v <= UINT32_MAX) {
        imrx_buf_append(b, tmp, (size_t)(imrx_u32_digits(tmp, (uint32_t)v) - tmp));
        return;
    }
    char *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    imrx_buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

void imrx_buf_put_i64(imrx_buf_t *b, int64_t v)
{
    if (v < 0) {
        imrx_buf_putc(b, '-');
        imrx_buf_put_u64(b, (uint64_t)0 - (uint64_t)v);
    } else {
        imrx_buf_put_u64(b, (uint64_t)v);
    }
}

void imrx_buf_vprintf(imrx_buf_t *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0 || imrx_buf_reserve(b, (size_t)n) != IMRX_OK) return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void imrx_buf_printf(imrx_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    imrx_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *imrx_buf_take(imrx_buf_t *b)
{
    char *p = b->data;
    if (!p) p = calloc(1, 1);
    memset(b, 0, sizeof *b);
    return p;
}
