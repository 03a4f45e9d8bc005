/* patient plugin: diagnoses in text a summary copies from medical records: problem lists, lists of
 * lines, tables of codes and names, and SOAP notes. */
#include "patient_letter.h"

TestSuite(diagnosis_records, .init = setup, .fini = teardown);

/* A problem list copied from the records, one entry a line (H162). */
Test(diagnosis_records, a_problem_list_copied_from_the_records)
{
    json_t *r = run_summary("A 63 year old female. The orthopedic note of 01/07/2016 carries this "
                            "problem list:\n- Primary osteoarthritis, right knee\n- Obesity, BMI "
                            "36\nTreatment to date has included physical therapy.");
    expect_list(r, "patient.diagnoses",
                LIST("Primary osteoarthritis, right knee", "Obesity, BMI 36"));
    json_decref(r);
}

/* A list of lines ends with its last line: a number further on ("5. Omeprazole" of a medication
 * list after the prose) is another list's (H162). */
Test(diagnosis_records, a_list_of_lines_ends_with_its_lines)
{
    json_t *r =
        run_summary("A 52 year old male. The progress report lists the following "
                    "diagnoses:\n1. Lumbar disc displacement\n2. Lumbar radiculopathy, left\n"
                    "3. Status post left L5-S1 microdiscectomy on 09/17/2013\nOn that date "
                    "he reported low back pain. He walks his dog.\nThe medication list "
                    "reads:\n4. Norco 10/325 mg\n5. Omeprazole 20 mg PO daily");
    expect_list(r, "patient.diagnoses",
                LIST("Lumbar disc displacement", "Lumbar radiculopathy, left",
                     "Status post left L5-S1 microdiscectomy on 09/17/2013"));
    json_decref(r);
}

/* A SOAP note copied into the summary (H198): its "A:" line, after "S:" and "O:", holds the
 * diagnoses, in a line or numbered; "lists the following problems:" opens a list. */
Test(diagnosis_records, a_soap_notes_assessment)
{
    json_t *r = run_summary("A 40 year old female.\nS: Pt reports depressed mood most days.\nO: "
                            "Alert, oriented x3. Affect constricted.\nA: Major depressive "
                            "disorder, single episode, moderate; Posttraumatic stress disorder, "
                            "chronic.\nP: Request 6 add'l sessions of CBT.\nShe walks.");
    expect_list(r, "patient.diagnoses",
                LIST("Major depressive disorder, single episode, moderate",
                     "Posttraumatic stress disorder, chronic"));
    json_decref(r);
    r = run_summary("A 40 year old male.\nS: Neck pain 6/10.\nO: Tender paraspinals.\nA: 1. "
                    "Cervical disc degeneration C5-6\n2. Cervical radiculopathy, right\nP: "
                    "Continue home exercise.\nHe walks.");
    expect_list(r, "patient.diagnoses",
                LIST("Cervical disc degeneration C5-6", "Cervical radiculopathy, right"));
    json_decref(r);
    /* (an "A:" with no "O:" before it is no assessment) */
    r = run_summary("A 40 year old male. The note reads:\nA: He walks daily.\nHe walks.");
    expect_list(r, "patient.diagnoses", LIST(NULL));
    json_decref(r);
    r = run_summary("A 47 year old female. The pain management report of 05/11/2017 lists the "
                    "following problems:\n- Cervical sprain/strain with right-sided radiculitis\n- "
                    "Myofascial pain\nTreatment to date has included therapy.");
    expect_list(r, "patient.diagnoses",
                LIST("Cervical sprain/strain with right-sided radiculitis", "Myofascial pain"));
    json_decref(r);
}

/* A table of codes and names after "lists the following diagnoses, with ICD-10 codes:" (H178). */
Test(diagnosis_records, a_table_of_codes_and_names)
{
    json_t *r = run_summary("A 50 year old male. The consultant's report lists the following "
                            "diagnoses, with ICD-10 codes:\nG47.33     Obstructive sleep apnea, "
                            "suspected\nK21.9      Gastroesophageal reflux disease without "
                            "esophagitis\nI10        Essential hypertension\nHe snores.");
    expect_list(r, "patient.diagnoses",
                LIST("Obstructive sleep apnea, suspected",
                     "Gastroesophageal reflux disease without esophagitis",
                     "Essential hypertension"));
    json_decref(r);
}

/* Lists in other shapes (H230): hollow bullets that a symbol font left as "o", and a table drawn
 * with pipes, its heading row and code column no diagnosis. */
Test(diagnosis_records, hollow_bullets_and_a_table_drawn_with_pipes)
{
    json_t *r =
        run_summary("A 41 year old male. The diagnoses are:\n     o   Lumbar sprain/strain\n"
                    "     o   Lumbar myofascial pain\nHe walks daily.");
    expect_list(r, "patient.diagnoses", LIST("Lumbar sprain/strain", "Lumbar myofascial pain"));
    json_decref(r);
    r = run_summary("A 41 year old male. The diagnoses are listed as:\n| ICD-10 | Diagnosis |\n"
                    "| M54.2 | Cervicalgia |\n| M75.41 | Impingement syndrome of right shoulder |\n"
                    "He walks daily.");
    expect_list(r, "patient.diagnoses",
                LIST("Cervicalgia", "Impingement syndrome of right shoulder"));
    json_decref(r);
}
