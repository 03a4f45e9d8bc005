/* medications: every mention of a specific drug in the letter (brand, generic, misspelling,
 * fixed combination or compound), with its strength, form, frequency, quantity and refills, the
 * section and context it stands in, negation and discontinuation; and the drug of each disputed
 * item. The lexicon is a data file (medications.d/drugs.tsv) loaded once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meds.h"
#include "text.h"

static const imrx_host_api_t *api;

typedef struct state {
    med_lexicon_t lx;
    med_attr_re_t attr;
    med_context_re_t context;
} state_t;

typedef struct thread {
    imrx_re_scratch_t re;
    mention_t *m;
    size_t cap;
    med_fuzzy_cache_t fuzzy;
    med_word_cache_t words;
} thread_t;

/* A letter names a few dozen drugs at most; a runaway list is cut here. */
#define MAX_MENTIONS 1024

static imrx_status_t meds_init(const imrx_init_args_t *args, void **out)
{
    api = args->api;
    state_t *s = calloc(1, sizeof *s);
    if (!s) return IMRX_ENOMEM;
    imrx_status_t st = med_lexicon_load(&s->lx, args->data_dir, api, args->ctx);
    if (st != IMRX_OK) {
        free(s);
        return st;
    }
    if ((st = med_attr_compile(&s->attr, api, args->ctx)) != IMRX_OK) {
        med_lexicon_free(&s->lx);
        free(s);
        return st;
    }
    if ((st = med_context_compile(&s->context, api, args->ctx)) != IMRX_OK) {
        med_attr_free(&s->attr);
        med_lexicon_free(&s->lx);
        free(s);
        return st;
    }
    api->log(args->ctx, IMRX_LOG_DEBUG, "%zu drug surfaces loaded", s->lx.count);
    *out = s;
    return IMRX_OK;
}

static void meds_fini(void *state)
{
    state_t *s = state;
    if (!s) return;
    med_context_free(&s->context);
    med_attr_free(&s->attr);
    med_lexicon_free(&s->lx);
    free(s);
}

static imrx_status_t meds_thread_init(void *state, void **thread_state)
{
    (void)state;
    thread_t *t = calloc(1, sizeof *t);
    if (!t) return IMRX_ENOMEM;
    if (imrx_re_scratch_init(&t->re) != IMRX_OK) {
        free(t);
        return IMRX_ENOMEM;
    }
    *thread_state = t;
    return IMRX_OK;
}

