/* decisions: every disputed item, in letter order, with its decision (upheld or overturned),
 * partial authorisation, the claims administrator's and the MAXIMUS guidelines as citations,
 * the non-MTUS and no-citation flags, and the rationale's span. */
#include <stdlib.h>
#include <string.h>

#include "decisions.h"
#include "text.h"

static const imrx_host_api_t *api;

#define WS "\\s+"

/* What UR certified "of" a request, layout D's commonest telling of a partial authorisation
 * (group 1): "Utilization review (on 8/16/2013) certified 60 of the Norco tablets" */
#define CERTIFIED_OF                                                                               \
    "(\\b(?:utilization" WS "review|UR|the" WS "claims" WS "administrator|the" WS "(?:UR" WS       \
    ")?reviewer)(?:" WS "(?:on|in)" WS "[^.;,]{1,20}?)?" WS "(?:(?:had|has)" WS                    \
    ")?(?:certified|authorized|approved|modified)" WS                                              \
    "(?!(?:none|neither|all|both|each)\\b)[^.;]{0,80}?\\bof" WS "(?:the|that|those|these|an?)\\b)"

const char *const imrx_decisions_patterns[RE_COUNT] = {
    /* "<item>: Upheld", "<item> is: Upheld", "<item> is : Upheld", "<item>:\nUpheld"
     * (case-sensitive verdict) */
    /* (a lower-case verdict only after a colon: "the denial is\nupheld." is prose) */
    [RE_A_VERDICT] =
        "(?|((?:[ ]+is)?[ ]*:)[ ]*\\n?[ ]*(Upheld|Overturned|UPHELD|OVERTURNED|upheld|"
        "overturned)|([ ]is)[ ]*\\n?[ ]*(Upheld|Overturned|UPHELD|OVERTURNED))\\.?[ ]*$",
    /* (at a line start, or after a sentence a conversion joined to its line: "... Treatment
     * 2009. MAXIMUS guideline: ...") */
    [RE_A_LABEL] = "(?:^|(?<=\\.)|(?<=\\.[ ])|(?<=\\.[ ][ ]))(Claims" WS "Administrator" WS
                   "guideline|MAXIMUS" WS "guideline|Decision" WS "rationale)\\s*:",
    [RE_ORIGINAL] = "\\bwas" WS "(?:the" WS "original" WS "request|requested" WS "originally|"
                    "originally" WS "requested)\\b",
    [RE_AUTHORIZED] =
        "(?:original" WS "request|requested" WS "originally|originally" WS "requested)\\." WS
        "([\\s\\S]{1,300}?)" WS "(?:was|were)" WS "(?:authorized|certified|approved)" WS "by" WS
        "the" WS "Claims" WS "Administrator"
        "|The" WS "Claims" WS "Administrator" WS "authorized" WS "([\\s\\S]{1,300}?),?" WS
        "leaving" WS "the" WS "original" WS "request",
    /* "... portion of the original request, Z is: Upheld"; layout B: "... portion of the
     * request, Z, is not medically necessary" */
    [RE_REMAINING] = "(?:original" WS "request|remaining" WS "(?:IMR" WS "eligible" WS
                     ")?portion" WS "of" WS "the" WS "request),?" WS "(?:is" WS ")?",
    [RE_NUMBERED_B] = "^(\\d{1,2})[.)]" WS "([\\s\\S]{1,400}?)" WS "(?:is|are)" WS "(not" WS
                      ")?medically" WS "necessary" WS "and" WS "appropriate",
    /* (at a line start, or after the sentence a conversion joined it to) */
    [RE_B_LABEL] =
        "(?:^|(?<=\\.)|(?<=\\.[ ])|(?<=\\.[ ][ ]))(Claims" WS "Administrator" WS
        "guideline|MAXIMUS" WS "guideline|Rationale" WS "for" WS "the" WS "Decision)\\s*:",
    /* (the remaining portion of a partial ends "Z is: Overturned", its "is" maybe wrapped) */
    /* (at a line start, or where the search starts, after the heading a conversion joined it
     * to: "ISSUE AT DISPUTE: 1) ...") */
    [RE_C_ISSUE] = "(?:^|\\G[ ]*)(\\d{1,2})\\)" WS
                   "([\\s\\S]{1,400}?)(?:\\s+is)?\\s*:\\s*(UPHELD|OVERTURNED|Upheld|"
                   "Overturned)\\b",
    [RE_NUMBER] = "^(\\d{1,2})([.)])" WS,
    /* the first entry on its heading's line ("... AND WHY: 1) MTUS ..."), tried anchored */
    [RE_NUMBER_HERE] = "(\\d{1,2})([.)])" WS,
    /* numbered "1)", "(1)" or "1.", or a lone decision inside a paragraph ("One item was in
     * dispute. MAXIMUS ... has determined the request for ..."); "the request for X" or "the
     * requested X" */
    [RE_D_ISSUE] = "(?:^\\(?(\\d{1,2})[.)]" WS
                   "(?:(?:(?!\\n\\s*\\n|\\n\\d{1,2}[.)]|\\n\\(\\d)[\\s\\S]){1,400}?\\." WS ")?)?"
                   "MAXIMUS" WS "Federal" WS "Services,?" WS "Inc\\.?,?" WS "has" WS "determined" WS
                   "(?:that" WS ")?the" WS "(?:request" WS "for(?:" WS "the" WS "remaining" WS
                   "(?:IMR" WS ")?(?:eligible" WS ")?portion(?:" WS "of" WS "the" WS
                   "(?:original" WS ")?request)?,)?|requested|"
                   "remaining" WS "(?:IMR" WS ")?(?:eligible" WS ")?portion" WS "of" WS "the" WS
                   "(?:original" WS ")?request,?|part" WS "of" WS "the" WS "request(?:" WS
                   "for)?)" WS "([\\s\\S]{1,400}?),?" WS "(?:is|are)" WS "(not" WS ")?medically" WS
                   "necessary" WS "and" WS "appropriate",
    /* "1) Regarding the request for X:", or the item alone on the line above its labels ("1.
     * Right shoulder arthroscopy ..." / "Medical Treatment Guideline(s) relied upon ...:") */
    [RE_D_BLOCK] =
        "^(?|(?:\\(?(\\d{1,2})[.)]" WS ")?Regarding" WS "the" WS "(?:request" WS "for|requested)" WS
        "|\\(?(\\d{1,2})[.)][ ]+(?=[^\\n]{1,300}\\n(?:Medical" WS "Treatment" WS
        "Guideline|Claims" WS "Administrator" WS "guideline|MAXIMUS" WS "guideline)))",
    /* (at a line start, or after the colon or period a conversion joined it to: "2) Regarding
     * the request for X: Medical Treatment Guideline(s) Relied Upon by ...:") */
    [RE_D_LABEL] = "(?:^|(?<=[:.][ ]))(Medical" WS "Treatment" WS "Guideline\\(s\\)" WS
                   "(?i:Relied)" WS "(?i:Upon)(?:" WS "by" WS "the" WS "(?:Expert" WS
                   "Reviewer|Claims" WS "Administrator))?|Rationale" WS "Why" WS "Requested" WS
                   "Treatment/Service" WS "Is" WS "(?:Not" WS ")?Medically" WS "Necessary"
                   /* (some writers' blocks use layout B's labels) */
                   "|Claims" WS "Administrator" WS "guideline|MAXIMUS" WS "guideline|Rationale" WS
                   "for" WS "the" WS "Decision)\\s*:",
    /* a partial authorisation in layout D's prose: CERTIFIED_OF (group 1), or told without
     * naming what was certified: "Eight visits were
     * requested; the claims administrator certified four", "21 days were requested, and 7 days
     * were certified", "the remaining 14 days are at issue", "#90 was the original request",
     * "Ambien 10mg #30 was originally requested",
     * "The 4 visits already certified" */
    [RE_D_PART] = CERTIFIED_OF
    "|\\b(?:were|was)" WS "requested\\s*[;,]?" WS "(?:and" WS ")?(?:[^.;]{0,40}?\\s)?(?:certified|"
    "authorized|approved)" WS "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    "half)\\b"
    "|\\b(?:were|was)" WS "requested\\s*[;,]?" WS "and" WS "[^.;]{1,40}?\\b(?:were|was)" WS
    "(?:certified|authorized|approved)\\b"
    /* "Utilization review certified 6 sessions and non-certified the remaining 6" */
    "|\\b(?:certified|authorized|approved)" WS "(?:\\d+|one|two|three|four|five|six|seven|eight|"
    "nine|ten|twelve)\\b[^.;]{0,40}?\\b(?:and|but)" WS "(?:non-?certified|denied|did" WS "not" WS
    "(?:certify|authorize|approve))" WS "(?:the" WS "(?:remaining|rest|other|balance)\\b|\\d+\\b)"
    "|\\bremaining" WS "(?:[\\w#-]+" WS "){0,4}?(?:are|is|were|was)" WS "(?:at" WS "issue|in" WS
    "dispute|the" WS "subject|before" WS "(?:this|the)" WS "review|decided" WS "here|under" WS
    "review)"
    "|\\b(?:was|were)" WS "the" WS "original" WS "request\\b"
    "|\\b(?:was|were)" WS "(?:originally" WS "requested|requested" WS "originally)\\b"
    /* "modified the original request for 12 sessions ... and certified 4 sessions. The 8
     * sessions that were not certified are at issue in this review." */
    "|\\bmodified" WS "the" WS "original" WS "request" WS "for" WS "[^.;]{1,80}?\\band" WS
    "(?:certified|authorized|approved)" WS "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|"
    "ten|twelve)\\b"
    "|\\b(?:that|which)" WS "(?:were|was)" WS "not" WS "(?:certified|authorized|approved)" WS
    "(?:are|is|were|was)" WS "(?:at" WS "issue|in" WS "dispute|the" WS "subject|under" WS "review)"
    "|\\b(?:concerns|covers|addresses)" WS "(?:only" WS ")?the" WS "remaining\\b"
    "|\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)" WS "(?:[a-z]+" WS
    "){0,2}already" WS "(?:certified|approved|authorized)\\b",
    /* in the summary, where only a telling that names what was certified can name its item
     * (and the summary is long: this pattern alone starts with rarer letters) */
    [RE_D_CERTIFIED_OF] = CERTIFIED_OF,
    /* "The remaining IMR eligible portion, Z", "Remaining portion at issue, Z", "The remaining
     * portion eligible for IMR, Z" */
    [RE_PORTION] =
        "\\b(?:the" WS ")?remaining" WS "(?:(?:IMR" WS "eligible|disputed)" WS ")?portion(?:" WS
        "(?:of" WS "the" WS "(?:original" WS ")?request|eligible" WS "for" WS "(?:IMR|review)|at" WS
        "issue|before" WS "(?:IMR|this" WS "review)))?\\s*[,:]\\s*",
    [RE_REQUESTED] = ",?" WS "(?:was|were)" WS "(?:the" WS "original" WS "request|requested|"
                     "originally" WS "requested)\\b",
    [RE_CERTIFIED] = "(?:Claims" WS "Administrator|utilization" WS "review|\\bUR)" WS "(?:had" WS
                     ")?(?:certified|authorized|approved)" WS "([^.;]{1,120}?)\\s*(?:[.;]|$)"
                     "|(?:^|[.;,]\\s*(?:and" WS ")?)([^.;,]{1,120}?)" WS "(?:was|were)" WS
                     "(?:certified|authorized|approved)\\b",
    [RE_YEAR] = "\\(?\\b((?:19[89]|20[0-3])\\d)\\b\\)?(?![-/]\\d)",
    [RE_LEAD_IN] = "set" WS "forth" WS "below\\s*:?",
    [RE_COUNT_CHECK] = "^Decision" WS "rationale\\s*:",
};

