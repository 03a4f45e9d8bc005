/* dates: the case number, priority and dates of the letter's header (side-by-side or label-block
 * renderings, and layout D's prose), and the dates the case summary tells: the date of injury,
 * the UR decision, and each dated clinical event. */
#include <stdlib.h>

#include "dates.h"

const imrx_host_api_t *dates_api;

static imrx_status_t dates_init(const imrx_init_args_t *args, void **out)
{
    dates_api = args->api;
    state_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    static const char *const patterns[RE_COUNT] = {dates_re_header_token, dates_re_narrative_injury,
                                                   dates_re_narrative_ur, dates_re_any_date,
                                                   dates_re_narrative_injury_weak};
    for (int i = 0; i < RE_COUNT; i++) {
        uint32_t opt = i == RE_HEADER ? IMRX_RE_CASE : 0;
        if (imrx_re_compile(&s->re[i], patterns[i], opt, dates_api, args->ctx) != IMRX_OK) {
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

/* The year the letter was written, to read two-digit years: its decision date. Other four-digit
 * years in a letter (guideline editions, old injuries) say nothing about when it was written. */
static int reference_year(letter_t *L)
{
    return L->have[D_DECISION] ? L->header[D_DECISION].year : 0;
}

/* A header block that a text tool put after the letter's first paragraph, inside layout A's
 * first section ("HOW THE IMR FINAL DETERMINATION WAS MADE", a paragraph, then "Case Number:
 * ..."): read from its "Case Number" line to the blank line after the block. 1 when there was
 * one. */
static int misplaced_header(letter_t *L)
{
    const imrx_section_t *first = imrx_letter_section(L->l, "reviewer");
    if (!first) return 0;
    const char *text = L->l->text;
    uint32_t at = imrx_text_find(text, first->begin, first->end, "Case Number:");
    if (at == first->end) return 0;
    while (at > first->begin && text[at - 1] != '\n') at--;
    uint32_t end = at;
    while (end < first->end &&
           !(text[end] == '\n' && end + 1 < first->end && text[end + 1] == '\n'))
        end++;
    imrx_section_t block = *first;
    block.begin = at;
    block.end = end;
    dates_read_header(L, &block);
    return 1;
}

static imrx_status_t dates_extract_letter(void *state, void *thread_state, const imrx_letter_t *l,
                                          imrx_ctx_t *ctx)
{
    letter_t L = {.l = l, .ctx = ctx, .t = thread_state, .s = state};
    L.dates = dates_api->object(ctx, dates_api->root(ctx), "dates");
    if (L.dates == IMRX_NODE_NONE) return IMRX_ERR;
    const imrx_section_t *header = imrx_letter_section(l, "header");
    if (header && imrx_text_find(l->text, header->begin, header->end, "Case Number") < header->end)
        dates_read_header(&L, header);
    else if (!misplaced_header(&L) && header)
        dates_read_header(&L, header);
    const imrx_section_t *procedure = imrx_letter_section(l, "procedure");
    if (procedure) dates_read_prose(&L, procedure);
    L.ref_year = reference_year(&L);
    const imrx_section_t *summary = imrx_letter_section(l, "summary");
    if (summary) dates_read_summary(&L, summary);
    return IMRX_OK;
}

static imrx_status_t dates_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                   imrx_ctx_t *ctx)
{
    imrx_status_t st = dates_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(thread_state, dates_api, ctx);
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
