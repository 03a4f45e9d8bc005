/* What follows a drug name: its salt or release form (part of the mention), then strength, dose
 * form, frequency, quantity and refills, read token by token until the clause ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meds.h"
#include "text.h"

/* Words that belong to the name as written ("Tramadol ER", "Naproxen sodium", "Orphenadrine
 * Citrate ER"). Short ones are case-sensitive: "er", "es" and "Dr." are ordinary text. */
static const char salt_pattern[] =
    "[ \\n]{1,2}(?:(?i:hydrochloride|sodium|potassium|citrate|sulfate|bitartrate|besylate|"
    "maleate|tartrate|succinate|mesylate|magnesium|calcium|phosphate|acetate|fumarate|hyclate|"
    "extended[- ]release|ext[- ]rel|delayed[- ]release)|ER|"
    "XR|SR|CR|IR|XL|ES|DR|EC|ODT|HCl|HCL|DS|Er|Xr)(?![A-Za-z])";

#define NUMW "(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|eight|ten|twelve|twenty-four)"
#define FORMW                                                                                      \
    "tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|lozenges?|films?|suppositor(?:y|ies)|"     \
    "packets?|vials?|pens?|syringes?|sprays?|ampules?|ampoules?|tubes?|bottles?|boxes"

/* A count in words ("thirty tablets", "one hundred twenty capsules"): ten and more, since
 * "two tablets" is a dose. */
#define QTYW                                                                                       \
    "(?i:(?:one|two)\\s+hundred(?:\\s+(?:and\\s+)?(?:twenty|forty|fifty|sixty|eighty))?"           \
    "|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"                                   \
    "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"                           \
    "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen)"

/* One token after the name; the group that matched says what it is. */
static const char token_pattern[] =
    "(?:(?:#\\s?|x\\s?(?=\\d{2,4}\\b(?!\\s*(?:days?|weeks?|months?|hours?|refills?))))"
    "(\\d{1,4})(?![\\d/])"                                /* 1: #120, x120 */
    "|(\\d{1,4}|" QTYW ")\\)?\\s*(" FORMW "|count|ct)\\b" /* 2, 3: 120 tablets */
    "|(\\d+\\s*(?:-|to)\\s*\\d+)\\s*(?:" FORMW ")\\b"     /* 4: 1-2 tablets (a dose) */
    /* 5: qty 60, No. 60, number 90, dispense 60, sixty (60) */
    "|(?:(?:qty|quantity|No\\.|number|dispense|disp\\.?)(?:\\s+of)?\\s*[:#]?\\s*|" QTYW "\\s*\\()"
    "(\\d{1,4}\\b|(?<=quantity\\s)" QTYW "(?![a-z-]))" /* (or in words: "quantity thirty") */
    "|(?:with\\s+)?(?:x\\s*)?(\\d{1,2}|one|two|three|four|five|six|eleven|twelve|no|zero)\\s+"
    "(?:additional\\s+)?refills?\\b"                     /* 6: with 2 refills */
    "|(?:refills?|RF)\\s*(?:x|:|#|of)?\\s*(\\d{1,2})\\b" /* 7: refills x2 */
    "|((?:(?:once|twice|thrice|" NUMW "(?:\\s*(?:-|to)\\s*" NUMW ")?\\s+times?)\\s+(?:(?:a|per|"
    "each)\\s+(?:day|week|month)|daily|weekly|nightly))"
    "|(?:every|q)\\s*(?:other\\s+day|" NUMW "(?:\\s*(?:-|to)\\s*" NUMW ")?\\s*(?:hours?|hrs?|h|"
    "days?|weeks?|months?|minutes?)|morning|evening|night|day|week|month|bedtime)\\b"
    "|q\\.?\\s?\\d+(?:-\\d+)?\\s*h(?:ours?|rs?)?\\b"
    "|(?:(?:[bt]\\.i\\.d|q\\.i\\.d|q\\.d|q\\.h\\.s|q\\.o\\.d|h\\.s|p\\.r\\.n)\\.?"
    "|bid|tid|qid|qd|qhs|qam|qpm|qod|hs|prn)(?![a-z])"
    "|(?:\\d|one|two|three|four)\\s+(?:daily|a\\s+day|per\\s+day|nightly)\\b"
    "|(?:daily|nightly|weekly|monthly|once|(?:at|before)\\s+(?:night|bedtime|sleep)|"
    "in\\s+the\\s+(?:morning|evening)|as\\s+needed(?:\\s+for\\s+(?:(?:breakthrough\\s+)?pain|"
    "spasms?|"
    "sleep|nausea|"
    "anxiety|headaches?))?|as\\s+directed|(?:a|per)\\s+day)\\b)" /* 8: frequency */
    "|(?:oral\\s+|transdermal\\s+|topical\\s+|extended[- ]release\\s+|film[- ]coated\\s+)?"
    "((?:oral\\s+)?suspension|" FORMW "|cream|gel|ointment|lotion|solution|injections?|"
    "injectable|inj|drops|liquid|elixir|syrup|powder|inhaler|pump|foam|kit)\\b" /* 9: form */
    "|((?:for\\s+|x\\s*)?\\d+\\s*-?\\s*(?:days?|weeks?|months?)(?:'?\\s*supply)?"
    "|(?:a|one|1|two|2)\\s*-?\\s*(?:month|week)(?:'?s)?\\s+supply(?:\\s+of)?"
    "|\\d+(?:\\.\\d+)?\\s*(?:gm|grams?|gms|g|ml|oz|ounces?|cc)\\b"
    "|(?:one|1)\\s+(?:container|tube|bottle|jar|box)(?:\\s+of)?)" /* 10: duration, amount */
    "|(sig\\s*:|of|oral(?:ly)?|by\\s+mouth|p\\.?o\\.?|take|taking|apply|applied|one|two|half|an?|"
    "up\\s+to|per|sig|dispense|disp|topical(?:ly)?|transdermal|as|prescribed|dose|dosage|"
    /* 11: filler */
    "the|strength|each|to|for\\s+(?:(?:breakthrough\\s+)?pain|spasms?|sleep|nausea))(?:\\b|(?<=:))"
    "|(\\d{1,2}(?:\\s*(?:-|to)\\s*\\d{1,2})?)(?![\\d/%.])" /* 12: a count to take */
    ")";

