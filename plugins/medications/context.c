/* Where a mention stands and what the letter says about it: the section, whether the patient
 * takes it, it is requested, or it is only named in reasoning; whether it is denied or was
 * stopped. Cues are read within the mention's sentence. */
#include <string.h>

#include "meds.h"
#include "text.h"

/* A cue before the drug: group 1 denies it, group 2 says it was stopped. */
static const char negation_before[] =
    "\\b(?:((?:(?:he|she|they|patient|worker|claimant|employee)\\s+(?:also\\s+)?denie[sd]|denies)"
    "(?:\\s+(?:any|the|all))?(?:\\s+(?:prior\\s+|current\\s+)?(?:use|using|taking|intake|"
    "history)(?:\\s+of)?)?"
    "|(?:is|was|were|are)\\s+not\\s+(?:currently\\s+)?(?:taking|on|using|prescribed)"
    "|(?:does|did|do)\\s+not\\s+(?:currently\\s+)?(?:take|use)"
    "|(?:has|have|had)\\s+(?:not|never)\\s+(?:been\\s+)?(?:taken|tried|used|prescribed|given|"
    "offered|received|treated\\s+with)"
    "|never\\s+(?:took|tried|used|received)|takes\\s+none\\s+of"
    "|no\\s+(?:prior\\s+|previous\\s+|known\\s+)?(?:use\\s+of|trial\\s+of|history\\s+of)"
    "|allergic\\s+to|allerg(?:y|ies)\\s*(?:to|include|including|:|of))"
    "|(no\\s+longer\\s+(?:tak(?:es|ing)|us(?:es|ing)|on|prescribed)"
    "|(?<!was\\s)(?<!were\\s)(?<!been\\s)(?<!is\\s)(?:stopped|discontinued|quit|ceased)"
    "(?:\\s+(?:taking|using|the\\s+use\\s+of))?"
    "|discontinuation\\s+of|(?:switched|changed|moved|transitioned|converted)\\s+(?:\\w+\\s+)?from"
    /* "she could not tolerate gabapentin", "GI intolerance to naproxen" */
    "|(?:could|did)\\s+not\\s+tolerate|unable\\s+to\\s+tolerate|intoleran(?:ce|t)\\s+(?:of|to)"
    /* "He used to take Aleve but switched" */
    "|used\\s+to\\s+(?:take|use)"
    /* "after finishing a short course of Tramadol" */
    "|(?:finish(?:ed|ing)|complet(?:ed|ing))\\s+(?:a|an|the|his|her|their)\\s+(?:(?:short|brief|"
    "\\d+-?\\s?(?:day|week))\\s+)?course\\s+of"
    "|(?:told|advised|instructed|asked)\\s+to\\s+(?:stop|discontinue|quit)(?:\\s+(?:taking|using))?"
    "|(?<!being\\s)(?:weaned|tapered|came)\\s+(?:\\w+\\s+)?(?:off|from)(?:\\s+of)?"
    "|(?:was|were|is|has\\s+been|had\\s+been)\\s+off(?:\\s+of)?))(?![A-Za-z])";

/* Every match of negation_before holds one of these at a word start ("no" covers "not" and
 * "none"), and so does every match of negation_after (re.h, imrx_re_find_required). */
static const char *const before_words[] = {
    "denie",     "no",      "never",   "allerg",  "stop",   "discontinu", "quit",  "ceased",
    "switched",  "changed", "weaned",  "tapered", "came",   "off",        "moved", "transitioned",
    "converted", "finish",  "complet", "used",    "unable", "intoleran",  NULL};
static const imrx_re_keys_t before_keys = {before_words, 0, 0};
static const char *const after_words[] = {
    "no",      "never",   "discontinu", "stopped",   "weaned",   "tapered",   "ceased",
    "quit",    "changed", "switched",   "replaced",  "abandon",  "withdrawn", "halted",
    "dropped", "ended",   "terminated", "suspended", "given",    "aside",     "exchanged",
    "gave",    "lapse",   "turned",     "refused",   "declined", "converted", "transitioned",
    "moved",   "poorly",  NULL};
static const imrx_re_keys_t after_keys = {after_words, 0, 0};

/* Every match of patient_use holds one of these at a word start ("on" and "use" as prefixes
 * cover "usage" and more). */
static const char *const use_words[] = {"taking", "using", "utilizing",  "prescribed", "treated",
                                        "on",     "use",   "medication", "tried",      NULL};
static const imrx_re_keys_t use_keys = {use_words, 0, 0};

