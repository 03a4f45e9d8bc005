/* patient plugin: the diagnoses of the clinical case summary, in the many ways summaries list them.
 */
#include "patient_letter.h"

TestSuite(diagnoses, .init = setup, .fini = teardown);

Test(diagnoses, diagnoses_after_the_usual_phrases)
{
    json_t *r = run_summary("The injured worker is a 48 year old male. He was being treated for "
                            "the diagnoses of lumbar sprain, right sacroiliac joint dysfunction "
                            "and lumbar radiculopathy, left greater than right. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain", "right sacroiliac joint dysfunction",
                     "lumbar radiculopathy, left greater than right"));
    json_decref(r);
    r = run_summary("A 41 year old female. Diagnoses include cervical strain, right lateral "
                    "epicondylitis and myofascial pain syndrome.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical strain", "right lateral epicondylitis", "myofascial pain syndrome"));
    json_decref(r);
    r = run_summary("A 49-year-old male. He was diagnosed with lumbar spinal stenosis at L4-L5 "
                    "and neurogenic claudication.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar spinal stenosis at L4-L5", "neurogenic claudication"));
    json_decref(r);
    r = run_summary("A 52-year-old female. The current diagnoses are documented as lumbar spine "
                    "sprain/strain and abdominal muscle strain.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar spine sprain/strain", "abdominal muscle strain"));
    json_decref(r);
    r = run_summary("A 40 year old male. Medical records indicate that he is undergoing treatment "
                    "for: right shoulder tendinitis. Mechanism of injury: lifting.");
    expect_list(r, "patient.diagnoses", LIST("right shoulder tendinitis"));
    json_decref(r);
}

Test(diagnoses, icd_phrases_with_commas_stay_whole)
{
    json_t *r = run_summary("A 34 year old male. He is being treated for strain of unspecified "
                            "muscle, fascia and tendon at upper arm level, right arm, and strain "
                            "of muscle, fascia and tendon at neck level.");
    expect_list(
        r, "patient.diagnoses",
        LIST("strain of unspecified muscle, fascia and tendon at upper arm level, right arm",
             "strain of muscle, fascia and tendon at neck level"));
    json_decref(r);
    r = run_summary("A 32 year old female. She is being treated for contusion of face, scalp and "
                    "neck and acute cervical sprain.");
    expect_list(r, "patient.diagnoses",
                LIST("contusion of face, scalp and neck", "acute cervical sprain"));
    json_decref(r);
}

Test(diagnoses, semicolons_separate_and_commas_belong_to_items)
{
    json_t *r = run_summary("This 44 year old male was assaulted. His diagnoses are major "
                            "depressive disorder, single episode, moderate; post-traumatic stress "
                            "disorder; and cervical strain.");
    expect_list(r, "patient.diagnoses",
                LIST("major depressive disorder, single episode, moderate",
                     "post-traumatic stress disorder", "cervical strain"));
    json_decref(r);
    r = run_summary("A 57 year old female. Her diagnoses are right distal radius fracture, status "
                    "post open reduction and internal fixation; right wrist stiffness; and "
                    "insomnia.");
    expect_list(r, "patient.diagnoses",
                LIST("right distal radius fracture, status post open reduction and internal "
                     "fixation",
                     "right wrist stiffness", "insomnia"));
    json_decref(r);
}

/* A diagnosis written twice, the second time qualified: the qualifier stays with it, and the
 * bare repeat counts once ("cervical radiculopathy; cervical radiculopathy, right greater than
 * left"). "Sleep disturbance" names a condition, so "and" splits before it. */
Test(diagnoses, a_repeated_diagnosis_keeps_its_qualifier)
{
    json_t *r = run_summary("This 40 year old male fell. Diagnoses include cervical radiculopathy; "
                            "cervical radiculopathy, right greater than left; post-traumatic "
                            "stress disorder.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical radiculopathy", "cervical radiculopathy, right greater than left",
                     "post-traumatic stress disorder"));
    json_decref(r);
    r = run_summary("A 71 year old female was being treated for the diagnoses of right knee "
                    "internal derangement, left cubital tunnel syndrome and sleep disturbance.");
    expect_list(r, "patient.diagnoses",
                LIST("right knee internal derangement", "left cubital tunnel syndrome",
                     "sleep disturbance"));
    json_decref(r);
    /* "Diagnoses:" ends its line, but the list is one sentence wrapped after a semicolon: it
     * ends with the next line's first sentence. */
    r = run_summary("This 30-year-old male was injured at work. Current diagnoses:\nlumbar "
                    "sprain/strain; lumbar radiculopathy, left greater than right; thoracic "
                    "strain;\nanxiety disorder. At the visit of 02-25-2020 he reported low back "
                    "pain rated 5 out of 10 and said the medication helped a little.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain/strain", "lumbar radiculopathy, left greater than right",
                     "thoracic strain", "anxiety disorder"));
    json_decref(r);
}

Test(diagnoses, and_inside_a_diagnosis_does_not_split_it)
{
    json_t *r = run_summary("A 33 year old female. She was diagnosed with cervical sprain and "
                            "strain, right wrist and right hand sprain and wrist tendinitis and "
                            "bursitis.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical sprain and strain", "right wrist and right hand sprain",
                     "wrist tendinitis and bursitis"));
    json_decref(r);
    r = run_summary("A 67 year old male. He was being treated for right tibial plateau fracture "
                    "status post open reduction and internal fixation and deconditioning.");
    expect_list(r, "patient.diagnoses",
                LIST("right tibial plateau fracture status post open reduction and internal "
                     "fixation",
                     "deconditioning"));
    json_decref(r);
}

/* Plain pdftotext drops the hyphen of "sprain-" at a line end: "sprainstrain" is read as the
 * condition it is, and written with its hyphen back; a word that is no such pair is left. */