static void meds_thread_fini(void *state, void *thread_state)
{
    (void)state;
    thread_t *t = thread_state;
    imrx_re_scratch_free(&t->re);
    free(t->m);
    free(t);
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The cache slot of the word text[p..q) when no mention can start there whatever follows: all
 * letters, short, followed by a space, a line break or the end. NULL otherwise. */
static med_word_miss_t *word_slot(med_word_cache_t *words, const char *text, uint32_t len,
                                  uint32_t p, uint32_t q, uint32_t *hash)
{
    if (!words || q - p > MED_WORD_MAX || (q < len && text[q] != ' ' && text[q] != '\n'))
        return NULL;
    uint32_t h = 2166136261u;
    for (uint32_t i = p; i < q; i++) {
        unsigned char c = fold((unsigned char)text[i]);
        if (c < 'a' || c > 'z') return NULL;
        h = (h ^ c) * 16777619u;
    }
    *hash = h;
    return &words->slot[h & (MED_WORD_CACHE - 1)];
}

static int word_cached(const med_word_miss_t *s, const char *text, uint32_t p, uint32_t q,
                       uint32_t h)
{
    if (s->hash != h || s->len != q - p) return 0;
    for (uint32_t i = 0; i < q - p; i++)
        if (s->word[i] != (char)fold((unsigned char)text[p + i])) return 0;
    return 1;
}

/* One pass over the text: at each word start, the longest lexicon surface. */
static size_t scan(const med_lexicon_t *lx, med_fuzzy_cache_t *cache, med_word_cache_t *words,
                   const char *text, uint32_t len, mention_t *m, size_t cap)
{
    size_t n = 0;
    uint32_t p = 0;
    while (p < len && n < cap) {
        if (!is_alnum(text[p])) {
            p++;
            continue;
        }
        uint32_t q = p;
        while (q < len && is_alnum(text[q])) q++;
        uint32_t h = 0;
        med_word_miss_t *slot = word_slot(words, text, len, p, q, &h);
        if (slot && word_cached(slot, text, p, q, h)) {
            p = q;
            continue;
        }
        size_t end, reach;
        int entry = med_lexicon_match_reach(lx, text, len, p, &end, &reach);
        /* Only long words can be misspelt drug names (fuzzy.c). */
        if (entry < 0 && q - p >= 8) entry = med_lexicon_fuzzy(lx, cache, text, len, p, &end);
        if (entry >= 0) {
            memset(&m[n], 0, sizeof m[n]);
            m[n].b = p, m[n].e = (uint32_t)end, m[n].entry = entry, m[n].item = -1;
            n++;
            p = (uint32_t)end;
            continue;
        }
        if (slot && reach <= q) {
            slot->hash = h;
            slot->len = (uint8_t)(q - p);
            for (uint32_t i = 0; i < q - p; i++)
                slot->word[i] = (char)fold((unsigned char)text[p + i]);
        }
        p = q;
    }
    return n;
}

size_t med_find_mentions(const med_letter_t *L, const char *text, uint32_t len, mention_t *m,
                         size_t cap)
{
    size_t n = scan(L->lx, L->fuzzy, L->words, text, len, m, cap);
    for (size_t i = 0; i < n; i++)
        med_read_attributes(L->attr, L->t, text, i + 1 < n ? m[i + 1].b : len, &m[i]);
    return n;
}

static imrx_status_t set_value(imrx_ctx_t *ctx, imrx_node_t o, const char *key,
                               const med_value_t *v)
{
    if (!v->e) return api->set_null(ctx, o, key);
    return api->set_string(ctx, o, key, v->text, strlen(v->text), imrx_span(v->b, v->e));
}

static imrx_status_t set_count(imrx_ctx_t *ctx, imrx_node_t o, const char *key, const med_int_t *v)
{
    if (!v->e) return api->set_null(ctx, o, key);
    return api->set_int(ctx, o, key, v->value, imrx_span(v->b, v->e));
}

static const char *const context_names[] = {"history", "requested", "rationale"};

static imrx_status_t emit(const state_t *s, imrx_ctx_t *ctx, const char *text, imrx_node_t list,
                          mention_t *m)
{
    const med_entry_t *e = &s->lx.entries[m->entry];
    imrx_node_t o = api->object(ctx, list, NULL);
    if (o == IMRX_NODE_NONE) return IMRX_ELIMIT;
    imrx_span_t sp = imrx_span(m->b, m->e);
    api->set_span(ctx, o, sp);
    char written[128];
    size_t n = imrx_text_squeeze(text + m->b, m->e - m->b, written, sizeof written);
    imrx_status_t st = api->set_string(ctx, o, "mention", written, n, sp);
    if (st == IMRX_OK) st = api->set_string(ctx, o, "generic", e->generic, strlen(e->generic), sp);
    imrx_node_t ing = st == IMRX_OK ? api->array(ctx, o, "ingredients") : IMRX_NODE_NONE;
    if (ing == IMRX_NODE_NONE) return st == IMRX_OK ? IMRX_ELIMIT : st;
    for (int i = 0; i < e->n_ingredients && st == IMRX_OK; i++)
        st = api->set_string(ctx, ing, NULL, e->ingredients[i], strlen(e->ingredients[i]), sp);
    if (st == IMRX_OK)
        st = api->set_string(ctx, o, "class", e->drug_class, strlen(e->drug_class), sp);
    if (st == IMRX_OK) st = api->set_bool(ctx, o, "opioid", (e->flags & MED_OPIOID) != 0, sp);
    if (st == IMRX_OK)
        st = e->schedule[0] ? api->set_string(ctx, o, "schedule", e->schedule, 2, sp)
                            : api->set_null(ctx, o, "schedule");
    if (st == IMRX_OK) st = set_value(ctx, o, "strength", &m->strength);
    /* Toradol, Botox, Kenalog...: named alone, they are injections. */
    if (st == IMRX_OK && !m->dose_form.e && (e->flags & MED_INJECTABLE))
        st = api->set_string(ctx, o, "dose_form", "injection", 9, sp);
    else if (st == IMRX_OK)
        st = set_value(ctx, o, "dose_form", &m->dose_form);
    if (st == IMRX_OK) st = set_value(ctx, o, "frequency", &m->frequency);
    if (st == IMRX_OK) st = set_count(ctx, o, "quantity", &m->quantity);
    if (st == IMRX_OK) st = set_count(ctx, o, "refills", &m->refills);
    if (st == IMRX_OK) st = api->set_string(ctx, o, "section", m->section, strlen(m->section), sp);
    const char *cn = context_names[m->context];
    if (st == IMRX_OK) st = api->set_string(ctx, o, "context", cn, strlen(cn), sp);
    if (st == IMRX_OK) st = api->set_bool(ctx, o, "negated", m->negated, sp);
    if (st == IMRX_OK) st = api->set_bool(ctx, o, "discontinued", m->discontinued, sp);
    if (st == IMRX_OK)
        st = m->item >= 0 ? api->set_int(ctx, o, "item", m->item, sp)
                          : api->set_null(ctx, o, "item");
    return st;
}

static imrx_status_t meds_extract_letter(void *state, void *thread_state, const imrx_letter_t *l,
                                         imrx_ctx_t *ctx)
{
    state_t *s = state;
    thread_t *t = thread_state;
    if (!t->m) {
        t->m = calloc(MAX_MENTIONS, sizeof *t->m);
        if (!t->m) return IMRX_ENOMEM;
        t->cap = MAX_MENTIONS;
    }
    med_letter_t L = {api, ctx, l, &s->lx, &s->attr, &t->re, &t->fuzzy, &t->words};
    size_t n = med_find_mentions(&L, l->text, l->length, t->m, t->cap);
    if (n == t->cap)
        api->warn(ctx, imrx_span(t->m[n - 1].b, t->m[n - 1].e),
                  "more than %zu drug mentions; the rest are ignored", t->cap);
    /* Drop what is no drug ("morphine equivalent dose"). */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!med_is_false_mention(&s->context, &t->re, l->text, l->length, &t->m[i],
                                  &s->lx.entries[t->m[i].entry]))
            t->m[k++] = t->m[i];
    n = k;
    n = med_resolve(&s->lx, l->text, t->m, n);
    med_classify(&s->context, &t->re, l, t->m, n);
    imrx_status_t st = med_link_items(&L, t->m, n);
    if (st == IMRX_ELIMIT) return IMRX_OK;
    imrx_node_t list = api->array(ctx, api->root(ctx), "medications");
    if (list == IMRX_NODE_NONE) return IMRX_OK;
    for (size_t i = 0; i < n; i++) {
        st = emit(s, ctx, l->text, list, &t->m[i]);
        if (st == IMRX_ELIMIT) break;
        if (st != IMRX_OK) {
            api->error(ctx, imrx_span(t->m[i].b, t->m[i].e), "could not record a mention (%d)",
                       (int)st);
            return st;
        }
    }
    return IMRX_OK;
}

static imrx_status_t meds_extract(void *state, void *thread_state, const imrx_letter_t *l,
                                  imrx_ctx_t *ctx)
{
    imrx_status_t st = meds_extract_letter(state, thread_state, l, ctx);
    imrx_re_report_limits(&((thread_t *)thread_state)->re, api, ctx);
    return st;
}

static const char *const reads[] = {"*", NULL};
static const char *const fills[] = {"medications", "items[].drug", NULL};
static const char *const after[] = {"decisions", NULL};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,
    .name = "medications",
    .version = "1.0.0",
    .summary = "drug mentions (lexicon), their attributes, context and negation; drug of items",
    .sections = reads,
    .fields = fills,
    .after = after,
    .init = meds_init,
    .fini = meds_fini,
    .thread_init = meds_thread_init,
    .thread_fini = meds_thread_fini,
    .extract = meds_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
