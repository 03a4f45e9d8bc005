/* Where a mention stands and what the letter says about it: the section, whether the patient
 * takes it, it is requested, or it is only named in reasoning (whether it is denied or was
 * stopped: negation.c). Cues are read within the mention's sentence. */
#include <string.h>

#include "meds.h"
#include "text.h"

/* Every match of patient_use holds one of these at a word start ("on" and "use" as prefixes
 * cover "usage" and more). */
static const char *const use_words[] = {"taking",  "using", "utilizing", "prescribed",
                                        "treated", "on",    "use",       "medication",
                                        "tried",   "taken", NULL};
static const char *const use_now_words[] = {"takes", "uses", "continues", "regimen", NULL};
static const imrx_re_keys_t use_now_keys = {use_now_words, 0, 0};
const imrx_re_keys_t med_use_keys = {use_words, 0, 0};

/* A sentence of the summary that tells the request (not "early refill requests", a sign of
 * misuse). */
static const char request[] =
    "\\b(?:(?<!refill\\s)request(?:ed|s|ing)?|RFA|authorization|non-?certif\\w*|appeal)\\b";

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

/* Not the drug but a lab value, a condition, a receptor or a diet: "vitamin D level", "insulin
 * resistance", "insulin-dependent", "B12 deficiency", "the melatonin-receptor agonist
 * ramelteon", "has cut his caffeine intake". */
static const char lab_after[] =
    "[ -]?(?:levels?|resistance|resistant|deficiency|deficient|dependent|sensitivity|"
    "receptors?|intake|consumption)\\b";

/* Not a mention of the drug: "morphine equivalent dose", "morphine milligram equivalents". */
static const char equivalent[] =
    "[\\s-]*(?:milligram\\s+|mg\\s+)?equivalen|\\s*\\(?(?:mg\\s*)?(?:MED|MME)\\b";

/* In reasoning, what guidelines say or what the records lack is not the patient's use. */
static const char hedge[] =
    "\\b(?:no|not|lack\\w*|without|absence|whether|if|should|would|could|may|might|"
    "recommend\\w*|guidelines?|MTUS|ODG|ACOEM|stud(?:y|ies)|trials?|evidence"
    /* a guideline's condition: "only the Lidoderm patch is supported, once a first-line agent
     * (...) has been tried" */
    "|(?:once|after|until|unless)\\s+(?:an?\\s+|the\\s+|at\\s+least\\s+)(?:[\\w-]+\\s+){0,5}(?:"
    "agents?|"
    "drugs?|medications?|treatments?|therap(?:y|ies)|antidepressants?|anticonvulsants?|classes)"
    ")\\b";

/* In reasoning, a sentence about the patient's own use. */
static const char patient_use[] =
    "\\b(?:(?:injured\\s+worker|patient|claimant|employee|he|she)\\s+(?:\\w+\\s+){0,3}(?:has|have|"
    "had|is|was|were)\\s+(?:\\w+\\s+){0,2}(?:taking|using|utilizing|prescribed|treated\\s+with|"
    "on)|(?:current|ongoing|prior|previous|chronic|long-term|continued)\\s+(?:use|usage)\\s+of|"
    "medications?\\s+(?:include|included|including|consist|list)|(?:has|have|had)\\s+(?:been\\s+)?"
    "(?:taking|using)|(?:has|have|had)\\s+(?:tried|utilizing|used|taken)"
    /* a passive use is the patient's when it lasted or failed ("Norco has been used since 2014",
     * "... without benefit"), not a guideline's "trazodone and amitriptyline have been used for
     * insomnia" */
    "|(?:has|have|had)\\s+been\\s+tried"
    "|(?:has|have|had)\\s+been\\s+(?:utilized|used|taken)(?=(?:\\s+[\\w-]+){0,3}?\\s+(?:for\\s+(?:"
    "\\d|"
    "one|two|three|four|five|six|several|many|more|over|about|at\\s+least|the\\s+(?:past|last)|"
    "years|months|weeks)|since|by\\s+(?:the\\s+)?(?:patient|injured|him|her|claimant|worker|"
    "employee)|without|with\\s+(?:no|little|minimal|some|good|partial)|long-term|daily|nightly|"
    "regularly|chronically)\\b)"
    "|(?:was|were|is|are)\\s+(?:being\\s+)?prescribed|"
    "(?:current|prior)\\s+medications?)\\b";