Test(diagnoses, a_line_end_hyphen_lost_between_two_conditions_is_restored)
{
    json_t *r = run_summary("A 57 year old male. He is undergoing treatment for a lumbar "
                            "sprainstrain, lumbar radiculitis and cervical sprainstrain and "
                            "a right knee contusion.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain-strain", "lumbar radiculitis", "cervical sprain-strain",
                     "right knee contusion"));
    json_decref(r);
    r = run_summary("A 40 year old female. She was diagnosed with painful musculoskeletal "
                    "strain and bursitis.");
    expect_list(r, "patient.diagnoses", LIST("painful musculoskeletal strain and bursitis"));
    json_decref(r);
}

/* Lead-ins of claims and progress notes: the conditions accepted on the claim, the provider's
 * assessment (with its date); "the assessment was written ..." announces none. */
Test(diagnoses, accepted_conditions_and_assessments_as_lead_ins)
{
    json_t *r = run_summary("A 38 year old male. The conditions accepted on the claim are lumbar "
                            "sprain/strain and tear of the medial meniscus of the left knee. A "
                            "claimed psychiatric injury was denied.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain/strain", "tear of the medial meniscus of the left knee"));
    json_decref(r);
    r = run_summary("A 43 year old female. The provider's assessment on 1/9/2017 was right "
                    "shoulder adhesive capsulitis; and right biceps tendinitis. She improved.");
    expect_list(r, "patient.diagnoses",
                LIST("right shoulder adhesive capsulitis", "right biceps tendinitis"));
    json_decref(r);
    r = run_summary("A 50 year old male. The assessment was written in capitals: CHRONIC PAIN "
                    "- STABLE.");
    expect_list(r, "patient.diagnoses", NONE);
    json_decref(r);
}

/* "aggravated by the work injury" after a comma qualifies the diagnosis before it, though it
 * names an injury; a list of ICD-10 coded lines ends at the first line without a code, and a
 * list of lines at a line that reads as the narrative's sentence. */
Test(diagnoses, qualifiers_and_the_end_of_a_list_of_lines)
{
    json_t *r = run_summary("A 61 year old male. The impressions were right knee osteoarthritis, "
                            "aggravated by the work injury; and right ankle sprain, resolved.");
    expect_list(r, "patient.diagnoses",
                LIST("right knee osteoarthritis, aggravated by the work injury",
                     "right ankle sprain, resolved"));
    json_decref(r);
    r = run_summary("A 47 year old female. The progress notes carry these diagnoses:\n"
                    "M54.16 Radiculopathy, lumbar region\n"
                    "M51.26 Other intervertebral disc displacement, lumbar region\n"
                    "Her history also includes migraine headaches, which are not claimed.\n"
                    "She works full time.");
    expect_list(r, "patient.diagnoses",
                LIST("Radiculopathy, lumbar region",
                     "Other intervertebral disc displacement, lumbar region"));
    json_decref(r);
    r = run_summary("A 47 year old female. Diagnoses:\nLumbar radiculopathy\nCervical strain\n"
                    "The patient also reports migraine headaches.\nShe works full time.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar radiculopathy", "Cervical strain"));
    json_decref(r);
}

/* "followed for" announces diagnoses when a condition follows, not a time or a doctor; a
 * "-spasm" is a condition, so "and" splits around it. */
Test(diagnoses, followed_for_and_spasms)
{
    json_t *r = run_summary("A 52 year old male. He has been followed for C5-C6 and C6-C7 disc "
                            "herniations with foraminal stenosis, cervical radiculopathy and "
                            "cervical myofascial pain. An MRI was done.");
    expect_list(r, "patient.diagnoses",
                LIST("C5-C6 and C6-C7 disc herniations with foraminal stenosis",
                     "cervical radiculopathy", "cervical myofascial pain"));
    json_decref(r);
    r = run_summary("A 52 year old male. He has been followed for two years by his internist, "
                    "and was followed for pain management at a clinic.");
    expect_list(r, "patient.diagnoses", NONE);
    json_decref(r);
    r = run_summary("A 44 year old male. The diagnoses are lumbar sprain/strain, lumbar myospasm "
                    "and left sacroiliac joint dysfunction.");
    expect_list(
        r, "patient.diagnoses",
        LIST("lumbar sprain/strain", "lumbar myospasm", "left sacroiliac joint dysfunction"));
    json_decref(r);
    /* ", and her primary physician started Zoloft": a new clause */
    r = run_summary("A 50 year old female. She was diagnosed with cervical strain and adjustment "
                    "disorder with depressed mood, and her primary physician started Zoloft.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical strain", "adjustment disorder with depressed mood"));
    json_decref(r);
    /* who treats a diagnosis ends it */
    r = run_summary("A 60 year old male. Comorbidities are type 2 diabetes and hypertension, "
                    "treated by his personal physician with metformin.");
    expect_list(r, "patient.diagnoses", LIST("type 2 diabetes", "hypertension"));
    json_decref(r);
}

