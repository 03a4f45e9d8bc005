/* credentials plugin: states of licensure and specialties, in every layout and rendering. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static imrx_engine_t *engine;

static void setup(void)
{
    engine = t_engine("credentials");
}

static void teardown(void)
{
    t_engine_free(engine);
}

TestSuite(credentials, .init = setup, .fini = teardown);

static json_t *run(const char *text)
{
    return t_run_with(engine, text, strlen(text), "test.txt");
}

/* A minimal layout A letter around a reviewer section. */
static json_t *run_reviewer(const char *reviewer)
{
    char text[4096];
    snprintf(text, sizeof text,
             "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
             "MAXIMUS Federal Services sent the complete case file to an expert reviewer.\n"
             "The Expert Reviewer has the following credentials:\n%s\n\n"
             "CLINICAL CASE SUMMARY\nThe injured worker is a 50 year old male.\n\n"
             "IMR ISSUES, DECISIONS AND RATIONALES\nMRI of the lumbar spine: Upheld\n",
             reviewer);
    return run(text);
}

/* Checks that the array at `path` holds exactly the NULL-terminated `want`. */
static void expect_list(json_t *rec, const char *path, const char *const *want)
{
    json_t *arr = t_get(rec, path);
    cr_assert(json_is_array(arr), "%s is an array", path);
    size_t n = 0;
    while (want[n]) n++;
    cr_expect_eq(json_array_size(arr), n, "%s has %zu values, not %zu", path, n,
                 json_array_size(arr));
    for (size_t i = 0; i < n && i < json_array_size(arr); i++)
        cr_expect_str_eq(json_string_value(json_array_get(arr, i)), want[i], "%s[%zu]", path, i);
}

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

static int has_warning(json_t *rec, const char *needle)
{
    json_t *w;
    size_t i;
    json_array_foreach(json_object_get(rec, "warnings"), i, w)
    {
        const char *m = json_string_value(json_object_get(w, "message"));
        if (m && strstr(m, needle)) return 1;
    }
    return 0;
}

Test(credentials, comma_without_space_gives_codes_in_letter_order)
{
    json_t *r = run_reviewer("State(s) of Licensure: California,North Carolina\n"
                             "Certification(s)/Specialty: Family Practice");
    expect_list(r, "reviewer.licensure", LIST("CA", "NC"));
    expect_list(r, "reviewer.specialties", LIST("Family Practice"));
    expect_list(r, "reviewer.specialties_canonical", LIST("Family Medicine"));
    json_decref(r);
}

