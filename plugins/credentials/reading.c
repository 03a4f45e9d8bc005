/* Reading the reviewer section: the labelled form of layouts A and C ("State(s) of Licensure:",
 * "Certification(s)/Specialty:", values beside their labels or in a block after them, wrapped
 * values joined), and the prose of layouts B and D ("is Board Certified in ..., has a
 * subspecialty in ... and is licensed to practice in ..."). */
#include <ctype.h>
#include <string.h>

#include "cred.h"
#include "text.h"

/* A specialty stops at sentence punctuation; the prose lists below end it with a lookahead. */
#define SPEC "([^.;:()]{2,160}?)"
#define SPEC_END                                                                                             \
    "(?=(?:,?\\s+and|,)\\s+(?:who\\s+)?(?:is\\s+|holds\\s+(?:an?\\s+)?(?:(?:active|current|valid|"           \
    "unrestricted|"                                                                                          \
    "medical)\\s+){0,2})?(?:currently\\s+|also\\s+)?licen(?:sed|[sc]es?\\b)|"                                \
    ",\\s+(?:is\\s+)?licensed|,?\\s+and\\s+an?\\s+licen[sc]e\\b|,?\\s+and\\s+(?:also\\s+)?"                  \
    "holds\\s+"                                                                                              \
    "board|,?\\s+(?:and\\s+)?(?:also\\s+)?(?:has|holds|with)\\s+(?:an?\\s+)?(?:sub-?specialt|"               \
    "specialt|additional|certificat|added|that\\s+board's)|,?\\s+and\\s+(?:an?\\s+)?(?:sub-?"                \
    "specialty|added|"                                                                                       \
    "additional)\\s+(?:qualification|certificat)|"                                                           \
    ",\\s+(?:the\\s+)?(?:expert\\s+)?reviewer\\b|,?\\s+who\\b|,\\s+is\\s+(?=board\\b|in\\s+"                 \
    "active\\b)|"                                                                                            \
    ",?\\s+and\\s+(?:sees|treats|"                                                                           \
    "practices|works|spends|devotes|"                                                                        \
    "has\\s+(?:treated|practiced|worked|seen))\\b|" /* "Orthopaedic Surgery, has a practice                  \
                                                       devoted to", ", and has been in active                \
                                                       practice" */                                          \
    ",?\\s+(?:and\\s+)?has\\s+(?:been|a\\s+practice|an?\\s+(?:active|busy)\\s+practice)\\b|" /* ("...        \
                                                                                              * Neurological \
                                                                                              * Surgery      \
                                                                                              * and          \
                                                                                              * completed    \
                                                                                              * fellowship   \
                                                                                              * training",   \
                                                                                              * "...         \
                                                                                              * and          \
                                                                                              * is           \
                                                                                              * a            \
                                                                                              * Diplomate    \
                                                                                              * of",         \
                                                                                              * "...,        \
                                                                                              * and          \
                                                                                              * is           \
                                                                                              * also         \
                                                                                              * board        \
                                                                                              * certified    \
                                                                                              * in")         \
                                                                                              */             \
    ",?\\s+and\\s+completed\\b|,?\\s+and\\s+(?:is\\s+)?(?:also\\s+)?(?:an?\\s+)?(?:diplomate|"               \
    "board[-\\s]+"                                                                                           \
    "certified)\\b|"                                                                                         \
    "\\s+by\\s+the\\b|\\s*[.;(]|\\s*\\z)"

static const char lic_label[] =
    "\\bState\\s*(?:\\(s\\)|s)?\\s+of\\s+Licens(?:ure|e)\\s*:|^Licens(?:ure|e)\\s*:"
    /* after a sentence on its line: "... Sports Medicine. Licensure: California, Oregon" */
    "|(?<=\\.[ ])Licens(?:ure|e|ed\\s+in)\\s*:"
    /* the label wrapped around its value: "State(s) of   Texas, California" / "Licensure:" */
    "|\\bState\\s*(?:\\(s\\)|s)?\\s+of(?=[^\\n:]+\\n\\s*Licens(?:ure|e)\\s*:)";