Test(diagnoses, other_phrasings_of_a_list)
{
    const struct {
        const char *text;
        const char *const *want;
    } cases[] = {
        {"The diagnoses have included lumbar degenerative disc disease and lumbar radiculopathy.",
         LIST("lumbar degenerative disc disease", "lumbar radiculopathy")},
        {"The injured worker was diagnosed as having right elbow lateral epicondylitis.",
         LIST("right elbow lateral epicondylitis")},
        {"The diagnoses, per the PR-2 of 1/2/2016, are lumbar strain and sciatica.",
         LIST("lumbar strain", "sciatica")},
        {"Diagnoses, and-or impressions, were noted to include: low back injury; lumbosacral "
         "pain; sacroiliac joint sprain.",
         LIST("low back injury", "lumbosacral pain", "sacroiliac joint sprain")},
        {"He has had diagnoses of right distal radius fracture and stiffness of right wrist joint.",
         LIST("right distal radius fracture", "stiffness of right wrist joint")},
        {"Dx: right shoulder contusion, neck strain. He was seen again.",
         LIST("right shoulder contusion", "neck strain")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = run_summary(cases[i].text);
        expect_list(r, "patient.diagnoses", cases[i].want);
        json_decref(r);
    }
}

Test(diagnoses, numbered_lists_and_lists_of_lines)
{
    json_t *r = run_summary("The patient is a 50 year old male. Per the report of 08/12/14, the "
                            "diagnoses are: 1. Lumbar disc displacement. 2. Lumbar radiculopathy, "
                            "left. 3. Chronic pain syndrome. The patient presents with pain.");
    expect_list(
        r, "patient.diagnoses",
        LIST("Lumbar disc displacement", "Lumbar radiculopathy, left", "Chronic pain syndrome"));
    json_decref(r);
    r = run_summary("The patient is a 50 year old male. Diagnoses:\n1) Lumbar disc displacement\n"
                    "2) Lumbar radiculopathy\nTreatment to date has included therapy.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar disc displacement", "Lumbar radiculopathy"));
    json_decref(r);
    r = run_summary("The patient is a 50 year old male. Diagnoses:\nLumbar disc displacement\n"
                    "Cervical strain\nTreatment to date has included therapy. He works.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar disc displacement", "Cervical strain"));
    json_decref(r);
}

/* A procedure's date inside a list ("status post ... in 2011, and ...") is part of its item, and
 * the list goes on; a date after a plain diagnosis still ends the list (above). Markers in
 * parentheses number a list too. */
Test(diagnoses, a_dated_procedure_does_not_end_the_list)
{
    json_t *r = run_summary("A 66 year old male. The diagnoses are bilateral knee osteoarthritis, "
                            "status post right total knee arthroplasty in 2011, and lumbar "
                            "spondylosis. He walks with a cane.");
    expect_list(r, "patient.diagnoses",
                LIST("bilateral knee osteoarthritis",
                     "status post right total knee arthroplasty in 2011", "lumbar spondylosis"));
    json_decref(r);
    r = run_summary("A 58 year old female. She is being treated for: (1) left knee medial meniscus "
                    "tear, status post arthroscopic partial meniscectomy on 4-9-2015; (2) left "
                    "knee osteoarthritis; and (3) lumbar strain. She works part time.");
    expect_list(r, "patient.diagnoses",
                LIST("left knee medial meniscus tear, status post arthroscopic partial "
                     "meniscectomy on 4-9-2015",
                     "left knee osteoarthritis", "lumbar strain"));
    json_decref(r);
    r = run_summary("A 66-year-old woman. Her diagnoses are listed as failed back surgery "
                    "syndrome after an L4-S1 fusion in 2012, bilateral lumbar radiculopathy and "
                    "insomnia. She was diagnosed with a knee sprain after a fall at work, and she "
                    "was treated with a brace.");
    expect_list(r, "patient.diagnoses",
                LIST("failed back surgery syndrome after an L4-S1 fusion in 2012",
                     "bilateral lumbar radiculopathy", "insomnia", "knee sprain"));
    json_decref(r);
}

/* Lists announced by a verb before "diagnoses" or with a clause inside the cue, lists of
 * ICD-10 lines (codes left out), a diagnosis added later, and "meets the criteria for". */
Test(diagnoses, more_ways_of_announcing_diagnoses)
{
    json_t *r = run_summary("A 40-year-old male. The neurologist's note lists the diagnoses as "
                            "post-concussion syndrome, post-traumatic headache and vestibular "
                            "dysfunction. He described a constant headache.");
    expect_list(
        r, "patient.diagnoses",
        LIST("post-concussion syndrome", "post-traumatic headache", "vestibular dysfunction"));
    json_decref(r);
    r = run_summary("A 52 year old female. The current diagnoses, as listed by the primary "
                    "treating physician, are:\nM54.16 Radiculopathy, lumbar region;\nM51.26 Other "
                    "intervertebral disc displacement, lumbar region;\nM54.2 Cervicalgia.\n"
                    "Treatment to date has included therapy.");
    expect_list(r, "patient.diagnoses",
                LIST("Radiculopathy, lumbar region",
                     "Other intervertebral disc displacement, lumbar region", "Cervicalgia"));
    json_decref(r);
    r = run_summary("A 58-year-old man. He was diagnosed with cervical radiculopathy. The same "
                    "note added a diagnosis of right shoulder impingement syndrome, and the "
                    "surgeon commented that part of the arm pain may come from the shoulder. A "
                    "psychologist found that he meets the criteria for posttraumatic stress "
                    "disorder.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical radiculopathy", "right shoulder impingement syndrome",
                     "posttraumatic stress disorder"));
    json_decref(r);
}

/* A progress note's assessment or impression line lists diagnoses. */
Test(diagnoses, assessment_and_impression_lines)
{
    json_t *r = run_summary("A 45-year-old male. Assessment: lumbar disc protrusion L4-5; right L5 "
                            "radiculopathy; lumbar myofascial pain.\n\nTreatment to date has "
                            "included therapy.");
    expect_list(
        r, "patient.diagnoses",
        LIST("lumbar disc protrusion L4-5", "right L5 radiculopathy", "lumbar myofascial pain"));
    json_decref(r);
    r = run_summary("A 52 year old woman. Impression: cervical spondylosis with left C6 "
                    "radiculopathy; chronic pain syndrome.\n\nShe works.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical spondylosis with left C6 radiculopathy", "chronic pain syndrome"));
    json_decref(r);
}

