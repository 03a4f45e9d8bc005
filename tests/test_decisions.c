/* The decisions plugin: items, decisions, partial authorisations, citations and flags, in every
 * layout, and the seed letter. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* A layout A letter around a decisions section. */
static json_t *run_a(const char *decisions)
{
    char text[16384];
    snprintf(
        text, sizeof text,
        "Case Number:          CM16-9000001\n"
        "Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016\n"
        "Decision Date:        12/09/2016                      UR Denial Date:      11/03/2016\n"
        "HOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n"
        "CLINICAL CASE SUMMARY\nThe injured worker is a 48 year old male.\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\n"
        "The Final Determination was based on decisions for the disputed items/services set "
        "forth below:\n%s",
        decisions);
    return t_run_text(text);
}

#define ITEM(r, i, f) t_str(r, "items." #i "." f)

Test(decisions, one_item_with_labels_and_citation)
{
    json_t *r = run_a(
        "MRI of the right shoulder without contrast: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.\n"
        "MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s):\n"
        "Special Studies.\n"
        "Decision rationale: There is no red flag. The request is not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_assert_str_eq(ITEM(r, 0, "text"), "MRI of the right shoulder without contrast");
    cr_assert_str_eq(ITEM(r, 0, "decision"), "upheld");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.source"), "MTUS");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.title"), "Shoulder Complaints");
    cr_assert_eq(json_integer_value(t_get(r, "items.0.guidelines.0.year")), 2004);
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.sections.0"), "Special Studies");
    cr_assert_str_eq(ITEM(r, 0, "ca_guidelines.0.title"), "Shoulder Complaints");
    cr_assert(json_is_false(t_get(r, "items.0.partial")));
    cr_assert(json_is_false(t_get(r, "items.0.non_mtus")));
    cr_assert_gt(json_integer_value(t_get(r, "items.0.rationale.words")), 8);
    json_decref(r);
}

Test(decisions, wrapped_items_verdict_on_next_line_and_adjacent_blocks)
{
    json_t *r = run_a(
        "Acupuncture 3 times a week for 2 weeks, neck, right hand and\nhead: Overturned\n"
        "Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.\n"
        "MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.\n"
        "Decision rationale: Acupuncture may be used as an option. It is medically necessary.\n"
        "Norco 10/325mg #120:\nUpheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical\n"
        "Treatment 2009.\n"
        "MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016, Section(s): 1.4\n"
        "Opioids for Acute Pain.\n"
        "Decision rationale: No functional improvement is documented. Not medically necessary.\n"
        "Post-op Zofran: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
        "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_assert_str_eq(ITEM(r, 0, "text"),
                     "Acupuncture 3 times a week for 2 weeks, neck, right hand and head");
    cr_assert_str_eq(ITEM(r, 0, "decision"), "overturned");
    cr_assert_str_eq(ITEM(r, 1, "text"), "Norco 10/325mg #120");
    cr_assert_str_eq(ITEM(r, 1, "decision"), "upheld");
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.title"), "Opioid Treatment");
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.sections.0"), "1.4 Opioids for Acute Pain");
    cr_assert_str_eq(ITEM(r, 2, "text"), "Post-op Zofran");
    json_decref(r);
}

/* A conversion joined the rationale's conclusion and the next item's line, with junk between
 * (H215-10): the item's name starts after the conclusion. */
