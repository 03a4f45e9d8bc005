/* The dates plugin: header dates in both renderings and layout D's prose, narrative dates in
 * their phrasings, two-digit years, broken and impossible dates, disagreements. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static json_t *letter(const char *header, const char *summary)
{
    char text[8192];
    snprintf(text, sizeof text,
             "%sHOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n"
             "CLINICAL CASE SUMMARY\n%s\nIMR ISSUES, DECISIONS AND RATIONALES\n"
             "MRI of the knee: Upheld\nDecision rationale: Not medically necessary.\n",
             header, summary);
    return t_run_text(text);
}

static int has_warning(json_t *r, const char *words)
{
    size_t i;
    json_t *w;
    json_array_foreach(t_get(r, "warnings"), i, w)
    {
        if (strstr(t_str(w, "message"), words)) return 1;
    }
    return 0;
}

/* The record's five header dates (ISO), in the header's order. */
static void expect_header_dates(json_t *r, const char *assigned, const char *injury,
                                const char *decision, const char *ur, const char *application)
{
    cr_expect_str_eq(t_str(r, "dates.assigned"), assigned);
    cr_expect_str_eq(t_str(r, "dates.injury"), injury);
    cr_expect_str_eq(t_str(r, "dates.decision"), decision);
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), ur);
    cr_expect_str_eq(t_str(r, "dates.application_received"), application);
}

Test(dates, side_by_side_header)
{
    json_t *r = letter(
        "Case Number:          CM16-9000001\n"
        "Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016\n"
        "Decision Date:        12/09/2016                      UR Denial Date:      11/03/2016\n"
        "Priority:             Standard                        Application          11/04/2016\n"
        "                                                      Received:\n",
        "The injured worker is a 48 year old male.");
    cr_assert_str_eq(t_str(r, "case_number"), "CM16-9000001");
    expect_header_dates(r, "2016-11-09", "2016-10-13", "2016-12-09", "2016-11-03", "2016-11-04");
    cr_assert_str_eq(t_str(r, "priority"), "Standard");
    json_decref(r);
}

Test(dates, label_block_header_of_plain_pdftotext)
{
    json_t *r = letter("Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM17-9000002\n"
                       "01/18/2017\n02/15/2017\nExpedited\n\nDate of Injury:\nUR Denial Date:\n"
                       "Application\nReceived:\n\n10/18/2016\n12/19/2016\n01/12/2017\n\n",
                       "This case involves a now 47-year-old male.");
    cr_assert_str_eq(t_str(r, "case_number"), "CM17-9000002");
    cr_assert_str_eq(t_str(r, "priority"), "Expedited");
    expect_header_dates(r, "2017-01-18", "2016-10-18", "2017-02-15", "2016-12-19", "2017-01-12");
    json_decref(r);
}

/* Other text tools: `pdftotext -raw` wraps "Application" / "Received:" with the date after it;
 * pdfminer may put a value before its label ("10/13/2016" / "Date of Injury:"). */
Test(dates, header_orders_of_other_pdf_text_tools)
{
    /* "UR Denial" / "Date:" wrapped like "Application" / "Received:" */
    json_t *w = letter("Case Number:            CM17-0627031\n"
                       "Date Assigned:          05/15/2017                Date of Injury:        "
                       "09/03/2014\n"
                       "Decision Date:          06/12/2017                UR Denial              "
                       "04/28/2017\n"
                       "Priority:               Standard                  Date:\n"
                       "                                                  Application            "
                       "05/08/2017\n"
                       "                                                  Received:\n",
                       "This case involves a now 47-year-old male.");
    expect_header_dates(w, "2017-05-15", "2014-09-03", "2017-06-12", "2017-04-28", "2017-05-08");
    json_decref(w);
    json_t *r = letter("Case Number: CM16-0213037\nDate Assigned: 11/09/2016 Date of Injury: "
                       "10/13/2016\nDecision Date: 12/09/2016 UR Denial Date: 11/03/2016\n"
                       "Priority: Standard Application\nReceived:\n11/04/2016\n",
                       "This case involves a now 47-year-old male.");
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2016-11-04");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2016-11-03");
    json_decref(r);
    r = letter("Case Number: \nDate Assigned: \nDecision Date: \nPriority:  \n\nCM16-0213037 \n"
               "11/09/2016 \n12/09/2016 \nStandard \n\n10/13/2016 \nDate of Injury:  \nUR Denial "
               "Date:   11/03/2016 \n11/04/2016 \nApplication \nReceived:  \n\n",
               "This case involves a now 47-year-old male.");
    expect_header_dates(r, "2016-11-09", "2016-10-13", "2016-12-09", "2016-11-03", "2016-11-04");
    json_decref(r);
    /* values before their labels, the case number and the priority too; a running header above
     * repeats the case number (H231) */
    r = letter("CM22-0590316\nCM22-0590316\n11/14/2022\n12/09/2022\nStandard\nCase Number:\n"
               "Date Assigned:\nDecision Date:\nPriority:\n05/03/2014\n10/27/2022\n11/07/2022\n"
               "Date of Injury:\nUR Denial Date:\nApplication\nReceived:\n",
               "This case involves a now 47-year-old male.");
    cr_expect_str_eq(t_str(r, "case_number"), "CM22-0590316");
    cr_expect_str_eq(t_str(r, "priority"), "Standard");
    expect_header_dates(r, "2022-11-14", "2014-05-03", "2022-12-09", "2022-10-27", "2022-11-07");
    json_decref(r);
}

/* Labels lost (a font without a text map, OCR, a copy that kept only the values): the values
 * where layout A puts them are read by position; any other arrangement is not guessed. */
