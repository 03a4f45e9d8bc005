/* A set of 64-bit hashes (open addressing), for "have we written this source already". */
#ifndef IMRX_HASHSET_H
#define IMRX_HASHSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct imrx_hashset {
    uint64_t *slots; /* 0 marks an empty slot; a hash of 0 is stored as 1 */
    size_t cap, count;
} imrx_hashset_t;

void imrx_hashset_init(imrx_hashset_t *s);
void imrx_hashset_free(imrx_hashset_t *s);
/* 0 on success, -1 when out of memory. */
int imrx_hashset_add(imrx_hashset_t *s, uint64_t h);
int imrx_hashset_has(const imrx_hashset_t *s, uint64_t h);

#endif
