/* imrx extract end to end: records out = letters in, clear errors for non-letters, exit status,
 * input order with any number of threads, progress, atomic output (inputs: test_inputs.c). */
#include <sys/stat.h>

#include "extract_run.h"

TestSuite(extract, .init = setup, .fini = teardown);

Test(extract, non_letters_give_error_records_and_the_run_goes_on)
{
    write_file("empty.txt", "", 0);
    write_file("binary.txt",
               "\x7f"
               "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
               24);
    const char readme[] = "# Notes\n\nThis folder holds letters. See the CLINICAL CASE SUMMARY.\n";
    write_file("README.txt", readme, sizeof readme - 1);
    const char latin1[] =
        "Case Number: CM16-9000002\nCaf\xe9 \xe9l\xe8ve na\xefve \xe0 \xe9t\xe9\n";
    write_file("latin1.txt", latin1, sizeof latin1 - 1);
    write_file("spaces.txt", "   \n\n\t\n", 6);
    char *copy;
    cr_assert_eq(
        t_sh(NULL, "cp %s/corpus/letters/A-layout-01.txt %s/good.txt", IMRX_SOURCE_DIR, tmp), 0);
    /* 100 MB, sparse: refused by the size limit without being read */
    cr_assert_eq(t_sh(NULL, "truncate -s 100M %s/huge.txt", tmp), 0);

    int code = t_sh(&copy, "%s extract -q %s", IMRX_BINARY, tmp);
    cr_assert_eq(code, 1, "some letters failed: exit 1");
    json_t *recs[16];
    size_t n = parse_lines(copy, recs, 16);
    cr_assert_eq(n, 7, "records out = letters in");
    static const struct {
        const char *file, *stage, *words;
    } want[] = {
        {"empty.txt", "read", "empty file"},
        {"binary.txt", "decode", "binary data"},
        {"README.txt", "layout", "not an IMR determination letter"},
        {"latin1.txt", "decode", "not UTF-8 text"},
        {"spaces.txt", "read", "no text"},
        {"huge.txt", "read", "is 100.0 MiB, over the 8.0 MiB limit for one letter"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        json_t *r = find_source(recs, n, want[i].file);
        cr_expect_str_eq(t_str(r, "error.stage"), want[i].stage, "%s", want[i].file);
        const char *msg = t_str(r, "error.message");
        cr_expect(msg && strstr(msg, want[i].words), "%s: %s", want[i].file, msg);
    }
    json_t *good = find_source(recs, n, "good.txt");
    cr_expect(json_is_null(t_get(good, "error")));
    cr_expect_str_eq(t_str(good, "layout"), "A");
    for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    free(copy);
}

Test(extract, exit_status_0_when_all_letters_read_and_2_for_usage)
{
    cr_assert_eq(t_sh(NULL, "%s extract -q %s/corpus/letters/B-01.txt >/dev/null", IMRX_BINARY,
                      IMRX_SOURCE_DIR),
                 0);
    cr_assert_eq(t_sh(NULL, "%s extract 2>/dev/null", IMRX_BINARY), 2);
    cr_assert_eq(t_sh(NULL, "%s extract --jobs zero x 2>/dev/null", IMRX_BINARY), 2);
    cr_assert_eq(t_sh(NULL, "%s nosuchcommand 2>/dev/null", IMRX_BINARY), 2);
    cr_assert_eq(t_sh(NULL,
                      "%s extract -o /nonexistent/dir/out.jsonl %s/corpus/letters 2>/dev/null",
                      IMRX_BINARY, IMRX_SOURCE_DIR),
                 2);
    char *out;
    cr_assert_eq(t_sh(&out, "%s extract --help", IMRX_BINARY), 0);
    cr_assert(strstr(out, "usage: imrx extract"));
    free(out);
    cr_assert_eq(t_sh(&out, "%s --version", IMRX_BINARY), 0);
    cr_assert(strstr(out, "imrx 0."));
    free(out);
}

/* `imrx extract OPTIONS LETTERS` at -j `jobs`, ordered and --unordered, against -j 1: the same
 * records in the same order, and every record once. `then` ends each command (" | md5sum" for
 * large runs). Returns the -j 1 output. */
static char *check_order(const char *options, const char *letters, int jobs, const char *then)
{
    char *one, *many, *unordered, *sorted;
    cr_assert_eq(t_sh(&one, "%s extract -q -j 1 %s %s%s", IMRX_BINARY, options, letters, then), 0);
    cr_assert_eq(
        t_sh(&many, "%s extract -q -j %d %s %s%s", IMRX_BINARY, jobs, options, letters, then), 0);
    cr_assert_str_eq(one, many, "-j %d writes the -j 1 records in the same order", jobs);
    cr_assert_eq(t_sh(&unordered, "%s extract -q -j %d --unordered %s %s | sort%s", IMRX_BINARY,
                      jobs, options, letters, then),
                 0);
    cr_assert_eq(
        t_sh(&sorted, "%s extract -q -j 1 %s %s | sort%s", IMRX_BINARY, options, letters, then), 0);
    cr_assert_str_eq(unordered, sorted, "--unordered writes the same records, each once");
    free(many);
    free(unordered);
    free(sorted);
    return one;
}

Test(extract, output_is_in_input_order_whatever_the_threads)
{
    char *one = check_order("", IMRX_SOURCE_DIR "/corpus/letters", 4, "");
    json_t *recs[128];
    size_t n = parse_lines(one, recs, 128);
    cr_assert_geq(n, 40);
    for (size_t i = 1; i < n; i++)
        cr_assert_lt(strcmp(t_str(recs[i - 1], "source"), t_str(recs[i], "source")), 0,
                     "folder entries in sorted order");
    for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    free(one);
}

/* More letters than the runner's ring holds (workers take letters in batches, the writer
 * consumes them in batches): order and completeness must survive the ring wrapping around many
 * times, with letters of very different sizes finishing out of order. */
Test(extract, order_holds_when_the_ring_wraps, .timeout = 300)
{
    char dir[] = "/tmp/imrx-ring-XXXXXX";
    cr_assert(mkdtemp(dir));
    cr_assert_eq(
        t_sh(NULL, "%s gen --quiet --seed 5 --count 1500 --noise 2 --out %s/a", IMRX_BINARY, dir),
        0);
    char letters[64];
    snprintf(letters, sizeof letters, "%s/a/letters", dir);
    free(check_order("--no-provenance", letters, 3, " | md5sum"));
    char *count;
    cr_assert_eq(
        t_sh(&count, "%s extract -q -j 3 --unordered %s/a/letters | wc -l", IMRX_BINARY, dir), 0);
    cr_assert_eq(atoi(count), 1500);
    t_sh(NULL, "rm -rf %s", dir);
    free(count);
}

/* Keyed searches (plugins/common/re.h) must find exactly what the plain PCRE2 search finds:
 * with IMRX_RE_VERIFY set every keyed search is checked against the plain one and a difference
 * aborts the run. Over the corpus, its PDFs, the blind letters, generated letters with noise, and
 * the real development letters when they are there. */
Test(extract, keyed_searches_agree_with_plain_ones, .timeout = 300)
{
    char dir[] = "/tmp/imrx-keyed-XXXXXX";
    cr_assert(mkdtemp(dir));
    cr_assert_eq(
        t_sh(NULL, "%s gen --quiet --seed 11 --count 400 --noise 3 --out %s/g", IMRX_BINARY, dir),
        0);
    const char *real = IMRX_SOURCE_DIR "/../shared/real-letters/dev";
    struct stat st;
    int have_real = stat(real, &st) == 0;
    char *err;
    int rc = t_sh(&err,
                  "IMRX_RE_VERIFY=1 %s extract -q -j 2 %s/corpus/letters %s/corpus/pdf "
                  "%s/corpus/blind/letters %s/g/letters %s -o /dev/null 2>&1",
                  IMRX_BINARY, IMRX_SOURCE_DIR, IMRX_SOURCE_DIR, IMRX_SOURCE_DIR, dir,
                  have_real ? real : "");
    cr_expect_eq(rc, 0, "%s", err);
    cr_expect(!strstr(err, "keyed search differs"), "%s", err);
    free(err);
    /* U+017F (long s) is an "s" to caseless PCRE2: a summary holding one takes the plain
     * search, which finds "diagno\u017fed with" as the keyed one could not. */
    size_t n;
    char *orig = t_slurp(IMRX_SOURCE_DIR "/corpus/letters/A-headerless-01.txt", &n);
    cr_assert_not_null(orig);
    char *at = strstr(orig, "CLINICAL CASE SUMMARY");
    cr_assert_not_null(at);
    at = strchr(at, '\n') + 1; /* the line after the heading */
    char path[256];
    snprintf(path, sizeof path, "%s/long-s.txt", dir);
    FILE *fp = fopen(path, "w");
    cr_assert_not_null(fp);
    fwrite(orig, 1, (size_t)(at - orig), fp);
    fputs("The patient was diagno\xc5\xbf"
          "ed with lumbar radiculopathy.\n",
          fp);
    fputs(at, fp);
    fclose(fp);
    free(orig);
    char *out;
    cr_assert_eq(t_sh(&out, "IMRX_RE_VERIFY=1 %s extract -q %s", IMRX_BINARY, path), 0);
    cr_expect(strstr(out, "\"lumbar radiculopathy\""), "%s", out);
    free(out);
    t_sh(NULL, "rm -rf %s", dir);
}

Test(extract, output_file_appears_only_when_complete)
{
    char *out;
    cr_assert_eq(t_sh(&out, "%s extract -q -o %s/records.jsonl %s/corpus/letters; ls %s",
                      IMRX_BINARY, tmp, IMRX_SOURCE_DIR, tmp),
                 0);
    cr_assert(strstr(out, "records.jsonl"));
    cr_assert_null(strstr(out, "records.jsonl.partial"));
    free(out);
    struct stat st;
    char path[256];
    snprintf(path, sizeof path, "%s/records.jsonl", tmp);
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_gt(st.st_size, 1000);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

Test(extract, the_letter_count_for_the_eta_matches_the_run)
{
    const char *args[] = {IMRX_SOURCE_DIR "/corpus/letters", IMRX_SOURCE_DIR "/corpus/README.md"};
    imrx_source_options_t opt = {.max_size = 1 << 20};
    for (uint32_t shard = 0; shard <= 3; shard++) {
        char flag[32] = "";
        if (shard) snprintf(flag, sizeof flag, "--shard %u/3", shard);
        opt.shard_k = shard;
        opt.shard_n = shard ? 3 : 0;
        char *out;
        /* README.md is not a letter: an error record (exit status 1), counted all the same. */
        int rc = t_sh(&out, "%s extract -q %s %s %s", IMRX_BINARY, flag, args[0], args[1]);
        cr_assert(rc == 0 || rc == 1, "exit status %d", rc);
        int64_t n = imrx_sources_count(args, 2, &opt, NULL);
        cr_assert_eq(n, (int64_t)count_lines(out), "shard %u: counted %lld, run wrote %zu", shard,
                     (long long)n, count_lines(out));
        free(out);
    }
    /* Archives and lists would need a second pass over the data: unknown. */
    write_file("a.tar", "", 0);
    char tar[256];
    snprintf(tar, sizeof tar, "%s/a.tar", tmp);
    const char *with_archive[] = {args[0], tar};
    cr_assert_eq(imrx_sources_count(with_archive, 2, &opt, NULL), -1);
    const char *with_list[] = {"-"};
    cr_assert_eq(imrx_sources_count(with_list, 1, &opt, NULL), -1);
    volatile int stop = 1;
    cr_assert_eq(imrx_sources_count(args, 1, &opt, &stop), -1, "a stopped count is no count");
}

Test(extract, progress_line_with_eta_on_a_terminal_only)
{
    char *out;
    if (t_sh(&out, "command -v script >/dev/null") != 0) cr_skip_test("script(1) not installed");
    free(out);
    /* script(1) gives the run a terminal; IMRX_PROGRESS_INTERVAL=0 updates after every letter.
     * The ETA shows once a thread has counted the inputs, which races the run: on a loaded
     * machine the run may end first, so it gets the folders four times and up to three tries. */
    int eta = 0;
    for (int attempt = 0; attempt < 3 && !eta; attempt++) {
        const char *d = IMRX_SOURCE_DIR;
        cr_assert_eq(t_sh(&out,
                          "IMRX_PROGRESS_INTERVAL=0 script -qec '%s extract -j1 -o %s/r.jsonl "
                          "%s/corpus/letters %s/corpus/letters %s/corpus/letters "
                          "%s/corpus/letters' /dev/null",
                          IMRX_BINARY, tmp, d, d, d, d),
                     0);
        cr_assert(strstr(out, "/s  ") && strstr(out, " MB/s "), "letters/s and MB/s: %s", out);
        cr_assert(strstr(out, "imrx: 168 letters"), "a summary at the end: %s", out);
        eta = strstr(out, "  ETA ") != NULL;
        free(out);
    }
    cr_assert(eta, "an ETA once the folders are counted");
    cr_assert_eq(t_sh(&out,
                      "IMRX_PROGRESS_INTERVAL=0 %s extract -j1 -o %s/r2.jsonl "
                      "%s/corpus/letters 2>&1",
                      IMRX_BINARY, tmp, IMRX_SOURCE_DIR),
                 0);
    cr_assert_null(strstr(out, "\033[K"), "no progress line when not a terminal: %s", out);
    cr_assert(strstr(out, "imrx: 42 letters"), "%s", out);
    free(out);
}

Test(extract, bad_option_values_are_usage_errors_that_say_what_was_wanted)
{
    static const struct {
        const char *args, *words;
    } cases[] = {
        {"extract -j 0 corpus/letters", "-j wants a number of threads"},
        {"extract -j 2x corpus/letters", "-j wants a number of threads"},
        {"extract --timeout soon --isolate corpus/letters", "--timeout wants a number"},
        {"extract --shard 4/3 corpus/letters", "--shard wants K/N"},
        {"extract --max-size lots corpus/letters", "--max-size"},
        {"extract -f xml corpus/letters", "xml"},
        {"stats -j x corpus/letters", "-j wants a number of threads"},
        {"stats --min-count -1 corpus/letters", "--min-count wants a number"},
        {"stats --by nonsense corpus/letters", "--by takes"},
        {"report -j 999 corpus/letters -o /dev/null", "-j wants a number of threads"},
        {"eval --gold corpus/gold --worst many corpus/letters", "--worst wants a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out;
        int code = t_sh(&out, "cd %s && %s %s 2>&1 >/dev/null", IMRX_SOURCE_DIR, IMRX_BINARY,
                        cases[i].args);
        cr_expect_eq(code, 2, "%s: exit status %d", cases[i].args, code);
        cr_expect(strstr(out, cases[i].words), "%s: %s", cases[i].args, out);
        free(out);
    }
}

Test(extract, the_format_flag_chooses_the_output_whatever_the_name)
{
    char *out;
    cr_assert_eq(
        t_sh(&out, "%s extract -q -f csv %s/corpus/letters/B-01.txt", IMRX_BINARY, IMRX_SOURCE_DIR),
        0);
    cr_assert(strncmp(out, "source,layout,", 14) == 0, "CSV on standard output: %.80s", out);
    free(out);
    cr_assert_eq(t_sh(NULL, "%s extract -q --format sqlite %s/corpus/letters/B-01.txt -o %s/out.x",
                      IMRX_BINARY, IMRX_SOURCE_DIR, tmp),
                 0);
    char path[256];
    snprintf(path, sizeof path, "%s/out.x", tmp);
    size_t n;
    char *head = t_slurp(path, &n);
    cr_assert(head && n > 16 && memcmp(head, "SQLite format 3", 15) == 0, "a SQLite database");
    free(head);
    cr_assert_eq(t_sh(&out,
                      "%s extract -q -f jsonl %s/corpus/letters/B-01.txt -o %s/out.csv && "
                      "head -c 9 %s/out.csv",
                      IMRX_BINARY, IMRX_SOURCE_DIR, tmp, tmp),
                 0);
    cr_assert_str_eq(out, "{\"imrx\":1", "JSON Lines although the name ends in .csv");
    free(out);
}

Test(extract, a_folder_without_letters_is_said_and_sizes_read_naturally)
{
    write_file("notes.doc", "not a letter\n", 13);
    char *out;
    cr_assert_eq(t_sh(&out, "%s extract -q %s 2>&1", IMRX_BINARY, tmp), 0);
    cr_assert(strstr(out, "no letters found") && strstr(out, "--all-files"), "%s", out);
    free(out);
    cr_assert_eq(t_sh(&out, "%s extract -q --max-size 1k %s/corpus/letters/B-01.txt", IMRX_BINARY,
                      IMRX_SOURCE_DIR),
                 1);
    cr_assert(strstr(out, "KiB, over the 1.0 KiB limit"), "%s", out);
    free(out);
}

/* A mistyped path or a folder of damaged files is seen at once on standard error, not only in
 * the records: the first failing letters are named with their reason, then how many more. */
static void names_failing_letters(const char *mode)
{
    for (int i = 0; i < 12; i++) {
        char name[32];
        snprintf(name, sizeof name, "bad%02d.txt", i);
        write_file(name, "hello\n", 6);
    }
    char *out;
    int code = t_sh(&out, "%s extract %s %s %s/missing.txt -o /dev/null 2>&1", IMRX_BINARY, mode,
                    tmp, tmp);
    cr_assert_eq(code, 1, "exit %d: %s", code, out);
    cr_assert(strstr(out, "bad00.txt: layout: not an IMR determination letter"), "%s", out);
    cr_assert(strstr(out, "bad09.txt: layout:"), "%s", out);
    cr_assert_null(strstr(out, "bad10.txt"), "ten are named, not more: %s", out);
    cr_assert(strstr(out, "3 more letters with errors"), "%s", out);
    cr_assert(strstr(out, "13 letters (13 with errors)"), "%s", out);
    free(out);

    cr_assert_eq(
        t_sh(&out, "%s extract %s %s/missing.txt -o /dev/null 2>&1", IMRX_BINARY, mode, tmp), 1);
    cr_assert(strstr(out, "missing.txt: read: cannot read: No such file or directory"), "%s", out);
    cr_assert_null(strstr(out, "more letters"), "%s", out);
    free(out);

    cr_assert_eq(t_sh(&out, "%s extract -q %s %s -o /dev/null 2>&1", IMRX_BINARY, mode, tmp), 1);
    cr_assert_str_eq(out, "", "--quiet: the records alone say it");
    free(out);
}

Test(extract, failing_letters_are_named_on_standard_error)
{
    names_failing_letters("-j 1");
}

Test(extract, failing_letters_are_named_on_standard_error_when_isolated)
{
    names_failing_letters("-j 2 --isolate");
}

/* An output that is a device or a FIFO is written in place: the atomic write (NAME.partial, then
 * a rename) would replace it with a regular file, and run as root that was /dev/null itself. */
Test(extract, outputs_to_devices_and_fifos_are_written_in_place)
{
    struct stat st;
    char *out;
    cr_assert_eq(t_sh(NULL, "%s extract -q %s/corpus/letters/B-01.txt -o /dev/null", IMRX_BINARY,
                      IMRX_SOURCE_DIR),
                 0);
    cr_assert_eq(t_sh(NULL, "%s extract -q -f csv %s/corpus/letters/B-01.txt -o /dev/null",
                      IMRX_BINARY, IMRX_SOURCE_DIR),
                 0);
    cr_assert_eq(t_sh(NULL, "%s report -q %s/corpus/letters/B-01.txt -o /dev/null", IMRX_BINARY,
                      IMRX_SOURCE_DIR),
                 0);
    cr_assert_eq(stat("/dev/null", &st), 0);
    cr_assert(S_ISCHR(st.st_mode), "/dev/null is still a device");
    cr_assert_neq(access("/dev/null.partial", F_OK), 0);

    cr_assert_eq(t_sh(NULL, "mkfifo %s/fifo.jsonl", tmp), 0);
    cr_assert_eq(t_sh(&out,
                      "cat %s/fifo.jsonl > %s/got.jsonl & %s extract -q %s/corpus/letters/B-01.txt "
                      "-o %s/fifo.jsonl; wait; wc -l < %s/got.jsonl",
                      tmp, tmp, IMRX_BINARY, IMRX_SOURCE_DIR, tmp, tmp),
                 0);
    cr_assert_eq(atoi(out), 1, "the record went through the FIFO: %s", out);
    free(out);
    char fifo[128];
    snprintf(fifo, sizeof fifo, "%s/fifo.jsonl", tmp);
    cr_assert_eq(stat(fifo, &st), 0);
    cr_assert(S_ISFIFO(st.st_mode), "the FIFO is still a FIFO");

    cr_assert_eq(t_sh(&out, "%s extract -q %s/corpus/letters/B-01.txt -o /dev/null -f sqlite 2>&1",
                      IMRX_BINARY, IMRX_SOURCE_DIR),
                 2);
    cr_assert(strstr(out, "a SQLite database needs one"), "%s", out);
    free(out);
    cr_assert_eq(t_sh(&out, "%s extract -q --resume %s/corpus/letters/B-01.txt -o /dev/null 2>&1",
                      IMRX_BINARY, IMRX_SOURCE_DIR),
                 2);
    cr_assert(strstr(out, "cannot resume into /dev/null"), "%s", out);
    free(out);
}
