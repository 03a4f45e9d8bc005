/* imrx extract: letters in, one record per letter out. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "input/source.h"
#include "pipeline/isolate.h"
#include "report/sinks.h"
#include "util/hashset.h"

static const char usage[] =
    "usage: imrx extract [options] PATH...\n"
    "\n"
    "Reads IMR determination letters and writes one JSON record per letter (JSON Lines).\n"
    "PATH is a letter (.txt or .pdf), a folder (searched recursively for .txt and .pdf), an\n"
    "archive (.tar, .tar.gz, .zip, ...), or - for a list of paths on standard input.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE         write records to FILE (default: standard output); FILE appears\n"
    "                            only when the run is complete (FILE.partial until then)\n"
    "  -f, --format FORMAT       jsonl (one record per letter), csv (one row per disputed item)\n"
    "                            or sqlite (a database); default from FILE's name (.csv,\n"
    "                            .sqlite or .db), else jsonl\n"
    "  -j, --jobs N              worker threads (default: one per core)\n"
    "      --unordered           write records as letters finish, not in input order\n"
    "      --resume              continue an interrupted run from FILE.partial (JSON Lines\n"
    "                            or SQLite)\n"
    "      --shard K/N           process only the K-th of N deterministic shards of the input\n"
    "      --max-size SIZE       refuse letters bigger than SIZE unread (default 8M)\n"
    "      --all-files           in folders and archives, read every file, not only .txt/.pdf\n"
    "      --no-provenance       leave out the provenance map (which plugin set each value, "
    "where)\n"
    "      --isolate             run the plugins in separate processes: a plugin that crashes or\n"
    "                            hangs costs that letter's record (with an error), not the run\n"
    "      --timeout SECONDS     with --isolate, the time one letter may take (default 30)\n"
    "  -q, --quiet               no progress line, no summary\n" IMRX_PLUGIN_HELP
    "  -h, --help                this help\n"
    "\n"
    "exit status: 0 all letters read; 1 some letters failed (their records say why);\n"
    "2 usage error, plugin error, or output not writable.\n";

typedef struct output {
    imrx_sink_t *sink;
    int provenance;
} output_t;

static void output_format(void *self, imrx_worker_t *w, imrx_buf_t *out)
{
    output_t *o = self;
    imrx_worker_write_json(w, o->provenance, out);
}

static imrx_status_t output_consume(void *self, const char *source, const imrx_letter_result_t *r,
                                    const char *data, size_t len)
{
    (void)source;
    (void)r;
    output_t *o = self;
    return imrx_sink_write(o->sink, data, len);
}

typedef struct resume_set {
    imrx_hashset_t done;
} resume_set_t;

static int skip_done(void *self, const char *source)
{
    resume_set_t *r = self;
    return imrx_hashset_has(&r->done, imrx_source_resume_key(source));
}

static volatile int interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static int parse_shard(const char *s, uint32_t *k, uint32_t *n)
{
    char *end;
    unsigned long a = strtoul(s, &end, 10);
    if (*end != '/') return 0;
    unsigned long b = strtoul(end + 1, &end, 10);
    if (*end || b == 0 || a == 0 || a > b || b > 1000000) return 0;
    *k = (uint32_t)a;
    *n = (uint32_t)b;
    return 1;
}

int imrx_cmd_extract(int argc, char **argv)
{
    enum {
        OPT_UNORDERED = 2000,
        OPT_RESUME,
        OPT_SHARD,
        OPT_MAX_SIZE,
        OPT_ALL,
        OPT_NO_PROV,
        OPT_ISOLATE,
        OPT_TIMEOUT
    };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"unordered", no_argument, NULL, OPT_UNORDERED},
        {"resume", no_argument, NULL, OPT_RESUME},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"max-size", required_argument, NULL, OPT_MAX_SIZE},
        {"all-files", no_argument, NULL, OPT_ALL},
        {"no-provenance", no_argument, NULL, OPT_NO_PROV},
        {"isolate", no_argument, NULL, OPT_ISOLATE},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        IMRX_PLUGIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    imrx_plugin_cli_t pc = {0};
    const char *output = NULL;
    imrx_run_options_t ro = {.progress_interval = 0.25};
    imrx_source_options_t so = {.max_size = IMRX_DEFAULT_MAX_SIZE};
    int resume = 0, quiet = 0, provenance = 1, kind = -1, isolate = 0;
    double timeout = 30;
    const char *max_size_arg = NULL;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "o:f:j:qh", longopts, NULL)) != -1;) {
        int handled = imrx_plugin_cli_option(&pc, c, optarg);
        if (handled < 0) return IMRX_EXIT_USAGE;
        if (handled) continue;
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            kind = imrx_sink_kind_parse(optarg);
            if (kind < 0) {
                fprintf(stderr, "imrx extract: -f wants jsonl, csv or sqlite (not '%s')\n", optarg);
                return IMRX_EXIT_USAGE;
            }
            break;
        case 'j':
            if (!imrx_parse_jobs("extract", optarg, &ro.threads)) return IMRX_EXIT_USAGE;
            break;
        case OPT_UNORDERED:
            ro.unordered = 1;
            break;
        case OPT_RESUME:
            resume = 1;
            break;
        case OPT_SHARD:
            if (!parse_shard(optarg, &so.shard_k, &so.shard_n)) {
                fprintf(stderr, "imrx extract: --shard wants K/N with 1 <= K <= N, e.g. 3/8\n");
                return IMRX_EXIT_USAGE;
            }
            break;
        case OPT_MAX_SIZE:
            max_size_arg = optarg;
            so.max_size = imrx_parse_size(optarg);
            if (!so.max_size) {
                fprintf(stderr, "imrx extract: --max-size wants a size such as 8M or 512k\n");
                return IMRX_EXIT_USAGE;
            }
            break;
        case OPT_ALL:
            so.include_all = 1;
            break;
        case OPT_NO_PROV:
            provenance = 0;
            break;
        case OPT_ISOLATE:
            isolate = 1;
            break;
        case OPT_TIMEOUT: {
            char *end;
            timeout = strtod(optarg, &end);
            if (end == optarg || *end || !(timeout > 0)) {
                fprintf(stderr, "imrx extract: --timeout wants a number of seconds\n");
                return IMRX_EXIT_USAGE;
            }
            break;
        }
        case 'q':
            quiet = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return IMRX_EXIT_OK;
        default:
            fputs(usage, stderr);
            return IMRX_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "imrx extract: no letters given\n\n%s", usage);
        return IMRX_EXIT_USAGE;
    }
    if (resume && (!output || strcmp(output, "-") == 0)) {
        fprintf(stderr, "imrx extract: --resume needs -o FILE (the run to continue)\n");
        return IMRX_EXIT_USAGE;
    }

    imrx_diag_t diag;
    imrx_diag_init(&diag, NULL, NULL);
    imrx_engine_t engine = {.max_size = so.max_size};
    /* With --isolate the children load the plugins; they are only checked here. */
    const char *child_args[48];
    imrx_isolate_config_t iso = {
        .child_args = child_args, .timeout = timeout, .provenance = provenance};
    if (isolate) {
        int n = 0;
        for (unsigned i = 0; i < pc.dir_count && n < 40; i++) {
            child_args[n++] = "--plugin-dir";
            child_args[n++] = pc.dirs[i];
        }
        if (pc.no_default) child_args[n++] = "--no-default-plugins";
        if (pc.allow_untrusted) child_args[n++] = "--allow-untrusted-plugins";
        if (pc.only) child_args[n++] = "--plugins", child_args[n++] = pc.only;
        if (max_size_arg) child_args[n++] = "--max-size", child_args[n++] = max_size_arg;
        if (!provenance) child_args[n++] = "--no-provenance";
        child_args[n] = NULL;
        imrx_plugin_set_t check;
        imrx_loader_options_t lo = {.dirs = pc.dirs,
                                    .dir_count = pc.dir_count,
                                    .skip_default = pc.no_default,
                                    .only = pc.only,
                                    .allow_untrusted = pc.allow_untrusted};
        if (imrx_plugins_load(&check, &lo, &diag) != IMRX_OK) {
            imrx_diag_destroy(&diag);
            return IMRX_EXIT_USAGE;
        }
        imrx_plugins_unload(&check);
        signal(SIGPIPE, SIG_IGN);
        engine.isolate = &iso;
        if (imrx_engine_init(&engine, &diag) != IMRX_OK) {
            imrx_diag_destroy(&diag);
            return IMRX_EXIT_USAGE;
        }
    } else if (imrx_cli_engine(&engine, &pc, &diag) != IMRX_OK) {
        imrx_diag_destroy(&diag);
        return IMRX_EXIT_USAGE;
    }
    output_t sink = {.provenance = provenance};
    resume_set_t done;
    imrx_hashset_init(&done.done);
    unsigned long done_count = 0;
    char why[512] = "";
    if (kind < 0) kind = (int)imrx_sink_kind_for(output);
    sink.sink = imrx_sink_open((imrx_sink_kind_t)kind, output, resume, &done.done, &done_count, why,
                               sizeof why);
    if (!sink.sink) {
        fprintf(stderr, "imrx extract: %s\n", why[0] ? why : "cannot open the output");
        imrx_cli_engine_free(&engine);
        imrx_hashset_free(&done.done);
        imrx_diag_destroy(&diag);
        return IMRX_EXIT_USAGE;
    }
    if (resume && done_count && !quiet)
        fprintf(stderr, "imrx: resuming: %lu records already in %s.partial\n", done_count, output);
    if (resume) {
        ro.skip = skip_done;
        ro.skip_self = &done;
    }
    imrx_progress_t progress;
    imrx_progress_init(&progress, quiet);
    imrx_progress_count(&progress, (const char *const *)argv + optind, argc - optind, &so);
    /* Seconds between progress updates; tests set 0 to see every one. */
    const char *interval = getenv("IMRX_PROGRESS_INTERVAL");
    if (interval) ro.progress_interval = atof(interval);
    ro.name_errors = quiet ? 0 : 10;
    ro.progress = imrx_progress_update;
    ro.progress_self = &progress;
    ro.stop = &interrupted;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);

    imrx_sources_t *src =
        imrx_sources_open((const char *const *)argv + optind, argc - optind, &so, &diag);
    imrx_run_sink_t rs = {.self = &sink, .format = output_format, .consume = output_consume};
    imrx_run_stats_t stats = {0};
    imrx_status_t st = src ? imrx_run(&engine, src, &ro, &rs, &stats) : IMRX_ENOMEM;
    imrx_sources_close(src);
    imrx_progress_finish(&progress);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);

    if (st == IMRX_OK && !interrupted && stats.letters == 0 && stats.skipped == 0)
        fprintf(stderr,
                "imrx extract: warning: no letters found (folders are searched for .txt and .pdf "
                "files and archives; --all-files reads every file)\n");
    int code = stats.failed ? IMRX_EXIT_LETTER : IMRX_EXIT_OK;
    if (st != IMRX_OK) {
        fprintf(stderr, "imrx extract: the run stopped: %s\n",
                st == IMRX_EIO ? "writing the output failed (disk full?)"
                               : "see the messages above");
        imrx_sink_close(sink.sink, 0);
        code = IMRX_EXIT_USAGE;
    } else if (interrupted) {
        fprintf(stderr, "imrx extract: interrupted; continue with --resume%s\n",
                output ? "" : " and -o FILE");
        imrx_sink_close(sink.sink, 0);
        code = 130;
    } else if (imrx_sink_close(sink.sink, 1) != IMRX_OK) {
        fprintf(stderr, "imrx extract: could not finish writing %s\n", output ? output : "output");
        code = IMRX_EXIT_USAGE;
    }
    imrx_hashset_free(&done.done);
    imrx_cli_engine_free(&engine);
    imrx_diag_destroy(&diag);
    return code;
}
