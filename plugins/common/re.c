#include "re.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

/* A development aid: with IMRX_RE_PROFILE set, each pattern counts its searches and the time
 * they took, and prints both to standard error when it is freed (at plugin exit). */
struct imrx_re_profile {
    atomic_ullong ns, calls, hits;
    char what[48];
};

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The pattern with each \G (true only where a search starts) made never true, for attempts a
 * search from an earlier place would make; NULL when it has none (or no memory: callers then
 * take the plain search). Escapes are skipped whole, so "\\G" (a backslash and a G) stays. */
static char *without_start_assertion(const char *pattern)
{
    size_t n = 0, g = 0;
    for (const char *p = pattern; *p; p++, n++)
        if (*p == '\\' && p[1]) {
            g += p[1] == 'G';
            p++, n++;
        }
    if (!g) return NULL;
    char *out = malloc(n + 3 * g + 1), *o = out;
    if (!out) return NULL;
    for (const char *p = pattern; *p; p++) {
        if (*p == '\\' && p[1] == 'G') {
            memcpy(o, "(?!)", 4), o += 4, p++;
            continue;
        }
        if (*p == '\\' && p[1]) *o++ = *p++;
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

imrx_status_t imrx_re_compile(imrx_re_t *re, const char *pattern, uint32_t options,
                              const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    int err;
    PCRE2_SIZE off;
    uint32_t opts = PCRE2_UTF | PCRE2_MULTILINE | PCRE2_NO_UTF_CHECK;
    if (!(options & IMRX_RE_CASE)) opts |= PCRE2_CASELESS;
    opts |= options & ~IMRX_RE_CASE;
    re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        if (api)
            api->log(ctx, IMRX_LOG_ERROR, "pattern error at %zu: %s in /%s/", (size_t)off,
                     (char *)msg, pattern);
        return IMRX_EINVAL;
    }
    /* Without JIT (some platforms, or IMRX_NO_JIT=1 for valgrind, which cannot follow JIT code)
     * the interpreter is used: slower, same answers. */
    int jit = !getenv("IMRX_NO_JIT");
    re->code_jit = jit && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
    re->anchored = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts | PCRE2_ANCHORED,
                                 &err, &off, NULL);
    re->anchored_jit =
        re->anchored && jit && pcre2_jit_compile(re->anchored, PCRE2_JIT_COMPLETE) == 0;
    re->anchored_inside = NULL;
    re->anchored_inside_jit = 0;
    char *inside = without_start_assertion(pattern);
    if (inside) {
        re->anchored_inside = pcre2_compile((PCRE2_SPTR)inside, PCRE2_ZERO_TERMINATED,
                                            opts | PCRE2_ANCHORED, &err, &off, NULL);
        re->anchored_inside_jit = re->anchored_inside && jit &&
                                  pcre2_jit_compile(re->anchored_inside, PCRE2_JIT_COMPLETE) == 0;
        free(inside);
    }
    re->verify = getenv("IMRX_RE_VERIFY") != NULL;
    re->profile = NULL;
    if (getenv("IMRX_RE_PROFILE") && (re->profile = calloc(1, sizeof *re->profile)))
        snprintf(re->profile->what, sizeof re->profile->what, "%s", pattern);
    return IMRX_OK;
}

void imrx_re_free(imrx_re_t *re)
{
    if (re->profile) {
        struct imrx_re_profile *p = re->profile;
        Dl_info so = {0};
        dladdr((void *)imrx_re_free, &so); /* each plugin links its own copy: names the plugin */
        const char *name = so.dli_fname ? strrchr(so.dli_fname, '/') : NULL;
        fprintf(stderr, "re-profile %10.1f ms %9llu calls %9llu hits %-16s %s\n",
                (double)atomic_load(&p->ns) / 1e6, (unsigned long long)atomic_load(&p->calls),
                (unsigned long long)atomic_load(&p->hits), name ? name + 1 : "?", p->what);
        free(p);
        re->profile = NULL;
    }
    pcre2_code_free(re->code);
    pcre2_code_free(re->anchored);
    pcre2_code_free(re->anchored_inside);
    re->code = re->anchored = re->anchored_inside = NULL;
}

static struct imrx_re_key_cache *key_cache_new(void);

imrx_status_t imrx_re_scratch_init(imrx_re_scratch_t *s)
{
    s->rc = 0;
    s->limit_hits = 0;
    s->md = pcre2_match_data_create(20, NULL);
    s->mc = pcre2_match_context_create(NULL);
    s->key_cache = key_cache_new();
    if (!s->md || !s->mc || !s->key_cache) {
        imrx_re_scratch_free(s);
        return IMRX_ENOMEM;
    }
    pcre2_set_match_limit(s->mc, 1000000);
    pcre2_set_depth_limit(s->mc, 10000);
    return IMRX_OK;
}

