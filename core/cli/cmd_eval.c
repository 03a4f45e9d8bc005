/* imrx eval: score extraction against gold annotations. */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "eval/eval.h"

static const char usage[] =
    "usage: imrx eval --gold DIR [options] PATH...\n"
    "       imrx eval --gold DIR --records FILE.jsonl\n"
    "\n"
    "Scores records against gold annotations (corpus/README.md): precision, recall and F1 per\n"
    "field and per item attribute, the decision and category confusion tables, and the letters\n"
    "that differ most. With PATHs, extracts the letters first (as `imrx extract` would); with\n"
    "--records, scores records written earlier. A record matches the gold file named after its\n"
    "source (A-raw-01.txt -> A-raw-01.json; CM16-0213037.layout.txt -> CM16-0213037.json).\n"
    "\n"
    "options:\n"
    "      --gold DIR            the gold files (required)\n"
    "      --records FILE        score these JSON Lines records instead of extracting\n"
    "      --json                print the scores as JSON\n"
    "      --worst N             list the N letters with the most differences (default 10)\n"
    "      --baseline FILE       exit 1 when a field scores below the minimum FILE records\n"
    "  -j, --jobs N              worker threads for extraction (default: one per core)\n"
    "  -q, --quiet               no progress line\n" IMRX_PLUGIN_HELP
    "  -h, --help                this help\n";

typedef struct scorer {
    imrx_eval_t *eval;
    const char *gold_dir;
    unsigned long unreadable_gold;
} scorer_t;

/* The gold file for a record's source, or NULL. */
static json_t *load_gold(scorer_t *s, const char *source)
{
    const char *colon = strrchr(source, ':'); /* archive members: "a.tar:dir/x.txt" */
    const char *member = colon && colon[1] != '/' && colon[1] != '\\' ? colon + 1 : source;
    const char *base = strrchr(member, '/');
    base = base ? base + 1 : member;
    /* The letter's folder name, for gold kept in matching subfolders (generated archives). */
    char sub[256] = "";
    if (base > member + 1) {
        const char *e = base - 1, *b = e;
        while (b > member && b[-1] != '/') b--;
        snprintf(sub, sizeof sub, "%.*s", (int)(e - b), b);
    }
    char name[512];
    snprintf(name, sizeof name, "%s", base);
    for (int attempt = 0; attempt < 6; attempt++) {
        if (attempt % 2 == 0) {
            char *dot = strrchr(name, '.');
            if (!dot) break;
            *dot = '\0';
        }
        char path[1024];
        if (attempt % 2 == 0)
            snprintf(path, sizeof path, "%s/%s.json", s->gold_dir, name);
        else if (sub[0])
            snprintf(path, sizeof path, "%s/%s/%s.json", s->gold_dir, sub, name);
        else
            continue;
        struct stat st;
        if (stat(path, &st) != 0) continue;
        json_error_t err;
        json_t *g = json_load_file(path, 0, &err);
        if (!g) {
            fprintf(stderr, "imrx eval: %s: %s (line %d)\n", path, err.text, err.line);
            s->unreadable_gold++;
        }
        return g;
    }
    return NULL;
}

static void score_line(scorer_t *s, const char *line, size_t len)
{
    json_error_t err;
    json_t *rec = json_loadb(line, len, 0, &err);
    if (!rec) {
        fprintf(stderr, "imrx eval: a record is not JSON: %s\n", err.text);
        return;
    }
    const char *source = json_string_value(json_object_get(rec, "source"));
    json_t *gold = source ? load_gold(s, source) : NULL;
    if (gold)
        imrx_eval_add(s->eval, source, gold, rec);
    else
        imrx_eval_note_unmatched(s->eval, source ? source : "?", 1);
    json_decref(gold);
    json_decref(rec);
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
    score_line(self, data, len);
    return IMRX_OK;
}

