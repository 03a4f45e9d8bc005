/* The normaliser: each quirk of docs/normalisation.md, and offsets mapped back exactly. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "letter/doc.h"

static imrx_doc_t doc;

static void setup(void)
{
    imrx_doc_init(&doc);
}

static void teardown(void)
{
    imrx_doc_free(&doc);
}

static const char *norm(const char *in)
{
    cr_assert_eq(imrx_doc_load(&doc, "t", (const unsigned char *)in, strlen(in)), IMRX_OK);
    return doc.text.data;
}

static const char *normn(const char *in, size_t n)
{
    cr_assert_eq(imrx_doc_load(&doc, "t", (const unsigned char *)in, n), IMRX_OK);
    return doc.text.data;
}

/* The original bytes behind the first occurrence of `needle` in the normalised text. */
static char *origin_of(const char *needle)
{
    const char *at = strstr(doc.text.data, needle);
    cr_assert_not_null(at, "'%s' in normalised text:\n%s", needle, doc.text.data);
    uint32_t b = (uint32_t)(at - doc.text.data);
    imrx_span_t o = imrx_doc_original_span(&doc, imrx_span(b, b + strlen(needle)));
    cr_assert_leq(o.end, doc.orig_len);
    char *s = malloc(o.end - o.begin + 1);
    memcpy(s, doc.orig + o.begin, o.end - o.begin);
    s[o.end - o.begin] = '\0';
    return s;
}

#define assert_origin(needle, expected)                                                            \
    do {                                                                                           \
        char *o_ = origin_of(needle);                                                              \
        cr_assert_str_eq(o_, expected);                                                            \
        free(o_);                                                                                  \
    } while (0)

TestSuite(normalize, .init = setup, .fini = teardown);

Test(normalize, ascii_text_is_unchanged_and_maps_to_itself)
{
    cr_assert_str_eq(norm("Case Number: CM16-0213037\nPriority: Standard\n"),
                     "Case Number: CM16-0213037\nPriority: Standard\n");
    assert_origin("CM16-0213037", "CM16-0213037");
    imrx_span_t o = imrx_doc_original_span(&doc, imrx_span(14, 26));
    cr_assert_eq(o.begin, 14);
    cr_assert_eq(o.end, 26);
}

Test(normalize, crlf_and_lone_cr_become_lf)
{
    cr_assert_str_eq(norm("Line one.\r\nLine two.\rLine three.\r\n"),
                     "Line one.\nLine two.\nLine three.\n");
    assert_origin("Line three.", "Line three.");
}

Test(normalize, form_feeds_are_removed_at_line_starts_and_break_lines_elsewhere)
{
    cr_assert_str_eq(norm("Decision rationale: short.\n\fMAXIMUS guideline: x.\n"),
                     "Decision rationale: short.\nMAXIMUS guideline: x.\n");
    assert_origin("MAXIMUS guideline", "MAXIMUS guideline");
    cr_assert_str_eq(norm("First page ends.\fSecond page.\n"), "First page ends.\nSecond page.\n");
}

Test(normalize, odd_spaces_quotes_and_dashes_are_folded)
{
    /* NBSP, narrow NBSP, curly quotes, en and em dash, ellipsis, soft hyphen, zero width space */
    norm("A\xC2\xA0"
         "48\xE2\x80\xAFyear old \xE2\x80\x9Cworked\xE2\x80\x9D \xE2\x80\x98well\xE2\x80"
         "\x99 10\xE2\x80\x93"
         "12 \xE2\x80\x94 ok\xE2\x80\xA6 hy\xC2\xADphen z\xE2\x80\x8Bw.\n");
    cr_assert_str_eq(doc.text.data, "A 48 year old \"worked\" 'well' 10-12 - ok... hyphen zw.\n");
    assert_origin("\"worked\"", "\xE2\x80\x9Cworked\xE2\x80\x9D");
    assert_origin("year", "year");
    assert_origin("10-12", "10\xE2\x80\x93"
                           "12");
    /* ligatures, which PDF tools other than pdftotext keep */
    cr_assert_str_eq(norm("Nor\xEF\xAC\x82"
                          "ex, non-certi\xEF\xAC\x81"
                          "ed, o\xEF\xAC\x83"
                          "ce\n"),
                     "Norflex, non-certified, office\n");
    assert_origin("Norflex", "Nor\xEF\xAC\x82"
                             "ex");
}

