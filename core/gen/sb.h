/* A fixed-size string being built: item texts are short and bounded, and building them must not
 * allocate. */
#ifndef IMRX_GEN_SB_H
#define IMRX_GEN_SB_H

#include <stddef.h>

typedef struct sb {
    char *p;
    size_t cap, len;
} sb_t;

static inline void sb_add(sb_t *b, const char *s)
{
    while (*s && b->len + 1 < b->cap) b->p[b->len++] = *s++;
    b->p[b->len] = '\0';
}

static inline void sb_addn(sb_t *b, const char *s, size_t n)
{
    while (n-- && *s && b->len + 1 < b->cap) b->p[b->len++] = *s++;
    b->p[b->len] = '\0';
}

static inline void sb_int(sb_t *b, int v)
{
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < 15);
    while (n) {
        char c[2] = {tmp[--n], 0};
        sb_add(b, c);
    }
}

#endif
