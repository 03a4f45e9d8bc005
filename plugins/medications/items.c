/* The item link: a disputed item that names a drug carries the drug (generic, class, strength,
 * quantity) so that uphold rates can be counted per drug and per class. The items come from the
 * decisions plugin, which runs first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meds.h"
#include "text.h"

#define MAX_PER_ITEM 8

typedef struct source {
    const char *text;
    imrx_span_t fixed; /* when the mentions were read from a copy: the span every value gets */
} source_t;

static imrx_span_t span_of(const source_t *src, uint32_t b, uint32_t e)
{
    return src->fixed.end ? src->fixed : imrx_span(b, e);
}

static int same_generic(const med_letter_t *L, const mention_t *a, const mention_t *b)
{
    return strcmp(L->lx->entries[a->entry].generic, L->lx->entries[b->entry].generic) == 0;
}

/* Appends text to out at *w, '/' first when not the first part. */
static void join(char *out, size_t cap, size_t *w, const char *text, size_t n)
{
    if (*w && *w + 1 < cap) out[(*w)++] = '/';
    if (n > cap - 1 - *w) n = cap - 1 - *w;
    memcpy(out + *w, text, n);
    *w += n;
    out[*w] = '\0';
}

/* "20/5/4 %" becomes "20 %/5 %/4 %"; 0 if it has no unit. */
static int split_strength(const char *s, char *out, size_t cap)
{
    const char *unit = strchr(s, ' ');
    if (!unit) return 0;
    size_t w = 0;
    out[0] = '\0';
    while (*s && s < unit) {
        size_t n = strcspn(s, "/ ");
        if (w + n + strlen(unit) + 2 >= cap) return 0;
        w += (size_t)snprintf(out + w, cap - w, "%s%.*s%s", w ? "/" : "", (int)n, s, unit);
        s += n + (s[n] == '/');
    }
    return 1;
}

/* items[i].drug from the item's mentions: one drug, or a compound whose parts are named one by
 * one ("Flurbiprofen 20%/Cyclobenzaprine 4%/Lidocaine 5% cream"). */
static imrx_status_t write_drug(const med_letter_t *L, imrx_node_t item, mention_t **ms, int k,
                                const source_t *src)
{
    const imrx_host_api_t *api = L->api;
    imrx_ctx_t *ctx = L->ctx;
    imrx_node_t drug = api->object(ctx, item, "drug");
    if (drug == IMRX_NODE_NONE) return IMRX_ENOMEM;
    mention_t *first = ms[0], *last = ms[k - 1];
    const med_entry_t *e0 = &L->lx->entries[first->entry];
    imrx_span_t whole = span_of(src, first->b, last->e);
    api->set_span(ctx, drug, span_of(src, first->b, med_mention_end(last)));
    char mention[256] = "", generic[256] = "", strength[128] = "";
    size_t wm = 0, wg = 0, ws = 0;
    int opioid = 0, all_strengths = 1, topical = 0;
    for (int i = 0; i < k; i++) {
        const med_entry_t *e = &L->lx->entries[ms[i]->entry];
        char name[128];
        size_t n = imrx_text_squeeze(src->text + ms[i]->b, ms[i]->e - ms[i]->b, name, sizeof name);
        join(mention, sizeof mention, &wm, name, n);
        join(generic, sizeof generic, &wg, e->generic, strlen(e->generic));
        opioid |= (e->flags & MED_OPIOID) != 0;
        topical |= (e->flags & MED_TOPICAL) != 0 || strchr(ms[i]->strength.text, '%') != NULL;
        if (ms[i]->strength.e)
            join(strength, sizeof strength, &ws, ms[i]->strength.text,
                 strlen(ms[i]->strength.text));
        else
            all_strengths = 0;
    }
    imrx_status_t st = api->set_string(ctx, drug, "mention", mention, wm, whole);
    if (st == IMRX_OK) st = api->set_string(ctx, drug, "generic", generic, wg, whole);
    const char *cls = k > 1 && topical ? "compounded topical" : e0->drug_class;
    if (st == IMRX_OK) st = api->set_string(ctx, drug, "class", cls, strlen(cls), whole);
    if (st == IMRX_OK) st = api->set_bool(ctx, drug, "opioid", opioid, whole);
    if (st != IMRX_OK) return st;
    /* A compound's strength is each part's, in order ("20 %/4 %/5 %"); or, for "Flurbiprofen/
     * Baclofen/Lidocaine cream (20%/5%/4%)", the one strength after the last name, with a part
     * per name. Unknown when a part has none. */
    uint32_t sb = first->strength.b, se = last->strength.e;
    if (k > 1 && !all_strengths && last->strength.e && last->strength_parts == k &&
        split_strength(last->strength.text, strength, sizeof strength)) {
        ws = strlen(strength);
        all_strengths = 1;
        sb = last->strength.b;
    }
    if (k == 1 && first->strength.e)
        st = api->set_string(ctx, drug, "strength", first->strength.text,
                             strlen(first->strength.text),
                             span_of(src, first->strength.b, first->strength.e));
    else if (k > 1 && all_strengths)
        st = api->set_string(ctx, drug, "strength", strength, ws, span_of(src, sb, se));
    else
        st = api->set_null(ctx, drug, "strength");
    /* The count ("#120") follows the last part of a compound. */
    const med_int_t *q = NULL;
    for (int i = k - 1; i >= 0 && !q; i--)
        if (ms[i]->quantity.e) q = &ms[i]->quantity;
    if (st == IMRX_OK)
        st = q ? api->set_int(ctx, drug, "quantity", q->value, span_of(src, q->b, q->e))
               : api->set_null(ctx, drug, "quantity");
    return st;
}

