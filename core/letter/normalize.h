/* Normalisation of letter text, done once per letter before any plugin sees it.
 * docs/normalisation.md describes every rule; each keeps a map back to the original bytes. */
#ifndef IMRX_NORMALIZE_H
#define IMRX_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "letter/offset_map.h"
#include "util/buf.h"

typedef enum imrx_encoding {
    IMRX_ENC_UTF8 = 0,
    IMRX_ENC_UTF8_BOM,
    IMRX_ENC_UTF16LE,
    IMRX_ENC_UTF16BE,
} imrx_encoding_t;

/* What the character pass saw; the caller turns it into warnings. */
typedef struct imrx_char_report {
    imrx_encoding_t encoding;
    uint32_t invalid_count; /* invalid UTF-8 (or UTF-16) sequences, each replaced by U+FFFD */
    uint32_t first_invalid; /* original byte offset of the first one */
    uint32_t nul_count;     /* NUL bytes removed */
    uint32_t first_nul;
    uint32_t control_count; /* other control characters removed */
    uint32_t *page_breaks;  /* output offsets where a form feed stood (owned, grows) */
    uint32_t page_break_count, page_break_cap;
} imrx_char_report_t;

/* Guesses the encoding from a byte-order mark; UTF-8 without one. */
imrx_encoding_t imrx_detect_encoding(const unsigned char *in, size_t n);

/* Pass 1, character by character: decodes, replaces invalid sequences, folds spaces, quotes and
 * dashes to ASCII, removes controls, turns CRLF and CR into LF, composes to NFC. */
imrx_status_t imrx_normalize_chars(const unsigned char *in, size_t n, imrx_buf_t *out,
                                   imrx_offset_map_t *map, imrx_char_report_t *rep);

/* Pass 2, line by line: trims lines, undoes the blank-line-after-every-line rendering, drops
 * page footers and repeated page headers, collapses blank runs, joins hyphenated and wrapped
 * lines where the sentence continues. `page_breaks` come from pass 1. */
imrx_status_t imrx_normalize_lines(const char *in, size_t n, const uint32_t *page_breaks,
                                   uint32_t page_break_count, imrx_buf_t *out,
                                   imrx_offset_map_t *map);

/* For pass 2, a line that some PDFs' type leaves in an odd shape (normalize_shapes.c): a heading
 * in spaced capitals ("H O W  T H E ...") or in fake bold ("HHOOWW  TTHHEE ..."), when the line
 * stands `alone` (not joined to the next), or justified prose ("Diagnoses   include   right").
 * When in[b..e) is one, writes in[b..w) folded, every character and blank mapped to its place,
 * and returns 1; else writes nothing and returns 0. */
int imrx_normalize_line_shape(const char *in, uint32_t b, uint32_t e, uint32_t w, int alone,
                              imrx_buf_t *out, imrx_offset_map_t *map);

void imrx_char_report_free(imrx_char_report_t *rep);

#endif
