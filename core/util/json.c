#include "util/json.h"

#include <stdint.h>
#include <string.h>

/* 1 for the bytes JSON strings must escape: controls, quote, backslash. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* The length of the valid UTF-8 sequence at s[0..n) that starts with a byte >= 0x80, or 0. */
size_t imrx_utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t k;
    unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (n < k || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < k; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return k;
}

/* Bytes that are no valid UTF-8 (a file name in Latin-1, a message cut inside a character) are
 * written as \u00XX, the Latin-1 character of the byte: the output stays valid JSON, and the
 * resume reader (outfile.c) turns the escape back into the same byte. */
void imrx_json_string(imrx_buf_t *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    /* Most strings need no escape: one reservation, then runs copied whole. */
    if (imrx_buf_reserve(b, n + 2) != IMRX_OK) return;
    imrx_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        /* Eight plain bytes at a time (no control, quote, backslash or byte >= 0x80): most of
         * every string. */
        while (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
            uint64_t low = (x - ones * 0x20) & ~x; /* a byte < 0x20 */
            uint64_t quote = ((x ^ (ones * '"')) - ones) & ~(x ^ (ones * '"'));
            uint64_t slash = ((x ^ (ones * '\\')) - ones) & ~(x ^ (ones * '\\'));
            if (((low | quote | slash) & highs) | (x & highs)) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t k = imrx_utf8_sequence((const unsigned char *)s + i, n - i);
            if (k) {
                i += k - 1;
                continue;
            }
        } else if (!needs_escape[c]) {
            continue;
        }
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
