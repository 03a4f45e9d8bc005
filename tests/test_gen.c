/* imrx gen: the same seed gives the same bytes, letters depend on nothing but (seed, index),
 * memory stays bounded, and the gold of every letter describes that letter. */
#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

static char tmp[64];

static void setup(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/imrx-gen-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void teardown(void)
{
    t_sh(NULL, "rm -rf %s", tmp);
}

TestSuite(gen, .init = setup, .fini = teardown, .timeout = 120);

static int gen(const char *args)
{
    return t_sh(NULL, "%s gen -q %s 2>/dev/null", IMRX_BINARY, args);
}

static char *sh_out(const char *fmt, ...) IMRX_PRINTF(1, 2);
static char *sh_out(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    char *out = NULL;
    t_sh(&out, "%s", cmd);
    return out;
}

Test(gen, same_seed_same_bytes_other_seed_other_bytes)
{
    char args[256];
    snprintf(args, sizeof args, "--seed 42 --count 400 --out %s/a.tar", tmp);
    cr_assert_eq(gen(args), 0);
    snprintf(args, sizeof args, "--seed 42 --count 400 --out %s/b.tar", tmp);
    cr_assert_eq(gen(args), 0);
    snprintf(args, sizeof args, "--seed 43 --count 400 --out %s/c.tar", tmp);
    cr_assert_eq(gen(args), 0);
    cr_assert_eq(t_sh(NULL, "cmp -s %s/a.tar %s/b.tar", tmp, tmp), 0, "same seed, same tar");
    cr_assert_eq(t_sh(NULL, "%s gen -q --seed 42 --count 400 --out - > %s/d.tar", IMRX_BINARY, tmp),
                 0);
    cr_assert_eq(t_sh(NULL, "cmp -s %s/a.tar %s/d.tar", tmp, tmp), 0, "a pipe gets the same bytes");
    cr_assert_neq(t_sh(NULL, "cmp -s %s/a.tar %s/c.tar", tmp, tmp), 0, "other seed, other tar");
    char *sum_a = sh_out("sha256sum < %s/a.tar%s", tmp, "");
    char *sum_b = sh_out("sha256sum < %s/b.tar%s", tmp, "");
    cr_assert_str_eq(sum_a, sum_b);
    cr_log_info("400 letters, seed 42: sha256 %.16s...", sum_a);
    free(sum_a);
    free(sum_b);
    /* No partial file is left behind; members: letter then gold, truth.json last. */
    cr_assert_neq(access("a.tar.partial", F_OK), 0);
    char *list = sh_out("tar -tf %s/a.tar%s", tmp, "");
    cr_assert(strncmp(list,
                      "letters/0000/GEN-42-0000000.txt\ngold/0000/GEN-42-0000000.json\n"
                      "letters/0000/GEN-42-0000001.txt\n",
                      94) == 0,
              "members in order: %.120s", list);
    size_t n = 0;
    for (char *p = list; (p = strchr(p, '\n')); p++) n++;
    cr_assert_eq(n, 801, "400 letters, 400 gold files and truth.json");
    size_t len = strlen(list);
    cr_assert(len > 11 && strcmp(list + len - 11, "truth.json\n") == 0);
    free(list);
}

Test(gen, letters_depend_only_on_seed_and_index)
{
    char args[256];
    snprintf(args, sizeof args, "--seed 5 --count 60 --out %s/all", tmp);
    cr_assert_eq(gen(args), 0);
    snprintf(args, sizeof args, "--seed 5 --start 1990 --count 20 --out %s/part", tmp);
    cr_assert_eq(gen(args), 0);
    snprintf(args, sizeof args, "--seed 5 --start 1990 --count 60 --out %s/all2", tmp);
    cr_assert_eq(gen(args), 0);
    /* Letters 1990..2009 of a 60-letter run from 1990 equal those of a 20-letter run. */
    for (int i = 1990; i < 2010; i++) {
        char a[256], b[256];
        snprintf(a, sizeof a, "%s/part/letters/%04d/GEN-5-%07d.txt", tmp, i / 1000, i);
        snprintf(b, sizeof b, "%s/all2/letters/%04d/GEN-5-%07d.txt", tmp, i / 1000, i);
        cr_assert_eq(t_sh(NULL, "cmp -s %s %s", a, b), 0, "letter %d", i);
    }
    char *n = sh_out("find %s/all/letters -name '*.txt' | wc -l%s", tmp, "");
    cr_assert_eq(atoi(n), 60);
    free(n);
    n = sh_out("find %s/all/gold -name '*.json' | wc -l%s", tmp, "");
    cr_assert_eq(atoi(n), 60);
    free(n);
    n = sh_out("ls %s/all2/letters%s", tmp, "");
    cr_assert_str_eq(n, "0001\n0002\n", "1000 letters per subfolder");
    free(n);
}

/* Runs a command and returns its peak resident memory in kB (wait4 gives the child's own). */
static long peak_kb(const char *cmd, int *status)
{
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    struct rusage ru;
    cr_assert_eq(wait4(pid, status, 0, &ru), pid);
    return ru.ru_maxrss;
}

Test(gen, memory_stays_bounded)
{
    char cmd[512];
    int status;
    /* exec replaces the shell, so the child measured is imrx itself. */
    snprintf(cmd, sizeof cmd, "exec %s gen -q --seed 9 --count 20000 --out - >/dev/null",
             IMRX_BINARY);
    long big = peak_kb(cmd, &status);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    snprintf(cmd, sizeof cmd, "exec %s gen -q --seed 9 --count 200 --out - >/dev/null",
             IMRX_BINARY);
    long small = peak_kb(cmd, &status);
    cr_log_info("peak RSS: %ld kB for 20,000 letters, %ld kB for 200", big, small);
    fprintf(stderr, "imrx gen peak RSS: %ld kB for 20,000 letters, %ld kB for 200\n", big, small);
    cr_assert_lt(big, 64 * 1024, "under 64 MB");
    cr_assert_lt(big, small + 8 * 1024, "memory does not grow with the count");
}

Test(gen, bad_options_and_unwritable_output)
{
    char args[256];
    cr_assert_eq(gen("--count 10"), 2, "no --out");
    cr_assert_eq(gen("--out /tmp/x"), 2, "no --count");
    cr_assert_eq(gen("--count ten --out /tmp/x"), 2);
    cr_assert_eq(gen("--count 10 --out /tmp/x --uphold-rate 2"), 2);
    cr_assert_eq(gen("--count 10 --out /tmp/x --layouts E=1"), 2);
    cr_assert_eq(gen("--count 10 --out /tmp/x --years 2020-2024 --layouts B=1"), 2);
    cr_assert_eq(gen("--count 10 --out /tmp/x --categories drugs=1"), 2);
    cr_assert_eq(gen("--count 10 --out /nonexistent/dir/x.tar"), 2);
    snprintf(args, sizeof args, "--count 3 --out %s/file", tmp);
    cr_assert_eq(t_sh(NULL, "touch %s/file", tmp), 0);
    cr_assert_eq(gen(args), 2, "a file where the folder should be");
    cr_assert_eq(t_sh(NULL, "%s gen --help | grep -q -- --uphold-rate", IMRX_BINARY), 0);
}

/* ---- the gold describes its letter ---- */

/* Whitespace (and non-breaking spaces, form feeds) collapsed to one space; page footers and the
 * case numbers repeated after them dropped. */
static char *normalise(const char *text, const char *case_number)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1), *o = out;
    const char *p = text;
    int after_footer = 0;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[4096];
        size_t k = 0;
        for (size_t i = 0; i < len && k + 1 < sizeof line; i++)
            if (p[i] != '\f' && p[i] != '\r') line[k++] = p[i];
        line[k] = '\0';
        while (k && line[k - 1] == ' ') line[--k] = '\0';
        int a, b;
        char extra;
        int footer = sscanf(line, "Page %d of %d%c", &a, &b, &extra) == 2;
        int repeat = after_footer && case_number && strcmp(line, case_number) == 0;
        after_footer = footer;
        if (!footer && !repeat) {
            for (size_t i = 0; i < k; i++) {
                unsigned char c = (unsigned char)line[i];
                if (c == 0xC2 && (unsigned char)line[i + 1] == 0xA0) {
                    c = ' ';
                    i++;
                }
                if (c == ' ' || c == '\t') {
                    if (o > out && o[-1] != ' ') *o++ = ' ';
                } else {
                    *o++ = (char)c;
                }
            }
            if (o > out && o[-1] != ' ') *o++ = ' ';
        }
        p += len;
        if (*p) p++;
    }
    *o = '\0';
    return out;
}

