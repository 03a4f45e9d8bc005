/* Bad input and faulty plugins: every case gives an error or a warning naming the file, the run
 * goes on, and records out = letters in. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "report/sinks.h"

static char tmp[64];

static void setup(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/imrx-hard-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void teardown(void)
{
    t_sh(NULL, "chmod -R u+rwx %s 2>/dev/null; rm -rf %s", tmp, tmp);
}

TestSuite(hardening, .init = setup, .fini = teardown, .timeout = 300);

static void put(const char *name, const void *data, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    FILE *fp = fopen(path, "wb");
    cr_assert_not_null(fp, "%s", path);
    fwrite(data, 1, n, fp);
    fclose(fp);
}

static void put_s(const char *name, const char *text)
{
    put(name, text, strlen(text));
}

static size_t parse(const char *text, json_t **recs, size_t max)
{
    size_t n = 0;
    for (const char *p = text; *p && n < max;) {
        const char *nl = strchr(p, '\n');
        cr_assert_not_null(nl);
        recs[n] = json_loadb(p, (size_t)(nl - p), 0, NULL);
        cr_assert_not_null(recs[n], "a record is JSON");
        n++;
        p = nl + 1;
    }
    return n;
}

static json_t *by_source(json_t **recs, size_t n, const char *suffix)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = t_str(recs[i], "source");
        if (s && strlen(s) >= strlen(suffix) && !strcmp(s + strlen(s) - strlen(suffix), suffix))
            return recs[i];
    }
    cr_assert_fail("no record for %s", suffix);
    return NULL;
}

static char *minimal_letter(const char *extra)
{
    static char buf[4096];
    snprintf(buf, sizeof buf,
             "Case Number: CM16-9000010\nHOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer.\n"
             "CLINICAL CASE SUMMARY\nThe injured worker is a 50 year old male. %s\n"
             "IMR ISSUES, DECISIONS AND RATIONALES\nMRI of the knee: Upheld\n"
             "Decision rationale: Not medically necessary.\n",
             extra);
    return buf;
}

Test(hardening, bad_letters_each_give_a_clear_record)
{
    put("nul.txt", "Case Number: CM16-9000011\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 49);
    char *letter = minimal_letter("He had \xff\xfe an invalid byte.");
    put_s("invalid-utf8.txt", letter);
    /* UTF-16LE with a byte-order mark: converted */
    const char *plain = minimal_letter("");
    size_t n = strlen(plain);
    char *u16 = calloc(2 * n + 2, 1);
    u16[0] = (char)0xFF, u16[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) u16[2 + 2 * i] = plain[i];
    put("utf16.txt", u16, 2 * n + 2);
    free(u16);
    /* CRLF line ends */
    char crlf[8192];
    size_t w = 0;
    for (const char *p = plain; *p; p++) {
        if (*p == '\n') crlf[w++] = '\r';
        crlf[w++] = *p;
    }
    put("crlf.txt", crlf, w);
    put_s("truncated.txt", "Case Number: CM16-9000012\nHOW THE IMR FINAL DETERMINATION WAS MADE\n"
                           "A reviewer.\nCLINICAL CASE SUMMARY\nThe injured worker is a 50 yea");
    put_s("notes.txt", "Shopping list\n\nmilk, eggs, and bread\n");
    cr_assert_eq(t_sh(NULL, "truncate -s 1G %s/huge.txt", tmp), 0);
    cr_assert_eq(t_sh(NULL, "ln -s . %s/loop && ln -s nowhere %s/dangling.txt", tmp, tmp), 0);
    put_s("broken.tar", "this is not a tar file at all, but it is named like one.......");
    put_s("broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    /* an unreadable file: permissions for a normal user; root reads anything, so /proc/self/mem */
    char unreadable[256];
    if (geteuid() != 0) {
        put_s("unreadable.txt", "secret");
        snprintf(unreadable, sizeof unreadable, "%s/unreadable.txt", tmp);
        chmod(unreadable, 0);
    } else {
        snprintf(unreadable, sizeof unreadable, "/proc/self/mem");
    }

    char *out;
    int code = t_sh(&out, "%s extract -q %s %s 2>/dev/null", IMRX_BINARY, tmp, unreadable);
    cr_assert_eq(code, 1, "some letters failed");
    json_t *recs[32];
    size_t count = parse(out, recs, 32);
    /* nul, invalid-utf8, utf16, crlf, truncated, notes, huge, dangling, loop, broken.tar,
     * broken.pdf, and the unreadable one */
    cr_assert_eq(count, 12, "records out = letters in:\n%s", out);
    static const struct {
        const char *file, *stage, *words;
    } errors[] = {
        {"nul.txt", "decode", "binary data"},
        {"notes.txt", "layout", "not an IMR determination letter"},
        {"huge.txt", "read", "over the 8.0 MiB limit"},
        {"dangling.txt", "read", "broken symbolic link"},
        {"loop", "read", "folder loop"},
        {"broken.tar", "read", "archive"},
        {"broken.pdf", "decode", "cannot read PDF"},
    };
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        json_t *r = by_source(recs, count, errors[i].file);
        cr_expect_str_eq(t_str(r, "error.stage"), errors[i].stage, "%s", errors[i].file);
        const char *msg = t_str(r, "error.message");
        cr_expect(msg && strstr(msg, errors[i].words), "%s: %s", errors[i].file, msg);
    }
    json_t *u = by_source(recs, count, geteuid() ? "unreadable.txt" : "mem");
    cr_expect_str_eq(t_str(u, "error.stage"), "read");

    /* Letters that are read, with a warning where something was repaired. */
    json_t *r = by_source(recs, count, "invalid-utf8.txt");
    cr_expect(json_is_null(t_get(r, "error")));
    cr_expect(strstr(t_str(r, "warnings.0.message"), "invalid UTF-8"));
    r = by_source(recs, count, "utf16.txt");
    cr_expect_str_eq(t_str(r, "case_number"), "CM16-9000010");
    cr_expect(strstr(t_str(r, "warnings.0.message"), "UTF-16LE"));
    r = by_source(recs, count, "crlf.txt");
    cr_expect_str_eq(t_str(r, "items.0.decision"), "upheld");
    r = by_source(recs, count, "truncated.txt");
    cr_expect(json_is_null(t_get(r, "error")));
    cr_expect(strstr(t_str(r, "warnings.0.message"), "truncated"), "%s",
              t_str(r, "warnings.0.message"));
    for (size_t i = 0; i < count; i++) json_decref(recs[i]);
    free(out);
}

