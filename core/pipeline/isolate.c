/* The request/response protocol between a worker thread and its child process, over two pipes:
 *   request:  "IMRQ", u32 kind (0 path, 1 bytes), u32 is_pdf, u32 name length, u64 data length,
 *             name, data (the path, or the letter's bytes)
 *   response: "IMRS", u32 failed, u32 items, u64 input bytes, u64 JSON length, JSON,
 *             then the result's one-line error (`why`, fixed size, NUL-padded)
 * Integers in host order: both ends are the same binary on the same machine. */
#include "pipeline/isolate.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads n bytes before the deadline (monotonic seconds; 0: none). 0 ok, -1 EOF/error, -2 timeout.
 */
static int read_all(int fd, void *p, size_t n, double deadline)
{
    char *c = p;
    while (n) {
        if (deadline > 0) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            double left = deadline - ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
            if (left <= 0) return -2;
            struct pollfd pfd = {.fd = fd, .events = POLLIN};
            int r = poll(&pfd, 1, (int)(left * 1000) + 1);
            if (r < 0 && errno == EINTR) continue;
            if (r == 0) return -2;
        }
        ssize_t got = read(fd, c, n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        c += got;
        n -= (size_t)got;
    }
    return 0;
}

static void bury(imrx_isolate_t *iso, int timed_out, char *why, size_t why_len);

