/* libFuzzer target: the normaliser. Any bytes must give text without CR, tab or form feed, and
 * every span of the text must map back inside the input, in order. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "letter/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static imrx_doc_t doc;
    static int ready;
    if (!ready) imrx_doc_init(&doc), ready = 1;
    if (imrx_doc_load(&doc, "fuzz", data, size) != IMRX_OK) return 0;
    const char *t = doc.text.data;
    if (t[doc.text.len] != '\0') __builtin_trap();
    for (size_t i = 0; i < doc.text.len; i++)
        if (t[i] == '\r' || t[i] == '\t' || t[i] == '\f' || t[i] == '\0') __builtin_trap();
    uint32_t last = 0;
    for (uint32_t i = 0; i <= doc.text.len; i += 7) {
        imrx_span_t o = imrx_doc_original_span(&doc, imrx_span(i, i));
        imrx_span_t w = imrx_doc_original_span(&doc, imrx_span(0, i));
        if (o.begin > size || w.end > size || w.begin > w.end) __builtin_trap();
        if (o.begin < last) __builtin_trap(); /* monotone */
        last = o.begin;
    }
    return 0;
}
