/* Layouts B, C and D as their writers vary them: the prose dates of layout D told other ways,
 * its decisions "has determined that the request for ...", a partial authorisation told in
 * layout A's three sentences in layouts B and C, a heading wrapped over two lines. Found by the
 * twenty-seventh and twenty-eighth blind rounds (H87, H90); their reviewer prose is in
 * test_credentials.c. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* A layout D letter: its decision lines, procedure paragraph, reviewer sentence, the summary's
 * words after its first sentence, and the "Regarding the request" blocks. */
static json_t *letter_d_with(const char *decisions, const char *procedure, const char *reviewer,
                             const char *summary, const char *blocks)
{
    static char text[8192];
    snprintf(text, sizeof text,
             "MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review "
             "Determination\nDated: 9/12/2013\n\nIMR Case Number: IMR 13-004731\nDate of "
             "Injury: 2/27/2012\nPriority: Standard\n\nMAXIMUS Federal Services, Inc. has "
             "completed the Independent Medical Review (IMR) of the workers' compensation case "
             "identified above. The determination for the disputed item is as follows:\n\n%s\n\n"
             "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n%s\n\nMedical Qualifications of "
             "the Expert Reviewer:\n%s\n\nCase Summary:\nThe patient is a 52 year old male who "
             "injured his shoulder on 2/27/2012.%s\n\nDocuments Reviewed for Determination:\n"
             "Application of Independent Medical Review.\n\n%s",
             decisions, procedure, reviewer, summary, blocks);
    return t_run_text(text);
}

static json_t *letter_d(const char *decisions, const char *procedure, const char *reviewer)
{
    return letter_d_with(decisions, procedure, reviewer, "",
                         "1) Regarding the request for arthroscopic repair of the left rotator "
                         "cuff:\nRationale Why Requested Treatment/Service Is Medically "
                         "Necessary:\nThe repair is indicated.\n");
}

static const char *const one_decision =
    "1) MAXIMUS Federal Services, Inc. has determined the request for arthroscopic repair of the\n"
    "left rotator cuff is medically necessary and appropriate.";
static const char *const plain_procedure =
    "The application for Independent Medical Review was received on 8/9/2013. The utilization\n"
    "review denial is dated 8/2/2013. The case was assigned to MAXIMUS on 8/15/2013.";
static const char *const plain_reviewer =
    "The expert reviewer is Board Certified in Orthopedic Surgery and is licensed to practice in\n"
    "California.";

Test(other_layouts, layout_d_dates_told_other_ways)
{
    static const char *const procedures[] = {
        "MAXIMUS Federal Services, Inc. received the application for Independent Medical Review "
        "on\n8/9/2013. The utilization review denial in dispute is dated 8/2/2013. The case was "
        "assigned to\nMAXIMUS on 8/15/2013.",
        "The Independent Medical Review application was received on 8/9/2013, and the "
        "utilization review\ndenial that it appeals is dated 8/2/2013. The case was assigned to "
        "MAXIMUS on 8/15/2013.",
        "MAXIMUS Federal Services, Inc. received the Independent Medical Review application on "
        "August 9,\n2013. The utilization review denial in question was dated August 2, 2013. On "
        "August 15, 2013, the\ncase was assigned to MAXIMUS.",
        "The Independent Medical Review application reached MAXIMUS on 8/9/2013; the utilization "
        "review\ndenial it challenges is dated 8/2/2013; and the case was assigned to MAXIMUS on "
        "8/15/2013.",
        /* H142: a date in apposition after "the following day," */
        "The application for Independent Medical Review was received on 8/9/2013, and the case "
        "was\nassigned to MAXIMUS the following day, 8/15/2013. The utilization review denial "
        "is dated 8/2/2013.",
        /* H134: a relative clause names another slot; the request for IMR is the application */
        "The application for Independent Medical Review arrived at MAXIMUS on 8/9/2013, and the "
        "case\nwas assigned to MAXIMUS on 8/15/2013. The utilization review denial that led to "
        "the\napplication is dated 8/2/2013.",
        "The request for Independent Medical Review was received on 8/9/2013 and was assigned to "
        "MAXIMUS\nFederal Services, Inc. on 8/15/2013. The utilization review determination that "
        "it disputes was\nissued on 8/2/2013.",
        /* H189: an aside in apposition */
        "The application for Independent Medical Review was received on 8/9/2013. The "
        "utilization\nreview determination, a partial certification, is dated 8/2/2013. The case "
        "was assigned\nto MAXIMUS on 8/15/2013.",
        /* H213: "it" after a semicolon */
        "The utilization review denial in this case is dated 8/2/2013. The application for "
        "Independent\nMedical Review followed; it was received on 8/9/2013, and MAXIMUS was "
        "assigned "
        "the case on\n8/15/2013.",
        /* H205: a date after a participle between commas */
        "An application for Independent Medical Review, received on August 9, 2013, disputes "
        "the\nutilization review denial of August 2, 2013. The case was assigned to MAXIMUS on "
        "August 15,\n2013.",
        /* H197: "the case assignment" */
        "The application for Independent Medical Review was received on 8/9/2013, following a "
        "utilization\nreview denial dated 8/2/2013. MAXIMUS received the case assignment on "
        "8/15/2013.",
        /* H181: an aside between commas before the verb */
        "The application for Independent Medical Review was received on 8/9/2013. The "
        "utilization\nreview denial, which certified part of one request, is dated 8/2/2013. The "
        "case was assigned\nto MAXIMUS on 8/15/2013.",
        NULL};
    for (int i = 0; procedures[i]; i++) {
        json_t *r = letter_d(one_decision, procedures[i], plain_reviewer);
        cr_expect_str_eq(t_str(r, "layout"), "D");
        cr_expect_str_eq(t_str(r, "dates.application_received"), "2013-08-09", "%d", i);
        cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2013-08-02", "%d", i);
        cr_expect_str_eq(t_str(r, "dates.assigned"), "2013-08-15", "%d", i);
        json_decref(r);
    }
}

