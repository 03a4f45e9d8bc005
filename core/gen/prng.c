/* splitmix64 seeding xoshiro256** (Blackman and Vigna): fast, small state, and well distributed,
 * which matters more here than cryptographic strength. */
#include "gen/prng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void imrx_gen_rng_seed(imrx_gen_rng_t *r, uint64_t seed, uint64_t index)
{
    /* Mix the seed and the index separately first, so that (seed, index) and (seed + 1,
     * index - 1) do not start from related states. */
    uint64_t a = seed, b = index ^ 0x5851f42d4c957f2dULL;
    uint64_t x = splitmix64(&a) ^ (splitmix64(&b) * 0xd1342543de82ef95ULL);
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t imrx_gen_next(imrx_gen_rng_t *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint32_t imrx_gen_below(imrx_gen_rng_t *r, uint32_t n)
{
    /* Lemire's multiply-shift; the bias for n far below 2^32 is negligible for text. */
    return (uint32_t)(((imrx_gen_next(r) >> 32) * (uint64_t)n) >> 32);
}

int imrx_gen_range(imrx_gen_rng_t *r, int lo, int hi)
{
    if (hi <= lo) return lo;
    return lo + (int)imrx_gen_below(r, (uint32_t)(hi - lo + 1));
}

double imrx_gen_unit(imrx_gen_rng_t *r)
{
    return (double)(imrx_gen_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int imrx_gen_chance(imrx_gen_rng_t *r, double p)
{
    return imrx_gen_unit(r) < p;
}

size_t imrx_gen_weighted(imrx_gen_rng_t *r, const double *w, size_t n)
{
    double total = 0;
    for (size_t i = 0; i < n; i++) total += w[i] > 0 ? w[i] : 0;
    double x = imrx_gen_unit(r) * total;
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] <= 0) continue;
        last = i;
        if (x < w[i]) return i;
        x -= w[i];
    }
    return last;
}