/* A text tool that puts the header block after the letter's first paragraph: it is read there;
 * a first section with no header block gives nothing. */
Test(dates, a_header_block_after_the_first_paragraph)
{
    const char *text =
        "HOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n\n"
        "Case Number:          CM17-0342517\n"
        "Date Assigned:        07/24/2017                      Date of Injury:      02/05/2013\n"
        "Decision Date:        08/21/2017                      UR Denial Date:      07/06/2017\n"
        "Priority:             Standard                        Application          07/14/2017\n"
        "                                                      Received:\n\n"
        "The Expert Reviewer has the following credentials:\nState(s) of Licensure: "
        "California\nCertification(s)/Specialty: Orthopaedic Surgery\n\n"
        "CLINICAL CASE SUMMARY\nThe injured worker is a 61-year-old male.\n\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\nMRI of the knee: Upheld\n"
        "Decision rationale: Not medically necessary.\n";
    json_t *r = t_run_text(text);
    cr_expect_str_eq(t_str(r, "case_number"), "CM17-0342517");
    cr_expect_str_eq(t_str(r, "priority"), "Standard");
    expect_header_dates(r, "2017-07-24", "2013-02-05", "2017-08-21", "2017-07-06", "2017-07-14");
    cr_expect_str_eq(t_str(r, "reviewer.specialties.0"), "Orthopaedic Surgery");
    json_decref(r);
    r = letter("", "The injured worker is a 61-year-old male.");
    cr_expect_null(t_str(r, "case_number"));
    cr_expect_null(t_str(r, "dates.assigned"));
    json_decref(r);
}

Test(dates, header_values_without_their_labels)
{
    static const char *const headers[] = {
        "                      CM16-0961184\n"
        "                      10/17/2016                        02/08/2016\n"
        "                      11/14/2016                        09/30/2016\n"
        "                      Standard                          10/10/2016\n\n",
        "&DVH 1XPEHU:\n'DWH $VVLJQHG:\n\nCM16-0961184\n10/17/2016\n11/14/2016\nStandard\n\n"
        "'DWH RI ,QMXU\\:\n02/08/2016\n09/30/2016\n10/10/2016\n\n",
        "Case Nurnber:         CM16-0961184\n"
        "Date Asslgned:        10/17/2016                      Dale of lnjury:      02/08/2016\n"
        "Decisi0n Date:        11/14/2016                      UR Dcnial Date:      09/30/2016\n"
        "Prlority:             Standard                        Appl1cation          10/10/2016\n"
        "                                                      Reccived:\n\n",
        NULL};
    for (int i = 0; headers[i]; i++) {
        json_t *r = letter(headers[i], "This case involves a now 47-year-old male.");
        cr_expect_str_eq(t_str(r, "case_number"), "CM16-0961184", "%d", i);
        cr_expect_str_eq(t_str(r, "priority"), "Standard", "%d", i);
        expect_header_dates(r, "2016-10-17", "2016-02-08", "2016-11-14", "2016-09-30",
                            "2016-10-10");
        json_decref(r);
    }
    /* four dates: not the header's arrangement, nothing taken */
    json_t *r = letter("CM16-0961184\n10/17/2016   02/08/2016\n11/14/2016\nStandard\n\n",
                       "This case involves a now 47-year-old male.");
    cr_expect_null(t_str(r, "dates.assigned"));
    cr_expect_null(t_str(r, "dates.injury"));
    json_decref(r);
}

Test(dates, header_labels_and_priority_in_capitals)
{
    json_t *r = letter("CASE NUMBER:\nDATE ASSIGNED:\nDECISION DATE:\nPRIORITY:\n\nCM17-9000002\n"
                       "01/18/2017\n02/15/2017\nEXPEDITED\n\nDATE OF INJURY:\nUR DENIAL DATE:\n"
                       "Application\nRECEIVED:\n\n10/18/2016\n12/19/2016\n01/12/2017\n\n",
                       "This case involves a now 47-year-old male.");
    cr_assert_str_eq(t_str(r, "case_number"), "CM17-9000002");
    cr_assert_str_eq(t_str(r, "dates.assigned"), "2017-01-18");
    cr_assert_str_eq(t_str(r, "dates.decision"), "2017-02-15");
    cr_assert_str_eq(t_str(r, "dates.injury"), "2016-10-18");
    cr_assert_str_eq(t_str(r, "dates.ur_denial"), "2016-12-19");
    cr_assert_str_eq(t_str(r, "dates.application_received"), "2017-01-12");
    cr_assert_str_eq(t_str(r, "priority"), "Expedited");
    json_decref(r);
}

