#include "pipeline/runner.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

unsigned imrx_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef enum { SLOT_EMPTY, SLOT_QUEUED, SLOT_DONE } slot_state_t;

/* Letters a worker takes at a time, at most. */
#define BATCH 8

typedef struct slot {
    slot_state_t state;
    uint64_t seq;
    imrx_input_t input;
    imrx_buf_t out;
    imrx_letter_result_t result;
} slot_t;

typedef struct run {
    const imrx_engine_t *engine;
    const imrx_run_options_t *opt;
    const imrx_run_sink_t *sink;
    imrx_run_stats_t *stats;
    slot_t *slots;
    uint64_t ring; /* number of slots */
    unsigned threads;
    uint64_t produced; /* inputs placed in slots */
    uint64_t taken;    /* inputs taken by workers */
    uint64_t written;  /* results consumed, in order */
    int producer_done;
    int sink_failed;
    unsigned workers_ready, workers_failed;
    uint64_t errors_named;
    imrx_status_t sink_status;
    pthread_mutex_t lock;
    pthread_cond_t work_ready;   /* workers wait for inputs */
    pthread_cond_t result_ready; /* the writer waits for results */
    pthread_cond_t slot_free;    /* the reader waits for room, and for workers to start */
    /* Who is waiting: a condition is signalled only when someone waits on it, so that a run
     * whose queues neither fill nor empty makes no futex calls at all. */
    unsigned idle_workers;
    int writer_waiting, producer_waiting;
    double started, last_progress;
} run_t;

static void account(run_t *r, const char *name, const imrx_letter_result_t *res)
{
    if (res->failed && r->errors_named < r->opt->name_errors) {
        r->errors_named++;
        imrx_diag(r->engine->diag, IMRX_LOG_ERROR, name, "%s",
                  res->why[0] ? res->why : "failed (see its record's error)");
    }
    r->stats->letters++;
    r->stats->failed += res->failed ? 1 : 0;
    r->stats->items += res->items;
    r->stats->bytes += res->bytes;
}

static void maybe_progress(run_t *r, int final)
{
    if (!r->opt->progress) return;
    double t = now();
    if (!final && t - r->last_progress < r->opt->progress_interval) return;
    r->last_progress = t;
    r->stats->seconds = t - r->started;
    r->opt->progress(r->opt->progress_self, r->stats, final);
}

static int should_stop(const run_t *r)
{
    return r->sink_failed || (r->opt->stop && *r->opt->stop);
}

/* -- single thread: no queues at all ------------------------------------------------------- */

static imrx_status_t run_inline(run_t *r, imrx_sources_t *src)
{
    imrx_worker_t w;
    imrx_status_t st = imrx_worker_init(&w, r->engine);
    if (st != IMRX_OK) {
        imrx_worker_free(&w);
        return st;
    }
    imrx_buf_t out;
    imrx_buf_init(&out);
    imrx_input_t in;
    while (!should_stop(r) && imrx_sources_next(src, &in)) {
        if (r->opt->skip && r->opt->skip(r->opt->skip_self, in.name)) {
            r->stats->skipped++;
            imrx_input_clear(&in);
            continue;
        }
        imrx_letter_result_t res = imrx_worker_process(&w, &in);
        imrx_buf_clear(&out);
        r->sink->format(r->sink->self, &w, &out);
        st = r->sink->consume(r->sink->self, in.name, &res, out.data, out.len);
        if (st == IMRX_OK) account(r, in.name, &res);
        imrx_input_clear(&in);
        if (st != IMRX_OK) {
            r->sink_failed = 1;
            r->sink_status = st;
            break;
        }
        maybe_progress(r, 0);
    }
    imrx_buf_free(&out);
    imrx_worker_free(&w);
    return r->sink_failed ? r->sink_status : IMRX_OK;
}

/* -- several threads ----------------------------------------------------------------------- */

typedef struct worker_arg {
    run_t *run;
    imrx_status_t status;
} worker_arg_t;