/* In reasoning, the patient's present use told before the drugs it names ("She continues to use
 * Lidoderm patches", "The injured worker currently takes meloxicam", "His current regimen
 * includes Norco"); a drug before it is not its object ("acetaminophen or the ibuprofen he
 * already takes"). */
static const char patient_use_now[] = "\\b(?:(?:injured\\s+worker|patient|claimant|employee|worker|"
                                      "he|she)\\s+(?:\\w+\\s+){0,2}?(?:takes|"
                                      "uses|continues\\s+(?:to\\s+(?:take|use)|on))|regimen\\s+(?:"
                                      "includes?|included|consists?\\s+of))"
                                      "\\b";

/* Does the use cue that ends at text[e] have its object before it ("the ibuprofen this worker
 * already takes, and buspirone may be added"): punctuation right after it? */
static int object_before(const char *text, uint32_t e, uint32_t to)
{
    while (e < to && (text[e] == ' ' || text[e] == '\n')) e++;
    return e < to && (text[e] == ',' || text[e] == '.' || text[e] == ';' || text[e] == ')');
}

/* Every pattern and where it goes, so that compiling and freeing cannot miss one. */
static size_t table(med_context_re_t *re, const char **patterns, imrx_re_t **slots)
{
    const char *p[] = {med_re_negation_before,
                       med_re_stop_after,
                       med_re_negation_after,
                       request,
                       equivalent,
                       patient_use,
                       patient_use_now,
                       hedge,
                       requested_here,
                       lab_after,
                       decision_line,
                       med_re_untried_before,
                       med_re_untried_after,
                       med_re_stopped_next_clause,
                       med_re_planned_before,
                       med_re_planned_after,
                       med_re_reported_reason};
    imrx_re_t *r[] = {
        &re->negation_before, &re->stop_after,          &re->negation_after,  &re->request,
        &re->equivalent,      &re->patient_use,         &re->patient_use_now, &re->hedge,
        &re->requested_here,  &re->lab_after,           &re->decision_line,   &re->untried_before,
        &re->untried_after,   &re->stopped_next_clause, &re->planned_before,  &re->planned_after,
        &re->reported_reason};
    size_t n = sizeof p / sizeof p[0];
    for (size_t i = 0; i < n; i++) patterns[i] = p[i], slots[i] = r[i];
    return n;
}

imrx_status_t med_context_compile(med_context_re_t *re, const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    const char *patterns[24];
    imrx_re_t *slots[24];
    size_t n = table(re, patterns, slots);
    for (size_t i = 0; i < n; i++) {
        uint32_t opt = slots[i] == &re->equivalent ? IMRX_RE_CASE : 0;
        if (imrx_re_compile(slots[i], patterns[i], opt, api, ctx) != IMRX_OK) {
            for (size_t k = 0; k < i; k++) imrx_re_free(slots[k]);
            return IMRX_EINVAL;
        }
    }
    /* tried anchored after and before every drug mention (negation.c, imrx_re_find_starts) */
    if (imrx_re_split_first_byte(&re->negation_after, med_re_negation_after, 0) != IMRX_OK ||
        imrx_re_split_first_byte(&re->negation_before, med_re_negation_before, 0) != IMRX_OK) {
        for (size_t k = 0; k < n; k++) imrx_re_free(slots[k]);
        return IMRX_ENOMEM;
    }
    return IMRX_OK;
}