Test(dates, narrative_phrasings_and_two_digit_years)
{
    static const struct {
        const char *summary, *injury, *ur;
    } cases[] = {
        {"The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16. "
         "On 11-3-16, utilization review determined the MRI was not necessary.",
         "2016-10-13", "2016-11-03"},
        {"The injured worker is a 67 year old male who sustained an industrial injury on "
         "12-31-2014. The UR physician's report of 04/11/2017 recommended non-certification.",
         "2014-12-31", "2017-04-11"},
        /* the report's date, the review right after it; not a progress report's date */
        {"The injured worker is a 50 year old female who sustained an industrial injury on "
         "12-28-2017. The progress report dated 4-12-2018 requested chiropractic care, which "
         "utilization review later limited. In a report dated 4-27-2018 utilization review "
         "approved 6 of the chiropractic visits.",
         "2017-12-28", "2018-04-27"},
        {"The injured worker is a 48-year-old female, who sustained an industrial injury on "
         "9-29-1993. She improved. The UR dated 9-22-2015: non-certified the request.",
         "1993-09-29", "2015-09-22"},
        /* copied records */
        {"D/I: 01/02/2014. Per UR dated 3/4/16, the request was denied.", "2014-01-02",
         "2016-03-04"},
        {"Pt injured 01-02-14 lifting boxes. UR non-cert 03-04-16.", "2014-01-02", "2016-03-04"},
        {"Industrial injury 1/2/2014. On 3/4/2016 UR denied the request.", "2014-01-02",
         "2016-03-04"},
        /* the review acted, then the letter that told it is dated */
        {"The injured worker is a 52 year old male who sustained an industrial injury on "
         "3-4-2013. On 09/15/2015 the psychologist asked for 12 more sessions. The claims "
         "administrator's utilization reviewer non-certified both requests in a letter dated "
         "09/29/2015.",
         "2013-03-04", "2015-09-29"},
        {"This case involves a now 52-year-old female with a history of an occupational claim from "
         "10/23/2016. The prior determination on 12/19/2016 denied the request.",
         "2016-10-23", "2016-12-19"},
        {"The injured worker is a 62 year old male who sustained an industrial injury on October "
         "13, "
         "2016. The original utilization review (12-01-2016) non-certified the request.",
         "2016-10-13", "2016-12-01"},
        {"The patient is a 41-year-old roofer who fell about ten feet from a ladder on 06/05/2012. "
         "On 12/16/2012 a request was received for therapy that was non-certified by Utilization "
         "Review on 12/22/2012.",
         "2012-06-05", "2012-12-22"},
        {"The injured worker sustained an industrial injury on 10-30- 2016, a date broken at a "
         "line "
         "end. The UR (utilization review board) denied certification on December 19, 2016.",
         "2016-10-30", "2016-12-19"},
        /* words between the injury and its date; the injured worker seen on a later date */
        {"This case involves a now 52-year-old female who sustained an industrial injury to the "
         "back and neck on 10/23/2016. The UR non-certification dated 11-3-16 was appealed.",
         "2016-10-23", "2016-11-03"},
        {"The injured worker is a 48 year old male who was seen on 12/01/2016 for an industrial "
         "injury that occurred on 10-13-16. Utilization review denied it on 12/05/2016.",
         "2016-10-13", "2016-12-05"},
        {"The injured worker sustained injuries on 10-13-16. In an adverse determination dated "
         "11-3-16, the request was non-certified.",
         "2016-10-13", "2016-11-03"},
        {"The injured worker is a 48 year old male with a date of injury (DOI) of 10-13-16. He was "
         "seen on 11/01/2016. The UR decision of 11/20/2016 was appealed.",
         "2016-10-13", "2016-11-20"},
        /* a continuous trauma told by its end; UR as a determination letter, a peer review */
        {"This 51 year old officer reported a continuous trauma injury to his psyche and low back "
         "through 10/15/2015. In a determination letter dated 03/01/2016, the claims "
         "administrator non-certified the request.",
         "2015-10-15", "2016-03-01"},
        {"The injured worker sustained an industrial injury on 6-8-2016. A utilization review of "
         "10/10/2016 certified an MRI. A peer review dated 11/28/2016 recommended "
         "non-certification of the requests.",
         "2016-06-08", "2016-11-28"},
        /* a UR that issued a denial, a determination dated before the review is named, a
         * non-certification told in the passive */
        {"The injured worker sustained an industrial injury on 6-8-2016. Utilization review "
         "issued a denial of all of them on 5-30-2017.",
         "2016-06-08", "2017-05-30"},
        {"The injured worker sustained an industrial injury on 6-8-2016. In a determination dated "
         "10-16-2017, utilization review allowed six sessions.",
         "2016-06-08", "2017-10-16"},
        {"The injured worker sustained an industrial injury on 6-8-2016. The surgeon requested a "
         "wheelchair. The requests were non-certified on 7-12-2018.",
         "2016-06-08", "2018-07-12"},
        /* a sentence that opens with the date and says what was modified; a later decision by
         * the prior determination; a date of what was provided is no UR's */
        {"The injured worker sustained an industrial injury on 6-16-2011. A request for Percocet "
         "#120 was submitted. On 12-14-2016, the Percocet was modified to #90 and the Skelaxin "
         "was non-certified.",
         "2011-06-16", "2016-12-14"},
        {"The injured worker sustained an industrial injury on 7/21/2012. The utilization review "
         "dated 11/22/2016 non-certified all three requests. The requests were resubmitted, and "
         "on 12/06/2016 the prior determination non-certified them again.",
         "2012-07-21", "2016-12-06"},
        {"The injured worker sustained an industrial injury on 7/21/2012. The prior review, dated "
         "12/05/2016, non-certified the request. The retrospective request for cyclobenzaprine "
         "provided on 11/14/2016 was non-certified.",
         "2012-07-21", "2016-12-05"},
        /* an accident dated by "of" */
        {"The applicant is a 47-year-old aide with headaches associated with an industrial motor "
         "vehicle accident of November 21, 2014. In a utilization review report dated December "
         "5, 2016, the claims administrator failed to approve the requests.",
         "2014-11-21", "2016-12-05"},
        /* an injury "reported as" a date */
        {"The patient is a 47 year old clerk with a cumulative trauma injury reported as "
         "10/21/2016. The original utilization review (12-09-2016) non-certified the request.",
         "2016-10-21", "2016-12-09"},
        /* the reviewer, the non-certification, a determination date */
        {"The injured worker sustained an industrial injury on 7/22/2009. The requests were "
         "returned non-certified by the utilization reviewer on 08/30/2017.",
         "2009-07-22", "2017-08-30"},
        {"The injured worker sustained an industrial injury on 5/9/16. The non-certification of "
         "the MRI is dated 9/14/17.",
         "2016-05-09", "2017-09-14"},
        {"The injured worker sustained an industrial injury on 10/16/2016. The requests were "
         "denied under a determination date of 09/18/2017.",
         "2016-10-16", "2017-09-18"},
        /* dotted dates, one of them ending its sentence */
        {"The injured worker sustained an industrial injury on 10.12.2016 at work. Utilization "
         "review denied the request on 1.5.17.",
         "2016-10-12", "2017-01-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = letter("", cases[i].summary);
        cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), cases[i].injury, "case %zu", i);
        cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), cases[i].ur, "case %zu", i);
        cr_expect_null(t_str(r, "dates.injury"), "no header, no header date");
        json_decref(r);
    }
}