enum { G_HASH = 1, G_COUNT = 2, G_RANGE = 4, G_QTY = 5, G_REFILL = 6, G_REFILL2 = 7 };
enum { G_FREQ = 8, G_FORM = 9, G_SKIP = 10, G_FILLER = 11, G_COUNT_TO_TAKE = 12 };

/* Words after which the attributes of this mention cannot continue. */
static const char *const stop_words[] = {
    "and", "or", "but", "which", "who", "that", "since", "because", "when", "while", "was", "were",
    "is", "are", "has", "had", "without", "then", "due", "after", "before", "in", "on", "from",
    "until", "along", "plus", "also", "however", "not", "versus", "vs", "than", "if",
    /* a list entry's note: "Norco 10/325 mg (discontinued 3/2015)" dates no strength; a
     * table row's status: "Cyclobenzaprine 5 mg QHS 02/2015 DC'd 09/2015" */
    "discontinued", "stopped", "dc'd", "weaned", "tapered", "held", "ceased", "started",
    "restarted", NULL};

imrx_status_t med_attr_compile(med_attr_re_t *re, const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    if (imrx_re_compile(&re->salt, salt_pattern, IMRX_RE_CASE, api, ctx) != IMRX_OK)
        return IMRX_EINVAL;
    if (imrx_re_compile(&re->token, token_pattern, 0, api, ctx) != IMRX_OK) {
        imrx_re_free(&re->salt);
        return IMRX_EINVAL;
    }
    return IMRX_OK;
}