/* The text without carriage returns and trailing spaces (CRLF and padded copies). */
static char *unpad(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++) {
        if (*s == '\r') continue;
        if (*s == '\n')
            while (o > out && o[-1] == ' ') o--;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

/* Letters and digits only, lower case: robust to line-end word breaks. */
static char *alnum(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++)
        if (isalnum((unsigned char)*s)) *o++ = (char)tolower((unsigned char)*s);
    *o = '\0';
    return out;
}

/* Words broken at a line end ("Septem- ber") joined again. */
static char *dehyphen(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++) {
        if (s[0] == '-' && s[1] == ' ' && o > out && islower((unsigned char)o[-1]) &&
            islower((unsigned char)s[2])) {
            s++;
            continue;
        }
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

static int date_in_text(const char *norm, const char *iso);

static int date_in(const char *norm, const char *iso)
{
    if (date_in_text(norm, iso)) return 1;
    char *d = dehyphen(norm);
    int found = date_in_text(d, iso);
    free(d);
    return found;
}

static int date_in_text(const char *norm, const char *iso)
{
    int y, m, d;
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3) return 0;
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    char f[10][40];
    snprintf(f[0], sizeof f[0], "%02d/%02d/%d", m, d, y);
    snprintf(f[1], sizeof f[1], "%d/%d/%d", m, d, y);
    snprintf(f[2], sizeof f[2], "%d-%d-%02d", m, d, y % 100);
    snprintf(f[3], sizeof f[3], "%d-%d-%d", m, d, y);
    snprintf(f[4], sizeof f[4], "%02d-%02d-%d", m, d, y);
    snprintf(f[5], sizeof f[5], "%s %d, %d", months[m - 1], d, y);
    snprintf(f[6], sizeof f[6], "%d-%d- %d", m, d, y); /* broken over a line end */
    snprintf(f[7], sizeof f[7], "%d-%d- %02d", m, d, y % 100);
    snprintf(f[8], sizeof f[8], "%02d-%02d- %d", m, d, y);
    snprintf(f[9], sizeof f[9], "%02d/%02d/%02d", m, d, y % 100);
    for (int i = 0; i < 10; i++) {
        /* a whole token: not the tail of a longer number */
        for (const char *p = strstr(norm, f[i]); p; p = strstr(p + 1, f[i])) {
            char before = p > norm ? p[-1] : ' ';
            char after = p[strlen(f[i])];
            if (!isdigit((unsigned char)before) && !isdigit((unsigned char)after)) return 1;
        }
    }
    return 0;
}

