/* The treatments plugin: categories from the rule table, quantities, body parts, laterality,
 * and treatments to date. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* A layout A letter whose only item is `item`, with `summary` as its case summary. */
static json_t *run_item(const char *item, const char *summary)
{
    char text[8192];
    snprintf(text, sizeof text,
             "HOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n"
             "CLINICAL CASE SUMMARY\n%s\n"
             "IMR ISSUES, DECISIONS AND RATIONALES\n"
             "The Final Determination was based on decisions for the disputed items/services set "
             "forth below:\n%s: Upheld\n"
             "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
             "Treatment 2016.\n"
             "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
             "Decision rationale: Not medically necessary.\n",
             summary ? summary : "The injured worker is a 40 year old female.", item);
    return t_run_text(text);
}

static void expect_category(const char *item, const char *category, const char *sub)
{
    json_t *r = run_item(item, NULL);
    cr_expect_str_eq(t_str(r, "items.0.category"), category, "%s", item);
    if (sub) cr_expect_str_eq(t_str(r, "items.0.subcategory"), sub, "%s", item);
    json_decref(r);
}

Test(treatments, categories_from_the_rule_table)
{
    expect_category("MRI of the right shoulder without contrast", "diagnostic_testing", "MRI");
    expect_category("EMG/NCV of the bilateral upper extremities", "diagnostic_testing", "EMG/NCV");
    expect_category("Urine drug screen", "diagnostic_testing", "urine drug screen");
    expect_category("Functional capacity evaluation", "diagnostic_testing", NULL);
    expect_category("Lumbar epidural steroid injection at L4-L5", "injections",
                    "epidural steroid injection");
    expect_category("TENS unit, 30 day rental", "dmepos", "TENS unit");
    expect_category("Hemoglobin A1c", "diagnostic_testing", "laboratory");
    expect_category("Lumbar discogram at L3-S1", "diagnostic_testing", "discography");
    expect_category("Prolotherapy", "injections", NULL);
    expect_category("Toradol 60mg intramuscular injection", "injections",
                    "intramuscular injection");
    expect_category("Psychological clearance for spinal cord stimulator",
                    "behavioral_mental_health", "psychological evaluation");
    expect_category("Left shoulder subacromial decompression", "surgery", "shoulder surgery");
    expect_category("Trigger finger release, right long finger", "surgery",
                    "tendon or nerve release");
    expect_category("Carpal tunnel release, left", "surgery", "carpal tunnel release");
    expect_category("Home exercise program instruction", "physical_therapy", NULL);
    expect_category("Ice pack", "dmepos", "cold/heat therapy unit");
    expect_category("Knee sleeve", "dmepos", "brace or orthosis");
    expect_category("Compression glove for the right hand", "dmepos", "brace or orthosis");
    expect_category("Continuous passive motion device for the left shoulder, home use for 30 days",
                    "dmepos", "home equipment");
    expect_category("CPM machine, 21 day rental", "dmepos", "home equipment");
    /* image guidance alone is the injection's; a physiatrist's consultation is a visit */
    expect_category("ultrasound guidance", "injections", "image guidance");
    expect_category("Follow-up consultation with the orthopedic surgeon to discuss manipulation "
                    "under anesthesia",
                    "evaluation_management", "consultation");
    expect_category("Conductive garment glove for the right hand", "dmepos", "supplies");
    /* (H234: monitoring during the operation is no EMG study) */
    expect_category("Anterior cervical discectomy and fusion at C5-C6 with intraoperative "
                    "neurophysiological monitoring (SSEP/MEP/EMG)",
                    "surgery", "intraoperative monitoring");
    /* (H230: an evaluation for a program is the evaluation) */
    expect_category("Psychological evaluation for functional restoration program",
                    "behavioral_mental_health", "psychological evaluation");
    /* (H221: "prescription" is no drug here) */
    expect_category("Prescription eyeglasses with prism correction", "dmepos", "supplies");
    expect_category("Pre-operative history and physical with basic metabolic panel", "surgery",
                    "pre-operative clearance");
    expect_category("Physical medicine and rehabilitation consultation", "evaluation_management",
                    "consultation");
    expect_category("Referral to a physiatrist", "evaluation_management", "consultation");
    expect_category("Physical therapy, 8 sessions", "physical_therapy", "physical therapy");
    expect_category("Therapeutic ultrasound, 6 sessions", "physical_therapy", "modalities");
    expect_category("Far infrared heat lamp for home use", "dmepos", "cold/heat therapy unit");
    expect_category("Home pulley and resistance band kit", "dmepos", "home equipment");
    expect_category("removal of lumbar hardware, L4-S1", "surgery", "surgery");
    expect_category("Skilled nursing visits", "home_health", NULL);
    expect_category("Uber rides to appointments", "transportation", NULL);
    expect_category("Opioid weaning program", "programs", "detoxification program");
    /* a drug supplied by count to inject oneself is a prescription; a drug injected once in the
     * office is the injection */
    expect_category("Lovenox 40mg injection #14", "pharmaceuticals", NULL);
    expect_category("Kenalog 40 mg injection to the right knee", "injections", NULL);
    expect_category("Outpatient addiction aftercare program, 12 weeks", "programs",
                    "detoxification program");
    expect_category("Intensive outpatient program for opioid dependence", "programs",
                    "detoxification program");
    expect_category("EMDR therapy 6 sessions", "behavioral_mental_health", NULL);
    expect_category("Cardiology clearance", "surgery", "pre-operative clearance");
    expect_category("Holter monitor", "diagnostic_testing", "cardiac testing");
    expect_category("Ganglion cyst aspiration", "injections", NULL);
    expect_category("Cortisone shot right knee", "injections", NULL);
    expect_category("Ulnar nerve transposition", "surgery", NULL);
    /* hyaluronic acid injected is a viscosupplement; in a compounded cream it is a drug */
    expect_category("Hyaluronic acid injection, right knee", "injections", "viscosupplementation");
    expect_category("Amitriptyline 10%/Gabapentin 10%/Bupivacaine 5%/Hyaluronic Acid 0.2% in cream "
                    "base, 240 grams",
                    "pharmaceuticals", NULL);
    expect_category("Functional restoration program, 160 hours", "programs",
                    "functional restoration program");
    expect_category("Twelve sessions for physical therapy", "physical_therapy", NULL);
    expect_category("Chiropractic manipulation, 8 sessions", "chiropractic", NULL);
    expect_category("Cognitive behavioral therapy, 6 sessions", "behavioral_mental_health", NULL);
    expect_category("Psychiatric medication management, monthly for 6 months",
                    "evaluation_management", "psychiatric medication management");
    expect_category("Psychotherapy with a psychiatrist, 6 sessions", "behavioral_mental_health",
                    NULL);
    expect_category("Home health care 4 hours per day, for bathing and dressing", "home_health",
                    NULL);
    expect_category("Round trip transportation to appointments", "transportation", NULL);
    expect_category("Orthopedic spine surgery consultation", "evaluation_management", NULL);
    expect_category("Right knee arthroscopy with partial medial meniscectomy", "surgery", NULL);
    expect_category("Associated surgical service: Assistant surgeon", "surgery",
                    "assistant surgeon");
    expect_category("Associated surgical service: Cold therapy for one week", "dmepos", NULL);
    expect_category("Associated surgical service: Bone growth stimulator", "dmepos",
                    "bone growth stimulator");
    expect_category("Replacement all-ceramic crowns for teeth #8 and #9", "other",
                    "dental treatment");
    expect_category("Psychiatric consultation", "evaluation_management",
                    "psychiatric consultation");
    expect_category("Psychological consultation", "behavioral_mental_health", NULL);
    expect_category("Follow-up visits with psychiatrist, monthly for 6 months",
                    "evaluation_management", "psychiatric consultation");
    expect_category("Inpatient stay 2 days", "surgery", "inpatient stay");
    expect_category("Kinesio tape for the left shoulder", "dmepos", "supplies");
    expect_category("Cognitive rehabilitation therapy 2 times a week for 6 weeks",
                    "behavioral_mental_health", "cognitive rehabilitation");
    expect_category("Methacholine challenge test", "diagnostic_testing", "other testing");
    expect_category("Optical coherence tomography (OCT) of both eyes", "diagnostic_testing",
                    "other testing");
    expect_category("Retrospective TENS unit (DOS Oct 3, 2016)", "dmepos", "TENS unit");
    expect_category("Home nebulizer machine", "dmepos", "home equipment");
    expect_category("Hard occlusal night guard", "dmepos", "brace or orthosis");
    expect_category("Right elbow counterforce strap", "dmepos", "brace or orthosis");
    expect_category("Associated surgical service: Post-op Vicodin supply", "pharmaceuticals", NULL);
    expect_category("Associated surgical service: Miscellaneous", "surgery", NULL);
    expect_category("Norco 10/325mg #120", "pharmaceuticals", NULL);
    expect_category("Twelve acupuncture visits with Capsaicin patch", "acupuncture", NULL);
    expect_category("Something unheard of", "other", NULL);
    /* what an item serves does not decide it: transportation and home health first */
    expect_category("Transportation to and from psychotherapy and psychiatric appointments",
                    "transportation", "transportation");
    expect_category("Multiple sleep latency test", "diagnostic_testing", "sleep study");
    /* an implanted device, its trial included, is surgery; an intrathecal injection is not */
    expect_category("Spinal cord stimulator trial", "surgery", "spinal cord stimulator");
    expect_category("Intrathecal steroid injection", "injections", NULL);
    expect_category("Custom molded extra-depth shoes with rocker-bottom soles, 1 pair", "dmepos",
                    "brace or orthosis");
    /* (H187) */
    expect_category("72-hour ambulatory video EEG monitoring", "diagnostic_testing", "EEG");
    expect_category("Twelve additional sessions of vestibular therapy", "physical_therapy",
                    "vestibular therapy");
    expect_category("Neurofeedback, 10 sessions", "behavioral_mental_health", "biofeedback");
    expect_category("Skilled nursing facility stay for 7 days following surgery", "surgery",
                    "inpatient stay");
    expect_category("Right ring finger trigger finger release (A1 pulley release)", "surgery",
                    "tendon or nerve release");
    expect_category("Post-operative surgical shoe", "dmepos", "brace or orthosis");
}