static void *worker_main(void *p)
{
    worker_arg_t *arg = p;
    run_t *r = arg->run;
    imrx_worker_t w;
    arg->status = imrx_worker_init(&w, r->engine);
    pthread_mutex_lock(&r->lock);
    r->workers_ready++;
    if (arg->status != IMRX_OK) r->workers_failed++;
    pthread_cond_broadcast(&r->slot_free);
    pthread_mutex_unlock(&r->lock);
    for (;;) {
        pthread_mutex_lock(&r->lock);
        while (r->taken == r->produced && !r->producer_done) {
            r->idle_workers++;
            pthread_cond_wait(&r->work_ready, &r->lock);
            r->idle_workers--;
        }
        if (r->taken == r->produced) {
            pthread_mutex_unlock(&r->lock);
            break;
        }
        /* A few letters at a time (a fair share of what is queued): fewer trips through the
         * lock, which all threads share. */
        uint64_t n = (r->produced - r->taken) / r->threads;
        n = n < 1 ? 1 : n > BATCH ? BATCH : n;
        uint64_t first = r->taken;
        r->taken += n;
        pthread_mutex_unlock(&r->lock);

        for (uint64_t q = first; q < first + n; q++) {
            slot_t *s = &r->slots[q % r->ring];
            imrx_buf_clear(&s->out);
            s->result = imrx_worker_process(&w, &s->input);
            r->sink->format(r->sink->self, &w, &s->out);
        }
        pthread_mutex_lock(&r->lock);
        for (uint64_t q = first; q < first + n; q++) r->slots[q % r->ring].state = SLOT_DONE;
        /* In input order the writer can use only the slot it waits for. */
        if (r->writer_waiting &&
            (r->opt->unordered || (r->written >= first && r->written < first + n)))
            pthread_cond_signal(&r->result_ready);
        pthread_mutex_unlock(&r->lock);
    }
    imrx_worker_free(&w);
    return NULL;
}

/* The slots the writer may consume now (at most `cap`): in input order, the done ones from
 * the front; unordered, every done one. */
static size_t ready_slots(run_t *r, slot_t **out, size_t cap)
{
    size_t n = 0;
    for (uint64_t q = r->written; q < r->produced && q < r->written + r->ring && n < cap; q++) {
        slot_t *s = &r->slots[q % r->ring];
        if (s->state == SLOT_DONE)
            out[n++] = s;
        else if (!r->opt->unordered)
            break;
    }
    return n;
}

static void *writer_main(void *p)
{
    run_t *r = p;
    slot_t *batch[4 * BATCH];
    for (;;) {
        pthread_mutex_lock(&r->lock);
        size_t n;
        while (!(n = ready_slots(r, batch, sizeof batch / sizeof batch[0])) &&
               !(r->producer_done && r->written == r->produced)) {
            r->writer_waiting = 1;
            pthread_cond_wait(&r->result_ready, &r->lock);
            r->writer_waiting = 0;
        }
        pthread_mutex_unlock(&r->lock);
        if (!n) break;

        for (size_t i = 0; i < n; i++) {
            slot_t *s = batch[i];
            if (!r->sink_failed) {
                imrx_status_t st = r->sink->consume(r->sink->self, s->input.name, &s->result,
                                                    s->out.data, s->out.len);
                if (st != IMRX_OK) {
                    r->sink_failed = 1;
                    r->sink_status = st;
                } else {
                    account(r, s->input.name, &s->result);
                    maybe_progress(r, 0);
                }
            }
            imrx_input_clear(&s->input);
        }

        pthread_mutex_lock(&r->lock);
        for (size_t i = 0; i < n; i++) batch[i]->state = SLOT_EMPTY;
        /* Slots are reused in ring order: advance over every consumed one at the front. */
        while (r->written < r->produced && r->slots[r->written % r->ring].state == SLOT_EMPTY)
            r->written++;
        if (r->producer_waiting) pthread_cond_signal(&r->slot_free);
        pthread_mutex_unlock(&r->lock);
    }
    return NULL;
}