static const char spec_label[] =
    "\\b(?:Certifications?\\s*(?:\\(s\\))?\\s*/"
    "\\s*)?Specialt(?:y|ies)\\s*(?:\\((?:s|ies)\\))?(?:\\s+of\\s+"
    "the\\s+(?:expert\\s+)?reviewer)?\\s*:"
    "|\\bBoard\\s+Certifications?\\s*(?:\\(s\\))?\\s*:"
    /* the label wrapped around its value: "Certification(s)/   Plastic Surgery" / "Specialty:" */
    "|\\bCertifications?\\s*(?:\\(s\\))?\\s*/(?=[^\\n:]+\\n\\s*Specialt(?:y|ies)\\s*:)";
/* "is Board Certified in ...", "holds board certification in ..." */
static const char prose_board[] =
    "(?:\\bBoard[-\\s]+(?:Certified|certifications?)\\s+in\\s+|"
    /* "is a Diplomate of the American Board of Anesthesiology" */
    "\\bDiplomate\\s+of\\s+the\\s+American\\s+Board\\s+of\\s+)" SPEC SPEC_END;
/* "has a subspecialty in ...", "holds an added qualification in ...", "holds certification as a
 * Chiropractic Sports Physician" */
static const char prose_sub[] =
    "\\b(?:(?:(?:sub-?)?specialt(?:y|ies)|additional\\s+certifications?|"
    "(?:certificates?\\s+of\\s+)?added\\s+qualifications?)(?:\\s+"
    "certificat(?:ions?|es?))?\\s+in\\s+|"
    "(?<=holds\\s)certification\\s+as\\s+(?:an?\\s+)?|area\\s+of\\s+specialty\\s+is\\s+|"
    /* "a licensed chiropractor, certified in Chiropractic Sports Medicine" */
    "(?<=,\\s)certified\\s+in\\s+|"
    /* "holds a certification in Headache Medicine", "holds a license in Chiropractic" (a
     * profession's licence names its field; "is licensed in Chiropractic and Acupuncture") */
    "(?<=holds\\sa\\s)certification\\s+in\\s+|(?:(?<=holds\\sa\\s)license|(?<=is\\s)licensed)\\s+"
    "in\\s+"
    "(?=(?:Chiropractic|"
    "Acupuncture|Psychology|Podiatry|Physical\\s+Therapy|Dentistry|Optometry)\\b))" SPEC SPEC_END;
/* Reviewers who are no physicians name their profession: "is a Licensed Chiropractor". */
static const char prose_profession[] =
    /* (the article may be left out after "and": "a licensed Chiropractor and Acupuncturist") */
    "\\b(?:is\\s+(?:also\\s+)?an?|and\\s+(?:also\\s+)?(?:an?\\s+)?)\\s*(?:licensed\\s+|board[-\\s]+"
    "certified\\s+)?("
    "Doctor\\s+of\\s+(?:Chiropractic|Podiatric\\s+Medicine|Dental\\s+Surgery)|Chiropractor|"
    "Acupuncturist|(?:Clinical\\s+)?Psychologist|Podiatrist|Physical\\s+Therapist|"
    "Occupational\\s+Therapist|Dentist|Optometrist|Psychiatrist)\\b";
static const char prose_licensed[] =
    "\\blicen(?:sed|[sc]es?)\\s+(?:to\\s+practice\\s+(?:(?:medicine|chiropractic|dentistry|"
    "psychology|podiatry|acupuncture|physical\\s+therapy)\\s+)?)?in\\s+";

const char *const cred_patterns[CRED_RE_COUNT] = {
    [CRED_RE_LIC] = lic_label,
    [CRED_RE_SPEC] = spec_label,
    [CRED_RE_BOARD] = prose_board,
    [CRED_RE_SUB] = prose_sub,
    [CRED_RE_PROFESSION] = prose_profession,
    [CRED_RE_LICENSED] = prose_licensed,
};

/* The labels are found by their words (re.h, keyed search): PCRE2's own scan is slow for a
 * pattern that starts with a common letter. The prose patterns start with rarer letter pairs,
 * which PCRE2 skips to faster than a keyed search reads the section. */
