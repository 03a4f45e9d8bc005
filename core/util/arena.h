/* A bump allocator: many small allocations, freed all at once (one letter's record). */
#ifndef IMRX_ARENA_H
#define IMRX_ARENA_H

#include <stddef.h>

typedef struct imrx_arena_chunk imrx_arena_chunk_t;

typedef struct imrx_arena {
    imrx_arena_chunk_t *head; /* chunk being filled */
    imrx_arena_chunk_t *free; /* chunks kept for reuse after a reset */
    size_t chunk_size;
    size_t used_total;
} imrx_arena_t;

void imrx_arena_init(imrx_arena_t *a, size_t chunk_size);
/* NULL when out of memory. Aligned for any scalar type. */
void *imrx_arena_alloc(imrx_arena_t *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *imrx_arena_strndup(imrx_arena_t *a, const char *s, size_t n);
/* Forgets every allocation but keeps up to one chunk of memory for the next letter. */
void imrx_arena_reset(imrx_arena_t *a);
void imrx_arena_free(imrx_arena_t *a);

#endif