/* A summary that tells the injury without a cue dates it where it writes the header's date of
 * injury; a summary that does not write it has none. */
Test(dates, the_injury_told_without_a_cue_is_the_headers_date_in_the_summary)
{
    static const char header[] = "Case Number: CM16-9000005\nDate of Injury: 08/03/2012\n";
    json_t *r = letter(header, "The injured worker is a 52 year old woman. She was seen on "
                               "01/05/2013. On August 3, 2012 she was moving a resident when the "
                               "resident slumped. She has had therapy.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2012-08-03");
    json_decref(r);
    r = letter(header, "The injured worker is a 47-year-old store manager who was held at "
                       "gunpoint during a robbery of her store on 11/14/2012.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2012-11-14",
                     "the robbery is the injury, though the header disagrees");
    json_decref(r);
    r = letter(header, "The injured worker is a 52 year old woman. She was seen on 01/05/2013.");
    cr_expect_null(t_str(r, "dates_in_narrative.injury"));
    json_decref(r);
}

/* Side by side, a date label left empty takes no value (it would take the next label's). */
Test(dates, an_empty_header_date_takes_no_value)
{
    json_t *r = letter("Case Number:          CM18-9000001\n"
                       "Date Assigned:        07/23/2018\n"
                       "                                                      Date of Injury:      "
                       "01/09/2017\n"
                       "Decision Date:        08/20/2018                      UR Denial Date:\n"
                       "Priority:             Standard                        Application          "
                       "07/16/2018\n"
                       "                                                      Received:\n",
                       "The injured worker is a 50-year-old man.");
    cr_expect_null(t_str(r, "dates.ur_denial"));
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2018-07-16");
    cr_expect_str_eq(t_str(r, "dates.injury"), "2017-01-09");
    json_decref(r);
    /* the block rendering: labels end their lines, values follow */
    r = letter("Case Number:\nUR Denial Date:\nCM18-9000002\n07/02/2018\n",
               "The injured worker is a 50-year-old man.");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2018-07-02");
    json_decref(r);
}

/* Plain pdftotext drops a hyphen that ends a line: a date broken there lost one. Where a cue
 * says a date follows, it is read when only one split makes a date. */
Test(dates, a_date_that_lost_a_hyphen_at_a_line_end)
{
    json_t *r = letter("", "The worker sustained an industrial injury on 1017-2016. On 1-917, "
                           "utilization review non-certified the request.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2016-10-17");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2017-01-09");
    json_decref(r);
    r = letter("", "The worker sustained an industrial injury on 10-282016. A Utilization Review "
                   "report, with a decision date of 0105-2017, modified the request.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2016-10-28");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2017-01-05");
    json_decref(r);
    r = letter("Case Number: CM16-9000009\nDecision Date: 12/09/2016\n",
               "The worker sustained an industrial injury on 111-16. Utilization review denied "
               "the request on 5-325.");
    cr_expect_null(t_str(r, "dates_in_narrative.injury"), "January 11 or November 1: no date");
    cr_expect_null(t_str(r, "dates_in_narrative.ur_decision"), "5-3-25: 1925, no date of 2016");
    json_decref(r);
}

Test(dates, impossible_dates_are_rejected_with_a_warning)
{
    json_t *r = letter("Case Number: CM16-9000003\nDate of Injury: 13/45/2016\n",
                       "The worker sustained an industrial injury on 02-30-2016.");
    cr_assert_null(t_str(r, "dates.injury"));
    cr_assert_null(t_str(r, "dates_in_narrative.injury"));
    cr_assert(has_warning(r, "impossible date '13/45/2016'"));
    cr_assert(has_warning(r, "impossible date '02-30-2016'"));
    json_decref(r);
}

Test(dates, header_and_narrative_disagreement_keeps_both)
{
    json_t *r = letter("Case Number: CM16-9000004\nDate of Injury: 03/02/2013\n",
                       "The worker sustained an industrial injury on 03/20/2013.");
    cr_assert_str_eq(t_str(r, "dates.injury"), "2013-03-02");
    cr_assert_str_eq(t_str(r, "dates_in_narrative.injury"), "2013-03-20");
    cr_assert(has_warning(r, "header and narrative disagree on the date of injury"));
    json_decref(r);
}

/* Each dated sentence of the summary is an event; what the sentence is about decides its kind:
 * a review or a request of an MRI is a review or a request, not imaging. */
