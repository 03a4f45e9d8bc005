/* Layout detection and section splitting: the seed letter, every real development letter in both
 * renderings, the project's letters of every layout, and text that is no letter. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* "header,reviewer,summary,decisions" for a record. */
static void section_names(json_t *rec, char *out, size_t len)
{
    out[0] = '\0';
    size_t i;
    json_t *s;
    json_array_foreach(t_get(rec, "sections"), i, s)
    {
        size_t n = strlen(out);
        snprintf(out + n, len - n, "%s%s", i ? "," : "", t_str(s, "name"));
    }
}

static void expect_layout(const char *path, const char *layout, const char *sections)
{
    json_t *r = t_run_file(path);
    char names[512];
    section_names(r, names, sizeof names);
    cr_expect_str_eq(t_str(r, "layout"), layout, "%s", path);
    cr_expect_str_eq(names, sections, "%s", path);
    cr_expect(json_is_null(t_get(r, "error")), "%s: no error", path);
    /* a complete letter raises no structural warning */
    size_t i;
    json_t *w;
    json_array_foreach(t_get(r, "warnings"), i, w)
    {
        cr_expect(strcmp(t_str(w, "plugin"), "core") != 0, "%s: %s", path, t_str(w, "message"));
    }
    json_decref(r);
}

Test(layout, seed_letter_is_a_headerless_layout_a)
{
    if (!t_real_dir()) {
        T_SKIP("../shared not found: skipping the seed letter");
    }
    expect_layout(IMRX_SOURCE_DIR "/../shared/seeds/seed-letter-2015-physical-therapy.txt", "A",
                  "reviewer,summary,decisions");
}

Test(layout, every_real_letter_in_both_renderings_and_as_pdf)
{
    const char *dir = t_real_dir();
    if (!dir) {
        T_SKIP("../shared/real-letters/dev not found: skipping");
    }
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || strstr(e->d_name, "README")) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        expect_layout(path, "A", "header,reviewer,summary,decisions");
        n++;
    }
    closedir(d);
    cr_assert_eq(n, 195, "65 letters x (layout text, raw text, PDF)");
}

Test(layout, project_letters_of_every_layout)
{
    static const struct {
        const char *prefix, *layout, *sections;
    } want[] = {
        {"A-layout-", "A", "header,reviewer,summary,decisions"},
        {"A-raw-", "A", "header,reviewer,summary,decisions"},
        {"A-headerless-", "A", "reviewer,summary,decisions"},
        {"B-", "B", "header,reviewer,documents,summary,decisions,closing"},
        {"C-", "C", "header,issues,summary,documents,guidelines,rationale,reviewer"},
        {"D-", "D", "header,issues,procedure,reviewer,summary,documents,decisions"},
    };
    int seen[6] = {0};
    DIR *d = opendir(IMRX_SOURCE_DIR "/corpus/letters");
    cr_assert_not_null(d);
    for (struct dirent *e; (e = readdir(d));) {
        for (int k = 0; k < 6; k++) {
            if (strncmp(e->d_name, want[k].prefix, strlen(want[k].prefix)) != 0) continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/corpus/letters/%s", IMRX_SOURCE_DIR, e->d_name);
            expect_layout(path, want[k].layout, want[k].sections);
            seen[k]++;
        }
    }
    closedir(d);
    for (int k = 0; k < 6; k++) cr_expect_geq(seen[k], 5, "letters of kind %s", want[k].prefix);
}

Test(layout, text_that_is_no_letter_is_unknown_with_an_error)
{
    json_t *r =
        t_run_text("# imrx\n\nA README file that talks about CLINICAL CASE SUMMARY once.\n");
    cr_assert_str_eq(t_str(r, "layout"), "unknown");
    cr_assert_str_eq(t_str(r, "error.stage"), "layout");
    cr_assert(strstr(t_str(r, "error.message"), "not an IMR determination letter"));
    cr_assert_eq(json_array_size(t_get(r, "sections")), 0);
    json_decref(r);
}

Test(layout, truncated_duplicated_and_reordered_sections_are_warned_about)
{
    json_t *r = t_run_text("Case Number: CM16-9000001\n"
                           "HOW THE IMR FINAL DETERMINATION WAS MADE\nText.\n"
                           "CLINICAL CASE SUMMARY\nThe worker.\n");
    cr_assert_str_eq(t_str(r, "layout"), "A");
    json_t *w = t_get(r, "warnings.0");
    cr_assert(strstr(t_str(w, "message"), "no 'decisions' section"), "%s", t_str(w, "message"));
    json_decref(r);

    r = t_run_text("Case Number: CM16-9000001\nIMR ISSUES, DECISIONS AND RATIONALES\nX: Upheld\n"
                   "HOW THE IMR FINAL DETERMINATION WAS MADE\nText.\n"
                   "CLINICAL CASE SUMMARY\nThe worker.\nCLINICAL CASE SUMMARY\nAgain.\n");
    cr_assert_str_eq(t_str(r, "layout"), "A");
    char all[2048] = "";
    size_t i;
    json_array_foreach(t_get(r, "warnings"), i, w)
    {
        strncat(all, t_str(w, "message"), sizeof all - strlen(all) - 2);
        strcat(all, "|");
    }
    cr_assert(strstr(all, "out of the usual order"), "%s", all);
    cr_assert(strstr(all, "appears again"), "%s", all);
    json_decref(r);
}