/* Between a drug and a cue after it ("Naproxen ... was discontinued"): the clause changed, the
 * cue is about something else ("was started" is the same drug's story, not another's). */
static const char stop_after[] =
    "[;:]|\\b(?:but|however|although|though|now|currently|instead|then|replaced|switched|"
    "(?<!was\\s)(?<!were\\s)(?<!been\\s)started|"
    "began|start|starting|resumed|restarted|continues|while|whereas|who|because|since|until|"
    "except|other\\s+than|aside\\s+from|request(?:ed|s)?|authoriz\\w*|certif\\w*|recommend\\w*|"
    "and\\s+(?:is|was|has|takes|uses|continues|now)|takes|uses|using)\\b";

/* A cue after the drug ("Naproxen was discontinued", "Vicodin, which she no longer takes");
 * group 1 says it was stopped, the rest that it was never taken. */
static const char negation_after[] =
    "\\b(?:(?:(?:but\\s+)?(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:not|never)\\s+"
    "(?:tried|prescribed|taken|used|filled|started|begun|dispensed)"
    /* "was offered a Butrans patch and turned it down", "he refused it" */
    "|(?:(?:and|but)\\s+)?(?:(?:he|she|they)\\s+)?(?:turned\\s+(?:it|them)\\s+down|refused\\s+(?:"
    "it|them)|"
    "declined\\s+(?:it|them))"
    "|(?:has|have|had)\\s+(?:not|never)\\s+been\\s+(?:tried|prescribed|taken|used)"
    /* "was prescribed Tramadol 50mg as needed but never filled it" */
    "|but\\s+(?:(?:he|she|they)\\s+)?never\\s+(?:filled|took|started|used)\\s+(?:it|them|the\\s+"
    "prescription))"
    "|((?:but\\s+)?(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:(?:later|subsequently|"
    "eventually|"
    "previously|then|all|both|each|also|recently|ultimately|finally|gradually)\\s+)?(?:"
    "discontinued|stopped|weaned|tapered|ceased|abandoned|withdrawn|halted|dropped|ended|"
    "terminated|suspended|given\\s+up|set\\s+aside|exchanged)"
    /* "A trial of Cymbalta was not tolerated due to nausea" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:not|poorly)\\s+tolerated"
    "|(?:he|she|they)\\s+(?:could|did)\\s+not\\s+tolerate\\s+(?:it|them)"
    /* "was held before the operation and was never resumed" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:never|not)\\s+(?:resumed|restarted)"
    /* "but the trial ended after a few weeks" */
    "|(?:but|and)\\s+the\\s+trial\\s+(?:was\\s+)?(?:ended|stopped|discontinued|terminated)"
    /* "and then gave it up", "but she let it lapse", "which he took ... and then set aside" */
    "|(?:and|but|then|so)\\s+(?:(?:he|she|they)\\s+)?(?:later\\s+|then\\s+|eventually\\s+)?(?:"
    "gave\\s+"
    "(?:it|them)\\s+up|set\\s+(?:it|them)\\s+aside|let\\s+(?:it|them)\\s+lapse|gave\\s+up|set\\s+"
    "aside)"
    /* "but her internist stopped it", "and his psychiatrist replaced it with" */
    "|(?:but|and)\\s+(?:his|her|their|the)\\s+[a-z]+\\s+(?:later\\s+|then\\s+)?(?:discontinued|"
    "stopped|replaced|changed|switched)\\s+(?:it|them)"
    "|(?:which|that)\\s+(?:he|she|they|the\\s+\\w+(?:\\s+\\w+)?)\\s+(?:no\\s+longer|stopped|"
    "discontinued|quit)"
    "|(?:he|she|they|and)\\s+(?:had\\s+|has\\s+)?(?:later\\s+|then\\s+)?(?:discontinued|stopped|"
    "quit)"
    "\\s+(?:it|them|"
    "taking\\s+(?:it|them))"
    "|and\\s+(?:then\\s+)?(?:was|were)\\s+(?:discontinued|stopped)"
    /* "was used for two weeks after surgery and then stopped": the clause ends there (not "and
     * then stopped ibuprofen", another drug's story) */
    "|and\\s+(?:then|later|eventually)\\s+(?:discontinued|stopped)(?=\\s*[.;,)]|\\s*$|\\s+(?:"
    "because|due|after|when|in|on|for|by|at|as|without|owing)\\b)"
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:changed|switched|converted|transitioned|moved)\\s+"
    "to"
    "|(?:was|were|has\\s+been|had\\s+been)\\s+replaced\\s+(?:by|with)"
    /* "took diclofenac until June 2016, when it was stopped", "was on MS Contin until 2014,
     * when it was changed to OxyContin" */
    "|until\\s+[^.;]{1,40}?\\s+when\\s+(?:it|they|this|that)\\s+(?:was|were)\\s+(?:later\\s+)?"
    "(?:stopped|discontinued|changed|switched|replaced|tapered|weaned)"
    /* "was taking Ambien for sleep but stopped it", "was tried without benefit and stopped" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:later\\s+|then\\s+)?(?:discontinued|stopped|quit)\\s+"
    "(?:it|them|taking\\s+(?:it|them))"
    "|(?:was|were)\\s+tried\\b[^.;]{0,60}?\\band\\s+(?:then\\s+|later\\s+)?(?:was\\s+|were\\s+)?"
    "(?:stopped|discontinued)"
    /* "tried trazodone, but it left her groggy and was stopped", "took amitriptyline before,
     * but it was stopped" */
    "|but\\s+(?:it|they)\\s+(?:[^.;]{0,80}?\\band\\s+)?(?:was|were)\\s+(?:later\\s+|then\\s+|"
    "eventually\\s+)?"
    "(?:stopped|discontinued)"
    /* "took Norco until early 2018 but no longer uses it" */
    /* "was given Norco early on but is no longer taking it" */
    "|(?:until\\s+[^.;]{1,40}?\\s+)?(?:but|and)\\s+(?:(?:he|she|they)\\s+)?(?:is\\s+)?no\\s+"
    "longer\\s+"
    "(?:takes|uses|(?:is\\s+)?taking|(?:is\\s+)?using|on)\\s+(?:it|them)"
    "))\\b";