/* Under a label, one diagnosis a sentence up to the next label; not when a sentence with a verb
 * follows. */
Test(diagnoses, a_label_with_one_diagnosis_a_sentence)
{
    json_t *r = run_summary("A 50-year-old male. Diagnoses: Status post ORIF right ankle fracture, "
                            "healed. Symptomatic retained hardware, right lateral ankle. "
                            "Medications: Ibuprofen 800 mg.");
    expect_list(r, "patient.diagnoses",
                LIST("Status post ORIF right ankle fracture, healed",
                     "Symptomatic retained hardware, right lateral ankle"));
    json_decref(r);
    r = run_summary("A 50-year-old male. Diagnoses: lumbar strain. Treatment has included six "
                    "sessions of therapy. Medications: Ibuprofen 800 mg.");
    expect_list(r, "patient.diagnoses", LIST("lumbar strain"));
    json_decref(r);
    r = run_summary("A 50-year-old male. Diagnoses: lumbar strain. An MRI of the lumbar spine "
                    "showed a disc bulge.\n\nHe works.");
    expect_list(r, "patient.diagnoses", LIST("lumbar strain"));
    json_decref(r);
}

/* Lists announced by an assessment or impression in other words, a multiaxial list, codes
 * before a name at a line's end or after it in parentheses, comorbid conditions. */
Test(diagnoses, assessments_impressions_codes_and_axes)
{
    json_t *r = run_summary("A 40-year-old male. The neurologist's assessment listed:\n1. "
                            "Post-concussion syndrome\n2. Cervicogenic headache\nThe plan was an "
                            "MRI.");
    expect_list(r, "patient.diagnoses", LIST("Post-concussion syndrome", "Cervicogenic headache"));
    json_decref(r);
    r = run_summary("A 60-year-old male. The assessment at that visit was recorded as follows:\n1. "
                    "Partial-thickness rotator cuff tear, right shoulder (M75.111)\n2. "
                    "Acromioclavicular joint arthrosis, right (M19.011)\nThe surgeon requested "
                    "surgery.");
    expect_list(r, "patient.diagnoses",
                LIST("Partial-thickness rotator cuff tear, right shoulder",
                     "Acromioclavicular joint arthrosis, right"));
    json_decref(r);
    r = run_summary("A 55-year-old male. The internist's impression was suboptimally controlled "
                    "hypertension, gastroesophageal reflux disease, and prediabetes.");
    expect_list(r, "patient.diagnoses",
                LIST("suboptimally controlled hypertension", "gastroesophageal reflux disease",
                     "prediabetes"));
    json_decref(r);
    r = run_summary("A 41-year-old woman. The evaluation reported the diagnoses in multiaxial form "
                    "as follows: Axis I: Posttraumatic stress disorder, chronic (309.81); Major "
                    "depressive disorder, single episode, mild (296.21). Axis II: No diagnosis.");
    expect_list(r, "patient.diagnoses",
                LIST("Posttraumatic stress disorder, chronic",
                     "Major depressive disorder, single episode, mild"));
    json_decref(r);
    r = run_summary("A 61-year-old woman. The report lists the following diagnoses: M17.11\n"
                    "Unilateral primary osteoarthritis, right knee; S83.241A Other tear of medial "
                    "meniscus, current injury, right knee, initial encounter. Comorbid conditions "
                    "are type 2 diabetes mellitus and obesity.");
    expect_list(r, "patient.diagnoses",
                LIST("Unilateral primary osteoarthritis, right knee",
                     "Other tear of medial meniscus, current injury, right knee, initial encounter",
                     "type 2 diabetes mellitus", "obesity"));
    json_decref(r);
    r = run_summary("A 50-year-old male. The assessment was written in capitals: CHRONIC PAIN.");
    cr_expect_eq(json_array_size(t_get(r, "patient.diagnoses")), 0, "no list announced");
    json_decref(r);
}

/* A list ends where the treatment starts or where another list is announced; a comma part
 * that opens with "with", "without", "secondary to" qualifies the diagnosis before it. */
Test(diagnoses, lettered_lists_and_the_record_they_come_from)
{
    json_t *r = run_summary("A 61-year-old male. Diagnoses (per PTP, PR-2 of 8/9/16): 1. Right "
                            "knee medial meniscus tear; 2. Right knee osteoarthritis, medial "
                            "compartment; 3. Obesity. Hx: conservative care in 2014.");
    expect_list(r, "patient.diagnoses",
                LIST("Right knee medial meniscus tear",
                     "Right knee osteoarthritis, medial compartment", "Obesity"));
    json_decref(r);
    r = run_summary("A 50-year-old male. Diagnoses per PTP PR-2 dated 4/2/15: (a) left ankle "
                    "post-traumatic arthrosis; (b) painful retained hardware, left ankle; (c) "
                    "lumbar strain, compensatory. S/S: lateral ankle pain.");
    expect_list(r, "patient.diagnoses",
                LIST("left ankle post-traumatic arthrosis", "painful retained hardware, left ankle",
                     "lumbar strain, compensatory"));
    json_decref(r);
    r = run_summary("A 38-year-old female. She is being treated for: a. bilateral carpal tunnel\n"
                    "syndrome, right worse than left; b. right De Quervain's tenosynovitis; c. "
                    "cervical strain. NCS 5/28/2014 showed moderate slowing.");
    expect_list(r, "patient.diagnoses",
                LIST("bilateral carpal tunnel syndrome, right worse than left",
                     "right De Quervain's tenosynovitis", "cervical strain"));
    json_decref(r);
    r = run_summary("A 44 yr old female. Current diagnoses: A) Major depressive disorder, single "
                    "episode, moderate (F32.1); B) Posttraumatic stress disorder, chronic; C)\n"
                    "Insomnia due to medical condition. She attended 6 sessions.");
    expect_list(r, "patient.diagnoses",
                LIST("Major depressive disorder, single episode, moderate",
                     "Posttraumatic stress disorder, chronic",
                     "Insomnia due to medical condition"));
    json_decref(r);
    r = run_summary("A 41 year old female. Diagnoses (per PR-2 of\n7/10/2017): a) lumbar "
                    "sprain/strain w/ myofascial pain; b) bilateral knee contusions. Treatment "
                    "to date: PT.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain/strain w/ myofascial pain", "bilateral knee contusions"));
    json_decref(r);
}

