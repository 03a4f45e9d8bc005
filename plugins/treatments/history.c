/* Treatments to date, from the case summary: the list after "Treatment to date has included"
 * (each element classified, with its count of sessions where stated), and counts stated
 * elsewhere ("at least 10 completed sessions of physical therapy"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tokens.h"
#include "treatments.h"

typedef struct kind_rule {
    const char *word, *kind;
} kind_rule_t;

/* First listed word found in the element decides; specific before general. */
static const kind_rule_t kinds[] = {
    {"home exercise", "home_exercise"},
    {"hep", "home_exercise"},
    {"chiropract", "chiropractic"},
    {"chiro ", "chiropractic"},
    {"acupunct", "acupuncture"},
    {"psycho", "psychotherapy"},
    {"counsel", "psychotherapy"},
    {"cognitive", "psychotherapy"},
    {"cbt", "psychotherapy"},
    {"biofeedback", "psychotherapy"},
    {"injection", "injections"},
    {"block", "injections"},
    {"epidural", "injections"},
    {"botox", "injections"},
    {"prp", "injections"},
    {"myofascial", "physical_therapy"}, /* "myofascial release": not surgery */
    {"massage", "physical_therapy"},
    {"manual therapy", "physical_therapy"},
    {"surger", "surgery"},
    {"surgical", "surgery"},
    {"ectomy", "surgery"},
    {"otomy", "surgery"},
    {"arthroscop", "surgery"},
    {"repair", "surgery"},
    {"fusion", "surgery"},
    {"release", "surgery"},
    {"replacement", "surgery"},
    {"orif", "surgery"},
    {"mri", "imaging"},
    {"x-ray", "imaging"},
    {"xray", "imaging"},
    {"radiograph", "imaging"},
    {"imaging", "imaging"},
    {"ct scan", "imaging"},
    {"bone scan", "imaging"},
    {"emg", "imaging"},
    {"nerve conduction", "imaging"},
    {"ultrasound", "imaging"},
    {"diagnostic", "imaging"},
    {"physical therapy", "physical_therapy"},
    {"physiotherapy", "physical_therapy"},
    {"occupational therapy", "physical_therapy"},
    {"aquatic", "physical_therapy"},
    {"pt ", "physical_therapy"},
    {"medication", "medications"},
    {"nsaid", "medications"},
    {"opioid", "medications"},
    {"pain pump", "other"},
};

static const char *classify(const char *s, size_t n)
{
    char low[256];
    size_t k = n < sizeof low - 2 ? n : sizeof low - 2;
    for (size_t i = 0; i < k; i++) low[i] = (char)tolower((unsigned char)s[i]);
    low[k] = ' '; /* so "PT" at the end matches "pt " */
    low[k + 1] = '\0';
    int i =
        imrx_text_first_listed(low, k + 1, kinds, sizeof kinds / sizeof kinds[0], sizeof kinds[0]);
    if (i >= 0) return kinds[i].kind;
    if (k >= 2 && low[0] == 'p' && low[1] == 't' && (k == 2 || !isalpha((unsigned char)low[2])))
        return "physical_therapy";
    return "other";
}

/* The end of the list that starts at b: the end of its sentence. */
static uint32_t list_end(const char *text, uint32_t b, uint32_t e)
{
    int depth = 0;
    for (uint32_t i = b; i < e; i++) {
        char c = text[i];
        if (c == '(')
            depth++;
        else if (c == ')' && depth)
            depth--;
        else if (c == '\n' && i + 1 < e && text[i + 1] == '\n')
            return i;
        else if (c == '.' && !depth && (i + 1 >= e || text[i + 1] == ' ' || text[i + 1] == '\n') &&
                 !(i > b && isdigit((unsigned char)text[i - 1]) && i + 1 < e &&
                   isdigit((unsigned char)text[i + 1])))
            return i;
    }
    return e;
}

typedef struct emitter {
    const state_t *s;
    imrx_re_scratch_t *t;
    const imrx_letter_t *l;
    const imrx_host_api_t *api;
    imrx_ctx_t *ctx;
    imrx_node_t list;
    uint32_t covered_b[64], covered_e[64]; /* spans already emitted */
    int covered;
    /* where the medications plugin's mentions begin (read once, when a list has an element no
     * kind rule names; -1 until then) */
    uint32_t med_b[256];
    int n_med;
} emitter_t;

