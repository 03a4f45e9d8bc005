/* What an item asks for: how many (sessions, tablets, weeks of rental), for which body part and
 * side. "2 times a week for 6 weeks" is 12 sessions; "#120" is 120 units. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "treatments.h"

#define NUM                                                                                        \
    "(\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"                    \
    "thirteen|fourteen|fifteen|sixteen|eighteen|twenty|twenty-four|thirty|sixty|ninety)"

const char *const imrx_treatments_patterns[RE_COUNT] = {
    [RE_SESSIONS] = "\\b" NUM "(?:\\s*(?:-|to)\\s*\\d{1,3})?\\s+(?:\\w+\\s+){0,3}?"
                    "(sessions?|visits?|treatments?)\\b",
    [RE_FREQUENCY] = "\\b" NUM "\\s*(?:x|times|time)\\s*(?:a|per|/)?\\s*(?:week|wk|weekly)s?"
                     "(?:\\s*(?:for|x|times|over)\\s*)" NUM "\\s*(?:weeks?|wks?)\\b"
                     "|\\b(\\d{1,2})\\s*x\\s*(\\d{1,2})\\b"
                     "|\\b" NUM "\\s+times\\s+" NUM "\\b",
    [RE_HASH] = "#\\s?(\\d{1,4})\\b",
    [RE_DURATION] = "\\b" NUM "[\\s-]*(day|week|month)s?\\b(?:\\s+(?:rental|supply|trial))?"
                    "|\\bx\\s*" NUM "\\s*(days?|weeks?|months?)\\b",
    [RE_HOURS] = "\\b" NUM "\\s+hours?\\b",
    [RE_BODY] = "\\b(lumbosacral|lumbar|low(?:er)?\\s+back|cervical|neck|thoracic|mid[\\s-]?back|"
                "shoulders?|knees?|hips?|elbows?|wrists?|hands?|fingers?|thumbs?|ankles?|feet|"
                "foot|toes?|pelvis|head|upper\\s+extremit(?:y|ies)|lower\\s+extremit(?:y|ies)|"
                "legs?|arms?|spine|back)\\b",
    [RE_SIDE] = "\\b(bilateral(?:ly)?|both|left|right)\\b",
    [RE_ASSOCIATED] = "^\\s*associated\\s+surgical\\s+services?\\s*:\\s*",
    [RE_HISTORY_LIST] =
        "(?:treatments?|therapies|care)(?:\\s+and\\s+diagnostic\\s+testing)?"
        "\\s+(?:to\\s+date|so\\s+far|thus\\s+far|rendered)\\s+(?:has\\s+|have\\s+)?"
        "(?:included|includes|include|consisted\\s+of|been)\\s*:?\\s*"
        "|(?:prior|previous|past|conservative)\\s+treatments?\\s+(?:has\\s+|have\\s+)?"
        "(?:included|includes|consisted\\s+of)\\s*:?\\s*",
    [RE_HISTORY_COUNT] =
        "\\b(?:at\\s+least\\s+)?" NUM "\\s+(?:completed\\s+|prior\\s+|previous\\s+|"
        "authorized\\s+|approved\\s+)?(?:sessions?|visits?|treatments?)\\s+of\\s+"
        "(physical\\s+therapy|PT|chiropractic(?:\\s+(?:therapy|care|treatment))?|"
        "acupuncture|occupational\\s+therapy|aquatic\\s+therapy|psychotherapy|CBT)"
        "|\\b(?:at\\s+least\\s+)?" NUM "\\s+(?:completed\\s+|prior\\s+)?"
        "(physical\\s+therapy|PT|chiropractic|acupuncture)\\s+"
        "(?:sessions?|visits?|treatments?)",
};

int imrx_number_value(const char *s, size_t n)
{
    static const struct {
        const char *word;
        int value;
    } words[] = {{"one", 1},       {"two", 2},       {"three", 3},        {"four", 4},
                 {"five", 5},      {"six", 6},       {"seven", 7},        {"eight", 8},
                 {"nine", 9},      {"ten", 10},      {"eleven", 11},      {"twelve", 12},
                 {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},     {"sixteen", 16},
                 {"eighteen", 18}, {"twenty", 20},   {"twenty-four", 24}, {"thirty", 30},
                 {"sixty", 60},    {"ninety", 90}};
    if (n && isdigit((unsigned char)s[0])) return atoi(s);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (imrx_text_ieq(s, n, words[i].word)) return words[i].value;
    return -1;
}

static int group_number(imrx_re_scratch_t *t, const char *text, int g)
{
    if (!imrx_re_has(t, g)) return -1;
    PCRE2_SIZE *ov = imrx_re_ov(t);
    return imrx_number_value(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

quantity_t imrx_item_quantity(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                              uint32_t e)
{
    quantity_t q = {0, NULL, 0, 0};
    PCRE2_SIZE *ov;
    /* "Twelve sessions", "6 visits" */
    if (imrx_re_find(&s->re[RE_SESSIONS], t, text, b, e) == 1) {
        int n = group_number(t, text, 1);
        ov = imrx_re_ov(t);
        if (n > 0) return (quantity_t){n, "sessions", (uint32_t)ov[0], (uint32_t)ov[1]};
    }
    /* "2 times a week for 6 weeks", "2x6", "1 times 8" */
    if (imrx_re_find(&s->re[RE_FREQUENCY], t, text, b, e) == 1) {
        int a = group_number(t, text, 1), c = group_number(t, text, 2);
        if (a < 0) a = group_number(t, text, 3), c = group_number(t, text, 4);
        if (a < 0) a = group_number(t, text, 5), c = group_number(t, text, 6);
        ov = imrx_re_ov(t);
        if (a > 0 && c > 0)
            return (quantity_t){(int64_t)a * c, "sessions", (uint32_t)ov[0], (uint32_t)ov[1]};
    }
    if (imrx_re_find(&s->re[RE_HOURS], t, text, b, e) == 1) {
        int n = group_number(t, text, 1);
        ov = imrx_re_ov(t);
        if (n > 0) return (quantity_t){n, "hours", (uint32_t)ov[0], (uint32_t)ov[1]};
    }
    if (imrx_re_find(&s->re[RE_HASH], t, text, b, e) == 1) {
        ov = imrx_re_ov(t);
        int n = atoi(text + ov[2]);
        if (n > 0) return (quantity_t){n, "units", (uint32_t)ov[0], (uint32_t)ov[1]};
    }
    if (imrx_re_find(&s->re[RE_DURATION], t, text, b, e) == 1) {
        int n = group_number(t, text, 1), g = 2;
        if (n < 0) n = group_number(t, text, 3), g = 4;
        ov = imrx_re_ov(t);
        if (n > 0) {
            char c = (char)tolower((unsigned char)text[ov[2 * g]]);
            return (quantity_t){n,
                                c == 'd'   ? "days"
                                : c == 'w' ? "weeks"
                                           : "months",
                                (uint32_t)ov[0], (uint32_t)ov[1]};
        }
    }
    return q;
}

