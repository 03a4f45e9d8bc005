/* Letters around a summary or a disputed item, run through the medications plugin, and the
 * mentions read back: shared by the medications test suites. Static inline, so that a suite
 * that leaves one unused still builds with -Werror. */
#ifndef IMRX_TEST_MEDS_LETTER_H
#define IMRX_TEST_MEDS_LETTER_H

#include <stdio.h>
#include <string.h>

#include "helpers.h"

static imrx_engine_t *meds_only, *with_items;

static inline void setup(void)
{
    meds_only = t_engine("medications");
    with_items = t_engine("decisions,medications");
}

static inline void teardown(void)
{
    t_engine_free(meds_only);
    t_engine_free(with_items);
}

/* A layout A letter around a summary and one disputed item with its rationale. */
static inline json_t *letter(imrx_engine_t *e, const char *summary, const char *item,
                             const char *why)
{
    static char buf[16384];
    snprintf(buf, sizeof buf,
             "CLINICAL CASE SUMMARY\nThe expert reviewer developed the following clinical case "
             "summary based on a review of the case file, including all medical records:\n\n%s\n\n"
             "IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on "
             "decisions for the disputed items/services set forth below:\n\n%s: Upheld\n\n"
             "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
             "Treatment 2009.\n\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical "
             "Treatment 2009, Section(s): Opioids.\n\nDecision rationale: %s\n",
             summary, item, why);
    return t_run_with(e, buf, strlen(buf), "test.txt");
}

static inline json_t *summary(const char *text)
{
    return letter(meds_only, text, "Physical therapy 2 times a week for 6 weeks",
                  "The request is not medically necessary.");
}

/* The n-th mention (0: first) whose generic is `generic`, or NULL. */
static inline json_t *mention(json_t *rec, const char *generic, int nth)
{
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(rec, "medications"), i, m)
    {
        const char *g = json_string_value(json_object_get(m, "generic"));
        if (g && strcmp(g, generic) == 0 && nth-- == 0) return m;
    }
    return NULL;
}

static inline json_t *must(json_t *rec, const char *generic)
{
    json_t *m = mention(rec, generic, 0);
    cr_assert_not_null(m, "a mention of %s", generic);
    return m;
}

static inline const char *str(json_t *m, const char *key)
{
    return json_string_value(json_object_get(m, key));
}

static inline int flag(json_t *m, const char *key)
{
    return json_is_true(json_object_get(m, key));
}

/* Each summary of `texts` (NULL-terminated) has a mention of `generic` whose flag `key` is
 * `want` (1 set, 0 not). */
static inline void expect_each(const char *const *texts, const char *generic, const char *key,
                               int want)
{
    for (int i = 0; texts[i]; i++) {
        json_t *r = summary(texts[i]);
        cr_expect_eq(flag(must(r, generic), key), want, "%s: %s %s", texts[i], generic, key);
        json_decref(r);
    }
}

static inline long long num(json_t *m, const char *key)
{
    json_t *v = json_object_get(m, key);
    return json_is_integer(v) ? json_integer_value(v) : -1;
}

#endif