/* Does a drug mention the medications plugin found lead text[b, e)? An element that names a
 * drug ("Pamelor", "Lidoderm patches", "Naproxen and Prilosec") is a medication. */
static int names_a_drug(emitter_t *E, uint32_t b, uint32_t e)
{
    if (E->n_med < 0) {
        E->n_med = 0;
        imrx_node_t meds = E->api->get(E->ctx, E->api->root(E->ctx), "medications");
        uint32_t n = E->api->type(E->ctx, meds) == IMRX_T_ARRAY ? E->api->count(E->ctx, meds) : 0;
        for (uint32_t i = 0; i < n && E->n_med < 256; i++)
            E->med_b[E->n_med++] = E->api->get_span(E->ctx, E->api->at(E->ctx, meds, i)).begin;
    }
    for (int i = 0; i < E->n_med; i++) {
        uint32_t mb = E->med_b[i];
        if (mb < b || mb >= e) continue;
        /* the drug leads the element ("over-the-counter Aleve", "including Ultram"), not an
         * aside of another treatment ("an emergency department visit where he was given
         * Toradol") */
        int words = 0;
        for (uint32_t k = b; k < mb; k++)
            words += E->l->text[k] != ' ' && E->l->text[k] != '\n' &&
                     (k == b || E->l->text[k - 1] == ' ' || E->l->text[k - 1] == '\n');
        if (words <= 2) return 1;
    }
    return 0;
}

static int is_covered(const emitter_t *E, uint32_t b, uint32_t e)
{
    for (int i = 0; i < E->covered; i++)
        if (b < E->covered_e[i] && e > E->covered_b[i]) return 1;
    return 0;
}

static void emit(emitter_t *E, const char *kind, int count, uint32_t b, uint32_t e)
{
    if (E->covered == 64) return;
    imrx_node_t o = E->api->object(E->ctx, E->list, NULL);
    if (o == IMRX_NODE_NONE) return;
    E->api->set_span(E->ctx, o, imrx_span(b, e));
    E->api->set_string(E->ctx, o, "kind", kind, strlen(kind), imrx_span(b, e));
    if (count > 0)
        E->api->set_int(E->ctx, o, "count", count, imrx_span(b, e));
    else
        E->api->set_null(E->ctx, o, "count");
    char buf[300];
    size_t n = imrx_text_squeeze(E->l->text + b, e - b, buf, sizeof buf);
    E->api->set_string(E->ctx, o, "text", buf, n, imrx_span(b, e));
    E->covered_b[E->covered] = b;
    E->covered_e[E->covered++] = e;
}

/* Sessions stated in an element: "at least 10 completed sessions". */
static int element_count(emitter_t *E, uint32_t b, uint32_t e)
{
    quantity_t q = imrx_item_quantity(E->s, E->t, E->l->text, b, e, IMRX_QTY_SESSIONS);
    return q.value > 0 && q.unit && strcmp(q.unit, "sessions") == 0 ? (int)q.value : -1;
}

/* Does the list part text[b, e) continue the element before it rather than name one: a
 * relative clause ("which he stopped in 9-2016", "each giving about three weeks of relief") or
 * a date cut at its comma or its "and" ("in July, 2016", "in July and September 2016")? */
static int continues_element(const char *text, uint32_t b, uint32_t e)
{
    static const char *const openers[] = {"which ",       "who ",     "each ",  "that ",
                                          "where ",       "both of ", "whose ", "with which ",
                                          "after which ", NULL};
    for (const char *const *o = openers; *o; o++)
        if (e - b > strlen(*o) && imrx_text_istarts(text + b, *o)) return 1;
    /* a year, a month or both ("2016", "September", "September 2016": "in July and September,
     * 2016") */
    uint32_t k = e;
    while (k > b && isdigit((unsigned char)text[k - 1])) k--;
    if (k < e && (e - k != 4 || (text[k] != '1' && text[k] != '2'))) return 0;
    if (k == b) return 1;
    uint32_t month_end = k == e ? e : k - 1; /* before the space that precedes the year */
    if (k < e && text[month_end] != ' ') return 0;
    static const char *const months[] = {"january",  "february", "march",  "april",     "may",
                                         "june",     "july",     "august", "september", "october",
                                         "november", "december", NULL};
    for (const char *const *m = months; *m; m++)
        if (imrx_text_ieq(text + b, month_end - b, *m)) return 1;
    return 0;
}

