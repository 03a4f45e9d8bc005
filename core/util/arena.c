#include "util/arena.h"

#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

struct imrx_arena_chunk {
    imrx_arena_chunk_t *next;
    size_t size;
    size_t used;
    max_align_t data[];
};

#define ALIGN (sizeof(max_align_t))

void imrx_arena_init(imrx_arena_t *a, size_t chunk_size)
{
    memset(a, 0, sizeof *a);
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
}

static imrx_arena_chunk_t *chunk_new(size_t size)
{
    imrx_arena_chunk_t *c = malloc(sizeof *c + size);
    if (!c) return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

void *imrx_arena_alloc(imrx_arena_t *a, size_t n)
{
    n = (n + ALIGN - 1) & ~(ALIGN - 1);
    if (n == 0) n = ALIGN;
    imrx_arena_chunk_t *c = a->head;
    if (!c || c->size - c->used < n) {
        if (a->free && a->free->size >= n) {
            c = a->free;
            a->free = c->next;
            c->used = 0;
        } else {
            size_t size = n > a->chunk_size ? n : a->chunk_size;
            c = chunk_new(size);
            if (!c) return NULL;
        }
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    a->used_total += n;
    return p;
}

char *imrx_arena_strndup(imrx_arena_t *a, const char *s, size_t n)
{
    char *p = imrx_arena_alloc(a, n + 1);
    if (!p) return NULL;
    imrx_copy_short(p, s, n);
    p[n] = '\0';
    return p;
}

void imrx_arena_reset(imrx_arena_t *a)
{
    /* Keep the first standard-size chunk; give the rest back, so that one huge letter does
     * not pin its memory for the rest of the run. */
    imrx_arena_chunk_t *keep = NULL;
    for (imrx_arena_chunk_t *c = a->head, *next; c; c = next) {
        next = c->next;
        if (!keep && c->size == a->chunk_size)
            keep = c;
        else
            free(c);
    }
    for (imrx_arena_chunk_t *c = a->free, *next; c; c = next) {
        next = c->next;
        if (!keep && c->size == a->chunk_size)
            keep = c;
        else
            free(c);
    }
    a->head = NULL;
    a->free = keep;
    if (keep) keep->next = NULL;
    a->used_total = 0;
}

void imrx_arena_free(imrx_arena_t *a)
{
    imrx_arena_reset(a);
    free(a->free);
    a->free = NULL;
}