/* The distinct drugs among the mentions in [b, e), in order, copied into buf. A drug named twice
 * ("Norco (hydrocodone/APAP) 10/325mg #120") keeps the first name and the attributes of both. */
static int collect(const med_letter_t *L, const mention_t *m, size_t n, uint32_t b, uint32_t e,
                   mention_t *buf, mention_t **out)
{
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        if (m[i].b < b || m[i].e > e) continue;
        int dup = -1;
        for (int j = 0; j < k && dup < 0; j++)
            if (same_generic(L, out[j], &m[i])) dup = j;
        if (dup >= 0) {
            mention_t *d = out[dup];
            if (!d->strength.e)
                d->strength = m[i].strength, d->strength_parts = m[i].strength_parts;
            if (!d->quantity.e) d->quantity = m[i].quantity;
            if (m[i].attr_e > d->attr_e) d->attr_e = m[i].attr_e;
        } else if (k < MAX_PER_ITEM) {
            buf[k] = m[i];
            out[k] = &buf[k];
            k++;
        }
    }
    return k;
}

/* Does text[b, e) hold one of `words` (ASCII letters, any case) as a whole word? */
static int holds_word(const char *text, uint32_t b, uint32_t e, const char *const *words)
{
    uint32_t p = b;
    while (p < e) {
        while (p < e && !((text[p] | 32) >= 'a' && (text[p] | 32) <= 'z')) p++;
        uint32_t w = p;
        while (w < e && (text[w] | 32) >= 'a' && (text[w] | 32) <= 'z') w++;
        for (int i = 0; words[i] && w > p; i++)
            if (imrx_text_ieq(text + p, w - p, words[i])) return 1;
        p = w;
    }
    return 0;
}

/* "Twelve acupuncture visits with Capsaicin patch": the item is another treatment that a drug
 * goes with, not a drug. Read from the item's start to its first drug. An item that opens as a
 * compounded or topical product is one, whatever it says of where it goes ("Compounded topical
 * cream to the neck and right shoulder three times a day: Flurbiprofen 20%, ..."). */
