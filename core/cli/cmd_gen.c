/* imrx gen: a synthetic archive of IMR letters with gold answers, for tests and benchmarks. */
#include <getopt.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "gen/gen.h"

static const char usage[] =
    "usage: imrx gen --count N --out DIR|FILE.tar|- [options]\n"
    "\n"
    "Writes N synthetic IMR determination letters, each with its gold answer (corpus/README.md\n"
    "format, plus \"_generated\": true), in every layout (A in its -layout, plain and headerless\n"
    "renderings; B; C; D) with the quirks of real copies. Letter i depends only on the seed, i "
    "and\n"
    "the options, so the same command writes the same bytes. Memory stays constant whatever N.\n"
    "\n"
    "Output: DIR/letters/NNNN/GEN-<seed>-<i>.txt and DIR/gold/NNNN/GEN-<seed>-<i>.json (NNNN = i "
    "/\n"
    "1000), and DIR/truth.json with exact totals; or the same members in a ustar archive "
    "(FILE.tar,\n"
    "or - for standard output), each letter followed by its gold, truth.json last.\n"
    "\n"
    "options:\n"
    "      --seed S              the seed (default 1)\n"
    "      --count N             how many letters (required)\n"
    "      --start I             number the letters from I (default 0): shards of one archive\n"
    "      --out PATH            a folder, a FILE.tar (written as FILE.tar.partial until done), or "
    "-\n"
    "      --flat                no NNNN subfolders (small archives for imrx eval --gold)\n"
    "      --uphold-rate R       share of items upheld (default 0.89)\n"
    "      --items-mean M        mean disputed items per letter, 1 to 4.5 (default 1.7)\n"
    "      --layouts W           layout weights (default A=0.7,B=0.1,C=0.1,D=0.1); years decide\n"
    "                            too: A 2015 on, B 2013-2014, C 2014-2016, D 2013\n"
    "      --renderings W        layout A renderings (default "
    "layout=0.45,raw=0.35,headerless=0.2)\n"
    "      --categories W        item category weights, gold names (default pharmaceuticals=40,\n"
    "                            diagnostic_testing=15, physical_therapy=12, dmepos=7, ...)\n"
    "      --years Y1-Y2         decision years (default 2013-2024)\n"
    "      --partial-rate R      share of eligible layout A items partially authorised (0.06)\n"
    "      --expedited-rate R    share of expedited reviews (default 0.04)\n"
    "      --noise F             scale every noise probability by F (default 1; 0 = --clean)\n"
    "      --clean               no noise: no form feeds, footers, word breaks, odd bytes, typos\n"
    "  -q, --quiet               no progress line, no summary\n"
    "  -h, --help                this help\n"
    "\n"
    "exit status: 0 done; 2 bad options or output not writable; 130 interrupted.\n";

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    if (!*s || *s == '-') return 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (*end) return 0;
    *v = (uint64_t)x;
    return 1;
}