static const char *const lic_words[] = {"state", "licens", NULL};
static const char *const spec_words[] = {"certification", "specialt", "board", NULL};
static const imrx_re_keys_t cred_keys[CRED_RE_COUNT] = {
    [CRED_RE_LIC] = {lic_words, 0, 0}, [CRED_RE_SPEC] = {spec_words, 0, 0}};

static int find(cred_letter_t *L, int r, size_t pos, size_t end)
{
    if (cred_keys[r].words)
        return imrx_re_find_keyed(&L->s->re[r], &cred_keys[r], L->t, L->l->text, pos, end);
    return imrx_re_find(&L->s->re[r], L->t, L->l->text, pos, end);
}

static size_t line_end(const char *text, size_t p, size_t end)
{
    while (p < end && text[p] != '\n') p++;
    return p;
}

static int blank(const char *text, size_t b, size_t e)
{
    while (b < e && isspace((unsigned char)text[b])) b++;
    return b == e;
}

static void add_state(cred_letter_t *L, const cred_hit_t *h)
{
    for (size_t i = 0; i < L->nstates; i++)
        if (strcmp(L->states[i].code, h->code) == 0) return;
    if (L->nstates < CRED_MAX_STATES) L->states[L->nstates++] = *h;
}

static void add_specialty(cred_letter_t *L, uint32_t b, uint32_t e)
{
    imrx_text_trim(L->l->text, &b, &e, ".,;:");
    if (e > b && L->nspecs < CRED_MAX_SPECIALTIES) L->specs[L->nspecs++] = imrx_span(b, e);
}

static void scan_states(cred_letter_t *L, size_t pos, cred_scan_mode_t mode)
{
    cred_hit_t hits[CRED_MAX_STATES];
    imrx_span_t unknown;
    size_t n = cred_scan_states(&L->s->states, L->l->text, pos, L->sec->end, mode, hits,
                                CRED_MAX_STATES, &unknown);
    for (size_t i = 0; i < n; i++) add_state(L, &hits[i]);
    if (unknown.end > unknown.begin)
        L->api->warn(L->ctx, unknown, "'%.*s' is not a state the table knows; left out",
                     (int)(unknown.end - unknown.begin), L->l->text + unknown.begin);
}

/* Does the line text[b..e) go on with the specialty list of the line before, which ended at
 * `prev_end`? Either that line ended inside a name ("Public Health &", "Pain,") or this one
 * reads like the end of a name: a few capitalised words and no sentence ("Medicine"). */
static int continues_list(const char *text, size_t prev_end, size_t b, size_t e)
{
    if (blank(text, b, e) || memchr(text + b, ':', e - b)) return 0;
    size_t q = prev_end;
    while (q > 0 && text[q - 1] == ' ') q--;
    char last = q > 0 ? text[q - 1] : '\n';
    if (last == '&' || last == ',' || last == '/' || last == '-') return 1;
    /* a name broken after a word that cannot end it: "Plastic Surgery within the" / "Head
     * and Neck" */
    static const char *const open_words[] = {" and",    " of",  " the",  " in",
                                             " within", " for", " with", NULL};
    for (const char *const *w = open_words; *w; w++) {
        size_t k = strlen(*w);
        if (q >= k && imrx_text_ieq(text + q - k, k, *w)) return 1;
    }
    int words = 0, upper = 0;
    for (size_t i = b; i < e; i++) {
        char c = text[i];
        if (c == '.' || c == ';' || c == '!' || c == '?') return 0;
        if ((i == b || text[i - 1] == ' ') && c != ' ') {
            words++;
            if (isupper((unsigned char)c) || c == '&') upper++;
        }
    }
    int caps = 1; /* an all-capitals line is a heading */
    for (size_t i = b; i < e; i++)
        if (islower((unsigned char)text[i])) caps = 0;
    return !caps && words > 0 && words <= 6 && upper * 4 >= words * 3;
}

static void split_prose(cred_letter_t *L, size_t b, size_t e);

