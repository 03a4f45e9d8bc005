/* dates: the case number, priority and dates of the letter's header (side-by-side or label-block
 * renderings, and layout D's prose), and the dates the case summary tells: the date of injury,
 * the UR decision, and each dated clinical event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "imrx/plugin.h"
#include "re.h"
#include "text.h"

static const imrx_host_api_t *api;

/* A date as letters write it: 10/13/2016, 10-13-16, 10-30- 2016 (broken at a line end),
 * 10.13.2016, or October 13, 2016. Group names are not used: callers know which group is the
 * date. */
#define DATE_FORMS                                                                                 \
    "\\d{1,2}\\s?[-/]\\s?\\d{1,2}\\s?[-/]\\s?(?:\\d{4}|\\d{2})(?!\\d)"                             \
    "|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})(?!\\d|\\.\\d)"                                       \
    "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|"  \
    "th)?,?\\s+\\d{4}"
#define DATE "(" DATE_FORMS ")"
/* Plain pdftotext drops a hyphen that ends a line, and a date broken there loses one of its
 * hyphens: "10-\n17-2016" reads "1017-2016", "1-9-\n17" reads "1-917" (parse_joined). Only
 * where a cue says a date follows. */
#define DATE_OR_JOINED                                                                             \
    "(" DATE_FORMS                                                                                 \
    "|(?<![\\d.,/-])(?:\\d{3,4}-(?:\\d{4}|\\d{2})|\\d{1,2}-\\d{3,6})(?![\\d/-]|\\.\\d|[A-Za-z]))"

/* Header tokens, in reading order: a label, or a value of one of three kinds. Labels and
 * priorities in any case ("CASE NUMBER:"); the pattern is otherwise case-sensitive, so that a
 * capital starts another label. */
static const char header_token[] =
    "\\b(?:(?i:(IMR\\s+Case\\s+Number|Case\\s+Number|Case\\s+No\\.?|Date\\s+Assigned|Date\\s+of\\s+"
    "Injury|Injury\\s+Date|Decision\\s+Date|UR\\s+Denial\\s+Date|Priority|Application\\s+Received|"
    "Dated))\\s*:"                                     /* 1: label */
    "|(?i:(Application)(?!\\s+(?:for|Received))\\b)"   /* 2: "Application" (wrapped label) */
    "|(?i:(Received))\\s*:"                            /* 3: its second line */
    "|(CM\\d{2}-\\d{7}|IMR\\s\\d{2}-\\d{5,7})\\b"      /* 4: a case number */
    "|(\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2}))(?![\\d/])" /* 5: a date */
    "|(?i:(Standard|Expedited|Urgent))\\b"             /* 6: a priority */
    "|([A-Z][A-Za-z ()]{1,40}):(?=\\s)"                /* 7: another label */
    ")";

/* Layout D tells the procedure's dates in prose. */
static const char prose_application[] =
    "application\\s+for\\s+(?:independent\\s+medical\\s+review|IMR)\\s+was\\s+(?:received|"
    "filed|submitted)\\s+(?:on\\s+)?" DATE;
static const char prose_ur[] =
    "utilization\\s+review\\s+(?:denial|determination|decision)\\s+(?:is|"
    "was)\\s+dated\\s+" DATE;
static const char prose_assigned[] =
    "assigned\\s+to\\s+(?:MAXIMUS|an?\\s+expert\\s+reviewer|a\\s+physician\\s+reviewer)"
    "(?:\\s+Federal\\s+Services)?\\s+on\\s+" DATE;

/* The summary's date of injury: stated as such, or told by what happened ("fell from a ladder on
 * 06/05/2012"). The first such date in the summary is taken. "injury to the back and neck on",
 * "an industrial injury that occurred on", "date of injury (DOI) of"; "the injured worker ...
 * on" is no injury told. */
