#include "letter/doc.h"

#include <string.h>

void imrx_doc_init(imrx_doc_t *d)
{
    memset(d, 0, sizeof *d);
    imrx_buf_init(&d->pass1);
    imrx_buf_init(&d->text);
    imrx_map_init(&d->map1);
    imrx_map_init(&d->map2);
    d->layout = "unknown";
}

void imrx_doc_free(imrx_doc_t *d)
{
    imrx_buf_free(&d->pass1);
    imrx_buf_free(&d->text);
    imrx_map_free(&d->map1);
    imrx_map_free(&d->map2);
    imrx_char_report_free(&d->chars);
}

imrx_status_t imrx_doc_load(imrx_doc_t *d, const char *source, const unsigned char *bytes, size_t n)
{
    d->source = source;
    d->orig = bytes;
    d->orig_len = n;
    d->layout = "unknown";
    d->section_count = 0;
    if (n >= UINT32_MAX / 2) return IMRX_ELIMIT;
    imrx_status_t st = imrx_normalize_chars(bytes, n, &d->pass1, &d->map1, &d->chars);
    if (st != IMRX_OK) return st;
    st = imrx_normalize_lines(d->pass1.data ? d->pass1.data : "", d->pass1.len,
                              d->chars.page_breaks, d->chars.page_break_count, &d->text, &d->map2);
    if (st != IMRX_OK) return st;
    if (!d->text.data) imrx_buf_puts(&d->text, "");
    imrx_map_index(&d->map1);
    imrx_map_index(&d->map2);
    return d->text.failed ? IMRX_ENOMEM : IMRX_OK;
}

imrx_span_t imrx_doc_original_span(const imrx_doc_t *d, imrx_span_t s)
{
    uint32_t b = imrx_map_begin(&d->map1, imrx_map_begin(&d->map2, s.begin));
    uint32_t e = imrx_map_end(&d->map1, imrx_map_end(&d->map2, s.end));
    if (s.end == s.begin) e = b;
    if (e < b) e = b;
    return (imrx_span_t){b, e};
}

void imrx_doc_make_view(imrx_doc_t *d)
{
    d->view.struct_size = sizeof d->view;
    d->view.source = d->source;
    d->view.text = d->text.data;
    d->view.length = (uint32_t)d->text.len;
    d->view.layout = d->layout;
    d->view.sections = d->sections;
    d->view.section_count = d->section_count;
}