Test(other_layouts, layout_d_decision_with_that)
{
    json_t *r = letter_d("1) MAXIMUS Federal Services, Inc. has determined that the request for "
                         "a repeat MRI of the\ncervical spine is not medically necessary and "
                         "appropriate.",
                         plain_procedure, plain_reviewer);
    json_t *items = t_get(r, "items");
    cr_assert_eq(json_array_size(items), 1);
    json_t *it = json_array_get(items, 0);
    cr_expect_str_eq(json_string_value(json_object_get(it, "text")),
                     "a repeat MRI of the cervical spine");
    cr_expect_str_eq(json_string_value(json_object_get(it, "decision")), "upheld");
    json_decref(r);
    /* (H181) "has determined that the remaining IMR eligible portion of the request, X, is" */
    r = letter_d("1) MAXIMUS Federal Services, Inc. has determined that the remaining IMR eligible "
                 "portion of\nthe request, Norco 10/325 mg #60, is not medically necessary and "
                 "appropriate.",
                 plain_procedure, plain_reviewer);
    items = t_get(r, "items");
    cr_assert_eq(json_array_size(items), 1);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(items, 0), "text")),
                     "Norco 10/325 mg #60");
    json_decref(r);
}

/* A corpus letter with one passage replaced. */
static json_t *corpus_letter_with(const char *name, const char *old, const char *new)
{
    const char *const pairs[] = {old, new, NULL};
    return t_run_corpus_edited(name, pairs);
}

/* The record's first item is a partial authorisation with these parts (NULL: not checked). */
static void expect_partial(json_t *r, const char *layout, const char *text, const char *original,
                           const char *authorized)
{
    cr_expect_str_eq(t_str(r, "layout"), layout);
    json_t *it = json_array_get(t_get(r, "items"), 0);
    cr_assert_not_null(it);
    cr_expect(json_is_true(json_object_get(it, "partial")));
    const char *want[] = {text, original, authorized};
    const char *keys[] = {"text", "original_request", "authorized"};
    for (int i = 0; i < 3; i++)
        if (want[i])
            cr_expect_str_eq(json_string_value(json_object_get(it, keys[i])), want[i], "%s",
                             keys[i]);
}

/* Layout D names the disputed portion only; its block may tell the original request and what
 * was authorised, and cite what the Claims Administrator relied upon. */
Test(other_layouts, layout_d_partial_authorisation_and_claims_administrator_block)
{
    json_t *r = corpus_letter_with(
        "D-01.txt",
        "1) Regarding the request for a functional restoration program of 160 hours:\n"
        "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:",
        "1) Regarding the request for a functional restoration program of 160 hours:\n"
        "The original request was for 320 hours. The Claims Administrator authorized 160\n"
        "hours. The remaining 160 hours are the subject of this review.\n"
        "Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:\n"
        "The Claims Administrator did not cite any medical evidence for its decision.\n"
        "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:");
    expect_partial(r, "D", NULL, "320 hours", "160 hours");
    cr_expect(json_is_true(t_get(r, "items.0.ca_no_citation")));
    json_decref(r);
    /* the same told other ways */
    static const struct {
        const char *told, *original, *authorized;
    } ways[] = {
        {"320 hours of the program was the original request. The claims administrator certified "
         "160\nhours, and the remaining 160 hours are at issue here.",
         "320 hours of the program", "160 hours"},
        {"320 hours of the program were originally requested. 160 hours were authorized by the "
         "claims\nadministrator.",
         "320 hours of the program", "160 hours"},
        {"Of the original request for 320 hours, the claims administrator certified 160 hours for "
         "a "
         "trial.",
         "320 hours", "160 hours for a trial"},
    };
    for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
        char told[1024];
        snprintf(told, sizeof told,
                 "1) Regarding the request for a functional restoration program of 160 hours:\n%s\n"
                 "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:",
                 ways[i].told);
        r = corpus_letter_with("D-01.txt",
                               "1) Regarding the request for a functional restoration program of "
                               "160 hours:\nMedical Treatment Guideline(s) Relied Upon by the "
                               "Expert Reviewer:",
                               told);
        expect_partial(r, "D", NULL, ways[i].original, ways[i].authorized);
        json_decref(r);
    }
    /* (H173) "certified 6 sessions and non-certified the remaining 6" */
    r = corpus_letter_with("D-01.txt",
                           "1) Regarding the request for a functional restoration program of 160 "
                           "hours:\nMedical Treatment Guideline(s) Relied Upon by the Expert "
                           "Reviewer:",
                           "1) Regarding the request for a functional restoration program of 160 "
                           "hours:\nThe request was for 320 hours. Utilization review certified "
                           "160 hours and non-certified the remaining 160.\nMedical Treatment "
                           "Guideline(s) Relied Upon by the Expert Reviewer:");
    expect_partial(r, "D", NULL, NULL, NULL);
    json_decref(r);
}