void imrx_re_report_limits(imrx_re_scratch_t *s, const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    if (!s->limit_hits) return;
    api->warn(ctx, imrx_span(0, 0),
              "%u pattern searches stopped at PCRE2's match limits on this letter and counted "
              "as no match; fields may be missing",
              (unsigned)s->limit_hits);
    s->limit_hits = 0;
}

void imrx_re_scratch_free(imrx_re_scratch_t *s)
{
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mc);
    free(s->key_cache);
    s->md = NULL;
    s->mc = NULL;
    s->key_cache = NULL;
}

/* `jit`: the code is JIT-compiled, so pcre2_jit_match (the same matcher, without pcre2_match's
 * checks on every call: ~100 searches a letter) can take it; never with options at match time. */
static int match(const pcre2_code *code, int jit, imrx_re_scratch_t *s, const char *text,
                 size_t start, size_t end, uint32_t opts)
{
    if (start > end) return 0;
    int rc = jit && !opts ? pcre2_jit_match(code, (PCRE2_SPTR)text, end, start, 0, s->md, s->mc)
                          : pcre2_match(code, (PCRE2_SPTR)text, end, start,
                                        opts | PCRE2_NO_UTF_CHECK, s->md, s->mc);
    s->rc = rc > 0 ? rc : 0;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        s->limit_hits++;
    if (rc < 0) return rc;
    return 1;
}

/* IMRX_RE_PROFILE: one search of `re` that began at t0 and returned rc. */
static void profile_count(const imrx_re_t *re, uint64_t t0, int rc)
{
    atomic_fetch_add(&re->profile->ns, now_ns() - t0);
    atomic_fetch_add(&re->profile->calls, 1);
    if (rc > 0) atomic_fetch_add(&re->profile->hits, 1);
}

static int profiled(const imrx_re_t *re, const pcre2_code *code, int jit, imrx_re_scratch_t *s,
                    const char *text, size_t start, size_t end, uint32_t opts)
{
    uint64_t t0 = now_ns();
    int rc = match(code, jit, s, text, start, end, opts);
    profile_count(re, t0, rc);
    return rc;
}

int imrx_re_find(const imrx_re_t *re, imrx_re_scratch_t *s, const char *text, size_t start,
                 size_t end)
{
    if (re->profile) return profiled(re, re->code, re->code_jit, s, text, start, end, 0);
    return match(re->code, re->code_jit, s, text, start, end, 0);
}

int imrx_re_at(const imrx_re_t *re, imrx_re_scratch_t *s, const char *text, size_t start,
               size_t end)
{
    if (re->anchored) {
        if (re->profile)
            return profiled(re, re->anchored, re->anchored_jit, s, text, start, end, 0);
        return match(re->anchored, re->anchored_jit, s, text, start, end, 0);
    }
    return match(re->code, re->code_jit, s, text, start, end, PCRE2_ANCHORED);
}

/* -- keyed search ---------------------------------------------------------------------------- */

#define KEYS_MAX 64 /* more keys than this: the plain search */

/* The keys by first letter (either case): head[c] is 1 + the index of the first key starting
 * with c, next[i] 1 + the index of the next one after key i; 0 ends a list. */
typedef struct key_index {
    unsigned char head[256];
    unsigned char next[KEYS_MAX];
    int words_only; /* every key starts with a word character: keys stand at word starts only */
} key_index_t;

/* The indexes of the key sets a thread has used: a plugin searches with a handful of them,
 * ~100 times a letter, and building an index each time cost 0.5 % of a run. */
#define KEY_CACHE 16
struct imrx_re_key_cache {
    const imrx_re_keys_t *keys[KEY_CACHE];
    key_index_t ix[KEY_CACHE];
    int built[KEY_CACHE]; /* 1: usable, -1: too many keys */
    int n;
};

static struct imrx_re_key_cache *key_cache_new(void)
{
    return calloc(1, sizeof(struct imrx_re_key_cache));
}

