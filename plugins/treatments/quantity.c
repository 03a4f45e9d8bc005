/* What an item asks for: how many (sessions, tablets, weeks of rental), for which body part and
 * side. "2 times a week for 6 weeks" is 12 sessions; "#120" is 120 units. Read from the item's
 * words in one pass (plugins/common/tokens.h). */
#include <string.h>

#include "text.h"
#include "tokens.h"
#include "treatments.h"

#define MAX_TOKENS 160

const char *const imrx_treatments_patterns[RE_COUNT] = {
    [RE_ASSOCIATED] = "^\\s*associated\\s+surgical\\s+services?\\s*:\\s*",
    [RE_HISTORY_LIST] =
        "(?:treatments?|therapies|care)(?:\\s+and\\s+(?:diagnostic\\s+(?:testing|tests|studies|"
        "work-?up)|diagnostics|evaluations?|testing|work-?up))?"
        "\\s+(?:to\\s+date|so\\s+far|thus\\s+far|rendered)\\s+(?:has\\s+|have\\s+)?"
        "(?:included|includes|include|consisted\\s+of|been)\\s*:?\\s*"
        "|(?:prior|previous|past|conservative)\\s+treatments?\\s+(?:has\\s+|have\\s+)?"
        "(?:included|includes|consisted\\s+of)\\s*:?\\s*",
};

int imrx_number_value(const char *s, size_t n)
{
    imrx_token_t t;
    if (imrx_tokenize(s, 0, (uint32_t)n, &t, 1) != 1) return -1;
    return t.num;
}

static const char *const duration_words[] = {"day",   "days",   "week", "weeks",
                                             "month", "months", NULL};

static const char *const session_words[] = {"session",   "sessions",   "visit", "visits",
                                            "treatment", "treatments", NULL};

static quantity_t make(int64_t v, const char *unit, const imrx_token_t *a, const imrx_token_t *z)
{
    return (quantity_t){v, unit, a->b, z->e};
}

/* "12 sessions", "Twelve physical therapy sessions", "12-18 sessions" (the first number). */
static int sessions(const imrx_token_t *t, size_t n, quantity_t *q)
{
    for (size_t i = 0; i < n; i++) {
        if (!imrx_token_is(&t[i], session_words)) continue;
        for (size_t back = 1; back <= 4 && back <= i; back++) {
            const imrx_token_t *c = &t[i - back];
            if (c->num <= 0) continue;
            if (i - back >= 2 && t[i - back - 1].low[0] == '-' && t[i - back - 2].num > 0)
                c = &t[i - back - 2];
            *q = make(c->num, "sessions", c, &t[i]);
            return 1;
        }
    }
    return 0;
}

static int is_week(const imrx_token_t *t)
{
    static const char *const w[] = {"week", "weeks", "wk", "wks", "weekly", NULL};
    return imrx_token_is(t, w);
}

/* "2 times a week for 6 weeks", "3 times weekly for 4 weeks", "2x6", "1 times 8". */
static int frequency(const imrx_token_t *t, size_t n, quantity_t *q)
{
    static const char *const times[] = {"x", "times", "time", NULL};
    static const char *const link[] = {"for", "x", "times", "over", NULL};
    for (size_t i = 0; i + 2 < n; i++) {
        if (t[i].num <= 0 || !imrx_token_is(&t[i + 1], times)) continue;
        if (t[i + 2].num > 0) {
            *q = make((int64_t)t[i].num * t[i + 2].num, "sessions", &t[i], &t[i + 2]);
            return 1;
        }
        /* "a week", "per week", "/ week", "weekly", then "for 6 weeks" */
        size_t j = i + 2;
        if (j < n && !is_week(&t[j])) j++;
        if (j >= n || !is_week(&t[j])) continue;
        j++;
        if (j < n && imrx_token_is(&t[j], link)) j++;
        if (j + 1 < n && t[j].num > 0 && is_week(&t[j + 1])) {
            *q = make((int64_t)t[i].num * t[j].num, "sessions", &t[i], &t[j + 1]);
            return 1;
        }
    }
    return 0;
}

