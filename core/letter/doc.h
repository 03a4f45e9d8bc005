/* One letter inside the host: its original bytes, its normalised text with the maps back to
 * them, its layout and sections, and the view that plugins get. Reused letter after letter by
 * one worker, so its buffers are allocated once. */
#ifndef IMRX_DOC_H
#define IMRX_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"
#include "letter/normalize.h"
#include "letter/offset_map.h"
#include "util/buf.h"

#define IMRX_MAX_SECTIONS 32

typedef struct imrx_doc {
    const char *source;
    const unsigned char *orig; /* borrowed: the reader owns the bytes */
    size_t orig_len;
    imrx_buf_t pass1;       /* text after the character pass */
    imrx_buf_t text;        /* text after the line pass: what plugins read */
    imrx_offset_map_t map1; /* pass1 offsets -> original offsets */
    imrx_offset_map_t map2; /* text offsets -> pass1 offsets */
    imrx_char_report_t chars;
    const char *layout; /* static string */
    imrx_section_t sections[IMRX_MAX_SECTIONS];
    uint32_t section_count;
    imrx_letter_t view;
} imrx_doc_t;

void imrx_doc_init(imrx_doc_t *d);
void imrx_doc_free(imrx_doc_t *d);
/* Normalises `bytes` (kept by reference until the next call). */
imrx_status_t imrx_doc_load(imrx_doc_t *d, const char *source, const unsigned char *bytes,
                            size_t n);
/* Original byte offsets of a span of the normalised text. */
imrx_span_t imrx_doc_original_span(const imrx_doc_t *d, imrx_span_t s);
/* Fills d->view after sections are known. */
void imrx_doc_make_view(imrx_doc_t *d);

#endif