/* A numbered list ends where a label follows a sentence: the medications numbered further on
 * are no diagnoses. */
Test(diagnoses, record_lead_ins_and_bullets)
{
    json_t *r = run_summary("A 48 year old male. The treating physician diagnosed him with "
                            "chronic low back pain and lumbar facet syndrome. He has pain.");
    expect_list(r, "patient.diagnoses", LIST("chronic low back pain", "lumbar facet syndrome"));
    json_decref(r);
    r = run_summary("A 48 year old male. Assessment/Plan: Cervical radiculopathy, C6 on the "
                    "right. Continue meds.");
    expect_list(r, "patient.diagnoses", LIST("Cervical radiculopathy, C6 on the right"));
    json_decref(r);
    r = run_summary("A 48 year old male. The diagnoses listed on the most recent PR-2 (6/4/16) "
                    "were lumbar disc herniation and sciatica. He has pain.");
    expect_list(r, "patient.diagnoses", LIST("lumbar disc herniation", "sciatica"));
    json_decref(r);
    r = run_summary("A 48 year old male. The PTP's Dx list: 1. Right knee medial meniscus tear "
                    "2. Right knee chondromalacia. He has pain.");
    expect_list(r, "patient.diagnoses",
                LIST("Right knee medial meniscus tear", "Right knee chondromalacia"));
    json_decref(r);
    r = run_summary("A 48 year old male.\nDiagnoses:\n- Lumbar radiculopathy\n- Myofascial "
                    "pain\n- Sleep disturbance\nShe takes Norco.");
    expect_list(r, "patient.diagnoses",
                LIST("Lumbar radiculopathy", "Myofascial pain", "Sleep disturbance"));
    json_decref(r);
    r = run_summary("A 48 year old male.\nDiagnoses:\n\xE2\x80\xA2 Lumbar radiculopathy\n\xE2\x80"
                    "\xA2 Myofascial pain\nShe takes Norco.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar radiculopathy", "Myofascial pain"));
    json_decref(r);
}

Test(diagnoses, words_before_the_colon_apposition_and_revisions)
{
    json_t *r =
        run_summary("A 40 year old female. Her treating physician has carried the following "
                    "working diagnoses since the fall of 2015: (1) cervical disc herniation "
                    "at C5-C6, (2) right shoulder impingement syndrome, and (3) sleep "
                    "disturbance secondary to pain. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical disc herniation at C5-C6", "right shoulder impingement syndrome",
                     "sleep disturbance secondary to pain"));
    json_decref(r);
    r = run_summary("A 50 year old male. Diagnoses include lumbar strain. His non-industrial "
                    "diagnoses, type 2 diabetes mellitus and hypertension, are followed by his "
                    "primary care physician. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar strain", "type 2 diabetes mellitus", "hypertension"));
    json_decref(r);
    r = run_summary("A 45 year old female. She was first thought to have an ankle sprain. Her pain "
                    "physician had revised this to complex regional pain syndrome, type I, of the "
                    "left lower extremity, which remains the working diagnosis.");
    expect_list(r, "patient.diagnoses",
                LIST("complex regional pain syndrome, type I, of the left lower extremity"));
    json_decref(r);
    /* probes: other lead-ins, and a secondary diagnosis after a comma */
    static const char *const cues[] = {"The conditions under treatment are",
                                       "His physician lists the diagnoses as",
                                       "She was assessed with",
                                       "The AME diagnosed",
                                       "She has been treated conservatively for",
                                       "Injuries recognized in the claim are",
                                       NULL};
    expect_lead_ins(cues);
    r = run_summary("A 40 year old female. Her primary diagnosis is lumbar radiculopathy, with a "
                    "secondary diagnosis of cervical strain. She walks.");
    expect_list(r, "patient.diagnoses", LIST("lumbar radiculopathy", "cervical strain"));
    json_decref(r);
    /* what the physician did next ends the list */
    r = run_summary("A 55 year old male. On 5-2-2016 the pain physician diagnosed opioid use "
                    "disorder, stopped the Oxycodone, and planned a taper of Norco. He walks.");
    expect_list(r, "patient.diagnoses", LIST("opioid use disorder"));
    json_decref(r);
    r = run_summary("A 29 year old male. He was diagnosed with a left ankle sprain and, later, "
                    "chronic lateral ankle instability. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("left ankle sprain", "chronic lateral ankle instability"));
    json_decref(r);
    r = run_summary("A 52 year old female. She is being treated for the following diagnoses: "
                    "cervical disc disease, lumbar facet syndrome and gastritis. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical disc disease", "lumbar facet syndrome", "gastritis"));
    json_decref(r);
}

Test(diagnoses, conditions_under_care_characterized_and_the_picture)
{
    static const char *const cues[] = {"The conditions for which she remains under care are",
                                       "She has been characterized as having",
                                       "Per the consultation, what is being treated is",
                                       "Clinically, the picture is one of",
                                       "On the orthopedic side, the treating physician lists",
                                       "The treating neurologist lists",
                                       "He is being treated by a neurologist for",
                                       "At the consultation of 3/11/14 the internist diagnosed",
                                       "Her physiatrist also lists",
                                       NULL};
    expect_lead_ins(cues);
}