void med_attr_free(med_attr_re_t *re)
{
    imrx_re_free(&re->salt);
    imrx_re_free(&re->token);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A unit at t[p..e): its normal form and kind (1 strength, 2 amount), its end in *end. */
static const char *unit_at(const char *t, uint32_t p, uint32_t e, int *kind, uint32_t *end)
{
    static const struct {
        const char *word, *norm;
        int kind;
    } units[] = {{"milligrams", "mg", 1}, {"milligram", "mg", 1}, {"micrograms", "mcg", 1},
                 {"microgram", "mcg", 1}, {"mcgs", "mcg", 1},     {"mcg", "mcg", 1},
                 {"mgs", "mg", 1},        {"mg", "mg", 1},        {"ug", "mcg", 1},
                 {"\xc2\xb5g", "mcg", 1}, {"units", "units", 1},  {"unit", "units", 1},
                 {"iu", "iu", 1},         {"meq", "meq", 1},      {"%", "%", 1},
                 {"grams", "g", 2},       {"gram", "g", 2},       {"gms", "g", 2},
                 {"gm", "g", 2},          {"g", "g", 2},          {"ml", "ml", 2},
                 {"cc", "ml", 2},         {"oz", "oz", 2}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t k = strlen(units[i].word);
        if (p + k > e || !imrx_text_ieq(t + p, k, units[i].word)) continue;
        if (units[i].word[0] != '%' && p + k < e && imrx_text_letter((unsigned char)t[p + k]))
            continue;
        *kind = units[i].kind;
        *end = (uint32_t)(p + k);
        return units[i].norm;
    }
    return NULL;
}

/* "/hr", "/ml", "/g" after a unit: a concentration or a rate, part of the strength; "/0.5mL"
 * (a dose in a volume: "Sumatriptan 6mg/0.5mL", "Lovenox 40mg/0.4mL", "5mg/5mL") is written
 * into buf as "0.5 ml". */
static const char *per_at(const char *t, uint32_t p, uint32_t e, uint32_t *end, char buf[16])
{
    if (p + 1 < e && t[p] == '/' && (is_digit(t[p + 1]) || t[p + 1] == '.')) {
        uint32_t q = p + 1;
        while (q < e && q < p + 7 && (is_digit(t[q]) || t[q] == '.')) q++;
        uint32_t u = q < e && t[q] == ' ' ? q + 1 : q;
        if (q - p - 1 < 6 && u + 2 <= e && imrx_text_ieq(t + u, 2, "ml") &&
            !(u + 2 < e && imrx_text_letter((unsigned char)t[u + 2]))) {
            snprintf(buf, 16, "%.*s ml", (int)(q - p - 1), t + p + 1);
            *end = u + 2;
            return buf;
        }
    }
    static const char *const per[][2] = {
        {"24hr", "24hr"},  {"24 hours", "24hr"}, {"hr", "hr"},
        {"hour", "hr"},    {"h", "hr"},          {"ml", "ml"},
        {"gm", "g"},       {"g", "g"},           {"actuation", "actuation"},
        {"spray", "spray"}};
    if (p >= e || t[p] != '/') return NULL;
    for (size_t i = 0; i < sizeof per / sizeof per[0]; i++) {
        size_t k = strlen(per[i][0]);
        if (p + 1 + k > e || !imrx_text_ieq(t + p + 1, k, per[i][0])) continue;
        if (p + 1 + k < e && imrx_text_letter((unsigned char)t[p + 1 + k])) continue;
        *end = (uint32_t)(p + 1 + k);
        return per[i][1];
    }
    return NULL;
}

/* A number at t[p..e) ("7.5", ".5", "325"); its end, or p. */
static uint32_t number_at(const char *t, uint32_t p, uint32_t e)
{
    uint32_t q = p;
    while (q < e && is_digit(t[q])) q++;
    if (q + 1 < e && t[q] == '.' && is_digit(t[q + 1])) {
        q++;
        while (q < e && is_digit(t[q])) q++;
    }
    return q;
}

/* Reads a strength or an amount starting at t[p]. Returns its end (0: none); *kind 1 for a
 * strength written into out, 2 for an amount ("100gm"), which is skipped. */
static uint32_t strength_at(const char *t, uint32_t p, uint32_t e, med_value_t *out, int *parts,
                            int *kind)
{
    uint32_t nb[6], ne[6];
    int n = 0, ukind = 0;
    const char *unit = NULL, *per = NULL;
    char per_buf[16];
    uint32_t q = p, end = 0;
    while (n < 6) {
        uint32_t x = number_at(t, q, e);
        if (x == q) break;
        nb[n] = q, ne[n] = x, n++;
        end = x;
        uint32_t u = x, ue;
        if (u < e && t[u] == ' ') u++;
        int k;
        const char *un = unit_at(t, u, e, &k, &ue);
        if (un) {
            unit = un, ukind = k, end = ue;
            const char *pr = per_at(t, ue, e, &u, per_buf);
            if (pr) {
                per = pr, end = u;
                break;
            }
        }
        /* Another number joined by '/' or '-' continues a combination ("10/325", "4%-27.5%"). */
        uint32_t s = end;
        while (s < e && t[s] == ' ') s++;
        if (s >= e || (t[s] != '/' && t[s] != '-')) break;
        s++;
        while (s < e && t[s] == ' ') s++;
        if (s >= e || !is_digit(t[s])) break;
        q = s;
    }
    if (n == 0) return 0;
    if (!unit) {
        /* A bare "10/325" or "10-325" names an opioid/acetaminophen tablet; other bare numbers
         * are doses, dates or counts. */
        if (n != 2 || atof(t + nb[1]) < 100) return 0;
        if (end < e && (t[end] == '/' || is_digit(t[end]))) return 0;
    }
    *kind = unit ? ukind : 1;
    if (*kind == 2 && per) *kind = 1;
    if (*kind != 1) return end;
    size_t w = 0;
    for (int i = 0; i < n && w + 16 < sizeof out->text; i++) {
        if (i) out->text[w++] = '/';
        size_t k = ne[i] - nb[i];
        if (k > 12) k = 12;
        memcpy(out->text + w, t + nb[i], k);
        w += k;
    }
    out->text[w] = '\0';
    /* The bare pair is a tablet's milligrams ("Norco 10/325" is "10/325 mg"). */
    char tail[32];
    snprintf(tail, sizeof tail, " %s%s%s", unit ? unit : "mg", per ? "/" : "", per ? per : "");
    snprintf(out->text + w, sizeof out->text - w, "%s", tail);
    out->b = p, out->e = end;
    *parts = n;
    return end;
}

int med_parse_strength(const char *text, uint32_t b, uint32_t e, med_value_t *out, int *parts)
{
    for (uint32_t p = b; p < e; p++) {
        if (!is_digit(text[p]) || (p > b && (is_digit(text[p - 1]) || text[p - 1] == '.')))
            continue;
        int kind = 0;
        med_value_t v = {0};
        if (strength_at(text, p, e, &v, parts, &kind) && kind == 1) {
            *out = v;
            return 1;
        }
    }
    return 0;
}

static int word_number(const char *s, size_t n)
{
    static const char *const words[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                        "seven", "eight", "nine", "ten",   "eleven", "twelve"};
    if (n && is_digit(s[0])) return atoi(s);
    if (imrx_text_ieq(s, n, "no")) return 0;
    for (int i = 0; i < 13; i++)
        if (imrx_text_ieq(s, n, words[i])) return i;
    return -1;
}

/* The value of a count as QTYW or digits write it; -1 when it is neither. */
static int count_value(const char *s, size_t n)
{
    static const char *const small[] = {"zero",    "one",     "two",       "three",    "four",
                                        "five",    "six",     "seven",     "eight",    "nine",
                                        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty",  "forty",  "fifty",
                                       "sixty",  "seventy", "eighty", "ninety"};
    if (n && is_digit(s[0])) return atoi(s);
    int total = 0, seen = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '\n')) i++;
        size_t w = i;
        while (w < n && s[w] != ' ' && s[w] != '-' && s[w] != '\n') w++;
        if (w == i) break;
        int v = -1;
        for (int k = 0; k < 20 && v < 0; k++)
            if (imrx_text_ieq(s + i, w - i, small[k])) v = k;
        for (int k = 0; k < 8 && v < 0; k++)
            if (imrx_text_ieq(s + i, w - i, tens[k])) v = 20 + 10 * k;
        if (imrx_text_ieq(s + i, w - i, "hundred")) {
            total = (total ? total : 1) * 100;
        } else if (imrx_text_ieq(s + i, w - i, "and")) {
        } else if (v >= 0) {
            total += v;
        } else {
            return -1;
        }
        seen = 1;
        i = w;
    }
    return seen ? total : -1;
}

