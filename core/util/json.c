#include "util/json.h"

#include <string.h>

/* 1 for the bytes JSON strings must escape: controls, quote, backslash. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

void imrx_json_string(imrx_buf_t *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    /* Most strings need no escape: one reservation, then runs copied whole. */
    if (imrx_buf_reserve(b, n + 2) != IMRX_OK) return;
    imrx_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!needs_escape[c]) continue;
        imrx_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            imrx_buf_append(b, "\\\"", 2);
            break;
        case '\\':
            imrx_buf_append(b, "\\\\", 2);
            break;
        case '\n':
            imrx_buf_append(b, "\\n", 2);
            break;
        case '\t':
            imrx_buf_append(b, "\\t", 2);
            break;
        case '\r':
            imrx_buf_append(b, "\\r", 2);
            break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            imrx_buf_append(b, u, 6);
        }
        }
    }
    imrx_buf_append(b, s + run, n - run);
    imrx_buf_putc(b, '"');
}

void imrx_json_cstring(imrx_buf_t *b, const char *s)
{
    if (!s)
        imrx_buf_append(b, "null", 4);
    else
        imrx_json_string(b, s, strlen(s));
}