/* A remaining portion that opens with its count ("6 visits, lumbar spine", "#7 and #10") is
 * what the original request was: aquatic therapy, crowns. */
Test(treatments, a_remaining_portion_that_opens_with_its_count)
{
    static const struct {
        const char *original, *authorized, *portion, *category;
    } cases[] = {
        {"Aquatic therapy, 12 visits, lumbar spine and bilateral knees",
         "Aquatic therapy, 6 visits", "6 visits, lumbar spine and bilateral knees",
         "physical_therapy"},
        {"Porcelain crowns for teeth #7, #8 and #10", "Porcelain crown for tooth #8", "#7 and #10",
         "other"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[4096];
        snprintf(text, sizeof text,
                 "HOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n"
                 "CLINICAL CASE SUMMARY\nThe injured worker is a 40 year old female.\n"
                 "IMR ISSUES, DECISIONS AND RATIONALES\n"
                 "%s was the original request. %s was authorized by the Claims Administrator. "
                 "The remaining IMR eligible portion of the original request, %s is: Upheld\n"
                 "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
                 "Treatment 2016.\nDecision rationale: Not medically necessary.\n",
                 cases[i].original, cases[i].authorized, cases[i].portion);
        json_t *r = t_run_text(text);
        cr_expect_str_eq(t_str(r, "items.0.text"), cases[i].portion);
        cr_expect_str_eq(t_str(r, "items.0.category"), cases[i].category, "%s", cases[i].portion);
        json_decref(r);
    }
}

/* Anaesthesia requested on its own takes the category of the procedure beside it; alone, or
 * beside a drug, it is other. */
Test(treatments, anesthesia_of_the_procedure_beside_it)
{
    json_t *r0;
    static const struct {
        const char *first, *second;
        int which; /* the item holding the anaesthesia */
        const char *category;
    } cases[] = {
        {"Right L4-L5 transforaminal epidural steroid injection", "Monitored anesthesia care", 1,
         "injections"},
        {"Monitored anesthesia care", "Right knee arthroscopy with partial meniscectomy", 0,
         "surgery"},
        {"Norco 10/325mg #60", "IV sedation", 1, "other"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[4096];
        snprintf(text, sizeof text,
                 "HOW THE IMR FINAL DETERMINATION WAS MADE\nA reviewer read the file.\n"
                 "CLINICAL CASE SUMMARY\nThe injured worker is a 40 year old female.\n"
                 "IMR ISSUES, DECISIONS AND RATIONALES\n"
                 "The Final Determination was based on decisions for the disputed items/services "
                 "set forth below:\n%s: Upheld\n"
                 "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
                 "Treatment 2016.\nDecision rationale: Not medically necessary.\n"
                 "%s: Upheld\n"
                 "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
                 "Treatment 2016.\nDecision rationale: Not medically necessary.\n",
                 cases[i].first, cases[i].second);
        json_t *r = t_run_text(text);
        char key[32];
        snprintf(key, sizeof key, "items.%d.category", cases[i].which);
        cr_expect_str_eq(t_str(r, key), cases[i].category, "%s / %s", cases[i].first,
                         cases[i].second);
        snprintf(key, sizeof key, "items.%d.subcategory", cases[i].which);
        cr_expect_str_eq(t_str(r, key), "anesthesia");
        json_decref(r);
    }
    /* diabetic supplies are equipment, though counted and refilled like drugs */
    r0 = run_item("Glucose test strips #100 with 3 refills", NULL);
    cr_expect_str_eq(t_str(r0, "items.0.category"), "dmepos");
    json_decref(r0);
    /* a Botox item told as chemodenervation is the procedure, with no drug item */
    json_t *r = run_item("Botox 155 units, chemodenervation for chronic migraine", NULL);
    cr_expect_str_eq(t_str(r, "items.0.category"), "injections");
    cr_expect(json_is_null(t_get(r, "items.0.drug")));
    json_decref(r);
    /* an implanted pump is surgery, infusions are injections; neither is a drug item (H154) */
    r = run_item("Implantation of intrathecal morphine pump", NULL);
    cr_expect_str_eq(t_str(r, "items.0.category"), "surgery");
    cr_expect(json_is_null(t_get(r, "items.0.drug")));
    json_decref(r);
    r = run_item("Outpatient IV ketamine infusions, 4 over 2 weeks", NULL);
    cr_expect_str_eq(t_str(r, "items.0.category"), "injections");
    cr_expect(json_is_null(t_get(r, "items.0.drug")));
    json_decref(r);
    /* eyes, heart and teeth (H159) */
    static const struct {
        const char *item, *category;
    } others[] = {
        {"Punctal plug insertion, right lower lid", "surgery"},
        {"Moisture chamber goggles", "dmepos"},
        {"24 hour ambulatory blood pressure monitoring", "diagnostic_testing"},
        {"Repeat exercise treadmill test", "diagnostic_testing"},
        {"Office-based vergence/accommodative therapy, 1 visit per week for 12 weeks", "other"},
        {"Porcelain veneers, teeth #7 and #10", "other"},
        {"Paraffin bath for home use", "dmepos"},
        {"Post-injection physical therapy, 6 sessions, lumbar spine", "physical_therapy"}};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        r = run_item(others[i].item, NULL);
        cr_expect_str_eq(t_str(r, "items.0.category"), others[i].category, "%s", others[i].item);
        json_decref(r);
    }
    /* home equipment, though no brace or unit (H145) */
    static const char *const equipment[] = {"Home whirlpool spa", "Medical alert system",
                                            "Hot tub for home use"};
    for (size_t i = 0; i < sizeof equipment / sizeof *equipment; i++) {
        r = run_item(equipment[i], NULL);
        cr_expect_str_eq(t_str(r, "items.0.category"), "dmepos", "%s", equipment[i]);
        json_decref(r);
    }
}

Test(treatments, quantities_body_parts_and_sides)
{
    static const struct {
        const char *item;
        int quantity;
        const char *unit, *part, *side;
    } want[] = {
        {"Twelve sessions for physical therapy", 12, "sessions", NULL, NULL},
        {"Physical therapy 2 times a week for 6 weeks for the lumbar spine", 12, "sessions",
         "lumbar spine", NULL},
        {"Chiropractic treatment 2x4 for the cervical spine", 8, "sessions", "cervical spine",
         NULL},
        {"Spinal manipulation 1 times 8", 8, "sessions", NULL, NULL},
        {"Norco 10/325mg #120", 120, "units", NULL, NULL},
        {"TENS unit, 30 day rental", 30, "days", NULL, NULL},
        {"MRI of the right shoulder without contrast", 0, NULL, "shoulder", "right"},
        {"EMG/NCV of the bilateral lower extremities", 0, NULL, "lower extremity", "bilateral"},
        {"Functional restoration program, 160 hours", 160, "hours", NULL, NULL},
        /* a count of units however the letter writes it */
        {"Norflex 100mg qty 60", 60, "units", NULL, NULL},
        {"Soma 350mg QTY: 45", 45, "units", NULL, NULL},
        {"Tramadol 50mg No. 90", 90, "units", NULL, NULL},
        {"Lidoderm 5% patches (30 patches)", 30, "units", NULL, NULL},
        {"Norco 10/325mg #120 for 30 days", 120, "units", NULL, NULL},
        {"Norflex 100mg x60", 60, "units", NULL, NULL},
        {"Naproxen 550 mg x 30 days", 30, "days", NULL, NULL},
        /* a bare count after "x" or "times": visits for what is given in visits, else units */
        {"Physical therapy x 6 lumbar", 6, "sessions", "lumbar spine", NULL},
        {"Associated surgical service: Physical therapy, times 12", 12, "sessions", NULL, NULL},
        {"Right L5 trigger point injections x4", 4, "sessions", NULL, "right"},
        {"Follow-up visits x 2", 2, "sessions", NULL, NULL},
        {"Wrist braces x 2", 2, "units", "wrist", NULL},
        {"Gym membership x 6 months", 6, "months", NULL, NULL},
        {"X-rays of the lumbar spine x 3 views", 0, NULL, "lumbar spine", NULL},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        json_t *r = run_item(want[i].item, NULL);
        json_t *q = t_get(r, "items.0.quantity");
        if (want[i].quantity) {
            cr_expect_eq(json_integer_value(q), want[i].quantity, "%s", want[i].item);
            cr_expect_str_eq(t_str(r, "items.0.unit"), want[i].unit, "%s", want[i].item);
        } else {
            cr_expect(json_is_null(q), "%s: no quantity", want[i].item);
        }
        const char *part = t_str(r, "items.0.body_part"), *side = t_str(r, "items.0.laterality");
        if (want[i].part)
            cr_expect_str_eq(part, want[i].part, "%s", want[i].item);
        else
            cr_expect_null(part, "%s: no body part", want[i].item);
        if (want[i].side)
            cr_expect_str_eq(side, want[i].side, "%s", want[i].item);
        else
            cr_expect_null(side, "%s: no side", want[i].item);
        json_decref(r);
    }
}

Test(treatments, treatments_to_date)
{
    json_t *r =
        run_item("Physical therapy 6 sessions",
                 "The injured worker is a 40 year old female. Treatment to date has "
                 "included chiropractic care, two lumbar epidural steroid injections, "
                 "medications and right knee arthroscopy in 2014. She completed 18 sessions "
                 "of physical therapy. The request for authorization is for 6 sessions of "
                 "physical therapy.");
    json_t *list = t_get(r, "treatments_to_date");
    cr_assert_eq(json_array_size(list), 5, "%s", json_dumps(list, 0));
    cr_assert_str_eq(t_str(list, "0.kind"), "chiropractic");
    cr_assert_str_eq(t_str(list, "1.kind"), "injections");
    cr_assert_str_eq(t_str(list, "2.kind"), "medications");
    cr_assert_str_eq(t_str(list, "3.kind"), "surgery");
    cr_assert_str_eq(t_str(list, "4.kind"), "physical_therapy");
    cr_assert_eq(json_integer_value(t_get(list, "4.count")), 18, "the request is not history");
    json_decref(r);
}

/* Lists of treatments to date told other ways: "Treatment and evaluation to date"; an element
 * that names a drug is a medication (the medications plugin's mentions); a relative clause or
 * a year cut at its comma continues the element before it; a myofascial release is manual
 * therapy, not surgery. */
Test(treatments, treatments_to_date_elements)
{
    json_t *r = run_item(
        "Physical therapy 6 sessions",
        "The injured worker is a 40 year old female. Treatment and evaluation to date has "
        "included Pamelor, x-rays, two stellate ganglion blocks in July and September, 2016, "
        "each giving about two days of relief, Norco, which he stopped in 9-2016, and a "
        "myofascial release.");
    json_t *list = t_get(r, "treatments_to_date");
    cr_assert_eq(json_array_size(list), 5, "%s", json_dumps(list, 0));
    static const char *const kinds[] = {"medications", "imaging", "injections", "medications",
                                        "physical_therapy"};
    for (size_t i = 0; i < 5; i++) {
        char path[32];
        snprintf(path, sizeof path, "%zu.kind", i);
        cr_expect_str_eq(t_str(list, path), kinds[i], "element %zu: %s", i,
                         json_dumps(json_array_get(list, i), 0));
    }
    cr_expect_str_eq(t_str(list, "2.text"),
                     "two stellate ganglion blocks in July and September, 2016, each giving "
                     "about two days of relief");
    cr_expect_str_eq(t_str(list, "3.text"), "Norco, which he stopped in 9-2016");
    json_decref(r);
}

Test(treatments, the_seed_letter)
{
    if (!t_real_dir()) {
        T_SKIP("../shared not found: skipping the seed letter");
    }
    json_t *r =
        t_run_file(IMRX_SOURCE_DIR "/../shared/seeds/seed-letter-2015-physical-therapy.txt");
    cr_assert_str_eq(t_str(r, "items.0.category"), "physical_therapy");
    cr_assert_eq(json_integer_value(t_get(r, "items.0.quantity")), 12);
    cr_assert_str_eq(t_str(r, "items.0.unit"), "sessions");
    int pt10 = 0, botox = 0;
    size_t i;
    json_t *t;
    json_array_foreach(t_get(r, "treatments_to_date"), i, t)
    {
        if (strcmp(t_str(t, "kind"), "physical_therapy") == 0 &&
            json_integer_value(t_get(t, "count")) >= 10)
            pt10 = 1;
        if (strcmp(t_str(t, "kind"), "injections") == 0 && strstr(t_str(t, "text"), "botox") &&
            strstr(t_str(t, "text"), "March 2015"))
            botox = 1;
    }
    cr_assert(pt10, "at least 10 physical therapy sessions");
    cr_assert(botox, "a Botox injection (March 2015)");
    json_decref(r);
}
