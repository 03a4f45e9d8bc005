/* Deterministic random numbers for the letter generator. Every letter draws from its own stream,
 * seeded from (seed, letter index), so a letter is the same whatever else is generated. */
#ifndef IMRX_GEN_PRNG_H
#define IMRX_GEN_PRNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct imrx_gen_rng {
    uint64_t s[4]; /* xoshiro256** state */
} imrx_gen_rng_t;

/* The stream of letter `index` under `seed` (splitmix64 expands the pair into the state). */
void imrx_gen_rng_seed(imrx_gen_rng_t *r, uint64_t seed, uint64_t index);
uint64_t imrx_gen_next(imrx_gen_rng_t *r);
/* Uniform in [0, n); n > 0. */
uint32_t imrx_gen_below(imrx_gen_rng_t *r, uint32_t n);
/* Uniform in [lo, hi], inclusive. */
int imrx_gen_range(imrx_gen_rng_t *r, int lo, int hi);
/* Uniform in [0, 1). */
double imrx_gen_unit(imrx_gen_rng_t *r);
/* 1 with probability p. Draws a number even when p is 0 or 1, so that changing a probability
 * does not shift every later draw of the letter. */
int imrx_gen_chance(imrx_gen_rng_t *r, double p);
/* An index drawn with the given non-negative weights (at least one positive). */
size_t imrx_gen_weighted(imrx_gen_rng_t *r, const double *w, size_t n);

/* A uniformly chosen element of a static array. */
#define IMRX_GEN_COUNT(a)   (sizeof(a) / sizeof((a)[0]))
#define IMRX_GEN_PICK(r, a) ((a)[imrx_gen_below((r), (uint32_t)IMRX_GEN_COUNT(a))])

#endif