static int other_treatment_first(const char *text, uint32_t b, uint32_t e)
{
    static const char *const product[] = {"compound", "compounded", "topical", "transdermal", NULL};
    uint32_t w = b;
    while (w < e && ((text[w] | 32) >= 'a' && (text[w] | 32) <= 'z')) w++;
    for (int i = 0; product[i]; i++)
        if (imrx_text_ieq(text + b, w - b, product[i])) return 0;
    static const char *const words[] = {
        "with",         "visits",  "visit",      "sessions", "session", "therapy", "acupuncture",
        "chiropractic", "program", "treatments", "surgery",  "block",   "and",     NULL};
    return holds_word(text, b, e, words);
}

/* "Synvisc-One injection, left knee", "Botox 155 units, intramuscular injections" (or
 * "chemodenervation", "IV ketamine infusions", "intrathecal morphine pump"): an injection
 * given as a procedure is no pharmaceutical item, and gold.md gives a drug only to those. A
 * supply to inject ("Lovenox 40mg injection #14") is one: it has a count. */
static int injection_procedure(const char *text, uint32_t b, uint32_t e, mention_t *const *ms,
                               int k)
{
    static const char *const injection[] = {
        "injection", "injections", "chemodenervation", "infusion", "infusions", "pump", NULL};
    for (int i = 0; i < k; i++)
        if (ms[i]->quantity.e) return 0;
    for (uint32_t p = b; p + 1 < e; p++)
        if (text[p] == '#' && text[p + 1] >= '0' && text[p + 1] <= '9') return 0;
    return holds_word(text, b, e, injection);
}

/* Is text[b..e) a unit a count of a drug is told in ("60 tablets", "30 patches")? */
static int count_form(const char *text, uint32_t b, uint32_t e)
{
    static const char *const forms[] = {"tablets", "tabs",     "capsules", "caps",
                                        "patches", "pills",    "lozenges", "packets",
                                        "vials",   "syringes", NULL};
    for (int i = 0; forms[i]; i++)
        if (imrx_text_ieq(text + b, e - b, forms[i])) return 1;
    return 0;
}

/* "60 tablets of Ultram 50mg": a count told before the drug, in the item's text from `lo`. */
static void count_before(const char *text, uint32_t lo, mention_t *m)
{
    uint32_t p = m->b;
    while (p > lo && text[p - 1] == ' ') p--;
    if (p < lo + 3 || !imrx_text_ieq(text + p - 2, 2, "of") || text[p - 3] != ' ') return;
    p -= 3;
    while (p > lo && text[p - 1] == ' ') p--;
    uint32_t fe = p;
    while (p > lo && imrx_text_letter((unsigned char)text[p - 1])) p--;
    if (!count_form(text, p, fe)) return;
    while (p > lo && text[p - 1] == ' ') p--;
    uint32_t ne = p;
    while (p > lo && text[p - 1] >= '0' && text[p - 1] <= '9') p--;
    if (p == ne || ne - p > 4 || (p > lo && imrx_text_letter((unsigned char)text[p - 1]))) return;
    m->quantity = (med_int_t){p, fe, atoi(text + p)};
}

/* Does the item's text name one drug only, perhaps twice ("Sertraline (Zoloft) 100 mg")? A
 * count late in it is then that drug's. */
static int one_drug(const med_letter_t *L, const mention_t *m, size_t n, imrx_span_t ts)
{
    const char *generic = NULL;
    for (size_t j = 0; j < n; j++) {
        if (m[j].b < ts.begin || m[j].e > ts.end) continue;
        const char *g = L->lx->entries[m[j].entry].generic;
        if (generic && strcmp(g, generic) != 0) return 0;
        generic = g;
    }
    return generic != NULL;
}

/* A count told late in a long item, after words the attribute reader stops at ("Gabapentin 600
 * mg tablets, 1 tablet three times a day for neuropathic leg pain, #90 (ninety)", "..., quantity
 * 60", "..., sixty (60) tablets", "..., 120 tablets"): in the item's text after the drug's
 * attributes, the first "#N", else "quantity N", else "N tablets" that is no dose. */
