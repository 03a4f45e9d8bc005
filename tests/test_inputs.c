/* imrx extract's inputs: lists of paths, zip and tar archives read without unpacking, PDFs,
 * shards of the input, file names that are not UTF-8. */
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "extract_run.h"
#include "input/source.h"

TestSuite(inputs, .init = setup, .fini = teardown);

Test(inputs, a_list_of_paths_on_standard_input)
{
    char *out;
    cr_assert_eq(
        t_sh(&out,
             "printf '%%s\\n' %s/corpus/letters/C-01.txt %s/nope.txt %s/corpus/letters/D-02.txt"
             " | %s extract -q -",
             IMRX_SOURCE_DIR, tmp, IMRX_SOURCE_DIR, IMRX_BINARY),
        1);
    json_t *recs[8];
    size_t n = parse_lines(out, recs, 8);
    cr_assert_eq(n, 3);
    cr_assert_str_eq(t_str(recs[0], "layout"), "C");
    cr_assert_str_eq(t_str(recs[1], "error.stage"), "read");
    cr_assert(strstr(t_str(recs[1], "error.message"), "No such file"));
    cr_assert_str_eq(t_str(recs[2], "layout"), "D");
    for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    free(out);
}

/* Writes a zip archive of `count` files (name in the archive, path on disk) with libarchive. */
static void write_zip(const char *zip, const char *const (*files)[2], size_t count)
{
    struct archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    cr_assert_eq(archive_write_open_filename(a, zip), ARCHIVE_OK);
    for (size_t i = 0; i < count; i++) {
        size_t n;
        char *data = t_slurp(files[i][1], &n);
        cr_assert_not_null(data, "%s", files[i][1]);
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, files[i][0]);
        archive_entry_set_size(e, (la_int64_t)n);
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        cr_assert_eq(archive_write_header(a, e), ARCHIVE_OK);
        cr_assert_eq(archive_write_data(a, data, n), (la_ssize_t)n);
        archive_entry_free(e);
        free(data);
    }
    archive_write_close(a);
    archive_write_free(a);
}

Test(inputs, zip_archives_with_text_and_pdf_members)
{
    const char *const files[][2] = {
        {"batch/B-01.txt", IMRX_SOURCE_DIR "/corpus/letters/B-01.txt"},
        {"batch/PDF-C-01.pdf", IMRX_SOURCE_DIR "/corpus/pdf/PDF-C-01.pdf"},
        {"batch/notes.doc", IMRX_SOURCE_DIR "/corpus/README.md"},
    };
    char zip[256];
    snprintf(zip, sizeof zip, "%s/batch.zip", tmp);
    write_zip(zip, files, 3);
    char *out;
    cr_assert_eq(t_sh(&out, "%s extract -q %s", IMRX_BINARY, zip), 0);
    json_t *recs[8];
    size_t n = parse_lines(out, recs, 8);
    cr_assert_eq(n, 2, "the .txt and .pdf members only");
    char want[300];
    snprintf(want, sizeof want, "%s:batch/PDF-C-01.pdf", zip);
    cr_assert_str_eq(t_str(recs[1], "source"), want);
    cr_assert_str_eq(t_str(recs[1], "layout"), "C", "the PDF member is read as a PDF");
    cr_assert(json_is_null(t_get(recs[1], "error")));
    cr_assert_str_eq(t_str(recs[0], "layout"), "B");
    for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    free(out);
}

Test(inputs, archives_are_read_without_unpacking)
{
    cr_assert_eq(t_sh(NULL,
                      "cd %s/corpus && tar czf %s/letters.tar.gz letters/B-01.txt "
                      "letters/C-02.txt letters/README.md 2>/dev/null || tar czf "
                      "%s/letters.tar.gz letters/B-01.txt letters/C-02.txt",
                      IMRX_SOURCE_DIR, tmp, tmp),
                 0);
    char *out;
    cr_assert_eq(t_sh(&out, "%s extract -q %s/letters.tar.gz", IMRX_BINARY, tmp), 0);
    json_t *recs[8];
    size_t n = parse_lines(out, recs, 8);
    cr_assert_eq(n, 2, "the .txt members only");
    char want[256];
    snprintf(want, sizeof want, "%s/letters.tar.gz:letters/B-01.txt", tmp);
    cr_assert_str_eq(t_str(recs[0], "source"), want);
    cr_assert_str_eq(t_str(recs[0], "layout"), "B");
    for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    free(out);

    write_file("broken.tar.gz", "\x1f\x8b\x08\x00garbage-that-is-not-gzip", 28);
    cr_assert_eq(t_sh(&out, "%s extract -q %s/broken.tar.gz", IMRX_BINARY, tmp), 1);
    n = parse_lines(out, recs, 8);
    cr_assert_eq(n, 1);
    cr_assert(strstr(t_str(recs[0], "error.message"), "archive"), "%s",
              t_str(recs[0], "error.message"));
    json_decref(recs[0]);
    free(out);
}

