/* Misspelled drug names: reviewers type "Cyclobenzaprin" or "Gabapentine" where the lexicon has
 * no such line. A symmetric-deletion index (every long one-word surface and its one-letter
 * deletions) finds the surfaces one edit away from a word with a few hash look-ups, so the
 * letter is still scanned once. Short names are left out: at 7 letters or fewer, one edit turns
 * too many English words into drug names. */
#include <stdlib.h>
#include <string.h>

#include "meds.h"
#include "text.h"

#define MIN_LEN 8
#define MAX_LEN 31

struct med_fuzzy_slot {
    uint32_t hash;
    int32_t entry; /* -1: empty slot */
    uint8_t len;
    char key[MAX_LEN + 1]; /* a surface or a surface less one letter, folded */
};

/* Most long words of a letter are no drug: a bit per hash, small enough to stay in cache,
 * turns them away before the table is read. */
#define BLOOM_BITS (1u << 18)

/* English words one edit from a drug name (checked against a word list), and names of other
 * things (Lipoderm, a compounding cream base, not Lidoderm): never a misspelling. */
static const char *const english[] = {
    "androgen",  "augmenting", "buffering", "castrate", "clarinet", "concerti",
    "concerto",  "concerts",   "mitigate",  "neurotic", "resistor", "singular",
    "sublimate", "augmented",  "concerted", "methadon", "lipoderm", NULL};

/* A polynomial hash, so that the hash of a word less one letter comes from its prefix and
 * suffix hashes in constant time; mixed before it picks a slot or a bit. */
#define BASE 131u

static uint32_t mix(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x45d9f3bu;
    h ^= h >> 16;
    return h;
}

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 0;
    for (size_t i = 0; i < n; i++) h = h * BASE + (unsigned char)s[i];
    return mix(h);
}

static void put(med_lexicon_t *lx, const char *key, size_t n, int32_t entry)
{
    size_t mask = lx->fuzzy_cap - 1;
    uint32_t h = hash(key, n);
    lx->fuzzy_bloom[(h >> 5) & (BLOOM_BITS / 32 - 1)] |= 1u << (h & 31);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct med_fuzzy_slot *s = &lx->fuzzy[i];
        if (s->entry < 0) {
            memcpy(s->key, key, n);
            s->key[n] = '\0';
            s->len = (uint8_t)n, s->hash = h, s->entry = entry;
            return;
        }
        if (s->entry == entry && s->len == n && memcmp(s->key, key, n) == 0) return;
    }
}

static int indexable(const char *s, size_t n)
{
    if (n < MIN_LEN || n > MAX_LEN) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return 0;
    return 1;
}

static void lower(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    out[n] = '\0';
}

imrx_status_t med_fuzzy_build(med_lexicon_t *lx)
{
    size_t keys = 0;
    for (size_t i = 0; i < lx->count; i++) {
        size_t n = strlen(lx->entries[i].surface);
        if (indexable(lx->entries[i].surface, n)) keys += n + 1;
    }
    size_t cap = 64;
    while (cap < keys * 2) cap *= 2;
    lx->fuzzy = calloc(cap, sizeof *lx->fuzzy);
    lx->fuzzy_bloom = calloc(BLOOM_BITS / 32, sizeof *lx->fuzzy_bloom);
    if (!lx->fuzzy || !lx->fuzzy_bloom) {
        med_fuzzy_free(lx);
        return IMRX_ENOMEM;
    }
    lx->fuzzy_cap = cap;
    for (size_t i = 0; i < cap; i++) lx->fuzzy[i].entry = -1;
    for (size_t i = 0; i < lx->count; i++) {
        const char *s = lx->entries[i].surface;
        size_t n = strlen(s);
        if (!indexable(s, n)) continue;
        char w[MAX_LEN + 1], d[MAX_LEN + 1];
        lower(s, n, w);
        put(lx, w, n, (int32_t)i);
        for (size_t k = 0; k < n; k++) {
            memcpy(d, w, k);
            memcpy(d + k, w + k + 1, n - k - 1);
            put(lx, d, n - 1, (int32_t)i);
        }
    }
    return IMRX_OK;
}

void med_fuzzy_free(med_lexicon_t *lx)
{
    free(lx->fuzzy);
    free(lx->fuzzy_bloom);
    lx->fuzzy = NULL;
    lx->fuzzy_bloom = NULL;
    lx->fuzzy_cap = 0;
}

