#include "input/pdf.h"

#include <poppler.h>
#include <stdio.h>

imrx_status_t imrx_pdf_to_text(const unsigned char *bytes, size_t n, imrx_buf_t *out, char *why,
                               size_t why_len)
{
    imrx_buf_clear(out);
    GError *err = NULL;
    GBytes *data = g_bytes_new_static(bytes, n);
    PopplerDocument *doc = poppler_document_new_from_bytes(data, NULL, &err);
    if (!doc) {
        snprintf(why, why_len, "%s", err && err->message ? err->message : "not a readable PDF");
        if (err) g_error_free(err);
        g_bytes_unref(data);
        return IMRX_EFORMAT;
    }
    int pages = poppler_document_get_n_pages(doc);
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        if (!page) continue;
        char *text = poppler_page_get_text(page);
        if (text) {
            imrx_buf_puts(out, text);
            if (out->len && out->data[out->len - 1] != '\n') imrx_buf_putc(out, '\n');
            g_free(text);
        }
        if (i + 1 < pages) imrx_buf_putc(out, '\f');
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_bytes_unref(data);
    if (out->failed) {
        snprintf(why, why_len, "out of memory");
        return IMRX_ENOMEM;
    }
    if (out->len == 0) {
        snprintf(why, why_len, "the PDF has no text layer (a scanned image? run OCR first)");
        return IMRX_EFORMAT;
    }
    return IMRX_OK;
}
