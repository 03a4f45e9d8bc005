/* patient plugin: age, sex and diagnoses from the clinical case summary. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static imrx_engine_t *engine;

static void setup(void)
{
    engine = t_engine("patient");
}

static void teardown(void)
{
    t_engine_free(engine);
}

TestSuite(patient, .init = setup, .fini = teardown);

/* A minimal layout A letter around a summary. */
static json_t *run_summary(const char *summary)
{
    char text[8192];
    snprintf(text, sizeof text,
             "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
             "MAXIMUS Federal Services sent the complete case file to an expert reviewer. "
             "He/she has no affiliation with the employer.\n"
             "State(s) of Licensure: California\nCertification(s)/Specialty: Family Practice\n\n"
             "CLINICAL CASE SUMMARY\n"
             "The expert reviewer developed the following clinical case summary based on a "
             "review of the case file, including all medical records:\n\n%s\n\n"
             "IMR ISSUES, DECISIONS AND RATIONALES\nMRI of the lumbar spine: Upheld\n",
             summary);
    return t_run_with(engine, text, strlen(text), "test.txt");
}

static long long age_of(json_t *r)
{
    json_t *v = t_get(r, "patient.age");
    return json_is_integer(v) ? json_integer_value(v) : -1;
}

static void expect_list(json_t *rec, const char *path, const char *const *want)
{
    json_t *arr = t_get(rec, path);
    cr_assert(json_is_array(arr), "%s is an array", path);
    size_t n = 0;
    while (want[n]) n++;
    cr_expect_eq(json_array_size(arr), n, "%s has %zu values, not %zu", path, json_array_size(arr),
                 n);
    for (size_t i = 0; i < n && i < json_array_size(arr); i++)
        cr_expect_str_eq(json_string_value(json_array_get(arr, i)), want[i], "%s[%zu]", path, i);
}

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NONE      ((const char *const[]){NULL})