Test(decisions, an_item_joined_to_the_conclusion_before_it)
{
    json_t *r = run_a(
        "Trintellix 20mg #30: Overturned\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2009.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2009.\n"
        "Decision rationale: He responds to it. Stopping it would risk relapse.\n"
        "Trintellix 20mg #30 is medically necessary. ~|Individual psychotherapy, 12 sessions: "
        "Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2009.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2009.\n"
        "Decision rationale: No progress is documented. Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_expect_str_eq(ITEM(r, 1, "text"), "Individual psychotherapy, 12 sessions");
    cr_expect_null(t_get(r, "items.1.drug.generic"));
    json_decref(r);
}

/* A conversion that joined lines (H225, H228): a heading with its lead-in sentence on its line,
 * a label after the sentence before it (with a blank between them or not). */
Test(decisions, headings_and_labels_joined_to_their_neighbours)
{
    json_t *r = t_run_text(
        "Case Number:          CM16-9000001\n"
        "Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016\n"
        "HOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n"
        "CLINICAL CASE SUMMARY The expert reviewer developed the following clinical case "
        "summary based on a review of the case file, including all medical records:\nThe "
        "injured worker is a 48 year old male.\n"
        "IMR ISSUES, DECISIONS AND RATIONALES The Final Determination was based on decisions "
        "for the\ndisputed items/services set forth below:\n"
        "Post-operative occupational therapy, 12 sessions: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Postsurgical Treatment 2009. "
        "MAXIMUS guideline: Decision based on MTUS Postsurgical Treatment 2009, Section(s): "
        "Carpal Tunnel Syndrome.Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_expect_str_eq(ITEM(r, 0, "text"), "Post-operative occupational therapy, 12 sessions");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Postsurgical Treatment");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.sections.0"), "Carpal Tunnel Syndrome");
    cr_expect_eq(json_integer_value(t_get(r, "patient.age")), 48);
    cr_expect_eq(json_integer_value(t_get(r, "items.0.rationale.words")), 3);
    json_decref(r);
}

/* An item name with a colon inside a parenthesis at a line's end (H234); a sentence about the
 * MTUS after a citation is no citation of its own (H232). */
Test(decisions, a_colon_inside_a_parenthesis_and_a_sentence_about_the_mtus)
{
    json_t *r = run_a(
        "Retrospective request: Urine drug screen, qualitative immunoassay with\nquantitative "
        "confirmation for all results (date of service:\n01/22/2020): Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2009.\n"
        "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): "
        "Surgical Considerations, pages 305-306. The MTUS sets out when a patient with low back "
        "complaints should be referred.\nDecision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_expect(strncmp(ITEM(r, 0, "text"), "Retrospective request: Urine drug screen", 40) == 0,
              "%s", ITEM(r, 0, "text"));
    cr_expect_eq(json_array_size(t_get(r, "items.0.guidelines")), 1);
    json_decref(r);
}

/* An ACOEM chapter named by its number inside the title: the MTUS chapter title. */
Test(decisions, an_acoem_chapter_number_in_the_title)
{
    json_t *r = run_a("MRI of the cervical spine: Upheld\n"
                      "Claims Administrator guideline: Decision based on MTUS Neck and Upper Back "
                      "Complaints 2004.\n"
                      "MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 8 Neck and Upper "
                      "Back Complaints 2004.\n"
                      "Decision rationale: No red flags are documented.\n");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Neck and Upper Back Complaints");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.guidelines.0.year")), 2004);
    json_decref(r);
    /* the ACOEM guidelines named after "relied on the" (layout D's wording) */
    r = run_a("Lateral epicondylitis injection: Upheld\n"
              "MAXIMUS guideline: Decision based on the ACOEM Practice Guidelines, Elbow Disorders "
              "(Revised 2007), which are part of the MTUS.\n"
              "Decision rationale: Not medically necessary.\n");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Elbow Disorders");
    json_decref(r);
    /* two numbered chapters of one ACOEM citation: two citations */
    r = run_a(
        "Surgical consultation for the cervical spine: Upheld\n"
        "MAXIMUS guideline: The Physician Reviewer based his/her decision on the MTUS ACOEM "
        "Practice\nGuidelines, 2nd Edition (2004), Chapter 8, Neck and Upper Back Complaints, "
        "pages 179-180, and\nChapter 7, Independent Medical Examinations and Consultations, "
        "page 127, which are part of the\nMTUS.\n"
        "Decision rationale: The diagnosis is clear.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 2);
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Neck and Upper Back Complaints");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.1.title"),
                     "Independent Medical Examinations and Consultations");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.guidelines.1.year")), 2004);
    json_decref(r);
}

/* "MAXIMUS guideline:" twice in a row, the first with sections wrapped to the next line: both
 * citations are the item's. */
Test(decisions, a_guideline_label_repeated_on_the_next_line)
{
    json_t *r = run_a(
        "Repeat left L4-L5 transforaminal epidural steroid injection: Upheld\n\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment "
        "2016.\n\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, "
        "Section(s):\nEpidural steroid injections (ESIs).\n"
        "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Physical "
        "Methods.\n\n"
        "Decision rationale: The response to the first block was not documented.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 2);
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.sections.0"), "Epidural steroid injections (ESIs)");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.1.title"), "Low Back Complaints");
    cr_expect_eq(json_array_size(t_get(r, "items.0.ca_guidelines")), 1);
    json_decref(r);
}