/* The clause after a semicolon that ends the drug's sentence: "used Duragesic patches from 2011
 * to 2014; they were stopped because of skin reactions". */
static const char stopped_next_clause[] =
    ";\\s*(?:(?:it|they)\\s+(?:was|were)\\s+(?:later\\s+|then\\s+|eventually\\s+)?"
    "(?:stopped|discontinued)\\b"
    /* "Percocet was prescribed early; she was switched to Norco in 2015" */
    "|(?:he|she|they)\\s+(?:was|were)\\s+(?:later\\s+|then\\s+)?(?:switched|changed|moved|"
    "transitioned)\\s+to\\b"
    /* "Neurontin was prescribed after the surgery; she felt it no longer helped and quit it" */
    "|[^.;]{0,80}?\\b(?:he|she|they|and)\\s+(?:later\\s+|then\\s+|eventually\\s+)?(?:quit|stopped|"
    "discontinued|abandoned|dropped)\\s+(?:it|them)\\b)";

/* A drug said never tried, told around it: "no record that metoclopramide was tried", "the
 * records do not show that amitriptyline, duloxetine or gabapentin was ever tried". The cue
 * before the list, and right after its last drug: */
static const char untried_before[] =
    "\\b(?:no\\s+(?:records?|documentation|evidence|indication|mention|report)|(?:does|do|did)\\s+"
    "not\\s+(?:show|document|indicate|reflect|mention|establish|describe))\\s+(?:that|whether)\\b";
static const char untried_after[] =
    "[\\s,]*(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:ever\\s+|previously\\s+|"
    "actually\\s+)?(?:tried|used|prescribed|given|trialed|attempted)\\b";

/* A sentence of the summary that tells the request. */
static const char request[] =
    "\\b(?:request(?:ed|s|ing)?|RFA|authorization|non-?certif\\w*|appeal)\\b";

/* In reasoning, the drug that a request names ("the request for Norco 10/325mg #120", "Regarding
 * the request for one container of ..."): text just before the mention. */
static const char requested_here[] =
    "\\brequest(?:ed|s)?\\s+(?:for|of)?\\s*(?:(?:the|a|an|one|1|retrospective|prospective|"
    "continued|additional|further|prescription|refills?|container|month(?:'s)?|supply|of|for|"
    "topical|compounded|compound|post-op)\\s+)*$";

/* A decision line names a disputed item, with or without the decisions plugin: "Norco
 * 10/325mg #120: Upheld" (layout A), "1. Ibuprofen 800 mg #90 is not medically necessary"
 * (layout B, perhaps wrapped), not a numbered rationale whose last sentence says so (layout C).
 * Group 1 or 2 ends where the item's name ends. */