Test(dates, clinical_events_by_what_the_sentence_is_about)
{
    json_t *r = letter("", "On 10/27/2016, the patient was seen for a follow-up visit. An MRI of "
                           "the knee on 11/02/2016 showed a tear of the articular surface. A "
                           "right knee arthroscopy was performed on 11/20/2016. The Request for "
                           "Authorization dated 12/01/2016 included an MRI of the knee. RFA "
                           "dated 12/02/2016 for physical therapy. The UR dated 12/09/2016 "
                           "non-certified the MRI. A prior determination on 12/12/2016 denied "
                           "the physical therapy.");
    static const char *const want[][2] = {{"2016-10-27", "visit"},
                                          {"2016-11-02", "imaging"},
                                          {"2016-11-20", "procedure"},
                                          {"2016-12-01", "request"},
                                          {"2016-12-02", "request"},
                                          {"2016-12-09", "utilization_review"},
                                          {"2016-12-12", "utilization_review"}};
    json_t *ev = t_get(r, "clinical_events");
    cr_assert_eq(json_array_size(ev), 7, "%s", json_dumps(ev, 0));
    for (size_t i = 0; i < 7; i++) {
        json_t *e = json_array_get(ev, i);
        cr_expect_str_eq(t_str(e, "date"), want[i][0]);
        cr_expect_str_eq(t_str(e, "kind"), want[i][1], "%s", want[i][0]);
    }
    json_decref(r);
}

Test(dates, spans_point_at_the_original_bytes)
{
    const char *text = "Case Number:          CM16-9000005\n"
                       "Decision Date:        12/09/2016\n"
                       "HOW THE IMR FINAL DETERMINATION WAS MADE\nx\nCLINICAL CASE SUMMARY\ny\n"
                       "IMR ISSUES, DECISIONS AND RATIONALES\nMRI: Upheld\n";
    json_t *r = t_run_text(text);
    json_t *p = t_get(r, "provenance");
    json_t *span = json_object_get(p, "dates.decision");
    cr_assert_str_eq(json_string_value(json_array_get(span, 0)), "dates");
    size_t b = (size_t)json_integer_value(json_array_get(span, 1));
    size_t e = (size_t)json_integer_value(json_array_get(span, 2));
    cr_assert_eq(e - b, 10);
    cr_assert_eq(strncmp(text + b, "12/09/2016", 10), 0);
    json_decref(r);
}

Test(dates, layout_d_prose_dates)
{
    json_t *r = t_run_file(IMRX_SOURCE_DIR "/corpus/letters/D-02.txt");
    json_t *g = json_load_file(IMRX_SOURCE_DIR "/corpus/gold/D-02.json", 0, NULL);
    static const char *const keys[] = {"decision", "application_received", "ur_denial", "assigned",
                                       "injury"};
    for (size_t i = 0; i < 5; i++) {
        char path[64];
        snprintf(path, sizeof path, "dates.%s", keys[i]);
        const char *want = t_str(g, path);
        if (want)
            cr_expect_str_eq(t_str(r, path), want, "%s", path);
        else
            cr_expect_null(t_str(r, path), "%s", path);
    }
    json_decref(r);
    json_decref(g);
}

Test(dates, the_seed_letter)
{
    if (!t_real_dir()) {
        T_SKIP("../shared not found: skipping the seed letter");
    }
    json_t *r =
        t_run_file(IMRX_SOURCE_DIR "/../shared/seeds/seed-letter-2015-physical-therapy.txt");
    cr_assert_null(t_str(r, "case_number"), "no header");
    cr_assert_str_eq(t_str(r, "dates_in_narrative.injury"), "1993-09-29");
    cr_assert_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2015-09-22");
    json_decref(r);
}

/* A summary that recounts an earlier review and leaves the present one undated: the earlier
 * date, months before the header's UR Denial Date, is not the decision under review. */
Test(dates, an_earlier_review_is_not_the_one_under_review)
{
    const char *summary = "The worker was hurt on 3-2-2016. A request for vestibular therapy was "
                          "non-certified at utilization review on 12-4-2017, and that denial was "
                          "upheld at Independent Medical Review. The present requests were "
                          "non-certified at utilization review.";
    json_t *r = letter("Case Number: CM18-9000004\nUR Denial Date: 09/10/2018\n", summary);
    cr_expect_null(t_str(r, "dates_in_narrative.ur_decision"));
    json_decref(r);
    /* days apart, it is the same review told from another record */
    r = letter("Case Number: CM18-9000004\nUR Denial Date: 12/08/2017\n", summary);
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2017-12-04");
    json_decref(r);
    /* without a header date, the summary's is taken */
    r = letter("Case Number: CM18-9000004\n", summary);
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2017-12-04");
    json_decref(r);
}

/* The injury told without the usual words: read when the summary names neither a date of injury
 * the usual way nor the header's. */