Test(other_layouts, layout_c_partial_authorisation_and_layout_b_wrapped_heading)
{
    json_t *r = corpus_letter_with(
        "C-01.txt", "1) Acupuncture 2 times a week for 6 weeks for the lumbar spine: UPHELD",
        "1) Acupuncture 12 sessions for the lumbar spine was the original request. Acupuncture 6\n"
        "sessions for the lumbar spine was authorized by the Claims Administrator. The remaining "
        "IMR\neligible portion of the original request, 6 sessions: UPHELD");
    expect_partial(r, "C", "6 sessions", "Acupuncture 12 sessions for the lumbar spine", NULL);
    json_decref(r);
    /* (H217) "Z is: Overturned", its "is" on a line of its own or not */
    static const char *const is_told[] = {", 6 sessions is: UPHELD", ", 6 sessions\n   is: UPHELD",
                                          NULL};
    for (int i = 0; is_told[i]; i++) {
        char told[512];
        snprintf(told, sizeof told,
                 "1) Acupuncture 12 sessions for the lumbar spine was the original request. "
                 "Acupuncture 6\nsessions for the lumbar spine was authorized by the Claims "
                 "Administrator. The remaining IMR\neligible portion of the original request%s",
                 is_told[i]);
        r = corpus_letter_with(
            "C-01.txt", "1) Acupuncture 2 times a week for 6 weeks for the lumbar spine: UPHELD",
            told);
        expect_partial(r, "C", "6 sessions", "Acupuncture 12 sessions for the lumbar spine", NULL);
        json_decref(r);
    }
    /* (H223) the issue names the remaining portion only; its rationale tells the partial */
    const char *const in_rationale[] = {
        "1) Acupuncture 2 times a week for 6 weeks for the lumbar spine: UPHELD",
        "1) Acupuncture 6 sessions for the lumbar spine: UPHELD",
        "1) The guidelines allow acupuncture",
        "1) Acupuncture 12 sessions for the lumbar spine was the original request. Acupuncture 6\n"
        "sessions for the lumbar spine was authorized by the Claims Administrator. The remaining "
        "IMR\neligible portion of the original request, Acupuncture 6 sessions for the lumbar "
        "spine,\nis not medically necessary. The guidelines allow acupuncture",
        NULL};
    r = t_run_corpus_edited("C-01.txt", in_rationale);
    expect_partial(r, "C", "Acupuncture 6 sessions for the lumbar spine",
                   "Acupuncture 12 sessions for the lumbar spine",
                   "Acupuncture 6 sessions for the lumbar spine");
    json_decref(r);
    r = corpus_letter_with("B-03.txt", "HOW THE IMR FINAL DETERMINATION WAS MADE",
                           "HOW THE IMR FINAL DETERMINATION WAS\nMADE");
    cr_expect_str_eq(t_str(r, "layout"), "B");
    cr_expect_str_eq(t_str(r, "reviewer.specialties.0"), "Occupational Medicine");
    cr_expect_str_eq(t_str(r, "reviewer.licensure.0"), "CA");
    json_decref(r);
}

Test(other_layouts, layout_b_partial_authorisation)
{
    /* B-03 with its first item told as a partial authorisation */
    json_t *r = corpus_letter_with(
        "B-03.txt", "1) Tramadol ER 150 mg #30 is not medically necessary and appropriate.",
        "1) Tramadol ER 150 mg #60 was the original request. Tramadol ER 150 mg #30 was "
        "authorized by the Claims\nAdministrator. The remaining IMR eligible portion of the "
        "original request, Tramadol ER 150\nmg #30 is not medically necessary and appropriate.");
    expect_partial(r, "B", "Tramadol ER 150 mg #30", "Tramadol ER 150 mg #60",
                   "Tramadol ER 150 mg #30");
    cr_expect_str_eq(t_str(r, "items.0.decision"), "upheld");
    json_decref(r);
    /* "... portion of the request, X, is not": the portion between commas (H123) */
    r = corpus_letter_with(
        "B-03.txt", "1) Tramadol ER 150 mg #30 is not medically necessary and appropriate.",
        "1) Tramadol ER 150 mg #60 was the original request. Tramadol ER 150 mg #30 was "
        "certified by\nthe Claims Administrator. The remaining IMR eligible portion of the "
        "request, Tramadol ER 150 mg\n#30, is not medically necessary and appropriate.");
    expect_partial(r, "B", "Tramadol ER 150 mg #30", "Tramadol ER 150 mg #60",
                   "Tramadol ER 150 mg #30");
    json_decref(r);
}

/* Layout D as a fourth writer tells it (H101): a partial authorisation told before "MAXIMUS ...
 * has determined", with the remaining portion in apposition; the UR denial date after the word
 * "application" in its clause; a subspecialty certificate. */
Test(other_layouts, layout_d_partial_before_the_determination)
{
    json_t *r = letter_d(
        "1) Norco 10/325 mg #120 was the original request, and Norco 10/325 mg #60 was certified "
        "by the claims administrator. MAXIMUS Federal Services, Inc. has determined the request "
        "for the remaining portion, Norco 10/325 mg #60, is not medically necessary and "
        "appropriate.\n2) MAXIMUS Federal Services, Inc. has determined the request for "
        "Neurontin 300 mg #90 is medically necessary and appropriate.",
        "MAXIMUS received the application for Independent Medical Review on August 9, 2013. The "
        "application disputes a utilization review denial dated August 2, 2013. The case was "
        "assigned to MAXIMUS on August 15, 2013.",
        "The expert reviewer is Board Certified in Orthopedic Surgery, holds a subspecialty "
        "certificate in\nSports Medicine, and is licensed to practice in California.");
    cr_assert_eq(json_array_size(t_get(r, "items")), 2, "both items");
    expect_partial(r, "D", "Norco 10/325 mg #60", "Norco 10/325 mg #120", "Norco 10/325 mg #60");
    cr_expect_str_eq(t_str(r, "items.0.decision"), "upheld");
    cr_expect_str_eq(t_str(r, "items.1.decision"), "overturned");
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2013-08-09");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2013-08-02");
    cr_expect_str_eq(t_str(r, "dates.assigned"), "2013-08-15");
    cr_expect_str_eq(t_str(r, "reviewer.specialties.1"), "Sports Medicine");
    json_decref(r);
    /* a fifth writer (H111): "the remaining portion of the request, X, is", "Of the 12 sessions
     * ... originally requested, 4 were certified", "assigned to MAXIMUS Federal Services, Inc.
     * on <date>", the ACOEM guidelines "relied on" by name */
    r = letter_d("1) The claims administrator certified 6 of the 12 sessions of cognitive "
                 "behavioral therapy that were requested. MAXIMUS Federal Services, Inc. has "
                 "determined that the remaining portion of the request, 6 sessions of cognitive "
                 "behavioral therapy, is medically necessary and appropriate.\n2) Of the 12 "
                 "sessions of aquatic therapy originally requested, 4 were certified by "
                 "utilization review. MAXIMUS Federal Services, Inc. has determined the request "
                 "for 8 additional sessions of aquatic therapy is medically necessary and "
                 "appropriate.",
                 "The utilization review denial is dated 4/4/2014. The application for Independent "
                 "Medical\nReview was received on 4/14/2014. The case was assigned to MAXIMUS "
                 "Federal Services, Inc. on\n4/17/2014.",
                 plain_reviewer);
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_expect_str_eq(t_str(r, "items.0.text"), "6 sessions of cognitive behavioral therapy");
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    cr_expect(json_is_true(t_get(r, "items.1.partial")));
    cr_expect_str_eq(t_str(r, "items.1.original_request"), "12 sessions of aquatic therapy");
    cr_expect_str_eq(t_str(r, "items.1.authorized"), "4");
    cr_expect_str_eq(t_str(r, "dates.assigned"), "2014-04-17");
    json_decref(r);
}

