/* The medications plugin: lexicon matching (brand, generic, misspelling, combination, compound,
 * hyphenated and wrapped names), attributes (strength, quantity, frequency, refills), context,
 * negation and discontinuation, the item link, the seed letter, and users' lexicon additions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"

static imrx_engine_t *meds_only, *with_items;

static void setup(void)
{
    meds_only = t_engine("medications");
    with_items = t_engine("decisions,medications");
}

static void teardown(void)
{
    t_engine_free(meds_only);
    t_engine_free(with_items);
}

TestSuite(medications, .init = setup, .fini = teardown, .timeout = 60);

/* A layout A letter around a summary and one disputed item with its rationale. */
static json_t *letter(imrx_engine_t *e, const char *summary, const char *item, const char *why)
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

static json_t *summary(const char *text)
{
    return letter(meds_only, text, "Physical therapy 2 times a week for 6 weeks",
                  "The request is not medically necessary.");
}

/* The n-th mention (0: first) whose generic is `generic`, or NULL. */
static json_t *mention(json_t *rec, const char *generic, int nth)
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

static json_t *must(json_t *rec, const char *generic)
{
    json_t *m = mention(rec, generic, 0);
    cr_assert_not_null(m, "a mention of %s", generic);
    return m;
}

static const char *str(json_t *m, const char *key)
{
    return json_string_value(json_object_get(m, key));
}

static int flag(json_t *m, const char *key)
{
    return json_is_true(json_object_get(m, key));
}

static long long num(json_t *m, const char *key)
{
    json_t *v = json_object_get(m, key);
    return json_is_integer(v) ? json_integer_value(v) : -1;
}

Test(medications, brand_generic_misspelling_and_case)
{
    json_t *r = summary("Medications include Flexeril, gabapentin, NAPROXEN, Trazadone at night "
                        "and Nocro for pain.");
    cr_expect_str_eq(str(must(r, "cyclobenzaprine"), "mention"), "Flexeril");
    cr_expect_str_eq(str(must(r, "cyclobenzaprine"), "class"), "muscle relaxant");
    must(r, "gabapentin");
    must(r, "naproxen");
    cr_expect_str_eq(str(must(r, "trazodone"), "mention"), "Trazadone");
    cr_expect_str_eq(str(must(r, "hydrocodone/acetaminophen"), "mention"), "Nocro");
    json_decref(r);
}

Test(medications, unlisted_misspellings_of_long_names)
{
    json_t *r = summary("He takes Cyclobenzaprin at night and Gabapentine, in a singular dose, "
                        "with Ambein.");
    cr_expect_str_eq(str(must(r, "cyclobenzaprine"), "mention"), "Cyclobenzaprin");
    must(r, "gabapentin");
    cr_expect_null(mention(r, "montelukast", 0), "an English word is no misspelling");
    cr_expect_null(mention(r, "zolpidem", 0), "short names are matched exactly only");
    json_decref(r);
}

/* Words that start no drug name are remembered per thread (medications.c): a word seen alone
 * first must still start a name later ("icy" then "Icy Hot", "fish" then "fish oil"), and a
 * letter read again with every word remembered gives the same mentions. */
Test(medications, remembered_words_still_start_names)
{
    const char *text = "The road was icy and he fell on a fish crate. The patient reported the "
                       "pain. He rubs Icy Hot on his back and takes fish oil and vitamin D. The "
                       "patient reported Cyclo-\nbenzaprine at night. He saw St. Mary, then "
                       "St. John's wort helped; his vit. was low, and Vit. D was added.";
    json_t *first = summary(text);
    json_t *again = summary(text);
    must(first, "methyl salicylate/menthol");
    must(first, "omega-3 fatty acids");
    must(first, "vitamin d");
    must(first, "cyclobenzaprine");
    must(first, "st. john's wort");
    cr_expect_eq(json_array_size(json_object_get(first, "medications")),
                 json_array_size(json_object_get(again, "medications")));
    char *a = json_dumps(json_object_get(first, "medications"), JSON_SORT_KEYS);
    char *b = json_dumps(json_object_get(again, "medications"), JSON_SORT_KEYS);
    cr_expect_str_eq(a, b, "the same mentions with the words remembered");
    free(a);
    free(b);
    json_decref(first);
    json_decref(again);
}

/* A sentence may start with a drug in lower case: the period before it ends the sentence that
 * names the drugs taken, unless it closes an abbreviation ("mg. tabs"). */