static json_t *run_fixture(const char *fixture, const char *file, int isolate, int *code)
{
    char *out;
    *code = t_sh(&out, "%s extract -q --no-default-plugins --plugin-dir %s/%s %s --timeout 3 %s",
                 IMRX_BINARY, IMRX_FIXTURE_DIR, fixture, isolate ? "--isolate" : "", file);
    json_t *recs[4];
    size_t n = parse(out, recs, 4);
    cr_assert_eq(n, 1, "%s", out);
    free(out);
    return recs[0];
}

Test(hardening, faulty_plugins_are_contained_and_named)
{
    put_s("a.txt", minimal_letter(""));
    char path[256];
    snprintf(path, sizeof path, "%s/a.txt", tmp);
    static const struct {
        const char *fixture, *words;
        int is_error;
    } cases[] = {
        {"mis_error", "could not make sense of this letter", 1},
        {"mis_span", "outside the letter", 0},
        {"mis_field", "not among the fields it declares", 0},
        {"mis_key", "keys are 1 to 64 ASCII letters", 0},
        {"mis_utf8", "not valid UTF-8", 0},
        {"mis_flood", "more than its budget", 0},
        {"mis_runaway", "stopped at PCRE2's match limits", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int code;
        json_t *r = run_fixture(cases[i].fixture, path, 0, &code);
        const char *msg =
            cases[i].is_error ? t_str(r, "error.message") : t_str(r, "warnings.0.message");
        cr_expect(msg && strstr(msg, cases[i].words), "%s: %s", cases[i].fixture, msg);
        if (cases[i].is_error)
            cr_expect_str_eq(t_str(r, "error.plugin"), "misbehaving");
        else
            cr_expect_str_eq(t_str(r, "warnings.0.plugin"), "misbehaving");
        if (!strcmp(cases[i].fixture, "mis_flood"))
            cr_expect_lt(json_array_size(t_get(r, "notes")), 20001, "capped");
        if (!strcmp(cases[i].fixture, "mis_key")) {
            /* a 64-character key is admitted; 65 characters, none, a quote are not */
            json_t *notes = t_get(r, "notes");
            cr_expect_eq(json_object_size(notes), 1, "only the 64-character key");
            cr_expect_str_eq(
                t_str(r, "notes.k123456789012345678901234567890123456789012345678901234567890123"),
                "ok");
        }
        json_decref(r);
    }
    /* The interpreter (no JIT, as under valgrind) is held by the same limits. */
    setenv("IMRX_NO_JIT", "1", 1);
    int code;
    json_t *r = run_fixture("mis_runaway", path, 0, &code);
    unsetenv("IMRX_NO_JIT");
    const char *msg = t_str(r, "warnings.0.message");
    cr_expect(msg && strstr(msg, "3 pattern searches stopped"), "without JIT: %s", msg);
    json_decref(r);
}

Test(hardening, isolate_turns_a_crash_or_a_hang_into_one_error_record)
{
    put_s("1-fine.txt", minimal_letter(""));
    put_s("2-crash.txt", minimal_letter("CRASH-ME"));
    put_s("3-hang.txt", minimal_letter("HANG-ME"));
    put_s("4-fine.txt", minimal_letter(""));
    static const char *const fixtures[] = {"mis_crash", "mis_hang"};
    for (int f = 0; f < 2; f++) {
        char *out;
        int code = t_sh(&out,
                        "%s extract -q -j 2 --no-default-plugins --plugin-dir %s/%s --isolate "
                        "--timeout 2 %s",
                        IMRX_BINARY, IMRX_FIXTURE_DIR, fixtures[f], tmp);
        cr_assert_eq(code, 1, "%s", out);
        json_t *recs[8];
        size_t n = parse(out, recs, 8);
        cr_assert_eq(n, 4, "every letter has its record");
        json_t *bad = by_source(recs, n, f == 0 ? "2-crash.txt" : "3-hang.txt");
        const char *msg = t_str(bad, "error.message");
        cr_expect(msg && strstr(msg, f == 0 ? "crashed" : "longer than 2 s"), "%s", msg);
        cr_expect(json_is_null(t_get(by_source(recs, n, "1-fine.txt"), "error")));
        cr_expect(json_is_null(t_get(by_source(recs, n, "4-fine.txt"), "error")));
        if (f == 0) cr_expect(json_is_null(t_get(by_source(recs, n, "3-hang.txt"), "error")));
        for (size_t i = 0; i < n; i++) json_decref(recs[i]);
        free(out);
    }
}

Test(hardening, isolated_records_equal_in_process_ones)
{
    char *a, *b;
    cr_assert_eq(t_sh(&a, "%s extract -q %s/corpus/letters", IMRX_BINARY, IMRX_SOURCE_DIR), 0);
    cr_assert_eq(
        t_sh(&b, "%s extract -q --isolate -j 2 %s/corpus/letters", IMRX_BINARY, IMRX_SOURCE_DIR),
        0);
    cr_assert_str_eq(a, b);
    free(a);
    free(b);
}

/* Damages one generated letter in five ways, by its number: cut in half, NUL bytes, binary
 * junk, invalid UTF-8, or replaced by a text that is no letter. */
static void damage(const char *path, int kind)
{
    size_t n;
    char *text = t_slurp(path, &n);
    cr_assert_not_null(text);
    FILE *fp = fopen(path, "wb");
    switch (kind) {
    case 0:
        fwrite(text, 1, n / 2, fp);
        break;
    case 1:
        fwrite(text, 1, n / 3, fp);
        fwrite("\0\0\0\0\0\0\0\0", 1, 8, fp);
        fwrite(text + n / 3, 1, n - n / 3, fp);
        break;
    case 2:
        for (size_t i = 0; i < n; i++) fputc((int)((i * 2654435761u) >> 13) & 0xff, fp);
        break;
    case 3:
        for (size_t i = 0; i < n; i++) fputc(i % 97 == 0 ? 0xff : text[i], fp);
        break;
    default:
        fputs("Minutes of the meeting\n\nNothing to report.\n", fp);
        break;
    }
    fclose(fp);
    free(text);
}

typedef struct string_list {
    char **s;
    size_t n, cap;
} string_list_t;

static void collect_record(void *user, json_t *record)
{
    string_list_t *l = user;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 1024;
        l->s = realloc(l->s, l->cap * sizeof *l->s);
        cr_assert_not_null(l->s);
    }
    l->s[l->n++] = json_dumps(record, JSON_SORT_KEYS | JSON_COMPACT);
}