Test(normalize, text_is_composed_to_nfc_and_maps_to_the_whole_cluster)
{
    /* "Jose" + combining acute accent: one code point in NFC */
    norm("Dr. Jose\xCC\x81 Garcia reviewed it.\n");
    cr_assert_str_eq(doc.text.data, "Dr. Jos\xC3\xA9 Garcia reviewed it.\n");
    assert_origin("Jos\xC3\xA9", "Jose\xCC\x81");
    assert_origin("Garcia", "Garcia");
    /* the angstrom sign is a singleton: NFC maps it to A with ring */
    norm("\xE2\x84\xAB unit\n");
    cr_assert_str_eq(doc.text.data, "\xC3\x85 unit\n");
}

Test(normalize, invalid_utf8_is_replaced_and_counted)
{
    norm("Norco \xFF"
         "10/325 and \xC3(\n");
    cr_assert_str_eq(doc.text.data, "Norco \xEF\xBF\xBD"
                                    "10/325 and \xEF\xBF\xBD(\n");
    cr_assert_eq(doc.chars.invalid_count, 2);
    cr_assert_eq(doc.chars.first_invalid, 6);
    assert_origin("10/325", "10/325");
}

Test(normalize, utf16_with_a_byte_order_mark_is_converted)
{
    const char le[] = "\xFF\xFE"
                      "C\0M\0\x19\x20s\0\n\0";
    normn(le, sizeof le - 1);
    cr_assert_str_eq(doc.text.data, "CM's\n");
    cr_assert_eq(doc.chars.encoding, IMRX_ENC_UTF16LE);
    assert_origin("M's", "M\0\x19\x20s");
}

Test(normalize, leading_and_trailing_spaces_and_blank_runs_go)
{
    cr_assert_str_eq(norm("\n\n   CLINICAL CASE SUMMARY   \n\n\n\nThe worker.  \n"),
                     "CLINICAL CASE SUMMARY\n\nThe worker.\n");
    assert_origin("CLINICAL CASE SUMMARY", "CLINICAL CASE SUMMARY");
}

Test(normalize, the_blank_line_after_every_line_rendering_is_undone)
{
    const char *seed = " HOW THE IMR FINAL DETERMINATION WAS MADE \n \n\nLine one of the text. \n\n"
                       "Line two of the text. \n\nLine three. \n\n \nCLINICAL CASE SUMMARY \n\n"
                       "Text again. \n\n";
    cr_assert_str_eq(norm(seed), "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nLine one of the "
                                 "text.\nLine two of the text.\nLine three.\n\nCLINICAL CASE "
                                 "SUMMARY\nText again.\n");
}

Test(normalize, page_footers_and_repeated_page_headers_are_removed)
{
    norm("The first page ends here.\nPage 1 of 3\n\fCM16-9012345\nThe second page.\n"
         "- 2 -\n\f\n3\nLast page.\n");
    /* the blank line at the second break stays: the sentence before it ended */
    cr_assert_str_eq(doc.text.data, "The first page ends here.\nThe second page.\n\nLast page.\n");
    /* a case number in the header is not a page header */
    cr_assert_str_eq(norm("Case Number:\n\nCM16-9012345\n"), "Case Number:\n\nCM16-9012345\n");
    /* the labelled running header goes, on every page but the first; a date broken over the
     * page break joins */
    cr_assert_str_eq(norm("Case Number: CM16-9012345\nThe PR2 dated 10-\nPage 1 of 2\n\f"
                          "IMR Case Number : CM16-9012345\n20-16 noted pain.\n"),
                     "Case Number: CM16-9012345\nThe PR2 dated 10-20-16 noted pain.\n");
    cr_assert_str_eq(norm("Neck pain.\n\fCASE NUMBER: CM16-9012345\nMRI of the neck: Upheld\n"),
                     "Neck pain.\nMRI of the neck: Upheld\n");
    /* a footer of two lines, the case number above the page number, inside a sentence */
    cr_assert_str_eq(norm("In a determination\nCM15-0466031\nPage 1 of 3\n\n\fdated June 30, "
                          "2015, utilization review denied it.\n"),
                     "In a determination\ndated June 30, 2015, utilization review denied it.\n");
    /* the case number and the page number on one footer line, in either order, even inside a
     * sentence; a line that only names the case number with other words stays */
    cr_assert_str_eq(norm("Lidoderm 5%, one patch daily,\nCM17-0754276          Page 1 of 2\n\f30 "
                          "patches: Upheld\n"),
                     "Lidoderm 5%, one patch daily,\n30 patches: Upheld\n");
    cr_assert_str_eq(norm("Neck pain.\nPage 2 of 3 - Case Number: CM16-9012345\n\fMRI: Upheld\n"),
                     "Neck pain.\nMRI: Upheld\n");
    cr_assert_str_eq(norm("Dilaudid 4mg every 6 hours as needed\n\nPage 1 of 2\n\fCM16-0711728\n\n"
                          "#120: Upheld\n"),
                     "Dilaudid 4mg every 6 hours as needed\n#120: Upheld\n");
    cr_assert_str_eq(norm("Lyrica 75mg #60:\n\nIMR Case: CM22-0258817          Page 1 of 2\n\n"
                          "\fUpheld\n"),
                     "Lyrica 75mg #60:\nUpheld\n");
    cr_assert_str_eq(norm("See Page 2 of the CM16-9012345 file.\n"),
                     "See Page 2 of the CM16-9012345 file.\n");
    /* a blank line and a footer between a drug's name and its strength: no paragraph break;
     * a numbered list's next number after one stays a line of its own */
    cr_assert_str_eq(norm("the original request, Percocet\n\nPage 2 of 3\n\f5/325mg #30 is: "
                          "Overturned\n"),
                     "the original request, Percocet 5/325mg #30 is: Overturned\n");
    cr_assert_str_eq(norm("1. Lumbar strain\n\nPage 2 of 3\n\f2. Knee sprain\n"),
                     "1. Lumbar strain\n\n2. Knee sprain\n");
}

