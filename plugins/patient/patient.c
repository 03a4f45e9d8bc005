/* patient: the injured worker's age, sex and diagnoses, from the clinical case summary.
 *
 * Age: the first "48 year old", "39-year-old", "now 58-year-old", "aged 61", "forty-two year
 * old" of the summary.
 * Sex: an explicit word ("male", "woman") in the sentence that gives the age, else the first
 * one of the summary unless the pronouns clearly say otherwise, else the pronouns by majority
 * (he/his/him against she/her; "he/she" and "his/her" count for neither). Diagnoses: see
 * diagnoses.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diagnoses.h"
#include "re.h"
#include "text.h"

static const imrx_host_api_t *api;

static const char age_pattern[] =
    /* "48 year old", "48-year-old", "thirty-eight (38) year old" */
    "\\b(\\d{1,3})\\)?(?:\\s*-\\s*|\\s+)?(?:years?|yrs?\\.?|y)(?:\\s*-\\s*|\\s+)?(?:/\\s*)?old\\b"
    "|\\b(\\d{1,3})\\s*-?\\s*(?:y/o|y\\.o\\.|yo[mf]?)(?![a-z])" /* "52 YOM", "45-y.o." */
    "|\\baged?(?:\\s+of)?\\s*:?\\s+(\\d{1,3})\\b(?!\\s*(?:%|percent|mg|months|weeks|days))"
    "|\\b(\\d{1,3})\\s+years?\\s+of\\s+age\\b"
    "|\\b(eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s]+(one|"
    "two|three|four|five|six|seven|eight|nine))?[-\\s]+years?(?:[-\\s]+old|\\s+of\\s+age)\\b"
    /* "a grocery checker, now 62, who", "was 40 at the time of injury and is now 44." */
    "|(?:(?<=\\bnow\\s)|(?<=\\bcurrently\\s))(\\d{1,3})(?=\\s*[,.;](?:\\s|$))"
    /* "Mr. [name withheld], 57, is a former lineman", "Ms. [redacted] is 52." */
    "|\\b(?:Mr|Mrs|Ms|Miss)\\.?\\s+(?:\\[[^\\]\\n]{1,30}\\]|[A-Z][A-Za-z'-]+)"
    "(?|\\s*,\\s*(\\d{1,3})\\s*,|\\s+is\\s+(\\d{1,3})(?=\\s*[.,;]))"
    /* "a middle-aged woman of 47" */
    "|\\b(?:wo)?man\\s+of\\s+(\\d{1,3})\\b(?!\\s*(?:%|percent|mg|months|weeks|days))"
    /* "and is 37 now.", "is 37 today" */
    "|\\bis\\s+(\\d{1,3})\\s+(?:now|today|currently)(?=\\s*[.,;])"
    /* "He was 34 at the time of the injury": an age at injury, which a later one overrides */
    "|\\bwas\\s+(\\d{1,3})\\s+(?=at\\s+the\\s+time\\s+of|when\\s+(?:he|she|they)\\s+was\\s+"
    "(?:hurt|injured))"
    /* "a 49 year, 7 month old female" */
    "|\\b(\\d{1,3})\\s*-?\\s*years?\\s*,?\\s+(?:and\\s+)?\\d{1,2}\\s*-?\\s*months?\\s*-?\\s*old\\b"
    /* "the records give his age as 41", "age is recorded as 55", "puts his age at 47" (group
     * 13) */
    "|\\bage\\s+(?:is\\s+|was\\s+)?(?:(?:given|recorded|listed|stated|noted|documented)\\s+)?"
    "(?:as|at)\\s+(\\d{1,3})\\b(?!\\s*(?:%|percent|mg|months|weeks|days))";

/* Every alternative above begins at a word start with a digit or one of these words. */
static const char *const age_words[] = {
    "0",     "1",     "2",       "3",        "4",        "5",      "6",      "7",
    "8",     "9",     "age",     "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty",   "ninety",   "mr",     "mrs",    "ms",
    "miss",  "man",   "woman",   "is",       "was",      NULL};
static const imrx_re_keys_t age_keys = {age_words, 0, 0};

/* The value of an age written in words ("forty-two"): groups 5 (tens) and 6 (units). */
static int age_in_words(const char *text, imrx_re_scratch_t *t)
{
    static const char *const tens[] = {"eighteen", "nineteen", "twenty",  "thirty", "forty",
                                       "fifty",    "sixty",    "seventy", "eighty", "ninety"};
    static const int tens_value[] = {18, 19, 20, 30, 40, 50, 60, 70, 80, 90};
    static const char *const units[] = {"one", "two",   "three", "four", "five",
                                        "six", "seven", "eight", "nine"};
    PCRE2_SIZE *ov = imrx_re_ov(t);
    int age = 0;
    for (int i = 0; i < 10; i++)
        if (imrx_text_ieq(text + ov[10], ov[11] - ov[10], tens[i])) age = tens_value[i];
    for (int i = 0; imrx_re_has(t, 6) && i < 9; i++)
        if (imrx_text_ieq(text + ov[12], ov[13] - ov[12], units[i])) age += i + 1;
    return age;
}