/* ASCII letters, digits and '_' (imrx_text_word_char), as a table for the scans. */
static const unsigned char word_chars[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['_'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1,
    ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1,
    ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1,
    ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1,
    ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1,
    ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1};

static int key_index_build(const imrx_re_keys_t *keys, key_index_t *ix)
{
    memset(ix->head, 0, sizeof ix->head);
    int n = 0;
    while (keys->words[n]) n++;
    if (n > KEYS_MAX) return 0;
    ix->words_only = 1;
    for (int i = n; i-- > 0;) { /* from the last, so that each list is in the keys' order */
        unsigned char c = (unsigned char)keys->words[i][0];
        if (!word_chars[c]) ix->words_only = 0;
        ix->next[i] = ix->head[c];
        ix->head[c] = (unsigned char)(i + 1);
        if (c >= 'a' && c <= 'z') ix->head[c - 32] = (unsigned char)(i + 1);
    }
    return 1;
}

static int key_at(const imrx_re_keys_t *keys, const key_index_t *ix, const char *text, size_t p,
                  size_t end)
{
    for (unsigned k = ix->head[(unsigned char)text[p]]; k; k = ix->next[k - 1]) {
        const char *w = keys->words[k - 1];
        size_t i = 1;
        while (w[i] && p + i < end && (unsigned char)(text[p + i] | 0x20) == (unsigned char)w[i])
            i++;
        if (!w[i] &&
            !(keys->whole_words && p + i < end && imrx_text_word_char((unsigned char)text[p + i])))
            return 1;
    }
    return 0;
}

/* Text holding U+017F or U+212A, which caseless PCRE2 reads as s and k: a key spelled with
 * them escapes the scan, so the plain search decides. */
static int has_folded_letters(const char *text, size_t start, size_t end)
{
    const char *e = text + end;
    for (const char *q = text + start; (q = memchr(q, 0xC5, (size_t)(e - q))); q++)
        if (q + 1 < e && (unsigned char)q[1] == 0xBF) return 1;
    for (const char *q = text + start; (q = memchr(q, 0xE2, (size_t)(e - q))); q++)
        if (q + 2 < e && (unsigned char)q[1] == 0x84 && (unsigned char)q[2] == 0xAA) return 1;
    return 0;
}

#define KEYED_MIN      256 /* shorter texts: PCRE2's own scan */
#define KEYED_BACK_MAX 8   /* more words back than this: the plain search */

/* The index of `keys`: the thread's cached one, else built into *tmp; NULL when the keys cannot
 * be indexed. */
static const key_index_t *key_index(const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                                    key_index_t *tmp)
{
    struct imrx_re_key_cache *c = s ? s->key_cache : NULL;
    for (int i = 0; c && i < c->n; i++)
        if (c->keys[i] == keys) return c->built[i] > 0 ? &c->ix[i] : NULL;
    if (c && c->n < KEY_CACHE) {
        int i = c->n++;
        c->keys[i] = keys;
        c->built[i] = key_index_build(keys, &c->ix[i]) ? 1 : -1;
        return c->built[i] > 0 ? &c->ix[i] : NULL;
    }
    return key_index_build(keys, tmp) ? tmp : NULL;
}

/* Can the keys decide for text[start..end)? Their index when they can, else NULL. */
static const key_index_t *keys_usable(const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                                      key_index_t *tmp, const char *text, size_t start, size_t end)
{
    if (start > end || keys->words_back > KEYED_BACK_MAX || has_folded_letters(text, start, end))
        return NULL;
    return key_index(keys, s, tmp);
}

/* The first key at a word start in text[p..end), or end. When every key starts with a word
 * character, the scan steps from word start to word start: a test per word instead of a test
 * (and a branch the processor cannot foresee) per byte. */
static inline size_t next_key(const imrx_re_keys_t *keys, const key_index_t *ix, const char *text,
                              size_t p, size_t end)
{
    if (!ix->words_only) {
        for (; p < end; p++) {
            if (!ix->head[(unsigned char)text[p]]) continue;
            if (p > 0 && word_chars[(unsigned char)text[p - 1]]) continue;
            if (key_at(keys, ix, text, p, end)) return p;
        }
        return end;
    }
    const unsigned char *t = (const unsigned char *)text;
    if (p > 0)
        while (p < end && word_chars[t[p - 1]] && word_chars[t[p]]) p++; /* the word p is in */
    while (p < end) {
        while (p < end && !word_chars[t[p]]) p++;
        if (p == end) break;
        if (ix->head[t[p]] && key_at(keys, ix, text, p, end)) return p;
        for (p++; p < end && word_chars[t[p]]; p++) {
        }
    }
    return end;
}

/* Where a match holding the key at p can begin: p, then up to words_back words before it
 * (separated by white space only, none before start), into out in descending order. */
static inline size_t key_candidates(const imrx_re_keys_t *keys, const char *text, size_t start,
                                    size_t p, size_t out[1 + KEYED_BACK_MAX])
{
    size_t n = 0, q = p;
    out[n++] = p;
    for (int back = 0; back < keys->words_back; back++) {
        size_t w = q;
        while (w > 0 && imrx_text_space_char((unsigned char)text[w - 1])) w--;
        if (w == q || w == 0 || !imrx_text_word_char((unsigned char)text[w - 1])) break;
        while (w > 0 && imrx_text_word_char((unsigned char)text[w - 1])) w--;
        if (w < start) break;
        out[n++] = w;
        q = w;
    }
    return n;
}

/* Keys are read in text order and each key's candidates (the key, then up to words_back words
 * before it) are tried as they come, so a search stops soon after its match instead of reading
 * to the end of the range. Two facts make that exact: the earliest candidate of a key never
 * comes before the earliest of an earlier key (the words before a later key include the words
 * before an earlier one), so once a key's earliest candidate is past the best match found, no
 * later key can do better; and a key's candidates up to the previous key are that key's own,
 * already tried. The answer is the earliest candidate where PCRE2 does not say "no match". */
static int keyed(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                 const char *text, size_t start, size_t end, int *done)
{
    *done = 0;
    key_index_t tmp;
    const key_index_t *ix = NULL;
    if (!re->anchored || start > end || end - start < KEYED_MIN ||
        !(ix = keys_usable(keys, s, &tmp, text, start, end)))
        return 0;
    *done = 1;
    size_t best = SIZE_MAX, last_key = 0;
    int best_rc = 0, have_last = 0, tried_after_best = 0;
    for (size_t p = start; (p = next_key(keys, ix, text, p, end)) < end; p++) {
        size_t cand[1 + KEYED_BACK_MAX]; /* descending */
        size_t n = key_candidates(keys, text, start, p, cand);
        if (cand[n - 1] >= best) break;
        for (size_t i = n; i-- > 0;) {
            size_t w = cand[i];
            if (have_last && w <= last_key) continue;
            if (w >= best) break;
            int rc = match(re->anchored, re->anchored_jit, s, text, w, end, 0);
            if (best != SIZE_MAX) tried_after_best = 1;
            if (rc != 0) {
                best = w, best_rc = rc, tried_after_best = 0;
                break;
            }
        }
        last_key = p, have_last = 1;
    }
    if (best == SIZE_MAX || best_rc < 0) {
        s->rc = 0;
        return best_rc;
    }
    /* a later failed attempt may have changed the match data: the match again */
    if (tried_after_best) return match(re->anchored, re->anchored_jit, s, text, best, end, 0);
    return best_rc;
}

int imrx_re_find_required(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                          const char *text, size_t start, size_t end)
{
    key_index_t tmp;
    const key_index_t *ix = keys_usable(keys, s, &tmp, text, start, end);
    int present = !ix || next_key(keys, ix, text, start, end) < end;
    if (present) return imrx_re_find(re, s, text, start, end);
    if (re->verify && match(re->code, re->code_jit, s, text, start, end, 0) > 0) {
        fprintf(stderr, "imrx: a text without the required words matches /%s/\n",
                re->profile ? re->profile->what : "?");
        abort();
    }
    s->rc = 0;
    return 0;
}

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

size_t imrx_re_key_starts(const imrx_re_keys_t *keys, const char *text, size_t start, size_t end,
                          size_t *out, size_t cap)
{
    key_index_t tmp;
    const key_index_t *ix = keys_usable(keys, NULL, &tmp, text, start, end);
    if (!ix) return SIZE_MAX;
    size_t n = 0;
    int sorted = 1;
    for (size_t p = start; (p = next_key(keys, ix, text, p, end)) < end; p++) {
        size_t cand[1 + KEYED_BACK_MAX];
        size_t k = key_candidates(keys, text, start, p, cand);
        if (n + k > cap) return SIZE_MAX;
        for (size_t i = 0; i < k; i++) out[n++] = cand[i];
        if (k > 1) sorted = 0;
    }
    if (!sorted) qsort(out, n, sizeof *out, compare_size);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || out[i] != out[k - 1]) out[k++] = out[i];
    return k;
}

