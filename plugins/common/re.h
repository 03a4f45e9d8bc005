/* PCRE2 for plugins: patterns compiled once (with JIT) at init, shared read-only by every
 * thread; match data and limits per thread. Linked into each plugin (never into the host). */
#ifndef IMRX_PLUGIN_RE_H
#define IMRX_PLUGIN_RE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "imrx/plugin.h"

typedef struct imrx_re {
    pcre2_code *code;
    pcre2_code *anchored;        /* the same pattern compiled anchored, for imrx_re_at: JIT does not
                                    take PCRE2_ANCHORED at match time, and the interpreter is slow */
    pcre2_code *anchored_inside; /* anchored, with \G never true: tried where a search that began
                                    earlier would try it (imrx_re_find_starts); NULL when the
                                    pattern has no \G (then `anchored` serves) */
    struct imrx_re_split *split; /* imrx_re_split_first_byte: variants by first byte, or NULL */
    struct imrx_re_profile *profile; /* IMRX_RE_PROFILE=1: time per pattern, printed at free */
    int verify;                      /* IMRX_RE_VERIFY=1: keyed searches checked (see below) */
    int code_jit, anchored_jit, anchored_inside_jit; /* JIT-compiled: pcre2_jit_match */
} imrx_re_t;

typedef struct imrx_re_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mc;
    int rc;              /* pcre2_match's result for the last match: 1 + the highest group set */
    uint32_t limit_hits; /* searches stopped by a limit since the last imrx_re_report_limits */
    struct imrx_re_key_cache *key_cache; /* the key sets' indexes, built once per thread */
} imrx_re_scratch_t;

/* Default options: UTF, multiline (^ $ at line ends), caseless unless IMRX_RE_CASE. */
#define IMRX_RE_CASE 0x80000000u

/* Compiles `pattern`; on error logs it through `api` (naming the plugin) and returns IMRX_EINVAL.
 */
imrx_status_t imrx_re_compile(imrx_re_t *re, const char *pattern, uint32_t options,
                              const imrx_host_api_t *api, imrx_ctx_t *ctx);
void imrx_re_free(imrx_re_t *re);

/* Match data for up to 20 groups and match/depth limits that stop runaway patterns. */
imrx_status_t imrx_re_scratch_init(imrx_re_scratch_t *s);
void imrx_re_scratch_free(imrx_re_scratch_t *s);

/* After each letter: a search stopped by a limit counts as "no match", so the letter's record
 * says so in a warning (and the count is reset). */
void imrx_re_report_limits(imrx_re_scratch_t *s, const imrx_host_api_t *api, imrx_ctx_t *ctx);

/* Searches text[start..end) (text beyond `end` is invisible). 1: match (see imrx_re_ov),
 * 0: none, negative: PCRE2 error such as the match limit. */
int imrx_re_find(const imrx_re_t *re, imrx_re_scratch_t *s, const char *text, size_t start,
                 size_t end);
/* What a caller knows of a pattern that makes a keyed search exact: every match contains one
 * of `words` (lower-case prefixes, compared ignoring ASCII case) at a word start, and begins
 * at that word or at most `words_back` words before it, the words between separated by white
 * space only ("was currently treated": key "treated", two words back). A scratch remembers the
 * index of each key set by its address: a key set must not change while a scratch that used it
 * lives (plugins declare theirs static const). */
typedef struct imrx_re_keys {
    const char *const *words; /* NULL-terminated */
    int words_back;
    int whole_words; /* 1: every key is a whole word (no letter, digit or _ after it) */
} imrx_re_keys_t;

/* The same result as imrx_re_find, found by trying the pattern anchored only where a match
 * can begin (the key words and the few words before each), in order: a whole section is then
 * read once by a plain loop instead of PCRE2 trying every position, which is slow for patterns
 * whose first letters are common ones. Short texts, texts holding U+017F or U+212A (which
 * caseless PCRE2 matches as s and k), and more than 64 keys or 8 words back take the plain
 * search. With IMRX_RE_VERIFY set in the
 * environment, both searches run and a difference aborts: the tests run so over whole corpora. */
