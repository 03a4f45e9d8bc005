/* Words that name a condition. They decide how a list of diagnoses splits: a comma part that
 * names none ("left greater than right", "scalp and neck", "type 2") qualifies the diagnosis
 * before it, and "and" separates two diagnoses only when both sides name one. */
#include <ctype.h>
#include <string.h>

#include "diagnoses.h"

/* Head nouns, their plurals and the abbreviations summaries use (a short list: a linear scan
 * costs less than the lists it reads). */
static const char *const heads[] = {
    "abrasion",
    "abrasions",
    "amputation",
    "anxiety",
    "apnea",
    "arrhythmia",
    "arthritis",
    "asthma",
    "avulsion",
    "bulge",
    "bulges",
    "bulging",
    "burn",
    "burns",
    "caries",
    "claudication",
    "complaints",
    "compression",
    "concussion",
    "constipation",
    "contusion",
    "contusions",
    "copd",
    "crps",
    "cts",
    "cyst",
    "ddd",
    "deconditioning",
    "deformity",
    "degeneration",
    "dependence",
    "depression",
    "derangement",
    "diabetes",
    "disease",
    "diseases",
    "dislocation",
    "disorder",
    "disorders",
    "displacement",
    "disturbance",
    "disturbances",
    "dizziness",
    "djd",
    "dysfunction",
    "dyspepsia",
    "effusion",
    "entrapment",
    "extrusion",
    "failure",
    "fatigue",
    "fibrillation",
    "fracture",
    "fractures",
    "gerd",
    "headache",
    "headaches",
    "hernia",
    "herniated",
    "herniation",
    "hnp",
    "htn",
    "hypertension",
    "hyperthyroidism",
    "hypothyroidism",
    "ideation",
    "impingement",
    "incontinence",
    "infarct",
    "infarction",
    "injuries",
    "injury",
    "insomnia",
    "instability",
    "insufficiency",
    "laceration",
    "lacerations",
    "lesion",
    "lesions",
    "loss",
    "lumbago",
    "mass",
    "mdd",
    "migraine",
    "migraines",
    "nausea",
    "nodule",
    "numbness",
    "obesity",
    "pain",
    "pains",
    "paresthesia",
    "paresthesias",
    "planus",
    "prediabetes",
    "protrusion",
    "ptsd",
    "pulposus",
    "reflux",
    "rsd",
    "rupture",
    "sciatica",
    "sequelae",
    "spasm",
    "spasms",
    "sprain",
    "sprains",
    "spur",
    "spurs",
    "stiffness",
    "strain",
    "strains",
    "stress",
    "subluxation",
    "swelling",
    "syncope",
    "syndrome",
    "tachycardia",
    "tbi",
    "tear",
    "tears",
    "thoughts",
    "tinnitus",
    "trauma",
    "trigger",
    "ulcer",
    "vertigo",
    "weakness",
    "whiplash",
    "xerostomia",
    "wound",
    /* substance use: "type 2 diabetes mellitus and tobacco use" */
    "abuse",
    "addiction",
    "dependency",
    "smoking",
    "use",
};

/* Endings of condition words: inflammation, disease, pain, a removal or a repair. */
static const char *const endings[] = {"itis",    "osis",    "pathy",     "algia", "ectomy",
                                      "otomy",   "plasty",  "oma",       "emia",  "plegia",
                                      "paresis", "trophy",  "listhesis", "desis", "phagia",
                                      "plasia",  "malacia", "spasm",     "spasms"};

/* Conditions that share the site written before them ("cervical sprain and strain"). */
static const char *const shared[] = {
    "arthritis",   "bursitis",  "contusion",   "degeneration", "derangement",   "dislocation",
    "dysfunction", "fracture",  "impingement", "injuries",     "injury",        "instability",
    "laceration",  "numbness",  "pain",        "radiculitis",  "radiculopathy", "spasm",
    "spasms",      "sprain",    "sprains",     "stiffness",    "strain",        "strains",
    "swelling",    "synovitis", "tear",        "tendinitis",   "tendonitis",    "tenosynovitis",
    "weakness",
};