Test(decisions, partial_authorisations)
{
    json_t *r = run_a(
        "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the\n"
        "Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n"
        "10/325mg #35 is: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment "
        "2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
        "Decision rationale: Weaning is appropriate. It is not medically necessary.\n"
        "Twelve sessions of physical therapy for the lumbar spine was the original request. Six\n"
        "sessions of physical therapy for the lumbar spine was authorized by the Claims\n"
        "Administrator. The remaining IMR eligible portion of the original request, 6 sessions "
        "for\n"
        "the lumbar: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment "
        "2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
        "Decision rationale: Not medically necessary.\n"
        "Purchase of a bath/shower chair was the original request. The Claims Administrator\n"
        "authorized a bath/shower chair for 1 month, leaving the original request IMR eligible. "
        "The\n"
        "original request, purchase of a bath/shower chair is: Upheld\n"
        "Claims Administrator guideline: The Claims Administrator did not cite any medical "
        "evidence\n"
        "for its decision.\n"
        "MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.\n"
        "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_assert_str_eq(ITEM(r, 0, "text"), "Norco 10/325mg #35");
    cr_assert(json_is_true(t_get(r, "items.0.partial")));
    cr_assert_str_eq(ITEM(r, 0, "original_request"), "Norco 10/325mg #60");
    cr_assert_str_eq(ITEM(r, 0, "authorized"), "Norco 10/325mg #25");
    cr_assert_str_eq(ITEM(r, 1, "text"), "6 sessions for the lumbar", "the 'is' may be missing");
    cr_assert_str_eq(ITEM(r, 1, "original_request"),
                     "Twelve sessions of physical therapy for the lumbar spine");
    cr_assert_str_eq(ITEM(r, 1, "category"), "physical_therapy", "fragment: from the original");
    cr_assert_str_eq(ITEM(r, 2, "text"), "purchase of a bath/shower chair");
    cr_assert_str_eq(ITEM(r, 2, "authorized"), "a bath/shower chair for 1 month");
    cr_assert(json_is_true(t_get(r, "items.2.ca_no_citation")));
    json_decref(r);
    /* "was requested originally" for "was the original request" */
    r = run_a("Norco 10/325mg #60 was requested originally. Norco 10/325mg #25 was authorized by "
              "the\nClaims Administrator. The remaining IMR eligible portion of the original "
              "request, Norco\n10/325mg #35 is: Upheld\n"
              "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
              "Decision rationale: Weaning is appropriate. It is not medically necessary.\n");
    cr_assert(json_is_true(t_get(r, "items.0.partial")));
    cr_expect_str_eq(ITEM(r, 0, "original_request"), "Norco 10/325mg #60");
    cr_expect_str_eq(ITEM(r, 0, "authorized"), "Norco 10/325mg #25");
    json_decref(r);
}

/* A rationale that restates the partial authorisation ends its item; the next item, right after
 * it without a blank line, is no partial authorisation. */
Test(decisions, a_partial_restated_in_the_rationale_stays_with_its_item)
{
    json_t *r = run_a(
        "Norco 5/325mg #90 was the original request. Norco 5/325mg #30 was authorized by the "
        "Claims\nAdministrator. The remaining IMR eligible portion of the original request, Norco "
        "5/325mg #60:\nUpheld\n"
        "Claims Administrator guideline: Decision based on MTUS Opioid Treatment 2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016.\n"
        "Decision rationale: No screening was documented. Norco 5/325mg #90 was the original "
        "request.\nNorco 5/325mg #30 was authorized by the Claims Administrator. The remaining "
        "IMR eligible portion of the\noriginal request, Norco 5/325mg #60, is not medically "
        "necessary. This decision addresses the\nmedical necessity of opioids for this patient.\n"
        "Gabapentin 300mg #90: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment "
        "2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
        "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    cr_expect_str_eq(ITEM(r, 1, "text"), "Gabapentin 300mg #90");
    cr_expect(json_is_false(t_get(r, "items.1.partial")));
    json_decref(r);
}

/* Variants of the verdict line seen in other copies: numbered items, a space before the colon. */
Test(decisions, numbered_items_and_a_space_before_the_colon)
{
    json_t *r = run_a(
        "1. Chiropractic treatment for the lumbar spine, 3 times a week for 4 weeks: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n"
        "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.\n"
        "Decision rationale: Not medically necessary.\n"
        "2) Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by "
        "the\nClaims Administrator. The remaining IMR eligible portion of the original request, "
        "Norco\n10/325mg #35 is : Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Opioids 2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Opioids 2016.\n"
        "Decision rationale: Not medically necessary.\n"
        "3) MRI of the right shoulder : Overturned\n"
        "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.\n"
        "MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004.\n"
        "Decision rationale: Medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 3);
    cr_assert_str_eq(ITEM(r, 0, "text"),
                     "Chiropractic treatment for the lumbar spine, 3 times a week for 4 weeks");
    cr_assert_eq(json_integer_value(t_get(r, "items.0.quantity")), 12, "not the item's number");
    cr_assert_str_eq(ITEM(r, 1, "text"), "Norco 10/325mg #35");
    cr_assert_str_eq(ITEM(r, 1, "original_request"), "Norco 10/325mg #60");
    cr_assert_str_eq(ITEM(r, 2, "text"), "MRI of the right shoulder");
    cr_assert_str_eq(ITEM(r, 2, "decision"), "overturned");
    json_decref(r);
    /* a verdict in lower case after a colon; "is upheld." in prose is none; "Section:" */
    r = run_a("MRI of the right shoulder: upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.\n"
              "MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section:\n"
              "Special Studies.\n"
              "Decision rationale: There is no red flag. Therefore, the denial is\nupheld.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_assert_str_eq(ITEM(r, 0, "decision"), "upheld");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.sections.0"), "Special Studies");
    json_decref(r);
}

/* Citations joined by semicolons or a bare "and", a qualifier before the title, "certified by
 * the Claims Administrator" in a partial authorisation. */
Test(decisions, citation_and_partial_variants)
{
    json_t *r = run_a(
        "MRI of the right wrist: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS General Approaches 2004, "
        "Section(s): Initial Approaches to Treatment; Knee Complaints 2004, Section(s): Initial "
        "Care.\n"
        "MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004,\n"
        "Section(s): Special Studies and Forearm, Wrist, and Hand Complaints 2004, Section(s): "
        "Special\nStudies.\n"
        "Decision rationale: Not medically necessary.\n"
        "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was certified by the\n"
        "Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n"
        "10/325mg #35 is: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS (ACOEM Practice Guidelines) "
        "Shoulder Complaints 2004, Section(s): Surgical Considerations; and Non-MTUS Citation "
        "Official Disability Guidelines (ODG) Shoulder.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, "
        "Section(s): Opioids; Weaning of Medications, and Opioids 2016, Section(s): Tapering.\n"
        "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 2);
    cr_assert_str_eq(ITEM(r, 0, "ca_guidelines.0.sections.0"), "Initial Approaches to Treatment");
    cr_assert_str_eq(ITEM(r, 0, "ca_guidelines.1.title"), "Knee Complaints");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.sections.0"), "Special Studies");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.1.title"), "Forearm, Wrist, and Hand Complaints");
    cr_assert(json_is_true(t_get(r, "items.1.partial")));
    cr_assert_str_eq(ITEM(r, 1, "text"), "Norco 10/325mg #35");
    cr_assert_str_eq(ITEM(r, 1, "authorized"), "Norco 10/325mg #25");
    cr_assert_str_eq(ITEM(r, 1, "ca_guidelines.0.title"), "Shoulder Complaints");
    cr_assert_str_eq(ITEM(r, 1, "ca_guidelines.0.sections.0"), "Surgical Considerations");
    cr_assert_str_eq(ITEM(r, 1, "ca_guidelines.1.source"), "non-MTUS");
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.sections.0"), "Opioids; Weaning of Medications",
                     "sections separated by a semicolon stay one citation's");
    cr_assert_str_eq(ITEM(r, 1, "guidelines.1.title"), "Opioids");
    json_decref(r);
}

