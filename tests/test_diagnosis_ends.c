/* patient plugin: where a list of diagnoses ends, before the clause, record or note that
 * follows it. */
#include "patient_letter.h"

TestSuite(diagnosis_ends, .init = setup, .fini = teardown);

Test(diagnosis_ends, lists_end_before_what_is_no_diagnosis)
{
    json_t *r = run_summary("A 61 year old male. He was diagnosed with a rotator cuff tear on "
                            "3/4/2014 and underwent surgery. He was treated for six weeks with "
                            "physical therapy. The diagnosis was not confirmed.");
    expect_list(r, "patient.diagnoses", LIST("rotator cuff tear"));
    json_decref(r);
    r = run_summary("A 59 year old male. He was diagnosed with a head contusion and cervical "
                    "strain. Later he was diagnosed with a cervical strain and right shoulder "
                    "muscle strain.");
    expect_list(r, "patient.diagnoses",
                LIST("head contusion", "cervical strain", "right shoulder muscle strain"));
    json_decref(r);
    r = run_summary("The applicant is a 28-year-old female who has filed a claim for neck pain.");
    expect_list(r, "patient.diagnoses", NONE);
    json_decref(r);
}

Test(diagnosis_ends, lists_end_at_treatment_and_at_the_next_cue)
{
    json_t *r =
        run_summary("A 45-year-old male. He was initially diagnosed with lumbar "
                    "sprain/strain and treated with 12 sessions of physical therapy. The "
                    "diagnosis was then revised, and the pain management report lists the "
                    "diagnoses as: (1) L4-L5 disc protrusion; (2) lumbar facet arthropathy.");
    /* (what the first visit found gives way to the later list, as corpus/blind's H16-05 has it) */
    expect_list(r, "patient.diagnoses", LIST("L4-L5 disc protrusion", "lumbar facet arthropathy"));
    json_decref(r);
    r = run_summary("The applicant carried diagnoses of cervical spondylosis and lumbar "
                    "degenerative disc disease, the treating provider reported.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical spondylosis", "lumbar degenerative disc disease"));
    json_decref(r);
    r = run_summary("A 40-year-old male. The psychologist diagnosed post-traumatic stress disorder "
                    "and major depressive disorder, single episode, moderate, and recommended "
                    "cognitive behavioral therapy. A psychological evaluation on 07/18/2016 "
                    "diagnosed adjustment disorder with mixed anxiety and depressed mood.");
    expect_list(r, "patient.diagnoses",
                LIST("post-traumatic stress disorder",
                     "major depressive disorder, single episode, moderate",
                     "adjustment disorder with mixed anxiety and depressed mood"));
    json_decref(r);
    r = run_summary("A 66-year-old male. Diagnoses include chronic pain syndrome, type 2 diabetes "
                    "mellitus and a history of peptic ulcer disease in 2012.");
    expect_list(r, "patient.diagnoses",
                LIST("chronic pain syndrome", "type 2 diabetes mellitus",
                     "history of peptic ulcer disease in 2012"));
    json_decref(r);
    r = run_summary("A 45-year-old female. The diagnoses listed on a progress note dated "
                    "January 12, 2017 were lumbar sprain/strain and lumbar facet arthropathy.");
    expect_list(r, "patient.diagnoses", LIST("lumbar sprain/strain", "lumbar facet arthropathy"));
    json_decref(r);
    r = run_summary("A 29-year-old male. He uses Motrin. Diagnoses of cervicalgia and "
                    "paresthesia of both hands were listed. An MRI was sought.");
    expect_list(r, "patient.diagnoses", LIST("cervicalgia", "paresthesia of both hands"));
    json_decref(r);
    r = run_summary("A 63-year-old male. He has been treated for cervical spondylosis with "
                    "myelopathy, status post C5-C6 and C6-C7 anterior cervical discectomy and "
                    "fusion, chronic pain syndrome and opioid-induced constipation.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical spondylosis with myelopathy",
                     "status post C5-C6 and C6-C7 anterior cervical discectomy and fusion",
                     "chronic pain syndrome", "opioid-induced constipation"));
    json_decref(r);
    r = run_summary("A 63-year-old male. The diagnoses of the treating physician include lumbar "
                    "disc protrusion at L4-L5 and L5 radiculopathy.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar disc protrusion at L4-L5", "L5 radiculopathy"));
    json_decref(r);
    r = run_summary("A 41-year-old male. He was diagnosed with a herniated nucleus pulposus at "
                    "L4-L5. He is status post left L4-L5 microdiscectomy on 2-3-2016. Other "
                    "diagnoses include chronic pain syndrome.");
    expect_list(r, "patient.diagnoses",
                LIST("herniated nucleus pulposus at L4-L5",
                     "status post left L4-L5 microdiscectomy on 2-3-2016",
                     "chronic pain syndrome"));
    json_decref(r);
    r = run_summary("A 55-year-old female. She is status post left shoulder arthroscopy on "
                    "5-20-2016. The diagnoses include left shoulder adhesive capsulitis.");
    expect_list(r, "patient.diagnoses", LIST("left shoulder adhesive capsulitis"));
    json_decref(r);
    r = run_summary("A 31-year-old male. Per the report of 12-5-2016, the assessment was:\n1. "
                    "Crush injury of the right hand, healed.\n2. Complex regional pain syndrome "
                    "type I.\nHe complained of burning pain. The assessment was written in "
                    "capitals: CHRONIC PAIN, STABLE.");
    expect_list(
        r, "patient.diagnoses",
        LIST("Crush injury of the right hand, healed", "Complex regional pain syndrome type I"));
    json_decref(r);
    r = run_summary("A 61-year-old male. His problem list, as carried on the most recent "
                    "orthopedic progress note, reads: right knee osteoarthritis and lumbar "
                    "strain. Among the impressions recorded by the pain physician are chronic "
                    "pain syndrome and insomnia. The psychologist's diagnostic formulation "
                    "consists of posttraumatic stress disorder.");
    expect_list(r, "patient.diagnoses",
                LIST("right knee osteoarthritis", "lumbar strain", "chronic pain syndrome",
                     "insomnia", "posttraumatic stress disorder"));
    json_decref(r);
    r = run_summary("A 29-year-old male. He was diagnosed with a closed bimalleolar fracture of "
                    "the left ankle and underwent open reduction and internal fixation.");
    expect_list(r, "patient.diagnoses", LIST("closed bimalleolar fracture of the left ankle"));
    json_decref(r);
    r = run_summary("A 52-year-old male. He has a history of hypertension. Per the report of "
                    "11/16/2016, the patient's assessment consisted of chronic pain syndrome and "
                    "myofascial pain. The medical records provided reveal the diagnoses of "
                    "lumbar facet arthropathy and obesity.");
    expect_list(
        r, "patient.diagnoses",
        LIST("chronic pain syndrome", "myofascial pain", "lumbar facet arthropathy", "obesity"));
    json_decref(r);
    r = run_summary("A 45-year-old male. Diagnoses include cervical spondylosis, C5-C6 and C6-C7, "
                    "without myelopathy; depression, secondary to chronic pain; and chronic pain "
                    "syndrome.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical spondylosis, C5-C6 and C6-C7, without myelopathy",
                     "depression, secondary to chronic pain", "chronic pain syndrome"));
    json_decref(r);
}

