/* How mentions of one letter relate: a short name that the letter also writes in full, a name
 * explained in parentheses, a combination written as two names with their strengths. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "meds.h"

/* Does the longer surface only add a dosage form ("Terocin" / "Terocin patch")? */
static int adds_form(const char *tail)
{
    static const char *const forms[] = {"patch", "cream", "gel", "lotion", "ointment", "spray"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strcasecmp(tail, forms[i]) == 0) return 1;
    return 0;
}

/* Does `generic` name a family of several drugs the lexicon lists ("insulin": glargine, lispro,
 * ...; "calcium": carbonate, polycarbophil), rather than a drug of its own with one longer
 * relative ("gabapentin" and its prodrug "gabapentin enacarbil")? */
static int names_a_family(const med_lexicon_t *lx, const char *generic, size_t g)
{
    const char *first = NULL;
    for (size_t i = 0; i < lx->count; i++) {
        const char *h = lx->entries[i].generic;
        if (strncmp(h, generic, g) != 0 || h[g] != ' ') continue;
        if (first && strcmp(first, h) != 0) return 1;
        first = h;
    }
    return 0;
}

/* A short name that the letter also writes in full names the full product: "Terocin" after
 * "Terocin patches", "insulin" after "insulin glargine". Not "Soma" after "Soma Compound", nor
 * "Tylenol" after "Tylenol #3": those name other products; nor "gabapentin" beside "gabapentin
 * enacarbil", another drug. */
static void resolve_short_names(const med_lexicon_t *lx, mention_t *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const med_entry_t *e = &lx->entries[m[i].entry];
        size_t k = strlen(e->surface), g = strlen(e->generic);
        for (size_t j = 0; j < n; j++) {
            const med_entry_t *f = &lx->entries[m[j].entry];
            if (m[j].entry == m[i].entry || strncasecmp(f->surface, e->surface, k) != 0 ||
                f->surface[k] != ' ')
                continue;
            int refines = strncmp(f->generic, e->generic, g) == 0 && f->generic[g] == ' ' &&
                          names_a_family(lx, e->generic, g);
            if (!refines && !adds_form(f->surface + k + 1)) continue;
            m[i].entry = m[j].entry;
            break;
        }
    }
}

/* How many drugs a generic names ("hydrocodone/acetaminophen": 2), and whether every part of
 * a is a part of b. */
static int parts(const char *g)
{
    int n = 1;
    for (; *g; g++) n += *g == '/';
    return n;
}

static int parts_within(const char *a, const char *b)
{
    while (*a) {
        size_t k = strcspn(a, "/");
        int found = 0;
        for (const char *p = b; *p && !found;) {
            size_t q = strcspn(p, "/");
            found = q == k && strncmp(p, a, k) == 0;
            p += q + (p[q] == '/');
        }
        if (!found) return 0;
        a += k + (a[k] == '/');
    }
    return 1;
}

/* Is text[p..e) only what separates the names of a list: spaces, commas, '/', '&', "and"? */
static int list_glue(const char *text, uint32_t p, uint32_t e)
{
    while (p < e) {
        if (strchr(" \n,/&", text[p])) {
            p++;
        } else if (e - p >= 3 && strncasecmp(text + p, "and", 3) == 0 &&
                   (e - p == 3 || strchr(" \n", text[p + 3]))) {
            p += 3;
        } else {
            return 0;
        }
    }
    return 1;
}

/* "Fioricet (butalbital, acetaminophen and caffeine)": after the first ingredient of a
 * combination's gloss, the others named in the same parentheses are that combination too. */
static void gloss_ingredients(const med_lexicon_t *lx, const char *text, mention_t *m, size_t n,
                              size_t i)
{
    const char *whole = lx->entries[m[i].entry].generic;
    for (size_t j = i + 2; j < n; j++) {
        uint32_t p = med_mention_end(&m[j - 1]);
        const char *g = lx->entries[m[j].entry].generic;
        if (p > m[j].b || !list_glue(text, p, m[j].b) || parts(g) != 1 || !parts_within(g, whole))
            break;
        m[j].entry = m[i].entry;
    }
}

/* "Norco (hydrocodone)", "hydrocodone (Norco)": a name explained in parentheses is one drug,
 * the more complete of the two. */