Test(medications, a_lower_case_sentence_start_ends_the_sentence_before)
{
    json_t *r = summary("The medication regimen includes gabapentin. carisoprodol was discontinued "
                        "due to dizziness. She takes Cymbalta 30 mg three times a day. oxycodone "
                        "was stopped. He takes Norco 10 mg. tabs were refilled.");
    cr_expect(!flag(must(r, "gabapentin"), "discontinued"), "gabapentin is still taken");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(!flag(must(r, "duloxetine"), "discontinued"), "Cymbalta is still taken");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

Test(medications, word_bounded)
{
    /* "Soma" as a word only; "Norcoal" is no Norco; "ASA" only alone. */
    json_t *r = summary("He works at Norcoal Mining with his ASAP team and takes no drugs.");
    cr_expect_eq(json_array_size(json_object_get(r, "medications")), 0);
    json_decref(r);
}

Test(medications, combinations)
{
    json_t *r = summary("She takes Norco, Hydrocodone/APAP and hydrocodone-acetaminophen, and "
                        "Percocet.");
    json_t *m = must(r, "hydrocodone/acetaminophen");
    cr_expect_eq(json_array_size(json_object_get(m, "ingredients")), 0);
    cr_expect(flag(m, "opioid"));
    cr_expect_str_eq(str(m, "schedule"), "C2");
    cr_expect_not_null(mention(r, "hydrocodone/acetaminophen", 2));
    must(r, "oxycodone/acetaminophen");
    json_decref(r);
    /* the combination however its names are ordered; and some less common drugs */
    r = summary("Codeine with acetaminophen is an option. She tried Xenical and uses PreviDent "
                "5000 Plus toothpaste.");
    must(r, "acetaminophen/codeine");
    cr_expect_null(mention(r, "codeine", 0), "not codeine alone");
    must(r, "orlistat");
    must(r, "sodium fluoride");
    json_decref(r);
}

Test(medications, combination_written_as_two_names)
{
    json_t *r = summary("Medications: Hydrocodone 10mg/APAP 325mg #120 and Norco (hydrocodone) "
                        "5/325 mg.");
    json_t *m = must(r, "hydrocodone/acetaminophen");
    cr_expect_str_eq(str(m, "strength"), "10/325 mg");
    cr_expect_eq(num(m, "quantity"), 120);
    cr_expect_null(mention(r, "hydrocodone", 0), "no single-drug mention left");
    cr_expect_null(mention(r, "acetaminophen", 0));
    cr_expect_str_eq(str(mention(r, "hydrocodone/acetaminophen", 1), "strength"), "5/325 mg");
    json_decref(r);
}

Test(medications, compound_products_list_ingredients)
{
    json_t *r = summary("He applies LidoPro ointment to the neck.");
    json_t *m = must(r, "capsaicin/lidocaine/menthol/methyl salicylate");
    json_t *ing = json_object_get(m, "ingredients");
    cr_assert_eq(json_array_size(ing), 4);
    cr_expect_str_eq(json_string_value(json_array_get(ing, 1)), "lidocaine");
    cr_expect_str_eq(str(m, "class"), "compounded topical");
    json_decref(r);
}

Test(medications, strengths)
{
    json_t *r = summary("Medications: Norco 10/325mg, Lidoderm 5% patches, cyclobenzaprine 7.5 mg, "
                        "Butrans 10mcg/hr, Fanatrex 25mg/ml oral suspension, Trezix "
                        "320.5-30-16mg, Ultracet 37.5/325 and Lidopro 4%-27.5%-0.0325% daily.");
    cr_expect_str_eq(str(must(r, "hydrocodone/acetaminophen"), "strength"), "10/325 mg");
    cr_expect_str_eq(str(must(r, "lidocaine"), "strength"), "5 %");
    cr_expect_str_eq(str(must(r, "lidocaine"), "dose_form"), "patch");
    cr_expect_str_eq(str(must(r, "cyclobenzaprine"), "strength"), "7.5 mg");
    cr_expect_str_eq(str(must(r, "buprenorphine"), "strength"), "10 mcg/hr");
    cr_expect_str_eq(str(must(r, "gabapentin"), "strength"), "25 mg/ml");
    cr_expect_str_eq(str(must(r, "gabapentin"), "dose_form"), "suspension");
    cr_expect_str_eq(str(must(r, "acetaminophen/caffeine/dihydrocodeine"), "strength"),
                     "320.5/30/16 mg");
    cr_expect_str_eq(str(must(r, "tramadol/acetaminophen"), "strength"), "37.5/325 mg");
    cr_expect_str_eq(str(must(r, "capsaicin/lidocaine/menthol/methyl salicylate"), "strength"),
                     "4/27.5/0.0325 %");
    json_decref(r);
}

Test(medications, quantities_frequency_refills)
{
    json_t *r = summary("Current medications are Norco 10/325mg #120, tramadol 50 mg 120 tablets, "
                        "Lidoderm 30 patches, ibuprofen 800 mg 2 tablets twice daily, Voltaren "
                        "gel 1% 100gm with 2 refills, and Percocet 5/325 one tablet every 6 hours "
                        "as needed.");
    cr_expect_eq(num(must(r, "hydrocodone/acetaminophen"), "quantity"), 120);
    cr_expect_eq(num(must(r, "tramadol"), "quantity"), 120);
    cr_expect_eq(num(must(r, "lidocaine"), "quantity"), 30);
    json_t *ibu = must(r, "ibuprofen");
    cr_expect_eq(num(ibu, "quantity"), -1, "a dose is no quantity");
    cr_expect_str_eq(str(ibu, "frequency"), "twice daily");
    json_t *v = must(r, "diclofenac");
    cr_expect_eq(num(v, "quantity"), -1, "a tube's weight is no count");
    cr_expect_eq(num(v, "refills"), 2);
    cr_expect_str_eq(str(v, "strength"), "1 %");
    cr_expect_str_eq(str(must(r, "oxycodone/acetaminophen"), "frequency"),
                     "every 6 hours as needed");
    json_decref(r);
    r = summary("Medications: Norco 10/325 mg 1 PO q6h PRN pain #90, Naprosyn 550mg BID, "
                "Motrin 800 mg x 60, Celebrex 200 mg 30 count, Mobic 7.5 mg x 30 days.");
    cr_expect_eq(num(must(r, "ibuprofen"), "quantity"), 60);
    cr_expect_eq(num(must(r, "celecoxib"), "quantity"), 30);
    cr_expect_eq(num(must(r, "meloxicam"), "quantity"), -1, "a duration is no quantity");
    json_t *n = must(r, "hydrocodone/acetaminophen");
    cr_expect_eq(num(n, "quantity"), 90);
    cr_expect_str_eq(str(n, "frequency"), "q6h PRN");
    cr_expect_str_eq(str(must(r, "naproxen"), "frequency"), "BID");
    json_decref(r);
    r = summary("Medications: Norco 10/325 mg. #120, Tramadol 50mg No. 90, Soma 350mg QTY: 45, "
                "Pantoprazole 40 mg., one by mouth, twice a day #60, Orphenadrine 100 mg. tabs "
                "#30. Flexeril 5 mg. Symptoms improved in 30 days.");
    cr_expect_eq(num(must(r, "hydrocodone/acetaminophen"), "quantity"), 120, "after 'mg.'");
    cr_expect_eq(num(must(r, "tramadol"), "quantity"), 90);
    cr_expect_eq(num(must(r, "carisoprodol"), "quantity"), 45);
    cr_expect_eq(num(must(r, "pantoprazole"), "quantity"), 60);
    cr_expect_str_eq(str(must(r, "pantoprazole"), "frequency"), "twice a day");
    cr_expect_eq(num(must(r, "orphenadrine"), "quantity"), 30);
    cr_expect_eq(num(must(r, "cyclobenzaprine"), "quantity"), -1, "a sentence ends at 'mg. S'");
    json_decref(r);
    r = summary("Requests were Zolpidem 10 mg, thirty tablets, Norco 10/325 one hundred twenty "
                "tablets, Soma 350 mg two tablets twice daily and Tramadol 50 mg forty-five "
                "capsules.");
    cr_expect_eq(num(must(r, "zolpidem"), "quantity"), 30, "a count in words");
    cr_expect_eq(num(must(r, "hydrocodone/acetaminophen"), "quantity"), 120);
    cr_expect_eq(num(must(r, "carisoprodol"), "quantity"), -1, "two tablets is a dose");
    cr_expect_eq(num(must(r, "tramadol"), "quantity"), 45);
    json_decref(r);
}

Test(medications, negation_and_discontinuation)
{
    json_t *r = summary("She denies use of Soma. He is no longer taking Flexeril because of "
                        "drowsiness. He was weaned off OxyContin in 2015. Naproxen was "
                        "discontinued in 2016. She took amitriptyline for two weeks and stopped "
                        "it. He takes Norco daily.");
    json_t *soma = must(r, "carisoprodol");
    cr_expect(flag(soma, "negated"));
    cr_expect(!flag(soma, "discontinued"));
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(!flag(must(r, "cyclobenzaprine"), "negated"));
    cr_expect(flag(must(r, "oxycodone"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"));
    json_t *norco = must(r, "hydrocodone/acetaminophen");
    cr_expect(!flag(norco, "negated") && !flag(norco, "discontinued"));
    json_decref(r);
    r = summary("Soma has not been prescribed. He takes Norco daily.");
    cr_expect(flag(must(r, "carisoprodol"), "negated"), "a cue after the drug");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
}

/* Stopped drugs told after the drug and a clause about its use. */
Test(medications, discontinued_after_an_until_or_a_but)
{
    json_t *r = summary("He took diclofenac sodium 75 mg twice a day until June 2016, when it was "
                        "stopped because of dyspepsia. She was taking Ambien for sleep but stopped "
                        "it last year. Pamelor 25mg was tried in 2015 without benefit and stopped. "
                        "She took ibuprofen until 2016, when it was replaced by Mobic 15mg daily. "
                        "He takes gabapentin until his next visit, when it will be reassessed.");
    cr_expect(flag(must(r, "diclofenac"), "discontinued"));
    cr_expect(flag(must(r, "zolpidem"), "discontinued"));
    cr_expect(flag(must(r, "nortriptyline"), "discontinued"));
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"), "the replacement goes on");
    cr_expect(!flag(must(r, "gabapentin"), "discontinued"), "\"will be\" stops nothing yet");
    json_decref(r);
    r = summary("She took amitriptyline before, but it was stopped because of grogginess. He took "
                "Norco until early 2018 but no longer uses it. This worker is being tapered from "
                "tramadol.");
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "tramadol"), "discontinued"), "a taper under way stops nothing yet");
    json_decref(r);
    r = summary("He was told to stop taking ibuprofen after the surgery. He took Norco 5/325mg for "
                "two weeks and no longer uses it. He takes Tramadol ER 150mgs #30.");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_t *t = must(r, "tramadol");
    cr_expect(!flag(t, "discontinued"));
    cr_expect_str_eq(str(t, "strength"), "150 mg", "'mgs' is mg");
    cr_expect_eq(num(t, "quantity"), 30);
    json_decref(r);
    r = summary("Gabapentin was started on 12/15/2016, but he stopped it after a week. She was "
                "prescribed Tramadol 50mg as needed but never filled it.");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"),
              "'was started' is the same drug's story");
    cr_expect(flag(must(r, "tramadol"), "negated"), "never filled: never taken");
    json_decref(r);
}