/* A bare count after "x" or "times" with no number before it: "Physical therapy x 6 lumbar",
 * "Trigger point injections x4", "Physical therapy, times 12". (A number before it is a
 * frequency, "2 x 6"; a unit after it, "x 6 visits", "x 6 months", is read by the rules that
 * know the unit.) */
static int bare_count(const imrx_token_t *t, size_t n, int kind, quantity_t *q)
{
    static const char *const times[] = {"x", "times", NULL};
    static const char *const after[] = {"day",  "days",  "week",  "weeks", "month", "months",
                                        "hour", "hours", "views", "view",  NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        if (!imrx_token_is(&t[i], times) || t[i + 1].num <= 0) continue;
        if (i > 0 && t[i - 1].num > 0) continue;
        if (i + 2 < n &&
            (imrx_token_is(&t[i + 2], after) || imrx_token_is(&t[i + 2], session_words)))
            continue;
        *q = make(t[i + 1].num, kind & IMRX_QTY_SESSIONS ? "sessions" : "units", &t[i], &t[i + 1]);
        return 1;
    }
    return 0;
}

/* "#120", "qty 60", "QTY: 60", "quantity of 60", "No. 60", "60 tablets", and for a drug "x60": a
 * count of units. */
static int units(const char *text, const imrx_token_t *t, size_t n, int drug, quantity_t *q)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (t[i].low[0] == '#' && t[i + 1].num > 0) {
            *q = make(t[i + 1].num, "units", &t[i], &t[i + 1]);
            return 1;
        }
    static const char *const qty[] = {"qty", "quantity", NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        size_t j = i + 1;
        if (imrx_token_is(&t[i], qty)) {
            if (j + 1 < n && (!strcmp(t[j].low, "of") || t[j].low[0] == '#')) j++;
        } else if (!(strcmp(t[i].low, "no") == 0 && text[t[i].e] == '.')) {
            continue;
        }
        if (t[j].num > 0) {
            *q = make(t[j].num, "units", &t[i], &t[j]);
            return 1;
        }
    }
    for (size_t i = 0; drug && i + 1 < n; i++)
        if (strcmp(t[i].low, "x") == 0 && t[i + 1].num >= 2 &&
            !(i + 2 < n && imrx_token_is(&t[i + 2], duration_words))) {
            *q = make(t[i + 1].num, "units", &t[i], &t[i + 1]);
            return 1;
        }
    static const char *const forms[] = {"tablets", "tabs",  "capsules", "caps", "patches",
                                        "pills",   "films", "lozenges", NULL};
    for (size_t i = 0; i + 1 < n; i++)
        if (t[i].num >= 2 && imrx_token_is(&t[i + 1], forms)) {
            *q = make(t[i].num, "units", &t[i], &t[i + 1]);
            return 1;
        }
    return 0;
}

static int unit_after(const char *text, const imrx_token_t *t, size_t n, int drug, quantity_t *q)
{
    static const char *const hours[] = {"hour", "hours", NULL};
    for (size_t i = 0; i + 1 < n; i++)
        if (t[i].num > 0 && imrx_token_is(&t[i + 1], hours)) {
            *q = make(t[i].num, "hours", &t[i], &t[i + 1]);
            return 1;
        }
    if (units(text, t, n, drug, q)) return 1;
    for (size_t i = 0; i < n; i++) {
        size_t k = i + 1;
        if (k < n && t[k].low[0] == '-') k++; /* "30-day" */
        if (t[i].num <= 0 || k >= n || !imrx_token_is(&t[k], duration_words)) continue;
        /* "in 6 weeks" is when, not how much */
        if (i > 0 && strcmp(t[i - 1].low, "in") == 0) continue;
        char c = t[k].low[0];
        *q = make(t[i].num, c == 'd' ? "days" : c == 'w' ? "weeks" : "months", &t[i], &t[k]);
        return 1;
    }
    return 0;
}