static const char decision_line[] =
    "^(?:([^\\n]*):[ \\t]*\\n?[ \\t]*(?:upheld|overturned|partially\\s+overturned)[ \\t]*$"
    "|\\d{1,2}[.)][ \\t]+((?:[^.;:\\n]|\\.(?=\\d)|\\n(?!\\n))*?)\\bis\\s+(?:not\\s+)?medically\\s+"
    "necessary)";

/* Not the drug but a lab value or a condition: "vitamin D level", "insulin resistance",
 * "insulin-dependent", "B12 deficiency". */
static const char lab_after[] =
    "[ -]?(?:levels?|resistance|resistant|deficiency|deficient|dependent|sensitivity)\\b";

/* Not a mention of the drug: "morphine equivalent dose", "morphine milligram equivalents". */
static const char equivalent[] =
    "[\\s-]*(?:milligram\\s+|mg\\s+)?equivalen|\\s*\\(?(?:mg\\s*)?(?:MED|MME)\\b";

/* In reasoning, what guidelines say or what the records lack is not the patient's use. */
static const char hedge[] =
    "\\b(?:no|not|lack\\w*|without|absence|whether|if|should|would|could|may|might|"
    "recommend\\w*|guidelines?|MTUS|ODG|ACOEM|stud(?:y|ies)|trials?|evidence)\\b";

/* In reasoning, a sentence about the patient's own use. */
static const char patient_use[] =
    "\\b(?:(?:injured\\s+worker|patient|claimant|employee|he|she)\\s+(?:\\w+\\s+){0,3}(?:has|have|"
    "had|is|was|were)\\s+(?:\\w+\\s+){0,2}(?:taking|using|utilizing|prescribed|treated\\s+with|"
    "on)|(?:current|ongoing|prior|previous|chronic|long-term|continued)\\s+(?:use|usage)\\s+of|"
    "medications?\\s+(?:include|included|including|consist|list)|(?:has|have|had)\\s+(?:been\\s+)?"
    "(?:taking|using|tried|utilizing)|(?:was|were|is|are)\\s+(?:being\\s+)?prescribed|"
    "(?:current|prior)\\s+medications?)\\b";

/* Every pattern and where it goes, so that compiling and freeing cannot miss one. */
static size_t table(med_context_re_t *re, const char **patterns, imrx_re_t **slots)
{
    const char *p[] = {negation_before, stop_after,    negation_after,     request,   equivalent,
                       patient_use,     hedge,         requested_here,     lab_after, decision_line,
                       untried_before,  untried_after, stopped_next_clause};
    imrx_re_t *r[] = {
        &re->negation_before,    &re->stop_after,    &re->negation_after, &re->request,
        &re->equivalent,         &re->patient_use,   &re->hedge,          &re->requested_here,
        &re->lab_after,          &re->decision_line, &re->untried_before, &re->untried_after,
        &re->stopped_next_clause};
    size_t n = sizeof p / sizeof p[0];
    for (size_t i = 0; i < n; i++) patterns[i] = p[i], slots[i] = r[i];
    return n;
}

imrx_status_t med_context_compile(med_context_re_t *re, const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    const char *patterns[16];
    imrx_re_t *slots[16];
    size_t n = table(re, patterns, slots);
    for (size_t i = 0; i < n; i++) {
        uint32_t opt = slots[i] == &re->equivalent ? IMRX_RE_CASE : 0;
        if (imrx_re_compile(slots[i], patterns[i], opt, api, ctx) != IMRX_OK) {
            for (size_t k = 0; k < i; k++) imrx_re_free(slots[k]);
            return IMRX_EINVAL;
        }
    }
    return IMRX_OK;
}

void med_context_free(med_context_re_t *re)
{
    const char *patterns[16];
    imrx_re_t *slots[16];
    size_t n = table(re, patterns, slots);
    for (size_t i = 0; i < n; i++) imrx_re_free(slots[i]);
}