static void count_after(const char *text, uint32_t from, uint32_t end, mention_t *m)
{
    static const char *const dose_after[] = {"daily", "a", "per", "twice", "three", "every",
                                             "at",    "q", "by",  "po",    "each",  NULL};
    med_int_t hash = {0}, labelled = {0}, counted = {0};
    for (uint32_t p = from; p < end; p++) {
        if (p > from && imrx_text_letter((unsigned char)text[p - 1])) continue;
        uint32_t q = p;
        int kind = 0; /* 1: #N, 2: quantity N, 3: N forms */
        if (text[q] == '#') {
            kind = 1, q++;
        } else if (q + 8 <= end && imrx_text_ieq(text + q, 8, "quantity")) {
            kind = 2, q += 8;
            while (q < end && (text[q] == ' ' || text[q] == ':' || text[q] == '#')) q++;
        } else if (q + 3 <= end && imrx_text_ieq(text + q, 3, "qty")) {
            kind = 2, q += 3;
            while (q < end && (text[q] == ' ' || text[q] == ':' || text[q] == '#')) q++;
        } else if (text[q] == '(' || (text[q] >= '0' && text[q] <= '9')) {
            kind = 3, q += text[q] == '(';
        }
        if (!kind) continue;
        uint32_t nb = q;
        while (q < end && text[q] >= '0' && text[q] <= '9') q++;
        if (q == nb || q - nb > 4) continue;
        if (q < end && (text[q] == '/' || text[q] == '.' || text[q] == '%')) continue;
        int n = atoi(text + nb);
        if (kind == 3) {
            uint32_t w = q + (q < end && text[q] == ')' && text[p] == '(');
            if (text[p] == '(' && w == q) continue;
            while (w < end && text[w] == ' ') w++;
            uint32_t we = w;
            while (we < end && imrx_text_letter((unsigned char)text[we])) we++;
            if (!count_form(text, w, we) || n < 2) continue;
            uint32_t a = we;
            while (a < end && (text[a] == ' ' || text[a] == ',')) a++;
            uint32_t ae = a;
            while (ae < end && imrx_text_letter((unsigned char)text[ae])) ae++;
            int dose = 0;
            for (int i = 0; dose_after[i] && !dose; i++)
                dose = imrx_text_ieq(text + a, ae - a, dose_after[i]);
            /* "30 patches per month" is a month's supply */
            if (dose && imrx_text_ieq(text + a, ae - a, "per") && ae + 6 <= end &&
                imrx_text_ieq(text + ae, 6, " month"))
                dose = 0;
            if (dose) continue;
            if (!counted.e) counted = (med_int_t){p, we, n};
        } else if (kind == 2) {
            if (!labelled.e) labelled = (med_int_t){p, q, n};
        } else if (!hash.e) {
            hash = (med_int_t){p, q, n};
        }
        p = q - 1;
    }
    if (hash.e)
        m->quantity = hash;
    else if (labelled.e)
        m->quantity = labelled;
    else if (counted.e)
        m->quantity = counted;
}

/* "Percocet 5/325mg #56 was the original request. ... The remaining IMR eligible portion of the
 * original request, 28 tablets is: Upheld": a remaining portion that names no drug is the one
 * drug of the original request, with what the portion itself says (its count). Returns 1 with
 * it in ms[0], or 0. */
