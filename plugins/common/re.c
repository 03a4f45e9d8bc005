/* Compiling the plugins' patterns and running them (re.h); the searches that read key words
 * before PCRE2 is tried are in re_keys.c. */
#include "re.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "re_internal.h"
#include "text.h"

uint64_t imrx_re_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The pattern with each \G (true only where a search starts) made never true, for attempts a
 * search from an earlier place would make; NULL when it has none (or no memory: callers then
 * take the plain search). Escapes are skipped whole, so "\\G" (a backslash and a G) stays. */
char *imrx_re_without_start_assertion(const char *pattern)
{
    size_t n = 0, g = 0;
    for (const char *p = pattern; *p; p++, n++)
        if (*p == '\\' && p[1]) {
            g += p[1] == 'G';
            p++, n++;
        }
    if (!g) return NULL;
    char *out = malloc(n + 3 * g + 1), *o = out;
    if (!out) return NULL;
    for (const char *p = pattern; *p; p++) {
        if (*p == '\\' && p[1] == 'G') {
            memcpy(o, "(?!)", 4), o += 4, p++;
            continue;
        }
        if (*p == '\\' && p[1]) *o++ = *p++;
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

imrx_status_t imrx_re_compile(imrx_re_t *re, const char *pattern, uint32_t options,
                              const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    int err;
    PCRE2_SIZE off;
    uint32_t opts = imrx_re_compile_options(options);
    re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        if (api)
            api->log(ctx, IMRX_LOG_ERROR, "pattern error at %zu: %s in /%s/", (size_t)off,
                     (char *)msg, pattern);
        return IMRX_EINVAL;
    }
    /* Without JIT (some platforms, or IMRX_NO_JIT=1 for valgrind, which cannot follow JIT code)
     * the interpreter is used: slower, same answers. */
    int jit = !getenv("IMRX_NO_JIT");
    re->code_jit = jit && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
    re->anchored = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts | PCRE2_ANCHORED,
                                 &err, &off, NULL);
    re->anchored_jit =
        re->anchored && jit && pcre2_jit_compile(re->anchored, PCRE2_JIT_COMPLETE) == 0;
    re->anchored_inside = NULL;
    re->anchored_inside_jit = 0;
    char *inside = imrx_re_without_start_assertion(pattern);
    if (inside) {
        re->anchored_inside = pcre2_compile((PCRE2_SPTR)inside, PCRE2_ZERO_TERMINATED,
                                            opts | PCRE2_ANCHORED, &err, &off, NULL);
        re->anchored_inside_jit = re->anchored_inside && jit &&
                                  pcre2_jit_compile(re->anchored_inside, PCRE2_JIT_COMPLETE) == 0;
        free(inside);
    }
    re->split = NULL;
    re->verify = getenv("IMRX_RE_VERIFY") != NULL;
    re->profile = NULL;
    if (getenv("IMRX_RE_PROFILE") && (re->profile = calloc(1, sizeof *re->profile)))
        snprintf(re->profile->what, sizeof re->profile->what, "%s", pattern);
    return IMRX_OK;
}

void imrx_re_free(imrx_re_t *re)
{
    if (re->profile) {
        struct imrx_re_profile *p = re->profile;
        Dl_info so = {0};
        dladdr((void *)imrx_re_free, &so); /* each plugin links its own copy: names the plugin */
        const char *name = so.dli_fname ? strrchr(so.dli_fname, '/') : NULL;
        fprintf(stderr, "re-profile %10.1f ms %9llu calls %9llu hits %-16s %s\n",
                (double)atomic_load(&p->ns) / 1e6, (unsigned long long)atomic_load(&p->calls),
                (unsigned long long)atomic_load(&p->hits), name ? name + 1 : "?", p->what);
        free(p);
        re->profile = NULL;
    }
    pcre2_code_free(re->code);
    pcre2_code_free(re->anchored);
    pcre2_code_free(re->anchored_inside);
    imrx_re_split_free(re->split);
    re->split = NULL;
    re->code = re->anchored = re->anchored_inside = NULL;
}

imrx_status_t imrx_re_scratch_init(imrx_re_scratch_t *s)
{
    s->rc = 0;
    s->limit_hits = 0;
    s->md = pcre2_match_data_create(20, NULL);
    s->mc = pcre2_match_context_create(NULL);
    s->key_cache = imrx_re_key_cache_new();
    if (!s->md || !s->mc || !s->key_cache) {
        imrx_re_scratch_free(s);
        return IMRX_ENOMEM;
    }
    pcre2_set_match_limit(s->mc, 1000000);
    pcre2_set_depth_limit(s->mc, 10000);
    return IMRX_OK;
}

void imrx_re_report_limits(imrx_re_scratch_t *s, const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    if (!s->limit_hits) return;
    api->warn(ctx, imrx_span(0, 0),
              "%u pattern searches stopped at PCRE2's match limits on this letter and counted "
              "as no match; fields may be missing",
              (unsigned)s->limit_hits);
    s->limit_hits = 0;
}

void imrx_re_scratch_free(imrx_re_scratch_t *s)
{
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mc);
    free(s->key_cache);
    s->md = NULL;
    s->mc = NULL;
    s->key_cache = NULL;
}

/* `jit`: the code is JIT-compiled, so pcre2_jit_match (the same matcher, without pcre2_match's
 * checks on every call: ~100 searches a letter) can take it; never with options at match time. */
int imrx_re_run(const pcre2_code *code, int jit, imrx_re_scratch_t *s, const char *text,
                size_t start, size_t end, uint32_t opts)
{
    if (start > end) return 0;
    int rc = jit && !opts ? pcre2_jit_match(code, (PCRE2_SPTR)text, end, start, 0, s->md, s->mc)
                          : pcre2_match(code, (PCRE2_SPTR)text, end, start,
                                        opts | PCRE2_NO_UTF_CHECK, s->md, s->mc);
    s->rc = rc > 0 ? rc : 0;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        s->limit_hits++;
    if (rc < 0) return rc;
    return 1;
}

/* IMRX_RE_PROFILE: one search of `re` that began at t0 and returned rc. */
void imrx_re_profile_count(const imrx_re_t *re, uint64_t t0, int rc)
{
    atomic_fetch_add(&re->profile->ns, imrx_re_now_ns() - t0);
    atomic_fetch_add(&re->profile->calls, 1);
    if (rc > 0) atomic_fetch_add(&re->profile->hits, 1);
}

static int profiled(const imrx_re_t *re, const pcre2_code *code, int jit, imrx_re_scratch_t *s,
                    const char *text, size_t start, size_t end, uint32_t opts)
{
    uint64_t t0 = imrx_re_now_ns();
    int rc = imrx_re_run(code, jit, s, text, start, end, opts);
    imrx_re_profile_count(re, t0, rc);
    return rc;
}

int imrx_re_find(const imrx_re_t *re, imrx_re_scratch_t *s, const char *text, size_t start,
                 size_t end)
{
    if (re->profile) return profiled(re, re->code, re->code_jit, s, text, start, end, 0);
    return imrx_re_run(re->code, re->code_jit, s, text, start, end, 0);
}

int imrx_re_at(const imrx_re_t *re, imrx_re_scratch_t *s, const char *text, size_t start,
               size_t end)
{
    if (re->anchored) {
        if (re->profile)
            return profiled(re, re->anchored, re->anchored_jit, s, text, start, end, 0);
        return imrx_re_run(re->anchored, re->anchored_jit, s, text, start, end, 0);
    }
    return imrx_re_run(re->code, re->code_jit, s, text, start, end, PCRE2_ANCHORED);
}