static const char *str_or(json_t *v)
{
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Checks one letter against its gold; returns the number of items. */
static int check_letter(const char *dir, const char *base, int *upheld)
{
    char path[512];
    snprintf(path, sizeof path, "%s/letters/%s.txt", dir, base);
    char *text = t_slurp(path, NULL);
    cr_assert_not_null(text, "%s", path);
    snprintf(path, sizeof path, "%s/gold/%s.json", dir, base);
    json_error_t err;
    json_t *g = json_load_file(path, 0, &err);
    cr_assert_not_null(g, "%s: %s", path, err.text);
    cr_assert(json_is_true(json_object_get(g, "_generated")));
    const char *layout = str_or(json_object_get(g, "layout"));
    const char *rendering = str_or(json_object_get(g, "rendering"));
    const char *cn = str_or(json_object_get(g, "case_number"));
    char *raw = text;
    text = unpad(raw);
    free(raw);
    char *norm = normalise(text, cn);
    char *flat = alnum(norm);

    /* The layout and rendering are those of the text. */
    cr_assert_not_null(layout);
    cr_assert_not_null(rendering);
    if (!strcmp(layout, "A")) {
        cr_assert(!strcmp(rendering, "layout") || !strcmp(rendering, "raw") ||
                  !strcmp(rendering, "headerless"));
        cr_assert(strstr(norm, "IMR ISSUES, DECISIONS AND RATIONALES"), "%s", base);
        if (!strcmp(rendering, "headerless")) {
            cr_assert_null(strstr(text, "Case Number:"), "%s", base);
            cr_assert_null(cn, "%s", base);
        } else if (!strcmp(rendering, "raw")) {
            cr_assert(!strncmp(text, "Case Number:\nDate Assigned:\n", 28), "%s", base);
        } else {
            cr_assert(!strncmp(text, "Case Number:  ", 14), "%s", base);
            const char *l2 = strchr(text, '\n') + 1;
            const char *e2 = strchr(l2, '\n'), *inj = strstr(l2, "Date of Injury:");
            cr_assert(!strncmp(l2, "Date Assigned:", 14) && inj && inj < e2, "%s", base);
        }
    } else {
        cr_assert_str_eq(rendering, "plain");
        const char *mark = !strcmp(layout, "B")   ? "IMR DECISION(S) AND RATIONALE(S)"
                           : !strcmp(layout, "C") ? "MEDICAL PROFESSIONAL REVIEW"
                                                  : "Notice of Independent Medical Review "
                                                    "Determination";
        cr_assert(strstr(norm, mark), "%s: %s", base, mark);
    }
    if (cn) cr_assert(strstr(norm, cn), "%s: case number %s", base, cn);

    /* Every date is in the text, in one rendering or another. */
    json_t *dates = json_object_get(g, "dates");
    const char *key;
    json_t *v;
    json_object_foreach(dates, key, v) if (json_is_string(v)) cr_assert(
        date_in(norm, json_string_value(v)), "%s: dates.%s %s", base, key, json_string_value(v));
    const char *keys[] = {"injury_date_in_narrative", "ur_date_in_narrative"};
    for (int i = 0; i < 2; i++) {
        const char *d = str_or(json_object_get(g, keys[i]));
        if (d) cr_assert(date_in(norm, d), "%s: %s %s", base, keys[i], d);
    }

    /* Specialties and diagnoses as written. */
    size_t i;
    json_array_foreach(json_object_get(json_object_get(g, "reviewer"), "specialties"), i, v)
    {
        char *a = alnum(json_string_value(v));
        cr_assert(strstr(flat, a), "%s: specialty %s", base, json_string_value(v));
        free(a);
    }
    json_array_foreach(json_object_get(g, "diagnoses"), i, v)
    {
        char *a = alnum(json_string_value(v));
        cr_assert(strstr(flat, a), "%s: diagnosis %s", base, json_string_value(v));
        free(a);
    }

    /* Every item is named as gold says, with the decision gold gives it. */
    json_t *items = json_object_get(g, "items");
    cr_assert(json_array_size(items) >= 1 && json_array_size(items) <= 8);
    json_array_foreach(items, i, v)
    {
        const char *t = str_or(json_object_get(v, "text"));
        const char *dec = str_or(json_object_get(v, "decision"));
        cr_assert(t && dec);
        int up = !strcmp(dec, "upheld");
        *upheld += up;
        char want[600];
        int found = 0;
        if (!strcmp(layout, "A")) {
            snprintf(want, sizeof want, "%s: %s", t, up ? "Upheld" : "Overturned");
            found = strstr(norm, want) != NULL;
            snprintf(want, sizeof want, "%s is: %s", t, up ? "Upheld" : "Overturned");
            found |= strstr(norm, want) != NULL;
        } else if (!strcmp(layout, "B")) {
            snprintf(want, sizeof want, "%s is %smedically necessary and appropriate.", t,
                     up ? "not " : "");
            found = strstr(norm, want) != NULL;
        } else if (!strcmp(layout, "C")) {
            snprintf(want, sizeof want, "%s: %s", t, up ? "UPHELD" : "OVERTURNED");
            found = strstr(norm, want) != NULL;
            snprintf(want, sizeof want, "%s: %s", t, up ? "Upheld" : "Overturned");
            found |= strstr(norm, want) != NULL;
        } else {
            snprintf(want, sizeof want,
                     "has determined the request for %s is %smedically necessary and "
                     "appropriate.",
                     t, up ? "not " : "");
            found = strstr(norm, want) != NULL;
        }
        cr_assert(found, "%s: item '%s' %s", base, t, dec);
        if (json_is_true(json_object_get(v, "partial")))
            cr_assert(strstr(norm, "The remaining IMR eligible portion of the original request, "),
                      "%s", base);
        json_t *drug = json_object_get(v, "drug");
        const char *cat = str_or(json_object_get(v, "category"));
        cr_assert_eq(json_is_object(drug), !strcmp(cat, "pharmaceuticals"), "%s", base);
        const char *mention = str_or(json_object_get(drug, "mention"));
        if (mention) { /* a compound's mention is its ingredients joined with '/' */
            char m[256];
            snprintf(m, sizeof m, "%s", mention);
            for (char *save, *part = strtok_r(m, "/", &save); part;
                 part = strtok_r(NULL, "/", &save))
                cr_assert(strstr(t, part), "%s: mention %s in %s", base, mention, t);
        }
        if (json_is_true(json_object_get(v, "no_citation")))
            cr_assert(json_array_size(json_object_get(v, "guidelines")) == 0);
    }
    /* medications_all holds medications_patient. */
    json_array_foreach(json_object_get(g, "medications_patient"), i, v)
    {
        int in = 0;
        size_t k;
        json_t *w;
        json_array_foreach(json_object_get(g, "medications_all"), k, w) in |= json_equal(v, w);
        cr_assert(in, "%s: %s in medications_all", base, json_string_value(v));
    }
    int n = (int)json_array_size(items);
    json_decref(g);
    free(norm);
    free(flat);
    free(text);
    return n;
}

Test(gen, gold_matches_its_letters)
{
    char args[256], dir[128];
    snprintf(dir, sizeof dir, "%s/g", tmp);
    snprintf(args, sizeof args, "--seed 3 --count 300 --flat --out %s", dir);
    cr_assert_eq(gen(args), 0);
    char path[256];
    snprintf(path, sizeof path, "%s/letters", dir);
    DIR *d = opendir(path);
    cr_assert_not_null(d);
    int letters = 0, items = 0, upheld = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt")) continue;
        char base[256];
        snprintf(base, sizeof base, "%.*s", (int)(n - 4), e->d_name);
        items += check_letter(dir, base, &upheld);
        letters++;
    }
    closedir(d);
    cr_assert_eq(letters, 300);
    /* truth.json totals are those of the gold files. */
    snprintf(path, sizeof path, "%s/truth.json", dir);
    json_error_t err;
    json_t *truth = json_load_file(path, 0, &err);
    cr_assert_not_null(truth, "%s", err.text);
    cr_assert_eq(json_integer_value(json_object_get(truth, "letters")), letters);
    cr_assert_eq(json_integer_value(json_object_get(truth, "items")), items);
    cr_assert_eq(json_integer_value(json_object_get(truth, "upheld")), upheld);
    cr_assert_eq(json_integer_value(json_object_get(truth, "overturned")), items - upheld);
    double mean = (double)items / letters, rate = (double)upheld / items;
    cr_log_info("300 letters: %.2f items per letter, %.1f %% upheld", mean, 100 * rate);
    cr_assert(mean > 1.4 && mean < 2.0, "about 1.7 items per letter: %.2f", mean);
    cr_assert(rate > 0.83 && rate < 0.95, "about 89 %% upheld: %.3f", rate);
    json_decref(truth);

    /* The extractors and the scorer read every letter and find every gold file. */
    char *out = NULL;
    snprintf(path, sizeof path, "%s/gold", dir);
    int code =
        t_sh(&out, "%s eval -q --json --worst 0 --gold %s %s/letters", IMRX_BINARY, path, dir);
    cr_assert_eq(code, 0, "imrx eval runs");
    json_t *scores = json_loads(out, 0, &err);
    cr_assert_not_null(scores, "eval --json: %s", err.text);
    json_t *scored = json_object_get(scores, "letters");
    if (!scored) scored = json_object_get(scores, "letters_scored");
    cr_assert_eq(json_integer_value(scored), 300, "%.300s", out);
    cr_assert_eq(json_integer_value(json_object_get(scores, "letters_without_gold")), 0);
    cr_assert_eq(json_integer_value(json_object_get(scores, "gold_without_record")), 0);
    json_decref(scores);
    free(out);
}