static int parse_real(const char *s, double *v)
{
    char *end;
    double x = strtod(s, &end);
    if (end == s || *end) return 0;
    *v = x;
    return 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int fail(const char *fmt, ...) IMRX_PRINTF(1, 2);
static int fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("imrx gen: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return IMRX_EXIT_USAGE;
}

int imrx_cmd_gen(int argc, char **argv)
{
    enum {
        OPT_SEED = 2000,
        OPT_COUNT,
        OPT_START,
        OPT_OUT,
        OPT_FLAT,
        OPT_UPHOLD,
        OPT_ITEMS,
        OPT_LAYOUTS,
        OPT_RENDER,
        OPT_CATS,
        OPT_YEARS,
        OPT_PARTIAL,
        OPT_EXPEDITED,
        OPT_NOISE,
        OPT_CLEAN
    };
    static const struct option longopts[] = {
        {"seed", required_argument, NULL, OPT_SEED},
        {"count", required_argument, NULL, OPT_COUNT},
        {"start", required_argument, NULL, OPT_START},
        {"out", required_argument, NULL, OPT_OUT},
        {"flat", no_argument, NULL, OPT_FLAT},
        {"uphold-rate", required_argument, NULL, OPT_UPHOLD},
        {"items-mean", required_argument, NULL, OPT_ITEMS},
        {"layouts", required_argument, NULL, OPT_LAYOUTS},
        {"renderings", required_argument, NULL, OPT_RENDER},
        {"categories", required_argument, NULL, OPT_CATS},
        {"years", required_argument, NULL, OPT_YEARS},
        {"partial-rate", required_argument, NULL, OPT_PARTIAL},
        {"expedited-rate", required_argument, NULL, OPT_EXPEDITED},
        {"noise", required_argument, NULL, OPT_NOISE},
        {"clean", no_argument, NULL, OPT_CLEAN},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    imrx_gen_config_t cfg;
    imrx_gen_config_default(&cfg);
    uint64_t count = 0, start = 0;
    int have_count = 0, flat = 0, quiet = 0;
    const char *out = NULL;
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1;) {
        switch (c) {
        case OPT_SEED:
            if (!parse_u64(optarg, &cfg.seed))
                return fail("--seed wants a whole number, not '%s'", optarg);
            break;
        case OPT_COUNT:
            if (!parse_u64(optarg, &count) || count == 0 || count > 1000000000ULL)
                return fail("--count wants a number of letters from 1 to 10^9, not '%s'", optarg);
            have_count = 1;
            break;
        case OPT_START:
            if (!parse_u64(optarg, &start) || start > 1000000000000ULL)
                return fail("--start wants a letter number (0 or more), not '%s'", optarg);
            break;
        case OPT_OUT:
            out = optarg;
            break;
        case OPT_FLAT:
            flat = 1;
            break;
        case OPT_UPHOLD:
            if (!parse_real(optarg, &cfg.uphold_rate))
                return fail("--uphold-rate wants a number, not '%s'", optarg);
            break;
        case OPT_ITEMS:
            if (!parse_real(optarg, &cfg.items_mean))
                return fail("--items-mean wants a number, not '%s'", optarg);
            break;
        case OPT_LAYOUTS:
            if (imrx_gen_parse_layouts(&cfg, optarg))
                return fail("--layouts wants weights such as A=0.7,B=0.1,C=0.1,D=0.1, not '%s'",
                            optarg);
            break;
        case OPT_RENDER:
            if (imrx_gen_parse_renderings(&cfg, optarg))
                return fail("--renderings wants weights such as layout=0.5,raw=0.3,headerless=0.2, "
                            "not '%s'",
                            optarg);
            break;
        case OPT_CATS:
            if (imrx_gen_parse_categories(&cfg, optarg))
                return fail("--categories wants weights by gold category name, e.g. "
                            "pharmaceuticals=40,surgery=5, not '%s'",
                            optarg);
            break;
        case OPT_YEARS:
            if (imrx_gen_parse_years(&cfg, optarg))
                return fail("--years wants a year or a range such as 2013-2024, not '%s'", optarg);
            break;
        case OPT_PARTIAL:
            if (!parse_real(optarg, &cfg.partial_rate))
                return fail("--partial-rate wants a number, not '%s'", optarg);
            break;
        case OPT_EXPEDITED:
            if (!parse_real(optarg, &cfg.expedited_rate))
                return fail("--expedited-rate wants a number, not '%s'", optarg);
            break;
        case OPT_NOISE:
            if (!parse_real(optarg, &cfg.noise))
                return fail("--noise wants a number, not '%s'", optarg);
            break;
        case OPT_CLEAN:
            cfg.noise = 0;
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
    if (optind < argc) return fail("unexpected argument '%s' (see imrx gen --help)", argv[optind]);
    if (!have_count) return fail("%s", "--count N is required (see imrx gen --help)");
    if (!out || !*out) return fail("%s", "--out DIR, --out FILE.tar or --out - is required");
    const char *bad = imrx_gen_config_check(&cfg);
    if (bad) return fail("%s", bad);

    char err[512];
    imrx_gen_sink_t *sink = imrx_gen_sink_open(out, flat, err, sizeof err);
    if (!sink) return fail("%s", err);
    imrx_gen_t *g = imrx_gen_new(&cfg);
    imrx_gen_truth_t *truth = imrx_gen_truth_new();
    if (!g || !truth) {
        imrx_gen_free(g);
        imrx_gen_truth_free(truth);
        imrx_gen_sink_abandon(sink);
        return fail("%s", "out of memory");
    }
    imrx_progress_t progress;
    imrx_progress_init(&progress, quiet);
    progress.total = count; /* known: the ETA is right from the start */
    imrx_run_stats_t stats = {0};
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    double t0 = now(), last = t0;
    imrx_status_t st = IMRX_OK;
    for (uint64_t i = start; i < start + count && !interrupted; i++) {
        imrx_gen_output_t o;
        st = imrx_gen_letter(g, i, &o);
        if (st == IMRX_OK) st = imrx_gen_sink_put(sink, i, &o);
        if (st != IMRX_OK) break;
        imrx_gen_truth_add(truth, o.letter);
        stats.letters++;
        stats.items += (uint64_t)imrx_gen_letter_items(o.letter);
        stats.bytes += o.text_len;
        if ((stats.letters & 255) == 0 && progress.enabled) {
            double t = now();
            if (t - last >= 0.25) {
                stats.seconds = t - t0;
                imrx_progress_update(&progress, &stats, 0);
                last = t;
            }
        }
    }
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    int code = IMRX_EXIT_OK;
    if (st != IMRX_OK || interrupted) {
        imrx_gen_sink_abandon(sink);
        if (interrupted) {
            fprintf(stderr, "imrx gen: interrupted after %llu letters\n",
                    (unsigned long long)stats.letters);
            code = 130;
        } else {
            fprintf(stderr, "imrx gen: %s\n",
                    st == IMRX_ENOMEM ? "out of memory" : "writing the output failed (disk full?)");
            code = IMRX_EXIT_USAGE;
        }
    } else {
        imrx_buf_t tj;
        imrx_buf_init(&tj);
        imrx_gen_truth_json(truth, &cfg, start, count, &tj);
        if (tj.failed || imrx_gen_sink_close(sink, tj.data, tj.len, err, sizeof err) != IMRX_OK) {
            fprintf(stderr, "imrx gen: %s\n", tj.failed ? "out of memory" : err);
            code = IMRX_EXIT_USAGE;
        }
        imrx_buf_free(&tj);
    }
    stats.seconds = now() - t0;
    if (code == IMRX_EXIT_OK) imrx_progress_update(&progress, &stats, 1);
    imrx_gen_truth_free(truth);
    imrx_gen_free(g);
    return code;
}