int med_is_false_mention(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                         uint32_t len, const mention_t *m, const med_entry_t *entry)
{
    if (strcmp(entry->generic, "morphine") == 0) {
        uint32_t lim = m->e + 40 < len ? m->e + 40 : len;
        if (imrx_re_at(&re->equivalent, t, text, m->e, lim) == 1) return 1;
    }
    /* "low molecular weight heparin" names a class (enoxaparin, dalteparin...) */
    if (strcmp(entry->generic, "heparin") == 0 && m->b >= 17) {
        char before[18];
        for (int i = 0; i < 17; i++) {
            char c = text[m->b - 17 + (uint32_t)i];
            before[i] = (char)(c == '-' || c == '\n' ? ' ' : c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        before[17] = '\0';
        if (strcmp(before, "molecular weight ") == 0) return 1;
    }
    /* "a cortisone injection", "cortisone shots": a steroid injection, not the drug cortisone */
    if (strcmp(entry->generic, "cortisone") == 0) {
        uint32_t p = m->e;
        while (p < len && (text[p] == ' ' || text[p] == '\n' || text[p] == '-')) p++;
        static const char *const procedure[] = {"injection", "shot", "block", NULL};
        for (int i = 0; procedure[i]; i++)
            if (p + strlen(procedure[i]) <= len &&
                imrx_text_ieq(text + p, strlen(procedure[i]), procedure[i]))
                return 1;
    }
    uint32_t lim = m->e + 24 < len ? m->e + 24 : len;
    if (imrx_re_at(&re->lab_after, t, text, m->e, lim) == 1) return 1;
    /* "soma" in lower case, not followed by a dose, is the cell body. */
    if (imrx_text_ieq(text + m->b, m->e - m->b, "soma") && text[m->b] == 's' &&
        !(m->strength.e || m->quantity.e))
        return 1;
    return 0;
}

static int upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* The letters of the word that ends just before t[i] (a period): [*w, i). */
static uint32_t word_before(const char *t, uint32_t lo, uint32_t i)
{
    uint32_t w = i;
    while (w > lo && ((t[w - 1] >= 'a' && t[w - 1] <= 'z') || upper(t[w - 1]))) w--;
    return w;
}

/* Does the period at t[i], followed after spaces by t[q], end a sentence? Not after "Dr.",
 * "No.", "vs." and the like before a capital or number; not before a number after "No.",
 * "mg.", "mcg." ("No. 60"), nor before "#" ("10 mg. #60"); before a lower-case word, only when
 * the period closes a word that is no abbreviation ("... three times a day. oxycodone was
 * discontinued", but "mg. tabs", "p.o. daily", "tab. at night", "etc. and"). */
static int period_ends(const char *t, uint32_t lo, uint32_t hi, uint32_t i, uint32_t q)
{
    uint32_t w = word_before(t, lo, i);
    size_t n = i - w;
    static const char *const titles[] = {"dr", "no", "vs", "mr", "ms", "mrs", NULL};
    for (const char *const *x = titles; *x; x++)
        if (imrx_text_ieq(t + w, n, *x) && q < hi && (upper(t[q]) || (t[q] >= '0' && t[q] <= '9')))
            return 0;
    if (q >= hi) return 1;
    if (t[q] == '#') return 0;
    int dose = imrx_text_ieq(t + w, n, "no") || imrx_text_ieq(t + w, n, "mg") ||
               imrx_text_ieq(t + w, n, "mcg");
    if (dose && t[q] >= '0' && t[q] <= '9') return 0;
    if (t[q] >= 'a' && t[q] <= 'z') {
        static const char *const abbreviations[] = {
            "mg",  "mcg", "ml",  "gm",  "oz",  "no",  "tab",    "tabs", "cap", "caps", "qty",
            "sig", "inj", "sol", "ext", "rel", "prn", "hr",     "hrs",  "min", "wk",   "wks",
            "mo",  "yr",  "yrs", "etc", "vs",  "dr",  "approx", "pt",   NULL};
        if (n <= 1) return 0; /* p.o., b.i.d., e.g. */
        for (const char *const *x = abbreviations; *x; x++)
            if (imrx_text_ieq(t + w, n, *x)) return 0;
        return 1;
    }
    return 1;
}

/* Where the sentence around [b, e) starts and ends, within [lo, hi). */
static void sentence(const char *t, uint32_t lo, uint32_t hi, uint32_t b, uint32_t e, uint32_t *sb,
                     uint32_t *se)
{
    uint32_t i = b;
    while (i > lo) {
        char c = t[i - 1];
        if (c == '\n' && i >= lo + 2 && t[i - 2] == '\n') break;
        if ((c == ' ' || c == '\n') && i >= lo + 2) {
            char p = t[i - 2];
            if (p == '?' || p == '!' || p == ';') {
                if (upper(t[i]) || (t[i] >= '0' && t[i] <= '9')) break;
            } else if (p == '.' &&
                       (upper(t[i]) || (t[i] >= '0' && t[i] <= '9') ||
                        (t[i] >= 'a' && t[i] <= 'z')) &&
                       period_ends(t, lo, hi, i - 2, i)) {
                break;
            }
        }
        i--;
    }
    *sb = i;
    i = e;
    while (i < hi) {
        char c = t[i];
        if (c == '\n' && i + 1 < hi && t[i + 1] == '\n') break;
        if ((c == '.' || c == '?' || c == '!' || c == ';') &&
            (i + 1 >= hi || t[i + 1] == ' ' || t[i + 1] == '\n')) {
            if (c != '.') break;
            uint32_t q = i + 1;
            while (q < hi && (t[q] == ' ' || t[q] == '\n')) q++;
            if (period_ends(t, lo, hi, i, q)) break;
        }
        i++;
    }
    *se = i;
}

/* Is there a clause break in text[b, e)? */
static int broken(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t b,
                  uint32_t e)
{
    return b < e && imrx_re_find(&re->stop_after, t, text, b, e) == 1;
}

/* Between a denial or stop and its drug only a list may stand ("denies use of Soma or Norco",
 * "stopped taking his Flexeril"): other words ("denies side effects from Norco") end its reach. */
static int list_gap(const char *text, uint32_t b, uint32_t e, const mention_t *all, size_t n)
{
    static const char *const glue[] = {
        "and",        "or",          "nor",        "any",       "the",       "his",       "her",
        "their",      "all",         "other",      "further",   "use",       "of",        "taking",
        "using",      "such",        "as",         "like",      "including", "oral",      "topical",
        "prescribed", "previous",    "previously", "prior",     "current",   "well",      "a",
        "medication", "medications", "drugs",      "opioids",   "opioid",    "NSAIDs",    "NSAID",
        "narcotics",  "narcotic",    "muscle",     "relaxants", "relaxant",  "pain",      "either",
        "both",       "long",        "short",      "acting",    "extended",  "immediate", "release",
        "controlled", "brand",       "generic",    "name",      NULL};
    uint32_t p = b;
    while (p < e) {
        char c = text[p];
        int in_mention = 0;
        for (size_t k = 0; k < n && !in_mention; k++)
            if (p >= all[k].b && p < (all[k].attr_e > all[k].e ? all[k].attr_e : all[k].e))
                in_mention = 1, p = all[k].attr_e > all[k].e ? all[k].attr_e : all[k].e;
        if (in_mention) continue;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            if (c != ' ' && c != '\n' && c != ',' && c != '/' && c != '(' && c != ')' && c != '-' &&
                c != '\'')
                return 0;
            p++;
            continue;
        }
        uint32_t w = p;
        while (w < e && ((text[w] >= 'a' && text[w] <= 'z') || (text[w] >= 'A' && text[w] <= 'Z')))
            w++;
        int ok = 0;
        for (int i = 0; glue[i] && !ok; i++) ok = imrx_text_ieq(text + p, w - p, glue[i]);
        if (!ok) return 0;
        p = w;
    }
    return 1;
}

/* Is the mention one of a list said never tried (untried_before ... untried_after)? */
static int untried(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                   uint32_t se, const mention_t *m, const mention_t *all, size_t n)
{
    /* the end of the list the mention stands in: later mentions joined by list words */
    size_t i = (size_t)(m - all);
    uint32_t end = m->attr_e > m->e ? m->attr_e : m->e;
    while (i + 1 < n && all[i + 1].b < se && list_gap(text, end, all[i + 1].b, all, n)) {
        i++;
        end = all[i].attr_e > all[i].e ? all[i].attr_e : all[i].e;
    }
    /* most lists are followed by anything but "was tried": a look at the next word first */
    uint32_t w = end;
    while (w < se && (text[w] == ' ' || text[w] == '\n' || text[w] == ',')) w++;
    uint32_t we = w;
    while (we < se && imrx_text_letter((unsigned char)text[we])) we++;
    static const char *const verbs[] = {"was", "were", "has", "have", "had"};
    int verb = 0;
    for (int k = 0; k < 5 && !verb; k++) verb = imrx_text_ieq(text + w, we - w, verbs[k]);
    if (!verb || imrx_re_at(&re->untried_after, t, text, end, se) != 1) return 0;
    uint32_t pos = sb, cue_e = 0;
    while (pos < m->b && imrx_re_find(&re->untried_before, t, text, pos, m->b) == 1) {
        cue_e = (uint32_t)imrx_re_ov(t)[1];
        pos = cue_e > pos ? cue_e : pos + 1;
    }
    return cue_e && list_gap(text, cue_e, m->b, all, n);
}

/* Where a relative clause set off by commas right after a mention ends (after its closing
 * comma), or 0: ", which he had been using up to four days a week," */
static uint32_t relative_clause_end(const char *text, uint32_t p, uint32_t se)
{
    if (p + 8 > se || text[p] != ',') return 0;
    uint32_t w = p + 1;
    while (w < se && (text[w] == ' ' || text[w] == '\n')) w++;
    if (!(w + 6 <= se && imrx_text_ieq(text + w, 5, "which") && text[w + 5] == ' ') &&
        !(w + 4 <= se && imrx_text_ieq(text + w, 3, "who") && text[w + 3] == ' '))
        return 0;
    for (uint32_t i = w; i < se && i < w + 120; i++)
        if (text[i] == ',') return i + 1;
    return 0;
}

/* Does the cue at text[cb] open with "but" or "and" and a verb, its subject left out ("but was
 * never started")? */
static int elided_subject(const char *text, uint32_t cb, uint32_t se)
{
    static const char *const verbs[] = {"was", "were", "has", "have", "had", NULL};
    uint32_t p = cb;
    if (se - p > 4 && imrx_text_ieq(text + p, 3, "but") && text[p + 3] == ' ')
        p += 4;
    else if (se - p > 4 && imrx_text_ieq(text + p, 3, "and") && text[p + 3] == ' ')
        p += 4;
    else
        return 0;
    uint32_t w = p;
    while (w < se && imrx_text_letter((unsigned char)text[w])) w++;
    for (int i = 0; verbs[i]; i++)
        if (imrx_text_ieq(text + p, w - p, verbs[i])) return 1;
    return 0;
}

/* Does the cue at `cb`, after mention m, belong to a list of other drugs that stands between
 * them ("switched to methadone in 2015 after OxyContin and Opana ER were each stopped")? A
 * later mention joined to the cue by list words only, and not to m, is the cue's subject. */
static int nearer_subject(const char *text, uint32_t from, uint32_t cb, const mention_t *m,
                          const mention_t *all, size_t n)
{
    for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < cb; k++) {
        uint32_t ke = all[k].attr_e > all[k].e ? all[k].attr_e : all[k].e;
        if (ke <= cb && list_gap(text, ke, cb, all, n))
            return !list_gap(text, from, all[k].b, all, n);
    }
    return 0;
}

