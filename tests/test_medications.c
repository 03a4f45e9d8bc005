/* The medications plugin: lexicon matching (brand, generic, misspelling, combination, compound,
 * hyphenated and wrapped names), attributes (strength, quantity, frequency, refills), context,
 * the item link, the seed letter, and users' lexicon additions. Stops and never-taken drugs:
 * test_medication_stops.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "meds_letter.h"

TestSuite(medications, .init = setup, .fini = teardown, .timeout = 60);

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

/* In the summary, a drug only planned or considered, a metabolite a drug screen found, and a
 * drug named in the reason UR gave are named, not taken: context "rationale". */
Test(medications, planned_metabolite_and_reported_reason)
{
    static const struct {
        const char *text, *generic, *context;
    } cases[] = {
        {"The provider plans to move her to a Butrans patch if the taper stalls.", "buprenorphine",
         "rationale"},
        {"Lexapro is listed in the plan as the next option.", "escitalopram", "rationale"},
        {"The physician would consider a trial of Lyrica if the gabapentin fails.", "pregabalin",
         "rationale"},
        {"The physician would consider a trial of Lyrica if the gabapentin fails.", "gabapentin",
         "history"},
        {"The plan is to start Cymbalta 30 mg daily.", "duloxetine", "rationale"},
        {"He plans to switch him from Norco to Nucynta next month.", "hydrocodone/acetaminophen",
         "history"},
        {"He plans to switch him from Norco to Nucynta next month.", "tapentadol", "rationale"},
        {"Topamax is being considered for headache prophylaxis.", "topiramate", "rationale"},
        {"The plan was to begin a slow taper of Klonopin and continue Seroquel.", "clonazepam",
         "history"},
        {"The plan was to begin a slow taper of Klonopin and continue Seroquel.", "quetiapine",
         "history"},
        {"A urine drug screen was positive for oxycodone and its metabolite oxymorphone.",
         "oxycodone", "history"},
        {"A urine drug screen was positive for oxycodone and its metabolite oxymorphone.",
         "oxymorphone", "rationale"},
        {"The screen showed hydromorphone (a metabolite of hydrocodone).", "hydrocodone",
         "history"},
        {"Utilization review non-certified the request for Suboxone, stating that buprenorphine "
         "is not first-line for pain.",
         "buprenorphine", "rationale"},
        {"Utilization review modified the request, noting that the patient has been taking Norco "
         "for years.",
         "hydrocodone/acetaminophen", "requested"},
        {"He has been stable on buprenorphine with naloxone for ten months.",
         "buprenorphine/naloxone", "history"},
        /* the drug a request would replace is the worker's, not requested */
        {"The pain specialist requested nortriptyline 25 mg at bedtime in place of the "
         "amitriptyline.",
         "amitriptyline", "history"},
        {"The pain specialist requested nortriptyline 25 mg at bedtime in place of the "
         "amitriptyline.",
         "nortriptyline", "requested"},
        {"The surgeon requested Nucynta 50mg #60 to replace Norco.", "hydrocodone/acetaminophen",
         "history"},
        /* (H182) misuse, not a request for treatment */
        {"His use escalated to oxycodone 30 mg five times a day, with early refill requests.",
         "oxycodone", "history"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = summary(cases[i].text);
        cr_expect_str_eq(str(must(r, cases[i].generic), "context"), cases[i].context, "%s: %s",
                         cases[i].text, cases[i].generic);
        json_decref(r);
    }
}

/* A dose in a volume ("6mg/0.5mL"), containers that are no quantity ("3 tubes"), salts in the
 * name ("Esomeprazole magnesium DR"). */
Test(medications, volumes_containers_and_salts)
{
    json_t *r = summary("Medications: Sumatriptan succinate injection 6mg/0.5mL #4, Lovenox "
                        "40mg/0.4 mL, Voltaren 1% gel 100gm, 3 tubes, and Esomeprazole magnesium "
                        "DR 40mg daily.");
    cr_expect_str_eq(str(must(r, "sumatriptan"), "strength"), "6 mg/0.5 ml");
    cr_expect_str_eq(str(must(r, "enoxaparin"), "strength"), "40 mg/0.4 ml");
    json_t *r5 = summary("Medications: oxycodone oral solution 5mg/5mL, 10 mL every 6 hours.");
    cr_expect_str_eq(str(must(r5, "oxycodone"), "strength"), "5 mg/5 ml");
    json_decref(r5);
    /* a trademark sign between the name and its strength (H137) */
    r5 = summary("Medications: Lyrica\u00ae 75mg twice daily and Celebrex\u2122 200 mg daily.");
    cr_expect_str_eq(str(must(r5, "pregabalin"), "strength"), "75 mg");
    cr_expect_str_eq(str(must(r5, "celecoxib"), "strength"), "200 mg");
    json_decref(r5);
    /* a diet is no drug: "has cut his caffeine intake" */
    r5 = summary("He walks daily and has cut his caffeine intake to one cup. He takes Norco.");
    cr_expect_null(mention(r5, "caffeine", 0));
    json_decref(r5);
    cr_expect_eq(num(must(r, "diclofenac"), "quantity"), -1, "containers are no quantity");
    cr_expect_str_eq(str(must(r, "esomeprazole"), "mention"), "Esomeprazole magnesium DR");
    cr_expect_str_eq(str(must(r, "esomeprazole"), "strength"), "40 mg");
    json_decref(r);
}

/* A strength written without its unit is not guessed, but what follows it is read. */
Test(medications, a_bare_number_after_the_name)
{
    json_t *r = summary("Current medications are Norflex 100 #60, Tramadol ER 150 daily and "
                        "naproxen 550 twice daily.");
    json_t *o = must(r, "orphenadrine");
    cr_expect_eq(num(o, "quantity"), 60);
    cr_expect_null(str(o, "strength"), "no unit: no strength");
    cr_expect_str_eq(str(must(r, "tramadol"), "frequency"), "daily");
    cr_expect_str_eq(str(must(r, "naproxen"), "frequency"), "twice daily");
    json_decref(r);
    r = summary("He was prescribed Norco 3 years ago.");
    cr_expect_null(str(must(r, "hydrocodone/acetaminophen"), "frequency"));
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
    /* counts labelled or doubled in words: "number 90", "dispense 60", "sixty (60)" */
    r = summary("Medications: tizanidine 4 mg, number 90; Lyrica 75 mg capsules, 1 twice daily, "
                "dispense 60; cyclobenzaprine 7.5 mg tablets, sixty (60).");
    cr_expect_eq(num(must(r, "tizanidine"), "quantity"), 90);
    cr_expect_eq(num(must(r, "pregabalin"), "quantity"), 60);
    cr_expect_eq(num(must(r, "cyclobenzaprine"), "quantity"), 60);
    json_decref(r);
    /* a prescription's "sig:" (H190) */
    r = summary("Requested: Gabapentin 300mg caps, sig: 1 cap tid, disp: 90, RF x1.");
    cr_expect_eq(num(must(r, "gabapentin"), "quantity"), 90);
    cr_expect_eq(num(must(r, "gabapentin"), "refills"), 1);
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
    /* (H217) morphine as the unit of a conversion or a threshold is nobody's drug */
    r = letter(meds_only, "She takes Norco 10/325 mg four times a day.", "Duragesic 25 mcg/hr",
               "The patch is for patients who have taken at least 60 mg of oral morphine a day. "
               "Her four tablets of Norco a day amount to about 40 mg of oral morphine.");
    for (int i = 0; i < 2; i++) {
        m = mention(r, "morphine", i);
        cr_assert_not_null(m);
        cr_expect_str_eq(str(m, "context"), "rationale");
    }
    json_decref(r);
    /* (H232) what a drug becomes in the body */
    r = letter(meds_only, "He takes Soma and Norco.", "Soma 350 mg #90",
               "Carisoprodol is metabolized to meprobamate, and it is abused with opioids, a "
               "combination he is taking.");
    cr_expect_str_eq(str(must(r, "meprobamate"), "context"), "rationale");
    json_decref(r);
    /* (H222) an example a modal suggests, in a sentence that tells the patient's own use */
    r = letter(meds_only, "She takes Ativan and sertraline.", "Ativan 1mg #60",
               "This worker has used Ativan for more than a year, her SSRI is already in place, "
               "and a non-benzodiazepine anxiolytic such as buspirone could be considered.");
    cr_expect_str_eq(str(must(r, "buspirone"), "context"), "rationale");
    json_decref(r);
    r = letter(meds_only, "He takes 30 mg of morphine twice a day.", "Physical therapy",
               "Not medically necessary.");
    cr_expect_str_eq(str(must(r, "morphine"), "context"), "history", "a dose he takes");
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

/* A guideline's condition is no use of the patient's: "only the Lidoderm patch is supported,
 * once a first-line agent (...) has been tried". */
Test(medications, a_guideline_condition_is_no_use)
{
    json_t *r = letter(with_items, "He has low back pain. He takes Norco.", "Terocin patches #30",
                       "Terocin patches contain lidocaine and menthol. Of the topical lidocaine "
                       "products, only the Lidoderm patch is supported, and only for neuropathic "
                       "pain once a first-line agent (an antidepressant or gabapentin) has been "
                       "tried. The patient has been taking Norco daily.");
    json_t *lidoderm = mention(r, "lidocaine", 2);
    cr_assert_not_null(lidoderm);
    cr_expect_str_eq(str(lidoderm, "context"), "rationale");
    cr_expect_str_eq(str(mention(r, "hydrocodone/acetaminophen", 1), "context"), "history");
    json_decref(r);
}

/* A short name the letter also writes in full is the full product only where it names a
 * family ("insulin", then "insulin glargine"); "gabapentin" beside its prodrug "gabapentin
 * enacarbil" is gabapentin (H154). */
Test(medications, a_short_name_refined_only_within_a_family)
{
    json_t *r =
        letter(with_items, "He takes gabapentin 600 mg three times a day.", "Gralise 600mg #90",
               "ODG notes that the prodrug Horizant (gabapentin enacarbil) is approved only "
               "for postherpetic neuralgia. He has taken gabapentin for years.");
    cr_expect_not_null(mention(r, "gabapentin", 0));
    cr_expect_not_null(mention(r, "gabapentin enacarbil", 0));
    json_decref(r);
    r = letter(with_items, "She uses insulin glargine at night and insulin with meals.",
               "Gralise 600mg #90", "The request is not supported.");
    cr_expect_null(mention(r, "insulin", 0), "the family name takes the member's generic");
    json_decref(r);
}

/* In reasoning, a hedge after the patient's use and the drug tells how the use went; one before
 * the drug makes it no use. */
Test(medications, a_hedge_after_the_use_is_its_outcome)
{
    json_t *r = letter(with_items, "He has headaches.", "Fioricet #60",
                       "She has used hydrocodone for more than four years with no return to "
                       "work. The injured worker has taken Fioricet daily for a month, and the "
                       "records do not show a trial of acetaminophen or ibuprofen alone.");
    cr_expect_str_eq(str(must(r, "hydrocodone"), "context"), "history");
    cr_expect_str_eq(str(must(r, "acetaminophen"), "context"), "rationale");
    cr_expect_str_eq(str(must(r, "ibuprofen"), "context"), "rationale");
    json_decref(r);
    r = letter(with_items, "He has headaches.", "Fioricet #60",
               "There is no record that he has been taking gabapentin.");
    cr_expect_str_eq(str(must(r, "gabapentin"), "context"), "rationale");
    json_decref(r);
    /* a passive use is the patient's when it lasted; a guideline's general use is not */
    r = letter(with_items, "He has insomnia.", "Trazodone 50mg #30",
               "Sedating antidepressants such as amitriptyline have been used for insomnia, but "
               "the evidence is limited. Ambien has been taken nightly since 2015.");
    cr_expect_str_eq(str(must(r, "amitriptyline"), "context"), "rationale");
    cr_expect_str_eq(str(must(r, "zolpidem"), "context"), "history");
    json_decref(r);
}

/* In reasoning, a present use names the drugs after it: "She continues to use Lidoderm
 * patches", "His current regimen includes Norco"; not one before it. */
Test(medications, a_present_use_names_the_drugs_after_it)
{
    json_t *r = letter(with_items, "He has pain.", "Physical therapy x 6",
                       "She continues to use Lidoderm patches. The injured worker currently takes "
                       "meloxicam. His current regimen includes Norco and Soma.");
    cr_expect_str_eq(str(must(r, "lidocaine"), "context"), "history");
    cr_expect_str_eq(str(must(r, "meloxicam"), "context"), "history");
    cr_expect_str_eq(str(must(r, "hydrocodone/acetaminophen"), "context"), "history");
    cr_expect_str_eq(str(must(r, "carisoprodol"), "context"), "history");
    json_decref(r);
    r = letter(with_items, "He has pain.", "Physical therapy x 6",
               "Options such as acetaminophen or the ibuprofen he already takes have not been "
               "exhausted. She already takes sertraline; hydroxyzine is among the options. SSRIs "
               "are first line, like the sertraline this worker already takes, and buspirone may "
               "be added.");
    cr_expect_str_eq(str(must(r, "acetaminophen"), "context"), "rationale");
    cr_expect_str_eq(str(must(r, "hydroxyzine"), "context"), "rationale");
    cr_expect_str_eq(str(must(r, "buspirone"), "context"), "rationale");
    cr_expect_str_eq(str(must(r, "sertraline"), "context"), "history");
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

/* A long item's count after words the attribute reader stops at. */
Test(medications, a_count_late_in_a_long_item)
{
    static const struct {
        const char *item;
        int quantity;
    } cases[] = {
        {"Gabapentin 600 mg tablets, 1 tablet by mouth three times a day for neuropathic leg "
         "pain, #90 (ninety)",
         90},
        {"Omeprazole delayed-release 20 mg capsules, take one capsule by mouth twice daily before "
         "breakfast and dinner for gastric protection, quantity 60",
         60},
        {"Trazodone 50 mg, 1-2 tabs PO at bedtime PRN insomnia, sixty (60) tablets", 60},
        {"Sertraline (Zoloft) 100 mg tablets, take one and one-half tablets (150 mg) by mouth "
         "every morning, #45 with two refills",
         45},
        {"Lidoderm (lidocaine patch 5%), apply 1 patch to the low back 12 hours on and 12 hours "
         "off, 30 patches per month with 3 refills",
         30},
        /* (a count of tubes is one after "#"; "3 tubes" alone counts containers, no quantity, as
         * the blind letters' gold has it: volumes_containers_and_salts) */
        {"Voltaren gel 1%, 100gm tubes #3", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = letter(with_items, "He has pain.", cases[i].item,
                           "The request is not medically necessary.");
        cr_expect_eq(json_integer_value(t_get(r, "items.0.drug.quantity")), cases[i].quantity, "%s",
                     cases[i].item);
        json_decref(r);
    }
    /* a dose is no count */
    json_t *r = letter(with_items, "He has pain.",
                       "Trazodone 50 mg, at bedtime for insomnia and 2 tablets twice daily",
                       "The request is not medically necessary.");
    cr_expect(json_is_null(t_get(r, "items.0.drug.quantity")));
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

/* A count in words after "quantity", and drugs of the eyes, mouth and skin (H158, H159). */
Test(medications, item_drug_counts_in_words_and_other_specialties)
{
    json_t *r = letter(with_items, "She uses Lidoderm.",
                       "Lidoderm 5% patches, quantity thirty, with "
                       "three refills",
                       "The request is not medically necessary.");
    cr_expect_eq(json_integer_value(t_get(r, "items.0.drug.quantity")), 30);
    json_decref(r);
    static const struct {
        const char *item, *generic;
    } drugs[] = {{"Restasis 0.05% ophthalmic emulsion #60", "cyclosporine"},
                 {"Elidel 1% cream 60 grams", "pimecrolimus"},
                 {"Salagen 5mg #90", "pilocarpine"},
                 {"Tobradex ophthalmic suspension", "tobramycin/dexamethasone"}};
    for (size_t i = 0; i < sizeof drugs / sizeof drugs[0]; i++) {
        r = letter(with_items, "She has dry eyes.", drugs[i].item,
                   "The request is not medically necessary.");
        cr_expect_str_eq(t_str(r, "items.0.drug.generic"), drugs[i].generic, "%s", drugs[i].item);
        json_decref(r);
    }
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
