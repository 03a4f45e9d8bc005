/* The text of a PDF letter, through poppler's GLib API: pages in reading order, separated by
 * form feeds, as plain `pdftotext` writes them. */
#ifndef IMRX_PDF_H
#define IMRX_PDF_H

#include <stddef.h>

#include "util/buf.h"

/* Replaces `out` with the text; on failure says why in `why`. */
imrx_status_t imrx_pdf_to_text(const unsigned char *bytes, size_t n, imrx_buf_t *out, char *why,
                               size_t why_len);

#endif
