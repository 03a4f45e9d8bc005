/* What re.c and re_keys.c share, inside plugins/common (not for plugins). */
#ifndef IMRX_PLUGIN_RE_INTERNAL_H
#define IMRX_PLUGIN_RE_INTERNAL_H

#include <stdatomic.h>
#include <stdint.h>

#include "re.h"

/* A development aid: with IMRX_RE_PROFILE set, each pattern counts its searches and the time
 * they took, and prints both to standard error when it is freed (at plugin exit). */
struct imrx_re_profile {
    atomic_ullong ns, calls, hits;
    char what[48];
};

uint64_t imrx_re_now_ns(void);

/* PCRE2's compile options for imrx_re_compile's `options` (re.h): UTF, multiline, caseless unless
 * IMRX_RE_CASE, and the rest passed on. */
static inline uint32_t imrx_re_compile_options(uint32_t options)
{
    uint32_t opts = PCRE2_UTF | PCRE2_MULTILINE | PCRE2_NO_UTF_CHECK;
    if (!(options & IMRX_RE_CASE)) opts |= PCRE2_CASELESS;
    return opts | (options & ~IMRX_RE_CASE);
}

/* One match of `code` from `start` in text[..end): 1, 0 or a PCRE2 error (a limit counts in
 * s->limit_hits). `jit`: the code is JIT-compiled, so pcre2_jit_match can take it; never with
 * options at match time. */
int imrx_re_run(const pcre2_code *code, int jit, imrx_re_scratch_t *s, const char *text,
                size_t start, size_t end, uint32_t opts);

/* IMRX_RE_PROFILE: one search of `re` that began at t0 and returned rc. */
void imrx_re_profile_count(const imrx_re_t *re, uint64_t t0, int rc);

/* The pattern with each \G (true only where a search starts) made never true (malloc'd), or
 * NULL when it has none or there is no memory (re.c). */
char *imrx_re_without_start_assertion(const char *pattern);

/* re_split.c: the variant of a split pattern for a place holding `byte`; 0 when no alternative
 * can begin with it (nothing can match there). */
#define IMRX_RE_SPLIT_NONE 255u
int imrx_re_split_variant(struct imrx_re_split *sp, unsigned char byte, const pcre2_code **code,
                          int *jit);
void imrx_re_split_free(struct imrx_re_split *sp);

/* The per-thread cache of key indexes (re_keys.c), made with each scratch. */
struct imrx_re_key_cache *imrx_re_key_cache_new(void);

#endif