/* Summaries that copy a progress report: the record named between the word and its colon, and
 * lists lettered "a.", "(a)", "a)" or "A)". */
Test(diagnosis_ends, a_numbered_list_ends_at_the_next_label)
{
    json_t *r = run_summary("A 52 year-old female. The PR-2 lists the diagnoses as: 1. Right "
                            "shoulder impingement syndrome 2. Adhesive capsulitis, right "
                            "shoulder, improving. Prior care: PT x 20 visits. Medications: 1. "
                            "Naproxen 550 mg 2. Omeprazole 20 mg 3. Tylenol #3 prn 4. Voltaren "
                            "1% gel.");
    expect_list(r, "patient.diagnoses",
                LIST("Right shoulder impingement syndrome",
                     "Adhesive capsulitis, right shoulder, improving"));
    json_decref(r);
}

/* More lead-ins of copied records: "diagnosed him with", "Assessment/Plan:", "Dx list:", the
 * record named in parentheses among the words before the verb; and bulleted lines. */

Test(diagnosis_ends, a_clause_about_the_list_ends_it)
{
    static const char *const tails[] = {", for which she has had physical therapy.",
                                        ", each of which is industrial.",
                                        ", among others.",
                                        ", by report.",
                                        ", both chronic.",
                                        ", now permanent and stationary.",
                                        ", noted on 3/4/2015.",
                                        ", so the physician requested an MRI.",
                                        ", but no psychiatric diagnosis.",
                                        ", and an MRI was requested.",
                                        ", and his symptoms persist.",
                                        ", and the plan was for an epidural injection.",
                                        ", and there was no improvement with therapy.",
                                        "; treatment has included chiropractic care.",
                                        NULL};
    for (int i = 0; tails[i]; i++) {
        char summary[256];
        snprintf(summary, sizeof summary,
                 "A 50 year old male. Diagnoses include lumbar radiculopathy and cervical "
                 "strain%s He walks.",
                 tails[i]);
        json_t *r = run_summary(summary);
        cr_log_info("%s", tails[i]);
        expect_list(r, "patient.diagnoses", LIST("lumbar radiculopathy", "cervical strain"));
        json_decref(r);
    }
    /* what stays: a site after a comma, a qualifier of a diagnosis, "as well as" */
    json_t *r = run_summary("A 50 year old male. Diagnoses include osteoarthritis, both knees, "
                            "and lumbar radiculopathy, right greater than left, as well as "
                            "insomnia.");
    expect_list(r, "patient.diagnoses",
                LIST("osteoarthritis, both knees", "lumbar radiculopathy, right greater than left",
                     "insomnia"));
    json_decref(r);
}

