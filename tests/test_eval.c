/* imrx eval: the scoring rules on small hand-made cases, and the baselines: the corpus (and the
 * real development letters, when present) must score at least what the project has reached. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "eval/eval.h"
#include "helpers.h"

static json_t *J(const char *text)
{
    json_error_t err;
    json_t *j = json_loads(text, 0, &err);
    cr_assert_not_null(j, "test JSON: %s", err.text);
    return j;
}

Test(eval, scalars_count_wrong_values_as_one_fp_and_one_fn)
{
    imrx_eval_t *e = imrx_eval_new();
    json_t *g = J("{\"case_number\":\"CM16-1\",\"priority\":\"Standard\",\"patient\":{\"age\":48,"
                  "\"sex\":null},\"items\":[]}");
    json_t *r =
        J("{\"case_number\":\"cm16-1\",\"priority\":\"Expedited\",\"patient\":{\"age\":null,"
          "\"sex\":\"male\"},\"items\":[]}");
    imrx_eval_add(e, "x", g, r);
    cr_assert_float_eq(imrx_eval_score(e, "case_number"), 1.0, 1e-9, "case-insensitive match");
    cr_assert_float_eq(imrx_eval_score(e, "priority"), 0.0, 1e-9, "wrong value");
    json_t *js = imrx_eval_json(e, 0);
    json_t *sex = json_object_get(json_object_get(js, "fields"), "patient.sex");
    cr_assert_eq(json_integer_value(json_object_get(sex, "fp")), 1, "a value gold lacks");
    json_t *age = json_object_get(json_object_get(js, "fields"), "patient.age");
    cr_assert_eq(json_integer_value(json_object_get(age, "fn")), 1, "a value missed");
    json_decref(js);
    json_decref(g);
    json_decref(r);
    imrx_eval_free(e);
}

Test(eval, items_are_aligned_by_text_in_order)
{
    imrx_eval_t *e = imrx_eval_new();
    json_t *g = J("{\"items\":["
                  "{\"text\":\"MRI of the right shoulder\",\"decision\":\"upheld\",\"category\":"
                  "\"diagnostic_testing\",\"guidelines\":[\"MTUS Shoulder Complaints 2004\"]},"
                  "{\"text\":\"Norco 10/325mg #120\",\"decision\":\"upheld\",\"category\":"
                  "\"pharmaceuticals\",\"guidelines\":[],\"drug\":{\"generic\":"
                  "\"hydrocodone/acetaminophen\",\"strength\":\"10/325 mg\",\"quantity\":120}},"
                  "{\"text\":\"TENS unit\",\"decision\":\"overturned\",\"category\":\"dmepos\","
                  "\"guidelines\":[]}]}");
    /* the record misses the first item, finds an extra one, and gets one decision wrong */
    json_t *r =
        J("{\"items\":["
          "{\"text\":\"Norco 10/325mg #120\",\"decision\":\"upheld\",\"category\":"
          "\"pharmaceuticals\",\"guidelines\":[],\"drug\":{\"generic\":"
          "\"hydrocodone/acetaminophen\",\"strength\":\"10/325 mg\",\"quantity\":120}},"
          "{\"text\":\"TENS unit, purchase\",\"decision\":\"upheld\",\"category\":\"dmepos\","
          "\"guidelines\":[]},"
          "{\"text\":\"Something else entirely\",\"decision\":\"upheld\"}]}");
    imrx_eval_add(e, "x", g, r);
    json_t *js = imrx_eval_json(e, 0);
    json_t *f = json_object_get(js, "fields");
    json_t *items = json_object_get(f, "items");
    cr_assert_eq(json_integer_value(json_object_get(items, "tp")), 2);
    cr_assert_eq(json_integer_value(json_object_get(items, "fp")), 1);
    cr_assert_eq(json_integer_value(json_object_get(items, "fn")), 1);
    json_t *dec = json_object_get(f, "item.decision");
    cr_assert_eq(json_integer_value(json_object_get(dec, "tp")), 1);
    cr_assert_float_eq(imrx_eval_score(e, "item_count"), 1.0, 1e-9, "3 and 3");
    cr_assert_float_eq(imrx_eval_score(e, "item.drug.generic"), 1.0, 1e-9);
    json_t *conf = json_object_get(json_object_get(js, "decision_confusion"), "overturned");
    cr_assert_eq(json_integer_value(json_object_get(conf, "upheld")), 1);
    json_decref(js);
    json_decref(g);
    json_decref(r);
    imrx_eval_free(e);
}

