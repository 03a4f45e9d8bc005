/* What the end-to-end suites of imrx extract share: a temporary folder per test, files
 * written into it, and the JSON Lines they get back. */
#ifndef IMRX_TEST_EXTRACT_RUN_H
#define IMRX_TEST_EXTRACT_RUN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static char tmp[64];

static inline void setup(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/imrx-extract-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static inline void teardown(void)
{
    t_sh(NULL, "rm -rf %s", tmp);
}

static inline void write_file(const char *name, const void *data, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    FILE *fp = fopen(path, "wb");
    cr_assert_not_null(fp);
    fwrite(data, 1, n, fp);
    fclose(fp);
}

/* Parses JSON Lines; returns the number of records and keeps them in `recs`. */
static inline size_t parse_lines(const char *text, json_t **recs, size_t max)
{
    size_t n = 0;
    for (const char *p = text; *p && n < max;) {
        const char *nl = strchr(p, '\n');
        cr_assert_not_null(nl, "every record ends with a newline");
        json_error_t err;
        recs[n] = json_loadb(p, (size_t)(nl - p), 0, &err);
        cr_assert_not_null(recs[n], "line %zu is JSON: %s", n + 1, err.text);
        n++;
        p = nl + 1;
    }
    return n;
}

static inline json_t *find_source(json_t **recs, size_t n, const char *suffix)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = t_str(recs[i], "source");
        size_t a = strlen(s), b = strlen(suffix);
        if (a >= b && strcmp(s + a - b, suffix) == 0) return recs[i];
    }
    cr_assert_fail("no record for %s", suffix);
    return NULL;
}

#endif
