/* Treatments to date, from the case summary: the list after "Treatment to date has included"
 * (each element classified, with its count of sessions where stated), and counts stated
 * elsewhere ("at least 10 completed sessions of physical therapy"). */
#include <ctype.h>
#include <string.h>

#include "text.h"
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
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strstr(low, kinds[i].word)) return kinds[i].kind;
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
} emitter_t;

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

/* Sessions stated in an element: "at least 10 completed sessions", "PT x12". */
static int element_count(emitter_t *E, uint32_t b, uint32_t e)
{
    if (imrx_re_find(&E->s->re[RE_SESSIONS], E->t, E->l->text, b, e) != 1) return -1;
    PCRE2_SIZE *ov = imrx_re_ov(E->t);
    return imrx_number_value(E->l->text + ov[2], ov[3] - ov[2]);
}

static void read_list(emitter_t *E, uint32_t b, uint32_t e)
{
    const char *text = E->l->text;
    int depth = 0;
    uint32_t start = b;
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
        if (ee > eb && !is_covered(E, eb, ee))
            emit(E, classify(text + eb, ee - eb), element_count(E, eb, ee), eb, ee);
        if (i < e && (text[i] == ' ' || text[i] == '\n')) i += 4; /* past " and" */
        start = i + 1;
    }
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

void imrx_treatments_to_date(const state_t *s, imrx_re_scratch_t *t, const imrx_letter_t *l,
                             const imrx_host_api_t *api, imrx_ctx_t *ctx)
{
    const imrx_section_t *sec = imrx_letter_section(l, "summary");
    if (!sec) return;
    emitter_t E = {.s = s, .t = t, .l = l, .api = api, .ctx = ctx};
    E.list = api->array(ctx, api->root(ctx), "treatments_to_date");
    uint32_t pos = sec->begin;
    while (pos < sec->end &&
           imrx_re_find(&s->re[RE_HISTORY_LIST], t, l->text, pos, sec->end) == 1) {
        uint32_t b = (uint32_t)imrx_re_ov(t)[1];
        uint32_t e = list_end(l->text, b, sec->end);
        read_list(&E, b, e);
        pos = e > b ? e : b + 1;
    }
    /* Counts told outside such a list. */
    pos = sec->begin;
    while (pos < sec->end &&
           imrx_re_find(&s->re[RE_HISTORY_COUNT], t, l->text, pos, sec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(t);
        uint32_t b = (uint32_t)ov[0], e = (uint32_t)ov[1];
        pos = e;
        int g = imrx_re_has(t, 1) ? 1 : 3, kg = g + 1;
        int count = imrx_number_value(l->text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        if (is_covered(&E, b, e) || about_a_request(l->text, sec->begin, b)) continue;
        emit(&E, classify(l->text + ov[2 * kg], ov[2 * kg + 1] - ov[2 * kg]), count, b, e);
    }
}