int imrx_re_find_keyed(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                       const char *text, size_t start, size_t end)
{
    uint64_t t0 = re->profile ? now_ns() : 0;
    int done;
    int rc = keyed(re, keys, s, text, start, end, &done);
    if (!done) rc = match(re->code, re->code_jit, s, text, start, end, 0);
    if (re->profile) profile_count(re, t0, rc);
    if (re->verify && done) {
        size_t b = rc > 0 ? imrx_re_ov(s)[0] : 0, e = rc > 0 ? imrx_re_ov(s)[1] : 0;
        int plain = match(re->code, re->code_jit, s, text, start, end, 0);
        if (plain != rc || (rc > 0 && (imrx_re_ov(s)[0] != b || imrx_re_ov(s)[1] != e))) {
            fprintf(stderr,
                    "imrx: keyed search differs from the plain one (%d at %zu, %d) in /%s/\n", rc,
                    b, plain, re->profile ? re->profile->what : "?");
            abort();
        }
    }
    return rc;
}

/* -- searches from the places a match can begin --------------------------------------------- */

/* Is text[p] in `gap`? (Never the NUL that ends it.) */
static int gap_char(const char *gap, char c)
{
    return c && strchr(gap, c) != NULL;
}

/* The candidates in text order: `start`; then at each word start, first the run of gap
 * characters before it (when a tail key stands there and a word or ')' before the run), then
 * the word itself (when a word key stands there). Each place is tried once, as a search from
 * `start` would try it: \G holds at `start` only. */
