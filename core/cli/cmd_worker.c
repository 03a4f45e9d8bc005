/* imrx __worker: the child process of --isolate (not for people: it speaks the protocol of
 * core/pipeline/isolate.c on its standard input and output). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "pipeline/isolate.h"

int imrx_cmd_worker(int argc, char **argv)
{
    enum { OPT_MAX = 2000, OPT_NO_PROV };
    static const struct option longopts[] = {
        {"max-size", required_argument, NULL, OPT_MAX},
        {"no-provenance", no_argument, NULL, OPT_NO_PROV},
        IMRX_PLUGIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    imrx_plugin_cli_t pc = {0};
    imrx_engine_t engine = {.max_size = IMRX_DEFAULT_MAX_SIZE};
    int provenance = 1;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", longopts, NULL)) != -1;) {
        int handled = imrx_plugin_cli_option(&pc, c, optarg);
        if (handled < 0) return IMRX_EXIT_USAGE;
        if (handled) continue;
        if (c == OPT_MAX)
            engine.max_size = imrx_parse_size(optarg);
        else if (c == OPT_NO_PROV)
            provenance = 0;
        else
            return IMRX_EXIT_USAGE;
    }
    imrx_diag_t diag;
    imrx_diag_init(&diag, NULL, NULL);
    if (imrx_cli_engine(&engine, &pc, &diag) != IMRX_OK) {
        imrx_diag_destroy(&diag);
        return IMRX_EXIT_USAGE;
    }
    imrx_worker_t w;
    int code = IMRX_EXIT_USAGE;
    if (imrx_worker_init(&w, &engine) == IMRX_OK) code = imrx_isolate_serve(&w, provenance);
    imrx_worker_free(&w);
    imrx_cli_engine_free(&engine);
    imrx_diag_destroy(&diag);
    return code;
}