/* Layout D as a sixth writer tells a partial authorisation (H126): in a parenthesis closing the
 * determination, in a note after the determinations (which may name its item), and not where UR
 * certified none of the request. */
Test(other_layouts, layout_d_partials_told_in_notes)
{
    json_t *r = letter_d(
        "1) MAXIMUS Federal Services, Inc. has determined the request for physical therapy for "
        "the left\nshoulder, 6 sessions (the 6 of 12 requested sessions that utilization review "
        "did not certify)\nis medically necessary and appropriate.\n2) MAXIMUS Federal "
        "Services, Inc. has determined the request for Ambien 10 mg #15 is not\nmedically "
        "necessary and appropriate.\n(Utilization review certified Ambien 10 mg #15 of the #30 "
        "requested; the remaining #15 is the\npart of the request decided here.)\n3) MAXIMUS "
        "Federal Services, Inc. has determined the request for biofeedback, 6 sessions is not\n"
        "medically necessary and appropriate.\n4) MAXIMUS Federal Services, Inc. has determined "
        "the request for cognitive behavioral therapy, 8\nadditional sessions is medically "
        "necessary and appropriate.\n5) MAXIMUS Federal Services, Inc. has determined the "
        "request for Xanax 0.5 mg #60 is not\nmedically necessary and appropriate.\n\nAs to "
        "item 4, the treating psychologist asked for 12 sessions. Utilization review certified 4 "
        "of those sessions, and the 8 it did not certify are the portion decided here. "
        "Utilization review certified none of the other requests.",
        plain_procedure, plain_reviewer);
    cr_assert_eq(json_array_size(t_get(r, "items")), 5);
    cr_expect_str_eq(t_str(r, "items.0.text"),
                     "physical therapy for the left shoulder, 6 sessions");
    const int partial[] = {1, 1, 0, 1, 0};
    for (int i = 0; i < 5; i++) {
        char key[32];
        snprintf(key, sizeof key, "items.%d.partial", i);
        cr_expect_eq(json_is_true(t_get(r, key)), partial[i], "item %d", i + 1);
    }
    json_decref(r);
}

/* Layouts B and C as another hand tells a partial authorisation (H130): no fixed wording, but a
 * remaining portion named; and layout C's guidelines given one line per item, opening with the
 * item's name. */
