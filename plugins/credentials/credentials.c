/* credentials: the expert reviewer's states of licensure and certifications/specialties.
 *
 * Layouts A and C list them under labels ("State(s) of Licensure: California,North Carolina",
 * "Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management"); layouts
 * B and D tell them in a sentence ("is Board Certified in Psychiatry, has a subspecialty in
 * Forensic Psychiatry and is licensed to practice in California and Nevada"). Both give the
 * same fields: licensure as USPS codes in letter order, specialties as written (wraps joined),
 * and each specialty's canonical name from data/specialties.tsv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cred.h"
#include "re.h"
#include "text.h"

static const imrx_host_api_t *api;

static void shared_free(cred_shared_t *s)
{
    if (!s) return;
    for (int i = 0; i < CRED_RE_COUNT; i++) imrx_re_free(&s->re[i]);
    cred_states_free(&s->states);
    cred_specialties_free(&s->specialties);
    free(s);
}

static imrx_status_t cred_init(const imrx_init_args_t *args, void **out)
{
    api = args->api;
    cred_shared_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    for (int i = 0; i < CRED_RE_COUNT; i++) {
        if (imrx_re_compile(&s->re[i], cred_patterns[i], 0, api, args->ctx) != IMRX_OK) {
            shared_free(s);
            return IMRX_EINVAL;
        }
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/states.tsv", args->data_dir ? args->data_dir : ".");
    imrx_status_t st = cred_states_load(&s->states, path, api, args->ctx);
    if (st == IMRX_OK) {
        snprintf(path, sizeof path, "%s/specialties.tsv", args->data_dir ? args->data_dir : ".");
        st = cred_specialties_load(&s->specialties, path, api, args->ctx);
    }
    if (st != IMRX_OK) {
        shared_free(s);
        return st;
    }
    *out = s;
    return IMRX_OK;
}

static void cred_fini(void *state)
{
    shared_free(state);
}

static imrx_status_t cred_thread_init(void *state, void **thread_state)
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

static void cred_thread_fini(void *state, void *thread_state)
{
    (void)state;
    imrx_re_scratch_free(thread_state);
    free(thread_state);
}

static imrx_status_t emit(cred_letter_t *L)
{
    imrx_node_t rev = api->object(L->ctx, api->root(L->ctx), "reviewer");
    if (rev == IMRX_NODE_NONE) return IMRX_ERR;
    const char *text = L->l->text;
    imrx_status_t st = IMRX_OK;
    if (L->nstates) {
        imrx_node_t arr = api->array(L->ctx, rev, "licensure");
        for (size_t i = 0; i < L->nstates && st == IMRX_OK; i++)
            st = api->set_string(L->ctx, arr, NULL, L->states[i].code, 2,
                                 imrx_span(L->states[i].begin, L->states[i].end));
    }
    if (L->nspecs && st == IMRX_OK) {
        imrx_node_t as = api->array(L->ctx, rev, "specialties");
        imrx_node_t ac = api->array(L->ctx, rev, "specialties_canonical");
        for (size_t i = 0; i < L->nspecs && st == IMRX_OK; i++) {
            imrx_span_t sp = L->specs[i];
            char buf[256];
            size_t n = imrx_text_squeeze(text + sp.begin, sp.end - sp.begin, buf, sizeof buf);
            const char *canonical = cred_specialty_canonical(&L->s->specialties, buf, n);
            if (!canonical) {
                api->warn(L->ctx, sp, "specialty '%s' is not in the table; kept as written", buf);
                canonical = buf;
            }
            st = api->set_string(L->ctx, as, NULL, buf, n, sp);
            if (st == IMRX_OK)
                st = api->set_string(L->ctx, ac, NULL, canonical, strlen(canonical), sp);
        }
    }
    return st == IMRX_ELIMIT ? IMRX_OK : st;
}

static imrx_status_t cred_extract_letter(void *state, void *thread_state, const imrx_letter_t *l,
                                         imrx_ctx_t *ctx)
{
    cred_letter_t L = {.api = api, .l = l, .ctx = ctx, .t = thread_state, .s = state};
    L.sec = imrx_letter_section(l, "reviewer");
    if (!L.sec) return IMRX_OK;
    int labelled = cred_read_labels(&L);
    /* A letter with labels has no prose, but a label may be missing: prose fills the gap. */
    if (!labelled || !L.nstates || !L.nspecs) {
        size_t had_states = L.nstates, had_specs = L.nspecs;
        cred_letter_t P = L;
        P.nstates = P.nspecs = 0;
        cred_read_prose(&P);
        if (!had_states) memcpy(L.states, P.states, sizeof P.states), L.nstates = P.nstates;
        if (!had_specs) memcpy(L.specs, P.specs, sizeof P.specs), L.nspecs = P.nspecs;
    }
    if (!L.nstates)
        api->warn(ctx, imrx_span(L.sec->begin, L.sec->end),
                  "no state of licensure found in the reviewer section");
    if (!L.nspecs)
        api->warn(ctx, imrx_span(L.sec->begin, L.sec->end),
                  "no certification or specialty found in the reviewer section");
    return emit(&L);
}

static imrx_status_t cred_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                  imrx_ctx_t *ctx)
{
    imrx_status_t st = cred_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(thread_state, api, ctx);
    return st;
}

static const char *const reads[] = {"reviewer", NULL};
static const char *const fills[] = {"reviewer.licensure", "reviewer.specialties",
                                    "reviewer.specialties_canonical", NULL};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,
    .name = "credentials",
    .version = "1.0.0",
    .summary = "the reviewer's states of licensure and specialties, with canonical names",
    .sections = reads,
    .fields = fills,
    .after = NULL,
    .init = cred_init,
    .fini = cred_fini,
    .thread_init = cred_thread_init,
    .thread_fini = cred_thread_fini,
    .extract = cred_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