quantity_t imrx_item_quantity(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                              uint32_t e, int kind)
{
    (void)s, (void)t;
    imrx_token_t tok[MAX_TOKENS];
    size_t n = imrx_tokenize(text, b, e, tok, MAX_TOKENS);
    quantity_t q = {0, NULL, 0, 0};
    int drug = (kind & IMRX_QTY_DRUG) != 0;
    if (sessions(tok, n, &q) || frequency(tok, n, &q) || unit_after(text, tok, n, drug, &q) ||
        (!drug && bare_count(tok, n, kind, &q)))
        return q;
    return q;
}

const char *imrx_body_part(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                           uint32_t e, uint32_t *pb, uint32_t *pe)
{
    (void)s, (void)t;
    static const struct {
        const char *word, *next, *name; /* `next`: a word that must follow, or NULL */
    } parts[] = {
        {"upper", "extremity", "upper extremity"},
        {"upper", "extremities", "upper extremity"},
        {"lower", "extremity", "lower extremity"},
        {"lower", "extremities", "lower extremity"},
        {"low", "back", "lumbar spine"},
        {"lower", "back", "lumbar spine"},
        {"mid", "back", "thoracic spine"},
        {"lumbosacral", NULL, "lumbar spine"},
        {"lumbar", NULL, "lumbar spine"},
        {"cervical", NULL, "cervical spine"},
        {"neck", NULL, "cervical spine"},
        {"thoracic", NULL, "thoracic spine"},
        {"shoulder", NULL, "shoulder"},
        {"shoulders", NULL, "shoulder"},
        {"knee", NULL, "knee"},
        {"knees", NULL, "knee"},
        {"hip", NULL, "hip"},
        {"hips", NULL, "hip"},
        {"elbow", NULL, "elbow"},
        {"elbows", NULL, "elbow"},
        {"wrist", NULL, "wrist"},
        {"wrists", NULL, "wrist"},
        {"hand", NULL, "hand"},
        {"hands", NULL, "hand"},
        {"finger", NULL, "hand"},
        {"fingers", NULL, "hand"},
        {"thumb", NULL, "hand"},
        {"ankle", NULL, "ankle"},
        {"ankles", NULL, "ankle"},
        {"foot", NULL, "foot"},
        {"feet", NULL, "foot"},
        {"toe", NULL, "foot"},
        {"toes", NULL, "foot"},
        {"pelvis", NULL, "pelvis"},
        {"head", NULL, "head"},
        {"leg", NULL, "lower extremity"},
        {"legs", NULL, "lower extremity"},
        {"arm", NULL, "upper extremity"},
        {"arms", NULL, "upper extremity"},
        {"spine", NULL, "spine"},
        {"back", NULL, "back"},
    };
    imrx_token_t tok[MAX_TOKENS];
    size_t n = imrx_tokenize(text, b, e, tok, MAX_TOKENS);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
            if (tok[i].low[0] != parts[k].word[0] || strcmp(tok[i].low, parts[k].word) != 0)
                continue;
            if (parts[k].next && !(i + 1 < n && strcmp(tok[i + 1].low, parts[k].next) == 0))
                continue;
            *pb = tok[i].b;
            *pe = parts[k].next ? tok[i + 1].e : tok[i].e;
            return parts[k].name;
        }
    return NULL;
}

const char *imrx_laterality(const state_t *s, imrx_re_scratch_t *t, const char *text, uint32_t b,
                            uint32_t e, uint32_t *pb, uint32_t *pe)
{
    (void)s, (void)t;
    imrx_token_t tok[MAX_TOKENS];
    size_t n = imrx_tokenize(text, b, e, tok, MAX_TOKENS);
    for (size_t i = 0; i < n; i++) {
        const char *w = tok[i].low, *side = NULL;
        if (!strcmp(w, "left"))
            side = "left";
        else if (!strcmp(w, "right"))
            side = "right";
        else if (!strcmp(w, "bilateral") || !strcmp(w, "bilaterally") || !strcmp(w, "both"))
            side = "bilateral";
        if (!side) continue;
        *pb = tok[i].b;
        *pe = tok[i].e;
        return side;
    }
    return NULL;
}