Test(other_layouts, remaining_portions_in_words_of_their_own)
{
    static const struct {
        const char *formula, *text, *original, *authorized;
    } cases[] = {
        {"1) Physical therapy 2 times per week for 6 weeks for the lumbar spine was the original "
         "request, and the Claims Administrator certified 6 visits. The remaining IMR eligible "
         "portion, 6 additional physical therapy visits for the lumbar spine is not medically "
         "necessary and appropriate.",
         "6 additional physical therapy visits for the lumbar spine",
         "Physical therapy 2 times per week for 6 weeks for the lumbar spine", "6 visits"},
        {"1) Acupuncture for the right shoulder, 8 sessions, was requested, and 6 sessions were "
         "certified by the Claims Administrator. The remaining IMR eligible portion of the "
         "request, acupuncture 2 sessions for the right shoulder, is not medically necessary and "
         "appropriate.",
         "acupuncture 2 sessions for the right shoulder",
         "Acupuncture for the right shoulder, 8 sessions", "6 sessions"},
        {"1) Biofeedback, 10 sessions, was the original request; 4 sessions were certified by the "
         "Claims Administrator. Remaining portion at issue, Biofeedback, 6 sessions is not "
         "medically necessary and appropriate.",
         "Biofeedback, 6 sessions", "Biofeedback, 10 sessions", "4 sessions"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = corpus_letter_with(
            "B-03.txt", "1) Tramadol ER 150 mg #30 is not medically necessary and appropriate.",
            cases[i].formula);
        expect_partial(r, "B", cases[i].text, cases[i].original, cases[i].authorized);
        json_decref(r);
    }
}

/* Layout C as other hands write it (H107, H130): guidelines numbered "1." while the issues are
 * "1)", given one paragraph per item without numbers, or one line per item that opens with its
 * name; a layout B "Dated:" in words. */
Test(other_layouts, layout_c_guidelines_numbered_otherwise)
{
    static const char *const firsts[] = {
        "1) MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Opioids, criteria",
        "2) MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Muscle relaxants",
        "3) MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Topical Analgesics",
        "4) MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Physical Medicine",
        "5) MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Transcutaneous",
        "6) MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Functional"};
    /* the items' names, for lines that open with them (H130) */
    static const char *const names[] = {"Norco 10/325mg #90",
                                        "Cyclobenzaprine 7.5mg #90",
                                        "Compound cream (Flurbiprofen 20%/Lidocaine 5%) 120 gm",
                                        "Physical therapy 2 times a week for 4 weeks",
                                        "TENS unit, 30-day rental",
                                        "Functional restoration program evaluation"};
    for (int style = 0; style < 3; style++) {
        const char *pairs[13];
        char repl[6][200];
        for (int i = 0; i < 6; i++) {
            /* "1. MTUS ...", "Item 1: MTUS ...", a paragraph of its own, or "Norco 10/325mg
             * #90: MTUS ..." */
            if (style == 2)
                snprintf(repl[i], sizeof repl[i], "%s:%s", names[i], firsts[i] + 2);
            else if (style)
                snprintf(repl[i], sizeof repl[i], "%sItem %d:%s", i ? "\n" : "", i + 1,
                         firsts[i] + 2);
            else
                snprintf(repl[i], sizeof repl[i], "%d.%s", i + 1, firsts[i] + 2);
            pairs[2 * i] = firsts[i];
            pairs[2 * i + 1] = repl[i];
        }
        pairs[12] = NULL;
        json_t *r = t_run_corpus_edited("C-02.txt", pairs);
        cr_assert_eq(json_array_size(t_get(r, "items")), 6);
        for (int i = 0; i < 6; i++) {
            char path[64];
            snprintf(path, sizeof path, "items.%d.guidelines.0.title", i);
            cr_expect_str_eq(t_str(r, path), "Chronic Pain Medical Treatment", "style %d item %d",
                             style, i);
        }
        cr_expect_str_eq(t_str(r, "items.3.guidelines.1.title"), "Neck and Upper Back Complaints");
        cr_expect(json_is_true(t_get(r, "items.2.non_mtus")), "style %d", style);
        json_decref(r);
    }
    json_t *r = corpus_letter_with("B-03.txt", "Dated: 11/27/2013", "Dated: November 27, 2013");
    cr_expect_str_eq(t_str(r, "dates.decision"), "2013-11-27");
    cr_expect_str_eq(t_str(r, "dates.injury"), "2011-02-20");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2013-09-30");
    json_decref(r);
}

/* Layout D as a seventh writer tells partial authorisations (H134): in the summary, naming what
 * was certified ("certified 60 of the Norco tablets"), or in the item's rationale ("Twenty-one
 * days of rental were requested, and 7 days were certified", "The 4 visits already certified"). */
Test(other_layouts, layout_d_partials_told_in_the_summary_or_the_rationale)
{
    json_t *r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for Norco 10/325 mg #60 is "
        "not\nmedically necessary and appropriate.\n2) MAXIMUS Federal Services, Inc. has "
        "determined the request for cold therapy unit\nrental, 14 days is not medically "
        "necessary and appropriate.\n3) MAXIMUS Federal Services, Inc. has determined the "
        "request for an MRI of the\nleft shoulder is not medically necessary and appropriate.",
        plain_procedure, plain_reviewer,
        " Utilization review on 8/2/2013 certified 60 of the Norco tablets to allow weaning and "
        "non-certified the MRI.",
        "1) Regarding the request for Norco 10/325 mg #60:\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nThe taper can begin.\n\n2) Regarding "
        "the request for cold therapy unit rental, 14 days:\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nTwenty-one days of rental were "
        "requested, and 7 days were certified by utilization review; the remaining 14 days are "
        "at issue.\n\n3) Regarding the request for an MRI of the left shoulder:\nRationale Why "
        "Requested Treatment/Service Is Not Medically Necessary:\nThe MRI previously certified "
        "in 2012 was normal.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    cr_expect(json_is_true(t_get(r, "items.1.partial")));
    cr_expect(!json_is_true(t_get(r, "items.2.partial")));
    json_decref(r);
}

/* Layout D as an eighth writer names the uncertified part in apposition (H142): "the part of the
 * request for Norco that utilization review did not certify, Norco 10/325 mg #60", "the four
 * Butrans patches not certified by utilization review, Butrans 10 mcg/hr #4". */
Test(other_layouts, layout_d_the_uncertified_part_in_apposition)
{
    json_t *r = letter_d(
        "1) MAXIMUS Federal Services, Inc. has determined that the part of the request for Norco "
        "that\nutilization review did not certify, Norco 10/325 mg #60, is not medically necessary "
        "and\nappropriate.\n2) MAXIMUS Federal Services, Inc. has determined the request for the "
        "four Butrans patches not\ncertified by utilization review, Butrans 10 mcg/hr #4, is "
        "medically necessary and\nappropriate.\n3) MAXIMUS Federal Services, Inc. has determined "
        "the request for a urine drug screen is\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer);
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_expect_str_eq(t_str(r, "items.0.text"), "Norco 10/325 mg #60");
    cr_expect_str_eq(t_str(r, "items.1.text"), "Butrans 10 mcg/hr #4");
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    cr_expect(json_is_true(t_get(r, "items.1.partial")));
    cr_expect(!json_is_true(t_get(r, "items.2.partial")));
    json_decref(r);
    /* a note after the determination: "had certified X of an original request for #60; this
     * determination concerns the remaining #30" */
    r = letter_d("1) MAXIMUS Federal Services, Inc. has determined the request for Tramadol ER 150 "
                 "mg #30 is\nmedically necessary and appropriate. Utilization review had certified "
                 "Tramadol ER 150 mg #30\nof an original request for #60; this determination "
                 "concerns the remaining #30.",
                 plain_procedure, plain_reviewer);
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    json_decref(r);
}

/* Layout D as a ninth writer tells the guidelines (H146): the claims administrator's citation
 * first, in the block headed "Relied Upon by the Expert Reviewer", then the reviewer's; and a
 * partial authorisation as "Ambien 10mg #30 was originally requested". */
Test(other_layouts, layout_d_the_administrators_citation_before_the_reviewers)
{
    json_t *r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for 6 sessions of cognitive\n"
        "behavioral therapy is medically necessary and appropriate.\n2) MAXIMUS Federal Services, "
        "Inc. has determined the request for transportation to\nappointments is not medically "
        "necessary and appropriate.\n3) MAXIMUS Federal Services, Inc. has determined the request "
        "for Ambien 10mg #15 is not\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for 6 sessions of cognitive behavioral therapy:\nMedical "
        "Treatment Guideline(s) Relied Upon by the Expert Reviewer:\nThe Claims Administrator "
        "based its decision on the MTUS Chronic Pain Medical Treatment\nGuidelines (2009), page "
        "23. The Expert Reviewer found that the MTUS section cited by the\nClaims Administrator "
        "is not relevant. The Expert Reviewer relied on the Official\nDisability Guidelines "
        "(ODG), Mental Illness & Stress chapter, which are not part of the MTUS.\nRationale Why "
        "Requested Treatment/Service Is Medically Necessary:\nThe sessions are indicated.\n\n2) "
        "Regarding the request for transportation to appointments:\nMedical Treatment "
        "Guideline(s) Relied Upon by the Expert Reviewer:\nThe Claims Administrator did not cite "
        "any medical evidence for its decision. The MTUS does\nnot address transportation. The "
        "Expert Reviewer relied on the Official Disability Guidelines\n(ODG), Knee & Leg "
        "chapter, Transportation, which is not part of the MTUS.\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nShe drives.\n\n3) Regarding the request "
        "for Ambien 10mg #15:\nMedical Treatment Guideline(s) Relied Upon by the Expert "
        "Reviewer:\nThe Expert Reviewer relied on the Official Disability Guidelines (ODG), Pain "
        "chapter.\nRationale Why Requested Treatment/Service Is Not Medically Necessary:\nAmbien "
        "10mg #30 was originally requested; the Claims Administrator authorized Ambien\n10mg #15 "
        "for weaning, and what is left for this review was not certified.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_expect_eq(json_array_size(t_get(r, "items.0.guidelines")), 1, "not the administrator's");
    cr_expect_str_neq(t_str(r, "items.0.guidelines.0.source"), "MTUS");
    cr_expect_str_eq(t_str(r, "items.0.ca_guidelines.0.source"), "MTUS");
    cr_expect(json_is_true(t_get(r, "items.0.non_mtus")));
    cr_expect(!json_is_true(t_get(r, "items.1.no_citation")), "the administrator did not cite");
    cr_expect(json_is_true(t_get(r, "items.1.ca_no_citation")));
    cr_expect(json_is_true(t_get(r, "items.2.partial")));
    cr_expect(!json_is_true(t_get(r, "items.0.partial")));
    json_decref(r);
}

/* Layout D as a tenth writer numbers and words its decisions (H157): "1." for "1)", "the
 * requested X", and a lone decision that closes the opening paragraph, with its block
 * "Regarding the request for X:" unnumbered; "did not cite any guideline or medical evidence". */
Test(other_layouts, layout_d_decisions_numbered_otherwise_or_not_at_all)
{
    json_t *r = letter_d_with(
        "1. MAXIMUS Federal Services, Inc. has determined the requested right carpal tunnel\n"
        "release is not medically necessary and appropriate.\n2. MAXIMUS Federal Services, Inc. "
        "has determined the request for Ambien 10 mg #30 is\nmedically necessary and "
        "appropriate.",
        plain_procedure, plain_reviewer, "",
        "1. Regarding the requested right carpal tunnel release:\nMedical Treatment "
        "Guideline(s) Relied Upon by the Expert Reviewer:\nThe Expert Reviewer did not cite any "
        "guideline or medical evidence for this decision.\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nNo study.\n\n2. Regarding the request for "
        "Ambien 10 mg #30:\nRationale Why Requested Treatment/Service Is Medically "
        "Necessary:\nIt helps.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_expect_str_eq(t_str(r, "items.0.text"), "right carpal tunnel release");
    cr_expect_str_eq(t_str(r, "items.0.decision"), "upheld");
    cr_expect_str_eq(t_str(r, "items.1.decision"), "overturned");
    cr_expect(json_is_true(t_get(r, "items.0.no_citation")));
    json_decref(r);
    /* one item, told at the end of the opening paragraph */
    r = t_run_text(
        "MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review "
        "Determination\nDated: 9/12/2013\n\nIMR Case Number: IMR 13-004731\nDate of Injury: "
        "2/27/2012\n\nMAXIMUS Federal Services, Inc. has completed the Independent Medical Review "
        "(IMR) of the workers' compensation case identified above. One item was in dispute. "
        "MAXIMUS Federal Services, Inc. has determined the request for MRI of the lumbar spine\n"
        "without contrast is not medically necessary and appropriate.\n\nINDEPENDENT MEDICAL "
        "REVIEW DECISION AND RATIONALE\nThe application was received on 8/9/2013.\n\nCase "
        "Summary:\nThe patient is a 52 year old male.\n\nRegarding the request for MRI of the "
        "lumbar spine without contrast:\nRationale Why Requested Treatment/Service Is Not "
        "Medically Necessary:\nNo red flags.\n");
    cr_expect_str_eq(t_str(r, "layout"), "D");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_expect_str_eq(t_str(r, "items.0.text"), "MRI of the lumbar spine without contrast");
    cr_expect_str_eq(t_str(r, "items.0.decision"), "upheld");
    json_decref(r);
}

/* "The MTUS and the ODG do not address weight loss programs. The Expert Reviewer relied on the
 * National Heart, Lung, and Blood Institute, ... (1998)": the statement cites nothing, and the
 * citation after it is outside the MTUS (H142). */
Test(other_layouts, a_citation_after_the_mtus_is_said_silent)
{
    json_t *r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for a weight loss program "
        "is\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for a weight loss program:\nMedical Treatment Guideline(s) "
        "Relied Upon by the Expert Reviewer:\nThe MTUS and the ODG do not address weight loss "
        "programs. The Expert Reviewer relied on the\nNational Heart, Lung, and Blood Institute, "
        "Clinical Guidelines on the Identification,\nEvaluation, and Treatment of Overweight and "
        "Obesity in Adults (1998).\nRationale Why Requested Treatment/Service Is Medically "
        "Necessary:\nThese guidelines recommend it. The program is indicated.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 1);
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.source"), "non-MTUS");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.guidelines.0.year")), 1998);
    cr_expect(json_is_true(t_get(r, "items.0.non_mtus")));
    json_decref(r);
}