/* Patterns whose words must match in case: verdicts are capitalised, prose is not. */
static int case_sensitive(int re)
{
    return re == RE_A_VERDICT || re == RE_C_ISSUE || re == RE_D_ISSUE || re == RE_NUMBERED_B;
}

static imrx_status_t decisions_init(const imrx_init_args_t *args, void **out)
{
    api = args->api;
    state_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    for (int i = 0; i < RE_COUNT; i++) {
        if (imrx_re_compile(&s->re[i], imrx_decisions_patterns[i],
                            case_sensitive(i) ? IMRX_RE_CASE : 0, api, args->ctx) != IMRX_OK) {
            for (int k = 0; k < i; k++) imrx_re_free(&s->re[k]);
            free(s);
            return IMRX_EINVAL;
        }
    }
    *out = s;
    return IMRX_OK;
}

static void decisions_fini(void *state)
{
    state_t *s = state;
    for (int i = 0; s && i < RE_COUNT; i++) imrx_re_free(&s->re[i]);
    free(s);
}

static imrx_status_t decisions_thread_init(void *state, void **thread_state)
{
    (void)state;
    imrx_re_scratch_t *t = calloc(1, sizeof *t);
    if (!t || imrx_re_scratch_init(t) != IMRX_OK) {
        free(t);
        return IMRX_ENOMEM;
    }
    *thread_state = t;
    return IMRX_OK;
}