const char *imrx_body_part(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                           uint32_t e, uint32_t *pb, uint32_t *pe)
{
    static const struct {
        const char *prefix, *name;
    } parts[] = {
        {"upper extremit", "upper extremity"}, /* before "low" */
        {"lower extremit", "lower extremity"},
        {"lumbosacral", "lumbar spine"},
        {"lumbar", "lumbar spine"},
        {"low", "lumbar spine"},
        {"cervical", "cervical spine"},
        {"neck", "cervical spine"},
        {"thoracic", "thoracic spine"},
        {"mid", "thoracic spine"},
        {"shoulder", "shoulder"},
        {"knee", "knee"},
        {"hip", "hip"},
        {"elbow", "elbow"},
        {"wrist", "wrist"},
        {"hand", "hand"},
        {"finger", "hand"},
        {"thumb", "hand"},
        {"ankle", "ankle"},
        {"feet", "foot"},
        {"foot", "foot"},
        {"toe", "foot"},
        {"pelvis", "pelvis"},
        {"head", "head"},
        {"leg", "lower extremity"},
        {"arm", "upper extremity"},
        {"spine", "spine"},
        {"back", "back"},
    };
    if (imrx_re_find(&s->re[RE_BODY], t, text, b, e) != 1) return NULL;
    PCRE2_SIZE *ov = imrx_re_ov(t);
    *pb = (uint32_t)ov[2];
    *pe = (uint32_t)ov[3];
    const char *w = text + ov[2];
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (imrx_text_istarts(w, parts[i].prefix)) return parts[i].name;
    return NULL;
}

const char *imrx_laterality(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                            uint32_t e, uint32_t *pb, uint32_t *pe)
{
    if (imrx_re_find(&s->re[RE_SIDE], t, text, b, e) != 1) return NULL;
    PCRE2_SIZE *ov = imrx_re_ov(t);
    *pb = (uint32_t)ov[2];
    *pe = (uint32_t)ov[3];
    char c = (char)tolower((unsigned char)text[ov[2]]);
    return c == 'l' ? "left" : c == 'r' ? "right" : "bilateral";
}