static void negation(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                     uint32_t sb, uint32_t se, uint32_t hi, mention_t *m, const mention_t *all,
                     size_t n)
{
    /* The last cue before the mention, if the clause goes on to it. */
    uint32_t pos = sb, cue_e = 0;
    int kind = 0;
    while (pos < m->b &&
           imrx_re_find_required(&re->negation_before, &before_keys, t, text, pos, m->b) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(t);
        cue_e = (uint32_t)ov[1];
        kind = imrx_re_has(t, 1) ? 1 : 2;
        pos = ov[1] > pos ? (uint32_t)ov[1] : pos + 1;
    }
    if (kind && m->b - cue_e < 160 && list_gap(text, cue_e, m->b, all, n)) {
        if (kind == 1)
            m->negated = 1;
        else
            m->discontinued = 1;
        return;
    }
    uint32_t from = m->attr_e > m->e ? m->attr_e : m->e;
    /* A relative clause between commas after the drug ("Imitrex 50 mg, which he had been using
     * four days a week, was stopped") is an aside: the cue after it is still the drug's. */
    uint32_t aside = relative_clause_end(text, from, se);
    if (untried(re, t, text, sb, se, m, all, n)) {
        m->negated = 1;
        return;
    }
    if (from < se &&
        imrx_re_find_required(&re->negation_after, &after_keys, t, text, from, se) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(t);
        uint32_t cb = (uint32_t)ov[0];
        int disc = imrx_re_has(t, 1);
        /* "X was suggested as an alternative to Y but was never started": a cue without a
         * subject of its own is about the clause's subject, the sentence's first drug */
        int elided = elided_subject(text, cb, se);
        int first = 1;
        for (size_t k = 0; k < (size_t)(m - all) && first; k++) first = all[k].b < sb;
        uint32_t gap = aside && aside <= cb ? aside : from;
        if (cb - from < 160 && cb - gap < 100 && !broken(re, t, text, gap, cb) &&
            (elided ? first : !nearer_subject(text, from, cb, m, all, n))) {
            if (disc)
                m->discontinued = 1;
            else
                m->negated = 1;
            return;
        }
    }
    /* The sentence ended at a semicolon: the next clause may still stop the drug, when it
     * names no other drug before its cue. */
    if (se < hi && text[se] == ';' && se - from < 100 && !broken(re, t, text, from, se) &&
        imrx_re_at(&re->stopped_next_clause, t, text, se, se + 140 < hi ? se + 140 : hi) == 1) {
        uint32_t ce = (uint32_t)imrx_re_ov(t)[1];
        int other = 0;
        for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < ce && !other; k++)
            other = all[k].b > se;
        if (!other) m->discontinued = 1;
    }
}