/* Titles ("Mr.", "Ms.") are left out: summaries give them to providers, not to the worker. A
 * capital M or F right after the age counts ("48 year old M", "52 y/o F"), and the M or F of
 * "52 YOM", "52 YOF". */
static const char sex_pattern[] =
    "(?:\\b|(?<=\\dyo|\\d\\syo))(?:(male|man|gentleman|(?<=old |y/o | yo "
    ")(?-i:M)|(?<=\\dyo|\\d\\syo)m)"
    "|(female|woman|lady|(?<=old |y/o | yo )(?-i:F)|(?<=\\dyo|\\d\\syo)f))\\b";

/* Without those words, a title or a trade that says it ("Mr. Doe, 61,", "a 60-year-old retired
 * fireman", "a waitress"): a second search, so that most summaries pay for one only. */
static const char sex_title_pattern[] =
    "\\b(?:((?-i:Mr)(?=\\.?\\s)|(?:fire|police|fisher|fore|sales|business|handy|delivery)man"
    /* "a 59-year-old husband and father", "a 61-year-old grandmother": right after the age only
     * ("his wife drives him" is someone else) */
    "|(?<=old\\s)(?:(?:grand)?father|husband))"
    "|((?-i:Mrs|Ms)(?=\\.?\\s)|(?-i:Miss)(?=\\s+[A-Z])|waitress|actress|hostess|stewardess|"
    "(?:police|sales|business|fore|chair)woman|housewife|(?<=old\\s)(?:(?:grand)?mother|wife)))\\b";

enum { RE_AGE, RE_SEX, RE_CUE, RE_STOP, RE_SEX_TITLE, RE_AFTER, RE_COUNT };

typedef struct state {
    imrx_re_t re[RE_COUNT];
} state_t;

static void state_free(state_t *s)
{
    for (int i = 0; s && i < RE_COUNT; i++) imrx_re_free(&s->re[i]);
    free(s);
}

static imrx_status_t patient_init(const imrx_init_args_t *args, void **out)
{
    api = args->api;
    state_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    const char *const patterns[RE_COUNT] = {age_pattern,     sex_pattern,       dx_cue_pattern,
                                            dx_stop_pattern, sex_title_pattern, dx_after_pattern};
    for (int i = 0; i < RE_COUNT; i++) {
        if (imrx_re_compile(&s->re[i], patterns[i], 0, api, args->ctx) != IMRX_OK) {
            state_free(s);
            return IMRX_EINVAL;
        }
    }
    /* tried anchored at every cue word and the three words before it (a keyed search) */
    if (imrx_re_split_first_byte(&s->re[RE_CUE], dx_cue_pattern, 0) != IMRX_OK) {
        state_free(s);
        return IMRX_ENOMEM;
    }
    *out = s;
    return IMRX_OK;
}

static void patient_fini(void *state)
{
    state_free(state);
}

static imrx_status_t patient_thread_init(void *state, void **thread_state)
{
    (void)state;
    imrx_re_scratch_t *t = calloc(1, sizeof *t);
    if (!t) return IMRX_ENOMEM;
    if (imrx_re_scratch_init(t) != IMRX_OK) {
        free(t);
        return IMRX_ENOMEM;
    }
    *thread_state = t;
    return IMRX_OK;
}

static void patient_thread_fini(void *state, void *thread_state)
{
    (void)state;
    imrx_re_scratch_free(thread_state);
    free(thread_state);
}

typedef struct letter {
    const imrx_letter_t *l;
    const imrx_section_t *sec;
    imrx_ctx_t *ctx;
    imrx_re_scratch_t *t;
    const state_t *s;
    imrx_node_t patient;
    imrx_span_t age_span; /* (0,0) when no age */
} letter_t;

/* Someone else's age: "his 5-year-old son", "a 10 year old injury". */
static int age_of_other(const char *text, size_t pos, size_t end)
{
    static const char *const others[] = {"son",      "daughter",      "child", "children",
                                         "grandson", "granddaughter", "boy",   "girl",
                                         "injury",   "claim"};
    while (pos < end && (text[pos] == ' ' || text[pos] == '\n')) pos++;
    size_t e = pos;
    while (e < end && isalpha((unsigned char)text[e])) e++;
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (imrx_text_ieq(text + pos, e - pos, others[i])) return 1;
    return 0;
}

