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

/* Character kinds for the scan, read once per character: 0 other, 1 digit, 2 letter. */
static const unsigned char kind[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2,
    ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2,
    ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2, ['u'] = 2, ['v'] = 2,
    ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2, ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2,
    ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2,
    ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2,
    ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2};

/* One pass over the text: at each word start, the longest lexicon surface. A word that starts
 * no surface when followed by the character after it, whatever comes next (all letters, short;
 * the trie walk says whether its answer depended on more than that character), is remembered
 * in `words` with that character. */
static size_t scan(const med_lexicon_t *lx, med_fuzzy_cache_t *cache, med_word_cache_t *words,
                   const char *text, uint32_t len, mention_t *m, size_t cap)
{
    size_t n = 0;
    uint32_t p = 0;
    while (p < len && n < cap) {
        if (!kind[(unsigned char)text[p]]) {
            p++;
            continue;
        }
        /* the word: its end, and folded, its hash and whether it is all letters */
        char low[MED_WORD_MAX];
        uint32_t q = p, h = 2166136261u;
        unsigned letters = 2, k;
        while (q < len && (k = kind[(unsigned char)text[q]])) {
            unsigned char f = (unsigned char)(text[q] | (k == 2 ? 0x20 : 0));
            if (q - p < MED_WORD_MAX) low[q - p] = (char)f;
            h = (h ^ f) * 16777619u;
            letters &= k;
            q++;
        }
        med_word_miss_t *slot = NULL;
        /* a space and a line break are the same separator to the walk */
        char next = q == len ? '\0' : text[q] == '\n' ? ' ' : text[q];
        if (words && letters == 2 && q - p <= MED_WORD_MAX) {
            slot = &words->slot[(h ^ (unsigned char)next) & (MED_WORD_CACHE - 1)];
            if (slot->hash == h && slot->len == q - p && slot->next == next &&
                memcmp(slot->word, low, q - p) == 0) {
                p = q;
                continue;
            }
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
            slot->next = next;
            memcpy(slot->word, low, q - p);
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