Test(dates, weaker_statements_of_the_injury)
{
    static const char *const told[] = {
        "His industrial injury occurred 02/05/2001.",
        "The claimant reports a work injury of 2/5/01.",
        "He reports an injury on or about 2/5/2001.", "The injury happened on February 5th, 2001.",
        "On 2-5-2001, while unloading bags, he felt a pop in his back.",
        "He was working as a framer on 2/5/2001 when a wall fell on him.",
        "She has been followed since her 2/5/2001 injury.",
        "Her claim arises from an incident on 2/5/2001.",
        "She was hurt on the evening shift of 2/5/2001 while helping a resident.",
        "Her date of injury is recorded as the fifth of February, 2001.",
        "He was injured on the 5th of February 2001 while lifting.",
        "He developed back pain from lifting, with a continuous trauma period ending 2/5/2001.",
        "The industrial injury dates to 2/5/2001.",
        "Her symptoms began after a workplace fall on 2/5/2001.",
        "The injured worker's date of loss is 2/5/2001.",
        "He slipped on a greasy kitchen floor on the 5th of February, 2001.",
        "On 2/5/2001 he jumped down from the cab of a loader and felt pain.",
        "He is a landscaper. On or about 2/5/2001 a hedge trimmer he was using kicked back.",
        "He is a custodian. On February 5, 2001, he fell about four feet from a stepladder.",
        "This mechanic sustained a crush injury of the left foot on 2-5-2001 when a forklift "
        "rolled.",
        "38 y/o male meat cutter. DOI per the Doctor's First Report: 2/5/2001, repetitive "
        "knife work.",
        "She is a transit bus operator who was hurt on or about\n2-5-2001 when her bus was "
        "struck.",
        "She drove a bus. On February 5, 2001 her bus was struck from behind at an intersection.",
        /* (H203) */
        "According to the doctor's first report, on 2-5-2001 a shoplifter she confronted at the "
        "register shoved her into the counter.",
        "On February 5, 2001 a man struck her with a handgun. There is a history of a prior "
        "robbery at a different hotel on 06/14/1999 in which she was not hurt.",
        /* (H224) */
        "She is a bank teller who was robbed at gunpoint at her window on the afternoon of "
        "February 5, 2001.",
        /* (H203: a date in words, a hold-up) */
        "He delivers food. Shortly before midnight on the 5th of February, 2001, two men "
        "stopped him at gunpoint as he returned to his car.",
        /* (H204) */
        "He is an electrician. On 2/5/2001 he was pulling cable through an attic crawl space and "
        "developed neck pain.",
        /* (H209: an operation's date after the symptoms is no injury date) */
        "He was working as an electrician on 2/5/2001 when he fell from a ladder. He later "
        "developed neck pain and underwent a fusion on 04/14/2003.",
        /* (a score that fell is no fall: H193) */
        "She drove a bus. On February 5, 2001 her bus was struck from behind. Her PTSD score fell "
        "from 62 to 48, and on 06/16/2014 she returned to work.",
        NULL};
    for (int i = 0; told[i]; i++) {
        json_t *r = letter("Case Number: CM16-9000005\nDate of Injury: 11/03/1998\n", told[i]);
        cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2001-02-05", "%s", told[i]);
        json_decref(r);
    }
    /* the header's date named in the summary is the injury told, before a weaker statement */
    json_t *r = letter("Case Number: CM16-9000005\nDate of Injury: 06/30/2015\n",
                       "She has injuries on a cumulative trauma basis from 06-01-2005 to "
                       "06-30-2015 to the low back, in addition to a specific injury on "
                       "02-11-2014.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2015-06-30");
    json_decref(r);
    /* a visit on a date is no injury */
    r = letter("Case Number: CM16-9000005\n", "On 3/4/2016, at a follow-up visit, she reported "
                                              "pain of 6/10.");
    cr_expect_null(t_str(r, "dates_in_narrative.injury"));
    json_decref(r);
}

Test(dates, more_ways_of_dating_the_review)
{
    static const char *const told[] = {"The request was partially certified on 9/14/2015.",
                                       "The UR reviewer, Dr. X, denied the request on 9/14/2015.",
                                       "The request for an MRI was noncertified 9/14/2015.",
                                       "The claims administrator, in a decision dated 9/14/2015, "
                                       "denied the program.",
                                       "The program was not authorized on 9/14/2015.",
                                       "Utilization review non-certified the requests in a "
                                       "letter of 9/14/15.",
                                       "In its review completed 9/14/2015, utilization review "
                                       "partially certified the request.",
                                       "The program was adversely determined on 9/14/2015.",
                                       "In its decision of 9/14/15, utilization review "
                                       "modified the Xanax to #30.",
                                       "The carrier's reviewer denied the program on 9/14/2015.",
                                       "The utilization review physician declined to certify the "
                                       "request on 9/14/2015.",
                                       "UR denied the request for the program (decision date "
                                       "9/14/2015).",
                                       "He was seen in August. On 9/14/2015, the request was "
                                       "reviewed and not approved.",
                                       "The program was denied in utilization review on "
                                       "9/14/2015, and an IMR was requested.",
                                       NULL};
    for (int i = 0; told[i]; i++) {
        json_t *r = letter("Case Number: CM15-9000006\n", told[i]);
        cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2015-09-14", "%s", told[i]);
        json_decref(r);
    }
}

/* The day a review received the request is not the day it decided. */
Test(dates, the_day_review_received_the_request_is_not_its_decision)
{
    static const char *const told[] = {
        "Utilization review received the request on 09/05/2015 and issued a denial letter dated "
        "9/14/2015 that non-certified all three.",
        "Utilization review received the request on 09/05/2015 and non-certified it on "
        "9/14/2015.",
        "UR received the RFA on 9-5-2015 and denied it on 9/14/2015.",
        "Utilization review received the request on 09.05.2015 and issued a denial letter dated "
        "09.14.2015 that non-certified all three.",
        NULL};
    for (int i = 0; told[i]; i++) {
        json_t *r = letter("Case Number: CM15-9000006\n", told[i]);
        cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2015-09-14", "%s", told[i]);
        json_decref(r);
    }
}

/* A sentence opening with the date of a request names no UR date, though UR is in it (H128). */
Test(dates, a_request_dated_in_the_sentence_of_its_denial)
{
    json_t *r = letter("Case Number: CM15-9000006\n",
                       "On 9/2/2015 the treating chiropractor requested 6 additional sessions, "
                       "which was denied by utilization review.");
    cr_expect(json_is_null(t_get(r, "dates_in_narrative.ur_decision")));
    json_decref(r);
    /* (H220) the requester with a word of its own before it */
    r = letter("Case Number: CM15-9000006\n",
               "On 9/2/2015 the pain physician requested a urine drug screen and Ambien, all of "
               "which utilization review non-certified.");
    cr_expect(json_is_null(t_get(r, "dates_in_narrative.ur_decision")));
    json_decref(r);
    r = letter("Case Number: CM15-9000006\n",
               "On 9/2/2015 the treating chiropractor requested 6 additional sessions, which "
               "utilization review denied on 9/14/2015.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2015-09-14");
    json_decref(r);
}

