/* The reporter: the three record formats hold the same items and decisions; statistics match
 * counts taken from the gold files; shards merge to the whole; the HTML report renders. */
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static char tmp[64];

static void setup(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/imrx-report-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
    cr_assert_eq(t_sh(NULL, "%s extract -q %s/corpus/letters -o %s/r.jsonl", IMRX_BINARY,
                      IMRX_SOURCE_DIR, tmp),
                 0);
}

static void teardown(void)
{
    t_sh(NULL, "rm -rf %s", tmp);
}

TestSuite(report, .init = setup, .fini = teardown);

/* "source|position|decision" lines, sorted, for comparing formats. */
typedef struct lines {
    char **v;
    size_t n, cap;
} lines_t;

static void add_line(lines_t *l, const char *source, long pos, const char *decision,
                     const char *category)
{
    if (l->n == l->cap) l->v = realloc(l->v, (l->cap = l->cap ? l->cap * 2 : 64) * sizeof *l->v);
    char buf[600];
    snprintf(buf, sizeof buf, "%s|%ld|%s|%s", source, pos, decision ? decision : "",
             category ? category : "");
    l->v[l->n++] = strdup(buf);
}

static void lines_free(lines_t *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void assert_same(lines_t *a, lines_t *b, const char *what)
{
    qsort(a->v, a->n, sizeof *a->v, cmp);
    qsort(b->v, b->n, sizeof *b->v, cmp);
    cr_assert_eq(a->n, b->n, "%s: %zu rows vs %zu", what, a->n, b->n);
    for (size_t i = 0; i < a->n; i++) cr_assert_str_eq(a->v[i], b->v[i], "%s", what);
}

static void from_jsonl(const char *path, lines_t *out)
{
    FILE *fp = fopen(path, "r");
    cr_assert_not_null(fp);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, fp) > 0) {
        json_t *r = json_loads(line, 0, NULL);
        size_t i;
        json_t *it;
        json_array_foreach(t_get(r, "items"), i, it)
        {
            add_line(out, t_str(r, "source"), (long)i + 1, t_str(it, "decision"),
                     t_str(it, "category"));
        }
        json_decref(r);
    }
    free(line);
    fclose(fp);
}

/* A small RFC 4180 reader: the fields of one record (quoted fields may hold commas, quotes,
 * line breaks). Returns the count, 0 at the end. */
static int csv_row(FILE *fp, char fields[48][512])
{
    int n = 0, c = fgetc(fp);
    if (c == EOF) return 0;
    for (;;) {
        size_t len = 0;
        if (c == '"') {
            while ((c = fgetc(fp)) != EOF) {
                if (c == '"' && (c = fgetc(fp)) != '"') break;
                if (len < 511) fields[n][len++] = (char)c;
            }
        } else {
            while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                if (len < 511) fields[n][len++] = (char)c;
                c = fgetc(fp);
            }
        }
        fields[n][len] = '\0';
        if (n < 47) n++;
        if (c == ',') {
            c = fgetc(fp);
            continue;
        }
        if (c == '\r') c = fgetc(fp);
        return n;
    }
}