/* References outside the MTUS, as the letters name them. */
Test(decisions, non_mtus_references_and_their_titles)
{
    json_t *r = run_a(
        "Assistant surgeon: Overturned\n"
        "Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n"
        "MAXIMUS guideline: The MTUS is silent on this request. The Physician Reviewer based "
        "his/her\ndecision on the American College of Surgeons, Physicians as Assistants at "
        "Surgery: 2013 Study,\nwhich is not part of the MTUS.\n"
        "Decision rationale: Medically necessary.\n"
        "Synvisc injection: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.\n"
        "MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004. Decision based on "
        "Non-MTUS Citation\nU.S. Food and Drug Administration, Synvisc (hylan G-F 20) Summary of "
        "Safety and Effectiveness\nData, and Official Disability Guidelines (ODG), Knee & Leg, "
        "Hyaluronic acid injections.\n"
        "Decision rationale: Not medically necessary.\n"
        "Steroid injection: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.\n"
        "MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004. The Expert Reviewer "
        "based the decision also on recommendation(s)\noutside of the MTUS Guidelines. Decision "
        "based on Non-MTUS Citation Official Disability Guidelines\n(ODG), Shoulder Chapter, "
        "Steroid injections.\n"
        "Decision rationale: Not medically necessary.\n");
    /* a relative clause about the whole reference: one citation, without "based ... on the" */
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 1);
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.source"), "non-MTUS");
    cr_expect_str_eq(
        ITEM(r, 0, "guidelines.0.title"),
        "American College of Surgeons, Physicians as Assistants at Surgery: 2013 Study");
    /* two references joined by ", and"; "U.S." ends no sentence */
    cr_assert_eq(json_array_size(t_get(r, "items.1.guidelines")), 3);
    cr_expect_str_eq(ITEM(r, 1, "guidelines.1.title"),
                     "U.S. Food and Drug Administration, Synvisc (hylan G-F 20) Summary of Safety "
                     "and Effectiveness Data");
    cr_expect_str_eq(
        ITEM(r, 1, "guidelines.2.title"),
        "Official Disability Guidelines (ODG), Knee & Leg, Hyaluronic acid injections");
    /* "based the decision also on recommendation(s) outside of the MTUS" announces, cites none
     */
    cr_assert_eq(json_array_size(t_get(r, "items.2.guidelines")), 2);
    cr_expect_str_eq(ITEM(r, 2, "guidelines.1.title"),
                     "Official Disability Guidelines (ODG), Shoulder Chapter, Steroid injections");
    json_decref(r);
    /* a chapter outside the MTUS after one inside it */
    r = run_a("Surgical consultation: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.\n"
              "MAXIMUS guideline: The Physician Reviewer based his/her decision on the MTUS ACOEM "
              "Practice\nGuidelines, 2nd Edition (2004), Chapter 9, Shoulder Complaints, pages "
              "209-211, which are part of\nthe MTUS, and the ACOEM Practice Guidelines, 2nd "
              "Edition (2004), Chapter 7, Independent Medical\nExaminations and Consultations, "
              "page 127, which is not part of the MTUS.\n"
              "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 2);
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Shoulder Complaints");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.1.source"), "non-MTUS");
    json_decref(r);
}

