/* Writing a letter as pdftotext would print it: logical paragraphs wrapped into physical lines
 * (with the line-end word breaks of real copies), then pages, footers and the odd bytes of each
 * rendering laid over them in one last pass. */
#ifndef IMRX_GEN_TEXT_H
#define IMRX_GEN_TEXT_H

#include <stdarg.h>

#include "gen/model.h"
#include "util/buf.h"

/* Line flags. */
enum {
    GEN_L_GLUE = 1, /* no page break between this line and the one before */
};

/* Wrap modes. */
enum {
    GEN_W_BREAKS = 1, /* may break words at line ends: hyphenation, compounds, dates */
    GEN_W_GLUE = 2,   /* continuation lines stay with the first (items, labels) */
    GEN_W_FIRST = 4,  /* the first line stays with the line before, too */
};

typedef struct imrx_gen_text {
    imrx_buf_t lines; /* physical lines, each ending in '\n' */
    unsigned char *lf;
    size_t nlines, lcap;
    imrx_buf_t para; /* the logical paragraph being built */
    imrx_gen_rng_t *r;
    int width;
    double p_hyphen, p_compound, p_datebreak;
    int failed;
} imrx_gen_text_t;

/* How the pages and bytes of a letter look. */
typedef struct imrx_gen_style {
    int page_lines;  /* lines per page; 0: one page */
    int ff;          /* form feed at each page start */
    int footer;      /* "Page k of n" at each page end */
    int repeat_case; /* the case number alone on a line after each page break */
    int blank_before_ff;
    int final_ff;
    int trailing;      /* 1: a space at the end of every line; 2: of some lines */
    int double_spaced; /* a blank line after every line, the seed letter's style */
    int crlf;
} imrx_gen_style_t;

void imrx_gen_text_init(imrx_gen_text_t *t);
void imrx_gen_text_free(imrx_gen_text_t *t);
void imrx_gen_text_reset(imrx_gen_text_t *t, imrx_gen_rng_t *r, int width, double noise);

/* A physical line as is (no newline in s). */
void imrx_gen_line(imrx_gen_text_t *t, const char *s, unsigned flags);
void imrx_gen_blank(imrx_gen_text_t *t);
/* Appends to the paragraph being built. */
void imrx_gen_put(imrx_gen_text_t *t, const char *s);
void imrx_gen_pf(imrx_gen_text_t *t, const char *fmt, ...);
/* Wraps the paragraph being built into lines and empties it. */
void imrx_gen_flush(imrx_gen_text_t *t, unsigned mode);
/* Wraps an item line "<text>: <verdict>", the verdict alone on the next line if `alone`; a NULL
 * text means the paragraph built so far. */
void imrx_gen_verdict(imrx_gen_text_t *t, const char *text, const char *verdict, int alone);

/* Pages, footers, line ends: the final bytes of the letter into `out`. */
void imrx_gen_finish(imrx_gen_text_t *t, const imrx_gen_style_t *st, const char *case_number,
                     imrx_buf_t *out);

/* A tiny printf: %s, %d, %c and %% only, without locale work (it runs a few hundred times per
 * letter). */
void imrx_gen_vfmt(imrx_buf_t *b, const char *fmt, va_list ap);
void imrx_gen_fmt(imrx_buf_t *b, const char *fmt, ...);

/* Date renderings. */
enum {
    GEN_D_SLASH,       /* 11/09/2016 */
    GEN_D_SLASH_NOPAD, /* 9/26/2013 */
    GEN_D_DASH2,       /* 10-13-16 */
    GEN_D_DASH4,       /* 10-13-2016 */
    GEN_D_DASH_PAD,    /* 09-11-2015 */
    GEN_D_LONG,        /* October 13, 2016 */
    GEN_D_SLASH2,      /* 10/13/16 */
    GEN_D_NSTYLES
};
void imrx_gen_date_put(imrx_buf_t *b, imrx_gen_date_t d, int style);

#endif
