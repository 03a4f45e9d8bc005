/* imrx stats: uphold rates with confidence intervals, grouped any way, from letters or from
 * records written earlier (which is how shards merge). */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/sinks.h"
#include "report/stats.h"

static const char usage_head[] =
    "usage: imrx stats [options] PATH...\n"
    "\n"
    "Uphold rates (upheld / decided items) with counts and Wilson 95 %% confidence intervals,\n"
    "overall and grouped; letter outcomes (all upheld / some overturned), items per letter.\n"
    "PATH is a records file written earlier (.jsonl, .sqlite/.db: several merge, which is how\n"
    "shards from many machines combine), or letters, folders and archives to extract first.\n"
    "\n"
    "options:\n"
    "      --by DIM[,DIM]        group by one dimension, or two (a two-way table)\n"
    "      --where DIM=VALUE     keep only items with that value (or DIM!=VALUE); repeatable\n"
    "      --min-count N         leave out groups with fewer than N decided items\n"
    "  -f, --format FORMAT       table (default), csv, json or markdown\n"
    "  -o, --output FILE         write there instead of standard output\n"
    "  -j, --jobs N              worker threads when extracting letters\n"
    "  -q, --quiet               no progress line\n" IMRX_PLUGIN_HELP
    "  -h, --help                this help\n"
    "\n"
    "dimensions: %s\n"
    "(an item counts once in every group of a dimension with several values: a reviewer with\n"
    "two specialties, a letter citing two guidelines; docs/stats.md)\n";

static void usage(FILE *out)
{
    fprintf(out, usage_head, imrx_dim_list());
}

static void add_record(void *user, json_t *rec)
{
    imrx_stats_add(user, rec);
}

static void sink_format(void *self, imrx_worker_t *w, imrx_buf_t *out)
{
    (void)self;
    imrx_worker_write_json(w, 0, out);
}

static imrx_status_t sink_consume(void *self, const char *source, const imrx_letter_result_t *r,
                                  const char *data, size_t len)
{
    (void)source, (void)r;
    json_t *rec = json_loadb(data, len, 0, NULL);
    if (!rec) return IMRX_EFORMAT;
    imrx_stats_add(self, rec);
    json_decref(rec);
    return IMRX_OK;
}

int imrx_parse_dims(const char *text, imrx_stats_options_t *o)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", text);
    o->ndims = 0;
    for (char *save = NULL, *p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
        int d = imrx_dim_from_name(p);
        if (d < 0 || o->ndims == 2) return 0;
        o->dims[o->ndims++] = d;
    }
    return o->ndims > 0;
}