/* The MTUS after 2017 adopted ACOEM's guidelines by topic: the chapter is the title, the
 * edition's year its year; a citation may have no year. */
Test(decisions, acoem_chapters_of_the_later_mtus)
{
    static const struct {
        const char *cites, *title;
        int year; /* 0: none */
    } cases[] = {
        {"MTUS (ACOEM Practice Guidelines, 3rd Edition (2011)) Low Back\nDisorders, Section(s): "
         "Epidural Steroid Injections.",
         "Low Back Disorders", 2011},
        {"MTUS ACOEM Practice Guidelines, 3rd Edition (2011), Hand,\nWrist, and Forearm "
         "Disorders, Section(s): Carpal Tunnel Syndrome.",
         "Hand, Wrist, and Forearm Disorders", 2011},
        {"MTUS, ACOEM Practice Guidelines, Chronic Pain (2017), Section(s): Functional "
         "restoration.",
         "Chronic Pain", 2017},
        {"MTUS (2019), Chronic Pain Medical Treatment Guidelines, Section(s): NSAIDs.",
         "Chronic Pain Medical Treatment", 2019},
        {"MTUS ACOEM Chronic Pain Guideline, Section(s): Opioids.", "Chronic Pain", 0},
        {"the ACOEM Practice Guidelines, Elbow Disorders chapter (Revised\n2007), which is part "
         "of the MTUS.",
         "Elbow Disorders", 2007},
        {"the MTUS Chronic Pain Medical Treatment\nGuidelines (2009), pages 105-107, Spinal cord "
         "stimulators.",
         "Chronic Pain Medical Treatment", 2009},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "Epidural injection: Upheld\nClaims Administrator guideline: Decision based on "
                 "MTUS Low Back Complaints 2004.\nMAXIMUS guideline: Decision based on %s\n"
                 "Decision rationale: Not medically necessary.\n",
                 cases[i].cites);
        json_t *r = run_a(text);
        cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), cases[i].title, "%zu", i);
        json_t *year = t_get(r, "items.0.guidelines.0.year");
        if (cases[i].year)
            cr_expect_eq(json_integer_value(year), cases[i].year, "%zu", i);
        else
            cr_expect(json_is_null(year), "%zu", i);
        json_decref(r);
    }
    /* one without a year after a dated one */
    json_t *r = run_a("Functional restoration program, 80 hours: Upheld\n"
                      "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
                      "Treatment 2009.\nMAXIMUS guideline: Decision based on MTUS Chronic Pain "
                      "Medical Treatment Guidelines (2016),\nSection(s): Functional restoration "
                      "programs (FRPs); MTUS ACOEM Chronic Pain Guideline, Section(s): "
                      "Interdisciplinary Pain Rehabilitation\nPrograms.\n"
                      "Decision rationale: Not medically necessary.\n");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.sections.0"),
                     "Functional restoration programs (FRPs)");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.1.title"), "Chronic Pain");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.1.sections.0"),
                     "Interdisciplinary Pain Rehabilitation Programs");
    json_decref(r);
    /* prose about the MTUS is no citation */
    r = run_a("Gym membership: Upheld\nClaims Administrator guideline: Decision based on MTUS Low "
              "Back Complaints 2004.\nMAXIMUS guideline: The MTUS is silent on this request. "
              "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back, "
              "Gym memberships.\nDecision rationale: Not medically necessary.\n");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.source"), "non-MTUS");
    cr_expect_eq(json_array_size(t_get(r, "items.0.guidelines")), 1);
    json_decref(r);
}

