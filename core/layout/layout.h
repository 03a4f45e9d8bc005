/* Layout detection and section splitting, driven by the heading table in layout_table.c. */
#ifndef IMRX_LAYOUT_H
#define IMRX_LAYOUT_H

#include "letter/doc.h"

#define IMRX_H_INCLUSIVE 1u /* the heading line belongs to the section's body */
#define IMRX_H_REQUIRED  2u /* every complete letter of the layout has it */
#define IMRX_H_MIDLINE                                                                             \
    4u /* also found after a sentence on its line, which a conversion                              \
          joined to it ("... in the case file. Medical Qualifications of the                       \
          Expert Reviewer: ...") */

/* One row of the table: a heading of a layout, the section it opens (NULL: the heading only
 * helps to recognise the layout), and how much finding it counts towards that layout. */
typedef struct imrx_heading_rule {
    const char *layout;
    const char *section;
    const char *pattern; /* PCRE2, caseless, matched at a line start of the normalised text (and
                            after ". " inside a line, with IMRX_H_MIDLINE) */
    int weight;
    unsigned flags;
} imrx_heading_rule_t;

extern const imrx_heading_rule_t imrx_heading_rules[];
extern const unsigned imrx_heading_rule_count;

typedef struct imrx_layout_engine imrx_layout_engine_t;
typedef struct imrx_layout_scratch imrx_layout_scratch_t;

/* A problem the splitter noticed; `at` is an offset in the normalised text. */
typedef void (*imrx_layout_warn_fn)(void *user, uint32_t at, const char *message);

/* Compiles the table once; NULL (with a message in `err`) if a pattern does not compile. */
imrx_layout_engine_t *imrx_layout_engine_new(char *err, size_t err_len);
void imrx_layout_engine_free(imrx_layout_engine_t *e);
/* Per-thread match data. */
imrx_layout_scratch_t *imrx_layout_scratch_new(const imrx_layout_engine_t *e);
void imrx_layout_scratch_free(imrx_layout_scratch_t *s);

/* Sets d->layout and d->sections. The layout is "unknown" when no layout scores enough. */
imrx_status_t imrx_layout_split(const imrx_layout_engine_t *e, imrx_layout_scratch_t *s,
                                imrx_doc_t *d, imrx_layout_warn_fn warn, void *user);

#endif
