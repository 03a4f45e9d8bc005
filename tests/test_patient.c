/* patient plugin: age and sex from the clinical case summary, and every patient field scored
 * against the gold of the corpus and the real letters (diagnoses unit tests: test_diagnoses.c). */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patient_letter.h"

TestSuite(patient, .init = setup, .fini = teardown);

static long long age_of(json_t *r)
{
    json_t *v = t_get(r, "patient.age");
    return json_is_integer(v) ? json_integer_value(v) : -1;
}

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
        /* copied records: "52 YOM", "Ms. X is 52.", an age in words without a hyphen */
        {"52 YOM c/o neck pain after a fall at work.", 52, "male"},
        {"52 YOF c/o neck pain after a fall at work.", 52, "female"},
        {"Ms. [redacted] is 52. She works as a cashier.", 52, "female"},
        {"He is fifty two years of age and works as a driver.", 52, "male"},
        /* probes: a hyphen before "yo", "currently NN." */
        {"This is a 45-y.o. male with neck pain.", 45, "male"},
        {"This is a 45-yo male with neck pain.", 45, "male"},
        {"She is currently 48. She works as a clerk.", 48, "female"},
        {"The injured worker is a middle-aged woman of 47.", 47, "female"},
        /* (H247) */
        {"The claimant is a union carpenter; the records give his age as 41.", 41, "male"},
        {"This claimant's age is recorded as 55 in the report. She was walking.", 55, "female"},
        /* an age at the injury gives way to the present one (H131) */
        {"The claimant is a woman who was 56 years old when she was hurt and is now 61. She "
         "works.",
         61, "female"},
        {"The applicant is an officer. He was 34 at the time of the injury and is 37 now. He "
         "works.",
         37, "male"},
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

Test(patient, sex_from_a_title_or_a_trade)
{
    static const struct {
        const char *text, *sex;
    } cases[] = {
        {"Ms. Smith is a 50 year old clerk.", "female"},
        {"Mr. Doe, 61, reported pain.", "male"},
        {"The injured worker is a 60-year-old retired fireman.", "male"},
        {"The injured worker is a 33-year-old waitress.", "female"},
        {"The injured worker is a 48-year-old policewoman.", "female"},
        {"The injured worker is a 61-year-old grandmother.", "female"},
        {"The injured worker is a 59-year-old husband and father.", "male"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = run_summary(cases[i].text);
        cr_expect_str_eq(t_str(r, "patient.sex"), cases[i].sex, "'%s'", cases[i].text);
        json_decref(r);
    }
    /* a worker without a sex-telling word or pronoun has none */
    json_t *r = run_summary("The injured worker is a 47-year-old warehouse worker.");
    cr_expect_null(t_str(r, "patient.sex"));
    json_decref(r);
    /* a family word is the worker's only right after the age */
    r = run_summary("The injured worker is a 47-year-old warehouse worker. The wife of the "
                    "owner called.");
    cr_expect_null(t_str(r, "patient.sex"));
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

/* Ages as the forty-fourth blind round told them (H155): in words and digits, in years and
 * months, and at the claim and now. */
Test(patient, ages_told_in_other_ways)
{
    static const struct {
        const char *text;
        int age;
    } cases[] = {
        {"The injured worker is a thirty-eight (38) year old male.", 38},
        {"The injured worker is a 49 year, 7 month old female dental hygienist.", 49},
        {"The injured worker is a female who was 36 years old when she filed her claim and is 39 "
         "years old at the time of this review.",
         39},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = run_summary(cases[i].text);
        cr_expect_eq(age_of(r), cases[i].age, "'%s'", cases[i].text);
        json_decref(r);
    }
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