static int remaining_portion_drug(const med_letter_t *L, const mention_t *m, size_t n,
                                  imrx_node_t item, imrx_span_t ts, mention_t *buf, mention_t **ms)
{
    const imrx_host_api_t *api = L->api;
    imrx_node_t orig = api->get(L->ctx, item, "original_request");
    if (orig == IMRX_NODE_NONE || api->type(L->ctx, orig) != IMRX_T_STRING) return 0;
    imrx_span_t os = api->get_span(L->ctx, orig);
    if (os.end <= os.begin || os.end > L->l->length || ts.end <= ts.begin) return 0;
    mention_t *one[MAX_PER_ITEM];
    int k = collect(L, m, n, os.begin, os.end, buf, one);
    if (k != 1 || other_treatment_first(L->l->text, os.begin, one[0]->b)) return 0;
    mention_t here = *one[0];
    here.b = here.e = here.attr_e =
        ts.begin; /* the portion's own attributes, read from its start */
    memset(&here.strength, 0, sizeof here.strength);
    memset(&here.quantity, 0, sizeof here.quantity);
    med_read_attributes(L->attr, L->t, L->l->text, ts.end, &here);
    buf[0].quantity = here.quantity;
    if (here.strength.e)
        buf[0].strength = here.strength, buf[0].strength_parts = here.strength_parts;
    ms[0] = &buf[0];
    return 1;
}

imrx_status_t med_link_items(const med_letter_t *L, mention_t *m, size_t n)
{
    const imrx_host_api_t *api = L->api;
    imrx_ctx_t *ctx = L->ctx;
    imrx_node_t items = api->get(ctx, api->root(ctx), "items");
    uint32_t count = items == IMRX_NODE_NONE ? 0 : api->count(ctx, items);
    for (uint32_t i = 0; i < count; i++) {
        imrx_node_t item = api->at(ctx, items, i);
        imrx_node_t tnode = api->get(ctx, item, "text");
        if (api->type(ctx, item) != IMRX_T_OBJECT) continue;
        imrx_span_t ts = tnode == IMRX_NODE_NONE ? imrx_span(0, 0) : api->get_span(ctx, tnode);
        mention_t *ms[MAX_PER_ITEM], buf[MAX_PER_ITEM];
        int k = 0;
        source_t src = {L->l->text, imrx_span(0, 0)};
        mention_t copy[MAX_PER_ITEM];
        uint32_t text_len = 0; /* of the item's own text, when it has no span */
        if (ts.end > ts.begin && ts.end <= L->l->length) {
            for (size_t j = 0; j < n; j++) {
                if (m[j].b < ts.begin || m[j].e > ts.end) continue;
                m[j].context = CTX_REQUESTED;
                m[j].item = (int)i;
            }
            k = collect(L, m, n, ts.begin, ts.end, buf, ms);
        } else {
            /* No span for the text: read the item's text itself; its values get the item's
             * span. */
            size_t len = 0;
            const char *s = tnode == IMRX_NODE_NONE ? NULL : api->get_string(ctx, tnode, &len);
            if (!s) continue;
            size_t c = med_find_mentions(L, s, (uint32_t)len, copy, MAX_PER_ITEM);
            src.text = s;
            text_len = (uint32_t)len;
            src.fixed = api->get_span(ctx, item);
            if (!src.fixed.end) continue;
            k = collect(L, copy, c, 0, (uint32_t)len, buf, ms);
        }
        uint32_t start = src.fixed.end ? 0 : ts.begin;
        if (k && other_treatment_first(src.text, start, ms[0]->b)) k = 0;
        uint32_t end = src.fixed.end ? text_len : ts.end;
        if (k && injection_procedure(src.text, start, end, ms, k)) k = 0;
        if (!k && !src.fixed.end) k = remaining_portion_drug(L, m, n, item, ts, buf, ms);
        if (k == 1 && !ms[0]->quantity.e && !src.fixed.end)
            count_before(L->l->text, ts.begin, ms[0]);
        if (k == 1 && !ms[0]->quantity.e && !src.fixed.end && one_drug(L, m, n, ts))
            count_after(L->l->text, ms[0]->attr_e > ms[0]->e ? ms[0]->attr_e : ms[0]->e, ts.end,
                        ms[0]);
        imrx_status_t st = k ? write_drug(L, item, ms, k, &src) : api->set_null(ctx, item, "drug");
        if (st == IMRX_ELIMIT) return st;
    }
    return IMRX_OK;
}