/* A running title: one ending in the labelled case number, or any short capitalised line that
 * starts two pages; not a label line or a sentence that happens to start two pages. */
Test(normalize, running_titles_go_and_repeated_labels_stay)
{
    cr_assert_str_eq(
        norm("Neck pain.\nPage 1 of 2\n\fFinal Determination Letter for IMR Case Number "
             "CM15-0153728\nMRI of the neck: Upheld\n"),
        "Neck pain.\nMRI of the neck: Upheld\n");
    /* the label abbreviated: "Case No.", "Case #" */
    cr_assert_str_eq(norm("Neck pain.\n  Page 1 of 2\n\fIMR Case No. CM17-0495031\nMRI of the "
                          "neck: Upheld\n"),
                     "Neck pain.\nMRI of the neck: Upheld\n");
    cr_assert_str_eq(norm("Neck pain.\n\fCase #: CM17-0495031\nMRI of the neck: Upheld\n"),
                     "Neck pain.\nMRI of the neck: Upheld\n");
    cr_assert_str_eq(norm("Neck pain.\n\fCase Notes CM17-0495031\nMRI: Upheld\n"),
                     "Neck pain.\nCase Notes CM17-0495031\nMRI: Upheld\n");
    cr_assert_str_eq(norm("One.\n\fIndependent Medical Review Letter\nTwo.\n\fIndependent Medical "
                          "Review Letter\nThree.\n"),
                     "One.\nTwo.\nThree.\n");
    const char *labels = "Neck pain.\n\fMAXIMUS guideline: Decision based on MTUS 2009.\nX.\n"
                         "\fMAXIMUS guideline: Decision based on MTUS 2009.\nY.\n";
    cr_assert_str_eq(norm(labels),
                     "Neck pain.\nMAXIMUS guideline: Decision based on MTUS 2009.\nX.\n"
                     "MAXIMUS guideline: Decision based on MTUS 2009.\nY.\n");
    const char *prose = "The reviewer read the\n\fthe MTUS Guidelines and the file\nOne.\nThe "
                        "reviewer read the\n\fthe MTUS Guidelines and the file\nTwo.\n";
    const char *first = strstr(norm(prose), "the MTUS Guidelines and the file");
    cr_assert(first && strstr(first + 1, "the MTUS Guidelines and the file"), "both kept: %s",
              doc.text.data);
}

/* "<item>:" then a page break, its furniture and a blank line, then "Upheld": the blank line is
 * the break's, not a paragraph's. */