static void decisions_thread_fini(void *state, void *thread_state)
{
    (void)state;
    imrx_re_scratch_free(thread_state);
    free(thread_state);
}

static void set_text(scan_t *sc, imrx_node_t obj, const char *key, range_t r)
{
    imrx_trim_range(sc->l->text, &r, ",;");
    if (r.e <= r.b) {
        api->set_null(sc->ctx, obj, key);
        return;
    }
    char buf[1024];
    size_t n = imrx_text_squeeze(sc->l->text + r.b, r.e - r.b, buf, sizeof buf);
    api->set_string(sc->ctx, obj, key, buf, n, imrx_span(r.b, r.e));
}

static int count_words(const char *text, range_t r)
{
    int words = 0, in = 0;
    for (uint32_t i = r.b; i < r.e; i++) {
        int space = text[i] == ' ' || text[i] == '\n';
        if (!space && !in) words++;
        in = !space;
    }
    return words;
}

/* Does the rationale's conclusion contradict the decision? Only its last 250 bytes are read: the
 * body often quotes what the guidelines do or do not support. */
static void check_rationale(scan_t *sc, const item_t *it, int index)
{
    range_t r = it->rationale;
    if (r.e <= r.b) return;
    uint32_t b = r.e - r.b > 250 ? r.e - 250 : r.b;
    char tail[300];
    size_t n = imrx_text_squeeze(sc->l->text + b, r.e - b, tail, sizeof tail);
    for (size_t i = 0; i < n; i++)
        tail[i] = (char)(tail[i] >= 'A' && tail[i] <= 'Z' ? tail[i] + 32 : tail[i]);
    int says_not =
        strstr(tail, "not medically necessary") || strstr(tail, "not medically reasonable");
    int says_yes = !says_not && (strstr(tail, "is medically necessary") ||
                                 strstr(tail, "are medically necessary") ||
                                 strstr(tail, "is medically reasonable"));
    if ((it->decision == DEC_OVERTURNED && says_not) || (it->decision == DEC_UPHELD && says_yes))
        api->warn(sc->ctx, imrx_span(b, r.e),
                  "item %d is %s, but its rationale concludes it is %smedically necessary",
                  index + 1, it->decision == DEC_UPHELD ? "upheld" : "overturned",
                  says_not ? "not " : "");
}