static void emit_element(emitter_t *E, uint32_t b, uint32_t e)
{
    if (e <= b || is_covered(E, b, e)) return;
    const char *kind = classify(E->l->text + b, e - b);
    if (strcmp(kind, "other") == 0 && names_a_drug(E, b, e)) kind = "medications";
    emit(E, kind, element_count(E, b, e), b, e);
}

static void read_list(emitter_t *E, uint32_t b, uint32_t e)
{
    const char *text = E->l->text;
    int depth = 0;
    uint32_t start = b;
    /* the element read last, emitted once the next part is known not to continue it */
    uint32_t pb = 0, pe = 0;
    for (uint32_t i = b; i <= e; i++) {
        int cut = i == e;
        if (!cut) {
            char c = text[i];
            if (c == '(')
                depth++;
            else if (c == ')' && depth)
                depth--;
            else if (!depth && (c == ',' || c == ';'))
                cut = 1;
            else if (!depth && (c == ' ' || c == '\n') && i + 5 <= e &&
                     strncmp(text + i + 1, "and ", 4) == 0)
                cut = 1;
        }
        if (!cut) continue;
        uint32_t eb = start, ee = i;
        imrx_text_trim(text, &eb, &ee, ",;:");
        if (ee - eb >= 4 && imrx_text_istarts(text + eb, "and ")) eb += 4;
        if (ee > eb) {
            if (pe > pb && continues_element(text, eb, ee)) {
                pe = ee;
            } else {
                emit_element(E, pb, pe);
                pb = eb, pe = ee;
            }
        }
        if (i < e && (text[i] == ' ' || text[i] == '\n')) i += 4; /* past " and" */
        start = i + 1;
    }
    emit_element(E, pb, pe);
}

/* A therapy named at token i: its kind and how many tokens it takes, or 0. */
static int therapy_at(const imrx_token_t *t, size_t n, size_t i, const char **kind)
{
    const char *w = t[i].low, *next = i + 1 < n ? t[i + 1].low : "";
    if (!strchr("poacPOAC", w[0]) || !w[0]) return 0; /* most words: not a therapy */
    int therapy = !strcmp(next, "therapy");
    if (!strcmp(w, "physical") && therapy) return *kind = "physical_therapy", 2;
    if ((!strcmp(w, "occupational") || !strcmp(w, "aquatic")) && therapy)
        return *kind = "physical_therapy", 2;
    if (!strcmp(w, "pt")) return *kind = "physical_therapy", 1;
    if (!strcmp(w, "chiropractic"))
        return *kind = "chiropractic",
               (!strcmp(next, "therapy") || !strcmp(next, "care") || !strcmp(next, "treatment"))
                   ? 2
                   : 1;
    if (!strcmp(w, "acupuncture")) return *kind = "acupuncture", 1;
    if (!strcmp(w, "psychotherapy") || !strcmp(w, "cbt")) return *kind = "psychotherapy", 1;
    return 0;
}

static int is_session_word(const imrx_token_t *t)
{
    static const char *const w[] = {"session",   "sessions",   "visit", "visits",
                                    "treatment", "treatments", NULL};
    return imrx_token_is(t, w);
}

/* A number at most two words (completed, prior, ...) before token i; its index, or -1. */
static long number_before(const imrx_token_t *t, size_t i)
{
    static const char *const skip[] = {"completed", "prior",      "previous", "authorized",
                                       "approved",  "additional", NULL};
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        if (t[i - back].num > 0) return (long)(i - back);
        if (!imrx_token_is(&t[i - back], skip)) return -1;
    }
    return -1;
}

/* "10 completed sessions of physical therapy", "18 PT visits": the count stated at token i (a
 * therapy or a session word), with the phrase's extent. */
