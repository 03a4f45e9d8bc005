/* Small text helpers shared by the plugins (compiled into each). */
#ifndef IMRX_PLUGIN_TEXT_H
#define IMRX_PLUGIN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"

/* Copies s[0..n) into out with every run of spaces and line breaks made one space, trimmed.
 * Returns the length written (out is NUL-terminated; at most cap-1 bytes). */
size_t imrx_text_squeeze(const char *s, size_t n, char *out, size_t cap);

/* Narrows [*b, *e) to exclude leading/trailing spaces, line breaks and the given punctuation. */
void imrx_text_trim(const char *text, uint32_t *b, uint32_t *e, const char *punct);

/* PCRE2's \w and \s as the plugins compile their patterns (UTF, no UCP): ASCII letters,
 * digits and _; space, tab, line feed, vertical tab, form feed, carriage return. Code that
 * finds where a pattern can match must agree with these. */
static inline int imrx_text_word_char(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10 || c == '_';
}

/* An ASCII letter. */
static inline int imrx_text_letter(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

static inline int imrx_text_space_char(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Of a list of words (lower case, non-empty; `count` of them, at most 255, the i-th at
 * `table + i * stride`: an array of structs whose first member is the word), the first in list
 * order that occurs anywhere in low[0..n): its index, or -1. What strstr with each word in turn
 * finds, in one pass over the text. */
int imrx_text_first_listed(const char *low, size_t n, const void *table, size_t count,
                           size_t stride);

/* Case-insensitive ASCII comparison of s[0..n) with a NUL-terminated word. */
int imrx_text_ieq(const char *s, size_t n, const char *word);

/* Does s start with `prefix`, ignoring ASCII case? */
int imrx_text_istarts(const char *s, const char *prefix);

/* Case-insensitive (ASCII) search for `needle` in text[b..e), where a space in the needle also
 * matches a line break (a phrase wrapped over two lines); returns its offset, or e. */
uint32_t imrx_text_find(const char *text, uint32_t b, uint32_t e, const char *needle);
/* The same search for the last occurrence: its offset, or e. */
uint32_t imrx_text_find_last(const char *text, uint32_t b, uint32_t e, const char *needle);
/* Does text[lo..at) end with one of `phrases` (NULL-terminated), compared as imrx_text_find
 * compares? Does text[at..hi) start with one? */
int imrx_text_ends_with_any(const char *text, uint32_t lo, uint32_t at, const char *const *phrases);
int imrx_text_starts_with_any(const char *text, uint32_t at, uint32_t hi,
                              const char *const *phrases);

/* Where the line holding text[at] starts (the text's start at most), and where it ends (at its
 * line break, or at limit). */
uint32_t imrx_line_start(const char *text, uint32_t at);
uint32_t imrx_line_end(const char *text, uint32_t at, uint32_t limit);

/* A calendar date. */
typedef struct imrx_date {
    int year, month, day;
} imrx_date_t;

/* 1 when y-m-d is a real date between 1900 and 2100. */
int imrx_date_valid(int y, int m, int d);
/* Writes "yyyy-mm-dd" (11 bytes with the NUL). */
void imrx_date_iso(const imrx_date_t *d, char out[11]);
/* Month number from a name or abbreviation ("Oct", "October", "Sept."), 0 if none. */
int imrx_month_from_name(const char *s, size_t n);
/* A two-digit year read in a letter written in `ref_year`: the latest year not after
 * ref_year + 1 that ends in those digits. With ref_year 0 (unknown): 00-30 are 2000-2030,
 * 31-99 are 1931-1999. */
int imrx_year_from_two_digits(int yy, int ref_year);

/* Reads a tab-separated data file; calls `row` for each line that is neither blank nor a
 * comment (#). Fields are NUL-terminated in place. Returns IMRX_OK, IMRX_ENOENT or the first
 * non-OK status `row` returned. */
typedef imrx_status_t (*imrx_tsv_row_fn)(void *user, char **fields, int count, int line);
imrx_status_t imrx_tsv_read(const char *path, imrx_tsv_row_fn row, void *user);

#endif