static int cmp_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void string_list_free(string_list_t *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->s[i]);
    free(l->s);
}

Test(hardening, a_run_killed_at_random_points_resumes_without_loss_or_duplicates)
{
    /* 10,000 generated letters, 5 % of them damaged */
    cr_assert_eq(t_sh(NULL, "%s gen -q --seed 11 --count 10000 --out %s/gen", IMRX_BINARY, tmp), 0);
    char *list;
    cr_assert_eq(t_sh(&list, "find %s/gen/letters -name '*.txt' | sort", tmp), 0);
    int n = 0, damaged = 0;
    for (char *save = NULL, *p = strtok_r(list, "\n", &save); p;
         p = strtok_r(NULL, "\n", &save), n++)
        if (n % 20 == 7) damage(p, damaged++ % 5);
    free(list);
    cr_assert_eq(n, 10000);
    cr_assert_eq(damaged, 500);

    char *whole, *resumed, *sorted;
    cr_assert_eq(
        t_sh(NULL, "%s extract -q -j 2 %s/gen/letters -o %s/whole.jsonl", IMRX_BINARY, tmp, tmp), 1,
        "the damaged letters fail");
    cr_assert_eq(t_sh(&whole, "sort %s/whole.jsonl", tmp), 0);
    /* killed hard at pseudo-random points, resumed each time */
    unsigned seed = 12345;
    int interrupted = 0;
    for (int round = 0; round < 4; round++) {
        seed = seed * 1103515245u + 12345u;
        int ms = 150 + (int)(seed >> 16) % 500;
        int code =
            t_sh(NULL,
                 "%s extract -q -j 2 %s/gen/letters -o %s/out.jsonl %s & pid=$!; sleep %d.%03d; "
                 "kill -9 $pid 2>/dev/null; wait $pid",
                 IMRX_BINARY, tmp, tmp, round ? "--resume" : "", ms / 1000, ms % 1000);
        interrupted += code != 0 && code != 1;
    }
    cr_assert_gt(interrupted, 0, "at least one run was cut short");
    int code = t_sh(NULL, "%s extract -q -j 2 %s/gen/letters -o %s/out.jsonl --resume", IMRX_BINARY,
                    tmp, tmp);
    cr_assert(code == 0 || code == 1, "the last run completes");
    cr_assert_eq(t_sh(&resumed, "sort %s/out.jsonl", tmp), 0);
    cr_assert_str_eq(resumed, whole, "the resumed output equals an undisturbed run");
    cr_assert_eq(t_sh(&sorted, "wc -l < %s/out.jsonl", tmp), 0);
    cr_assert_eq(atoi(sorted), 10000, "records out = letters in");
    free(resumed);
    free(sorted);

    /* The same into a SQLite database (committing every 0.1 s, so that kills fall between
     * commits): the records it holds at the end are those of the undisturbed run. */
    int resumed_some = 0;
    interrupted = 0;
    for (int round = 0; round < 4; round++) {
        seed = seed * 1103515245u + 12345u;
        int ms = 300 + (int)(seed >> 16) % 500;
        char *err = NULL;
        int rc = t_sh(&err,
                      "IMRX_SQLITE_COMMIT_SECONDS=0.1 %s extract -j 2 %s/gen/letters -o "
                      "%s/out.sqlite %s 2>&1 >/dev/null & pid=$!; sleep %d.%03d; "
                      "kill -9 $pid 2>/dev/null; wait $pid",
                      IMRX_BINARY, tmp, tmp, round ? "--resume" : "", ms / 1000, ms % 1000);
        interrupted += rc != 0 && rc != 1;
        resumed_some += err && strstr(err, "resuming: ") != NULL;
        free(err);
    }
    cr_assert_gt(interrupted, 0, "at least one run was cut short");
    cr_assert_gt(resumed_some, 0, "at least one run carried on from committed records");
    code = t_sh(NULL, "%s extract -q -j 2 %s/gen/letters -o %s/out.sqlite --resume", IMRX_BINARY,
                tmp, tmp);
    cr_assert(code == 0 || code == 1, "the last run completes");
    char path[256];
    snprintf(path, sizeof path, "%s/out.sqlite-wal", tmp);
    cr_assert_neq(access(path, F_OK), 0, "the finished database stands alone (no -wal)");
    /* Both, parsed and printed alike, as sorted lists. */
    string_list_t from_db = {0}, from_jsonl = {0};
    snprintf(path, sizeof path, "%s/out.sqlite", tmp);
    char why[300] = "";
    cr_assert_eq(imrx_records_read(path, collect_record, &from_db, why, sizeof why), IMRX_OK, "%s",
                 why);
    snprintf(path, sizeof path, "%s/whole.jsonl", tmp);
    cr_assert_eq(imrx_records_read(path, collect_record, &from_jsonl, why, sizeof why), IMRX_OK,
                 "%s", why);
    cr_assert_eq(from_db.n, 10000, "records out = letters in");
    cr_assert_eq(from_db.n, from_jsonl.n);
    qsort(from_db.s, from_db.n, sizeof *from_db.s, cmp_strings);
    qsort(from_jsonl.s, from_jsonl.n, sizeof *from_jsonl.s, cmp_strings);
    for (size_t i = 0; i < from_db.n; i++)
        cr_assert_str_eq(from_db.s[i], from_jsonl.s[i],
                         "the resumed database holds the undisturbed run's records");
    string_list_free(&from_db);
    string_list_free(&from_jsonl);
    free(whole);
}