/* Does the age that ends at text[p] date the injury ("was 56 years old when she was hurt", "36
 * years old at the time of the injury", "36 years old when she filed her claim")? Not "39 years
 * old at the time of this review". */
static int at_injury(const char *text, size_t p, size_t end)
{
    while (p < end && (text[p] == ' ' || text[p] == '\n')) p++;
    uint32_t b = (uint32_t)p, lim = (uint32_t)(p + 40 < end ? p + 40 : end);
    if (imrx_text_find(text, b, lim, "at the time of") == b)
        return imrx_text_find(text, b, lim, " review") == lim &&
               imrx_text_find(text, b, lim, " IMR") == lim &&
               imrx_text_find(text, b, lim, " this ") == lim;
    if (imrx_text_find(text, b, lim, "when ") != b) return 0;
    return imrx_text_find(text, (uint32_t)p, (uint32_t)lim, " hurt") < lim ||
           imrx_text_find(text, (uint32_t)p, (uint32_t)lim, " injured") < lim ||
           imrx_text_find(text, (uint32_t)p, (uint32_t)lim, " claim") < lim;
}

/* The first age the summary states. "aged 45" gives way to a later "50 year old": the former
 * may date an earlier event ("injured at age 45"); so does an age at the injury ("was 34 at the
 * time of the injury and is 37 now"). */
