#include "util/hashset.h"

#include <stdlib.h>
#include <string.h>

void imrx_hashset_init(imrx_hashset_t *s)
{
    memset(s, 0, sizeof *s);
}

void imrx_hashset_free(imrx_hashset_t *s)
{
    free(s->slots);
    memset(s, 0, sizeof *s);
}

static size_t probe(const uint64_t *slots, size_t cap, uint64_t h)
{
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ull) & (cap - 1);
    while (slots[i] && slots[i] != h) i = (i + 1) & (cap - 1);
    return i;
}

int imrx_hashset_add(imrx_hashset_t *s, uint64_t h)
{
    if (!h) h = 1;
    if ((s->count + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint64_t *slots = calloc(cap, sizeof *slots);
        if (!slots) return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i]) slots[probe(slots, cap, s->slots[i])] = s->slots[i];
        free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    size_t i = probe(s->slots, s->cap, h);
    if (!s->slots[i]) {
        s->slots[i] = h;
        s->count++;
    }
    return 0;
}

int imrx_hashset_has(const imrx_hashset_t *s, uint64_t h)
{
    if (!s->cap) return 0;
    if (!h) h = 1;
    return s->slots[probe(s->slots, s->cap, h)] == h;
}
