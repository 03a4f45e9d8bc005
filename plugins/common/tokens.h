/* Words and numbers of a piece of text, for rules that look at neighbouring words ("12
 * sessions", "2 times a week for 6 weeks", "#120"): one pass, no regular expression. */
#ifndef IMRX_PLUGIN_TOKENS_H
#define IMRX_PLUGIN_TOKENS_H

#include <stddef.h>
#include <stdint.h>

typedef struct imrx_token {
    uint32_t b, e; /* in the text */
    int num;       /* its value when a number ("12", "twelve"), else -1 */
    char low[24];  /* lower case, truncated; punctuation tokens are one character */
} imrx_token_t;

/* Tokens of text[b..e): runs of letters, runs of digits (a letter run right after digits is a
 * token of its own: "2x6" is "2", "x", "6"), and single punctuation characters # - / % ( ).
 * Returns how many (at most max). */
size_t imrx_tokenize(const char *text, uint32_t b, uint32_t e, imrx_token_t *out, size_t max);

/* Where the `count`-th token before position p starts (p itself when there is none), no earlier
 * than b: tokenizing from there gives the same tokens as tokenizing from b. *got: how many tokens
 * that is (fewer than count when b comes first). */
uint32_t imrx_tokens_back(const char *text, uint32_t b, uint32_t p, int count, int *got);

/* Is the token one of the words (NULL-terminated list)? */
int imrx_token_is(const imrx_token_t *t, const char *const *words);

#endif
