/* Searches that read key words before PCRE2 is tried (re.h): keyed searches, required words,
 * the places a match can begin. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "re.h"
#include "re_internal.h"
#include "text.h"

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

struct imrx_re_key_cache *imrx_re_key_cache_new(void)
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

/* One anchored attempt at text[at]: the split variant for its byte when there is one (a byte no
 * alternative begins with cannot start a match), else `code`. */
static int attempt(struct imrx_re_split *split, const pcre2_code *code, int jit,
                   imrx_re_scratch_t *s, const char *text, size_t at, size_t end)
{
    if (split && !imrx_re_split_variant(split, (unsigned char)text[at], &code, &jit)) {
        s->rc = 0;
        return 0;
    }
    return imrx_re_run(code, jit, s, text, at, end, 0);
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
    /* split variants have \G never true: usable only where the pattern has none */
    struct imrx_re_split *split = re->anchored_inside ? NULL : re->split;
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
            int rc = attempt(split, re->anchored, re->anchored_jit, s, text, w, end);
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
    if (tried_after_best) return attempt(split, re->anchored, re->anchored_jit, s, text, best, end);
    return best_rc;
}

/* Does text[start..end) hold none of the required words, so that the pattern cannot match? (With
 * IMRX_RE_VERIFY, a text so ruled out is searched too, and a match aborts.) */
static int ruled_out(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                     const char *text, size_t start, size_t end)
{
    key_index_t tmp;
    const key_index_t *ix = keys_usable(keys, s, &tmp, text, start, end);
    if (!ix || next_key(keys, ix, text, start, end) < end) return 0;
    if (re->verify && imrx_re_run(re->code, re->code_jit, s, text, start, end, 0) > 0) {
        fprintf(stderr, "imrx: a text without the required words matches /%s/\n",
                re->profile ? re->profile->what : "?");
        abort();
    }
    s->rc = 0;
    return 1;
}

int imrx_re_find_required(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                          const char *text, size_t start, size_t end)
{
    return ruled_out(re, keys, s, text, start, end) ? 0 : imrx_re_find(re, s, text, start, end);
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
    uint64_t t0 = re->profile ? imrx_re_now_ns() : 0;
    int done;
    int rc = keyed(re, keys, s, text, start, end, &done);
    if (!done) rc = imrx_re_run(re->code, re->code_jit, s, text, start, end, 0);
    if (re->profile) imrx_re_profile_count(re, t0, rc);
    if (re->verify && done) {
        size_t b = rc > 0 ? imrx_re_ov(s)[0] : 0, e = rc > 0 ? imrx_re_ov(s)[1] : 0;
        int plain = imrx_re_run(re->code, re->code_jit, s, text, start, end, 0);
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
    int rc = imrx_re_run(re->anchored, re->anchored_jit, s, text, start, end, 0);
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
                (rc = attempt(re->split, later, later_jit, s, text, r, end)) != 0)
                return rc;
        }
        if ((tail || (iw->head[t[p]] && key_at(&st->words, iw, text, p, end))) &&
            (rc = attempt(re->split, later, later_jit, s, text, p, end)) != 0)
            return rc;
    }
    s->rc = 0;
    return 0;
}

int imrx_re_find_starts(const imrx_re_t *re, const imrx_re_starts_t *st, imrx_re_scratch_t *s,
                        const char *text, size_t start, size_t end)
{
    if (st->required && ruled_out(re, st->required, s, text, start, end)) return 0;
    uint64_t t0 = re->profile ? imrx_re_now_ns() : 0;
    int done;
    int rc = from_starts(re, st, s, text, start, end, &done);
    if (!done) rc = imrx_re_run(re->code, re->code_jit, s, text, start, end, 0);
    if (re->profile) imrx_re_profile_count(re, t0, rc);
    if (re->verify && done) {
        size_t b = rc > 0 ? imrx_re_ov(s)[0] : 0, e = rc > 0 ? imrx_re_ov(s)[1] : 0;
        int g1 = rc > 0 && imrx_re_has(s, 1);
        int plain = imrx_re_run(re->code, re->code_jit, s, text, start, end, 0);
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