Test(normalize, a_label_waits_for_its_value_across_a_page_break)
{
    const char *in = "The request was reviewed.\n\nRepeat lumbar epidural steroid injection\n"
                     "with moderate sedation:\n   Page 1 of 3\n\fCM15-0153728\n\nUpheld\n\n"
                     "Claims Administrator guideline: none.\n";
    cr_assert(strstr(norm(in), "with moderate sedation:\nUpheld\n"), "%s", doc.text.data);
    /* a sentence that ended keeps its paragraph break across the page */
    in = "The request was reviewed.\n\nThe file was read in full.\n   Page 1 of "
         "3\n\fCM15-0153728\n\n"
         "A new paragraph.\n";
    cr_assert(strstr(norm(in), "in full.\n\nA new paragraph."), "%s", doc.text.data);
}

Test(normalize, hyphenated_line_breaks_join_only_where_the_hyphen_breaks_a_word)
{
    const char *in = "The California MTUS Chronic Pain Medical Treatment Guide-\nlines say that "
                     "treat-\nment with non-\nsteroidal drugs and x-\nray follow-\nup on 10-30-\n"
                     "2016 and evidence-\nbased care are Anti-\nInflammatory after an industrial-\n"
                     "work injury to the inter-\nnal meniscus.\n";
    cr_assert_str_eq(norm(in), "The California MTUS Chronic Pain Medical Treatment Guidelines say "
                               "that treatment with non-steroidal drugs and x-ray follow-up on "
                               "10-30-2016 and evidence-based care are Anti-Inflammatory after an "
                               "industrial-work injury to the internal meniscus.\n");
    assert_origin("Guidelines", "Guide-\nlines");
    assert_origin("10-30-2016", "10-30-\n2016");
}

Test(normalize, wrapped_lines_join_where_the_sentence_continues)
{
    const char *in =
        "The injured worker is a 48 year old male who sustained an industrial injury\n"
        "on 10-13-16. The injured worker was being treated for the diagnoses of right\n"
        "shoulder contusion and neck strain.\n"
        "MRI of the right shoulder: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints\n"
        "2004.\n"
        "ISSUE AT DISPUTE:\n1) Norco 10/325mg #60 for the patient with chronic low back\n"
        "2) Lidoderm patches\n";
    cr_assert_str_eq(norm(in),
                     "The injured worker is a 48 year old male who sustained an industrial injury "
                     "on 10-13-16. The injured worker was being treated for the diagnoses of right "
                     "shoulder contusion and neck strain.\n"
                     "MRI of the right shoulder: Upheld\n"
                     "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints "
                     "2004.\nISSUE AT DISPUTE:\n1) Norco 10/325mg #60 for the patient with chronic "
                     "low back\n2) Lidoderm patches\n");
    assert_origin("injury on", "injury\non");
}

Test(normalize, rows_of_dates_do_not_join)
{
    /* a header that kept only its values: each row ends and starts with a date */
    const char *in =
        "CM16-0961184\n10/17/2016                                           02/08/2016\n"
        "11/14/2016                                           09/30/2016\n"
        "Standard                                             10/10/2016\n";
    cr_assert_str_eq(norm(in), in);
    /* prose that wraps before a date still joins */
    cr_assert_str_eq(norm("The injured worker was seen by the treating physician many times, and "
                          "the latest visit was on\n10/17/2016 when he reported pain.\n"),
                     "The injured worker was seen by the treating physician many times, and the "
                     "latest visit was on 10/17/2016 when he reported pain.\n");
}

Test(normalize, a_blank_line_at_a_page_break_inside_a_sentence_goes)
{
    cr_assert_str_eq(norm("The request for the acupuncture with the capsaicin patches were\n\n"
                          "\fpreviously denied.\n\nNext paragraph.\n"),
                     "The request for the acupuncture with the capsaicin patches were previously "
                     "denied.\n\nNext paragraph.\n");
}

/* A page that ends on a comma or on a word that leaves its sentence open goes on on the next
 * page, even in capitals: an item wrapped over the break stays one item. */
