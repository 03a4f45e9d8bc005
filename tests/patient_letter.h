/* A minimal layout A letter around a clinical case summary, run through the patient plugin,
 * and list checks: shared by the patient and diagnoses test suites. Static inline, so that a
 * suite that leaves one unused still builds with -Werror. */
#ifndef IMRX_TEST_PATIENT_LETTER_H
#define IMRX_TEST_PATIENT_LETTER_H

#include <stdio.h>
#include <string.h>

#include "helpers.h"

static imrx_engine_t *engine;

static inline void setup(void)
{
    engine = t_engine("patient");
}

static inline void teardown(void)
{
    t_engine_free(engine);
}

/* A minimal layout A letter around a summary. */
static inline json_t *run_summary(const char *summary)
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

static inline void expect_list(json_t *rec, const char *path, const char *const *want)
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

/* Each lead-in of `cues` (NULL-terminated), followed by "lumbar radiculopathy and cervical
 * strain", introduces those two diagnoses. */
static inline void expect_lead_ins(const char *const *cues)
{
    for (int i = 0; cues[i]; i++) {
        char summary[256];
        snprintf(summary, sizeof summary,
                 "A 50 year old female. %s lumbar radiculopathy and cervical strain. She walks.",
                 cues[i]);
        json_t *r = run_summary(summary);
        cr_log_info("%s", cues[i]);
        expect_list(r, "patient.diagnoses", LIST("lumbar radiculopathy", "cervical strain"));
        json_decref(r);
    }
}

#define NONE ((const char *const[]){NULL})

#endif
