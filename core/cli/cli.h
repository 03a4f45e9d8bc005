/* The `imrx` command: one function per subcommand, each a thin layer over the library. */
#ifndef IMRX_CLI_H
#define IMRX_CLI_H

#include <stddef.h>
#include <pthread.h>
#include <stdint.h>

#include "input/source.h"

#include "pipeline/engine.h"
#include "pipeline/runner.h"
#include "plugin/plugin_set.h"

/* Exit statuses, as documented in `imrx --help`. */
#define IMRX_EXIT_OK     0
#define IMRX_EXIT_LETTER 1 /* some letters could not be read or are no IMR letters */
#define IMRX_EXIT_USAGE  2 /* bad command line, plugins that do not load, output not writable */

int imrx_cmd_extract(int argc, char **argv);
int imrx_cmd_plugins(int argc, char **argv);
int imrx_cmd_text(int argc, char **argv);
int imrx_cmd_worker(int argc, char **argv);
int imrx_cmd_eval(int argc, char **argv);
int imrx_cmd_gen(int argc, char **argv);
int imrx_cmd_stats(int argc, char **argv);
int imrx_cmd_report(int argc, char **argv);

/* "category,year" -> the options' dims; 0 on an unknown name or more than two. */
struct imrx_stats_options;
int imrx_parse_dims(const char *text, struct imrx_stats_options *o);

/* Options shared by every subcommand that runs plugins. */
typedef struct imrx_plugin_cli {
    const char *dirs[32];
    unsigned dir_count;
    int no_default;
    int allow_untrusted;
    const char *only;
} imrx_plugin_cli_t;

/* Handles --plugin-dir, --no-default-plugins, --plugins, --allow-untrusted-plugins. Returns 1
 * when `opt` was one of them, 0 when not, -1 on an error (already reported). */
int imrx_plugin_cli_option(imrx_plugin_cli_t *pc, int opt, const char *arg);
/* Long options for those, to splice into a getopt_long table; the values are returned by
 * getopt_long as the option codes below. */
#define IMRX_OPT_PLUGIN_DIR 1001
#define IMRX_OPT_NO_DEFAULT 1002
#define IMRX_OPT_PLUGINS    1003
#define IMRX_OPT_UNTRUSTED  1004
#define IMRX_PLUGIN_LONG_OPTIONS                                                                   \
    {"plugin-dir", required_argument, NULL, IMRX_OPT_PLUGIN_DIR},                                  \
        {"no-default-plugins", no_argument, NULL, IMRX_OPT_NO_DEFAULT},                            \
        {"plugins", required_argument, NULL, IMRX_OPT_PLUGINS},                                    \
    {                                                                                              \
        "allow-untrusted-plugins", no_argument, NULL, IMRX_OPT_UNTRUSTED                           \
    }
#define IMRX_PLUGIN_HELP                                                                           \
    "  --plugin-dir DIR          also load plugins from DIR (repeatable; IMRX_PLUGIN_PATH too)\n"  \
    "  --no-default-plugins      do not load the plugins installed with imrx\n"                    \
    "  --plugins NAME,...        run only these plugins (and those they depend on)\n"              \
    "  --allow-untrusted-plugins load plugins from world-writable places or other users\n"

/* Sets up an engine with the plugins the options ask for, initialised. Reports problems. */
imrx_status_t imrx_cli_engine(imrx_engine_t *e, const imrx_plugin_cli_t *pc, imrx_diag_t *diag);
void imrx_cli_engine_free(imrx_engine_t *e);

/* "8M", "512k", "1G", "1000" -> bytes; 0 on a malformed value. */
size_t imrx_parse_size(const char *s);
/* A whole decimal number in [min, max] from an option's value; on anything else prints
 * "imrx CMD: OPTION wants WHAT" and returns 0 (the caller exits with the usage status). */
int imrx_parse_long(const char *cmd, const char *option, const char *what, const char *s, long min,
                    long max, long *out);
/* -j N: worker threads, 1 to 256. */
int imrx_parse_jobs(const char *cmd, const char *s, unsigned *threads);

/* Progress line on standard error (a terminal only) and the summary at the end. */
typedef struct imrx_progress {
    int enabled; /* live line */
    int summary; /* summary line at the end */
    int line_visible;
    uint64_t total; /* letters expected, 0 = unknown (no ETA); set by the counting thread */
    pthread_t counter;
    int counting;
    volatile int stop_counting;
    const char *const *args;
    int arg_count;
    imrx_source_options_t source_options;
} imrx_progress_t;
void imrx_progress_init(imrx_progress_t *p, int quiet);
void imrx_progress_update(void *self, const imrx_run_stats_t *s, int final);
/* On a terminal, counts the run's letters in a background thread (folders are walked, nothing
 * is read) so that the progress line can show an ETA; the run does not wait for it. */
void imrx_progress_count(imrx_progress_t *p, const char *const *args, int count,
                         const imrx_source_options_t *opt);
/* Stops and joins the counting thread. */
void imrx_progress_finish(imrx_progress_t *p);

#endif