Test(normalize, a_page_that_ends_inside_a_sentence_goes_on_whatever_the_case)
{
    const char *in =
        "Associated surgical service: Pre-operative medical clearance with history and "
        "physical, EKG,\nPage 1 of 2\n\n\fCBC, BMP and PT/INR: Upheld\n";
    cr_assert(strstr(norm(in), "EKG,\nCBC, BMP and PT/INR: Upheld"), "%s", doc.text.data);
    in = "The request is for twelve sessions of physical therapy for the\nPage 1 of 2\n\n"
         "\fCervical spine: Upheld\n";
    cr_assert(strstr(norm(in), "for the\nCervical spine: Upheld"), "%s", doc.text.data);
    in = "The current diagnoses are: major depressive disorder, recurrent, moderate;\nPage 1 of "
         "3\n\nCM16-0601358\npanic disorder; and insomnia disorder.\n";
    cr_assert(strstr(norm(in), "moderate;\npanic disorder;"), "%s", doc.text.data);
    /* a page that ended its sentence keeps the paragraph break */
    in = "The request was reviewed in full.\nPage 1 of 2\n\n\fCBC: Upheld\n";
    cr_assert(strstr(norm(in), "in full.\n\nCBC: Upheld"), "%s", doc.text.data);
}

/* "Case CM14-0129684 - Page 1 of 2": a footer with the bare word "Case" before the number (H126) */
Test(normalize, a_footer_with_case_and_the_number)
{
    cr_assert_str_eq(norm("Utilization review non-certified the request on December 9,\n"
                          "Case CM14-0129684 - Page 1 of 2\n\f2013, on the grounds that it "
                          "failed.\n"),
                     "Utilization review non-certified the request on December 9, 2013, on the "
                     "grounds that it failed.\n");
}

Test(normalize, empty_and_whitespace_only_input)
{
    cr_assert_str_eq(normn("", 0), "");
    cr_assert_str_eq(norm(" \n\n \f \n"), "");
}

/* Property: every word of the normalised text maps back to the same word in the original, less
 * the line breaks and hyphens that joining removed. */
static void check_words_map_back(const char *path)
{
    size_t n;
    char *orig = t_slurp(path, &n);
    cr_assert_not_null(orig);
    cr_assert_eq(imrx_doc_load(&doc, path, (unsigned char *)orig, n), IMRX_OK);
    /* The maps' bucket index gives what their binary search gives, from every offset. */
    cr_assert(doc.map1.indexed && doc.map2.indexed, "%s: the maps are indexed", path);
    for (uint32_t x = 0; x <= doc.text.len; x++) {
        static const uint32_t lengths[] = {0, 1, 7, 40};
        for (size_t k = 0; k < 4; k++) {
            uint32_t y = x + lengths[k] <= doc.text.len ? x + lengths[k] : (uint32_t)doc.text.len;
            imrx_span_t fast = imrx_doc_original_span(&doc, imrx_span(x, y));
            doc.map1.indexed = doc.map2.indexed = 0;
            imrx_span_t slow = imrx_doc_original_span(&doc, imrx_span(x, y));
            doc.map1.indexed = doc.map2.indexed = 1;
            cr_assert(fast.begin == slow.begin && fast.end == slow.end,
                      "%s: [%u,%u) maps to [%u,%u) with the index, [%u,%u) by search", path, x, y,
                      fast.begin, fast.end, slow.begin, slow.end);
        }
    }
    const char *t = doc.text.data;
    size_t checked = 0;
    for (size_t i = 0; i < doc.text.len;) {
        if (!isalnum((unsigned char)t[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < doc.text.len && isalnum((unsigned char)t[j])) j++;
        imrx_span_t o = imrx_doc_original_span(&doc, imrx_span(i, j));
        char word[256], back[256];
        size_t wl = j - i < 255 ? j - i : 255, bl = 0;
        memcpy(word, t + i, wl);
        word[wl] = '\0';
        for (uint32_t k = o.begin; k < o.end && bl < 255; k++)
            if (orig[k] != '-' && orig[k] != '\n' && orig[k] != '\r' && orig[k] != ' ' &&
                orig[k] != '\f')
                back[bl++] = orig[k];
        back[bl] = '\0';
        cr_assert_str_eq(back, word, "%s: word at normalised %zu maps to [%u,%u)", path, i, o.begin,
                         o.end);
        checked++;
        i = j;
    }
    cr_assert_gt(checked, 100, "%s has words", path);
    free(orig);
}

Test(normalize, every_word_of_the_seed_and_corpus_maps_back)
{
    if (t_real_dir())
        check_words_map_back(IMRX_SOURCE_DIR
                             "/../shared/seeds/seed-letter-2015-physical-therapy.txt");
    DIR *d = opendir(IMRX_SOURCE_DIR "/corpus/letters");
    cr_assert_not_null(d);
    int files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!strstr(e->d_name, ".txt")) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/corpus/letters/%s", IMRX_SOURCE_DIR, e->d_name);
        check_words_map_back(path);
        files++;
    }
    closedir(d);
    cr_assert_geq(files, 40);
}