/* Layout D as a fourteenth writer numbers and labels it (H189): "(1)" for "1)", the item alone
 * above its labels, layout B's labels inside a block, "relied upon" in lower case, "No medical
 * treatment guideline was cited", "the request for the remaining IMR eligible portion of the
 * original request, X", a partial told before the determination without "of", and "Case
 * Summary (taken from ...):". */
Test(other_layouts, layout_d_numbered_and_labelled_otherwise)
{
    json_t *r = letter_d_with(
        "(1) MAXIMUS Federal Services, Inc. has determined the requested cervical epidural "
        "steroid\ninjection at C5-C6 is not medically necessary and appropriate.\n(2) MAXIMUS "
        "Federal Services, Inc. has determined the request for the remaining IMR eligible "
        "portion\nof the original request, 6 visits of physical therapy, is not medically "
        "necessary and\nappropriate.\n(3) Cognitive behavioral therapy, 12 sessions, was "
        "requested. Utilization review certified 6\nsessions and non-certified 6. MAXIMUS "
        "Federal Services, Inc. has determined the request for\nthe 6 non-certified sessions of "
        "cognitive behavioral therapy is medically necessary and\nappropriate.",
        plain_procedure, plain_reviewer, "",
        "(1) Regarding the request for a cervical epidural steroid injection at C5-C6:\n"
        "Claims Administrator guideline: The Claims Administrator did not cite any medical "
        "evidence for\nits decision.\nMAXIMUS guideline: The Expert Reviewer based his/her "
        "decision on the MTUS Chronic Pain\nMedical Treatment Guidelines (2009), page 46.\n"
        "Rationale for the Decision:\nThe injection is not indicated.\n"
        "2. 6 visits of physical therapy\nMedical Treatment Guideline(s) relied upon by the "
        "Expert Reviewer:\nNo medical treatment guideline was cited by the Expert Reviewer for "
        "this item.\nRationale Why Requested Treatment/Service Is Not Medically Necessary:\nShe "
        "has had enough.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_expect_str_eq(t_str(r, "items.0.text"), "cervical epidural steroid injection at C5-C6");
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect(json_is_true(t_get(r, "items.0.ca_no_citation")));
    cr_expect_str_eq(t_str(r, "items.1.text"), "6 visits of physical therapy");
    cr_expect(json_is_true(t_get(r, "items.1.partial")));
    cr_expect(json_is_true(t_get(r, "items.1.no_citation")));
    cr_expect(json_is_true(t_get(r, "items.2.partial")));
    cr_expect(!json_is_true(t_get(r, "items.0.partial")));
    json_decref(r);
    r = corpus_letter_with(
        "D-01.txt", "Case Summary:", "Case Summary (taken from the utilization review denial):");
    cr_expect_str_eq(t_str(r, "layout"), "D");
    cr_expect(json_is_integer(t_get(r, "patient.age")), "the summary is read");
    json_decref(r);
}

/* Layout D's header labels as a fifteenth writer words them (H197): "Date of UR Decision:",
 * "IMR Application Received:"; and a title before ", part of the MTUS (2009)". */
Test(other_layouts, layout_d_header_labels_and_a_title_part_of_the_mtus)
{
    json_t *r = corpus_letter_with("D-01.txt", "Date of Injury:",
                                   "Date of UR Decision: 11/13/2013\nIMR Application Received: "
                                   "11/22/2013\nDate of Injury:");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2013-11-13");
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2013-11-22");
    json_decref(r);
    r = letter_d_with(
        one_decision, plain_procedure, plain_reviewer, "",
        "1) Regarding the request for arthroscopic repair of the left rotator "
        "cuff:\nMedical Treatment Guideline(s) Relied Upon by the Expert Reviewer:\n"
        "The Expert Reviewer relied on the Chronic Pain Medical Treatment Guidelines, "
        "part of the MTUS\n(2009), Topical Analgesics, pages 111-113.\nRationale Why "
        "Requested Treatment/Service Is Medically Necessary:\nThe repair is "
        "indicated.\n");
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"), "Chronic Pain Medical Treatment");
    json_decref(r);
}

/* A partial authorisation told after the list, naming its item (H205): the item it names, not the
 * list's last. */
Test(other_layouts, layout_d_a_partial_note_names_its_item)
{
    json_t *r = letter_d("1) MAXIMUS Federal Services, Inc. has determined the request for Norco "
                         "10/325 mg #60 is not\nmedically necessary and appropriate.\n2) MAXIMUS "
                         "Federal Services, Inc. has determined the request for Prilosec 20 mg #60 "
                         "is not\nmedically necessary and appropriate.\n\nNorco 10/325 mg #120 was "
                         "the original request. Norco 10/325 mg #60 was authorized by the Claims\n"
                         "Administrator. The remaining IMR eligible portion of the original "
                         "request, Norco 10/325 mg #60,\nis the item decided in determination 1 "
                         "above.",
                         plain_procedure, plain_reviewer);
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    cr_expect(!json_is_true(t_get(r, "items.1.partial")), "not Prilosec");
    json_decref(r);
}

/* "Medical Treatment Guideline(s) Relied Upon:" with both parties' citations in its sentences,
 * and "No medical evidence was cited by the Expert Reviewer" (H213). */
Test(other_layouts, layout_d_one_label_for_both_citations)
{
    json_t *r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for Ultram ER 150 mg #30 is "
        "not\nmedically necessary and appropriate.\n2) MAXIMUS Federal Services, Inc. has "
        "determined the request for a TENS unit is not\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for Ultram ER 150 mg #30:\nMedical Treatment Guideline(s) Relied "
        "Upon:\nThe Claims Administrator based its decision on the MTUS Chronic Pain Medical "
        "Treatment\nGuidelines (2009). The Expert Reviewer based his/her decision on the MTUS "
        "Chronic Pain Medical\nTreatment Guidelines (2009), pages 93-94.\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nNo gain.\n2) Regarding the request for a "
        "TENS unit:\nMedical Treatment Guideline(s) Relied Upon:\nThe Claims Administrator based "
        "its decision on the MTUS Chronic Pain Medical Treatment\nGuidelines (2009). No medical "
        "evidence was cited by the Expert Reviewer.\nRationale Why Requested Treatment/Service Is "
        "Not Medically Necessary:\nNo trial.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect(json_is_true(t_get(r, "items.1.no_citation")));
    json_decref(r);
    /* (H220) under the reviewer's label, the administrator's sentence, then one that names the
     * reviewer without opening with it; and a partial told in the block */
    r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for a cold therapy unit is "
        "not\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for a cold therapy unit:\nUtilization review modified the "
        "original request for 12 sessions of therapy and\ncertified 4 sessions. The 8 sessions "
        "that were not certified are at issue in this review.\nMedical Treatment Guideline(s) "
        "Relied Upon by the Expert Reviewer:\nThe Claims Administrator based its decision on "
        "the ACOEM Practice Guidelines, 2nd Edition\n(2004), Chapter 9, Shoulder Complaints. The "
        "MTUS does not address cold therapy units after\nshoulder surgery, and the Expert "
        "Reviewer relied instead on the Official Disability Guidelines\n(ODG), Shoulder chapter, "
        "Continuous-flow cryotherapy, which is not part of the MTUS.\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nNot after surgery.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_expect(json_is_null(t_get(r, "items.0.guidelines.0.year")),
              "no MTUS title of the reviewer's");
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"),
                     "Official Disability Guidelines (ODG), Shoulder chapter, Continuous-flow "
                     "cryotherapy");
    cr_expect_str_eq(t_str(r, "items.0.ca_guidelines.0.title"), "Shoulder Complaints");
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    json_decref(r);
}