Test(credentials, codes_names_and_the_word_and)
{
    json_t *r = run_reviewer("State(s) of Licensure: TX, NV and Oregon\n"
                             "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("TX", "NV", "OR"));
    json_decref(r);
    r = run_reviewer("State(s) of Licensure: Florida and California\n"
                     "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("FL", "CA"));
    json_decref(r);
}

Test(credentials, wrapped_lines_and_wrapped_names)
{
    json_t *r = run_reviewer("State(s) of Licensure: Texas, Ohio, North\nCarolina\n"
                             "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("TX", "OH", "NC"));
    json_decref(r);
    r = run_reviewer("State(s) of Licensure: New Jersey,\nPennsylvania, California\n"
                     "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("NJ", "PA", "CA"));
    json_decref(r);
}

Test(credentials, district_of_columbia_and_no_duplicates)
{
    json_t *r = run_reviewer("State(s) of Licensure: District of Columbia, California, "
                             "Washington, D.C., California\n"
                             "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("DC", "CA"));
    json_decref(r);
    r = run_reviewer("State(s) of Licensure: Washington, Oregon\n"
                     "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("WA", "OR"));
    json_decref(r);
    /* "Washington, DC" without periods; the Government Publishing Office's abbreviations */
    r = run_reviewer("State(s) of Licensure: California and Washington, DC\n"
                     "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("CA", "DC"));
    json_decref(r);
    r = run_reviewer("State(s) of Licensure: Calif., Ore., N.Y., W.Va.\n"
                     "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("CA", "OR", "NY", "WV"));
    json_decref(r);
}

Test(credentials, an_inverted_specialty_is_one)
{
    json_t *r = run_reviewer("State(s) of Licensure: California\n"
                             "Certification(s)/Specialty: Psychologist, Clinical");
    expect_list(r, "reviewer.specialties", LIST("Psychologist, Clinical"));
    json_decref(r);
    /* two the table knows stay two */
    r = run_reviewer("State(s) of Licensure: California\n"
                     "Certification(s)/Specialty: Occupational Medicine, Preventive Medicine");
    expect_list(r, "reviewer.specialties", LIST("Occupational Medicine", "Preventive Medicine"));
    json_decref(r);
}

Test(credentials, misspelt_state_is_read_and_unknown_one_warned_about)
{
    json_t *r = run_reviewer("State(s) of Licensure: Califronia, Atlantis, Texas\n"
                             "Certification(s)/Specialty: Internal Medicine");
    expect_list(r, "reviewer.licensure", LIST("CA", "TX"));
    cr_expect(has_warning(r, "Atlantis"));
    json_decref(r);
}

Test(credentials, wrapped_specialty_with_ampersand_stays_whole)
{
    json_t *r = run_reviewer("State(s) of Licensure: California\n"
                             "Certification(s)/Specialty: Preventive Medicine, Occupational "
                             "Medicine, Public Health &\nGeneral Preventive Medicine");
    expect_list(r, "reviewer.specialties",
                LIST("Preventive Medicine", "Occupational Medicine",
                     "Public Health & General Preventive Medicine"));
    expect_list(r, "reviewer.specialties_canonical",
                LIST("Preventive Medicine", "Occupational Medicine",
                     "Public Health and General Preventive Medicine"));
    json_decref(r);
    /* one specialty of two words the table knows each ("Surgery" alone is one too) */
    r = run_reviewer("State(s) of Licensure: California, Oregon\n"
                     "Certification(s)/Specialty: Podiatric Medicine & Surgery");
    expect_list(r, "reviewer.specialties", LIST("Podiatric Medicine & Surgery"));
    json_decref(r);
}

Test(credentials, specialty_wrapped_without_a_sign_is_joined)
{
    json_t *r = run_reviewer("State(s) of Licensure: California, Texas, Florida\n"
                             "Certification(s)/Specialty: Physical Medicine & Rehabilitation, "
                             "Pain Medicine, Spinal Cord Injury\nMedicine");
    expect_list(
        r, "reviewer.specialties",
        LIST("Physical Medicine & Rehabilitation", "Pain Medicine", "Spinal Cord Injury Medicine"));
    json_decref(r);
}

Test(credentials, spellings_share_a_canonical_name_and_typos_are_kept)
{
    json_t *r = run_reviewer("State(s) of Licensure: California\n"
                             "Certification(s)/Specialty: Orthopaedic Surgery, Orthopedic "
                             "Surgery, Sports Medicinea, Pain Management");
    expect_list(
        r, "reviewer.specialties",
        LIST("Orthopaedic Surgery", "Orthopedic Surgery", "Sports Medicinea", "Pain Management"));
    expect_list(
        r, "reviewer.specialties_canonical",
        LIST("Orthopaedic Surgery", "Orthopaedic Surgery", "Sports Medicine", "Pain Medicine"));
    json_decref(r);
}

Test(credentials, board_certified_words_and_joined_specialties_in_a_label)
{
    json_t *r = run_reviewer("Licensure: California, Nevada\n"
                             "Certification(s)/Specialty: Board Certified in Family Practice, "
                             "Preventive Medicine and Occupational Medicine, "
                             "Anesthesiology/Pain Medicine, Physical Medicine & Rehabilitation");
    expect_list(r, "reviewer.licensure", LIST("CA", "NV"));
    expect_list(r, "reviewer.specialties_canonical",
                LIST("Family Medicine", "Preventive Medicine", "Occupational Medicine",
                     "Anesthesiology", "Pain Medicine", "Physical Medicine and Rehabilitation"));
    json_decref(r);
    r = run_reviewer("State(s) of Licensure: California\n"
                     "Certification(s)/Specialty: Internal Medicine (Board Certified)");
    expect_list(r, "reviewer.specialties_canonical", LIST("Internal Medicine"));
    json_decref(r);
}

/* A board's own name joins two specialties the table knows: it is one certification. */
Test(credentials, a_boards_name_with_an_ampersand_is_one_specialty)
{
    json_t *r = run_reviewer("State(s) of Licensure: Ohio, Pennsylvania, California\n"
                             "Certification(s)/Specialty: Psychiatry & Neurology, Neurology, Brain "
                             "Injury Medicine");
    expect_list(r, "reviewer.specialties",
                LIST("Psychiatry & Neurology", "Neurology", "Brain Injury Medicine"));
    json_decref(r);
}

Test(credentials, unknown_specialty_is_kept_as_written_with_a_warning)
{
    json_t *r = run_reviewer("State(s) of Licensure: California\n"
                             "Certification(s)/Specialty: Internal Medicine, Zoological Studies");
    expect_list(r, "reviewer.specialties_canonical",
                LIST("Internal Medicine", "Zoological Studies"));
    cr_expect(has_warning(r, "not in the table"));
    json_decref(r);
}

Test(credentials, labels_first_then_values)
{
    json_t *r = run_reviewer("State(s) of Licensure:\nCertification(s)/Specialty:\n"
                             "Nevada, Arizona\nAnesthesiology, Pain Medicine");
    expect_list(r, "reviewer.licensure", LIST("NV", "AZ"));
    expect_list(r, "reviewer.specialties", LIST("Anesthesiology", "Pain Medicine"));
    json_decref(r);
}

/* A label wrapped around its value by the conversion: the value beside the label's first half,
 * the second half alone below it (H174). */
Test(credentials, labels_wrapped_around_their_values)
{
    json_t *r = run_reviewer("State(s) of Licensure: Illinois, Wisconsin, California\n"
                             "Certification(s)/       Plastic Surgery, Surgery of the Hand\n"
                             "Specialty:");
    expect_list(r, "reviewer.licensure", LIST("IL", "WI", "CA"));
    expect_list(r, "reviewer.specialties", LIST("Plastic Surgery", "Surgery of the Hand"));
    json_decref(r);
    /* (H173) "Specialty of the expert reviewer:", and a subspecialty told in the value */
    r = run_reviewer("State(s) of Licensure: California\n"
                     "Specialty of the expert reviewer: Neurology, with a subspecialty in Clinical "
                     "Neurophysiology.");
    expect_list(r, "reviewer.specialties", LIST("Neurology", "Clinical Neurophysiology"));
    json_decref(r);
    /* a name broken after a word that cannot end it */
    r = run_reviewer("State(s) of Licensure: Washington, California\n"
                     "Certification(s)/Specialty: Plastic Surgery, Plastic Surgery within the\n"
                     "Head and Neck");
    expect_list(r, "reviewer.specialties",
                LIST("Plastic Surgery", "Plastic Surgery within the Head and Neck"));
    json_decref(r);
    r = run_reviewer("State(s) of            Oregon, California\n"
                     "Licensure:\n"
                     "Certification(s)/Specialty: Neurology");
    expect_list(r, "reviewer.licensure", LIST("OR", "CA"));
    expect_list(r, "reviewer.specialties", LIST("Neurology"));
    json_decref(r);
}

Test(credentials, layout_b_prose_with_a_subspecialty)
{
    json_t *r = run("MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n\n"
                    "Final Determination: UPHOLD.\n\n"
                    "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
                    "MAXIMUS Federal Services sent the complete case file to a physician "
                    "reviewer. The physician reviewer is Board Certified in Physical Medicine "
                    "and Rehabilitation, has a subspecialty in Pain\nMedicine and is licensed to "
                    "practice in California and Texas.\n\n"
                    "CLINICAL CASE SUMMARY\nThe patient is a 52-year-old female.\n\n"
                    "IMR DECISION(S) AND RATIONALE(S)\n"
                    "1. Ibuprofen is not medically necessary and appropriate.\n");
    cr_assert_str_eq(t_str(r, "layout"), "B");
    expect_list(r, "reviewer.licensure", LIST("CA", "TX"));
    expect_list(r, "reviewer.specialties",
                LIST("Physical Medicine and Rehabilitation", "Pain Medicine"));
    expect_list(r, "reviewer.specialties_canonical",
                LIST("Physical Medicine and Rehabilitation", "Pain Medicine"));
    json_decref(r);
}

/* A minimal layout D letter around its qualifications paragraph. */
static json_t *run_layout_d(const char *qualifications)
{
    char text[4096];
    snprintf(text, sizeof text,
             "MAXIMUS FEDERAL SERVICES, INC.\n"
             "Notice of Independent Medical Review Determination\nDated: 9/26/2013\n\n"
             "1) MAXIMUS Federal Services, Inc. has determined the request for Norco is not "
             "medically necessary and appropriate.\n\n"
             "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n"
             "The application for Independent Medical Review was received on 8/12/2013.\n\n"
             "Medical Qualifications of the Expert Reviewer:\n%s\n\n"
             "Case Summary:\nThe patient is a 49 year old male.\n\n"
             "1) Regarding the request for Norco:\nRationale: none.\n",
             qualifications);
    return run(text);
}

Test(credentials, layout_d_prose_gives_the_same_fields)
{
    json_t *r = run_layout_d("The expert reviewer is Board Certified in Occupational Medicine and "
                             "is licensed to practice in\nCalifornia.");
    cr_assert_str_eq(t_str(r, "layout"), "D");
    expect_list(r, "reviewer.licensure", LIST("CA"));
    expect_list(r, "reviewer.specialties", LIST("Occupational Medicine"));
    json_decref(r);
    r = run_layout_d("The expert reviewer is Board Certified in Psychiatry, has a subspecialty in "
                     "Forensic\nPsychiatry and is licensed to practice in California and Nevada.");
    expect_list(r, "reviewer.specialties", LIST("Psychiatry", "Forensic Psychiatry"));
    expect_list(r, "reviewer.licensure", LIST("CA", "NV"));
    json_decref(r);
}

Test(credentials, prose_splits_and_only_between_known_specialties)
{
    json_t *r = run_layout_d("The expert reviewer is Board Certified in Internal Medicine and "
                             "Pulmonary Disease and is licensed to practice in Nevada.");
    expect_list(r, "reviewer.specialties", LIST("Internal Medicine", "Pulmonary Disease"));
    expect_list(r, "reviewer.licensure", LIST("NV"));
    json_decref(r);
    r = run_layout_d("The expert reviewer is a Licensed Chiropractor and is licensed to practice "
                     "in the State of California.");
    expect_list(r, "reviewer.specialties", LIST("Chiropractor"));
    expect_list(r, "reviewer.specialties_canonical", LIST("Chiropractic Medicine"));
    expect_list(r, "reviewer.licensure", LIST("CA"));
    json_decref(r);
}

/* Reviewer prose as the blind rounds wrote it (H87, H90, H91, H95, H99, H126, H146, H157, H165,
 * H169). */
Test(credentials, reviewer_prose_told_other_ways)
{
    const struct {
        const char *prose;
        const char *const *specialties, *const *states;
    } cases[] = {
        {"The expert reviewer is Board Certified in Clinical Psychology and holds licenses to "
         "practice\nin California and Oregon.",
         LIST("Clinical Psychology"), LIST("CA", "OR")},
        {"The expert reviewer is Board Certified in Internal Medicine and in Occupational "
         "Medicine, and\nis licensed to practice in California, Nevada, and Utah.",
         LIST("Internal Medicine", "Occupational Medicine"), LIST("CA", "NV", "UT")},
        {"The expert reviewer is Board Certified in Emergency Medicine and also holds board "
         "certification\nin Occupational Medicine. The reviewer is licensed to practice in Hawaii "
         "and California.",
         LIST("Emergency Medicine", "Occupational Medicine"), LIST("HI", "CA")},
        {"The physician reviewer holds board certification in Family Medicine and a license to "
         "practice in\nCalifornia.",
         LIST("Family Medicine"), LIST("CA")},
        {"The expert reviewer is Board Certified in Plastic Surgery, holds a Certificate of "
         "Added\nQualification in Surgery of the Hand, and is licensed to practice in California "
         "and Arizona.",
         LIST("Plastic Surgery", "Surgery of the Hand"), LIST("CA", "AZ")},
        {"The expert reviewer is Board Certified in Orthopaedic Surgery, with added\n"
         "qualification in Sports Medicine, and who is licensed in Washington and California.",
         LIST("Orthopaedic Surgery", "Sports Medicine"), LIST("WA", "CA")},
        {"The expert reviewer is board certified in Physical Medicine & Rehabilitation and "
         "Pain\nMedicine and holds active medical licenses in California, Louisiana and "
         "Missouri.",
         LIST("Physical Medicine & Rehabilitation", "Pain Medicine"), LIST("CA", "LA", "MO")},
        /* H177 */
        {"He/she is\nBoard Certified in Internal Medicine and in Occupational Medicine and spends "
         "most of his/her\npractice treating work-related injuries. He/she is licensed in New "
         "York.",
         LIST("Internal Medicine", "Occupational Medicine"), LIST("NY")},
        {"This case was reviewed by a physician who is board certified in Occupational Medicine "
         "and in\nFamily Medicine, holds licenses in California and Washington, and treats injured "
         "workers.",
         LIST("Occupational Medicine", "Family Medicine"), LIST("CA", "WA")},
        {"The reviewer is licensed to practice chiropractic in California and Florida, is Board "
         "Certified\nin Chiropractic Orthopedics, and has been in active clinical practice for "
         "more than ten years.",
         LIST("Chiropractic Orthopedics"), LIST("CA", "FL")},
        {"The physician reviewer is Board Certified in Orthopaedic Surgery, has a practice devoted "
         "to the\nsurgical care of the spine, and is licensed to practice in California and Utah.",
         LIST("Orthopaedic Surgery"), LIST("CA", "UT")},
        {"The physician reviewer is a Diplomate of the American Board of Anesthesiology with "
         "subspecialty\ncertification in Pain Medicine and is licensed to practice in Georgia.",
         LIST("Anesthesiology", "Pain Medicine"), LIST("GA")},
        {"He/she is board certified in Neurology, holds a certification in Headache Medicine, and "
         "has\nbeen in active practice for more than ten years. He/she is licensed in Virginia.",
         LIST("Neurology", "Headache Medicine"), LIST("VA")},
        /* H173 */
        {"The expert reviewer holds a license in Chiropractic, has a subspecialty in Acupuncture, "
         "and is\nlicensed to practice in California and Nevada.",
         LIST("Chiropractic", "Acupuncture"), LIST("CA", "NV")},
        /* H247: prose that ends a specialty */
        {"He/she is Board Certified in Neurological Surgery and completed fellowship training in "
         "complex spine surgery. He/she is licensed in California.",
         LIST("Neurological Surgery"), LIST("CA")},
        {"The reviewer is board certified in Physical Medicine and Rehabilitation and is a "
         "Diplomate of the American Board of Medical Acupuncture, and is licensed in California.",
         LIST("Physical Medicine and Rehabilitation", "Medical Acupuncture"), LIST("CA")},
        /* H240: labels after a sentence on their line */
        {"The expert reviewer is Board Certified in Orthopaedic Surgery and in Sports Medicine. "
         "Licensure: California, Oregon, Washington.",
         LIST("Orthopaedic Surgery", "Sports Medicine"), LIST("CA", "OR", "WA")},
        {"The expert reviewer is Board Certified in Neurology. Licensed in: California, New York. "
         "The expert reviewer is in active practice.",
         LIST("Neurology"), LIST("CA", "NY")},
        /* H220 */
        {"The independent Doctor of Chiropractic who reviewed this case is licensed in "
         "Chiropractic and\nAcupuncture and is licensed to practice in California.",
         LIST("Chiropractic", "Acupuncture"), LIST("CA")},
        /* H213 */
        {"The expert reviewer is Board Certified in Anesthesiology, is in active practice, and "
         "holds a\nlicense to practice in California.",
         LIST("Anesthesiology"), LIST("CA")},
        /* H189 */
        {"The expert reviewer is a licensed chiropractor, certified in Chiropractic Sports "
         "Medicine, who is\nlicensed to practice in California.",
         LIST("chiropractor", "Chiropractic Sports Medicine"), LIST("CA")},
        /* H126 */
        {"The reviewer, a physician licensed in Massachusetts and California, is Board Certified "
         "in\nPsychiatry and also holds subspecialty certification in Psychosomatic Medicine.",
         LIST("Psychiatry", "Psychosomatic Medicine"), LIST("MA", "CA")},
        {"The expert reviewer is Board Certified in Preventive Medicine, with a specialty in "
         "Occupational\nMedicine, and holds active licenses in Utah and California.",
         LIST("Preventive Medicine", "Occupational Medicine"), LIST("UT", "CA")},
        {"Board Certified in Neurology and in Clinical Neurophysiology, the expert reviewer is "
         "licensed\nto practice in Maryland, Virginia and California.",
         LIST("Neurology", "Clinical Neurophysiology"), LIST("MD", "VA", "CA")},
        {"The expert reviewer is a physiatrist, Board Certified in Physical Medicine & "
         "Rehabilitation, who\nis licensed to practice in Texas and California.",
         LIST("Physical Medicine & Rehabilitation"), LIST("TX", "CA")},
        /* H146 */
        {"The expert reviewer is Board Certified in Psychiatry, holds an added qualification "
         "in\nPsychosomatic Medicine, and is licensed to practice in California, Illinois and "
         "Ohio.",
         LIST("Psychiatry", "Psychosomatic Medicine"), LIST("CA", "IL", "OH")},
        {"The expert reviewer is a Doctor of Chiropractic, holds certification as a Chiropractic "
         "Sports\nPhysician, and is licensed to practice in California and Oregon.",
         LIST("Doctor of Chiropractic", "Chiropractic Sports Physician"), LIST("CA", "OR")},
        /* H169 */
        {"The reviewer is Board Certified in Physical Medicine and Rehabilitation and in Pain\n"
         "Medicine and has treated patients with chronic spinal pain for more than fifteen years. "
         "The reviewer is licensed in California.",
         LIST("Physical Medicine and Rehabilitation", "Pain Medicine"), LIST("CA")},
        {"The reviewer is Board Certified in Psychiatry, with added qualification in Psychosomatic "
         "Medicine,\nand sees patients with work-related injuries. The reviewer is licensed to "
         "practice in Colorado and in California.",
         LIST("Psychiatry", "Psychosomatic Medicine"), LIST("CO", "CA")},
        /* H173 */
        {"The expert reviewer is Board Certified in Physical Medicine and Rehabilitation, is "
         "Board\n"
         "Certified in Pain Medicine, and is licensed to practice in California, Texas and "
         "Illinois.",
         LIST("Physical Medicine and Rehabilitation", "Pain Medicine"), LIST("CA", "TX", "IL")},
        /* H165 */
        {"The expert reviewer holds board certification in Psychiatry and a subspecialty\n"
         "certification in Addiction Psychiatry. He/she is licensed to practice in Washington and\n"
         "California.",
         LIST("Psychiatry", "Addiction Psychiatry"), LIST("WA", "CA")},
        /* H157 */
        {"The expert reviewer is a licensed Chiropractor and Acupuncturist and is licensed to "
         "practice in\nCalifornia and Nevada.",
         LIST("Chiropractor", "Acupuncturist"), LIST("CA", "NV")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = run_layout_d(cases[i].prose);
        cr_log_info("%s", cases[i].prose);
        expect_list(r, "reviewer.specialties", cases[i].specialties);
        expect_list(r, "reviewer.licensure", cases[i].states);
        json_decref(r);
    }
}

Test(credentials, every_value_carries_its_span)
{
    const char *text = "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
                       "State(s) of Licensure: Texas,New\nYork\n"
                       "Certification(s)/Specialty: Public Health &\n"
                       "General Preventive Medicine\n\n"
                       "CLINICAL CASE SUMMARY\nThe injured worker is a 50 year old male.\n\n"
                       "IMR ISSUES, DECISIONS AND RATIONALES\nMRI of the lumbar spine: Upheld\n";
    json_t *r = run(text);
    static const struct {
        const char *key, *covers;
    } want[] = {
        {"reviewer.licensure[0]", "Texas"},
        {"reviewer.licensure[1]", "New\nYork"},
        {"reviewer.specialties[0]", "Public Health &\nGeneral Preventive Medicine"},
        {"reviewer.specialties_canonical[0]", "Public Health &\nGeneral Preventive Medicine"},
    };
    json_t *prov = json_object_get(r, "provenance");
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        json_t *p = json_object_get(prov, want[i].key);
        cr_assert(json_is_array(p), "%s has a provenance", want[i].key);
        cr_expect_str_eq(json_string_value(json_array_get(p, 0)), "credentials");
        size_t b = (size_t)json_integer_value(json_array_get(p, 1));
        size_t e = (size_t)json_integer_value(json_array_get(p, 2));
        cr_assert(e > b && e <= strlen(text));
        cr_expect(strlen(want[i].covers) == e - b && memcmp(text + b, want[i].covers, e - b) == 0,
                  "%s spans '%.*s'", want[i].key, (int)(e - b), text + b);
    }
    json_decref(r);
}

/* Sets of strings compared as the scorer does: same members, any case. */
static int same_set(json_t *a, json_t *b)
{
    if (json_array_size(a) != json_array_size(b)) return 0;
    for (size_t i = 0; i < json_array_size(a); i++) {
        int found = 0;
        for (size_t k = 0; k < json_array_size(b) && !found; k++)
            found = strcasecmp(json_string_value(json_array_get(a, i)),
                               json_string_value(json_array_get(b, k))) == 0;
        if (!found) return 0;
    }
    return 1;
}

/* Runs the letters of `dir` whose names end in one of `suffixes` against their gold file (named
 * after the letter without the suffix); returns letters checked, *wrong those that differ. */
static int check_folder(const char *dir, const char *gold_dir, const char *const *suffixes,
                        int *wrong)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d, "%s", dir);
    int n = 0;
    *wrong = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name), k = 0;
        while (suffixes[k] && (len <= strlen(suffixes[k]) ||
                               strcmp(e->d_name + len - strlen(suffixes[k]), suffixes[k]) != 0))
            k++;
        if (!suffixes[k]) continue;
        char path[1024], gold_path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(gold_path, sizeof gold_path, "%s/%.*s.json", gold_dir,
                 (int)(len - strlen(suffixes[k])), e->d_name);
        json_t *gold = json_load_file(gold_path, 0, NULL);
        if (!gold) continue;
        size_t bytes;
        char *text = t_slurp(path, &bytes);
        cr_assert_not_null(text, "%s", path);
        json_t *r = t_run_with(engine, text, bytes, e->d_name);
        free(text);
        int ok = same_set(t_get(gold, "reviewer.licensure"), t_get(r, "reviewer.licensure")) &&
                 same_set(t_get(gold, "reviewer.specialties"), t_get(r, "reviewer.specialties")) &&
                 json_array_size(t_get(r, "reviewer.specialties")) ==
                     json_array_size(t_get(r, "reviewer.specialties_canonical"));
        if (!ok) {
            (*wrong)++;
            fprintf(stderr, "%s: reviewer differs from gold\n", e->d_name);
        }
        n++;
        json_decref(r);
        json_decref(gold);
    }
    closedir(d);
    return n;
}

Test(credentials, project_letters_of_every_layout_match_gold)
{
    int wrong;
    int n = check_folder(IMRX_SOURCE_DIR "/corpus/letters", IMRX_SOURCE_DIR "/corpus/gold",
                         LIST(".txt"), &wrong);
    cr_expect_geq(n, 40);
    cr_expect_eq(wrong, 0, "%d of %d letters differ from gold", wrong, n);
}

Test(credentials, real_letters_match_gold)
{
    const char *dir = t_real_dir();
    if (!dir) {
        T_SKIP("../shared/real-letters/dev not found: skipping");
    }
    int wrong;
    int n = check_folder(dir, IMRX_SOURCE_DIR "/corpus/gold-real", LIST(".layout.txt", ".raw.txt"),
                         &wrong);
    cr_expect_geq(n, 100);
    cr_expect_leq(wrong * 100, n, "%d of %d letters differ from gold", wrong, n);
}

Test(credentials, specialty_table_is_a_data_file_users_extend)
{
    char tmp[] = "/tmp/imrx-cred-XXXXXX";
    cr_assert_not_null(mkdtemp(tmp));
    cr_assert_eq(t_sh(NULL,
                      "cp %s/credentials.so %s/ && cp -r %s/credentials.d %s/ && "
                      "printf 'Zoological Studies\\tVeterinary Medicine\\n' >> "
                      "%s/credentials.d/specialties.tsv && "
                      "printf 'HOW THE IMR FINAL DETERMINATION WAS MADE\\nState(s) of Licensure: "
                      "Ohio\\nCertification(s)/Specialty: Zoological Studies\\n\\nCLINICAL CASE "
                      "SUMMARY\\nA 40 year old male.\\n\\nIMR ISSUES, DECISIONS AND "
                      "RATIONALES\\nMRI: Upheld\\n' > %s/l.txt",
                      IMRX_PLUGIN_DIR, tmp, IMRX_PLUGIN_DIR, tmp, tmp, tmp),
                 0);
    char *out = NULL;
    t_sh(&out, "%s extract --no-default-plugins --plugin-dir %s %s/l.txt 2>/dev/null", IMRX_BINARY,
         tmp, tmp);
    cr_assert_not_null(out);
    cr_expect_not_null(strstr(out, "\"Veterinary Medicine\""), "%s", out);
    free(out);
    t_sh(NULL, "rm -rf %s", tmp);
}