/* MuPDF's text keeps two spaces after a period: the MTUS sentence still ends there. */
Test(decisions, two_spaces_after_a_citation_sentence)
{
    json_t *r =
        run_a("Initial acupuncture, 6 visits: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment "
              "2007. \n"
              "MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.  "
              "Decision based \non Non-MTUS Citation Official Disability Guidelines (ODG) "
              "Neck and Upper Back, \nAcupuncture. \n"
              "Decision rationale: Not medically necessary.\n");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.title"), "Acupuncture Treatment");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.source"), "MTUS");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.1.source"), "non-MTUS");
    json_decref(r);
}

Test(decisions, multi_citation_non_mtus_and_no_citation)
{
    json_t *r = run_a(
        "Twelve infrared acupuncture visits: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.\n"
        "MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007, and Chronic\n"
        "Pain Medical Treatment 2016, Section(s): Low-Level Laser Therapy (LLLT).\n"
        "Decision rationale: Not medically necessary.\n"
        "MRI of the neck: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints "
        "2004.\n"
        "MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004,\n"
        "Section(s): Special Studies, and Forearm, Wrist, and\nHand Complaints 2004, Section(s): "
        "Special Studies.\n"
        "Decision rationale: Not medically necessary.\n"
        "Extracorporeal shockwave therapy (ESWT): Upheld\n"
        "Claims Administrator guideline: The Claims Administrator did not cite any medical "
        "evidence\n"
        "for its decision.\n"
        "MAXIMUS guideline: The Expert Reviewer based their decision on recommendation(s) outside\n"
        "of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability "
        "Guidelines\n"
        "(ODG) Neck & Upper Back (Extracorporeal shock wave therapy (ESWT)).\n"
        "Decision rationale: Not medically necessary.\n"
        "Hot/cold therapy unit purchase: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.\n"
        "MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its "
        "decision.\n"
        "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 4);
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 2);
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.title"), "Acupuncture Treatment");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.1.title"), "Chronic Pain Medical Treatment");
    cr_assert_eq(json_integer_value(t_get(r, "items.0.guidelines.1.year")), 2016);
    cr_assert_str_eq(ITEM(r, 1, "guidelines.1.title"), "Forearm, Wrist, and Hand Complaints");
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.sections.0"), "Special Studies");
    cr_assert(json_is_true(t_get(r, "items.2.non_mtus")));
    cr_assert(json_is_true(t_get(r, "items.2.ca_no_citation")));
    cr_assert(json_is_false(t_get(r, "items.2.no_citation")));
    cr_assert_str_eq(ITEM(r, 2, "guidelines.0.source"), "non-MTUS");
    cr_assert(strstr(ITEM(r, 2, "guidelines.0.title"), "Official Disability Guidelines"));
    cr_assert(json_is_true(t_get(r, "items.3.no_citation")));
    cr_assert_eq(json_array_size(t_get(r, "items.3.guidelines")), 0);
    json_decref(r);
}

/* A journal reference's own sentences after a non-MTUS citation are that reference; a year
 * before its title ("MTUS 2018 Opioids Guideline"); a later ACOEM edition's named chapter. */