/* One entry of a labelled list: "Board Certified in" before it and "(Board Certified)" after it
 * are no part of the name; two specialties the table knows joined by "and", "&" or "/" are two
 * ("Preventive Medicine and Occupational Medicine", "Anesthesiology/Pain Medicine"). */
static void add_labelled(cred_letter_t *L, size_t b, size_t e)
{
    const char *text = L->l->text;
    uint32_t tb = (uint32_t)b, te = (uint32_t)e;
    imrx_text_trim(text, &tb, &te, ".,;:");
    static const char *const before[] = {
        "Board Certified in ", "Board-Certified in ", "Certified in ",
        /* "Neurology, with a subspecialty in Clinical
         * Neurophysiology" */
        "with a subspecialty in ", "with subspecialty certification in ",
        "with a subspecialty certification in ", "with added qualification in ",
        "with a specialty in ", NULL};
    for (const char *const *p = before; *p; p++) {
        size_t k = strlen(*p);
        if (te - tb > k && imrx_text_ieq(text + tb, k, *p)) {
            tb += (uint32_t)k;
            break;
        }
    }
    static const char after[] = "(Board Certified)";
    size_t k = sizeof after - 1;
    if (te - tb > k && imrx_text_ieq(text + te - k, k, after)) te -= (uint32_t)k;
    imrx_text_trim(text, &tb, &te, ".,;:");
    if (te <= tb) return;
    split_prose(L, tb, te);
}

/* Splits a labelled list text[b..e) on commas and semicolons outside parentheses; lines after
 * the first that go on with the list were included by the caller. */
static int known(cred_letter_t *L, size_t b, size_t e)
{
    return e > b && cred_specialty_canonical(&L->s->specialties, L->l->text + b, e - b) != NULL;
}

/* The end of the comma part that starts at text[b] (before e), outside parentheses. */
static size_t part_end(const char *text, size_t b, size_t e)
{
    int depth = 0;
    for (size_t i = b; i < e; i++) {
        if (text[i] == '(') depth++;
        if (text[i] == ')' && depth > 0) depth--;
        if ((text[i] == ',' || text[i] == ';') && depth == 0) return i;
    }
    return e;
}

static void split_labelled(cred_letter_t *L, size_t b, size_t e)
{
    const char *text = L->l->text;
    size_t start = b;
    for (size_t i = part_end(text, b, e);; i = part_end(text, i + 1, e)) {
        /* "Psychologist, Clinical": a part that is no specialty alone, with the one before it
         * a form the table knows, is not split off */
        if (i < e) {
            size_t nb = i + 1, ne = part_end(text, i + 1, e);
            while (nb < ne && (text[nb] == ' ' || text[nb] == '\n')) nb++;
            if (cred_specialty_exact(&L->s->specialties, text + start, ne - start) &&
                !known(L, nb, ne))
                continue;
        }
        add_labelled(L, start, i);
        if (i >= e) return;
        start = i + 1;
    }
}
/* The value of a specialty label: from `pos` to the end of its line, with the lines that go on
 * with it. */
static void read_specialty_value(cred_letter_t *L, size_t pos)
{
    const char *text = L->l->text;
    size_t end = L->sec->end, e = line_end(text, pos, end);
    while (e < end) {
        size_t nb = e + 1, ne = line_end(text, nb, end);
        if (!continues_list(text, e, nb, ne)) break;
        e = ne;
    }
    split_labelled(L, pos, e);
}

/* Labels with values: side by side ("Label: value"), or as a block (both labels on lines of
 * their own, then both values), as plain pdftotext sometimes renders them. */