Test(patient, ages_as_summaries_write_them)
{
    static const struct {
        const char *text;
        int age;
        const char *sex;
    } cases[] = {
        {"The injured worker is a 48 year old male who sustained an industrial injury.", 48,
         "male"},
        {"The injured worker is a 39-year-old female who sustained an injury.", 39, "female"},
        {"This case involves a now 58-year-old male with a history of a claim.", 58, "male"},
        {"The injured worker is a(n) 59 year old female, who sustained an injury.", 59, "female"},
        {"The patient is a 50 year-old female dental hygienist.", 50, "female"},
        {"The patient, aged 61, is a man employed as a landscaper.", 61, "male"},
        {"The patient is a forty-two year old woman who fell.", 42, "female"},
        {"The injured worker is 55 years old. He fell from a ladder.", 55, "male"},
        {"The 38 year old male injured worker suffered an industrial injury.", 38, "male"},
        /* the twenty-first blind round: "now NN" set off, a title and the age in commas */
        {"Ms. [name withheld] is a grocery checker, now 62, who filed a claim. She works.", 62,
         "female"},
        {"This is a woman who was 40 at the time of injury and is now 44. She works.", 44,
         "female"},
        {"Mr. [name withheld], 57, is a former utility lineman. He retired.", 57, "male"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = run_summary(cases[i].text);
        cr_expect_eq(age_of(r), cases[i].age, "'%s': age %lld", cases[i].text, age_of(r));
        cr_expect_str_eq(t_str(r, "patient.sex"), cases[i].sex, "'%s'", cases[i].text);
        json_decref(r);
    }
}

Test(patient, no_age_stated_is_null_and_someone_elses_age_is_not_taken)
{
    json_t *r = run_summary("The injured worker is a female who sustained an industrial injury "
                            "on 10-2-2014 while lifting a child.");
    cr_expect_eq(age_of(r), -1);
    cr_expect_str_eq(t_str(r, "patient.sex"), "female");
    json_decref(r);
    r = run_summary("She lifted her 15-year-old son at home. The injured worker is 40 years old.");
    cr_expect_eq(age_of(r), 40);
    json_decref(r);
}

Test(patient, sex_from_pronouns_by_majority)
{
    json_t *r = run_summary("The injured worker sustained an industrial injury on 1-2-2016. She "
                            "reported pain in her neck; her physician noted that he/she would "
                            "follow up. He was the treating doctor.");
    cr_expect_str_eq(t_str(r, "patient.sex"), "female");
    json_decref(r);
    r = run_summary("The applicant was injured at work. His/her records were reviewed.");
    cr_expect_null(t_str(r, "patient.sex"), "no pronoun of a person: no sex");
    json_decref(r);
    r = run_summary("The injured worker fell. He said she had seen it.");
    cr_expect_null(t_str(r, "patient.sex"), "a tie decides nothing");
    json_decref(r);
}

Test(patient, explicit_word_wins_over_pronouns)
{
    json_t *r = run_summary("The injured worker is a 45 year old female. The treating physician "
                            "saw her; he noted that he would refer her to him and his partner.");
    cr_expect_str_eq(t_str(r, "patient.sex"), "female");
    json_decref(r);
}

Test(patient, a_capital_m_or_f_after_the_age)
{
    json_t *r = run_summary("The injured worker is a 48 year old M. She was seen; she improved.");
    cr_expect_str_eq(t_str(r, "patient.sex"), "male", "the letter after the age wins");
    json_decref(r);
    r = run_summary("This is a 52 y/o F with neck pain. He reviewed the file.");
    cr_expect_str_eq(t_str(r, "patient.sex"), "female");
    json_decref(r);
    r = run_summary("The 48 year old m. The injured worker reports that she has pain.");
    cr_expect_str_eq(t_str(r, "patient.sex"), "female", "a lower-case m is no sex: pronouns");
    json_decref(r);
}

Test(patient, diagnoses_after_the_usual_phrases)
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

Test(patient, icd_phrases_with_commas_stay_whole)
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

Test(patient, semicolons_separate_and_commas_belong_to_items)
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
Test(patient, a_repeated_diagnosis_keeps_its_qualifier)
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

Test(patient, and_inside_a_diagnosis_does_not_split_it)
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
Test(patient, a_line_end_hyphen_lost_between_two_conditions_is_restored)
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
Test(patient, accepted_conditions_and_assessments_as_lead_ins)
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
Test(patient, qualifiers_and_the_end_of_a_list_of_lines)
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
Test(patient, followed_for_and_spasms)
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

Test(patient, lists_end_before_what_is_no_diagnosis)
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

Test(patient, other_phrasings_of_a_list)
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

Test(patient, numbered_lists_and_lists_of_lines)
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
Test(patient, a_dated_procedure_does_not_end_the_list)
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
Test(patient, more_ways_of_announcing_diagnoses)
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
Test(patient, assessment_and_impression_lines)
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
Test(patient, a_label_with_one_diagnosis_a_sentence)
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
Test(patient, assessments_impressions_codes_and_axes)
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
Test(patient, lists_end_at_treatment_and_at_the_next_cue)
{
    json_t *r =
        run_summary("A 45-year-old male. He was initially diagnosed with lumbar "
                    "sprain/strain and treated with 12 sessions of physical therapy. The "
                    "diagnosis was then revised, and the pain management report lists the "
                    "diagnoses as: (1) L4-L5 disc protrusion; (2) lumbar facet arthropathy.");
    expect_list(r, "patient.diagnoses",
                LIST("lumbar sprain/strain", "L4-L5 disc protrusion", "lumbar facet arthropathy"));
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

Test(patient, an_age_in_years_old_wins_over_an_earlier_aged)
{
    json_t *r = run_summary("The injured worker, first injured at age 45, is now a 50 year old "
                            "male.");
    cr_expect_eq(age_of(r), 50);
    json_decref(r);
    r = run_summary("The injured worker, aged 61, is a man employed as a landscaper.");
    cr_expect_eq(age_of(r), 61);
    json_decref(r);
}

Test(patient, every_value_carries_its_span)
{
    const char *text = "HOW THE IMR FINAL DETERMINATION WAS MADE\nReviewer.\n\n"
                       "CLINICAL CASE SUMMARY\nThe injured worker is a 62 year old female. "
                       "Diagnoses include cervical radiculopathy, right greater than\nleft, and "
                       "obesity.\n\nIMR ISSUES, DECISIONS AND RATIONALES\nMRI: Upheld\n";
    json_t *r = t_run_with(engine, text, strlen(text), "test.txt");
    static const struct {
        const char *key, *covers;
    } want[] = {
        {"patient.age", "62 year old"},
        {"patient.sex", "female"},
        {"patient.diagnoses[0]", "cervical radiculopathy, right greater than\nleft"},
        {"patient.diagnoses[1]", "obesity"},
    };
    json_t *prov = json_object_get(r, "provenance");
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        json_t *p = json_object_get(prov, want[i].key);
        cr_assert(json_is_array(p), "%s has a provenance", want[i].key);
        size_t b = (size_t)json_integer_value(json_array_get(p, 1));
        size_t e = (size_t)json_integer_value(json_array_get(p, 2));
        cr_assert(e > b && e <= strlen(text));
        cr_expect(strlen(want[i].covers) == e - b && memcmp(text + b, want[i].covers, e - b) == 0,
                  "%s spans '%.*s'", want[i].key, (int)(e - b), text + b);
    }
    cr_expect_str_eq(t_str(r, "patient.diagnoses.0"),
                     "cervical radiculopathy, right greater than left", "wraps joined");
    json_decref(r);
}

/* -- scores over whole folders, as `imrx eval` counts them ---------------------------------- */

typedef struct score {
    int letters, age_ok, age_total, sex_ok, sex_total;
    long dx_common, dx_gold, dx_pred;
} score_t;

/* The words of a diagnosis list, lower case, without the words that say nothing. */
static int words_of(json_t *list, char words[][32], int max)
{
    static const char *const stop[] = {"a",   "an",   "the", "of", "and", "or", "to",
                                       "for", "with", "in",  "on", "at",  "by", "is"};
    int n = 0;
    for (size_t i = 0; i < json_array_size(list); i++) {
        const char *s = json_string_value(json_array_get(list, i));
        while (s && *s && n < max) {
            while (*s && !isalnum((unsigned char)*s)) s++;
            int k = 0;
            while (*s && isalnum((unsigned char)*s)) {
                if (k < 31) words[n][k++] = (char)tolower((unsigned char)*s);
                s++;
            }
            words[n][k] = '\0';
            int skip = k == 0;
            for (size_t j = 0; j < sizeof stop / sizeof stop[0] && !skip; j++)
                skip = strcmp(stop[j], words[n]) == 0;
            if (!skip) n++;
        }
    }
    return n;
}

static void score_letter(score_t *s, json_t *gold, json_t *r)
{
    s->letters++;
    json_t *ga = t_get(gold, "patient.age"), *gs = t_get(gold, "patient.sex");
    if (json_is_integer(ga)) {
        s->age_total++;
        s->age_ok += json_integer_value(ga) == json_integer_value(t_get(r, "patient.age"));
    }
    if (json_is_string(gs)) {
        s->sex_total++;
        const char *ps = t_str(r, "patient.sex");
        s->sex_ok += ps && strcmp(ps, json_string_value(gs)) == 0;
    }
    static char g[128][32], p[128][32];
    int ng = words_of(json_object_get(gold, "diagnoses"), g, 128);
    int np = words_of(t_get(r, "patient.diagnoses"), p, 128);
    int used[128] = {0}, common = 0;
    for (int i = 0; i < ng; i++)
        for (int j = 0; j < np; j++)
            if (!used[j] && strcmp(g[i], p[j]) == 0) {
                used[j] = 1;
                common++;
                break;
            }
    s->dx_common += common;
    s->dx_gold += ng;
    s->dx_pred += np;
}

static void score_folder(score_t *s, const char *dir, const char *gold_dir, const char *suffix)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name), sl = strlen(suffix);
        if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0) continue;
        char path[1024], gold_path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(gold_path, sizeof gold_path, "%s/%.*s.json", gold_dir, (int)(len - sl), e->d_name);
        json_t *gold = json_load_file(gold_path, 0, NULL);
        if (!gold) continue;
        size_t bytes;
        char *text = t_slurp(path, &bytes);
        json_t *r = t_run_with(engine, text, bytes, e->d_name);
        score_letter(s, gold, r);
        free(text);
        json_decref(r);
        json_decref(gold);
    }
    closedir(d);
}

