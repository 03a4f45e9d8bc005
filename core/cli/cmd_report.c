/* imrx report: a self-contained HTML report with charts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/html_report.h"
#include "report/sinks.h"
#include "report/outfile.h"

static const char usage[] =
    "usage: imrx report -o report.html [options] PATH...\n"
    "\n"
    "Writes one self-contained HTML file (no network needed to view it) with SVG charts, each\n"
    "with its table: uphold rate by category and by drug class with confidence bars, volume\n"
    "and uphold rate by month, items per letter, top reviewer specialties. PATH is as for\n"
    "`imrx stats`: records files (.jsonl, .sqlite) or letters to extract.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE         the HTML file (required)\n"
    "      --title TEXT          the report's title\n"
    "      --where DIM=VALUE     keep only items with that value (or DIM!=VALUE); repeatable\n"
    "  -j, --jobs N              worker threads when extracting letters\n"
    "  -q, --quiet               no progress line\n" IMRX_PLUGIN_HELP
    "  -h, --help                this help\n";

static void add_record(void *user, json_t *rec)
{
    imrx_report_add(user, rec);
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
    imrx_report_add(self, rec);
    json_decref(rec);
    return IMRX_OK;
}

int imrx_cmd_report(int argc, char **argv)
{
    enum { OPT_TITLE = 2000, OPT_WHERE };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"title", required_argument, NULL, OPT_TITLE},
        {"where", required_argument, NULL, OPT_WHERE},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        IMRX_PLUGIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    imrx_plugin_cli_t pc = {0};
    imrx_filter_t filters[IMRX_STATS_MAX_FILTERS];
    int nfilters = 0, quiet = 0;
    const char *output = NULL, *title = "IMR determinations: uphold rates";
    imrx_run_options_t ro = {.progress_interval = 0.25};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "o:j:qh", longopts, NULL)) != -1;) {
        int handled = imrx_plugin_cli_option(&pc, c, optarg);
        if (handled < 0) return IMRX_EXIT_USAGE;
        if (handled) continue;
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case OPT_TITLE:
            title = optarg;
            break;
        case OPT_WHERE:
            if (nfilters == IMRX_STATS_MAX_FILTERS ||
                !imrx_filter_parse(optarg, &filters[nfilters])) {
                fprintf(stderr, "imrx report: --where wants DIM=VALUE or DIM!=VALUE\n");
                return IMRX_EXIT_USAGE;
            }
            nfilters++;
            break;
        case 'j':
            if (!imrx_parse_jobs("report", optarg, &ro.threads)) return IMRX_EXIT_USAGE;
            break;
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
    if (!output || optind >= argc) {
        fprintf(stderr, "imrx report: give -o FILE and records files or letters\n\n%s", usage);
        return IMRX_EXIT_USAGE;
    }
    imrx_report_t rep;
    imrx_report_init(&rep, filters, nfilters);
    int code = IMRX_EXIT_OK;
    const char **letters = calloc((size_t)argc, sizeof *letters);
    char sources[512] = "";
    int nletters = 0, files = 0, unreadable = 0;
    for (int i = optind; i < argc && letters; i++) {
        size_t n = strlen(sources);
        snprintf(sources + n, sizeof sources - n, "%s%s", n ? ", " : "", argv[i]);
        if (!imrx_is_records_file(argv[i])) {
            letters[nletters++] = argv[i];
            continue;
        }
        char why[300] = "";
        files++;
        imrx_status_t st = imrx_records_read(argv[i], add_record, &rep, why, sizeof why);
        if (st != IMRX_OK) {
            fprintf(stderr, "imrx report: %s: %s\n", argv[i], why);
            code = IMRX_EXIT_LETTER;
            unreadable += st == IMRX_EIO;
        }
    }
    if (!nletters && files && unreadable == files) {
        free(letters);
        imrx_report_free(&rep);
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
            imrx_source_options_t so = {.max_size = IMRX_DEFAULT_MAX_SIZE};
            imrx_sources_t *src = imrx_sources_open(letters, nletters, &so, &diag);
            imrx_run_sink_t sink = {.self = &rep, .format = sink_format, .consume = sink_consume};
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
    /* Atomic like every output: never a half report under the name. */
    imrx_outfile_t of;
    int ok = imrx_outfile_open(&of, output, 0, NULL, NULL) == IMRX_OK;
    if (ok && imrx_report_write(&rep, of.fp, title, sources) != 0) {
        imrx_outfile_discard(&of);
        ok = 0;
    } else if (ok && imrx_outfile_commit(&of) != IMRX_OK) {
        ok = 0;
    }
    if (!ok) {
        fprintf(stderr, "imrx report: cannot write %s\n", output);
        code = IMRX_EXIT_USAGE;
    }
    imrx_report_free(&rep);
    return code;
}