static imrx_status_t run_threads(run_t *r, imrx_sources_t *src, unsigned threads)
{
    r->threads = threads;
    r->ring = (uint64_t)threads * 4 * BATCH + 4 * BATCH; /* room to smooth out slow letters */
    r->slots = calloc(r->ring, sizeof *r->slots);
    pthread_t *tids = calloc(threads, sizeof *tids);
    worker_arg_t *args = calloc(threads, sizeof *args);
    if (!r->slots || !tids || !args) {
        free(r->slots);
        free(tids);
        free(args);
        return IMRX_ENOMEM;
    }
    for (uint64_t i = 0; i < r->ring; i++) imrx_buf_init(&r->slots[i].out);
    pthread_t writer;
    unsigned started = 0;
    for (; started < threads; started++) {
        args[started].run = r;
        if (pthread_create(&tids[started], NULL, worker_main, &args[started]) != 0) break;
    }
    int writer_started = started > 0 && pthread_create(&writer, NULL, writer_main, r) == 0;
    /* Every worker must be ready (plugins' thread_init) before the first letter goes out, so a
     * worker that cannot start stops the run instead of leaving letters without records. */
    pthread_mutex_lock(&r->lock);
    while (r->workers_ready < started) pthread_cond_wait(&r->slot_free, &r->lock);
    int workers_ok = r->workers_failed == 0 && started == threads;
    pthread_mutex_unlock(&r->lock);
    if (!workers_ok) writer_started = writer_started ? -1 : 0;

    imrx_input_t in;
    while (writer_started == 1 && !should_stop(r) && imrx_sources_next(src, &in)) {
        if (r->opt->skip && r->opt->skip(r->opt->skip_self, in.name)) {
            pthread_mutex_lock(&r->lock);
            r->stats->skipped++;
            pthread_mutex_unlock(&r->lock);
            imrx_input_clear(&in);
            continue;
        }
        pthread_mutex_lock(&r->lock);
        while (r->produced - r->written >= r->ring ||
               r->slots[r->produced % r->ring].state != SLOT_EMPTY) {
            r->producer_waiting = 1;
            pthread_cond_wait(&r->slot_free, &r->lock);
            r->producer_waiting = 0;
        }
        slot_t *s = &r->slots[r->produced % r->ring];
        s->input = in;
        s->seq = r->produced;
        s->state = SLOT_QUEUED;
        r->produced++;
        if (r->idle_workers) pthread_cond_signal(&r->work_ready);
        pthread_mutex_unlock(&r->lock);
    }
    pthread_mutex_lock(&r->lock);
    r->producer_done = 1;
    pthread_cond_broadcast(&r->work_ready);
    pthread_cond_broadcast(&r->result_ready);
    pthread_mutex_unlock(&r->lock);

    for (unsigned i = 0; i < started; i++) pthread_join(tids[i], NULL);
    if (writer_started != 0) pthread_join(writer, NULL);
    imrx_status_t st = writer_started == 1 ? IMRX_OK : IMRX_ERR;
    for (unsigned i = 0; i < started; i++)
        if (args[i].status != IMRX_OK) st = args[i].status;
    if (r->sink_failed) st = r->sink_status;
    for (uint64_t i = 0; i < r->ring; i++) {
        imrx_input_clear(&r->slots[i].input);
        imrx_buf_free(&r->slots[i].out);
    }
    free(r->slots);
    free(tids);
    free(args);
    return st;
}

imrx_status_t imrx_run(const imrx_engine_t *e, imrx_sources_t *src, const imrx_run_options_t *opt,
                       const imrx_run_sink_t *sink, imrx_run_stats_t *stats)
{
    memset(stats, 0, sizeof *stats);
    run_t r = {.engine = e, .opt = opt, .sink = sink, .stats = stats};
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.work_ready, NULL);
    pthread_cond_init(&r.result_ready, NULL);
    pthread_cond_init(&r.slot_free, NULL);
    r.started = r.last_progress = now();
    unsigned threads = opt->threads ? opt->threads : imrx_cpu_count();
    imrx_status_t st = threads <= 1 ? run_inline(&r, src) : run_threads(&r, src, threads);
    stats->seconds = now() - r.started;
    if (stats->failed > r.errors_named && r.errors_named)
        imrx_diag(e->diag, IMRX_LOG_ERROR, NULL,
                  "%llu more letters with errors (each has a record with an \"error\")",
                  (unsigned long long)(stats->failed - r.errors_named));
    maybe_progress(&r, 1);
    pthread_cond_destroy(&r.work_ready);
    pthread_cond_destroy(&r.result_ready);
    pthread_cond_destroy(&r.slot_free);
    pthread_mutex_destroy(&r.lock);
    return st;
}