static void expect_scores(const score_t *s, double age_min, double sex_min, double dx_min)
{
    double dx_p = s->dx_pred ? (double)s->dx_common / (double)s->dx_pred : 0;
    double dx_r = s->dx_gold ? (double)s->dx_common / (double)s->dx_gold : 0;
    double dx_f1 = dx_p + dx_r > 0 ? 2 * dx_p * dx_r / (dx_p + dx_r) : 0;
    cr_expect_geq(s->age_ok, age_min * s->age_total, "age %d/%d", s->age_ok, s->age_total);
    cr_expect_geq(s->sex_ok, sex_min * s->sex_total, "sex %d/%d", s->sex_ok, s->sex_total);
    cr_expect_geq(dx_f1, dx_min, "diagnosis token F1 %.3f", dx_f1);
}

Test(patient, project_letters_match_gold)
{
    score_t s = {0};
    score_folder(&s, IMRX_SOURCE_DIR "/corpus/letters", IMRX_SOURCE_DIR "/corpus/gold", ".txt");
    cr_expect_geq(s.letters, 40);
    expect_scores(&s, 1.0, 1.0, 0.95);
}

Test(patient, real_letters_match_gold)
{
    const char *dir = t_real_dir();
    if (!dir) {
        T_SKIP("../shared/real-letters/dev not found: skipping");
    }
    score_t s = {0};
    score_folder(&s, dir, IMRX_SOURCE_DIR "/corpus/gold-real", ".layout.txt");
    score_folder(&s, dir, IMRX_SOURCE_DIR "/corpus/gold-real", ".raw.txt");
    cr_expect_geq(s.letters, 100);
    expect_scores(&s, 0.98, 0.98, 0.85);
}