int imrx_cmd_stats(int argc, char **argv)
{
    enum { OPT_BY = 2000, OPT_WHERE, OPT_MIN };
    static const struct option longopts[] = {
        {"by", required_argument, NULL, OPT_BY},
        {"where", required_argument, NULL, OPT_WHERE},
        {"min-count", required_argument, NULL, OPT_MIN},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        IMRX_PLUGIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    imrx_plugin_cli_t pc = {0};
    imrx_stats_options_t so = {0};
    imrx_out_format_t fmt = IMRX_OUT_TABLE;
    const char *output = NULL;
    int quiet = 0;
    imrx_run_options_t ro = {.progress_interval = 0.25};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "f:o:j:qh", longopts, NULL)) != -1;) {
        int handled = imrx_plugin_cli_option(&pc, c, optarg);
        if (handled < 0) return IMRX_EXIT_USAGE;
        if (handled) continue;
        switch (c) {
        case OPT_BY:
            if (!imrx_parse_dims(optarg, &so)) {
                fprintf(stderr, "imrx stats: --by takes one or two of: %s\n", imrx_dim_list());
                return IMRX_EXIT_USAGE;
            }
            break;
        case OPT_WHERE:
            if (so.nfilters == IMRX_STATS_MAX_FILTERS ||
                !imrx_filter_parse(optarg, &so.filters[so.nfilters])) {
                fprintf(stderr,
                        "imrx stats: --where wants DIM=VALUE or DIM!=VALUE, DIM one of: %s\n",
                        imrx_dim_list());
                return IMRX_EXIT_USAGE;
            }
            so.nfilters++;
            break;
        case OPT_MIN: {
            long n;
            if (!imrx_parse_long("stats", "--min-count", "a number of items", optarg, 0, LONG_MAX,
                                 &n))
                return IMRX_EXIT_USAGE;
            so.min_count = (unsigned long)n;
            break;
        }
        case 'f':
            if (strcmp(optarg, "table") == 0)
                fmt = IMRX_OUT_TABLE;
            else if (strcmp(optarg, "csv") == 0)
                fmt = IMRX_OUT_CSV;
            else if (strcmp(optarg, "json") == 0)
                fmt = IMRX_OUT_JSON;
            else if (strcmp(optarg, "markdown") == 0 || strcmp(optarg, "md") == 0)
                fmt = IMRX_OUT_MARKDOWN;
            else {
                fprintf(stderr, "imrx stats: --format is table, csv, json or markdown\n");
                return IMRX_EXIT_USAGE;
            }
            break;
        case 'o':
            output = optarg;
            break;
        case 'j':
            if (!imrx_parse_jobs("stats", optarg, &ro.threads)) return IMRX_EXIT_USAGE;
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            usage(stdout);
            return IMRX_EXIT_OK;
        default:
            usage(stderr);
            return IMRX_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "imrx stats: give records files or letters\n\n");
        usage(stderr);
        return IMRX_EXIT_USAGE;
    }
    imrx_stats_t stats;
    imrx_stats_init(&stats, &so);
    int code = IMRX_EXIT_OK;
    /* Records files are read; everything else is extracted in one run. */
    const char **letters = calloc((size_t)argc, sizeof *letters);
    int nletters = 0;
    int files = 0, unreadable = 0;
    for (int i = optind; i < argc && letters; i++) {
        if (!imrx_is_records_file(argv[i])) {
            letters[nletters++] = argv[i];
            continue;
        }
        char why[300] = "";
        files++;
        imrx_status_t st = imrx_records_read(argv[i], add_record, &stats, why, sizeof why);
        if (st != IMRX_OK) {
            fprintf(stderr, "imrx stats: %s: %s\n", argv[i], why);
            code = IMRX_EXIT_LETTER;
            unreadable += st == IMRX_EIO;
        }
    }
    if (!nletters && files && unreadable == files) {
        /* Nothing to count: no table of zeros that could pass for a result. */
        free(letters);
        imrx_stats_free(&stats);
        return IMRX_EXIT_USAGE;
    }
    if (nletters) {
        imrx_diag_t diag;
        imrx_diag_init(&diag, NULL, NULL);
        imrx_engine_t engine = {0};
        if (imrx_cli_engine(&engine, &pc, &diag) != IMRX_OK) {
            code = IMRX_EXIT_USAGE;
        } else {
            imrx_progress_t progress;
            imrx_progress_init(&progress, 1);
            progress.enabled = !quiet && progress.enabled;
            ro.name_errors = quiet ? 0 : 10;
            ro.progress = imrx_progress_update;
            ro.progress_self = &progress;
            imrx_source_options_t src_opt = {.max_size = IMRX_DEFAULT_MAX_SIZE};
            imrx_sources_t *src = imrx_sources_open(letters, nletters, &src_opt, &diag);
            imrx_run_sink_t sink = {.self = &stats, .format = sink_format, .consume = sink_consume};
            imrx_run_stats_t rs;
            if (!src || imrx_run(&engine, src, &ro, &sink, &rs) != IMRX_OK)
                code = IMRX_EXIT_USAGE;
            else if (rs.failed && code == IMRX_EXIT_OK)
                code = IMRX_EXIT_LETTER; /* as extract: some letters could not be read */
            imrx_sources_close(src);
            imrx_cli_engine_free(&engine);
        }
        imrx_diag_destroy(&diag);
    }
    free(letters);
    FILE *out = output ? fopen(output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "imrx stats: cannot write %s\n", output);
        code = IMRX_EXIT_USAGE;
    } else {
        imrx_stats_print(&stats, fmt, out);
        if (out != stdout) fclose(out);
    }
    imrx_stats_free(&stats);
    return code;
}