imrx_status_t imrx_isolate_start(imrx_isolate_t *iso, const imrx_isolate_config_t *cfg,
                                 imrx_diag_t *diag)
{
    iso->cfg = cfg;
    int in[2], out[2];
    if (pipe(in) != 0) return IMRX_EIO;
    if (pipe(out) != 0) {
        close(in[0]);
        close(in[1]);
        return IMRX_EIO;
    }
    const char *argv[64];
    int n = 0;
    argv[n++] = "imrx";
    argv[n++] = "__worker";
    for (int i = 0; cfg->child_args && cfg->child_args[i] && n < 62; i++)
        argv[n++] = cfg->child_args[i];
    argv[n] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    int rc = posix_spawn(&iso->pid, "/proc/self/exe", &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    if (rc != 0) {
        close(in[1]);
        close(out[0]);
        imrx_diag(diag, IMRX_LOG_ERROR, NULL, "cannot start an isolated worker: %s", strerror(rc));
        return IMRX_ERR;
    }
    iso->to_child = in[1];
    iso->from_child = out[0];
    /* The child says "IMRR" once its plugins are loaded: a child that cannot start fails here,
     * once, instead of on every letter. */
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    char ready[4];
    if (read_all(iso->from_child, ready, 4, (double)ts.tv_sec + 60.0) != 0 ||
        memcmp(ready, "IMRR", 4) != 0) {
        char why[300];
        bury(iso, 1, why, sizeof why);
        imrx_diag(diag, IMRX_LOG_ERROR, NULL,
                  "an isolated worker did not start (its plugins failed to load: see above)");
        return IMRX_ERR;
    }
    return IMRX_OK;
}

void imrx_isolate_stop(imrx_isolate_t *iso)
{
    if (iso->pid <= 0) return;
    close(iso->to_child);
    close(iso->from_child);
    int status;
    /* Closing its input ends the child; one that does not end is killed. */
    for (int i = 0; i < 50 && waitpid(iso->pid, &status, WNOHANG) == 0; i++) usleep(10000);
    if (waitpid(iso->pid, &status, WNOHANG) == 0) {
        kill(iso->pid, SIGKILL);
        waitpid(iso->pid, &status, 0);
    }
    iso->pid = 0;
}

/* Kills and reaps the child; describes how it ended. */
static void bury(imrx_isolate_t *iso, int timed_out, char *why, size_t why_len)
{
    int status = 0;
    if (timed_out) kill(iso->pid, SIGKILL);
    close(iso->to_child);
    close(iso->from_child);
    if (!timed_out) {
        /* It may still be finishing its exit. */
        for (int i = 0; i < 100 && waitpid(iso->pid, &status, WNOHANG) == 0; i++) usleep(10000);
        kill(iso->pid, SIGKILL);
    }
    waitpid(iso->pid, &status, 0);
    iso->pid = 0;
    if (timed_out)
        snprintf(why, why_len,
                 "the plugins took longer than %.0f s on this letter and were stopped (--isolate; "
                 "raise the limit with --timeout)",
                 iso->cfg->timeout);
    else if (WIFSIGNALED(status))
        snprintf(why, why_len, "the plugins crashed on this letter (signal %d: %s) (--isolate)",
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(why, why_len, "the isolated worker ended on this letter (exit status %d)",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

imrx_status_t imrx_isolate_process(imrx_isolate_t *iso, const imrx_input_t *in, imrx_buf_t *json,
                                   imrx_letter_result_t *res, char *why, size_t why_len)
{
    if (iso->pid <= 0) {
        imrx_diag_t quiet;
        imrx_diag_init(&quiet, NULL, NULL);
        imrx_status_t st = imrx_isolate_start(iso, iso->cfg, &quiet);
        imrx_diag_destroy(&quiet);
        if (st != IMRX_OK) {
            snprintf(why, why_len, "cannot restart the isolated worker");
            return IMRX_ERR;
        }
        iso->restarts++;
    }
    uint32_t hdr[3] = {in->kind == IMRX_IN_FILE ? 0u : 1u, (uint32_t)in->is_pdf,
                       (uint32_t)strlen(in->name)};
    const void *data = in->kind == IMRX_IN_FILE ? (const void *)in->path : (const void *)in->bytes;
    uint64_t len = in->kind == IMRX_IN_FILE ? strlen(in->path) : in->len;
    if (write_all(iso->to_child, "IMRQ", 4) || write_all(iso->to_child, hdr, sizeof hdr) ||
        write_all(iso->to_child, &len, sizeof len) || write_all(iso->to_child, in->name, hdr[2]) ||
        write_all(iso->to_child, data, len)) {
        bury(iso, 0, why, why_len);
        return IMRX_ERR;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double deadline = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 + iso->cfg->timeout;
    char magic[4];
    uint32_t r[2];
    uint64_t sizes[2];
    int rc = read_all(iso->from_child, magic, 4, deadline);
    if (!rc) rc = read_all(iso->from_child, r, sizeof r, deadline);
    if (!rc) rc = read_all(iso->from_child, sizes, sizeof sizes, deadline);
    if (!rc && (memcmp(magic, "IMRS", 4) != 0 || sizes[1] > (1u << 30))) rc = -1;
    if (!rc) {
        imrx_buf_clear(json);
        if (imrx_buf_reserve(json, sizes[1] + 1) != IMRX_OK)
            rc = -1;
        else
            rc = read_all(iso->from_child, json->data, sizes[1], deadline);
        if (!rc) {
            json->len = sizes[1];
            json->data[json->len] = '\0';
            rc = read_all(iso->from_child, res->why, sizeof res->why, deadline);
            res->why[sizeof res->why - 1] = '\0';
        }
    }
    if (rc) {
        bury(iso, rc == -2, why, why_len);
        return IMRX_ERR;
    }
    res->failed = (int)r[0];
    res->items = r[1];
    res->bytes = sizes[0];
    return IMRX_OK;
}

int imrx_isolate_serve(imrx_worker_t *w, int provenance)
{
    if (write_all(1, "IMRR", 4)) return 1;
    imrx_buf_t data, out;
    imrx_buf_init(&data);
    imrx_buf_init(&out);
    char *name = NULL;
    for (;;) {
        char magic[4];
        uint32_t hdr[3];
        uint64_t len;
        if (read_all(0, magic, 4, 0) || memcmp(magic, "IMRQ", 4) != 0) break;
        if (read_all(0, hdr, sizeof hdr, 0) || read_all(0, &len, sizeof len, 0)) break;
        if (hdr[2] > 65536 || len > ((uint64_t)1 << 34)) break;
        free(name);
        name = malloc(hdr[2] + 1);
        imrx_buf_clear(&data);
        if (!name || imrx_buf_reserve(&data, len + 1) != IMRX_OK) break;
        if (read_all(0, name, hdr[2], 0) || read_all(0, data.data, len, 0)) break;
        name[hdr[2]] = '\0';
        data.len = len;
        data.data[len] = '\0';
        imrx_input_t in = {
            .kind = hdr[0] ? IMRX_IN_BYTES : IMRX_IN_FILE, .name = name, .is_pdf = (int)hdr[1]};
        if (hdr[0])
            in.bytes = (unsigned char *)data.data, in.len = len;
        else
            in.path = data.data;
        imrx_letter_result_t res = imrx_worker_process(w, &in);
        imrx_buf_clear(&out);
        imrx_worker_write_json(w, provenance, &out);
        uint32_t r[2] = {(uint32_t)res.failed, res.items};
        uint64_t sizes[2] = {res.bytes, out.len};
        if (write_all(1, "IMRS", 4) || write_all(1, r, sizeof r) ||
            write_all(1, sizes, sizeof sizes) || write_all(1, out.data, out.len) ||
            write_all(1, res.why, sizeof res.why))
            break;
    }
    free(name);
    imrx_buf_free(&data);
    imrx_buf_free(&out);
    return 0;
}