Test(diagnoses, a_physician_listing_drugs_lists_no_diagnoses)
{
    json_t *r = run_summary("A 50 year old female. The treating physician lists Norco and Soma as "
                            "her medications. She walks.");
    expect_list(r, "patient.diagnoses", LIST(NULL));
    json_decref(r);
}

/* Lists told before the words that name them, read when no list is announced ahead; and a
 * second diagnosis joined "along with" after a "which" clause. */
Test(diagnoses, lists_told_before_their_name)
{
    json_t *r = run_summary("A 40 year old male. The treating physician lists lumbar strain and "
                            "sciatica as diagnoses. He walks.");
    expect_list(r, "patient.diagnoses", LIST("lumbar strain", "sciatica"));
    json_decref(r);
    r = run_summary("A 40 year old male. Lumbar sprain and left L5 radiculopathy are the "
                    "accepted diagnoses. He walks.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar sprain", "left L5 radiculopathy"));
    json_decref(r);
    r = run_summary("A 40 year old male. On the orthopedic side, cervical strain and right "
                    "shoulder impingement are his working diagnoses. He walks.");
    expect_list(r, "patient.diagnoses", LIST("cervical strain", "right shoulder impingement"));
    json_decref(r);
    r = run_summary("A 40 year old female. She carries complex regional pain syndrome as her "
                    "working diagnosis. She walks.");
    expect_list(r, "patient.diagnoses", LIST("complex regional pain syndrome"));
    json_decref(r);
    /* no condition before the words: nothing is read */
    r = run_summary("A 40 year old female. The reports were reviewed as the diagnoses were "
                    "unclear. She walks.");
    cr_expect_eq(json_array_size(t_get(r, "patient.diagnoses")), 0, "no condition named");
    json_decref(r);
    r = run_summary("A 45 year old female. Her pain physician had revised this to complex "
                    "regional pain syndrome, which remains the working diagnosis, along with "
                    "reactive depression that her primary physician treats. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("complex regional pain syndrome", "reactive depression"));
    json_decref(r);
}

/* "diagnosed by her treating psychiatrist with", and a numbered list that a page break split
 * with a blank line. */
Test(diagnoses, diagnosed_by_someone_and_a_list_split_by_a_page_break)
{
    json_t *r = run_summary("A 40 year old female. She was diagnosed by her treating psychiatrist "
                            "with major depressive disorder and generalized anxiety disorder. She "
                            "walks.");
    expect_list(r, "patient.diagnoses",
                LIST("major depressive disorder", "generalized anxiety disorder"));
    json_decref(r);
    r = run_summary("A 61 year old male. Diagnoses:\n1. Left knee osteoarthritis\n\n2. Left knee "
                    "arthrofibrosis\n3. Lumbar strain\nBefore surgery he took meloxicam.");
    expect_list(r, "patient.diagnoses",
                LIST("Left knee osteoarthritis", "Left knee arthrofibrosis", "Lumbar strain"));
    json_decref(r);
    /* a blank line and a list that starts again at 1 is another list */
    r = run_summary("A 61 year old male. Diagnoses:\n1. Left knee osteoarthritis\n\n1. Physical "
                    "therapy was tried.");
    expect_list(r, "patient.diagnoses", LIST("Left knee osteoarthritis"));
    json_decref(r);
}

/* How a diagnosis was made is no part of it ("by the Budapest criteria", ", with a Beck
 * Depression Inventory score of 27"); a later sentence that names a diagnosis of an earlier list
 * without its qualifiers adds nothing, while one list keeps both forms as its writer did. */
Test(diagnoses, how_it_was_diagnosed_and_repeats_without_qualifiers)
{
    json_t *r = run_summary("A 40 year old male. The diagnoses are complex regional pain "
                            "syndrome, type I, of the right lower extremity; and insomnia. The "
                            "pain specialist diagnosed complex regional pain syndrome by the "
                            "Budapest criteria and requested a block. He walks.");
    expect_list(
        r, "patient.diagnoses",
        LIST("complex regional pain syndrome, type I, of the right lower extremity", "insomnia"));
    json_decref(r);
    r = run_summary("A 40 year old male. A psychological evaluation of 11/12/2013 diagnosed major "
                    "depressive disorder, with a Beck Depression Inventory score of 27, and "
                    "recommended therapy. He walks.");
    expect_list(r, "patient.diagnoses", LIST("major depressive disorder"));
    json_decref(r);
    r = run_summary("A 40 year old male. He is being treated for lumbar radiculopathy, left "
                    "greater than right; lumbar radiculopathy; and major depressive disorder. He "
                    "walks.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar radiculopathy, left greater than right", "lumbar radiculopathy",
                     "major depressive disorder"));
    json_decref(r);
}

/* "He went on to develop" names a diagnosis (not a symptom); ordinals and fingers joined by
 * "and" name one site. */
Test(diagnoses, went_on_to_develop_and_sites_joined_by_and)
{
    json_t *r = run_summary("A 55 year old man. He went on to develop complex regional pain "
                            "syndrome of the left lower extremity. Other diagnoses are healed "
                            "fractures of the second and third left metatarsals and chronic pain "
                            "syndrome. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("complex regional pain syndrome of the left lower extremity",
                     "healed fractures of the second and third left metatarsals",
                     "chronic pain syndrome"));
    json_decref(r);
    r = run_summary("A 55 year old man. He went on to develop pain in the right shoulder and "
                    "elbow. He walks.");
    cr_expect_eq(json_array_size(t_get(r, "patient.diagnoses")), 0, "a symptom");
    json_decref(r);
    r = run_summary("A 30 year old woman. She was diagnosed with a laceration of the left index "
                    "and middle fingers and a right wrist sprain. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("laceration of the left index and middle fingers", "right wrist sprain"));
    json_decref(r);
}