static int from_starts(const imrx_re_t *re, const imrx_re_starts_t *st, imrx_re_scratch_t *s,
                       const char *text, size_t start, size_t end, int *done)
{
    *done = 0;
    key_index_t tw, tt;
    const key_index_t *iw = NULL, *it = NULL;
    if (!re->anchored || start > end || has_folded_letters(text, start, end) ||
        !(iw = key_index(&st->words, s, &tw)) || !(it = key_index(&st->tails, s, &tt)))
        return 0;
    *done = 1;
    int rc = match(re->anchored, re->anchored_jit, s, text, start, end, 0);
    if (rc != 0) return rc;
    const pcre2_code *later = re->anchored_inside ? re->anchored_inside : re->anchored;
    int later_jit = re->anchored_inside ? re->anchored_inside_jit : re->anchored_jit;
    const unsigned char *t = (const unsigned char *)text;
    for (size_t p = start + 1; p < end; p++) {
        if (!word_chars[t[p]] || word_chars[t[p - 1]]) continue;
        /* a word starts at p: the run of gap characters before a tail word, then the word */
        int tail = it->head[t[p]] && key_at(&st->tails, it, text, p, end);
        if (tail && p > start + 1 && gap_char(st->gap, text[p - 1])) {
            size_t r = p - 1;
            while (r > start && gap_char(st->gap, text[r - 1])) r--;
            if (r > start && (word_chars[t[r - 1]] || text[r - 1] == ')') &&
                (rc = match(later, later_jit, s, text, r, end, 0)) != 0)
                return rc;
        }
        if ((tail || (iw->head[t[p]] && key_at(&st->words, iw, text, p, end))) &&
            (rc = match(later, later_jit, s, text, p, end, 0)) != 0)
            return rc;
    }
    s->rc = 0;
    return 0;
}

int imrx_re_find_starts(const imrx_re_t *re, const imrx_re_starts_t *st, imrx_re_scratch_t *s,
                        const char *text, size_t start, size_t end)
{
    if (st->required) {
        key_index_t tmp;
        const key_index_t *ix = keys_usable(st->required, s, &tmp, text, start, end);
        if (ix && next_key(st->required, ix, text, start, end) == end) {
            if (re->verify && match(re->code, re->code_jit, s, text, start, end, 0) > 0) {
                fprintf(stderr, "imrx: a text without the required words matches /%s/\n",
                        re->profile ? re->profile->what : "?");
                abort();
            }
            s->rc = 0;
            return 0;
        }
    }
    uint64_t t0 = re->profile ? now_ns() : 0;
    int done;
    int rc = from_starts(re, st, s, text, start, end, &done);
    if (!done) rc = match(re->code, re->code_jit, s, text, start, end, 0);
    if (re->profile) profile_count(re, t0, rc);
    if (re->verify && done) {
        size_t b = rc > 0 ? imrx_re_ov(s)[0] : 0, e = rc > 0 ? imrx_re_ov(s)[1] : 0;
        int g1 = rc > 0 && imrx_re_has(s, 1);
        int plain = match(re->code, re->code_jit, s, text, start, end, 0);
        if (plain != rc || (rc > 0 && (imrx_re_ov(s)[0] != b || imrx_re_ov(s)[1] != e ||
                                       imrx_re_has(s, 1) != g1))) {
            fprintf(stderr,
                    "imrx: a search from the starts differs from the plain one (%d at %zu, %d at "
                    "%zu) in /%.80s/ over \"%.*s\"\n",
                    rc, b, plain, plain > 0 ? (size_t)imrx_re_ov(s)[0] : 0,
                    re->profile ? re->profile->what : "?", (int)(end - start), text + start);
            abort();
        }
    }
    return rc;
}