int imrx_cmd_eval(int argc, char **argv)
{
    enum { OPT_GOLD = 2000, OPT_RECORDS, OPT_JSON, OPT_WORST, OPT_BASELINE };
    static const struct option longopts[] = {
        {"gold", required_argument, NULL, OPT_GOLD},
        {"records", required_argument, NULL, OPT_RECORDS},
        {"json", no_argument, NULL, OPT_JSON},
        {"worst", required_argument, NULL, OPT_WORST},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        IMRX_PLUGIN_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    imrx_plugin_cli_t pc = {0};
    scorer_t s = {0};
    const char *records = NULL, *baseline = NULL;
    int as_json = 0, worst = 10, quiet = 0;
    imrx_run_options_t ro = {.progress_interval = 0.25};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1;) {
        int handled = imrx_plugin_cli_option(&pc, c, optarg);
        if (handled < 0) return IMRX_EXIT_USAGE;
        if (handled) continue;
        switch (c) {
        case OPT_GOLD:
            s.gold_dir = optarg;
            break;
        case OPT_RECORDS:
            records = optarg;
            break;
        case OPT_JSON:
            as_json = 1;
            break;
        case OPT_WORST: {
            long n;
            if (!imrx_parse_long("eval", "--worst", "a number of letters", optarg, 0, 100000, &n))
                return IMRX_EXIT_USAGE;
            worst = (int)n;
            break;
        }
        case OPT_BASELINE:
            baseline = optarg;
            break;
        case 'j':
            if (!imrx_parse_jobs("eval", optarg, &ro.threads)) return IMRX_EXIT_USAGE;
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
    struct stat st;
    if (!s.gold_dir || stat(s.gold_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "imrx eval: --gold must name a folder of gold files\n\n%s", usage);
        return IMRX_EXIT_USAGE;
    }
    if (!records && optind >= argc) {
        fprintf(stderr, "imrx eval: give letters to extract, or --records FILE\n");
        return IMRX_EXIT_USAGE;
    }
    s.eval = imrx_eval_new();
    int code = IMRX_EXIT_OK;
    if (records) {
        FILE *fp = strcmp(records, "-") == 0 ? stdin : fopen(records, "r");
        if (!fp) {
            fprintf(stderr, "imrx eval: cannot read %s\n", records);
            imrx_eval_free(s.eval);
            return IMRX_EXIT_USAGE;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, fp)) > 0) score_line(&s, line, (size_t)n);
        free(line);
        if (fp != stdin) fclose(fp);
    } else {
        imrx_diag_t diag;
        imrx_diag_init(&diag, NULL, NULL);
        imrx_engine_t engine = {0};
        if (imrx_cli_engine(&engine, &pc, &diag) != IMRX_OK) {
            imrx_diag_destroy(&diag);
            imrx_eval_free(s.eval);
            return IMRX_EXIT_USAGE;
        }
        imrx_progress_t progress;
        imrx_progress_init(&progress, 1);
        progress.enabled = !quiet && progress.enabled;
        ro.name_errors = quiet ? 0 : 10;
        ro.progress = imrx_progress_update;
        ro.progress_self = &progress;
        imrx_source_options_t so = {.max_size = IMRX_DEFAULT_MAX_SIZE};
        imrx_sources_t *src =
            imrx_sources_open((const char *const *)argv + optind, argc - optind, &so, &diag);
        imrx_run_sink_t sink = {.self = &s, .format = sink_format, .consume = sink_consume};
        imrx_run_stats_t stats;
        if (!src || imrx_run(&engine, src, &ro, &sink, &stats) != IMRX_OK) code = IMRX_EXIT_USAGE;
        imrx_sources_close(src);
        imrx_cli_engine_free(&engine);
        imrx_diag_destroy(&diag);
    }
    if (as_json) {
        json_t *j = imrx_eval_json(s.eval, worst);
        /* six digits: the baselines floor these, and a value rounded up would not reach itself */
        json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
        fputc('\n', stdout);
        json_decref(j);
    } else {
        imrx_eval_print(s.eval, stdout, worst);
    }
    if (baseline) {
        int below = imrx_eval_check_baseline(s.eval, baseline, stderr);
        if (below != 0 && code == IMRX_EXIT_OK)
            code = below < 0 ? IMRX_EXIT_USAGE : IMRX_EXIT_LETTER;
    }
    if (s.unreadable_gold && code == IMRX_EXIT_OK) code = IMRX_EXIT_USAGE;
    imrx_eval_free(s.eval);
    return code;
}