Test(decisions, references_year_first_titles_and_named_chapters)
{
    json_t *r = run_a(
        "Platelet-rich plasma injection: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Elbow Complaints 2007.\n"
        "MAXIMUS guideline: Decision based on MTUS Elbow Complaints 2007, Section(s): Initial "
        "Care.\nDecision based on Non-MTUS Citation Official Disability Guidelines (ODG), Elbow, "
        "Platelet-rich plasma (PRP); and Smith A, Jones B. Injection therapies for lateral\n"
        "epicondylalgia: a review. Journal of Upper Limb Research.\n2015;7(3):188-196.\n"
        "Decision rationale: Not medically necessary.\n"
        "Oxycodone 10mg #60: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS 2018 Opioids Guideline.\n"
        "MAXIMUS guideline: Decision based on MTUS 2018 Opioids Guideline, Section(s): Tapering "
        "of opioids, and (ACOEM Practice Guidelines, 3rd Edition (2011)), Chronic Pain Chapter, "
        "Section(s): Opioids, monitoring.\n"
        "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 2, "Elbow and the ODG only");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.title"), "Elbow Complaints");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.1.source"), "non-MTUS");
    cr_assert(json_is_true(t_get(r, "items.0.non_mtus")));
    cr_assert_eq(json_array_size(t_get(r, "items.1.guidelines")), 2);
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.title"), "Opioids");
    cr_assert_eq(json_integer_value(t_get(r, "items.1.guidelines.0.year")), 2018);
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.sections.0"), "Tapering of opioids");
    cr_assert_str_eq(ITEM(r, 1, "guidelines.1.title"), "Chronic Pain");
    cr_assert_eq(json_integer_value(t_get(r, "items.1.guidelines.1.year")), 2011);
    json_decref(r);
}

/* An MTUS title with no year and no "Section(s):" (H206): up to its comma, the year unknown. */
Test(decisions, an_mtus_title_without_a_year)
{
    json_t *r =
        run_a("Carpal tunnel release: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Postsurgical Treatment "
              "Guidelines.\n"
              "MAXIMUS guideline: Decision based on MTUS Postsurgical Treatment Guidelines, "
              "Carpal tunnel syndrome, page 15.\n"
              "Decision rationale: Medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 1);
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Postsurgical Treatment");
    cr_expect(json_is_null(t_get(r, "items.0.guidelines.0.year")));
    json_decref(r);
    /* (a sentence that names the MTUS without a title cites nothing) */
    r = run_a("Carpal tunnel release: Upheld\n"
              "MAXIMUS guideline: Decision based on MTUS, which the reviewer found silent here.\n"
              "Decision rationale: Medically necessary.\n");
    cr_expect_eq(json_array_size(t_get(r, "items.0.guidelines")), 0);
    json_decref(r);
}

/* "relied on the 2009 MTUS Postsurgical Treatment Guidelines": the year before the title
 * (H181). */
Test(decisions, a_year_before_the_mtus_and_its_title)
{
    json_t *r = run_a("Physical therapy for the shoulder: Overturned\n"
                      "Claims Administrator guideline: The Expert Reviewer relied on the 2009 MTUS "
                      "Postsurgical Treatment Guidelines, Shoulder.\n"
                      "MAXIMUS guideline: The Expert Reviewer relied on the 2009 MTUS Postsurgical "
                      "Treatment Guidelines, Shoulder, Rotator cuff syndrome.\n"
                      "Decision rationale: Medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items.0.guidelines")), 1);
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Postsurgical Treatment");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.guidelines.0.year")), 2009);
    json_decref(r);
}

/* A date in parentheses after the title, or alone: the Chronic Pain Medical Treatment
 * Guidelines took effect on July 18, 2009. */