/* "The claims administrator approved 6 of the therapy sessions on 2/4/2014": a UR decision. */
Test(dates, a_review_that_approved_part_of_the_request)
{
    json_t *r = letter("Case Number: CM15-9000006\n",
                       "The claims administrator approved 6 of the therapy sessions on 9/14/2015 "
                       "and denied the rest.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2015-09-14");
    json_decref(r);
}

/* A worker with several injuries: the claim's date, the header's, when the summary tells it as
 * the claim's; not the header's date told of another event that day. */
Test(dates, the_claims_injury_among_several)
{
    json_t *r = letter("Case Number: CM15-9000006\nDate of Injury: 01/09/2013\n",
                       "On 8-21-2011 she fell at home and hurt her knee. On January 9, 2013, the "
                       "date of injury for this claim, she was lifting a patient.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2013-01-09");
    json_decref(r);
    r = letter("Case Number: CM15-9000006\nDate of Injury: 11/08/2016\n",
               "He sustained an eye injury on 11-6-16 when a metal fragment struck him. On 11-8-16 "
               "the foreign body was removed.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2016-11-06");
    json_decref(r);
}

/* "The 8/11/14 utilization review non-certified the kit": the review after its date; a
 * cumulative trauma told "from <start> to <end>" after its body parts: the end (H153, H155). */
Test(dates, a_review_after_its_date_and_a_trauma_period)
{
    json_t *r = letter("Case Number: CM14-9000006\n",
                       "The orthopedist requested a home exercise kit. The 8/11/14 utilization "
                       "review non-certified the kit.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2014-08-11");
    json_decref(r);
    r = letter("Case Number: CM16-9000006\n",
               "The worker alleges cumulative trauma to both feet and the left ankle from "
               "09/2013 to 09/09/2016 from prolonged standing.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2016-09-09");
    json_decref(r);
}

/* "In a review dated 12/19/13, a physician board certified in ... non-certified both requests"
 * (H163). */
Test(dates, a_review_dated_then_told_by_its_physician)
{
    json_t *r = letter("Case Number: CM14-9000006\n",
                       "The provider requested Lidoderm. In a review dated 12/19/13, a physician "
                       "board certified in physical medicine and rehabilitation non-certified both "
                       "requests.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2013-12-19");
    json_decref(r);
}

/* Several claims, each with its injury: the one the header dates, though another comes first
 * (H166). */
Test(dates, the_headers_claim_among_injuries_told_in_turn)
{
    json_t *r = letter("Case Number: CM18-9000006\nDate of Injury: 04/02/2012\n",
                       "He sustained an injury to the left shoulder on 10-19-2009, when a ceiling "
                       "panel fell on him, and an injury to the neck on April 2, 2012, when he "
                       "struck his head on a beam.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.injury"), "2012-04-02");
    json_decref(r);
}

/* A side-by-side header whose "Date of Injury:" closes its line, its date pushed alone to the
 * line below by the conversion (H170). */
Test(dates, a_header_value_pushed_below_its_label)
{
    json_t *r =
        letter("Case Number:           CM16-0438215\n"
               "Date Assigned:         03/15/2016                      Date of Injury:\n"
               "                                                                    "
               "        06/11/2013\n"
               "Decision Date:         04/12/2016                      UR Denial Date:      "
               "02/29/2016\n"
               "Priority:              Standard                        Application          "
               "03/08/2016\n"
               "                                                       Received:\n",
               "The injured worker is a 40 year old male.");
    cr_expect_str_eq(t_str(r, "dates.injury"), "2013-06-11");
    cr_expect_str_eq(t_str(r, "dates.decision"), "2016-04-12");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2016-02-29");
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2016-03-08");
    json_decref(r);
    /* a label followed at once by another, its date alone below it */
    r = letter("Case Number:           CM16-0493154\n"
               "Date Assigned:         12/01/2016                      Date of Injury:      "
               "08/30/2015\n"
               "Decision Date:                                         UR Denial Date:      "
               "11/22/2016\n"
               "                       12/06/2016\n"
               "Priority:              Expedited                       Application          "
               "11/28/2016\n"
               "                                                       Received:\n",
               "The injured worker is a 40 year old male.");
    cr_expect_str_eq(t_str(r, "dates.decision"), "2016-12-06");
    cr_expect_str_eq(t_str(r, "dates.ur_denial"), "2016-11-22");
    cr_expect_str_eq(t_str(r, "dates.application_received"), "2016-11-28");
    json_decref(r);
}

/* Other moves of a side-by-side header's values (H174): two dates pushed below their two empty
 * labels, a label's date pushed beside another label's on the line below, a date pushed above
 * its empty label, labels wrapped with their dates on the first line, and a year wrapped. */