static void set_value(med_value_t *v, const char *t, uint32_t b, uint32_t e, const char *norm)
{
    v->b = b, v->e = e;
    if (norm)
        snprintf(v->text, sizeof v->text, "%s", norm);
    else
        imrx_text_squeeze(t + b, e - b, v->text, sizeof v->text);
}

static const char *form_name(const char *s, size_t n)
{
    static const char *const forms[][2] = {
        {"tab", "tablet"},        {"cap", "capsule"},     {"patch", "patch"},
        {"inj", "injection"},     {"cream", "cream"},     {"gel", "gel"},
        {"oint", "ointment"},     {"lotion", "lotion"},   {"sol", "solution"},
        {"oral s", "suspension"}, {"susp", "suspension"}, {"spray", "spray"},
        {"supp", "suppository"},  {"loz", "lozenge"},     {"film", "film"},
        {"drop", "drops"}};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        size_t k = strlen(forms[i][0]);
        if (n >= k && imrx_text_ieq(s, k, forms[i][0])) return forms[i][1];
    }
    return NULL;
}

/* Does a frequency start at t[p] (after spaces)? Tells a dose ("2 tablets twice daily") from a
 * quantity ("120 tablets"). */
static int frequency_follows(const med_attr_re_t *re, imrx_re_scratch_t *s, const char *t,
                             uint32_t p, uint32_t e)
{
    while (p < e && (t[p] == ' ' || t[p] == '\n' || t[p] == ',')) p++;
    int rc = imrx_re_at(&re->token, s, t, p, e);
    if (rc == 1 && (imrx_re_has(s, G_FILLER) || imrx_re_has(s, G_COUNT_TO_TAKE))) {
        p = (uint32_t)imrx_re_ov(s)[1];
        while (p < e && (t[p] == ' ' || t[p] == '\n')) p++;
        rc = imrx_re_at(&re->token, s, t, p, e);
    }
    return rc == 1 && imrx_re_has(s, G_FREQ);
}