static int stated_count(const imrx_token_t *t, size_t n, size_t i, uint32_t *b, uint32_t *e,
                        const char **kind)
{
    if (is_session_word(&t[i]) && i + 2 < n && !strcmp(t[i + 1].low, "of")) {
        int len = therapy_at(t, n, i + 2, kind);
        long num = len ? number_before(t, i) : -1;
        if (num < 0) return 0;
        *b = t[num].b;
        *e = t[i + 2 + (size_t)len - 1].e;
        return t[num].num;
    }
    int len = therapy_at(t, n, i, kind);
    if (len && i + (size_t)len < n && is_session_word(&t[i + (size_t)len])) {
        long num = number_before(t, i);
        if (num < 0) return 0;
        *b = t[num].b;
        *e = t[i + (size_t)len].e;
        return t[num].num;
    }
    return 0;
}

/* Is the phrase ending the sentence part before `at` about what is requested, not what was done
 * ("The request for authorization is for 12 sessions of physical therapy")? */
static int about_a_request(const char *text, uint32_t floor, uint32_t at)
{
    uint32_t b = at;
    while (b > floor && !(text[b - 1] == '.' && (text[b] == ' ' || text[b] == '\n'))) b--;
    char low[400];
    size_t n = at - b < sizeof low - 1 ? at - b : sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)text[at - n + i]);
    low[n] = '\0';
    static const char *const words[] = {"request",   "authoriz", "certif",  "denied", "modified",
                                        "recommend", "plan",     "dispute", NULL};
    for (const char *const *w = words; *w; w++)
        if (strstr(low, *w)) return 1;
    return 0;
}

/* Can stated_count find a count at this word: a session word (is_session_word) or the first
 * word of a therapy (therapy_at)? */
static int may_state_count(const char *s, size_t n)
{
    /* the words by length: most words have another length, or another first letter */
    static const char *const by_length[14][2] = {[2] = {"pt"},
                                                 [3] = {"cbt"},
                                                 [5] = {"visit"},
                                                 [6] = {"visits"},
                                                 [7] = {"session", "aquatic"},
                                                 [8] = {"sessions", "physical"},
                                                 [9] = {"treatment"},
                                                 [10] = {"treatments"},
                                                 [11] = {"acupuncture"},
                                                 [12] = {"occupational", "chiropractic"},
                                                 [13] = {"psychotherapy"}};
    if (n >= 14) return 0;
    for (int k = 0; k < 2 && by_length[n][k]; k++)
        if (by_length[n][k][0] == (s[0] | 0x20) && imrx_text_ieq(s, n, by_length[n][k])) return 1;
    return 0;
}

void imrx_treatments_to_date(const state_t *s, thread_t *th, const imrx_letter_t *l,
                             const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    imrx_re_scratch_t *t = &th->re;
    const imrx_section_t *sec = imrx_letter_section(l, "summary");
    if (!sec) return;
    emitter_t E = {.s = s, .t = t, .l = l, .api = api, .ctx = ctx};
    E.n_med = -1;
    E.list = api->array(ctx, api->root(ctx), "treatments_to_date");
    uint32_t pos = sec->begin;
    while (pos < sec->end &&
           imrx_re_find(&s->re[RE_HISTORY_LIST], t, l->text, pos, sec->end) == 1) {
        uint32_t b = (uint32_t)imrx_re_ov(t)[1];
        uint32_t e = list_end(l->text, b, sec->end);
        read_list(&E, b, e);
        pos = e > b ? e : b + 1;
    }
    /* Counts told outside such a list: only at a session word or a therapy's first word can
     * stated_count find one, so the summary is tokenized only around those words (three tokens
     * before, for the number; four from the word, for "sessions of physical therapy"). */
    const char *text = l->text;
    uint32_t p = sec->begin;
    while (p < sec->end) {
        while (p < sec->end && !imrx_text_letter((unsigned char)text[p])) p++;
        uint32_t q = p;
        while (q < sec->end && imrx_text_letter((unsigned char)text[q])) q++;
        if (may_state_count(text + p, q - p)) {
            int k;
            uint32_t from = imrx_tokens_back(text, sec->begin, p, 3, &k);
            imrx_token_t tok[8];
            size_t n = imrx_tokenize(text, from, sec->end, tok, 8);
            uint32_t b, e;
            const char *kind;
            int count = (size_t)k < n ? stated_count(tok, n, (size_t)k, &b, &e, &kind) : 0;
            if (count > 0 && !is_covered(&E, b, e) && !about_a_request(text, sec->begin, b))
                emit(&E, kind, count, b, e);
        }
        p = q;
    }
}