/* Is the mention in the item name of a decision line? */
static int on_decision_line(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                            uint32_t lo, uint32_t hi, const mention_t *m)
{
    uint32_t b = m->b;
    while (b > lo && text[b - 1] != '\n') b--;
    uint32_t e = m->e, lines = 0;
    while (e < hi && lines < 2) lines += text[e++] == '\n';
    if (imrx_re_at(&re->decision_line, t, text, b, e) != 1) return 0;
    int g = imrx_re_has(t, 1) ? 1 : 2;
    return m->e <= imrx_re_ov(t)[2 * g + 1]; /* before ": Upheld", "is (not) medically ..." */
}

static const imrx_section_t *section_of(const imrx_letter_t *l, uint32_t pos)
{
    const imrx_section_t *best = NULL;
    for (uint32_t i = 0; i < l->section_count; i++)
        if (l->sections[i].heading_begin <= pos && pos < l->sections[i].end) best = &l->sections[i];
    return best;
}

void med_classify(const med_context_re_t *re, imrx_re_scratch_t *t, const imrx_letter_t *l,
                  mention_t *m, size_t n)
{
    const char *text = l->text;
    /* Mentions listed in one sentence share what the sentence says: read it once. */
    uint32_t cached_sb = 1, cached_se = 0;
    const imrx_section_t *cached_s = NULL;
    int cached_req = -1, cached_own = -1;
    for (size_t i = 0; i < n; i++) {
        const imrx_section_t *s = section_of(l, m[i].b);
        uint32_t lo = s ? s->begin : 0, hi = s ? s->end : l->length;
        if (lo > m[i].b) lo = s->heading_begin;
        m[i].section = s ? s->name : "unknown";
        uint32_t sb, se;
        sentence(text, lo, hi, m[i].b, m[i].e, &sb, &se);
        if (sb != cached_sb || se != cached_se || s != cached_s) {
            cached_sb = sb, cached_se = se, cached_s = s;
            cached_req = cached_own = -1;
        }
        const char *name = m[i].section;
        if (strcmp(name, "summary") == 0 || strcmp(name, "documents") == 0) {
            if (cached_req < 0)
                cached_req = strcmp(name, "summary") == 0 &&
                             imrx_re_find(&re->request, t, text, sb, se) == 1;
            m[i].context = cached_req ? CTX_REQUESTED : CTX_HISTORY;
        } else if (strcmp(name, "header") == 0 || strcmp(name, "issues") == 0) {
            m[i].context = CTX_REQUESTED; /* the disputed treatments listed at the top */
        } else {
            uint32_t from = m[i].b > sb + 80 ? m[i].b - 80 : sb;
            if (cached_own < 0)
                cached_own =
                    imrx_re_find_required(&re->patient_use, &use_keys, t, text, sb, se) == 1 &&
                    imrx_re_find(&re->hedge, t, text, sb, se) != 1;
            int own = cached_own;
            if (imrx_re_find(&re->requested_here, t, text, from, m[i].b) == 1 ||
                on_decision_line(re, t, text, lo, hi, &m[i]))
                m[i].context = CTX_REQUESTED;
            else
                m[i].context = own ? CTX_HISTORY : CTX_RATIONALE;
        }
        negation(re, t, text, sb, se, hi, &m[i], m, n);
        /* a drug the letter says was stopped or switched was the patient's, wherever it is told */
        if (m[i].discontinued && m[i].context == CTX_RATIONALE) m[i].context = CTX_HISTORY;
    }
    /* A requested compound's other parts follow in a list ("... for Flurbiprofen 10%,
     * Cyclobenzaprine 3%, Gabapentin 6%"). */
    for (size_t i = 0; i + 1 < n; i++) {
        if (m[i].context != CTX_REQUESTED || m[i + 1].context != CTX_RATIONALE) continue;
        uint32_t p = m[i].attr_e > m[i].e ? m[i].attr_e : m[i].e, q = m[i + 1].b;
        int glue = p <= q && q - p <= 6;
        for (uint32_t k = p; k < q && glue; k++) glue = strchr(" ,/-+\n", text[k]) != NULL;
        if (glue) m[i + 1].context = CTX_REQUESTED;
    }
}