/* Stops told with other verbs, in the next clause after a semicolon, or with the subject left
 * out; offers refused; prescriptions never filled. */
Test(medications, stops_in_other_words)
{
    json_t *r = summary("Ibuprofen was abandoned years ago after gastritis. MS Contin was given up "
                        "in 2013. Lyrica was halted in the autumn. Naproxen was dropped from his "
                        "regimen. A fentanyl patch was tried in 2014, but the trial ended after a "
                        "few weeks. Mobic was held for a week and was never resumed. Celebrex was "
                        "taken for years, but her internist stopped it. She took tramadol and then "
                        "gave it up. He used to take Aleve but switched.");
    static const char *const stopped[] = {"ibuprofen", "morphine",  "pregabalin", "fentanyl",
                                          "meloxicam", "celecoxib", "tramadol",   NULL};
    for (int i = 0; stopped[i]; i++)
        cr_expect(flag(must(r, stopped[i]), "discontinued"), "%s", stopped[i]);
    json_t *naproxen = must(r, "naproxen");
    cr_expect(flag(naproxen, "discontinued"), "was dropped");
    cr_expect(flag(mention(r, "naproxen", 1), "discontinued"), "used to take");
    json_decref(r);
    r = summary("Percocet was prescribed early in the claim; she was switched to Norco in 2015. "
                "Neurontin was prescribed after surgery; she felt it no longer helped and quit it. "
                "Lunesta was prescribed; Ambien was stopped.");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"));
    cr_expect(!flag(must(r, "eszopiclone"), "discontinued"),
              "the next clause stops another drug it names");
    json_decref(r);
    r = summary("Nortriptyline was suggested as an alternative to amitriptyline but was never "
                "started. He was offered a Butrans patch and turned it down. When methadone was "
                "proposed he refused it. A prescription for Keflex was never filled.");
    cr_expect(flag(must(r, "nortriptyline"), "negated"), "the clause's subject");
    cr_expect(!flag(must(r, "amitriptyline"), "negated"));
    cr_expect(flag(must(r, "buprenorphine"), "negated"));
    cr_expect(flag(must(r, "methadone"), "negated"));
    cr_expect(flag(must(r, "cephalexin"), "negated"));
    json_decref(r);
    r = summary("He was given Norco early on but is no longer taking it because of constipation. "
                "Imitrex 50 mg, which he had been using up to four days a week, was stopped at the "
                "visit. He took Ultram for years and was converted to Butrans in 2015.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "sumatriptan"), "discontinued"), "past a relative clause");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'was converted to'");
    cr_expect(!flag(must(r, "buprenorphine"), "discontinued"));
    json_decref(r);
    r = summary("A trial of Cymbalta was not tolerated due to nausea. She reports GI intolerance "
                "to naproxen. He takes Norco daily.");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"), "'was not tolerated'");
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'intolerance to'");
    json_decref(r);
    r = summary("Neurontin had been tried earlier but was discontinued owing to dizziness. She "
                "noted that Mobic upset her stomach and that she had stopped it. He takes Norco.");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'but was discontinued'");
    cr_expect(flag(must(r, "meloxicam"), "discontinued"), "'she had stopped it'");
    json_decref(r);
    r = summary("Elavil was tried at bedtime for a few months but left her groggy in the mornings, "
                "and her psychiatrist replaced it with Zoloft 50mg daily. Norco helps him, but "
                "Soma made him drowsy, and he stopped it.");
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"), "'but ..., and ... replaced it'");
    cr_expect(!flag(must(r, "sertraline"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"),
              "the 'it' may be the drug named inside the cue");
    json_decref(r);
    r = summary("He was treated with OxyContin from 2011 until it was tapered off in March 2015. "
                "He takes Norco.");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"), "'until it was tapered off'");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
    r = summary("She had a cortisone injection of the knee. He takes Oxycodone 10mg, 1 tablet "
                "every 8 hours as needed for breakthrough pain, #90. He uses Peridex oral rinse.");
    cr_expect_null(mention(r, "cortisone", 0), "a cortisone injection is a steroid injection");
    cr_expect_not_null(mention(r, "chlorhexidine", 0), "Peridex");
    cr_expect_eq(num(must(r, "oxycodone"), "quantity"), 90);
    json_decref(r);
}

/* Stops told of several drugs at once, of a course that ended, of a switch from a long-acting
 * drug, and a stop that belongs to other drugs than the one before it. */
Test(medications, stops_of_lists_courses_and_switches)
{
    json_t *r = summary("She was switched to methadone in 2015 after OxyContin and Opana ER were "
                        "each stopped for lack of benefit. Percocet was used for two weeks after "
                        "surgery and then stopped. He takes Norco and then stopped ibuprofen.");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"), "'were each stopped'");
    cr_expect(flag(must(r, "oxymorphone"), "discontinued"));
    cr_expect(!flag(must(r, "methadone"), "discontinued"), "the stop is OxyContin's and Opana's");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"), "'and then stopped.'");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"),
              "'and then stopped ibuprofen' stops another drug");
    json_decref(r);
    r = summary("He declined further opioids after finishing a short course of Tramadol in March "
                "2016. He was transitioned from long-acting morphine to Butrans in 2014.");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "a finished course");
    cr_expect(flag(must(r, "morphine"), "discontinued"), "'from long-acting morphine'");
    cr_expect(!flag(must(r, "buprenorphine"), "discontinued"));
    json_decref(r);
}