static void emit_item(scan_t *sc, imrx_node_t items, const item_t *it, int index)
{
    imrx_node_t obj = api->object(sc->ctx, items, NULL);
    if (obj == IMRX_NODE_NONE) return;
    api->set_span(sc->ctx, obj, imrx_span(it->block.b, it->block.e));
    set_text(sc, obj, "text", it->text);
    const char *d = it->decision == DEC_UPHELD ? "upheld" : "overturned";
    api->set_string(sc->ctx, obj, "decision", d, strlen(d),
                    imrx_span(it->verdict.b, it->verdict.e));
    /* the formula's span: layout D tells it after the item's name, the others before */
    imrx_span_t formula = imrx_span(0, 0);
    if (it->partial) {
        uint32_t fb = it->original.b < it->text.b ? it->original.b : it->text.b;
        uint32_t fe = it->authorized.e > it->text.e ? it->authorized.e : it->text.e;
        formula = imrx_span(fb, fe);
    }
    api->set_bool(sc->ctx, obj, "partial", it->partial, formula);
    if (it->partial) {
        set_text(sc, obj, "original_request", it->original);
        set_text(sc, obj, "authorized", it->authorized);
    } else {
        api->set_null(sc->ctx, obj, "original_request");
        api->set_null(sc->ctx, obj, "authorized");
    }
    cite_flags_t mx = imrx_emit_citations(sc, obj, "guidelines", it->mx);
    cite_flags_t ca = imrx_emit_citations(sc, obj, "ca_guidelines", it->ca);
    api->set_bool(sc->ctx, obj, "non_mtus", mx.non_mtus, imrx_span(it->mx.b, it->mx.e));
    api->set_bool(sc->ctx, obj, "no_citation", mx.no_citation, imrx_span(it->mx.b, it->mx.e));
    api->set_bool(sc->ctx, obj, "ca_no_citation", ca.no_citation, imrx_span(it->ca.b, it->ca.e));
    imrx_node_t rat = api->object(sc->ctx, obj, "rationale");
    range_t r = it->rationale;
    imrx_trim_range(sc->l->text, &r, NULL);
    api->set_int(sc->ctx, rat, "words", count_words(sc->l->text, r), imrx_span(r.b, r.e));
    if (r.e > r.b) api->set_span(sc->ctx, rat, imrx_span(r.b, r.e));
    check_rationale(sc, it, index);
}

