#include "letter/doc.h"

#include <stdlib.h>
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
    free(d->orig_begin);
    free(d->orig_end);
    free(d->tmp_begin);
    free(d->tmp_end);
}

static int grow(uint32_t **a, uint32_t **b, size_t *cap, size_t need)
{
    if (need <= *cap) return 1;
    uint32_t *x = realloc(*a, need * sizeof *x);
    if (x) *a = x;
    uint32_t *y = realloc(*b, need * sizeof *y);
    if (y) *b = y;
    if (!x || !y) return 0;
    *cap = need;
    return 1;
}

/* orig_begin/orig_end: map2 then map1, for every offset of the text. */
static void build_tables(imrx_doc_t *d)
{
    d->table_ready = 0;
    const imrx_offset_map_t *m1 = &d->map1, *m2 = &d->map2;
    if (m1->failed || m2->failed || m2->out_total != d->text.len || m2->in_total != m1->out_total ||
        d->text.len > IMRX_DOC_TABLE_MAX || m1->out_total > IMRX_DOC_TABLE_MAX)
        return;
    if (!grow(&d->orig_begin, &d->orig_end, &d->table_cap, (size_t)m2->out_total + 1) ||
        !grow(&d->tmp_begin, &d->tmp_end, &d->tmp_cap, (size_t)m1->out_total + 1))
        return;
    imrx_map_fill(m1, d->tmp_begin, d->tmp_end);
    imrx_map_fill(m2, d->orig_begin, d->orig_end);
    for (uint32_t x = 0; x <= m2->out_total; x++) {
        d->orig_begin[x] = d->tmp_begin[d->orig_begin[x]];
        d->orig_end[x] = d->tmp_end[d->orig_end[x]];
    }
    d->table_ready = 1;
}

imrx_status_t imrx_doc_load(imrx_doc_t *d, const char *source, const unsigned char *bytes, size_t n)
{
    d->source = source;
    d->orig = bytes;
    d->orig_len = n;
    d->layout = "unknown";
    d->section_count = 0;
    d->table_ready = 0;
    if (n >= UINT32_MAX / 2) return IMRX_ELIMIT;
    imrx_status_t st = imrx_normalize_chars(bytes, n, &d->pass1, &d->map1, &d->chars);
    if (st != IMRX_OK) return st;
    st = imrx_normalize_lines(d->pass1.data ? d->pass1.data : "", d->pass1.len,
                              d->chars.page_breaks, d->chars.page_break_count, &d->text, &d->map2);
    if (st != IMRX_OK) return st;
    if (!d->text.data) imrx_buf_puts(&d->text, "");
    if (d->text.failed) return IMRX_ENOMEM;
    build_tables(d);
    return IMRX_OK;
}

imrx_span_t imrx_doc_original_span(const imrx_doc_t *d, imrx_span_t s)
{
    uint32_t b, e;
    if (d->table_ready && s.begin <= d->map2.out_total && s.end <= d->map2.out_total) {
        b = d->orig_begin[s.begin];
        e = d->orig_end[s.end];
    } else {
        b = imrx_map_begin(&d->map1, imrx_map_begin(&d->map2, s.begin));
        e = imrx_map_end(&d->map1, imrx_map_end(&d->map2, s.end));
    }
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