static const char narrative_injury[] =
    "(?:\\b(?:sustained|suffered|reported|had|incurred|with|for)\\s+(?:an?\\s+|the\\s+)?(?:(?:"
    "industrial|work|occupational|work[- ]related|industrial[- "
    "]?work|specific|cumulative|continuous|"
    "trauma|reported|alleged)\\s+)*(?:injury|injuries)"
    "(?:\\s+(?:to|involving)\\s+[^.;]{1,80}?(?=\\s+(?:on|dated|through)\\s))?"
    "(?:\\s+(?:that|which)\\s+(?:occurred|happened|took\\s+place))?"
    "\\s+(?:date\\s+)?(?:(?:on|dated|of|in|through)\\s+)?"
    "(?:or\\s+about\\s+)?"
    "|\\b(?:date\\s+of\\s+injury|injury\\s+date|DOI)(?:\\s*\\(DOI\\))?\\s*(?:of|on|was|is|:)?\\s*"
    "(?:(?:given|listed|reported|noted|recorded)\\s+)?(?:as\\s+|on\\s+)?"
    "|\\b(?:occupational|industrial|outpatient|work|workers'?\\s+compensation)\\s+(?:injury\\s+)?"
    "claim"
    "\\s+(?:from|of|on|dated)\\s+"
    "|\\b(?:was|were|got)\\s+injured\\s+(?:at\\s+work\\s+)?on\\s+"
    "|\\b(?:fell|slipped|tripped|injured(?!\\s+(?:worker|employee|patient|party))|hurt|twisted|"
    "strained|sprained|struck|hit|lifting|lifted|"
    "pulling|pushing|crushed|caught|collided|assaulted|attacked|bitten|lacerated|felt\\s+a\\s+pop|"
    "robbery|robbed|gunpoint|accident|altercation|explosion|"
    "motor\\s+vehicle\\s+(?:accident|collision)|was\\s+involved|developed|began\\s+to\\s+have|"
    "reported\\s+(?:the\\s+)?(?:onset|pain|symptoms|numbness))\\b[^.;]{0,140}?\\bon\\s+"
    "|\\bcumulative\\s+trauma\\s+(?:through|to|ending|ending\\s+on)\\s+"
    ")" DATE_OR_JOINED;

/* Every alternative above begins at a word start with one of these words. */
static const char *const injury_words[] = {
    "sustained",  "suffered", "reported",  "had",          "incurred",   "with",        "for",
    "date",       "injury",   "doi",       "occupational", "industrial", "outpatient",  "work",
    "was",        "were",     "got",       "fell",         "slipped",    "tripped",     "injured",
    "hurt",       "twisted",  "strained",  "sprained",     "struck",     "hit",         "lifting",
    "lifted",     "pulling",  "pushing",   "crushed",      "caught",     "collided",    "assaulted",
    "attacked",   "bitten",   "lacerated", "felt",         "motor",      "developed",   "began",
    "cumulative", "robbery",  "robbed",    "gunpoint",     "accident",   "altercation", "explosion",
    NULL};
static const imrx_re_keys_t injury_keys = {injury_words, 0, 0};

/* The summary's UR decision date (the last such mention is the decision under review): a date
 * right after the review is named ("The original utilization review (12-01-2016)", "The UR
 * documentation dated 11-30-16", "The prior review, dated 12/05/2016"), a review said to have
 * acted on a date ("Utilization review denied the request on 02/18/2014"), or a sentence that
 * starts with the date and ends with the review ("On 11-3-16, utilization review determined",
 * "On December 29, 2016, a request ... was denied by utilization review"). */
static const char narrative_ur[] =
    "(?:\\b(?:\\bUR\\b|utilization\\s+review|peer\\s+review|determination\\s+letter|"
    "(?:prior|previous|original|adverse)\\s+(?:review|denial|determination|decision))(?:[\\s,]+(?!"
    "on\\b|dated\\b)\\(?[A-Za-z][A-Za-z-]*\\)?){0,5}?[\\s,(]*("
    "?:"
    "dated\\s+|"
    "on\\s+|of\\s+|was\\s+on\\s+|performed\\s+on\\s+|issued\\s+on\\s+)?\\(?" DATE_OR_JOINED
    "|\\b(?:\\bUR\\b|utilization\\s+review|claims\\s+administrator)[^.;]{0,40}?\\b(?:non-?"
    "certified|"
    "denied|modified|determined|reviewed|rejected|(?:issued|rendered|made)\\s+(?:an?\\s+)?(?:"
    "denial|"
    "non-?certification|adverse\\s+determination))[^.;]{0,80}?\\bon\\s+" DATE_OR_JOINED
    /* "In a determination dated 10-16-2017, utilization review allowed ..." */
    "|\\b(?:determination|decision)\\s+dated\\s+" DATE_OR_JOINED
    ",?\\s+[^.;]{0,200}?(?:\\bUR\\b|utilization\\s+"
    "review|the\\s+claims\\s+administrator)"
    "|\\bon\\s+" DATE_OR_JOINED
    ",?\\s+[^.;]{0,200}?(?:\\bUR\\b|utilization\\s+review|the\\s+claims\\s+"
    "administrator)"
    "|\\b(?:previously|was|were)\\s+(?:reviewed|denied|non-?certified|modified)\\s+"
    "on\\s+" DATE_OR_JOINED "|\\b(?:decision\\s+date|UR\\s+denial)\\s+of\\s+" DATE_OR_JOINED ")";