int imrx_re_find_keyed(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                       const char *text, size_t start, size_t end);

/* The same result as imrx_re_find, when every match of the pattern holds one of the keys (any
 * of its words, not only its first) at a word start: a text without any is not searched. For
 * the short texts (a sentence) that a keyed search leaves to PCRE2, and cues whose words are
 * rare ("discontinued", "never"): most sentences hold none. Texts holding U+017F or U+212A are
 * searched. IMRX_RE_VERIFY=1 searches the texts ruled out too, and aborts if one matches. */
int imrx_re_find_required(const imrx_re_t *re, const imrx_re_keys_t *keys, imrx_re_scratch_t *s,
                          const char *text, size_t start, size_t end);

/* What a caller knows of where a pattern's matches begin, that makes imrx_re_find_starts exact:
 * at the search's start; at a word start holding one of `words` or of `tails`; or at the first
 * character of a run of `gap` characters that follows a letter, digit, '_' or ')' and comes
 * before a word holding one of `tails` (", which he stopped", ": discontinued"; the run may be
 * optional: "which he stopped"). Keys are prefixes compared ignoring ASCII case, as
 * imrx_re_keys_t's (words_back 0). */
typedef struct imrx_re_starts {
    imrx_re_keys_t words, tails;
    const char *gap;
    const imrx_re_keys_t *required; /* optional: a text without one of these cannot match
                                       (imrx_re_find_required) and is not searched */
} imrx_re_starts_t;

/* The same result as imrx_re_find, found by trying the pattern anchored only where the
 * caller says a match can begin, in text order: for a pattern of many alternatives whose first
 * characters are common (a space, "was", "but"), PCRE2 tries every alternative at nearly every
 * position; here a plain loop reads the text once and PCRE2 is tried at a few places. Texts
 * holding U+017F or U+212A take the plain search; IMRX_RE_VERIFY=1 runs both and aborts on a
 * difference. */
int imrx_re_find_starts(const imrx_re_t *re, const imrx_re_starts_t *st, imrx_re_scratch_t *s,
                        const char *text, size_t start, size_t end);

/* For imrx_re_find_starts over a pattern of many alternatives ("(?:\b|(?<=\)))(?:was ...|but
 * ...|, which ...)"): after compiling `re` from `pattern` with the same options, builds one
 * variant per byte holding only the alternatives of the leading alternation (after zero-width
 * assertions) that can begin with that byte, so that an anchored attempt steps into a few of them
 * instead of all. Exact: an alternative left out cannot match there, the rest keep their order,
 * groups their numbers (an alternative holding a capturing group is always kept). A pattern of
 * another shape is left whole (IMRX_OK). re_split.c. */
imrx_status_t imrx_re_split_first_byte(imrx_re_t *re, const char *pattern, uint32_t options);

/* Every position of text[start..end) where a pattern with these keys can begin a match: each key
 * word and the words_back words before it, in text order, each once. Returns their count, or
 * SIZE_MAX when the keys cannot decide (more than `cap` positions, U+017F or U+212A in the text,
 * more than 64 keys or 8 words back): then search with imrx_re_find. With imrx_re_at at each
 * position, from the last, a caller finds the last match without reading every earlier one. */
size_t imrx_re_key_starts(const imrx_re_keys_t *keys, const char *text, size_t start, size_t end,
                          size_t *out, size_t cap);

/* Like find, but the match must begin exactly at `start`. */
int imrx_re_at(const imrx_re_t *re, imrx_re_scratch_t *s, const char *text, size_t start,
               size_t end);
static inline PCRE2_SIZE *imrx_re_ov(imrx_re_scratch_t *s)
{
    return pcre2_get_ovector_pointer(s->md);
}
/* Group g matched? */
static inline int imrx_re_has(imrx_re_scratch_t *s, int g)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    return g < s->rc && ov[2 * g] != PCRE2_UNSET;
}

#endif