Test(decisions, a_title_with_its_effective_date)
{
    json_t *r =
        run_a("Norco 10/325mg #60: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
              "Treatment Guidelines (May 2009), Opioids, page 80.\n"
              "MAXIMUS guideline: Decision based on MTUS (Effective July 18, 2009), page 80, "
              "Opioids.\n"
              "Decision rationale: Not medically necessary.\n"
              "Soma 350mg #30: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS.\n"
              "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment "
              "Guidelines (Effective July 18, 2009), page 65.\n"
              "Decision rationale: Not medically necessary.\n");
    cr_assert_str_eq(ITEM(r, 0, "ca_guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_assert_eq(json_integer_value(t_get(r, "items.0.guidelines.0.year")), 2009);
    cr_assert_str_eq(ITEM(r, 1, "guidelines.0.title"), "Chronic Pain Medical Treatment");
    json_decref(r);
}

/* Titles as the forty-sixth blind round told them (H161): after "based his/her decision on the",
 * and before "of the MTUS (2009)". */
Test(decisions, titles_after_a_reviewers_decision_and_before_of_the_mtus)
{
    json_t *r =
        run_a("Acupuncture, six sessions: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Acupuncture Medical "
              "Treatment Guidelines (2007).\n"
              "MAXIMUS guideline: The Physician Reviewer based his/her decision on the Acupuncture "
              "Medical Treatment Guidelines (2007), section 9792.24.1, which are part of the "
              "MTUS.\n"
              "Decision rationale: Not medically necessary.\n"
              "Soma 350mg #60: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS.\n"
              "MAXIMUS guideline: The Professional Reviewer relied on the Chronic Pain Medical "
              "Treatment Guidelines of the MTUS (2009), Carisoprodol (Soma), page 29.\n"
              "Decision rationale: Not medically necessary.\n");
    cr_expect_str_eq(ITEM(r, 0, "guidelines.0.title"), "Acupuncture Medical Treatment");
    cr_expect_str_eq(ITEM(r, 1, "guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_expect_eq(json_integer_value(t_get(r, "items.1.guidelines.0.year")), 2009);
    json_decref(r);
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

Test(decisions, disagreements_are_warned_about)
{
    json_t *r =
        run_a("Lumbar support: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n"
              "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.\n"
              "Decision rationale: The support is indicated. It is medically necessary.\n");
    cr_assert(has_warning(r, "concludes it is medically necessary"));
    json_decref(r);
    r = run_a("Lumbar support: Upheld\n"
              "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.\n"
              "Decision rationale: Not medically necessary.\n"
              "Decision rationale: A second rationale without an item.\n");
    cr_assert(has_warning(r, "found 1 items but 2 decision rationales"));
    json_decref(r);
    r = run_a("No item follows.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 0);
    cr_assert(has_warning(r, "no disputed items found"));
    json_decref(r);
}

Test(decisions, the_seed_letter)
{
    if (!t_real_dir()) {
        T_SKIP("../shared not found: skipping the seed letter");
    }
    json_t *r =
        t_run_file(IMRX_SOURCE_DIR "/../shared/seeds/seed-letter-2015-physical-therapy.txt");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_assert_str_eq(ITEM(r, 0, "text"), "Twelve sessions for physical therapy");
    cr_assert_str_eq(ITEM(r, 0, "decision"), "upheld");
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.title"), "Chronic Pain Medical Treatment");
    cr_assert_eq(json_integer_value(t_get(r, "items.0.guidelines.0.year")), 2009);
    cr_assert_str_eq(ITEM(r, 0, "guidelines.0.sections.0"), "Physical Medicine");
    json_decref(r);
}

/* Layouts B, C and D, from the project's letters: the gold's items and decisions. */
static void expect_gold_items(const char *name)
{
    char lp[512], gp[512];
    snprintf(lp, sizeof lp, "%s/corpus/letters/%s.txt", IMRX_SOURCE_DIR, name);
    snprintf(gp, sizeof gp, "%s/corpus/gold/%s.json", IMRX_SOURCE_DIR, name);
    json_t *r = t_run_file(lp);
    json_t *g = json_load_file(gp, 0, NULL);
    cr_assert_not_null(g);
    size_t n = json_array_size(t_get(g, "items"));
    cr_assert_eq(json_array_size(t_get(r, "items")), n, "%s: item count", name);
    for (size_t i = 0; i < n; i++) {
        json_t *gi = json_array_get(t_get(g, "items"), i),
               *ri = json_array_get(t_get(r, "items"), i);
        cr_expect_str_eq(t_str(ri, "decision"), t_str(gi, "decision"), "%s item %zu", name, i);
        cr_expect_str_eq(t_str(ri, "text"), t_str(gi, "text"), "%s item %zu", name, i);
    }
    json_decref(r);
    json_decref(g);
}

Test(decisions, layouts_b_c_d)
{
    static const char *const letters[] = {"B-01", "B-03", "B-04", "C-01", "C-02",
                                          "C-03", "D-01", "D-02", "D-05"};
    for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++) expect_gold_items(letters[i]);
}

/* After a non-MTUS clause, a reference joined by ", and" that does not name the MTUS is outside it
 * too (H130): no MTUS citation is made of it. */
Test(decisions, a_reference_joined_after_a_non_mtus_clause)
{
    json_t *r = run_a("Polysomnography: Upheld\n"
                      "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
                      "Treatment 2009.\n"
                      "MAXIMUS guideline: Decision based on Official Disability Guidelines (ODG), "
                      "Pain chapter, Polysomnography, which is not part of the MTUS, and the "
                      "American Academy of Sleep Medicine clinical guideline for the evaluation "
                      "of chronic insomnia in adults (2008).\n"
                      "Decision rationale: Not medically necessary.\n");
    cr_assert_eq(json_array_size(t_get(r, "items")), 1);
    cr_expect_eq(json_array_size(t_get(r, "items.0.guidelines")), 2);
    cr_expect_str_eq(t_str(r, "items.0.guidelines.1.source"), "non-MTUS");
    cr_expect(json_is_true(t_get(r, "items.0.non_mtus")));
    json_decref(r);
}