/* Every alternative above begins at a word start with one of these whole words. */
static const char *const ur_words[] = {
    "ur",         "utilization", "prior",    "previous", "original",      "adverse", "claims", "on",
    "previously", "was",         "decision", "peer",     "determination", "were",    NULL};
static const imrx_re_keys_t ur_keys = {ur_words, 0, 1};

/* Any date in the summary, for the list of clinical events. */
static const char any_date[] = "\\b" DATE;

enum { RE_HEADER, RE_APP, RE_UR_PROSE, RE_ASSIGNED, RE_INJURY, RE_UR, RE_ANY, RE_COUNT };

typedef struct state {
    imrx_re_t re[RE_COUNT];
} state_t;

static imrx_status_t dates_init(const imrx_init_args_t *args, void **out)
{
    api = args->api;
    state_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    static const char *const patterns[RE_COUNT] = {header_token,   prose_application, prose_ur,
                                                   prose_assigned, narrative_injury,  narrative_ur,
                                                   any_date};
    for (int i = 0; i < RE_COUNT; i++) {
        uint32_t opt = i == RE_HEADER ? IMRX_RE_CASE : 0;
        if (imrx_re_compile(&s->re[i], patterns[i], opt, api, args->ctx) != IMRX_OK) {
            for (int k = 0; k < i; k++) imrx_re_free(&s->re[k]);
            free(s);
            return IMRX_EINVAL;
        }
    }
    *out = s;
    return IMRX_OK;
}

static void dates_fini(void *state)
{
    state_t *s = state;
    for (int i = 0; s && i < RE_COUNT; i++) imrx_re_free(&s->re[i]);
    free(s);
}

static imrx_status_t dates_thread_init(void *state, void **thread_state)
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

static void dates_thread_fini(void *state, void *thread_state)
{
    (void)state;
    imrx_re_scratch_free(thread_state);
    free(thread_state);
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* A date that lost one hyphen (DATE_OR_JOINED): the digits on one side of the hyphen left hold
 * two of month, day and year. Every way to split them is tried; the date is taken only when
 * exactly one split makes a real date ("1017-2016": 10-17-2016; "1-917": 1-9-17; "111-16" could
 * be January 11 or November 1, and is no date). */
static int parse_joined(const char *s, size_t n, int ref_year, imrx_date_t *d)
{
    const char *hy = memchr(s, '-', n);
    if (!hy) return 0;
    size_t a = (size_t)(hy - s), b = n - a - 1;
    const char *rest = hy + 1;
    int found = 0;
    imrx_date_t best = {0};
    for (size_t cut = 1; cut < (a > 2 ? a : b); cut++) {
        int m, dd, y, ydigits;
        if (a > 2) { /* month and day before the hyphen, the year after it */
            if (cut > 2 || a - cut > 2) continue;
            m = digits_value(s, cut), dd = digits_value(s + cut, a - cut);
            y = digits_value(rest, b), ydigits = (int)b;
        } else { /* the month before, the day and year after */
            if (cut > 2 || (b - cut != 2 && b - cut != 4)) continue;
            m = digits_value(s, a), dd = digits_value(rest, cut);
            y = digits_value(rest + cut, b - cut), ydigits = (int)(b - cut);
        }
        if (ydigits != 2 && ydigits != 4) continue;
        imrx_date_t c = {ydigits == 2 ? imrx_year_from_two_digits(y, ref_year) : y, m, dd};
        /* a strength ("Norco 5-325") reads as a date too, of 1925 in a letter of 2016 */
        if (!imrx_date_valid(c.year, c.month, c.day) || c.year < 1950 ||
            (ref_year && c.year > ref_year + 1))
            continue;
        best = c;
        found++;
    }
    if (found != 1) return 0;
    *d = best;
    return 1;
}

/* Parses a date written as DATE matches it. 0 when it is no real date. */
static int parse_date(const char *s, size_t n, int ref_year, imrx_date_t *d)
{
    int parts[3], k = 0;
    size_t i = 0;
    if (n && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) {
        size_t w = 0;
        while (w < n && s[w] != ' ' && s[w] != '\n') w++;
        d->month = imrx_month_from_name(s, w);
        i = w;
        int nums[2], c = 0;
        while (i < n && c < 2) {
            while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
            if (i >= n) break;
            int v = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
            nums[c++] = v;
        }
        if (c < 2) return 0;
        d->day = nums[0];
        d->year = nums[1];
        return imrx_date_valid(d->year, d->month, d->day);
    }
    while (i < n && k < 3) {
        while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
        if (i >= n) break;
        int v = 0, digits = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), digits++;
        parts[k] = digits == 2 && k == 2 ? -v - 1 : v; /* mark a two-digit year */
        k++;
    }
    if (k == 2) return parse_joined(s, n, ref_year, d);
    if (k != 3) return 0;
    d->month = parts[0];
    d->day = parts[1];
    d->year = parts[2] < 0 ? imrx_year_from_two_digits(-parts[2] - 1, ref_year) : parts[2];
    return imrx_date_valid(d->year, d->month, d->day);
}