/* Optimal string alignment distance of a and b, when it is at most 1; 2 otherwise. */
static int within_one(const char *a, size_t n, const char *b, size_t m)
{
    if (n > m + 1 || m > n + 1) return 2;
    size_t i = 0;
    while (i < n && i < m && a[i] == b[i]) i++;
    if (i == n && i == m) return 0;
    if (n == m) {
        if (strncmp(a + i + 1, b + i + 1, n - i - 1) == 0) return 1; /* substitution */
        if (i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
            strncmp(a + i + 2, b + i + 2, n - i - 2) == 0)
            return 1; /* transposition */
        return 2;
    }
    if (n == m + 1) return strncmp(a + i + 1, b + i, m - i) == 0 ? 1 : 2;
    return strncmp(a + i, b + i + 1, n - i) == 0 ? 1 : 2;
}

/* The entry of the key's slots whose surface is one edit from w; -1 if none. */
static int32_t probe(const med_lexicon_t *lx, const char *key, size_t n, uint32_t h, const char *w,
                     size_t wn)
{
    size_t mask = lx->fuzzy_cap - 1;
    for (size_t i = h & mask; lx->fuzzy[i].entry >= 0; i = (i + 1) & mask) {
        const struct med_fuzzy_slot *s = &lx->fuzzy[i];
        if (s->hash != h || s->len != n || memcmp(s->key, key, n) != 0) continue;
        const char *surface = lx->entries[s->entry].surface;
        char f[MAX_LEN + 1];
        size_t sn = strlen(surface);
        lower(surface, sn, f);
        if (f[0] == w[0] && within_one(w, wn, f, sn) <= 1) return s->entry;
    }
    return -1;
}

static int in_bloom(const med_lexicon_t *lx, uint32_t h)
{
    return (lx->fuzzy_bloom[(h >> 5) & (BLOOM_BITS / 32 - 1)] >> (h & 31)) & 1u;
}

int med_lexicon_fuzzy(const med_lexicon_t *lx, med_fuzzy_cache_t *cache, const char *text,
                      size_t len, size_t pos, size_t *end)
{
    if (!lx->fuzzy_cap) return -1;
    size_t e = pos;
    while (e < len && e - pos <= MAX_LEN &&
           ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z')))
        e++;
    size_t n = e - pos;
    if (n < MIN_LEN || n > MAX_LEN || (e < len && text[e] >= '0' && text[e] <= '9')) return -1;
    char w[MAX_LEN + 1], d[MAX_LEN + 1];
    lower(text + pos, n, w);
    /* The hash of w less its k-th letter is its prefix's, shifted, plus its suffix's: every
     * candidate costs a multiplication and one look at the filter. */
    uint32_t pre[MAX_LEN + 1], suf[MAX_LEN + 2], pw[MAX_LEN + 1];
    pre[0] = 0, pw[0] = 1, suf[n] = 0;
    for (size_t i = 0; i < n; i++) pre[i + 1] = pre[i] * BASE + (unsigned char)w[i];
    uint32_t h = mix(pre[n]);
    med_fuzzy_miss_t *miss = NULL;
    if (cache && n < sizeof cache->slot[0].word) {
        miss = &cache->slot[h % MED_FUZZY_CACHE];
        if (miss->hash == h && miss->len == n && memcmp(miss->word, w, n) == 0) return -1;
    }
    for (size_t i = 0; i < n; i++) pw[i + 1] = pw[i] * BASE;
    for (size_t i = n; i-- > 0;) suf[i] = (unsigned char)w[i] * pw[n - 1 - i] + suf[i + 1];
    int32_t hit = in_bloom(lx, h) ? probe(lx, w, n, h, w, n) : -1;
    /* (Dropping the first letter only matters when it is doubled: the first letters agree.) */
    for (size_t k = w[0] == w[1] ? 0 : 1; k < n && hit < 0; k++) {
        h = mix(pre[k] * pw[n - 1 - k] + suf[k + 1]);
        if (!in_bloom(lx, h)) continue;
        memcpy(d, w, k);
        memcpy(d + k, w + k + 1, n - k - 1);
        hit = probe(lx, d, n - 1, h, w, n);
    }
    for (int i = 0; hit >= 0 && english[i]; i++)
        if (strcmp(w, english[i]) == 0) hit = -1;
    if (hit >= 0) {
        *end = e;
    } else if (miss) {
        miss->hash = mix(pre[n]);
        miss->len = (uint8_t)n;
        memcpy(miss->word, w, n);
    }
    return hit;
}
