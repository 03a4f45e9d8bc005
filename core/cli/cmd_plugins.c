/* imrx plugins: what loaded, from where, in which order. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] = "usage: imrx plugins [options]\n"
                            "\n"
                            "Loads the plugins as `imrx extract` would, and lists them in run "
                            "order:\n"
                            "name, version, ABI, the sections each reads, the fields it fills, and "
                            "the\n"
                            "plugins it runs after. Exit status 2 when a plugin is refused.\n"
                            "\n"
                            "options:\n" IMRX_PLUGIN_HELP "  -h, --help                this help\n";

static void print_list(const char *label, const char *const *list)
{
    printf("    %-9s", label);
    if (!list || !*list) {
        printf("-\n");
        return;
    }
    for (unsigned i = 0; list[i]; i++) printf("%s%s", i ? ", " : "", list[i]);
    printf("\n");
}

int imrx_cmd_plugins(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        IMRX_PLUGIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    imrx_plugin_cli_t pc = {0};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1;) {
        int handled = imrx_plugin_cli_option(&pc, c, optarg);
        if (handled < 0) return IMRX_EXIT_USAGE;
        if (handled) continue;
        if (c == 'h') {
            fputs(usage, stdout);
            return IMRX_EXIT_OK;
        }
        fputs(usage, stderr);
        return IMRX_EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, "imrx plugins: unexpected argument '%s'\n", argv[optind]);
        return IMRX_EXIT_USAGE;
    }
    imrx_diag_t diag;
    imrx_diag_init(&diag, NULL, NULL);
    imrx_engine_t engine = {0};
    if (imrx_cli_engine(&engine, &pc, &diag) != IMRX_OK) {
        imrx_diag_destroy(&diag);
        return IMRX_EXIT_USAGE;
    }
    printf("host plugin ABI %d.%d; default folder: %s\n", IMRX_ABI_MAJOR, IMRX_ABI_MINOR,
           imrx_default_plugin_dir()[0] ? imrx_default_plugin_dir() : "(none found)");
    for (unsigned i = 0; i < engine.plugins.count; i++) {
        const imrx_loaded_plugin_t *p = &engine.plugins.items[i];
        printf("%u. %s %s (ABI %u.%u)  %s\n", i + 1, p->desc->name, p->desc->version,
               p->desc->abi_major, p->desc->abi_minor, p->desc->summary ? p->desc->summary : "");
        printf("    %-9s%s\n", "file", p->path);
        print_list("reads", p->desc->sections);
        print_list("fills", p->desc->fields);
        print_list("after", p->desc->after);
        print_list("requires", p->desc->requires);
    }
    imrx_cli_engine_free(&engine);
    imrx_diag_destroy(&diag);
    return IMRX_EXIT_OK;
}