typedef struct letter {
    const imrx_letter_t *l;
    imrx_ctx_t *ctx;
    imrx_re_scratch_t *t;
    state_t *s;
    imrx_node_t dates;
    int ref_year;
    imrx_date_t header[5]; /* assigned, injury, decision, ur_denial, application_received */
    imrx_span_t header_span[5];
    int have[5];
} letter_t;

enum { D_ASSIGNED, D_INJURY, D_DECISION, D_UR, D_APPLICATION };
static const char *const date_keys[] = {"assigned", "injury", "decision", "ur_denial",
                                        "application_received"};

/* Emits a date read from text[b..e) under `parent`.key; warns about an impossible one. */
static int emit_date(letter_t *L, imrx_node_t parent, const char *key, uint32_t b, uint32_t e,
                     imrx_date_t *out)
{
    imrx_date_t d;
    if (!parse_date(L->l->text + b, e - b, L->ref_year, &d)) {
        api->warn(L->ctx, imrx_span(b, e), "impossible date '%.*s' ignored", (int)(e - b),
                  L->l->text + b);
        return 0;
    }
    char iso[11];
    imrx_date_iso(&d, iso);
    api->set_string(L->ctx, parent, key, iso, 10, imrx_span(b, e));
    if (out) *out = d;
    return 1;
}

typedef enum { V_CASE, V_DATE, V_PRIORITY, V_OTHER } vkind_t;

typedef struct label {
    vkind_t kind;
    int slot; /* date slot, or -1 */
    int is_case, is_priority, is_dated;
} label_t;

static label_t classify_label(const char *s, size_t n)
{
    label_t l = {V_OTHER, -1, 0, 0, 0};
    char buf[64];
    imrx_text_squeeze(s, n, buf, sizeof buf);
    if (strcasestr(buf, "Case"))
        l.kind = V_CASE, l.is_case = 1;
    else if (strcasecmp(buf, "Date Assigned") == 0)
        l.kind = V_DATE, l.slot = D_ASSIGNED;
    else if (strcasestr(buf, "Injury"))
        l.kind = V_DATE, l.slot = D_INJURY;
    else if (strcasecmp(buf, "Decision Date") == 0)
        l.kind = V_DATE, l.slot = D_DECISION;
    else if (strcasecmp(buf, "UR Denial Date") == 0)
        l.kind = V_DATE, l.slot = D_UR;
    else if (strncasecmp(buf, "Application", 11) == 0)
        l.kind = V_DATE, l.slot = D_APPLICATION;
    else if (strcasecmp(buf, "Priority") == 0)
        l.kind = V_PRIORITY, l.is_priority = 1;
    else if (strcasecmp(buf, "Dated") == 0)
        l.kind = V_DATE, l.slot = D_DECISION, l.is_dated = 1;
    return l;
}