/* Drugs said never tried, told around a list of them; stops told in the next clause; a switch
 * "from" a drug; a stopped drug named in the rationale is still the patient's. */
Test(medications, untried_lists_and_stops_told_after_the_clause)
{
    json_t *r = letter(meds_only,
                       "She also tried trazodone for sleep, but it left her groggy and was "
                       "stopped. He used Duragesic patches from 2011 to 2014; they were stopped "
                       "because of skin reactions. She takes Lyrica 75 mg twice a day.",
                       "Lidoderm 5% patch #30",
                       "The records do not show that amitriptyline, duloxetine or gabapentin was "
                       "ever tried. There is no record that metoclopramide was tried. This worker "
                       "was moved from hydrocodone to the patch. There is no documentation that "
                       "Lyrica has improved function.");
    cr_expect(flag(must(r, "trazodone"), "discontinued"));
    cr_expect(flag(must(r, "fentanyl"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "negated"));
    cr_expect(flag(must(r, "duloxetine"), "negated"));
    cr_expect(flag(must(r, "gabapentin"), "negated"));
    cr_expect(flag(must(r, "metoclopramide"), "negated"));
    json_t *h = must(r, "hydrocodone");
    cr_expect(flag(h, "discontinued"));
    cr_expect_str_eq(str(h, "context"), "history",
                     "stopped: the patient's, though told in reasoning");
    json_t *lyrica = mention(r, "pregabalin", 1);
    cr_assert_not_null(lyrica);
    cr_expect(!flag(lyrica, "negated"), "no documentation that it helped is no denial");
    json_decref(r);
}

/* Stops told as a list entry's note, a change "but this was changed to", a course finished, a
 * stop "since stopping"; denials after "no documented"; "the latter of which" stops only the
 * later drug. */
Test(medications, stops_in_list_notes_changes_and_finished_courses)
{
    json_t *r = summary("Current medications:\n- Celebrex 200 mg daily\n- Ibuprofen 800 mg prn "
                        "(not taking)\nHe was taking Motrin 800mg until 2015 but this was changed "
                        "to Mobic. She has done well on Butrans since stopping Norco in 2015. He "
                        "had been prescribed oxycodone after surgery but finished it in November. "
                        "After surgery she was prescribed Keflex and Percocet, the latter of which "
                        "she stopped after ten days.");
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"), "the note closes another entry");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'(not taking)'");
    json_t *motrin = mention(r, "ibuprofen", 1);
    cr_assert_not_null(motrin);
    cr_expect(flag(motrin, "discontinued"), "'until 2015 but this was changed to'");
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"));
    cr_expect(!flag(must(r, "buprenorphine"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'since stopping'");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"), "'but finished it'");
    cr_expect(!flag(must(r, "cephalexin"), "discontinued"), "'the latter of which' is Percocet");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    json_decref(r);
    r = summary("He has no documented ulcer history, dyspepsia, or use of prednisone or warfarin. "
                "There is no documented trial of acetaminophen. She completed her short "
                "postoperative course of tramadol in May. He takes naproxen, and has no history "
                "of ulcers.");
    cr_expect(flag(must(r, "prednisone"), "negated"), "'no ..., or use of'");
    cr_expect(flag(must(r, "warfarin"), "negated"));
    cr_expect(flag(must(r, "acetaminophen"), "negated"), "'no documented trial of'");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'short postoperative course of'");
    cr_expect(!flag(must(r, "naproxen"), "negated"));
    json_decref(r);
    r = summary("He tried morphine sulfate ER in the past, which caused itching. She took Lyrica "
                "and Cymbalta years ago. He has used Norco in the past six months. Zoloft was "
                "not helpful; Remeron 30mg was then tried and was stopped because of weight "
                "gain.");
    cr_expect(flag(must(r, "morphine"), "discontinued"), "'tried ... in the past'");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"), "'took A and B years ago'");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"),
              "'in the past six months' is no stop");
    cr_expect(flag(must(r, "mirtazapine"), "discontinued"), "'was then tried and was stopped'");
    json_decref(r);
    r = summary("Her medications are Flexeril 7.5mg at night; she tried Robaxin early on without "
                "benefit. He tried Ultram without benefit and continues it.");
    cr_expect(flag(must(r, "methocarbamol"), "discontinued"), "'early on without benefit'");
    cr_expect(!flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(!flag(must(r, "tramadol"), "discontinued"), "the clause goes on");
    json_decref(r);
    r = summary("Treatments have included Tylenol, and Motrin, which was discontinued after two "
                "weeks. Naproxen and Mobic, which were stopped, did not help. He had not been "
                "tried on Trazodone.");
    cr_expect(!flag(must(r, "acetaminophen"), "discontinued"), "'which was' is Motrin's");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'which were' is the list's");
    cr_expect(flag(must(r, "meloxicam"), "discontinued"));
    cr_expect(flag(must(r, "trazodone"), "negated"), "'had not been tried on'");
    json_decref(r);
    r = summary("She was given Motrin 800mg and Tylenol with Codeine #3 for pain at night, which "
                "she stopped after one week. He took Soma and Valium, both of which he stopped.");
    cr_expect(!flag(must(r, "ibuprofen"), "discontinued"), "the relative clause is Tylenol's");
    cr_expect(flag(must(r, "acetaminophen/codeine"), "discontinued"));
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"), "'both of which' is the list's");
    cr_expect(flag(must(r, "diazepam"), "discontinued"));
    json_decref(r);
    r = summary("The physician noted that she had not tolerated tramadol in the past because of "
                "constipation.");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'had not tolerated'");
    json_decref(r);
    r = summary("He gave up naproxen in the spring. He was taking Celebrex 200mg daily until his "
                "physician swapped it for meloxicam 7.5mg. Norco had been prescribed after an "
                "earlier procedure, but he has not needed it since January 2016. Zolpidem was "
                "tried for sleep, but she found it left her unsteady and it was not renewed. "
                "Ibuprofen was prescribed; she took it for ten days and then set it aside. Soma "
                "was phased out in 2016 in favor of Zanaflex. After surgery he was given "
                "Percocet, which he declined to continue after the first week. Tramadol was "
                "retired from her regimen. Methadone was not continued due to sedation. "
                "Duloxetine was proposed, but she preferred not to take an antidepressant. The "
                "provider wrote for Fioricet, but she elected not to fill it.");
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'gave up'");
    cr_expect(flag(must(r, "celecoxib"), "discontinued"), "'until ... swapped it for'");
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'has not needed it'");
    cr_expect(flag(must(r, "zolpidem"), "discontinued"), "'and it was not renewed'");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'; ... then set it aside'");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"), "'phased out'");
    cr_expect(!flag(must(r, "tizanidine"), "discontinued"));
    json_t *percocet = must(r, "oxycodone/acetaminophen");
    cr_expect(flag(percocet, "discontinued") && !flag(percocet, "negated"),
              "'declined to continue' is a stop, not a refusal");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'retired'");
    cr_expect(flag(must(r, "methadone"), "discontinued"), "'was not continued'");
    cr_expect(flag(must(r, "duloxetine"), "negated"), "'preferred not to take'");
    cr_expect(flag(must(r, "butalbital/acetaminophen/caffeine"), "negated"), "'not to fill it'");
    json_decref(r);
    r = summary("Cyclobenzaprine has not been part of her regimen since early 2016. He has gone "
                "without Norco since the spring. Her prior Elavil was taken off the medication "
                "list. Soma fell out of his regimen two years ago and has not been prescribed "
                "since. She was given Naprosyn but took only three doses before abandoning it. A "
                "trial of meloxicam was discussed at her visit and not pursued. Ultram was let go "
                "after one month. He was never given Flexeril.");
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"), "'not been part of her regimen'");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'gone without'");
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"), "'taken off the medication list'");
    json_t *soma = must(r, "carisoprodol");
    cr_expect(flag(soma, "discontinued") && !flag(soma, "negated"), "'fell out of his regimen'");
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'before abandoning it'");
    cr_expect(flag(must(r, "meloxicam"), "negated"), "'discussed and not pursued'");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'let go'");
    cr_expect(flag(mention(r, "cyclobenzaprine", 1), "negated"), "'was never given'");
    json_decref(r);
    r = summary("He refused a trial of Butrans patches that was offered in 2016. She declined "
                "Cymbalta when it was offered. Tramadol had been recommended by the surgeon "
                "after the arthroscopy, but she never started it. Short-acting opioids such as "
                "oxycodone with acetaminophen are an option.");
    cr_expect(flag(must(r, "buprenorphine"), "negated"), "'refused a trial of'");
    cr_expect(flag(must(r, "duloxetine"), "negated"), "'declined Cymbalta'");
    cr_expect(flag(must(r, "tramadol"), "negated"),
              "its own 'had been recommended' breaks nothing");
    must(r, "oxycodone/acetaminophen");
    cr_expect_null(mention(r, "acetaminophen", 0),
                   "'oxycodone with acetaminophen' is the combination");
    json_decref(r);
    r = summary("Past medications have included Vicodin ES, Soma and Valium, all discontinued "
                "in 2012. She took Darvocet until it was withdrawn from the market in 2010 and "
                "Vioxx from 2001 to 2004. He has taken Celebrex from 2012 to 2016 and continues "
                "it. Options such as a tricyclic antidepressant like nortriptyline or an SNRI like "
                "duloxetine have not been tried. The melatonin-receptor agonist ramelteon is an "
                "option.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "', all discontinued'");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(flag(must(r, "diazepam"), "discontinued"));
    cr_expect(flag(must(r, "propoxyphene/acetaminophen"), "discontinued"), "withdrawn");
    cr_expect(flag(must(r, "rofecoxib"), "discontinued"), "'from 2001 to 2004'");
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"), "the period goes on");
    cr_expect(flag(must(r, "nortriptyline"), "negated"), "a list through class words");
    cr_expect(flag(must(r, "duloxetine"), "negated"));
    must(r, "ramelteon");
    cr_expect_null(mention(r, "melatonin", 0), "a melatonin receptor is no melatonin");
    json_decref(r);
    r = summary("The provider offered a trial of Cymbalta, which she declined. He used Tylenol "
                "with Codeine #3 after the injury and has not taken it since early 2016. Percocet "
                "was swapped for tramadol ER in May. Lidoderm patches were trialed for a month "
                "and abandoned. The physician had tried Neurontin for the tinnitus; the "
                "applicant discontinued the same owing to dizziness. He uses Qvar twice a day.");
    cr_expect(flag(must(r, "duloxetine"), "negated"), "'which she declined'");
    cr_expect(flag(must(r, "acetaminophen/codeine"), "discontinued"), "'has not taken it since'");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"), "'was swapped for'");
    cr_expect(!flag(must(r, "tramadol"), "discontinued"));
    cr_expect(flag(must(r, "lidocaine"), "discontinued"), "'trialed ... and abandoned'");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'discontinued the same'");
    cr_expect(!flag(must(r, "beclomethasone"), "discontinued"), "Qvar is beclomethasone");
    json_decref(r);
    r = letter(meds_only, "He takes Norco 10/325 mg twice a day.", "Norco 10/325mg #60",
               "The injured worker has used hydrocodone for more than two years. Guidelines "
               "suggest tramadol as an alternative.");
    cr_expect_str_eq(str(must(r, "hydrocodone"), "context"), "history",
                     "'has used' in reasoning is the patient's own use");
    cr_expect_str_eq(str(must(r, "tramadol"), "context"), "rationale");
    json_decref(r);
}