int cred_read_labels(cred_letter_t *L)
{
    const char *text = L->l->text;
    size_t end = L->sec->end;
    size_t lic = 0, spec = 0, spec_at = 0, lic_line = 0, spec_line = 0;
    if (find(L, CRED_RE_LIC, L->sec->begin, end) == 1)
        lic = imrx_re_ov(L->t)[1], lic_line = line_end(text, lic, end);
    if (find(L, CRED_RE_SPEC, L->sec->begin, end) == 1) {
        spec_at = imrx_re_ov(L->t)[0];
        spec = imrx_re_ov(L->t)[1], spec_line = line_end(text, spec, end);
    }
    if (!lic && !spec) return 0;
    int lic_empty = lic && blank(text, lic, lic_line);
    int spec_empty = spec && blank(text, spec, spec_line);
    if (lic_empty && spec_empty && spec_at > lic && blank(text, lic_line, spec_at)) {
        /* The block: the first value line after the labels holds the states, the next one the
         * specialties. */
        size_t v1 = spec_line < end ? spec_line + 1 : end;
        size_t v1e = line_end(text, v1, end);
        scan_states(L, v1, CRED_SCAN_LABEL);
        if (v1e < end) read_specialty_value(L, v1e + 1);
        return 1;
    }
    if (lic) scan_states(L, lic, CRED_SCAN_LABEL);
    if (spec) read_specialty_value(L, spec_empty && spec_line < end ? spec_line + 1 : spec);
    return 1;
}

/* A specialty named in prose, text[b..e): "Physical Medicine and Rehabilitation" is one, but
 * "Internal Medicine and Pulmonary Disease" two. Split at a comma where the part before it is
 * a specialty the table knows, at an "and" where both sides are; the whole first. */
static void split_prose(cred_letter_t *L, size_t b, size_t e)
{
    const char *text = L->l->text;
    uint32_t tb = (uint32_t)b, te = (uint32_t)e;
    imrx_text_trim(text, &tb, &te, ".,;:");
    b = tb, e = te;
    if (e <= b) return;
    if (known(L, b, e)) {
        add_specialty(L, tb, te);
        return;
    }
    for (size_t i = b + 1; i + 1 < e; i++) {
        int comma = text[i] == ',';
        int and = isspace((unsigned char)text[i - 1]) && i + 4 < e &&
                  imrx_text_ieq(text + i, 3, "and") && isspace((unsigned char)text[i + 3]);
        int joiner = text[i] == '&' || text[i] == '/'; /* "A & B", "A/B": when both are known */
        if (!comma && !and&&!joiner) continue;
        size_t rb = i + (comma || joiner ? 1 : 3);
        while (rb < e && isspace((unsigned char)text[rb])) rb++;
        if (comma && rb + 4 < e && imrx_text_ieq(text + rb, 3, "and") &&
            isspace((unsigned char)text[rb + 3]))
            rb += 4; /* "A, B, and C" */
        if (rb + 3 < e && imrx_text_ieq(text + rb, 2, "in") && isspace((unsigned char)text[rb + 2]))
            rb += 3; /* "Board Certified in A and in B" */
        size_t le = i;
        while (le > b && isspace((unsigned char)text[le - 1])) le--;
        if (!known(L, b, le)) continue;
        if (comma || known(L, rb, e)) {
            add_specialty(L, (uint32_t)b, (uint32_t)le);
            split_prose(L, rb, e);
            return;
        }
    }
    add_specialty(L, tb, te); /* unknown: kept whole, as written */
}

void cred_read_prose(cred_letter_t *L)
{
    size_t end = L->sec->end;
    /* Specialties in letter order: board certifications and subspecialties interleave. */
    size_t pos = L->sec->begin;
    for (;;) {
        size_t best = end, bb = 0, be = 0, next = end;
        for (int r = CRED_RE_BOARD; r <= CRED_RE_PROFESSION; r++) {
            if (find(L, r, pos, end) != 1) continue;
            PCRE2_SIZE *ov = imrx_re_ov(L->t);
            if (ov[2] < best) best = ov[2], bb = ov[2], be = ov[3], next = ov[1];
        }
        if (best == end) break;
        split_prose(L, bb, be);
        pos = next > pos ? next : pos + 1;
    }
    pos = L->sec->begin;
    while (pos < end && find(L, CRED_RE_LICENSED, pos, end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        scan_states(L, ov[1], CRED_SCAN_PROSE);
        pos = ov[1] > pos ? ov[1] : pos + 1;
    }
}