/* A drug's generic name is its parts, in whatever order they are written. */
Test(eval, a_generic_names_parts_compare_in_any_order)
{
    imrx_eval_t *e = imrx_eval_new();
    json_t *g = J("{\"items\":[{\"text\":\"Terocin lotion 120 ml\",\"decision\":\"upheld\","
                  "\"guidelines\":[],\"drug\":{\"generic\":\"capsaicin/lidocaine/menthol/methyl "
                  "salicylate\",\"strength\":null,\"quantity\":null}},{\"text\":\"Norco #60\","
                  "\"decision\":\"upheld\",\"guidelines\":[],\"drug\":{\"generic\":"
                  "\"hydrocodone/acetaminophen\",\"strength\":null,\"quantity\":60}}]}");
    json_t *r = J("{\"items\":[{\"text\":\"Terocin lotion 120 ml\",\"decision\":\"upheld\","
                  "\"drug\":{\"generic\":\"methyl salicylate/capsaicin/menthol/lidocaine\"}},"
                  "{\"text\":\"Norco #60\",\"decision\":\"upheld\",\"drug\":{\"generic\":"
                  "\"hydrocodone\",\"quantity\":60}}]}");
    imrx_eval_add(e, "x", g, r);
    json_t *js = imrx_eval_json(e, 0);
    json_t *gen = json_object_get(json_object_get(js, "fields"), "item.drug.generic");
    cr_assert_eq(json_integer_value(json_object_get(gen, "tp")), 1, "the same parts");
    cr_assert_eq(json_integer_value(json_object_get(gen, "fn")), 1, "a part missing is wrong");
    json_decref(js);
    json_decref(g);
    json_decref(r);
    imrx_eval_free(e);
}

Test(eval, medications_by_context_and_diagnoses_by_tokens)
{
    imrx_eval_t *e = imrx_eval_new();
    json_t *g = J("{\"items\":[],\"diagnoses\":[\"lumbar radiculopathy\",\"neck strain\"],"
                  "\"medications_patient\":[\"gabapentin\"],\"medications_all\":[\"gabapentin\","
                  "\"naproxen\"],\"medications_negated\":[]}");
    json_t *r = J("{\"items\":[],\"patient\":{\"diagnoses\":[\"radiculopathy of the lumbar spine\","
                  "\"strain of the neck\"]},\"medications\":["
                  "{\"generic\":\"gabapentin\",\"context\":\"history\",\"negated\":false},"
                  "{\"generic\":\"naproxen\",\"context\":\"rationale\",\"negated\":false}]}");
    imrx_eval_add(e, "x", g, r);
    cr_assert_float_eq(imrx_eval_score(e, "medications_patient"), 1.0, 1e-9);
    cr_assert_float_eq(imrx_eval_score(e, "medications_all"), 1.0, 1e-9);
    /* gold tokens: lumbar radiculopathy neck strain; record adds "spine" */
    cr_assert_float_eq(imrx_eval_score(e, "diagnoses"), 2.0 * 0.8 * 1.0 / 1.8, 1e-9);
    json_decref(g);
    json_decref(r);
    imrx_eval_free(e);
}

/* A drug is listed as never taken or stopped only when the letter says no more of it: one
 * requested again is not. */
Test(eval, a_stopped_drug_requested_again_is_not_negated)
{
    imrx_eval_t *e = imrx_eval_new();
    json_t *g = J("{\"items\":[],\"medications_negated\":[\"naproxen\"]}");
    json_t *r = J("{\"items\":[],\"medications\":["
                  "{\"generic\":\"tramadol\",\"context\":\"history\",\"negated\":true},"
                  "{\"generic\":\"tramadol\",\"context\":\"requested\",\"negated\":false},"
                  "{\"generic\":\"naproxen\",\"context\":\"history\",\"discontinued\":true},"
                  "{\"generic\":\"naproxen\",\"context\":\"rationale\",\"negated\":false}]}");
    imrx_eval_add(e, "x", g, r);
    cr_assert_float_eq(imrx_eval_score(e, "medications_negated"), 1.0, 1e-9);
    json_decref(g);
    json_decref(r);
    imrx_eval_free(e);
}

static void check_baseline(const char *gold, const char *letters, const char *baseline)
{
    char *out;
    int code = t_sh(&out, "%s eval -q --gold %s --baseline %s %s 2>&1", IMRX_BINARY, gold, baseline,
                    letters);
    cr_assert_eq(code, 0, "a field dropped below the baseline %s:\n%s", baseline, out);
    free(out);
}

Test(eval, the_corpus_scores_at_least_the_baseline, .timeout = 300)
{
    check_baseline(IMRX_SOURCE_DIR "/corpus/gold", IMRX_SOURCE_DIR "/corpus/letters",
                   IMRX_SOURCE_DIR "/corpus/baseline.json");
}