/* Labels wait in a queue for the next value of their kind: this reads both the side-by-side
 * rendering (label, value, label, value) and the block one (labels..., then values...). */
static void read_header(letter_t *L, const imrx_section_t *sec)
{
    label_t queue[32];
    int head = 0, tail = 0;
    const char *text = L->l->text;
    size_t pos = sec->begin;
    int case_done = 0, priority_done = 0, dated_slot_from_label = 0;
    while (pos < sec->end && imrx_re_find(&L->s->re[RE_HEADER], L->t, text, pos, sec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        pos = ov[1] > pos ? ov[1] : pos + 1;
        if (imrx_re_has(L->t, 1) || imrx_re_has(L->t, 2) || imrx_re_has(L->t, 7)) {
            int g = imrx_re_has(L->t, 1) ? 1 : imrx_re_has(L->t, 2) ? 2 : 7;
            label_t lab = classify_label(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
            if (tail < 32) queue[tail++] = lab;
            continue;
        }
        if (imrx_re_has(L->t, 3)) continue; /* "Received:" finishes "Application" */
        vkind_t kind = imrx_re_has(L->t, 4) ? V_CASE : imrx_re_has(L->t, 5) ? V_DATE : V_PRIORITY;
        int g = kind == V_CASE ? 4 : kind == V_DATE ? 5 : 6;
        uint32_t b = (uint32_t)ov[2 * g], e = (uint32_t)ov[2 * g + 1];
        /* The first waiting label of this kind takes the value; labels of other kinds that
         * came before it keep waiting (the block rendering interleaves kinds). */
        int k = head;
        while (k < tail && queue[k].kind != kind) k++;
        if (k == tail) continue; /* a value without a label: not a header field */
        label_t lab = queue[k];
        memmove(&queue[k], &queue[k + 1], (size_t)(tail - k - 1) * sizeof queue[0]);
        tail--;
        if (kind == V_CASE && !case_done) {
            char buf[32];
            size_t n = imrx_text_squeeze(text + b, e - b, buf, sizeof buf);
            api->set_string(L->ctx, api->root(L->ctx), "case_number", buf, n, imrx_span(b, e));
            case_done = 1;
        } else if (kind == V_PRIORITY && !priority_done) {
            char buf[16];
            size_t n = imrx_text_squeeze(text + b, e - b, buf, sizeof buf);
            /* "STANDARD", "standard": "Standard" */
            if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
            for (size_t i = 1; i < n; i++)
                if (buf[i] >= 'A' && buf[i] <= 'Z') buf[i] = (char)(buf[i] - 'A' + 'a');
            api->set_string(L->ctx, api->root(L->ctx), "priority", buf, n, imrx_span(b, e));
            priority_done = 1;
        } else if (kind == V_DATE && lab.slot >= 0) {
            /* "Decision Date:" wins over the letter's "Dated:" line. */
            if (L->have[lab.slot] &&
                !(lab.slot == D_DECISION && dated_slot_from_label && !lab.is_dated))
                continue;
            imrx_date_t d;
            if (emit_date(L, L->dates, date_keys[lab.slot], b, e, &d)) {
                L->header[lab.slot] = d;
                L->header_span[lab.slot] = imrx_span(b, e);
                L->have[lab.slot] = 1;
                if (lab.slot == D_DECISION) dated_slot_from_label = lab.is_dated;
            }
        }
        (void)head;
    }
}

static void read_prose(letter_t *L, const imrx_section_t *sec)
{
    static const struct {
        int re, slot;
    } rules[] = {{RE_APP, D_APPLICATION}, {RE_UR_PROSE, D_UR}, {RE_ASSIGNED, D_ASSIGNED}};
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        if (L->have[rules[i].slot]) continue;
        if (imrx_re_find(&L->s->re[rules[i].re], L->t, L->l->text, sec->begin, sec->end) != 1)
            continue;
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        imrx_date_t d;
        if (emit_date(L, L->dates, date_keys[rules[i].slot], (uint32_t)ov[2], (uint32_t)ov[3],
                      &d)) {
            L->header[rules[i].slot] = d;
            L->have[rules[i].slot] = 1;
        }
    }
}

/* The year the letter was written, to read two-digit years: its decision date. Other four-digit
 * years in a letter (guideline editions, old injuries) say nothing about when it was written. */
static int reference_year(letter_t *L)
{
    return L->have[D_DECISION] ? L->header[D_DECISION].year : 0;
}

/* The last group of the match that took part: patterns with alternatives put the date in one
 * group per alternative. */
static int date_group(imrx_re_scratch_t *t, uint32_t *b, uint32_t *e)
{
    PCRE2_SIZE *ov = imrx_re_ov(t);
    for (int g = 9; g >= 1; g--) {
        if (!imrx_re_has(t, g)) continue;
        *b = (uint32_t)ov[2 * g];
        *e = (uint32_t)ov[2 * g + 1];
        return 1;
    }
    return 0;
}

static int same_date(const imrx_date_t *a, const imrx_date_t *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* Classifies a clinical event by the words around its date. */
static const char *event_kind(const char *s, size_t n)
{
    static const struct {
        const char *word, *kind;
    } words[] = {
        {"mri", "imaging"},
        {"x-ray", "imaging"},
        {"radiograph", "imaging"},
        {"ct scan", "imaging"},
        {"ultrasound", "imaging"},
        {"emg", "diagnostic"},
        {"nerve conduction", "diagnostic"},
        {"urine drug", "diagnostic"},
        {"surgery", "procedure"},
        {"arthroscop", "procedure"},
        {"injection", "procedure"},
        {"fusion", "procedure"},
        {"repair", "procedure"},
        {"block", "procedure"},
        {"utilization review", "utilization_review"},
        {"request for authorization", "request"},
        {"rfa", "request"},
        {"evaluat", "visit"},
        {"progress", "visit"},
        {"visit", "visit"},
        {"seen", "visit"},
        {"presented", "visit"},
        {"examin", "visit"},
        {"follow", "visit"},
        {"report", "visit"},
        {"complain", "visit"},
        {"note", "visit"},
    };
    char low[400];
    size_t k = n < sizeof low - 1 ? n : sizeof low - 1;
    for (size_t i = 0; i < k; i++) low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    low[k] = '\0';
    int i = imrx_text_first_listed(low, k, words, sizeof words / sizeof words[0], sizeof words[0]);
    if (i >= 0) return words[i].kind;
    return "other";
}

/* Tries `\b DATE` anchored at p (when p >= pos). */
static int date_at(letter_t *L, const char *text, size_t pos, size_t p, size_t end)
{
    return p >= pos && imrx_re_at(&L->s->re[RE_ANY], L->t, text, p, end) == 1;
}

/* The same search as imrx_re_find with RE_ANY (`\b DATE`, leftmost match from pos), without
 * scanning every position: a match starts either at a run of digits that follows a non-word
 * character (10/13/2016), or at a word that ends just before such a run, past spaces and a
 * period (October 13, 2016: the month's letters, which caseless UTF matching lets include
 * U+017F and U+212A). Those candidates are tried anchored, in order. */
static int next_date(letter_t *L, const char *text, size_t pos, size_t end)
{
    for (size_t d = pos; d < end; d++) {
        unsigned char c = (unsigned char)text[d];
        if (c < '0' || c > '9' || (d > 0 && imrx_text_word_char((unsigned char)text[d - 1])))
            continue;
        size_t ws = d;
        while (ws > 0 && imrx_text_space_char((unsigned char)text[ws - 1])) ws--;
        if (ws < d) {
            size_t w = ws;
            if (w > 0 && text[w - 1] == '.') w--;
            size_t letters_end = w;
            for (;;) {
                unsigned char b = w > 0 ? (unsigned char)text[w - 1] : 0;
                if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
                    w--;
                else if (w >= 2 && (unsigned char)text[w - 2] == 0xC5 && b == 0xBF)
                    w -= 2; /* U+017F */
                else if (w >= 3 && (unsigned char)text[w - 3] == 0xE2 &&
                         (unsigned char)text[w - 2] == 0x84 && b == 0xAA)
                    w -= 3; /* U+212A */
                else
                    break;
            }
            /* every word start in the run, in order (after U+017F or U+212A \b holds too) */
            for (size_t q = w; q < letters_end; q++) {
                unsigned char a = (unsigned char)text[q];
                int letter = (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z');
                if (letter && (q == 0 || !imrx_text_word_char((unsigned char)text[q - 1])) &&
                    date_at(L, text, pos, q, end))
                    return 1;
            }
        }
        if (date_at(L, text, pos, d, end)) return 1;
        while (d + 1 < end && text[d + 1] >= '0' && text[d + 1] <= '9') d++;
    }
    return 0;
}

/* The next date of text[*pos..end) that reads as one: its place in *b, *e and its value in *d;
 * *pos moves past it. 0 when none is left. */
static int next_summary_date(letter_t *L, size_t *pos, size_t end, uint32_t *b, uint32_t *e,
                             imrx_date_t *d)
{
    const char *text = L->l->text;
    while (*pos < end && next_date(L, text, *pos, end)) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        *b = (uint32_t)ov[2], *e = (uint32_t)ov[3];
        *pos = ov[1];
        if (parse_date(text + *b, *e - *b, L->ref_year, d)) return 1;
    }
    return 0;
}

static void read_events(letter_t *L, const imrx_section_t *sec)
{
    const char *text = L->l->text;
    imrx_node_t events = IMRX_NODE_NONE;
    size_t pos = sec->begin;
    uint32_t b, e;
    imrx_date_t d;
    while (next_summary_date(L, &pos, sec->end, &b, &e, &d)) {
        /* The sentence around the date tells what happened. */
        uint32_t sb = b, se = e;
        while (sb > sec->begin && !(text[sb - 1] == '.' && (text[sb] == ' ' || text[sb] == '\n')))
            sb--;
        while (se < sec->end && !(text[se] == '.' && (se + 1 >= sec->end || text[se + 1] == ' ' ||
                                                      text[se + 1] == '\n')))
            se++;
        if (events == IMRX_NODE_NONE)
            events = api->array(L->ctx, api->root(L->ctx), "clinical_events");
        imrx_node_t ev = api->object(L->ctx, events, NULL);
        if (ev == IMRX_NODE_NONE) return;
        char iso[11];
        imrx_date_iso(&d, iso);
        api->set_string(L->ctx, ev, "date", iso, 10, imrx_span(b, e));
        const char *kind = event_kind(text + sb, se - sb);
        api->set_string(L->ctx, ev, "kind", kind, strlen(kind), imrx_span(sb, se));
        api->set_span(L->ctx, ev, imrx_span(sb, se));
    }
}

/* The summary's last UR mention with a date that reads, searched forward: every place the
 * pattern matches, each from the place after the one before ("On <request date>, ...
 * non-certified by utilization review on <date>" holds two, and the later is the decision). */
static void last_ur_date_forward(letter_t *L, const imrx_section_t *sec, uint32_t *ub, uint32_t *ue)
{
    const char *text = L->l->text;
    uint32_t b, e;
    imrx_date_t d;
    size_t pos = sec->begin;
    while (pos < sec->end && imrx_re_find(&L->s->re[RE_UR], L->t, text, pos, sec->end) == 1) {
        pos = (uint32_t)imrx_re_ov(L->t)[0] + 1;
        if (date_group(L->t, &b, &e) && parse_date(text + b, e - b, L->ref_year, &d))
            *ub = b, *ue = e;
    }
}

/* The same answer from the end: a match can begin only at a key word, so those places are
 * tried from the last until one holds a date that reads (most summaries name the decision under
 * review near their end). */
static void last_ur_date(letter_t *L, const imrx_section_t *sec, uint32_t *ub, uint32_t *ue)
{
    const char *text = L->l->text;
    size_t at[512];
    size_t n = imrx_re_key_starts(&ur_keys, text, sec->begin, sec->end, at, 512);
    if (n == SIZE_MAX) {
        last_ur_date_forward(L, sec, ub, ue);
        return;
    }
    uint32_t b, e;
    imrx_date_t d;
    for (size_t i = n; i-- > 0;) {
        if (imrx_re_at(&L->s->re[RE_UR], L->t, text, at[i], sec->end) == 1 &&
            date_group(L->t, &b, &e) && parse_date(text + b, e - b, L->ref_year, &d)) {
            *ub = b, *ue = e;
            break;
        }
    }
    if (L->s->re[RE_UR].verify) { /* IMRX_RE_VERIFY: the forward search must agree */
        uint32_t fb = 0, fe = 0;
        last_ur_date_forward(L, sec, &fb, &fe);
        if (fb != *ub || fe != *ue) {
            fprintf(stderr,
                    "imrx: dates: last UR date from the end (%u-%u) differs from the "
                    "forward search (%u-%u)\n",
                    (unsigned)*ub, (unsigned)*ue, (unsigned)fb, (unsigned)fe);
            abort();
        }
    }
}

/* A summary that tells the injury without a cue ("On August 3, 2012 she was moving a resident
 * when ...", "held at gunpoint during a robbery of her store on 09/14/2016") still dates it: the
 * first date of the summary that is the header's date of injury is taken for it. */
static int header_injury_told(letter_t *L, const imrx_section_t *sec, imrx_node_t narr)
{
    size_t pos = sec->begin;
    uint32_t b, e;
    imrx_date_t d;
    while (next_summary_date(L, &pos, sec->end, &b, &e, &d))
        if (same_date(&d, &L->header[D_INJURY])) return emit_date(L, narr, "injury", b, e, NULL);
    return 0;
}

static void read_narrative(letter_t *L, const imrx_section_t *sec)
{
    const char *text = L->l->text;
    imrx_node_t narr = api->object(L->ctx, api->root(L->ctx), "dates_in_narrative");
    imrx_date_t d;
    uint32_t b, e;
    /* The first statement of the date of injury; it comes early in every summary. */
    if (imrx_re_find_keyed(&L->s->re[RE_INJURY], &injury_keys, L->t, text, sec->begin, sec->end) ==
            1 &&
        date_group(L->t, &b, &e) && emit_date(L, narr, "injury", b, e, &d)) {
        if (L->have[D_INJURY] && !same_date(&d, &L->header[D_INJURY]))
            api->warn(L->ctx, imrx_span(b, e),
                      "header and narrative disagree on the date of injury (%04d-%02d-%02d in the "
                      "header)",
                      L->header[D_INJURY].year, L->header[D_INJURY].month, L->header[D_INJURY].day);
    } else if (!(L->have[D_INJURY] && header_injury_told(L, sec, narr))) {
        api->set_null(L->ctx, narr, "injury");
    }
    /* The last UR decision the summary dates is the one under review. */
    uint32_t ub = 0, ue = 0;
    last_ur_date(L, sec, &ub, &ue);
    if (ue > ub)
        emit_date(L, narr, "ur_decision", ub, ue, NULL);
    else
        api->set_null(L->ctx, narr, "ur_decision");
}

static imrx_status_t dates_extract_letter(void *state, void *thread_state, const imrx_letter_t *l,
                                          imrx_ctx_t *ctx)
{
    letter_t L = {.l = l, .ctx = ctx, .t = thread_state, .s = state};
    L.dates = api->object(ctx, api->root(ctx), "dates");
    if (L.dates == IMRX_NODE_NONE) return IMRX_ERR;
    const imrx_section_t *header = imrx_letter_section(l, "header");
    if (header) read_header(&L, header);
    const imrx_section_t *procedure = imrx_letter_section(l, "procedure");
    if (procedure) read_prose(&L, procedure);
    L.ref_year = reference_year(&L);
    const imrx_section_t *summary = imrx_letter_section(l, "summary");
    if (summary) {
        read_narrative(&L, summary);
        read_events(&L, summary);
    }
    return IMRX_OK;
}

static imrx_status_t dates_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                   imrx_ctx_t *ctx)
{
    imrx_status_t st = dates_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(thread_state, api, ctx);
    return st;
}

static const char *const reads[] = {"header", "procedure", "summary", NULL};
static const char *const fills[] = {"case_number",        "priority",        "dates",
                                    "dates_in_narrative", "clinical_events", NULL};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,
    .name = "dates",
    .version = "1.0.0",
    .summary = "case number, priority, header dates, narrative dates and clinical events",
    .sections = reads,
    .fields = fills,
    .after = NULL,
    .init = dates_init,
    .fini = dates_fini,
    .thread_init = dates_thread_init,
    .thread_fini = dates_thread_fini,
    .extract = dates_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