/* Round 34 (H114): a list told before its name whose item holds "with"; codes in square
 * brackets; a spinal level is no code. */
Test(diagnoses, codes_in_brackets_levels_and_lists_with_with)
{
    json_t *r =
        run_summary("A 40 year old female. Right cubital tunnel syndrome, adjustment disorder "
                    "with mixed anxiety and depressed mood, and gastritis are the diagnoses "
                    "carried in the report of 8-1-2017. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("Right cubital tunnel syndrome",
                     "adjustment disorder with mixed anxiety and depressed mood", "gastritis"));
    json_decref(r);
    r = run_summary("A 40 year old male. Diagnoses include cervical spondylosis [M47.812] and "
                    "vertigo of central origin [H81.4]. He walks.");
    expect_list(r, "patient.diagnoses", LIST("cervical spondylosis", "vertigo of central origin"));
    json_decref(r);
    r = run_summary(
        "A 40 year old male. Diagnoses: (1) T12 compression fracture, healed, (2) right "
        "wrist sprain. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("T12 compression fracture, healed", "right wrist sprain"));
    json_decref(r);
}

/* A multiaxial list after its lead-in's sentence: axes I and III hold the diagnoses (H118). */
Test(diagnoses, a_multiaxial_list_after_its_lead_in)
{
    json_t *r =
        run_summary("A 40 year old female. The psychiatrist lists the following diagnoses. "
                    "Axis I: major depressive disorder, single episode, moderate (296.22); "
                    "pain disorder (307.89). Axis II: deferred. Axis III: lumbar "
                    "sprain/strain. Axis IV: loss of employment. Axis V: GAF 55. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("major depressive disorder, single episode, moderate", "pain disorder",
                     "lumbar sprain/strain"));
    json_decref(r);
}

/* ICD-9 codes before the names, on numbered lines: "1. 726.32 - Lateral epicondylitis" (H125). */
Test(diagnoses, icd9_codes_before_the_names)
{
    json_t *r =
        run_summary("A 40 year old male.\nDx (ICD-9):\n  1. 726.32 - Lateral epicondylitis, "
                    "left elbow\n  2. 354.2 - Cubital tunnel syndrome, left\nHe walks.");
    expect_list(r, "patient.diagnoses",
                LIST("Lateral epicondylitis, left elbow", "Cubital tunnel syndrome, left"));
    json_decref(r);
}

/* "lists the diagnoses as follows:", "are given in multiaxial form: Axis I: ..." (H126) */
Test(diagnoses, lead_ins_before_a_colon)
{
    json_t *r = run_summary("A 40 year old male. The treating surgeon lists the diagnoses as "
                            "follows: L4-L5 degenerative disc disease and bilateral L5 "
                            "radiculitis. He walks.");
    expect_list(r, "patient.diagnoses",
                LIST("L4-L5 degenerative disc disease", "bilateral L5 radiculitis"));
    json_decref(r);
    r = run_summary("A 40 year old female. The treating psychologist's diagnoses are given in "
                    "multiaxial form: Axis I: posttraumatic stress disorder, chronic; major "
                    "depressive disorder, single episode, moderate. Axis III: left knee "
                    "contusion. She walks.");
    expect_list(r, "patient.diagnoses",
                LIST("posttraumatic stress disorder, chronic",
                     "major depressive disorder, single episode, moderate", "left knee contusion"));
    json_decref(r);
}

/* "He has been treated since then for A, B and C" (H130) */
Test(diagnoses, treated_since_then_for)
{
    json_t *r = run_summary("A 49 year old male. On 2/17/2010 he slipped and fell. He has been "
                            "treated since then for grade I spondylolisthesis at L5-S1, chronic "
                            "low back pain, and depressive disorder NOS. He has not worked.");
    expect_list(r, "patient.diagnoses",
                LIST("grade I spondylolisthesis at L5-S1", "chronic low back pain",
                     "depressive disorder NOS"));
    json_decref(r);
}

/* Summaries that follow years of care (H133): what the first visit found gives way to the
 * diagnoses named after it, and "the diagnosis was changed to" replaces what a visit found;
 * levels joined by "and" stay in one diagnosis; a list ends at ", placed on" or ", went
 * through". */
Test(diagnoses, later_diagnoses_replace_the_first_visits)
{
    json_t *r = run_summary(
        "A 40 year old male. At the first clinic visit on 3-12-2013 he was diagnosed with a "
        "lumbar strain, placed on modified duty and given naproxen. An MRI followed. The "
        "treating physician then revised the working diagnoses to left L4-L5 disc protrusion "
        "with left L5 radiculopathy and chronic low back pain, and noted that the strain had "
        "evolved. He walks.");
    expect_list(
        r, "patient.diagnoses",
        LIST("left L4-L5 disc protrusion with left L5 radiculopathy", "chronic low back pain"));
    json_decref(r);
    r = run_summary("A 40 year old female. She was diagnosed with bilateral wrist tendinitis and "
                    "treated with splints. Nerve studies were abnormal, and the diagnosis was "
                    "changed to bilateral carpal tunnel syndrome. She works.");
    expect_list(r, "patient.diagnoses", LIST("bilateral carpal tunnel syndrome"));
    json_decref(r);
    /* a first injury is no first visit; one list alone stays */
    r = run_summary("A 40 year old male. After the first injury he was diagnosed with cervical "
                    "radiculopathy at C5-C6. The same note added a diagnosis of right shoulder "
                    "impingement syndrome. He works.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical radiculopathy at C5-C6", "right shoulder impingement syndrome"));
    json_decref(r);
    r = run_summary("A 40 year old male. He was initially diagnosed with a lumbar strain. He "
                    "works.");
    expect_list(r, "patient.diagnoses", LIST("lumbar strain"));
    json_decref(r);
    r = run_summary("A 40 year old male. Diagnoses include cervical spondylosis with right C6 and "
                    "C7 radiculopathy and left shoulder impingement syndrome. In 2016 he was "
                    "diagnosed with opioid use disorder, went through a detoxification and "
                    "stopped. He works.");
    expect_list(r, "patient.diagnoses",
                LIST("cervical spondylosis with right C6 and C7 radiculopathy",
                     "left shoulder impingement syndrome", "opioid use disorder"));
    json_decref(r);
}