/* The letter's own count of decisions, where it states one, against what was parsed. */
static void check_counts(scan_t *sc, const imrx_section_t *sec)
{
    const char *layout = sc->l->layout;
    if (strcmp(layout, "A") == 0 && sec) {
        int rationales = 0;
        uint32_t pos = sec->begin;
        while (imrx_re_find(&sc->s->re[RE_COUNT_CHECK], sc->t, sc->l->text, pos, sec->end) == 1) {
            rationales++;
            pos = (uint32_t)imrx_re_ov(sc->t)[1];
        }
        if (rationales != sc->count)
            api->warn(sc->ctx, imrx_span(sec->begin, sec->end),
                      "found %d items but %d decision rationales", sc->count, rationales);
    }
    if (strcmp(layout, "B") == 0) {
        const imrx_section_t *h = imrx_letter_section(sc->l, "header");
        const char *text = sc->l->text;
        int upheld = 0;
        for (int i = 0; i < sc->count; i++) upheld += sc->items[i].decision == DEC_UPHELD;
        const char *p = h ? strstr(text + h->begin, "Final Determination:") : NULL;
        if (p && (uint32_t)(p - text) < h->end && sc->count) {
            p += 20;
            while (*p == ' ' || *p == '\n') p++;
            int all_up = strncmp(p, "UPHOLD", 6) == 0, all_over = strncmp(p, "OVERTURN", 8) == 0;
            if ((all_up && upheld != sc->count) || (all_over && upheld != 0) ||
                (strncmp(p, "PARTIAL", 7) == 0 && (upheld == 0 || upheld == sc->count)))
                api->warn(sc->ctx, imrx_span((uint32_t)(p - text), (uint32_t)(p - text) + 8),
                          "the final determination does not agree with the %d of %d items upheld",
                          upheld, sc->count);
        }
    }
}

static imrx_status_t decisions_extract_letter(void *state, void *thread_state,
                                              const imrx_letter_t *l, imrx_ctx_t *ctx)
{
    scan_t *sc = malloc(sizeof *sc);
    if (!sc) return IMRX_ENOMEM;
    sc->l = l;
    sc->s = state;
    sc->t = thread_state;
    sc->ctx = ctx;
    sc->api = api;
    sc->count = 0;
    const imrx_section_t *sec = imrx_letter_section(l, "decisions");
    if (strcmp(l->layout, "A") == 0 && sec)
        imrx_items_layout_a(sc, sec);
    else if (strcmp(l->layout, "B") == 0 && sec)
        imrx_items_layout_b(sc, sec);
    else if (strcmp(l->layout, "C") == 0)
        imrx_items_layout_c(sc);
    else if (strcmp(l->layout, "D") == 0)
        imrx_items_layout_d(sc);
    imrx_node_t items = api->array(ctx, api->root(ctx), "items");
    for (int i = 0; i < sc->count; i++) emit_item(sc, items, &sc->items[i], i);
    if (sc->count == 0)
        api->warn(ctx, sec ? imrx_span(sec->begin, sec->end) : imrx_span(0, 0),
                  "no disputed items found");
    else
        check_counts(sc, sec);
    free(sc);
    return IMRX_OK;
}

static imrx_status_t decisions_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                       imrx_ctx_t *ctx)
{
    imrx_status_t st = decisions_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(thread_state, api, ctx);
    return st;
}

static const char *const reads[] = {"decisions", "issues", "guidelines",
                                    "rationale", "header", NULL};
static const char *const fills[] = {"items", NULL};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,
    .name = "decisions",
    .version = "1.0.0",
    .summary = "disputed items, decisions, partial authorisations, guideline citations",
    .sections = reads,
    .fields = fills,
    .init = decisions_init,
    .fini = decisions_fini,
    .thread_init = decisions_thread_init,
    .thread_fini = decisions_thread_fini,
    .extract = decisions_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