/* "Fioricet (butalbital, acetaminophen and caffeine)": the ingredients explain the product. */
/* Medication histories told as a year of progress notes (the twentieth blind round): stops
 * after another verb of the drug's ("was started in August and stopped"), past an aside
 * (", started after surgery,"), "X replaced Y", a later clause after a semicolon, "changed
 * over to"; never taken: "did not fill it", "has not yet been started", "denies ever having
 * used", a class named before the drug, "; the PTP has not prescribed it". */
Test(medications, stops_and_never_taken_drugs_in_medication_histories)
{
    json_t *r = summary("Celexa 20mg was started in August 2015 and stopped after six weeks "
                        "because of nausea. Percocet 10/325mg, started after surgery, was "
                        "replaced by Norco 10/325mg. Lunesta 3mg nightly replaced Ambien 10mg "
                        "in May. Gabapentin 300 mg was tried from 8-2016 to 11-2016; it did not "
                        "help and was stopped. Zoloft 50 mg daily, started by her psychiatrist, "
                        "was changed over to Wellbutrin XL 150 mg daily. She takes Celebrex; "
                        "meloxicam caused stomach upset and was stopped. After surgery she was "
                        "given Nucynta 50 mg, which she weaned herself off by 9/2015.");
    cr_expect(flag(must(r, "citalopram"), "discontinued"), "'was started ... and stopped'");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"), "past the aside");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'replaced by' X");
    cr_expect(flag(must(r, "zolpidem"), "discontinued"), "'X replaced Y'");
    cr_expect(!flag(must(r, "eszopiclone"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'; it did not help and was stopped'");
    cr_expect(flag(must(r, "sertraline"), "discontinued"), "'changed over to'");
    cr_expect(!flag(must(r, "bupropion"), "discontinued"));
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"));
    cr_expect(flag(must(r, "meloxicam"), "discontinued"), "the first drug of its clause");
    cr_expect(flag(must(r, "tapentadol"), "discontinued"), "'which she weaned herself off'");
    json_decref(r);
    r = summary("Zanaflex 4 mg was prescribed on 10-5-2017, but she did not fill it. She denies "
                "ever having used Ambien. The neurologist recommended a trial of Relpax, but it "
                "has not yet been started. He has not tried an inhaled corticosteroid such as "
                "fluticasone. The psychologist recommended trazodone for sleep; the PTP has not "
                "prescribed it. The carrier stopped authorizing Nucynta ER in 9/2015.");
    cr_expect(flag(must(r, "tizanidine"), "negated"), "'but she did not fill it'");
    cr_expect(flag(must(r, "zolpidem"), "negated"), "'denies ever having used'");
    cr_expect(flag(must(r, "eletriptan"), "negated"), "'but it has not yet been started'");
    cr_expect(flag(must(r, "fluticasone"), "negated"), "a class named before the drug");
    cr_expect(flag(must(r, "trazodone"), "negated"), "'; the PTP has not prescribed it'");
    cr_expect(flag(must(r, "tapentadol"), "discontinued"), "'stopped authorizing'");
    json_decref(r);
    r = summary("His history includes Lyrica, which was stopped because of weight gain, and "
                "Elavil, which caused morning grogginess and was stopped after one month. She "
                "was given Xanax in the emergency department and used it for two weeks, then "
                "stopped it.");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"), "'which caused ... and was stopped'");
    cr_expect(flag(must(r, "alprazolam"), "discontinued"), "', then stopped it'");
    json_decref(r);
    r = summary("Ibuprofen caused stomach upset and was replaced on 1-30-2018 by naproxen 500 mg.");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'was replaced on <date> by'");
    cr_expect(!flag(must(r, "naproxen"), "discontinued"));
    json_decref(r);
    /* medication lists with their entries' notes (the twenty-first blind round) */
    r = summary("Current medications include Norco 10/325 mg. Prior medications: ibuprofen "
                "(stopped in 2014 for gastric upset), Flexeril (no benefit) and tramadol "
                "(stopped in 2015 because of dizziness). Medications tried and failed include "
                "gabapentin, Lyrica and amitriptyline. Allergies: amoxicillin (hives) and codeine "
                "(vomiting). Psychotropic history: Cymbalta, stopped after one month in 2014 "
                "because of nausea. He took over-the-counter Excedrin Migraine several times a "
                "week, which he gave up in November 2016.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'Prior medications:'");
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"), "past an entry's note");
    cr_expect(flag(must(r, "tramadol"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'tried and failed include'");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"));
    cr_expect(flag(must(r, "codeine"), "negated"), "an allergy past an entry's note");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"), "', stopped after one month'");
    cr_expect(flag(must(r, "acetaminophen/aspirin/caffeine"), "discontinued"),
              "'which he gave up'");
    json_decref(r);
    r = summary("She tried Celebrex, which her internist stopped because of reflux.");
    cr_expect(flag(must(r, "celecoxib"), "discontinued"), "'which her internist stopped'");
    json_decref(r);
    /* "#3" names the product: not its count */
    r = summary("She takes Tylenol with Codeine #3 at bedtime.");
    json_t *t3 = must(r, "acetaminophen/codeine");
    cr_expect(json_is_null(json_object_get(t3, "quantity")), "#3 is no quantity");
    json_decref(r);
}

Test(medications, a_combinations_ingredients_in_parentheses_are_the_combination)
{
    json_t *r = summary("For headaches she used Fioricet (butalbital, acetaminophen and caffeine) "
                        "twice a week. She also takes acetaminophen 500 mg daily.");
    size_t i;
    json_t *m;
    int combination = 0, alone = 0;
    json_array_foreach(json_object_get(r, "medications"), i, m)
    {
        const char *g = str(m, "generic");
        combination += strcmp(g, "butalbital/acetaminophen/caffeine") == 0;
        alone += strcmp(g, "acetaminophen") == 0 || strcmp(g, "butalbital") == 0 ||
                 strcmp(g, "caffeine") == 0;
    }
    cr_expect_eq(combination, 4, "the product and its three ingredients");
    cr_expect_eq(alone, 1, "acetaminophen taken on its own, after the parentheses");
    json_decref(r);
}

Test(medications, low_molecular_weight_heparin_is_a_class)
{
    json_t *r = summary("Options include low molecular weight heparin such as enoxaparin. After "
                        "the fusion he received heparin 5000 units.");
    must(r, "enoxaparin");
    json_t *h = must(r, "heparin");
    cr_expect_str_eq(str(h, "strength"), "5000 units");
    cr_expect_null(mention(r, "heparin", 1), "the class is no mention of heparin");
    json_decref(r);
}

Test(medications, allergies_and_side_effects)
{
    json_t *r = summary("He is allergic to codeine. Allergies: Penicillin. He denies any side "
                        "effects from Norco.");
    cr_expect(flag(must(r, "codeine"), "negated"));
    cr_expect(flag(must(r, "penicillin"), "negated"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
}

Test(medications, negation_scope)
{
    json_t *r = summary("Utilization review denied the request for Norco. He has taken OxyContin "
                        "since 2013, when Percocet was stopped, and Soma 350 mg since the injury. "
                        "The plan included discontinuation of tramadol and starting Tylenol #3.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    cr_expect(!flag(must(r, "oxycodone"), "discontinued"));
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(flag(must(r, "tramadol"), "discontinued"));
    cr_expect(!flag(must(r, "acetaminophen/codeine"), "discontinued"));
    json_decref(r);
}

Test(medications, hyphenated_and_wrapped_names)
{
    json_t *r = summary("Medications were Cyclo- benzaprine 10 mg, Gaba-pentin and Hydrocodone/\n"
                        "Acetaminophen 5/325 mg and Terocin\npatches.");
    cr_expect_str_eq(str(must(r, "cyclobenzaprine"), "strength"), "10 mg");
    must(r, "gabapentin");
    cr_expect_str_eq(str(must(r, "hydrocodone/acetaminophen"), "strength"), "5/325 mg");
    must(r, "lidocaine/menthol");
    json_decref(r);
}

Test(medications, morphine_equivalents_are_no_morphine)
{
    json_t *r = letter(meds_only, "He takes MS Contin 30 mg twice daily.", "Physical therapy",
                       "Doses above 120 mg morphine equivalent dose a day, or 90 morphine "
                       "milligram equivalents, need review. Morphine-equivalent dosing is high.");
    json_t *m = must(r, "morphine");
    cr_expect_str_eq(str(m, "section"), "summary");
    cr_expect_null(mention(r, "morphine", 1), "equivalents are no mention of morphine");
    json_decref(r);
}

Test(medications, context_and_spans)
{
    const char *sum = "He takes Naproxen. The request for authorization is for Norco 10/325mg "
                      "#60.";
    json_t *r = letter(with_items, sum, "Norco 10/325mg #60",
                       "Gabapentin is first line per guidelines. Norco is not supported.");
    json_t *n = must(r, "naproxen");
    cr_expect_str_eq(str(n, "context"), "history");
    cr_expect_str_eq(str(n, "section"), "summary");
    cr_expect(json_is_null(json_object_get(n, "item")));
    cr_expect_str_eq(str(must(r, "hydrocodone/acetaminophen"), "context"), "requested");
    json_t *g = must(r, "gabapentin");
    cr_expect_str_eq(str(g, "context"), "rationale");
    cr_expect_str_eq(str(g, "section"), "decisions");
    /* The item's own mention points to the item. */
    json_t *in_item = mention(r, "hydrocodone/acetaminophen", 1);
    cr_assert_not_null(in_item);
    cr_expect_eq(num(in_item, "item"), 0);
    /* Spans are offsets of the mention in the file. */
    json_t *sp = json_object_get(g, "span");
    long long b = json_integer_value(json_array_get(sp, 0)),
              e = json_integer_value(json_array_get(sp, 1));
    cr_expect_eq(e - b, 10);
    cr_expect_not_null(t_get(r, "provenance"));
    json_decref(r);
}

Test(medications, decision_lines_without_the_decisions_plugin)
{
    json_t *r = letter(meds_only, "He has neck pain.", "Lidoderm 5% patches #30",
                       "Gabapentin is first line. The request is not medically necessary.");
    cr_expect_str_eq(str(must(r, "lidocaine"), "context"), "requested");
    cr_expect_str_eq(str(must(r, "gabapentin"), "context"), "rationale");
    json_decref(r);
}

Test(medications, item_drug)
{
    json_t *r = letter(with_items, "He takes Norco.", "Norco 10/325mg #120",
                       "The request is not medically necessary.");
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "hydrocodone/acetaminophen");
    cr_expect_str_eq(t_str(r, "items.0.drug.class"), "opioid analgesic");
    cr_expect(json_is_true(t_get(r, "items.0.drug.opioid")));
    cr_expect_str_eq(t_str(r, "items.0.drug.strength"), "10/325 mg");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.drug.quantity")), 120);
    json_decref(r);
}

/* An injection given as a procedure is no pharmaceutical item: it has no drug (the mention
 * stays); a supply to inject, with a count, is one. */
Test(medications, an_injection_procedure_has_no_item_drug)
{
    json_t *r = letter(with_items, "He had knee pain.", "Synvisc-One injection, left knee",
                       "The request is not medically necessary.");
    cr_expect(json_is_null(t_get(r, "items.0.drug")), "a procedure");
    cr_expect_not_null(mention(r, "hylan g-f 20", 0), "the mention stays");
    json_decref(r);
    r = letter(with_items, "She had a knee replacement.", "Lovenox 40mg injection #14",
               "The request is not medically necessary.");
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "enoxaparin", "a supply");
    json_decref(r);
}

/* A count before the drug ("60 tablets of Ultram 50mg"); a remaining portion that names no drug
 * is the original request's drug, with the portion's count. */
Test(medications, item_counts_before_the_name_and_remaining_portions)
{
    json_t *r =
        letter(with_items, "He takes Ultram.", "Prospective request for 60 tablets of Ultram 50mg",
               "The request is not medically necessary.");
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "tramadol");
    cr_expect_str_eq(t_str(r, "items.0.drug.strength"), "50 mg");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.drug.quantity")), 60);
    json_decref(r);
    r = letter(with_items, "She takes Percocet.",
               "Percocet 5/325mg #56 was the original request. Percocet 5/325mg #28 was authorized "
               "by the Claims Administrator. The remaining IMR eligible portion of the original "
               "request, 28 tablets is",
               "The request is not medically necessary.");
    cr_expect(json_is_true(t_get(r, "items.0.partial")));
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "oxycodone/acetaminophen");
    cr_expect_str_eq(t_str(r, "items.0.drug.strength"), "5/325 mg");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.drug.quantity")), 28, "the portion's count");
    json_decref(r);
}

Test(medications, item_compound_cream)
{
    json_t *r = letter(with_items, "He uses a cream.",
                       "Flurbiprofen 20%/Cyclobenzaprine 4%/Lidocaine 5% cream 180gm",
                       "Compounded creams are not recommended.");
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "flurbiprofen/cyclobenzaprine/lidocaine");
    cr_expect_str_eq(t_str(r, "items.0.drug.strength"), "20 %/4 %/5 %");
    cr_expect_str_eq(t_str(r, "items.0.drug.class"), "compounded topical");
    cr_expect(json_is_null(t_get(r, "items.0.drug.quantity")));
    json_decref(r);
}

/* An item that opens as a compounded product is a drug item, though it says where it goes
 * with an "and" before its first drug (which elsewhere marks another treatment: "Twelve
 * acupuncture visits with Capsaicin patch"). */
Test(medications, item_compound_told_with_its_sites_first)
{
    json_t *r = letter(with_items, "He uses a cream.",
                       "Compounded topical cream to the neck and right shoulder three times a "
                       "day: Flurbiprofen 20%, Baclofen 2%, Lidocaine 5%, 180 grams",
                       "Compounded creams are not recommended.");
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "flurbiprofen/baclofen/lidocaine");
    cr_expect_str_eq(t_str(r, "items.0.drug.strength"), "20 %/2 %/5 %");
    json_decref(r);
    r = letter(with_items, "He had acupuncture.", "Six acupuncture visits and Capsaicin patch",
               "Acupuncture is an option.");
    cr_expect(json_is_null(t_get(r, "items.0.drug")), "another treatment first: no drug");
    json_decref(r);
}