/* "Her surgeon was treating her for the diagnoses of A, B and C" (H136) */
Test(diagnoses, a_physician_treating_her_for)
{
    json_t *r = run_summary("A 40 year old female. Her surgeon was treating her for the diagnoses "
                            "of right shoulder impingement syndrome and right acromioclavicular "
                            "joint arthrosis. She works.");
    expect_list(
        r, "patient.diagnoses",
        LIST("right shoulder impingement syndrome", "right acromioclavicular joint arthrosis"));
    json_decref(r);
}

/* "Her treating psychologist has diagnosed A, and B; the orthopedist's diagnosis is C" (H142) */
Test(diagnoses, a_clinician_has_diagnosed)
{
    json_t *r = run_summary("A 40 year old female. Her treating psychologist has diagnosed major "
                            "depressive disorder, single episode, moderate, and generalized "
                            "anxiety disorder. She works.");
    expect_list(r, "patient.diagnoses",
                LIST("major depressive disorder, single episode, moderate",
                     "generalized anxiety disorder"));
    json_decref(r);
}

/* "Her other diagnoses, which are not part of the claim, are A and B, managed by ..." (H145) */
Test(diagnoses, diagnoses_then_a_relative_clause)
{
    json_t *r = run_summary("A 51 year old female. She is being treated for lumbar disc protrusion "
                            "at L5-S1. Her other diagnoses, which are not part of the claim, are "
                            "type 2 diabetes and hypertension, managed by her primary care "
                            "physician. She works.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar disc protrusion at L5-S1", "type 2 diabetes", "hypertension"));
    json_decref(r);
}

/* A labelled list's run of short sentences stops at a study's result ("Dx: A; B; C. X-rays of the
 * L-spine 2/2019 neg. Tx to date: ...") (H149). */
Test(diagnoses, a_study_after_a_labelled_list_is_no_diagnosis)
{
    json_t *r = run_summary("A 40 year old male. Dx: lumbar sprain/strain; thoracic sprain/strain; "
                            "L SI joint dysfunction. X-rays of the L-spine 2/2019 neg. Tx to date: "
                            "PT x 8, chiro x 8.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain/strain", "thoracic sprain/strain", "L SI joint dysfunction"));
    json_decref(r);
}

/* Conditions of the foot and mouth split a list as the commoner ones do (H96, H158, H159). */
Test(diagnoses, foot_and_mouth_conditions_split_a_list)
{
    json_t *r = run_summary("A 40 year old female. The current diagnoses are left plantar "
                            "fasciitis, left calcaneal spur and left Achilles tendinitis. She "
                            "works.");
    expect_list(r, "patient.diagnoses",
                LIST("left plantar fasciitis", "left calcaneal spur", "left Achilles tendinitis"));
    json_decref(r);
    r = run_summary("A 40 year old female. She is being treated for right heel spur and bilateral "
                    "pes planus. She works.");
    expect_list(r, "patient.diagnoses", LIST("right heel spur", "bilateral pes planus"));
    json_decref(r);
    r = run_summary("A 40 year old female. She is being treated for chronic pain syndrome, "
                    "xerostomia and dental caries. She works.");
    expect_list(r, "patient.diagnoses",
                LIST("chronic pain syndrome", "xerostomia", "dental caries"));
    json_decref(r);
}

/* An inline numbered list ends with its sentence: the next list's numbers do not continue it
 * (H162). */
Test(diagnoses, an_inline_numbered_list_ends_with_its_sentence)
{
    json_t *r = run_summary("A 67 year old female. Her diagnoses, as listed on the 01/19/2016 "
                            "progress report, are (1) lumbar sprain/strain, (2) bilateral knee "
                            "contusions and (3) morbid obesity. She weighs 268 pounds. Her "
                            "medications were: (1) Tramadol ER 150 mg daily, (2) Tylenol 500 mg, "
                            "(3) Lidocaine 4% cream and (4) Celebrex 200 mg daily.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain/strain", "bilateral knee contusions", "morbid obesity"));
    json_decref(r);
}

/* Round 50 (H178): a second diagnosis "and for" another, "added a provisional diagnosis of", and
 * an entry that is only a code. */
Test(diagnoses, diagnoses_of_round_50)
{
    json_t *r =
        run_summary("A 40 year old female. Since then she has been treated for post-concussion "
                    "syndrome and for cervical sprain/strain. The neurologist added a provisional "
                    "diagnosis of adjustment disorder with mixed anxiety and depressed mood. She "
                    "walks.");
    expect_list(r, "patient.diagnoses",
                LIST("post-concussion syndrome", "cervical sprain/strain",
                     "adjustment disorder with mixed anxiety and depressed mood"));
    json_decref(r);
    r = run_summary("A 40 year old female. Diagnoses: cervical radiculopathy (M50.120); M75.101; "
                    "cervicogenic headache (G44.86). She walks.");
    expect_list(r, "patient.diagnoses", LIST("cervical radiculopathy", "cervicogenic headache"));
    json_decref(r);
}
