/* A literal prefilter for patterns of the form \bword...|\bother...: such a pattern can match
 * only at a word start where the text begins with one of its leading literals, so a search can
 * be skipped when no word of the text does. Used where many patterns are tried on one short
 * text (the treatments rule table). The filter is a necessary condition, never a sufficient
 * one: the pattern is still searched when the filter passes.
 *
 * Safe by construction: a pattern whose leading literals cannot be read with certainty (a
 * leading group that is optional, a class, an option setting, \d...) is marked unusable and
 * always searched; literals compare ignoring ASCII case; and a text with bytes above 0x7F is
 * never filtered (PCRE2's caseless UTF matching folds a few non-ASCII letters to ASCII ones,
 * such as U+017F to "s"). */
#ifndef IMRX_PLUGIN_PREFILTER_H
#define IMRX_PLUGIN_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

#define IMRX_PREFILTER_LITERALS 32 /* more leading literals than this: unusable */
#define IMRX_PREFILTER_LENGTH   24 /* literals are cut to this many bytes */
#define IMRX_PREFILTER_WORDS    64 /* a text with more word starts is not filtered */

typedef struct imrx_prefilter {
    int usable;     /* 0: always search */
    uint64_t first; /* a bit per first character of the literals (imrx_prefilter_bit) */
    int count;
    uint8_t length[IMRX_PREFILTER_LITERALS];
    char literal[IMRX_PREFILTER_LITERALS][IMRX_PREFILTER_LENGTH]; /* lower case */
} imrx_prefilter_t;

/* The word starts of one text, computed once and tested against many prefilters. */
typedef struct imrx_prefilter_text {
    int usable; /* 0: the text is not filtered (non-ASCII bytes, too many words) */
    uint64_t first;
    int count;
    uint32_t start[IMRX_PREFILTER_WORDS];
    unsigned char initial[IMRX_PREFILTER_WORDS]; /* each word's first character, lower case */
    const char *text;
    size_t end;
} imrx_prefilter_text_t;

/* Reads the leading literals of a PCRE2 pattern compiled without PCRE2_EXTENDED. */
void imrx_prefilter_init(imrx_prefilter_t *f, const char *pattern);

/* The word starts of text[b..e) (text[b-1] is looked at, as \b does). */
void imrx_prefilter_text(imrx_prefilter_text_t *t, const char *text, size_t b, size_t e);

/* 0 when the pattern cannot match in the text; 1 when it may. */
int imrx_prefilter_may_match(const imrx_prefilter_t *f, const imrx_prefilter_text_t *t);

/* Many prefilters at once (a rule table): their literals indexed by first character, so that
 * one pass over a text's words tells every filter that may match, instead of one call each. */
typedef struct imrx_prefilter_entry {
    const char *literal;
    uint8_t length;
    uint16_t filter;
} imrx_prefilter_entry_t;

typedef struct imrx_prefilter_set {
    int count;                     /* filters */
    size_t words;                  /* uint64_t words of a result: (count + 63) / 64 */
    uint64_t *always;              /* filters that are not usable: always may match */
    imrx_prefilter_entry_t *entry; /* by first character: bucket[k] .. bucket[k + 1] */
    uint32_t bucket[38];
} imrx_prefilter_set_t;

/* Indexes `count` filters (kept by reference: they must outlive the set). 0: out of memory. */
int imrx_prefilter_set_init(imrx_prefilter_set_t *s, imrx_prefilter_t *const *filters, int count);
void imrx_prefilter_set_free(imrx_prefilter_set_t *s);
/* Sets in may[0 .. s->words) the bit of every filter that may match the text (each filter's
 * bit as imrx_prefilter_may_match would answer). */
void imrx_prefilter_set_match(const imrx_prefilter_set_t *s, const imrx_prefilter_text_t *t,
                              uint64_t *may);

#endif