Test(inputs, shards_partition_the_input)
{
    char *all, *a, *b, *c;
    cr_assert_eq(t_sh(&all, "%s extract -q %s/corpus/letters | sort", IMRX_BINARY, IMRX_SOURCE_DIR),
                 0);
    cr_assert_eq(
        t_sh(&a, "%s extract -q --shard 1/3 %s/corpus/letters", IMRX_BINARY, IMRX_SOURCE_DIR), 0);
    cr_assert_eq(
        t_sh(&b, "%s extract -q --shard 2/3 %s/corpus/letters", IMRX_BINARY, IMRX_SOURCE_DIR), 0);
    cr_assert_eq(
        t_sh(&c, "%s extract -q --shard 3/3 %s/corpus/letters", IMRX_BINARY, IMRX_SOURCE_DIR), 0);
    cr_assert(strlen(a) > 0 && strlen(b) > 0 && strlen(c) > 0, "each shard has letters");
    write_file("shards.jsonl", a, strlen(a));
    FILE *fp = fopen("/dev/null", "w");
    fclose(fp);
    char path[256];
    snprintf(path, sizeof path, "%s/shards.jsonl", tmp);
    fp = fopen(path, "a");
    fputs(b, fp);
    fputs(c, fp);
    fclose(fp);
    char *merged;
    cr_assert_eq(t_sh(&merged, "sort %s", path), 0);
    cr_assert_str_eq(merged, all, "the shards together are the whole");
    free(all), free(a), free(b), free(c), free(merged);
}

/* The record's values without what depends on byte positions or file names. */
static void strip_positions(json_t *v)
{
    if (json_is_object(v)) {
        json_object_del(v, "span");
        json_object_del(v, "provenance");
        json_object_del(v, "source");
        json_object_del(v, "sections");
        const char *key;
        json_t *child;
        json_object_foreach(v, key, child) strip_positions(child);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child) strip_positions(child);
    }
}

Test(inputs, a_pdf_extracts_the_same_fields_as_its_text)
{
    /* corpus/pdf/PDF-*.pdf are project letters printed to PDF (scripts/make-corpus-pdfs.sh);
     * each gold file names the text it was printed from. */
    static const char *const pdfs[] = {"PDF-A-01", "PDF-A-02", "PDF-B-01", "PDF-C-01", "PDF-D-01"};
    for (size_t i = 0; i < sizeof pdfs / sizeof pdfs[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/corpus/gold-pdf/%s.json", IMRX_SOURCE_DIR, pdfs[i]);
        json_t *gold = json_load_file(path, 0, NULL);
        cr_assert_not_null(gold, "%s", path);
        const char *text_name = json_string_value(json_object_get(gold, "_source_text"));
        cr_assert_not_null(text_name, "%s names its source text", path);
        snprintf(path, sizeof path, "%s/corpus/pdf/%s.pdf", IMRX_SOURCE_DIR, pdfs[i]);
        json_t *from_pdf = t_run_file(path);
        snprintf(path, sizeof path, "%s/corpus/letters/%s", IMRX_SOURCE_DIR, text_name);
        json_t *from_text = t_run_file(path);
        cr_assert(json_is_null(json_object_get(from_pdf, "error")), "%s read", pdfs[i]);
        strip_positions(from_pdf);
        strip_positions(from_text);
        char *a = json_dumps(from_pdf, JSON_SORT_KEYS), *b = json_dumps(from_text, JSON_SORT_KEYS);
        cr_expect_str_eq(a, b, "%s and %s", pdfs[i], text_name);
        free(a), free(b);
        json_decref(from_pdf), json_decref(from_text), json_decref(gold);
    }
}

/* A file name that is no UTF-8 (Latin-1 "café") still gives a valid JSON record, and --resume
 * finds it again in JSON Lines and in SQLite output. */
Test(inputs, file_names_in_latin1_give_valid_json_and_resume)
{
    char *out;
    cr_assert_eq(t_sh(NULL,
                      "cp %s/corpus/letters/B-01.txt '%s/caf'\"$(printf '\\351')\"'.txt' && "
                      "cp %s/corpus/letters/B-02.txt %s/plain.txt",
                      IMRX_SOURCE_DIR, tmp, IMRX_SOURCE_DIR, tmp),
                 0);
    cr_assert_eq(t_sh(NULL, "%s extract -q %s -o %s/all.jsonl && %s extract -q %s -o %s/all.sqlite",
                      IMRX_BINARY, tmp, tmp, IMRX_BINARY, tmp, tmp),
                 0);
    cr_assert_eq(t_sh(&out, "cat %s/all.jsonl", tmp), 0);
    json_t *recs[4];
    size_t n = parse_lines(out, recs, 4);
    cr_assert_eq(n, 2, "both records are valid JSON");
    find_source(recs, n, "caf\xc3\xa9.txt");
    for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    free(out);
    /* each output cut back to its first record, then resumed: the Latin-1 name is found again */
    cr_assert_eq(t_sh(&out,
                      "cd %s && head -1 all.jsonl > r.jsonl.partial && %s extract %s --resume -o "
                      "r.jsonl 2>&1 && wc -l < r.jsonl",
                      tmp, IMRX_BINARY, tmp),
                 0);
    cr_assert(strstr(out, "1 skipped"), "%s", out);
    free(out);
    cr_assert_eq(t_sh(&out,
                      "cd %s && mv all.sqlite r.sqlite.partial && %s extract %s --resume -o "
                      "r.sqlite 2>&1",
                      tmp, IMRX_BINARY, tmp),
                 0, "a finished database resumed again closes cleanly");
    cr_assert(strstr(out, "2 skipped"), "%s", out);
    free(out);
}