static imrx_status_t read_age(letter_t *L)
{
    const char *text = L->l->text;
    size_t pos = L->sec->begin, end = L->sec->end;
    int weak = 0;
    imrx_span_t weak_span = imrx_span(0, 0);
    while (pos < end &&
           imrx_re_find_keyed(&L->s->re[RE_AGE], &age_keys, L->t, text, pos, end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        pos = ov[1];
        /* groups 1-4 and 7-13 hold digits; 5 and 6 an age in words */
        int g = 1;
        while (g < 14 && (g == 5 || g == 6 || !imrx_re_has(L->t, g))) g++;
        int age = g < 14 ? atoi(text + ov[2 * g]) : age_in_words(text, L->t);
        if (age < 14 || age > 105 || age_of_other(text, ov[1], end)) continue;
        if (g == 3 || g == 11 || at_injury(text, ov[1], end)) {
            if (!weak) weak = age, weak_span = imrx_span(ov[0], ov[1]);
            continue;
        }
        L->age_span = imrx_span(ov[0], ov[1]);
        return api->set_int(L->ctx, L->patient, "age", age, L->age_span);
    }
    if (!weak) return IMRX_OK;
    L->age_span = weak_span;
    return api->set_int(L->ctx, L->patient, "age", weak, weak_span);
}

/* The sentence around text[p]. */
static void sentence_around(const char *text, size_t begin, size_t end, size_t p, size_t *sb,
                            size_t *se)
{
    size_t b = p, e = p;
    while (b > begin && !(text[b - 1] == '.' && isspace((unsigned char)text[b]))) b--;
    while (e < end && !(text[e] == '.' && (e + 1 == end || isspace((unsigned char)text[e + 1]))))
        e++;
    *sb = b;
    *se = e;
}

typedef struct pronouns {
    int count[2]; /* male, female */
    imrx_span_t first[2];
} pronouns_t;

static void count_pronouns(const char *text, size_t b, size_t e, pronouns_t *p)
{
    static const char *const words[2][4] = {{"he", "him", "his", "himself"},
                                            {"she", "her", "hers", "herself"}};
    memset(p, 0, sizeof *p);
    for (size_t i = b; i < e;) {
        if (!isalpha((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t w = i;
        while (w < e && isalpha((unsigned char)text[w])) w++;
        /* "he/she", "his/her", "s/he" speak of nobody in particular */
        int slash = (i > b && text[i - 1] == '/') || (w < e && text[w] == '/');
        /* Every pronoun is 2 to 7 letters and starts with h or s: most words stop here. */
        char first = (char)(text[i] | 0x20);
        int could_be = w - i >= 2 && w - i <= 7 && (first == 'h' || first == 's');
        for (int sx = 0; sx < 2 && could_be && !slash; sx++)
            for (int k = 0; k < 4; k++)
                if (imrx_text_ieq(text + i, w - i, words[sx][k])) {
                    if (p->count[sx]++ == 0) p->first[sx] = imrx_span(i, w);
                }
        i = w;
    }
}

static imrx_status_t read_sex(letter_t *L)
{
    const char *text = L->l->text;
    size_t begin = L->sec->begin, end = L->sec->end;
    static const char *const names[2] = {"male", "female"};
    pronouns_t p;
    count_pronouns(text, begin, end, &p);
    int by_pronoun = p.count[0] > p.count[1] ? 0 : p.count[1] > p.count[0] ? 1 : -1;

    int explicit_sex = -1;
    imrx_span_t explicit_span = imrx_span(0, 0);
    if (imrx_re_find(&L->s->re[RE_SEX], L->t, text, begin, end) == 1 ||
        imrx_re_find(&L->s->re[RE_SEX_TITLE], L->t, text, begin, end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        explicit_sex = imrx_re_has(L->t, 1) ? 0 : 1;
        explicit_span = imrx_span(ov[0], ov[1]);
    }
    int in_age_sentence = 0;
    if (explicit_sex >= 0 && L->age_span.end > 0) {
        size_t sb, se;
        sentence_around(text, begin, end, L->age_span.begin, &sb, &se);
        in_age_sentence = explicit_span.begin >= sb && explicit_span.end <= se;
    }
    /* An explicit word far from the patient's introduction may speak of someone else; a clear
     * majority of pronouns then wins. */
    if (explicit_sex >= 0 && !in_age_sentence && by_pronoun >= 0 && by_pronoun != explicit_sex &&
        p.count[by_pronoun] >= 3 && p.count[by_pronoun] >= 3 * p.count[explicit_sex]) {
        api->warn(L->ctx, explicit_span, "'%.*s' disagrees with the pronouns; the pronouns win",
                  (int)(explicit_span.end - explicit_span.begin), text + explicit_span.begin);
        explicit_sex = -1;
    }
    if (explicit_sex >= 0)
        return api->set_string(L->ctx, L->patient, "sex", names[explicit_sex],
                               strlen(names[explicit_sex]), explicit_span);
    if (by_pronoun >= 0)
        return api->set_string(L->ctx, L->patient, "sex", names[by_pronoun],
                               strlen(names[by_pronoun]), p.first[by_pronoun]);
    return IMRX_OK;
}

static imrx_status_t read_diagnoses(letter_t *L)
{
    dx_list_t list = {.n = 0};
    dx_read(&L->s->re[RE_CUE], &L->s->re[RE_STOP], L->t, L->l->text, L->sec->begin, L->sec->end,
            &list);
    if (!list.n)
        dx_read_after(&L->s->re[RE_AFTER], &L->s->re[RE_STOP], L->t, L->l->text, L->sec->begin,
                      L->sec->end, &list);
    if (!list.n) return IMRX_OK;
    imrx_node_t arr = api->array(L->ctx, L->patient, "diagnoses");
    imrx_status_t st = IMRX_OK;
    for (size_t i = 0; i < list.n && st == IMRX_OK; i++) {
        char buf[512];
        imrx_span_t sp = list.item[i];
        size_t n = imrx_text_squeeze(L->l->text + sp.begin, sp.end - sp.begin, buf, sizeof buf);
        n = dx_restore_hyphens(buf, n, sizeof buf);
        n = dx_drop_codes(buf, n);
        st = api->set_string(L->ctx, arr, NULL, buf, n, sp);
    }
    return st;
}

static imrx_status_t patient_extract_letter(void *state, void *thread_state, const imrx_letter_t *l,
                                            imrx_ctx_t *ctx)
{
    letter_t L = {.l = l, .ctx = ctx, .t = thread_state, .s = state};
    L.sec = imrx_letter_section(l, "summary");
    if (!L.sec) return IMRX_OK;
    L.patient = api->object(ctx, api->root(ctx), "patient");
    if (L.patient == IMRX_NODE_NONE) return IMRX_ERR;
    imrx_status_t st = read_age(&L);
    if (st == IMRX_OK) st = read_sex(&L);
    if (st == IMRX_OK) st = read_diagnoses(&L);
    return st == IMRX_ELIMIT ? IMRX_OK : st;
}

static imrx_status_t patient_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                     imrx_ctx_t *ctx)
{
    imrx_status_t st = patient_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(thread_state, api, ctx);
    return st;
}

static const char *const reads[] = {"summary", NULL};
static const char *const fills[] = {"patient.age", "patient.sex", "patient.diagnoses", NULL};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,
    .name = "patient",
    .version = "1.0.0",
    .summary = "the injured worker's age, sex and diagnoses",
    .sections = reads,
    .fields = fills,
    .after = NULL,
    .init = patient_init,
    .fini = patient_fini,
    .thread_init = patient_thread_init,
    .thread_fini = patient_thread_fini,
    .extract = patient_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