static int in_list(const char *const *list, size_t count, const char *w, size_t n)
{
    for (size_t i = 0; i < count; i++)
        if (list[i][0] == w[0] && strncmp(list[i], w, n) == 0 && list[i][n] == '\0') return 1;
    return 0;
}

size_t dx_joined_at(const char *w, size_t n)
{
    /* Two conditions of at least four letters each: only long words are tried. */
    for (size_t k = 4; n >= 8 && k + 4 <= n; k++)
        if (in_list(shared, sizeof shared / sizeof shared[0], w, k) &&
            in_list(shared, sizeof shared / sizeof shared[0], w + k, n - k))
            return k;
    return 0;
}

size_t dx_restore_hyphens(char *buf, size_t n, size_t cap)
{
    for (size_t i = 0; i < n;) {
        if (!isalpha((unsigned char)buf[i])) {
            i++;
            continue;
        }
        size_t b = i;
        char w[32];
        while (i < n && isalpha((unsigned char)buf[i])) {
            if (i - b < sizeof w) w[i - b] = (char)tolower((unsigned char)buf[i]);
            i++;
        }
        size_t k = i - b <= sizeof w ? dx_joined_at(w, i - b) : 0;
        if (!k || n + 1 > cap) continue;
        memmove(buf + b + k + 1, buf + b + k, n - (b + k));
        buf[b + k] = '-';
        n++, i++;
    }
    return n;
}

static int condition_word(const char *w, size_t n)
{
    if (in_list(heads, sizeof heads / sizeof heads[0], w, n)) return 1;
    if (dx_joined_at(w, n)) return 1;
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t k = strlen(endings[i]);
        if (n >= k + 2 && memcmp(w + n - k, endings[i], k) == 0) return 1;
    }
    return 0;
}

/* Word pairs that "and" joins inside one diagnosis: "open reduction and internal fixation",
 * "muscle and tendon". */
static const char *const joined[][2] = {
    {"reduction", "internal"},
    {"muscle", "tendon"},
    {"fascia", "tendon"},
    {"signs", "symptoms"},
};

/* Ordinals and fingers name one site together: "the second and third left metatarsals", "the
 * index and middle fingers". */
static const char *const paired_sites[] = {
    "first", "second", "third",  "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "index",  "middle", "ring",   "long",  "small", "little",  NULL};

static int paired_site(const char *w)
{
    for (int i = 0; paired_sites[i]; i++)
        if (strcmp(w, paired_sites[i]) == 0) return 1;
    return 0;
}

int dx_joined_pair(const char *left, const char *right)
{
    for (size_t i = 0; i < sizeof joined / sizeof joined[0]; i++)
        if (strcmp(left, joined[i][0]) == 0 && strcmp(right, joined[i][1]) == 0) return 1;
    return paired_site(left) && paired_site(right);
}

int dx_shared_head(const char *word, size_t n)
{
    return in_list(shared, sizeof shared / sizeof shared[0], word, n);
}

int dx_has_condition(const char *text, size_t b, size_t e)
{
    char w[32], prev[32] = "";
    size_t i = b;
    while (i < e) {
        while (i < e && !isalnum((unsigned char)text[i])) i++;
        size_t n = 0;
        while (i < e && isalnum((unsigned char)text[i])) {
            if (n < sizeof w - 1) w[n++] = (char)tolower((unsigned char)text[i]);
            i++;
        }
        w[n] = '\0';
        if (!n) break;
        if (condition_word(w, n)) return 1;
        /* "status post" (and "s/p") names a past operation: a diagnosis of its own. */
        if (strcmp(w, "post") == 0 && strcmp(prev, "status") == 0) return 1;
        if (strcmp(w, "p") == 0 && strcmp(prev, "s") == 0) return 1;
        memcpy(prev, w, n + 1);
    }
    return 0;
}