/* "<title>, MTUS 2009, page 46, <section>": the title before the comma; "and on the ODG, ...,
 * which is not." is a non-MTUS citation (H224). */
Test(other_layouts, layout_d_a_title_before_mtus_and_its_year)
{
    json_t *r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for a hinged knee brace is "
        "not\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for a hinged knee brace:\nMedical Treatment Guideline(s) Relied "
        "Upon by the Expert Reviewer:\nThe Expert Reviewer relied on the Chronic Pain Medical "
        "Treatment Guidelines, MTUS 2009, page 46,\nExercise, which is part of the MTUS, and on "
        "the ODG, Knee & Leg chapter, Knee brace, which is not.\nRationale Why Requested "
        "Treatment/Service Is Not Medically Necessary:\nNo instability.\n");
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect(json_is_true(t_get(r, "items.0.non_mtus")));
    json_decref(r);
}

/* The item's line and its first label joined by a conversion (H229): "2) Regarding the request
 * for X: Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:". */
Test(other_layouts, layout_d_a_label_joined_to_its_item)
{
    json_t *r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for chiropractic treatment, "
        "8 visits is not\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for chiropractic treatment, 8 visits: Medical Treatment "
        "Guideline(s) Relied Upon by the Expert Reviewer:\nThe Expert Reviewer relied on the MTUS "
        "Chronic Pain Medical Treatment Guidelines (2009), Manual\ntherapy & manipulation, pages "
        "58-60.\nRationale Why Requested Treatment/Service Is Not Medically Necessary:\nNo "
        "gain.\n");
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"), "Chronic Pain Medical Treatment");
    json_decref(r);
}