/* Letters written by people who never read the extractors (corpus/README.md, "Blind letters"). */
Test(eval, the_blind_letters_score_at_least_their_baseline, .timeout = 300)
{
    check_baseline(IMRX_SOURCE_DIR "/corpus/blind/gold", IMRX_SOURCE_DIR "/corpus/blind/letters",
                   IMRX_SOURCE_DIR "/corpus/baseline-blind.json");
}

/* Generated letters with rendering noise (the same 500 scripts/baseline.sh scores): the
 * generator's phrasings and wraps, far more of them than the corpus holds. */
Test(eval, generated_letters_score_at_least_their_baseline, .timeout = 300)
{
    char dir[] = "/tmp/imrx-gen-baseline-XXXXXX";
    cr_assert(mkdtemp(dir));
    cr_assert_eq(
        t_sh(NULL, "%s gen --quiet --seed 99 --count 500 --noise 3 --out %s", IMRX_BINARY, dir), 0);
    char gold[300], letters[300];
    snprintf(gold, sizeof gold, "%s/gold", dir);
    snprintf(letters, sizeof letters, "%s/letters", dir);
    check_baseline(gold, letters, IMRX_SOURCE_DIR "/corpus/baseline-gen.json");
    t_sh(NULL, "rm -rf %s", dir);
}

Test(eval, the_real_letters_score_at_least_their_baseline, .timeout = 300)
{
    const char *dir = t_real_dir();
    if (!dir) {
        T_SKIP("../shared/real-letters/dev not found: skipping the real letters' baseline");
    }
    check_baseline(IMRX_SOURCE_DIR "/corpus/gold-real", dir,
                   IMRX_SOURCE_DIR "/corpus/baseline-real.json");
}

/* The real PDFs through the text tools users have, other than `pdftotext` and `-layout`:
 * `pdftotext -raw` keeps the content stream's order ("Priority: Standard Application" /
 * "Received:" / the date), `-nopgbrk` leaves no form feed at page breaks, MuPDF's `mutool`
 * ends lines with a space and keeps two after a period, pdfminer's `pdf2txt` may put a header
 * value before its label. The real letters' baseline holds, and pdfminer's own (a tool not
 * installed is skipped). */
Test(eval, the_real_letters_through_other_pdf_text_tools_score_at_least_their_baseline,
     .timeout = 600)
{
    const char *dir = t_real_dir();
    if (!dir) {
        T_SKIP("../shared/real-letters/dev not found: skipping the real letters' other renderings");
    }
    static const struct {
        const char *tool, *command, *baseline; /* the command: $f the PDF, $t the text file */
    } tools[] = {
        {"pdftotext", "pdftotext -raw \"$f\" \"$t\"", "baseline-real.json"},
        {"pdftotext", "pdftotext -nopgbrk \"$f\" \"$t\"", "baseline-real.json"},
        {"mutool", "mutool draw -q -F txt -o \"$t\" \"$f\"", "baseline-real.json"},
        /* lines out of order in one letter (a sentence cut by a paragraph from elsewhere) */
        {"pdf2txt", "pdf2txt -o \"$t\" \"$f\"", "baseline-real-pdfminer.json"},
    };
    int ran = 0;
    for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++) {
        if (t_sh(NULL, "command -v %s >/dev/null", tools[i].tool) != 0) continue;
        char out[] = "/tmp/imrx-rendering-XXXXXX";
        cr_assert(mkdtemp(out));
        cr_assert_eq(t_sh(NULL,
                          "for f in %s/*.pdf; do t=\"%s/$(basename \"$f\" .pdf).txt\"; %s "
                          "2>/dev/null || exit 1; done",
                          dir, out, tools[i].command),
                     0, "%s", tools[i].command);
        char baseline[512];
        snprintf(baseline, sizeof baseline, "%s/corpus/%s", IMRX_SOURCE_DIR, tools[i].baseline);
        check_baseline(IMRX_SOURCE_DIR "/corpus/gold-real", out, baseline);
        t_sh(NULL, "rm -rf %s", out);
        ran++;
    }
    if (!ran) {
        T_SKIP("no PDF text tool installed: skipping the real letters' other renderings");
    }
}

Test(eval, a_missing_baseline_field_or_a_drop_fails)
{
    char path[] = "/tmp/imrx-baseline-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char *b = "{\"minimum\": {\"case_number\": 1.01}}";
    cr_assert_eq(write(fd, b, strlen(b)), (ssize_t)strlen(b));
    close(fd);
    char *out;
    int code = t_sh(&out, "%s eval -q --gold %s/corpus/gold --baseline %s %s/corpus/letters 2>&1",
                    IMRX_BINARY, IMRX_SOURCE_DIR, path, IMRX_SOURCE_DIR);
    cr_assert_eq(code, 1, "%s", out);
    cr_assert(strstr(out, "below the 1.010 reached before"), "%s", out);
    free(out);
    remove(path);
}
