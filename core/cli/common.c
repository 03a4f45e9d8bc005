#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int imrx_plugin_cli_option(imrx_plugin_cli_t *pc, int opt, const char *arg)
{
    switch (opt) {
    case IMRX_OPT_PLUGIN_DIR:
        if (pc->dir_count == sizeof pc->dirs / sizeof pc->dirs[0]) {
            fprintf(stderr, "imrx: too many --plugin-dir options\n");
            return -1;
        }
        pc->dirs[pc->dir_count++] = arg;
        return 1;
    case IMRX_OPT_NO_DEFAULT:
        pc->no_default = 1;
        return 1;
    case IMRX_OPT_PLUGINS:
        pc->only = arg;
        return 1;
    case IMRX_OPT_UNTRUSTED:
        pc->allow_untrusted = 1;
        return 1;
    default:
        return 0;
    }
}

imrx_status_t imrx_cli_engine(imrx_engine_t *e, const imrx_plugin_cli_t *pc, imrx_diag_t *diag)
{
    imrx_loader_options_t lo = {
        .dirs = pc->dirs,
        .dir_count = pc->dir_count,
        .skip_default = pc->no_default,
        .only = pc->only,
        .allow_untrusted = pc->allow_untrusted,
    };
    return imrx_engine_open(e, &lo, diag);
}

void imrx_cli_engine_free(imrx_engine_t *e)
{
    imrx_engine_close(e);
}

size_t imrx_parse_size(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v <= 0) return 0;
    double mult = 1;
    switch (*end) {
    case 'k':
    case 'K':
        mult = 1024;
        end++;
        break;
    case 'm':
    case 'M':
        mult = 1024 * 1024;
        end++;
        break;
    case 'g':
    case 'G':
        mult = 1024.0 * 1024 * 1024;
        end++;
        break;
    default:
        break;
    }
    if (*end == 'B' || *end == 'b') end++;
    if (*end) return 0;
    double bytes = v * mult;
    if (bytes > 64.0 * 1024 * 1024 * 1024) return 0;
    return (size_t)bytes;
}

int imrx_parse_long(const char *cmd, const char *option, const char *what, const char *s, long min,
                    long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < min || v > max) {
        fprintf(stderr, "imrx %s: %s wants %s (not '%s')\n", cmd, option, what, s);
        return 0;
    }
    *out = v;
    return 1;
}

int imrx_parse_jobs(const char *cmd, const char *s, unsigned *threads)
{
    long j;
    if (!imrx_parse_long(cmd, "-j", "a number of threads from 1 to 256", s, 1, 256, &j)) return 0;
    *threads = (unsigned)j;
    return 1;
}

static void *count_letters(void *self)
{
    imrx_progress_t *p = self;
    int64_t n = imrx_sources_count(p->args, p->arg_count, &p->source_options, &p->stop_counting);
    if (n > 0) __atomic_store_n(&p->total, (uint64_t)n, __ATOMIC_RELAXED);
    return NULL;
}

void imrx_progress_count(imrx_progress_t *p, const char *const *args, int count,
                         const imrx_source_options_t *opt)
{
    if (!p->enabled) return;
    p->args = args;
    p->arg_count = count;
    p->source_options = *opt;
    p->counting = pthread_create(&p->counter, NULL, count_letters, p) == 0;
}

void imrx_progress_finish(imrx_progress_t *p)
{
    if (!p->counting) return;
    p->stop_counting = 1;
    pthread_join(p->counter, NULL);
    p->counting = 0;
}

static imrx_progress_t *active_progress;

static void clear_line(void)
{
    if (active_progress && active_progress->line_visible) {
        fputs("\r\033[K", stderr);
        active_progress->line_visible = 0;
    }
}

void imrx_progress_init(imrx_progress_t *p, int quiet)
{
    memset(p, 0, sizeof *p);
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->summary = !quiet;
    active_progress = p;
    imrx_diag_set_stderr_hook(clear_line);
}

void imrx_progress_update(void *self, const imrx_run_stats_t *s, int final)
{
    imrx_progress_t *p = self;
    double secs = s->seconds > 1e-9 ? s->seconds : 1e-9;
    if (!final) {
        if (!p->enabled) return;
        fprintf(stderr, "\r\033[K%llu letters  %.0f/s  %.1f MB/s  %llu errors",
                (unsigned long long)s->letters, (double)s->letters / secs,
                (double)s->bytes / 1e6 / secs, (unsigned long long)s->failed);
        uint64_t total = __atomic_load_n(&p->total, __ATOMIC_RELAXED);
        uint64_t done = s->letters + s->skipped;
        if (total > done && s->letters) {
            double left = (double)(total - done) * secs / (double)s->letters;
            fprintf(stderr, "  ETA %d:%02d", (int)(left / 60), (int)left % 60);
        }
        p->line_visible = 1;
        return;
    }
    clear_line();
    if (!p->summary) return;
    fprintf(stderr, "imrx: %llu letters (%llu with errors), %llu items, %.1f MB in %.2f s",
            (unsigned long long)s->letters, (unsigned long long)s->failed,
            (unsigned long long)s->items, (double)s->bytes / 1e6, s->seconds);
    if (s->skipped)
        fprintf(stderr, ", %llu skipped (already done)", (unsigned long long)s->skipped);
    fputc('\n', stderr);
}
