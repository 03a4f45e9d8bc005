#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#ifndef IMRX_VERSION
#define IMRX_VERSION "0.0.0"
#endif

static const char usage[] =
    "usage: imrx COMMAND [options] [ARGS]\n"
    "\n"
    "Mines California workers' compensation IMR final determination letters.\n"
    "\n"
    "commands:\n"
    "  extract   letters -> one record per letter (JSON Lines, CSV or SQLite)\n"
    "  stats     uphold rates with confidence intervals, grouped any way\n"
    "  report    a self-contained HTML report with charts\n"
    "  eval      score records against gold annotations\n"
    "  plugins   list the plugins that load, in run order\n"
    "  text      a letter's normalised text and sections, as plugins see them\n"
    "  gen       generate a synthetic archive of letters with gold answers\n"
    "\n"
    "`imrx COMMAND --help` describes each command. `imrx --version` prints the version.\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command_t;

static const command_t commands[] = {
    {"extract", imrx_cmd_extract}, {"eval", imrx_cmd_eval},       {"stats", imrx_cmd_stats},
    {"report", imrx_cmd_report},   {"plugins", imrx_cmd_plugins}, {"text", imrx_cmd_text},
    {"__worker", imrx_cmd_worker}, {"gen", imrx_cmd_gen},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return IMRX_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return IMRX_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("imrx %s (plugin ABI %d.%d)\n", IMRX_VERSION, IMRX_ABI_MAJOR, IMRX_ABI_MINOR);
        return IMRX_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "imrx: unknown command '%s'\n\n%s", cmd, usage);
    return IMRX_EXIT_USAGE;
}