/* Layout B's labels joined to the sentence before them (H232); layout D's "were the original
 * request" (H235). */
Test(other_layouts, layout_b_labels_joined_and_d_were_the_original_request)
{
    json_t *r = corpus_letter_with("B-03.txt",
                                   "which are part of the MTUS.\nMAXIMUS guideline: The Physician",
                                   "which are part of the MTUS. MAXIMUS guideline: The Physician");
    cr_expect_str_eq(t_str(r, "items.0.guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect_str_eq(t_str(r, "items.0.ca_guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect_eq(json_array_size(t_get(r, "items.0.ca_guidelines")), 1);
    json_decref(r);
    r = letter_d_with(
        "1) MAXIMUS Federal Services, Inc. has determined the request for 6 acupuncture sessions "
        "is not\nmedically necessary and appropriate.",
        plain_procedure, plain_reviewer, "",
        "1) Regarding the request for 6 acupuncture sessions:\nTwelve acupuncture sessions were "
        "the original request. Six sessions were authorized by the\nclaims administrator.\n"
        "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:\nThe Expert Reviewer "
        "relied on the MTUS Acupuncture Medical Treatment Guidelines (2007).\nRationale Why "
        "Requested Treatment/Service Is Not Medically Necessary:\nNo gain.\n");
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    json_decref(r);
    /* (H240) "the remaining IMR eligible portion, X" without "of the request" */
    r = letter_d(
        "1) MAXIMUS Federal Services, Inc. has determined the request for the remaining IMR "
        "eligible\nportion, post-operative physical therapy for the left knee, 6 sessions, "
        "is not medically\nnecessary and appropriate.",
        plain_procedure, plain_reviewer);
    cr_expect_str_eq(t_str(r, "items.0.text"),
                     "post-operative physical therapy for the left knee, 6 sessions");
    json_decref(r);
}
