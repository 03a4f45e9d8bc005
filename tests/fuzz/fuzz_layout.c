/* libFuzzer target: layout detection and section splitting on normalised text. Sections must be
 * in order, inside the text, with begin <= end. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "layout/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *user, uint32_t at, const char *message)
{
    (void)user, (void)at, (void)message;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static imrx_doc_t doc;
    static imrx_layout_engine_t *engine;
    static imrx_layout_scratch_t *scratch;
    if (!engine) {
        char err[256];
        imrx_doc_init(&doc);
        engine = imrx_layout_engine_new(err, sizeof err);
        scratch = imrx_layout_scratch_new(engine);
        if (!engine || !scratch) abort();
    }
    if (imrx_doc_load(&doc, "fuzz", data, size) != IMRX_OK) return 0;
    imrx_layout_split(engine, scratch, &doc, ignore, NULL);
    uint32_t prev = 0;
    for (uint32_t i = 0; i < doc.section_count; i++) {
        const imrx_section_t *s = &doc.sections[i];
        if (s->heading_begin < prev || s->begin > s->end || s->end > doc.text.len ||
            s->heading_begin > s->begin)
            __builtin_trap();
        prev = s->heading_begin;
    }
    return 0;
}