static void extend_name(const med_attr_re_t *re, imrx_re_scratch_t *s, const char *t,
                        uint32_t limit, mention_t *m)
{
    while (m->e < limit && imrx_re_at(&re->salt, s, t, m->e, limit) == 1)
        m->e = (uint32_t)imrx_re_ov(s)[1];
}

static int is_stop_word(const char *s, size_t n)
{
    for (int i = 0; stop_words[i]; i++)
        if (imrx_text_ieq(s, n, stop_words[i])) return 1;
    return 0;
}

/* Do the line of text[b] and the line that starts at text[next] both begin with "#<digits> "
 * and a capital (a quantity wrapped to a line's start, "#45 for weaning", is no number)? (The
 * second line's name may be the next mention, past the attributes' limit: the text is read up to
 * its NUL.) */
static int list_numbered(const char *t, uint32_t b, uint32_t next)
{
    uint32_t starts[2] = {b, next};
    while (starts[0] > 0 && t[starts[0] - 1] != '\n') starts[0]--;
    for (int i = 0; i < 2; i++) {
        const char *q = t + starts[i];
        if (*q++ != '#' || !is_digit(*q)) return 0;
        while (is_digit(*q)) q++;
        if (q[0] != ' ' || q[1] < 'A' || q[1] > 'Z') return 0;
    }
    return 1;
}