Test(dates, header_values_moved_by_the_conversion)
{
    static const struct {
        const char *header, *dates[5];
    } cases[] = {
        {"Case Number:          CM17-9000001\n"
         "Date Assigned:        05/02/2017                      Date of Injury:      08/14/2015\n"
         "Decision Date:                                        UR Denial Date:\n"
         "                      05/30/2017                                           04/12/2017\n"
         "Priority:             Standard                        Application          04/21/2017\n"
         "                                                      Received:\n",
         {"2017-05-02", "2015-08-14", "2017-05-30", "2017-04-12", "2017-04-21"}},
        {"Case Number:          CM17-9000002                    Date of Injury:\n"
         "Date Assigned:        06/01/2017                      09/12/2016\n"
         "Decision Date:        06/28/2017                      UR Denial Date:\n"
         "                                                      05/15/2017\n"
         "Priority:             Standard                        Application Received:\n"
         "                                                      05/24/2017\n",
         {"2017-06-01", "2016-09-12", "2017-06-28", "2017-05-15", "2017-05-24"}},
        {"Case Number:          CM17-9000003\n"
         "Date Assigned:        09/05/2017                      Date of Injury:      03/03/2016\n"
         "                                                                           08/17/2017\n"
         "Decision Date:        10/02/2017                      UR Denial Date:\n"
         "Priority:             Standard                        Application          08/25/2017\n"
         "                                                      Received:\n",
         {"2017-09-05", "2016-03-03", "2017-10-02", "2017-08-17", "2017-08-25"}},
        {"Case Number:          CM17-9000004\n"
         "Date                  08/22/2017                      Date of Injury:      04/18/2016\n"
         "Assigned:\n"
         "Decision              09/19/2017                      UR Denial Date:      08/03/2017\n"
         "Date:\n"
         "Priority:             Standard                        Application          08/14/2017\n"
         "                                                      Received:\n",
         {"2017-08-22", "2016-04-18", "2017-09-19", "2017-08-03", "2017-08-14"}},
        {"Case Number:           CM16-9000005\n"
         "Date Assigned:         09/19/2016                      Date of Injury:      02/14/2015\n"
         "Decision Date:         10/14/\n"
         "2016                                                   UR Denial Date:      09/01/2016\n"
         "Priority:              Standard                        Application          09/12/2016\n"
         "                                                       Received:\n",
         {"2016-09-19", "2015-02-14", "2016-10-14", "2016-09-01", "2016-09-12"}},
        /* (H174-04: the year below the label's second line, past a page break) */
        {"Case Number:          CM17-9000006\n"
         "Date Assigned:        06/13/2017                      Date of Injury:      10/22/2016\n"
         "Decision Date:        07/10/2017                      UR Denial Date:      05/25/2017\n"
         "Priority:             Standard                        Application          06/05/\n"
         "                                                      Received:\n"
         "Page 1 of 4\n\fCM17-9000006\n"
         "                                                                           2017\n",
         {"2017-06-13", "2016-10-22", "2017-07-10", "2017-05-25", "2017-06-05"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = letter(cases[i].header, "The injured worker is a 40 year old male.");
        expect_header_dates(r, cases[i].dates[0], cases[i].dates[1], cases[i].dates[2],
                            cases[i].dates[3], cases[i].dates[4]);
        json_decref(r);
    }
}

/* Round 50 (H179): header dates written with dashes or dots; a summary that dates the review
 * under review and an earlier one after it names the one under review with the header's date;
 * "In a determination issued on November 1st, 2021, ... utilization review non-certified". */
Test(dates, dates_of_round_50)
{
    json_t *r = letter("Case Number:          CM18-9000050\n"
                       "Date Assigned:        10.01.2018                      Date of Injury:      "
                       "08.07.2018\n"
                       "Decision Date:        10-04-18                        UR Denial Date:      "
                       "09-25-2018\n"
                       "Priority:             Expedited                       Application          "
                       "09.28.2018\n"
                       "                                                      Received:\n",
                       "The injured worker is a 40 year old male. On 9/25/18 utilization review "
                       "non-certified the request. An earlier utilization review, dated 9/12/18, "
                       "had certified six visits.");
    expect_header_dates(r, "2018-10-01", "2018-08-07", "2018-10-04", "2018-09-25", "2018-09-28");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2018-09-25");
    json_decref(r);
    r = letter("Case Number: CM21-9000051\nUR Denial Date: 11/01/2021\n",
               "The injured worker is a 40 year old male. In a determination issued on November "
               "1st, 2021, utilization review non-certified all three requests.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2021-11-01");
    json_decref(r);
    /* (H235) the day before the month */
    r = letter("Case Number: CM13-9000052\n",
               "The injured worker is a 40 year old male. The request was non-certified by "
               "utilization review on 25 October 2013.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2013-10-25");
    json_decref(r);
    /* (H227) "In its review of 02/24/2015, utilization review ..." */
    r = letter("Case Number: CM15-9000052\n",
               "The injured worker is a 40 year old male. In its review of 02/24/2015, "
               "utilization review non-certified all three requests.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2015-02-24");
    json_decref(r);
    /* (H109) a review told as "it", its last decision the header's */
    r = letter("Case Number: CM16-9000053\nUR Denial Date: 03/24/2016\n",
               "The injured worker is a 40 year old male. Utilization review has addressed his "
               "therapy three times. On 10-1-2015 it certified 12 sessions; on 12-22-2015 it "
               "modified a request; and on 3-24-2016, in the decision now under review, it "
               "authorized 4 of 12 requested sessions.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2016-03-24");
    json_decref(r);
    /* without the header's date among them, the last is still the one under review */
    r = letter("Case Number: CM21-9000052\n",
               "The injured worker is a 40 year old male. On 3/1/21 utilization review "
               "non-certified the request. On 3/22/21 utilization review non-certified it again.");
    cr_expect_str_eq(t_str(r, "dates_in_narrative.ur_decision"), "2021-03-22");
    json_decref(r);
}