void med_context_free(med_context_re_t *re)
{
    const char *patterns[24];
    imrx_re_t *slots[24];
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
    /* a month abbreviated before its day or year: "prescribed in Dec. 2012 and ..." */
    static const char *const months[] = {"jan", "feb",  "mar", "apr", "jun", "jul", "aug",
                                         "sep", "sept", "oct", "nov", "dec", NULL};
    for (const char *const *x = months; *x; x++)
        if (imrx_text_ieq(t + w, n, *x) && t[q] >= '0' && t[q] <= '9') return 0;
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

/* Does the line break at t[nl] end a list entry before a sentence? The line it ends opens with
 * a list marker ("6)  Cymbalta 60 mg, 1 capsule daily", "- Norco", "1. Norco") and the next line
 * with a capital ("Lyrica was tried in 2015 and stopped ..."): the list has ended. */
static int list_line_then_sentence(const char *t, uint32_t lo, uint32_t hi, uint32_t nl)
{
    if (nl + 1 >= hi || !upper(t[nl + 1])) return 0;
    uint32_t a = nl;
    while (a > lo && t[a - 1] != '\n') a--;
    /* an entry is short and holds no sentence ("rated 4 out of" / "10. Objective findings
     * included .... She denies taking" is prose the normaliser joined) */
    if (nl - a > 100) return 0;
    for (uint32_t k = a + 3; k + 1 < nl; k++)
        if (t[k] == '.' && t[k + 1] == ' ') return 0;
    uint32_t d = a;
    while (d < nl && d - a < 3 && t[d] >= '0' && t[d] <= '9') d++;
    if (d > a) return d + 1 < nl && (t[d] == ')' || t[d] == '.') && t[d + 1] == ' ';
    return a + 1 < nl && (t[a] == '-' || t[a] == '*') && t[a + 1] == ' ';
}

/* Where the sentence around [b, e) starts and ends, within [lo, hi). */
static void sentence(const char *t, uint32_t lo, uint32_t hi, uint32_t b, uint32_t e, uint32_t *sb,
                     uint32_t *se)
{
    uint32_t i = b;
    while (i > lo) {
        char c = t[i - 1];
        if (c == '\n' && i >= lo + 2 && t[i - 2] == '\n') break;
        if (c == '\n' && list_line_then_sentence(t, lo, hi, i - 1)) break;
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
        if (c == '\n' && list_line_then_sentence(t, lo, hi, i)) break;
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

/* Does the mention follow "in place of", "instead of", "to replace" (and an article or a
 * possessive)? In a request's sentence it is the drug the request would replace, the worker's
 * own, not what is requested ("requested nortriptyline in place of the amitriptyline"). */
static int replaced_by_request(const char *text, uint32_t sb, const mention_t *m)
{
    static const char *const leads[] = {
        "in place of", "instead of", "as a substitute for", "as a replacement for", "to replace",
        "replacing",   NULL};
    static const char *const fillers[] = {"the", "his", "her", "their", "its", NULL};
    uint32_t p = m->b;
    while (p > sb && (text[p - 1] == ' ' || text[p - 1] == '\n')) p--;
    for (int i = 0; fillers[i]; i++) { /* one article or possessive */
        size_t n = strlen(fillers[i]);
        if (p >= sb + n + 1 && imrx_text_ieq(text + p - n, n, fillers[i]) &&
            (text[p - n - 1] == ' ' || text[p - n - 1] == '\n')) {
            p -= (uint32_t)n;
            while (p > sb && (text[p - 1] == ' ' || text[p - 1] == '\n')) p--;
            break;
        }
    }
    return imrx_text_ends_with_any(text, sb, p, leads);
}

/* "Her four tablets of Norco a day amount to about 40 mg of oral morphine", "patients who have
 * taken at least 60 mg of oral morphine a day": morphine as the unit of an opioid dose, a
 * conversion or a threshold, not a drug anyone took. */
static int morphine_as_unit(const char *text, uint32_t sb, const mention_t *m)
{
    if (!imrx_text_ieq(text + m->b, m->e - m->b, "morphine")) return 0;
    uint32_t p = m->b;
    static const char *const before[] = {"mg of oral", "mg of", "mg/day of oral", "mg/day of",
                                         NULL};
    int unit = 0;
    for (int i = 0; before[i] && !unit; i++) {
        uint32_t n = (uint32_t)strlen(before[i]);
        if (p >= sb + n + 1 && imrx_text_ieq(text + p - n - 1, n, before[i]) &&
            (text[p - 1] == ' ' || text[p - 1] == '\n')) {
            p -= n + 1;
            unit = 1;
        }
    }
    if (!unit) return 0;
    while (p > sb && (text[p - 1] == ' ' || text[p - 1] == '\n')) p--;
    uint32_t nb = p;
    while (nb > sb && ((text[nb - 1] >= '0' && text[nb - 1] <= '9') || text[nb - 1] == '.')) nb--;
    if (nb == p) return 0; /* a number before "mg" */
    uint32_t lead = nb > sb + 40 ? nb - 40 : sb;
    static const char *const cues[] = {"amount to",    "amounts to", "equal to",    "equals",
                                       "equivalent",   "at least",   "more than",   "less than",
                                       "greater than", "exceed",     "the same as", NULL};
    for (int i = 0; cues[i]; i++)
        if (imrx_text_find(text, lead, nb, cues[i]) < nb) return 1;
    return 0;
}

/* "..., and a non-benzodiazepine anxiolytic such as buspirone could be considered": a class's
 * example that a modal suggests, even in a sentence that tells the patient's use of another
 * drug. */
static int suggested_example(const char *text, uint32_t sb, uint32_t se, const mention_t *m)
{
    static const char *const leads[] = {"such as ", " like ", NULL};
    if (!imrx_text_ends_with_any(text, sb, m->b, leads)) return 0;
    uint32_t p = med_mention_end(m);
    while (p < se && (text[p] == ' ' || text[p] == '\n')) p++;
    static const char *const modals[] = {"could be",  "may be", "might be", "would be",
                                         "should be", "can be", NULL};
    return imrx_text_starts_with_any(text, p, se, modals);
}

/* "It is metabolized to meprobamate", "its active metabolite, meprobamate": a drug named as
 * what another becomes in the body, nobody's prescription. */
static int named_as_metabolite(const char *text, uint32_t sb, const mention_t *m)
{
    static const char *const leads[] = {"metabolized to ", "metabolised to ", "metabolite ",
                                        "metabolite, ",    "breaks down to ", NULL};
    return imrx_text_ends_with_any(text, sb, m->b, leads);
}

void med_classify(const med_context_re_t *re, imrx_re_scratch_t *t, const imrx_letter_t *l,
                  mention_t *m, size_t n)
{
    const char *text = l->text;
    /* Mentions listed in one sentence share what the sentence says: read it once. */
    uint32_t cached_sb = 1, cached_se = 0;
    const imrx_section_t *cached_s = NULL;
    int cached_req = -1, cached_own = -1;
    uint32_t cached_use_e = 0, cached_hedge = 0, cached_now_e = 0;
    int cached_now = -1;
    for (size_t i = 0; i < n; i++) {
        const imrx_section_t *s = section_of(l, m[i].b);
        uint32_t lo = s ? s->begin : 0, hi = s ? s->end : l->length;
        if (lo > m[i].b) lo = s->heading_begin;
        m[i].section = s ? s->name : "unknown";
        uint32_t sb, se;
        sentence(text, lo, hi, m[i].b, m[i].e, &sb, &se);
        if (sb != cached_sb || se != cached_se || s != cached_s) {
            cached_sb = sb, cached_se = se, cached_s = s;
            cached_req = cached_own = cached_now = -1;
        }
        const char *name = m[i].section;
        if (strcmp(name, "summary") == 0 || strcmp(name, "documents") == 0) {
            if (cached_req < 0)
                cached_req = strcmp(name, "summary") == 0 &&
                             imrx_re_find(&re->request, t, text, sb, se) == 1;
            m[i].context =
                cached_req && !replaced_by_request(text, sb, &m[i]) ? CTX_REQUESTED : CTX_HISTORY;
            if (strcmp(name, "summary") == 0 &&
                med_named_only(re, t, text, sb, se, &m[i], cached_req))
                m[i].context = CTX_RATIONALE;
        } else if (strcmp(name, "header") == 0 || strcmp(name, "issues") == 0) {
            m[i].context = CTX_REQUESTED; /* the disputed treatments listed at the top */
        } else {
            uint32_t from = m[i].b > sb + 80 ? m[i].b - 80 : sb;
            /* The patient's use is told in the sentence, and no hedge stands before the use,
             * in it, or before the mention ("no record that he is taking", "if she has been
             * using", "has taken Fioricet, and the records do not show a trial of
             * acetaminophen"); a hedge after both tells how the use went ("has used
             * hydrocodone for four years with no return to work"). */
            if (cached_own < 0) {
                cached_own =
                    imrx_re_find_required(&re->patient_use, &med_use_keys, t, text, sb, se) == 1;
                cached_use_e = cached_own ? (uint32_t)imrx_re_ov(t)[1] : 0;
                cached_hedge = cached_own && imrx_re_find(&re->hedge, t, text, sb, se) == 1
                                   ? (uint32_t)imrx_re_ov(t)[0]
                                   : se;
            }
            uint32_t told = cached_use_e > m[i].b ? cached_use_e : m[i].b;
            int own = cached_own && cached_hedge >= told && !suggested_example(text, sb, se, &m[i]);
            if (!own && cached_now < 0) {
                cached_now = imrx_re_find_required(&re->patient_use_now, &use_now_keys, t, text, sb,
                                                   se) == 1;
                cached_now_e = cached_now ? (uint32_t)imrx_re_ov(t)[1] : 0;
            }
            /* a present use names the drugs after it, with no hedge between */
            if (!own && cached_now && m[i].b >= cached_now_e && m[i].b - cached_now_e < 80 &&
                !memchr(text + cached_now_e, ';', m[i].b - cached_now_e) &&
                !object_before(text, cached_now_e, m[i].b))
                own = imrx_re_find(&re->hedge, t, text, sb, m[i].b) != 1;
            if (imrx_re_find(&re->requested_here, t, text, from, m[i].b) == 1 ||
                on_decision_line(re, t, text, lo, hi, &m[i]))
                m[i].context = CTX_REQUESTED;
            else
                m[i].context = own ? CTX_HISTORY : CTX_RATIONALE;
        }
        if (morphine_as_unit(text, sb, &m[i]) || named_as_metabolite(text, sb, &m[i]))
            m[i].context = CTX_RATIONALE;
        med_negation(re, t, text, sb, se, hi, &m[i], m, n);
        /* a drug the letter says was stopped or switched was the patient's, wherever it is told */
        if (m[i].discontinued && m[i].context == CTX_RATIONALE) m[i].context = CTX_HISTORY;
    }
    /* A requested compound's other parts follow in a list ("... for Flurbiprofen 10%,
     * Cyclobenzaprine 3%, Gabapentin 6%"). */
    for (size_t i = 0; i + 1 < n; i++) {
        if (m[i].context != CTX_REQUESTED || m[i + 1].context != CTX_RATIONALE) continue;
        uint32_t p = med_mention_end(&m[i]), q = m[i + 1].b;
        int glue = p <= q && q - p <= 6;
        for (uint32_t k = p; k < q && glue; k++) glue = strchr(" ,/-+\n", text[k]) != NULL;
        if (glue) m[i + 1].context = CTX_REQUESTED;
    }
}