Test(layout, sections_map_to_original_offsets)
{
    /* Leading spaces and a form feed before the heading: the section span starts at the
     * heading's first byte in the original. */
    const char text[] =
        "Case Number: CM16-9000001\n\n\f        HOW THE IMR FINAL DETERMINATION WAS MADE\n"
        "Text.\nCLINICAL CASE SUMMARY\nThe worker.\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\nX: Upheld\n";
    json_t *r = t_run_text(text);
    json_t *span = t_get(r, "sections.1.span");
    size_t b = (size_t)json_integer_value(json_array_get(span, 0));
    cr_assert_eq(b, (size_t)(strstr(text, "HOW THE") - text));
    cr_assert_str_eq(t_str(r, "sections.1.name"), "reviewer");
    json_decref(r);
}

Test(layout, imrx_text_shows_the_sections_plugins_see)
{
    char *out;
    cr_assert_eq(t_sh(&out, "%s text %s/corpus/letters/C-01.txt", IMRX_BINARY, IMRX_SOURCE_DIR), 0);
    cr_assert(strncmp(out, "=== layout C ===\n", 17) == 0, "%.60s", out);
    static const char *const sections[] = {"header",     "issues",    "summary", "documents",
                                           "guidelines", "rationale", "reviewer"};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        char marker[64];
        snprintf(marker, sizeof marker, "=== section %s (normalised [", sections[i]);
        cr_expect(strstr(out, marker), "%s", marker);
    }
    free(out);
    char *plain;
    cr_assert_eq(
        t_sh(&plain, "%s text --plain %s/corpus/letters/C-01.txt", IMRX_BINARY, IMRX_SOURCE_DIR),
        0);
    cr_assert_null(strstr(plain, "==="), "--plain: the text only");
    cr_assert(strstr(plain, "MEDICAL PROFESSIONAL REVIEW") || strlen(plain) > 1000);
    free(plain);
    cr_assert_eq(t_sh(&out, "%s text %s/README.md 2>&1 >/dev/null", IMRX_BINARY, IMRX_SOURCE_DIR),
                 1);
    cr_assert(strstr(out, "not an IMR determination letter"), "%s", out);
    free(out);
}

/* Layout D copies whose conversion joined lines (H229): the procedure's heading with its first
 * sentence on its line, and the reviewer's heading after the procedure's last sentence. */
Test(layout, layout_d_headings_joined_to_their_neighbours)
{
    const char *const pairs[] = {"RATIONALE\nThe application", "RATIONALE The application",
                                 "records in the case file.\n\nMedical Qualifications",
                                 "records in the case file. Medical Qualifications", NULL};
    json_t *r = t_run_corpus_edited("D-01.txt", pairs);
    char names[512];
    section_names(r, names, sizeof names);
    cr_expect_str_eq(names, "header,issues,procedure,reviewer,summary,documents,decisions");
    cr_expect_str_eq(t_str(r, "reviewer.licensure.0"), "CA");
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2013-08-20");
    json_decref(r);
}

/* Damaged copies of layouts B, C and D (round 64): headings split over two lines or joined to
 * their text, headings whose words justified text set two spaces apart. */
Test(layout, headings_of_damaged_copies_of_b_c_and_d)
{
    const char *const c[] = {"ISSUE AT DISPUTE:\n1) Acupuncture",
                             "ISSUE AT DISPUTE: 1) Acupuncture",
                             "CASE SUMMARY:\n",
                             "CASE\nSUMMARY: ",
                             "review on 05/02/2014.\n\fDOCUMENTS REVIEWED FOR DETERMINATION:",
                             "review on 05/02/2014. DOCUMENTS REVIEWED FOR DETERMINATION:",
                             "NECESSARY:\n1) The guidelines",
                             "NECESSARY: 1) The guidelines",
                             NULL};
    json_t *r = t_run_corpus_edited("C-01.txt", c);
    char names[512];
    section_names(r, names, sizeof names);
    cr_expect_str_eq(names, "header,issues,summary,documents,guidelines,rationale,reviewer");
    cr_expect_eq(json_array_size(t_get(r, "items")), 1);
    cr_expect_str_eq(t_str(r, "items.0.text"),
                     "Acupuncture 2 times a week for 6 weeks for the lumbar spine");
    cr_expect_gt(json_integer_value(t_get(r, "items.0.rationale.words")), 20);
    cr_expect_eq(json_integer_value(t_get(r, "patient.age")), 45);
    json_decref(r);
    const char *const b[] = {"CLINICAL CASE SUMMARY\nThe patient",
                             "CLINICAL CASE SUMMARY The patient", NULL};
    r = t_run_corpus_edited("B-01.txt", b);
    cr_expect_eq(json_integer_value(t_get(r, "patient.age")), 52);
    json_decref(r);
    const char *const d[] = {"Medical Qualifications of the Expert Reviewer:",
                             "Medical  Qualifications  of  the  Expert  Reviewer:", NULL};
    r = t_run_corpus_edited("D-02.txt", d);
    section_names(r, names, sizeof names);
    cr_expect(strstr(names, "reviewer") != NULL, "%s", names);
    json_decref(r);
}