Test(diagnosis_ends, remain_comprise_and_the_patients_conditions)
{
    static const char *const cues[] = {"Her diagnoses remain", "The documented diagnoses comprise",
                                       "Her conditions include", NULL};
    expect_lead_ins(cues);
    /* working conditions are no diagnoses */
    json_t *r = run_summary("A 50 year old female. The working conditions include heavy lifting. "
                            "She walks.");
    expect_list(r, "patient.diagnoses", LIST(NULL));
    json_decref(r);
}

Test(diagnosis_ends, a_dated_procedure_before_and_and_codes_inside_an_item)
{
    json_t *r = run_summary("A 40 year old female. She is treated for a right rotator cuff tear "
                            "status post arthroscopic repair on 03/10/2015 and right shoulder "
                            "adhesive capsulitis. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("right rotator cuff tear status post arthroscopic repair on 03/10/2015",
                     "right shoulder adhesive capsulitis"));
    json_decref(r);
    r = run_summary("A 52 year old male. The diagnostic impressions were lumbar radiculopathy "
                    "(M54.16); lumbar disc displacement at L4-L5 (M51.26), status post "
                    "microdiscectomy on 11/03/2015; and depressive disorder (F32.9). He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar radiculopathy",
                     "lumbar disc displacement at L4-L5, status post microdiscectomy on 11/03/2015",
                     "depressive disorder"));
    json_decref(r);
}

/* A list of lines whose last line was joined to the narrative after it (no period ended it),
 * and codes after a comma. */
Test(diagnosis_ends, a_list_of_lines_joined_to_the_next_sentence)
{
    json_t *r = run_summary("A 57 year old male.\nDiagnoses:\n1. Lumbar radiculopathy (M54.16)\n2. "
                            "Cervical strain (S13.4XXA)\n3. Insomnia (G47.00)\nHe underwent a "
                            "fusion in 2001.");
    expect_list(r, "patient.diagnoses",
                LIST("Lumbar radiculopathy", "Cervical strain", "Insomnia"));
    json_decref(r);
    r = run_summary("A 57 year old male.\nDiagnoses:\nM54.16 Lumbar radiculopathy\nS13.4XXA "
                    "Cervical strain\nHe underwent a fusion in 2001.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar radiculopathy", "Cervical strain"));
    json_decref(r);
    r = run_summary("A 57 year old male. Diagnoses: Lumbar radiculopathy, M54.16; cervical "
                    "strain, S13.4. He walks.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar radiculopathy", "cervical strain"));
    json_decref(r);
}

Test(diagnosis_ends, substance_use_is_a_diagnosis_of_its_own)
{
    json_t *r =
        run_summary("A 46 year old male. His other diagnoses are type 2 diabetes mellitus and "
                    "tobacco use; he smokes.");
    expect_list(r, "patient.diagnoses", LIST("type 2 diabetes mellitus", "tobacco use"));
    json_decref(r);
}

/* "treated for" the same diagnosis again, shorter, and with its treatment: no new diagnosis */
Test(diagnosis_ends, a_diagnosis_treated_again_with_a_device)
{
    json_t *r =
        run_summary("A 40 year old male. His diagnoses are L1 vertebral compression fracture "
                    "and post-concussion syndrome. He was treated for the L1 fracture with a "
                    "thoracolumbosacral orthosis. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("L1 vertebral compression fracture", "post-concussion syndrome"));
    json_decref(r);
    /* a different side is another diagnosis */
    r = run_summary("A 40 year old male. Diagnoses include right knee pain. He is also treated for "
                    "left knee pain. He walks.");
    expect_list(r, "patient.diagnoses", LIST("right knee pain", "left knee pain"));
    json_decref(r);
}

/* Round 51 (H183) and H178: the injury named again after "treated for" is no diagnosis; "and
 * also diagnosed" and ", pending ..." end a diagnosis. */
Test(diagnosis_ends, diagnoses_of_round_51)
{
    json_t *r = run_summary("A 66 year old male. He has been treated for this injury for 18 years. "
                            "He walks.");
    expect_list(r, "patient.diagnoses", LIST(NULL));
    json_decref(r);
    r = run_summary("A 50 year old male. He was referred while he was being treated for the "
                    "orthopedic injuries. He walks.");
    expect_list(r, "patient.diagnoses", LIST(NULL));
    json_decref(r);
    r = run_summary("A 40 year old female. The psychiatrist diagnosed major depressive disorder, "
                    "single episode, moderate, and also diagnosed insomnia. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("major depressive disorder, single episode, moderate", "insomnia"));
    json_decref(r);
    r = run_summary("A 40 year old female. The treating physician diagnosed anxiety disorder, "
                    "unspecified, pending a psychological evaluation. She walks.");
    expect_list(r, "patient.diagnoses", LIST("anxiety disorder, unspecified"));
    json_decref(r);
    /* (an injury named with its site is still a diagnosis) */
    r = run_summary("A 40 year old female. She has been treated for a left knee injury. She "
                    "walks.");
    expect_list(r, "patient.diagnoses", LIST("left knee injury"));
    json_decref(r);
}