Test(medications, item_compound_strengths_after_the_names)
{
    json_t *r = letter(with_items, "He uses a cream.",
                       "Flurbiprofen/Baclofen/Lidocaine cream (20%/5%/4%) 180gm #1",
                       "Compounded creams are not recommended.");
    cr_expect_str_eq(t_str(r, "items.0.drug.generic"), "flurbiprofen/baclofen/lidocaine");
    cr_expect_str_eq(t_str(r, "items.0.drug.strength"), "20 %/5 %/4 %");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.drug.quantity")), 1);
    json_decref(r);
}

Test(medications, item_not_a_drug)
{
    json_t *r =
        letter(with_items, "He had acupuncture.",
               "Twelve acupuncture visits with Capsaicin patch, 2 times weekly", "Not necessary.");
    cr_expect(json_is_null(t_get(r, "items.0.drug")));
    json_t *m = must(r, "capsaicin");
    cr_expect_str_eq(str(m, "context"), "requested");
    json_decref(r);
}

Test(medications, seed_letter)
{
    const char *path = IMRX_SOURCE_DIR "/../shared/seeds/seed-letter-2015-physical-therapy.txt";
    struct stat st;
    if (stat(path, &st) != 0) cr_skip_test("the seed letter is not here");
    size_t n;
    char *text = t_slurp(path, &n);
    json_t *r = t_run_with(meds_only, text, n, "seed.txt");
    cr_expect_str_eq(str(must(r, "hydromorphone"), "class"), "opioid analgesic");
    must(r, "metaxalone");
    must(r, "polyethylene glycol");
    json_t *botox = must(r, "onabotulinumtoxina");
    cr_expect_str_eq(str(botox, "dose_form"), "injection");
    cr_expect_str_eq(str(botox, "context"), "history");
    json_decref(r);
    free(text);
}

