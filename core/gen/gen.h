/* imrx gen: a deterministic generator of synthetic IMR letters with their gold answers.
 *
 * Letter i of seed S is drawn from a random stream of its own, seeded from (S, i), so a letter
 * is byte-identical whatever else is generated with it (any --start, any count). Generating
 * keeps nothing per letter once it is handed out: buffers are reused, memory is constant. */
#ifndef IMRX_GEN_H
#define IMRX_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "gen/vocab.h"
#include "util/buf.h"

#define GEN_NLAYOUT  4
#define GEN_NRENDER  3 /* layout A: layout, raw, headerless */
#define GEN_YEAR_MIN 2013
#define GEN_YEAR_MAX 2025

typedef struct imrx_gen_config {
    uint64_t seed;
    double uphold_rate;           /* share of items upheld (default 0.89) */
    double items_mean;            /* mean disputed items per letter, 1..4 (default 1.7) */
    double layout_w[GEN_NLAYOUT]; /* A, B, C, D */
    double render_w[GEN_NRENDER]; /* layout A renderings */
    double cat_w[GEN_NCAT];       /* category shares of items */
    int year_min, year_max;       /* decision years */
    double noise;                 /* scales every noise probability; 0 = clean text */
    double partial_rate;          /* share of layout A items partially authorised */
    double expedited_rate;
    /* derived by imrx_gen_config_check */
    double geo_q;              /* items: P(k) proportional to q^(k-1), k = 1..8 */
    double overturn[GEN_NCAT]; /* per-category overturn probability */
} imrx_gen_config_t;

void imrx_gen_config_default(imrx_gen_config_t *c);
/* Validates and derives; NULL when fine, else a message saying what is wrong. */
const char *imrx_gen_config_check(imrx_gen_config_t *c);

/* Parsers for the command line: 0 on success, -1 on a malformed value. */
int imrx_gen_parse_layouts(imrx_gen_config_t *c, const char *s);    /* "A=0.7,B=0.1,..." */
int imrx_gen_parse_renderings(imrx_gen_config_t *c, const char *s); /* "layout=0.5,raw=..." */
int imrx_gen_parse_categories(imrx_gen_config_t *c, const char *s); /* "pharmaceuticals=0.4,..." */
int imrx_gen_parse_years(imrx_gen_config_t *c, const char *s);      /* "2013-2024" or "2016" */

typedef struct imrx_gen imrx_gen_t;
typedef struct imrx_gen_letter imrx_gen_letter_t;

/* One generated letter; the pointers stay valid until the next imrx_gen_next call. */
typedef struct imrx_gen_output {
    const char *name; /* "GEN-<seed>-<index, 7 digits>" */
    const char *text;
    size_t text_len;
    const char *gold;
    size_t gold_len;
    const imrx_gen_letter_t *letter;
} imrx_gen_output_t;

imrx_gen_t *imrx_gen_new(const imrx_gen_config_t *c);
void imrx_gen_free(imrx_gen_t *g);
/* Generates letter `index`. IMRX_ENOMEM if a buffer could not grow. */
imrx_status_t imrx_gen_letter(imrx_gen_t *g, uint64_t index, imrx_gen_output_t *out);

/* The number of disputed items of a generated letter. */
int imrx_gen_letter_items(const imrx_gen_letter_t *L);

/* Archive totals (truth.json): exact counts over the gold of every letter added, so that a
 * statistics command can be checked against them.
 *   letters, items, upheld, overturned;  by_partial: {"true": items, "false": items}
 *   by_category, by_drug_class, by_drug (generic): {name: {items, upheld, overturned}}
 *   by_year (decision year as the gold states it, "unknown" in headerless copies), by_layout,
 *   by_rendering, by_priority ("unknown" when not stated), by_specialty (as written; a letter
 *   counts under each of its specialties): {name: {letters, items, upheld, overturned}}
 * and "generator": the seed, range and options. Writing it sorts the named tallies. */
typedef struct imrx_gen_truth imrx_gen_truth_t;
imrx_gen_truth_t *imrx_gen_truth_new(void);
void imrx_gen_truth_free(imrx_gen_truth_t *t);
void imrx_gen_truth_add(imrx_gen_truth_t *t, const imrx_gen_letter_t *L);
void imrx_gen_truth_json(imrx_gen_truth_t *t, const imrx_gen_config_t *c, uint64_t start,
                         uint64_t count, imrx_buf_t *out);

/* Where letters go: a folder, a tar file, or a tar on standard output ("-"). */
typedef struct imrx_gen_sink imrx_gen_sink_t;
/* NULL and a message in `err` when the output cannot be created. `flat`: no per-1000
 * subfolders. */
imrx_gen_sink_t *imrx_gen_sink_open(const char *out, int flat, char *err, size_t errlen);
imrx_status_t imrx_gen_sink_put(imrx_gen_sink_t *s, uint64_t index, const imrx_gen_output_t *o);
/* Writes truth.json and completes the output (a tar appears under its name only now). */
imrx_status_t imrx_gen_sink_close(imrx_gen_sink_t *s, const char *truth, size_t truth_len,
                                  char *err, size_t errlen);
/* Drops an unfinished output (the partial tar is removed; a folder keeps what was written). */
void imrx_gen_sink_abandon(imrx_gen_sink_t *s);

#endif