Test(report, csv_and_sqlite_hold_the_same_items_as_json_lines)
{
    cr_assert_eq(t_sh(NULL, "%s extract -q %s/corpus/letters -o %s/r.csv", IMRX_BINARY,
                      IMRX_SOURCE_DIR, tmp),
                 0);
    cr_assert_eq(t_sh(NULL, "%s extract -q %s/corpus/letters -o %s/r.sqlite", IMRX_BINARY,
                      IMRX_SOURCE_DIR, tmp),
                 0);
    char path[256];
    lines_t js = {0}, csv = {0}, db = {0};
    snprintf(path, sizeof path, "%s/r.jsonl", tmp);
    from_jsonl(path, &js);
    cr_assert_gt(js.n, 70);

    snprintf(path, sizeof path, "%s/r.csv", tmp);
    FILE *fp = fopen(path, "r");
    static char f[48][512];
    int n = csv_row(fp, f);
    int col_src = -1, col_item = -1, col_dec = -1, col_cat = -1;
    for (int i = 0; i < n; i++) {
        if (!strcmp(f[i], "source")) col_src = i;
        if (!strcmp(f[i], "item")) col_item = i;
        if (!strcmp(f[i], "decision")) col_dec = i;
        if (!strcmp(f[i], "category")) col_cat = i;
    }
    cr_assert(col_src >= 0 && col_item >= 0 && col_dec >= 0 && col_cat >= 0);
    while ((n = csv_row(fp, f)) > 0) {
        cr_assert_eq(n, 38, "every row has every column");
        if (f[col_item][0]) add_line(&csv, f[col_src], atol(f[col_item]), f[col_dec], f[col_cat]);
    }
    fclose(fp);
    assert_same(&js, &csv, "CSV");

    sqlite3 *h;
    snprintf(path, sizeof path, "%s/r.sqlite", tmp);
    cr_assert_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(h,
                                    "SELECT source, position, decision, category FROM item_cases",
                                    -1, &st, NULL),
                 SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW)
        add_line(&db, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                 (const char *)sqlite3_column_text(st, 2),
                 (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    /* the views and the record column are there too */
    cr_assert_eq(sqlite3_prepare_v2(h, "SELECT SUM(items) FROM uphold_by_category", -1, &st, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_eq((size_t)sqlite3_column_int(st, 0), js.n);
    sqlite3_finalize(st);
    sqlite3_close(h);
    assert_same(&js, &db, "SQLite");
    lines_free(&js);
    lines_free(&csv);
    lines_free(&db);
}

/* Counts of items by category and decision from the gold files of the corpus. */
static void gold_counts(json_t *want)
{
    DIR *d = opendir(IMRX_SOURCE_DIR "/corpus/gold");
    for (struct dirent *e; (e = readdir(d));) {
        if (!strstr(e->d_name, ".json")) continue;
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/gold/%s", IMRX_SOURCE_DIR, e->d_name);
        json_t *g = json_load_file(path, 0, NULL);
        size_t i;
        json_t *it;
        json_array_foreach(t_get(g, "items"), i, it)
        {
            char key[128];
            snprintf(key, sizeof key, "%s|%s", t_str(it, "category"), t_str(it, "decision"));
            json_t *v = json_object_get(want, key);
            json_object_set_new(want, key, json_integer(v ? json_integer_value(v) + 1 : 1));
        }
        json_decref(g);
    }
    closedir(d);
}

Test(report, stats_by_category_match_the_gold_counts)
{
    char *out;
    cr_assert_eq(t_sh(&out, "%s stats %s/r.jsonl --by category --format json", IMRX_BINARY, tmp),
                 0);
    json_t *s = json_loads(out, 0, NULL);
    cr_assert_not_null(s, "%s", out);
    json_t *want = json_object();
    gold_counts(want);
    size_t i;
    json_t *g;
    long total = 0;
    json_array_foreach(t_get(s, "groups"), i, g)
    {
        char key[128];
        snprintf(key, sizeof key, "%s|upheld", t_str(g, "category"));
        cr_expect_eq(json_integer_value(t_get(g, "upheld")),
                     json_integer_value(json_object_get(want, key)), "%s", key);
        snprintf(key, sizeof key, "%s|overturned", t_str(g, "category"));
        cr_expect_eq(json_integer_value(t_get(g, "overturned")),
                     json_integer_value(json_object_get(want, key)), "%s", key);
        total += (long)json_integer_value(t_get(g, "items"));
    }
    cr_assert_eq(total, json_integer_value(t_get(s, "items")));
    double lo = json_real_value(t_get(s, "ci_low")), hi = json_real_value(t_get(s, "ci_high"));
    double p = json_real_value(t_get(s, "uphold_rate"));
    cr_assert(lo < p && p < hi, "the interval holds the rate");
    json_decref(s);
    json_decref(want);
    free(out);
}

Test(report, two_halves_merge_to_the_whole)
{
    cr_assert_eq(t_sh(NULL,
                      "%s extract -q --shard 1/2 %s/corpus/letters -o %s/a.jsonl && "
                      "%s extract -q --shard 2/2 %s/corpus/letters -o %s/b.sqlite",
                      IMRX_BINARY, IMRX_SOURCE_DIR, tmp, IMRX_BINARY, IMRX_SOURCE_DIR, tmp),
                 0);
    static const char *const groupings[] = {"category", "year,category", "drug_class",  "specialty",
                                            "layout",   "month",         "sex,age_band"};
    for (size_t i = 0; i < sizeof groupings / sizeof groupings[0]; i++) {
        char *whole, *merged;
        cr_assert_eq(
            t_sh(&whole, "%s stats %s/r.jsonl --by %s -f csv", IMRX_BINARY, tmp, groupings[i]), 0);
        cr_assert_eq(t_sh(&merged, "%s stats %s/a.jsonl %s/b.sqlite --by %s -f csv", IMRX_BINARY,
                          tmp, tmp, groupings[i]),
                     0);
        cr_assert_str_eq(merged, whole, "--by %s", groupings[i]);
        free(whole);
        free(merged);
    }
}

Test(report, filters_and_formats)
{
    char *out;
    cr_assert_eq(t_sh(&out, "%s stats %s/r.jsonl --where category=pharmaceuticals -f json",
                      IMRX_BINARY, tmp),
                 0);
    json_t *s = json_loads(out, 0, NULL);
    json_t *want = json_object();
    gold_counts(want);
    long pharma = (long)(json_integer_value(json_object_get(want, "pharmaceuticals|upheld")) +
                         json_integer_value(json_object_get(want, "pharmaceuticals|overturned")));
    cr_assert_eq(json_integer_value(t_get(s, "items")), pharma);
    json_decref(s);
    json_decref(want);
    free(out);
    cr_assert_eq(t_sh(&out, "%s stats %s/r.jsonl --by category -f markdown", IMRX_BINARY, tmp), 0);
    cr_assert(strstr(out, "| category"), "%s", out);
    free(out);
    cr_assert_eq(t_sh(NULL, "%s stats %s/r.jsonl --by nosuchthing 2>/dev/null", IMRX_BINARY, tmp),
                 2);
    cr_assert_eq(t_sh(NULL, "%s stats %s/r.jsonl --where bad 2>/dev/null", IMRX_BINARY, tmp), 2);
}

/* Two spellings of one specialty ("Orthopaedic Surgery, Orthopedic Surgery") share a canonical
 * name: the letter's items count once in its group, not twice. */
Test(report, a_value_repeated_in_a_list_counts_once)
{
    /* every record's first canonical specialty, written twice */
    cr_assert_eq(t_sh(NULL,
                      "sed 's/\"specialties_canonical\":\\[\"\\([^\"]*\\)\"/"
                      "\"specialties_canonical\":[\"\\1\",\"\\1\"/' %s/r.jsonl > %s/dup.jsonl && "
                      "grep -q '\"specialties_canonical\":\\[\"\\([^\"]*\\)\",\"\\1\"' "
                      "%s/dup.jsonl",
                      tmp, tmp, tmp),
                 0, "the test's edit took");
    char *dup, *orig;
    cr_assert_eq(t_sh(&dup, "%s stats %s/dup.jsonl --by specialty -f csv", IMRX_BINARY, tmp), 0);
    cr_assert_eq(t_sh(&orig, "%s stats %s/r.jsonl --by specialty -f csv", IMRX_BINARY, tmp), 0);
    cr_assert_str_eq(dup, orig);
    free(dup);
    free(orig);
}

Test(report, unreadable_or_damaged_records_files_are_named_not_counted_as_zero)
{
    char *out;
    cr_assert_eq(t_sh(&out, "%s stats %s/none.jsonl 2>&1", IMRX_BINARY, tmp), 2, "%s", out);
    cr_assert(strstr(out, "none.jsonl: cannot read: No such file"), "%s", out);
    cr_assert_null(strstr(out, "uphold rate"), "no table of zeros: %s", out);
    free(out);
    cr_assert_eq(t_sh(&out, "%s report %s/none.jsonl -o %s/none.html 2>&1; ls %s/none.html 2>&1",
                      IMRX_BINARY, tmp, tmp, tmp),
                 2, "%s", out);
    cr_assert(strstr(out, "No such file"), "no report either: %s", out);
    free(out);
    /* An interrupted run's last line: the complete records count, the cut one is reported. */
    cr_assert_eq(t_sh(NULL,
                      "head -n 5 %s/r.jsonl > %s/cut.jsonl && head -n 6 %s/r.jsonl | "
                      "tail -n 1 | head -c 300 >> %s/cut.jsonl",
                      tmp, tmp, tmp, tmp),
                 0);
    cr_assert_eq(t_sh(&out, "%s stats %s/cut.jsonl -f json 2>%s/err.txt", IMRX_BINARY, tmp, tmp),
                 1);
    json_t *s = json_loads(out, 0, NULL);
    cr_assert_eq(json_integer_value(t_get(s, "letters")), 5, "%s", out);
    json_decref(s);
    free(out);
    char path[256];
    snprintf(path, sizeof path, "%s/err.txt", tmp);
    char *err = t_slurp(path, NULL);
    cr_assert(err && strstr(err, "last line (6) is incomplete"), "%s", err);
    free(err);
}

/* Letters that cannot be read: counted as failed, the exit status says so (as extract's), and
 * with no decided item there is no uphold rate, not a rate of 0 %. */
Test(report, stats_of_unreadable_letters_exit_1_and_give_no_rate)
{
    char *out;
    cr_assert_eq(t_sh(NULL, ": > %s/empty.txt", tmp), 0);
    cr_assert_eq(t_sh(&out, "%s stats -q %s/empty.txt 2>/dev/null", IMRX_BINARY, tmp), 1, "%s",
                 out);
    cr_assert(strstr(out, "letters: 1 (1 with errors)"), "%s", out);
    cr_assert(strstr(out, "uphold rate: none (no decided items)"), "%s", out);
    cr_assert_null(strstr(out, "0.0 %"), "%s", out);
    free(out);
    cr_assert_eq(t_sh(&out, "%s stats -q %s/empty.txt -f csv 2>/dev/null", IMRX_BINARY, tmp), 1);
    cr_assert(strstr(out, "\n0,0,0,0,,,\n"), "empty rate fields: %s", out);
    free(out);
    cr_assert_eq(t_sh(&out, "%s report -q %s/empty.txt -o %s/empty.html 2>/dev/null; echo $?",
                      IMRX_BINARY, tmp, tmp),
                 0);
    cr_assert_str_eq(out, "1\n", "report exits 1 too: %s", out);
    free(out);
    char path[256];
    snprintf(path, sizeof path, "%s/empty.html", tmp);
    char *page = t_slurp(path, NULL);
    cr_assert(page && strstr(page, "no decided items: no uphold rate"), "%s", page);
    cr_assert_null(strstr(page, "0.0% upheld"), "no 0 %% rate");
    free(page);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

Test(report, html_report_renders_in_chromium)
{
    cr_assert_eq(t_sh(NULL, "%s report -q %s/r.jsonl -o %s/report.html", IMRX_BINARY, tmp, tmp), 0);
    char path[256];
    snprintf(path, sizeof path, "%s/report.html", tmp);
    size_t n;
    char *html = t_slurp(path, &n);
    int charts = 0;
    for (const char *p = html; (p = strstr(p, "<svg")); p++) charts++;
    cr_assert_eq(charts, 6, "six charts");
    cr_assert(!strstr(html, "src=") && !strstr(html, "<link") && !strstr(html, "<script"),
              "self-contained: nothing to load");
    free(html);
    if (t_sh(NULL, "command -v chromium >/dev/null") != 0) {
        T_SKIP("chromium not installed: skipping the screenshot");
    }
    static const char flags[] =
        "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update "
        "--disable-sync --window-size=1200,2400";
    cr_assert_eq(t_sh(NULL,
                      "cd %s && printf '<html><body></body></html>' > blank.html && "
                      "timeout 120 chromium %s --user-data-dir=%s/c1 --screenshot=%s/blank.png "
                      "file://%s/blank.html >/dev/null 2>&1 && "
                      "timeout 120 chromium %s --user-data-dir=%s/c2 --screenshot=%s/shot.png "
                      "file://%s/report.html >/dev/null 2>&1",
                      tmp, flags, tmp, tmp, tmp, flags, tmp, tmp, tmp),
                 0);
    snprintf(path, sizeof path, "%s/blank.png", tmp);
    long blank = file_size(path);
    snprintf(path, sizeof path, "%s/shot.png", tmp);
    long shot = file_size(path);
    cr_assert_gt(blank, 0);
    cr_assert_gt(shot, 20 * blank, "the report's screenshot (%ld bytes) is not blank (%ld)", shot,
                 blank);
}

/* The generator's truth.json counts, group by group, against `imrx stats` on its letters. */
static void expect_truth(json_t *truth, const char *truth_key, const char *dim, const char *records)
{
    char *out;
    cr_assert_eq(t_sh(&out, "%s stats %s --by %s -f json", IMRX_BINARY, records, dim), 0);
    json_t *s = json_loads(out, 0, NULL);
    cr_assert_not_null(s);
    json_t *want = json_object_get(truth, truth_key);
    cr_assert(json_is_object(want), "truth has %s", truth_key);
    size_t i, matched = 0;
    json_t *g;
    json_array_foreach(json_object_get(s, "groups"), i, g)
    {
        const char *v = t_str(g, dim);
        if (!strcmp(v, "(none)")) v = "unknown";
        json_t *w = json_object_get(want, v);
        /* the truth leaves out what it cannot name: non-drug items by drug, letters whose
         * reviewer has no specialty */
        if (!w && !strcmp(v, "unknown")) continue;
        cr_assert_not_null(w, "--by %s: group '%s' is not in the truth", dim, v);
        long items = (long)json_integer_value(json_is_integer(w) ? w : json_object_get(w, "items"));
        cr_expect_eq(json_integer_value(t_get(g, "items")), items, "--by %s, %s: items", dim, v);
        if (json_is_object(w)) {
            cr_expect_eq(json_integer_value(t_get(g, "upheld")),
                         json_integer_value(json_object_get(w, "upheld")), "--by %s, %s", dim, v);
            json_t *letters = json_object_get(w, "letters");
            if (letters)
                cr_expect_eq(json_integer_value(t_get(g, "letters")), json_integer_value(letters),
                             "--by %s, %s: letters", dim, v);
        }
        matched++;
    }
    cr_expect_eq(matched, json_object_size(want), "--by %s: every group of the truth", dim);
    json_decref(s);
    free(out);
}

Test(report, stats_reproduce_the_generators_true_counts, .timeout = 300)
{
    cr_assert_eq(t_sh(NULL,
                      "%s gen -q --seed 7 --count 3000 --out %s/gen && %s extract -q "
                      "%s/gen/letters -o %s/gen.jsonl",
                      IMRX_BINARY, tmp, IMRX_BINARY, tmp, tmp),
                 0);
    char path[256], records[256];
    snprintf(path, sizeof path, "%s/gen/truth.json", tmp);
    snprintf(records, sizeof records, "%s/gen.jsonl", tmp);
    json_t *truth = json_load_file(path, 0, NULL);
    cr_assert_not_null(truth);
    char *out;
    cr_assert_eq(t_sh(&out, "%s stats %s -f json", IMRX_BINARY, records), 0);
    json_t *all = json_loads(out, 0, NULL);
    free(out);
    cr_assert_eq(json_integer_value(t_get(all, "letters")),
                 json_integer_value(t_get(truth, "letters")));
    cr_assert_eq(json_integer_value(t_get(all, "items")),
                 json_integer_value(t_get(truth, "items")));
    cr_assert_eq(json_integer_value(t_get(all, "upheld")),
                 json_integer_value(t_get(truth, "upheld")));
    json_decref(all);
    static const char *const pairs[][2] = {
        {"by_category", "category"}, {"by_year", "year"},
        {"by_layout", "layout"},     {"by_priority", "priority"},
        {"by_partial", "partial"},   {"by_drug_class", "drug_class"},
        {"by_drug", "drug"},         {"by_specialty", "specialty_written"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        expect_truth(truth, pairs[i][0], pairs[i][1], records);
    json_decref(truth);

    /* and the two halves of the archive, extracted apart, merge to the whole */
    cr_assert_eq(t_sh(NULL,
                      "%s extract -q --shard 1/2 %s/gen/letters -o %s/h1.jsonl && %s extract "
                      "-q --shard 2/2 %s/gen/letters -o %s/h2.sqlite",
                      IMRX_BINARY, tmp, tmp, IMRX_BINARY, tmp, tmp),
                 0);
    char *whole, *merged;
    cr_assert_eq(t_sh(&whole, "%s stats %s --by category,year -f csv", IMRX_BINARY, records), 0);
    cr_assert_eq(t_sh(&merged, "%s stats %s/h1.jsonl %s/h2.sqlite --by category,year -f csv",
                      IMRX_BINARY, tmp, tmp),
                 0);
    cr_assert_str_eq(merged, whole);
    free(whole);
    free(merged);
}