Test(normalize, every_word_of_the_real_letters_maps_back)
{
    const char *dir = t_real_dir();
    if (!dir) {
        T_SKIP("../shared/real-letters/dev not found: skipping the real letters");
    }
    DIR *d = opendir(dir);
    int files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!strstr(e->d_name, ".txt")) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        check_words_map_back(path);
        files++;
    }
    closedir(d);
    cr_assert_eq(files, 130);
}

/* Copies damaged by conversion (round 63): a heading in spaced capitals, bullets of a symbol
 * font in the Private Use Area, a replacement character for an apostrophe, a footer in a box. */
Test(normalize, damage_of_other_conversions)
{
    norm("Intro line.\n\n              H O W  T H E  I M R  F I N A L  D E T E R M I N A T I O N  "
         "W A S  M A D E\nMAXIMUS sent the file.\n");
    cr_assert(strstr(doc.text.data, "\nHOW THE IMR FINAL DETERMINATION WAS MADE\n"), "%s",
              doc.text.data);
    assert_origin("HOW THE", "H O W  T H E");
    cr_assert(strstr(norm("C A S E  S U M M A R Y :\nThe patient is 40.\n"), "CASE SUMMARY:\n"),
              "%s", doc.text.data);
    /* a line of single capitals that is no heading stays ("A B" is too short) */
    cr_assert(strstr(norm("Grade A B\n"), "Grade A B"));
    cr_assert_str_eq(norm("\xEF\x82\xB7 Lumbar strain\n"), "\xE2\x80\xA2 Lumbar strain\n");
    cr_assert_str_eq(norm("de Quervain\xEF\xBF\xBDs tenosynovitis\n"),
                     "de Quervain's tenosynovitis\n");
    norm("She is treated for cervicalgia and right upper\n"
         "                          | CM23-0317691 | Page 1 of 3 |\n"
         "\ftrapezius myofascial pain.\n");
    cr_assert(strstr(doc.text.data, "right upper trapezius myofascial pain."), "%s", doc.text.data);
}

/* Word breaks at line ends marked otherwise (round 64): a not sign, a soft hyphen. */
Test(normalize, word_breaks_marked_by_a_not_sign_or_a_soft_hyphen)
{
    cr_assert_str_eq(
        norm("She took Ultram in 2012 and dis\xC2\xAC\ncontinued it because of "
             "dizziness, and more.\n"),
        "She took Ultram in 2012 and discontinued it because of dizziness, and more.\n");
    cr_assert_str_eq(
        norm("a cervical epidural steroid injec\xC2\xAD\ntion at C5-C6 under guidance, "
             "and more words here.\n"),
        "a cervical epidural steroid injection at C5-C6 under guidance, and more words "
        "here.\n");
}

/* Justified prose whose every gap is two blanks or more is read with single blanks; a header
 * line whose labels keep single blanks is left alone (H236). */
Test(normalize, justified_prose_is_squeezed)
{
    norm("Diagnoses   include   right   femoral   neck   fracture,   status   post   hip   "
         "arthroplasty.\nDate Assigned:        06/13/2017      Date of Injury:      10/22/2016\n");
    cr_assert(strstr(doc.text.data,
                     "Diagnoses include right femoral neck fracture, status post hip "
                     "arthroplasty.\n"),
              "%s", doc.text.data);
    cr_assert(strstr(doc.text.data, "Date Assigned:        06/13/2017"), "%s", doc.text.data);
    assert_origin("include right", "include   right");
}

/* A heading drawn twice to fake bold type, copied with every character doubled (H241). */
Test(normalize, fake_bold_headings_are_undoubled)
{
    norm("Intro line.\n\n        HHOOWW  TTHHEE  IIMMRR  FFIINNAALL  DDEETTEERRMMIINNAATTIIOONN  "
         "WWAASS  MMAADDEE\nMAXIMUS sent the file.\n");
    cr_assert(strstr(doc.text.data, "\nHOW THE IMR FINAL DETERMINATION WAS MADE\n"), "%s",
              doc.text.data);
    assert_origin("HOW", "HHOOWW");
    /* a word of doubled letters in prose stays */
    cr_assert(strstr(norm("The AABB test was done.\n"), "The AABB test was done."));
}