Test(medications, real_letters_compound_and_kits)
{
    const char *dir = t_real_dir();
    if (!dir) cr_skip_test("no real letters here");
    char path[1024];
    snprintf(path, sizeof path, "%s/CM17-0013625.layout.txt", dir);
    size_t n;
    char *text = t_slurp(path, &n);
    if (!text) cr_skip_test("letter missing");
    json_t *r = t_run_with(with_items, text, n, "CM17-0013625.layout.txt");
    /* Compounding kits map to their one active drug, with a concentration. */
    int kits = 0;
    for (size_t i = 0; i < json_array_size(json_object_get(r, "items")); i++) {
        json_t *d = json_object_get(json_array_get(json_object_get(r, "items"), i), "drug");
        const char *s = json_string_value(json_object_get(d, "strength"));
        kits += s && strstr(s, "mg/ml") != NULL;
    }
    cr_expect_geq(kits, 3);
    json_decref(r);
    free(text);
}

Test(medications, lexicon_is_a_data_file_users_extend)
{
    char tmp[] = "/tmp/imrx-meds-XXXXXX";
    cr_assert_not_null(mkdtemp(tmp));
    cr_assert_eq(
        t_sh(NULL,
             "cp %s/medications.so %s/ && cp -r %s/medications.d %s/ && "
             "printf 'Zorblax\\tzorblaxine\\tother\\t-\\n' > %s/medications.d/local.tsv && "
             "printf 'CLINICAL CASE SUMMARY\\nHe takes Zorblax 5 mg.\\n\\nIMR ISSUES, "
             "DECISIONS AND RATIONALES\\nPhysical therapy: Upheld\\n' > %s/l.txt",
             IMRX_PLUGIN_DIR, tmp, IMRX_PLUGIN_DIR, tmp, tmp, tmp),
        0);
    char *out = NULL;
    t_sh(&out, "%s extract --no-default-plugins --plugin-dir %s %s/l.txt 2>/dev/null", IMRX_BINARY,
         tmp, tmp);
    cr_expect_not_null(strstr(out, "\"generic\":\"zorblaxine\""), "%s", out);
    free(out);
    /* The shipped lexicon covers hundreds of drugs. */
    t_sh(&out, "grep -v '^#' %s/medications.d/drugs.tsv | cut -f2 | sort -u | wc -l",
         IMRX_PLUGIN_DIR);
    cr_expect_geq(atoi(out), 400);
    free(out);
    t_sh(NULL, "rm -rf %s", tmp);
}