void med_read_attributes(const med_attr_re_t *re, imrx_re_scratch_t *s, const char *t,
                         uint32_t limit, mention_t *m)
{
    extend_name(re, s, t, limit, m);
    uint32_t p = m->e;
    m->attr_e = m->e;
    int unknown = 0, last_freq = 0, hash_seen = 0;
    while (p < limit) {
        char c = t[p];
        if (c == ' ' || c == '\n' || c == ',' || c == '(' || c == ')' || c == '[' || c == ']') {
            p++;
            continue;
        }
        /* a trademark sign after the name: "Lyrica® 75mg", "Celebrex™ 200 mg" */
        if (p == m->e && (unsigned char)c == 0xC2 && p + 1 < limit &&
            (unsigned char)t[p + 1] == 0xAE) {
            p += 2;
            continue;
        }
        if (p == m->e && (unsigned char)c == 0xE2 && p + 2 < limit &&
            (unsigned char)t[p + 1] == 0x84 && (unsigned char)t[p + 2] == 0xA2) {
            p += 3;
            continue;
        }
        /* "100 mg. #60", "100 mg. tabs": the period of an abbreviated unit, not a sentence end
         * (which a capital would follow) */
        if (c == '.' && p == m->attr_e && p > m->e && imrx_text_letter((unsigned char)t[p - 1])) {
            uint32_t q = p + 1;
            while (q < limit && (t[q] == ' ' || t[q] == ',' || t[q] == '\n')) q++;
            if (q > p + 1 && q < limit && (t[q] == '#' || (t[q] >= 'a' && t[q] <= 'z'))) {
                p = q;
                continue;
            }
        }
        /* "#2 Gabapentin 300 mg TID" / "#3 Methocarbamol": in a list numbered so, the next
         * line's number is its entry's, no count */
        if (c == '#' && p > 0 && t[p - 1] == '\n' && list_numbered(t, m->b, p)) break;
        if (is_digit(c) || (c == '.' && p + 1 < limit && is_digit(t[p + 1]))) {
            int kind = 0, parts = 0;
            med_value_t v = {0};
            uint32_t end = strength_at(t, p, limit, &v, &parts, &kind);
            if (end) {
                if (kind == 1 && m->strength.e == 0) m->strength = v, m->strength_parts = parts;
                p = m->attr_e = end;
                last_freq = 0;
                continue;
            }
        }
        if (imrx_re_at(&re->token, s, t, p, limit) == 1) {
            PCRE2_SIZE *ov = imrx_re_ov(s);
            uint32_t b = (uint32_t)ov[0], e = (uint32_t)ov[1];
            int filler = imrx_re_has(s, G_FILLER) || imrx_re_has(s, G_COUNT_TO_TAKE);
            int freq = imrx_re_has(s, G_FREQ);
            if (e == b) break;
            if (imrx_re_has(s, G_HASH)) {
                /* "#120" is the count; it wins over "120 tablets", the first one over others. */
                if (!hash_seen) m->quantity = (med_int_t){b, e, atoi(t + ov[2 * G_HASH])};
                hash_seen = 1;
            } else if (imrx_re_has(s, G_COUNT)) {
                uint32_t ub = (uint32_t)ov[6], ue = (uint32_t)ov[7];
                const char *form = form_name(t + ub, ue - ub);
                int n = count_value(t + ov[2 * G_COUNT], ov[2 * G_COUNT + 1] - ov[2 * G_COUNT]);
                /* (frequency_follows matches again: ov is not to be read after it) */
                int dose = n < 2 || frequency_follows(re, s, t, e, limit);
                /* "3 tubes", "2 boxes", "1 bottle" count containers, not the quantity */
                int container = ue - ub >= 3 && (imrx_text_ieq(t + ub, 3, "tub") ||
                                                 imrx_text_ieq(t + ub, 3, "bot") ||
                                                 imrx_text_ieq(t + ub, 3, "box"));
                if (!dose && !container && m->quantity.e == 0) m->quantity = (med_int_t){b, e, n};
                if (form && m->dose_form.e == 0) set_value(&m->dose_form, t, ub, ue, form);
            } else if (imrx_re_has(s, G_QTY)) {
                m->quantity = (med_int_t){
                    b, e, count_value(t + ov[2 * G_QTY], ov[2 * G_QTY + 1] - ov[2 * G_QTY])};
            } else if (imrx_re_has(s, G_REFILL) || imrx_re_has(s, G_REFILL2)) {
                int g = imrx_re_has(s, G_REFILL) ? G_REFILL : G_REFILL2;
                int n = word_number(t + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
                if (n >= 0) m->refills = (med_int_t){b, e, n};
            } else if (freq) {
                /* Adjacent pieces make one frequency ("every 6 hours" "as needed"). */
                if (last_freq)
                    set_value(&m->frequency, t, m->frequency.b, e, NULL);
                else if (m->frequency.e == 0)
                    set_value(&m->frequency, t, b, e, NULL);
            } else if (imrx_re_has(s, G_FORM) && m->dose_form.e == 0) {
                /* A known form in its usual name ("tabs": "tablet"), another in lower case. */
                uint32_t fb = (uint32_t)ov[2 * G_FORM], fe = (uint32_t)ov[2 * G_FORM + 1];
                char w[24];
                const char *form = form_name(t + fb, fe - fb);
                if (!form) {
                    imrx_text_squeeze(t + fb, fe - fb, w, sizeof w);
                    for (char *x = w; *x; x++) *x = (char)(*x >= 'A' && *x <= 'Z' ? *x + 32 : *x);
                    form = w;
                }
                set_value(&m->dose_form, t, b, e, form);
            }
            if (!filler) {
                m->attr_e = e;
                last_freq = freq;
            }
            p = e;
            continue;
        }
        /* A bare number right after the name ("Norflex 100 #60", "Tramadol ER 150 daily"): a
         * strength without its unit, which is not guessed; what follows it is read. */
        if (is_digit(c) && m->attr_e == m->e && m->strength.e == 0) {
            uint32_t x = number_at(t, p, limit);
            if (x + 1 < limit && t[x] == ' ' && t[x + 1] != '/' && t[x + 1] != '-') {
                p = x;
                continue;
            }
        }
        if (!imrx_text_letter((unsigned char)c))
            break; /* sentence end, colon, semicolon, another list */
        uint32_t w = p;
        while (w < limit && (imrx_text_letter((unsigned char)t[w]) || t[w] == '\'')) w++;
        if (is_stop_word(t + p, w - p) || ++unknown > 1) break;
        p = w;
    }
}
