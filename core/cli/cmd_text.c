/* imrx text: the normalised text of a letter, as plugins see it, with its sections marked. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "input/source.h"

static const char usage[] =
    "usage: imrx text [options] FILE\n"
    "\n"
    "Prints the normalised text of one letter, as plugins read it, with a line\n"
    "'=== section NAME (normalised [b,e), original [b,e)) ===' where each section starts.\n"
    "A tool for writing and debugging plugins (docs/normalisation.md).\n"
    "\n"
    "options:\n"
    "      --plain       the text only, without section markers\n"
    "  -h, --help        this help\n";

int imrx_cmd_text(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"plain", no_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int plain = 0;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1;) {
        if (c == 'p')
            plain = 1;
        else if (c == 'h') {
            fputs(usage, stdout);
            return IMRX_EXIT_OK;
        } else {
            fputs(usage, stderr);
            return IMRX_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fputs(usage, stderr);
        return IMRX_EXIT_USAGE;
    }
    imrx_diag_t diag;
    imrx_diag_init(&diag, NULL, NULL);
    imrx_engine_t engine = {0};
    if (imrx_engine_init(&engine, &diag) != IMRX_OK) return IMRX_EXIT_USAGE;
    imrx_worker_t w;
    int code = IMRX_EXIT_OK;
    if (imrx_worker_init(&w, &engine) == IMRX_OK) {
        imrx_input_t in = {.kind = IMRX_IN_FILE, .name = argv[optind], .path = argv[optind]};
        size_t n = strlen(in.name);
        in.is_pdf = n > 4 && strcmp(in.name + n - 4, ".pdf") == 0;
        imrx_letter_result_t r = imrx_worker_process(&w, &in);
        if (r.failed && !w.doc_valid) {
            fprintf(stderr, "imrx text: %s: %s\n", in.name, w.record.error.message);
            code = IMRX_EXIT_LETTER;
        } else {
            const imrx_doc_t *d = &w.doc;
            if (!plain) printf("=== layout %s ===\n", d->layout);
            uint32_t pos = 0;
            for (uint32_t i = 0; i <= d->section_count; i++) {
                uint32_t next =
                    i < d->section_count ? d->sections[i].heading_begin : (uint32_t)d->text.len;
                fwrite(d->text.data + pos, 1, next - pos, stdout);
                pos = next;
                if (i == d->section_count || plain) continue;
                const imrx_section_t *s = &d->sections[i];
                imrx_span_t o = imrx_doc_original_span(d, (imrx_span_t){s->heading_begin, s->end});
                printf("=== section %s (normalised [%u,%u), original [%u,%u)) ===\n", s->name,
                       s->heading_begin, s->end, o.begin, o.end);
            }
            if (r.failed || w.record.has_error) {
                fprintf(stderr, "imrx text: %s: %s\n", in.name,
                        w.record.has_error ? w.record.error.message : "could not be read whole");
                code = IMRX_EXIT_LETTER;
            }
        }
    }
    imrx_worker_free(&w);
    imrx_engine_free(&engine);
    imrx_diag_destroy(&diag);
    return code;
}