static void resolve_aliases(const med_lexicon_t *lx, const char *text, mention_t *m, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t p = m[i].e;
        int open = 0;
        while (p < m[i + 1].b && (text[p] == ' ' || text[p] == '\n' || text[p] == '(')) {
            open += text[p] == '(';
            p++;
        }
        if (p != m[i + 1].b || open != 1) continue;
        const char *a = lx->entries[m[i].entry].generic, *b = lx->entries[m[i + 1].entry].generic;
        if (strcmp(a, b) == 0) {
        } else if (parts(a) > parts(b) && parts_within(b, a)) {
            m[i + 1].entry = m[i].entry;
            gloss_ingredients(lx, text, m, n, i);
        } else if (parts(b) > parts(a) && parts_within(a, b)) {
            m[i].entry = m[i + 1].entry;
        } else {
            continue;
        }
        /* The outer name takes what follows the parentheses ("Norco (...) 10/325mg #120"). */
        if (!m[i].strength.e) m[i].strength = m[i + 1].strength;
        if (!m[i].quantity.e) m[i].quantity = m[i + 1].quantity;
        if (!m[i].frequency.e) m[i].frequency = m[i + 1].frequency;
        if (!m[i].dose_form.e) m[i].dose_form = m[i + 1].dose_form;
    }
}

/* "Hydrocodone 10mg/APAP 325mg": two names joined by '/' that the lexicon knows as one
 * combination are one mention of it, "10/325 mg" strong. The entry is a line that spells the
 * combination's generic name. */
static int combination(const med_lexicon_t *lx, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    for (size_t i = 0; i < lx->count; i++) {
        const char *g = lx->entries[i].generic;
        if (!(lx->entries[i].flags & MED_GENERIC) || strlen(g) != na + nb + 1) continue;
        if ((strncmp(g, a, na) == 0 && g[na] == '/' && strcmp(g + na + 1, b) == 0) ||
            (strncmp(g, b, nb) == 0 && g[nb] == '/' && strcmp(g + nb + 1, a) == 0))
            return (int)i;
    }
    return -1;
}

/* Joins the strengths "10 mg" and "325 mg" into "10/325 mg"; 0 when the units differ. */
static int join_strengths(med_value_t *a, const med_value_t *b)
{
    const char *ua = strchr(a->text, ' '), *ub = strchr(b->text, ' ');
    if (!ua || !ub || strcmp(ua, ub) != 0 || strchr(a->text, '/') || strchr(b->text, '/')) return 0;
    char out[sizeof a->text];
    int n = snprintf(out, sizeof out, "%.*s/%s", (int)(ua - a->text), a->text, b->text);
    if (n < 0 || (size_t)n >= sizeof out) return 0;
    memcpy(a->text, out, (size_t)n + 1);
    a->e = b->e;
    return 1;
}

static size_t merge_combinations(const med_lexicon_t *lx, const char *text, mention_t *m, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0) {
            mention_t *a = &m[k - 1];
            const mention_t *b = &m[i];
            uint32_t p = a->strength.e ? a->strength.e : a->e;
            while (p < b->b && text[p] == ' ') p++;
            int slash = p < b->b && text[p] == '/';
            if (slash) p++;
            while (p < b->b && text[p] == ' ') p++;
            /* Parts with percentages are a compounded cream's, each counted (README). */
            int cream = strchr(a->strength.text, '%') || strchr(b->strength.text, '%');
            int entry = -1;
            if (slash && !cream && p == b->b && a->attr_e <= b->b)
                entry =
                    combination(lx, lx->entries[a->entry].generic, lx->entries[b->entry].generic);
            if (entry >= 0) {
                med_value_t s = a->strength;
                if (s.e && b->strength.e && join_strengths(&s, &b->strength))
                    a->strength = s;
                else if (!s.e)
                    a->strength = b->strength;
                a->entry = entry;
                a->e = b->e;
                a->attr_e = b->attr_e;
                if (b->quantity.e) a->quantity = b->quantity;
                if (b->frequency.e) a->frequency = b->frequency;
                if (b->dose_form.e) a->dose_form = b->dose_form;
                if (b->refills.e) a->refills = b->refills;
                continue;
            }
        }
        m[k++] = m[i];
    }
    return k;
}

size_t med_resolve(const med_lexicon_t *lx, const char *text, mention_t *m, size_t n)
{
    n = merge_combinations(lx, text, m, n);
    resolve_short_names(lx, m, n);
    resolve_aliases(lx, text, m, n);
    return n;
}
