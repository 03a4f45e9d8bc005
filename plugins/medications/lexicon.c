/* The drug lexicon: drugs.tsv loaded once at init into a character trie of folded surfaces, so
 * that a letter is scanned once (a walk from each word start), whatever the lexicon's size. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trie.h"
#include "text.h"

static int32_t new_node(med_lexicon_t *lx, unsigned char label)
{
    if (lx->n_nodes == lx->nodes_cap) {
        size_t cap = lx->nodes_cap ? lx->nodes_cap * 2 : 4096;
        med_trie_node_t *n = realloc(lx->nodes, cap * sizeof *n);
        if (!n) return -1;
        lx->nodes = n;
        lx->nodes_cap = cap;
    }
    med_trie_node_t *n = &lx->nodes[lx->n_nodes];
    n->first_child = n->next_sibling = n->entry = -1;
    n->label = label;
    return (int32_t)lx->n_nodes++;
}

static int32_t child(const med_lexicon_t *lx, int32_t node, unsigned char label)
{
    if (node == 0) return lx->root_child[label];
    for (int32_t c = lx->nodes[node].first_child; c >= 0; c = lx->nodes[c].next_sibling)
        if (lx->nodes[c].label == label) return c;
    return -1;
}

static int32_t add_child(med_lexicon_t *lx, int32_t node, unsigned char label)
{
    int32_t c = child(lx, node, label);
    if (c >= 0) return c;
    c = new_node(lx, label);
    if (c < 0) return -1;
    lx->nodes[c].next_sibling = lx->nodes[node].first_child;
    lx->nodes[node].first_child = c;
    if (node == 0) lx->root_child[label] = c;
    return c;
}

/* Inserts a surface; returns its node (whose entry the caller sets), or -1. */
static int32_t insert(med_lexicon_t *lx, const char *surface)
{
    int32_t node = 0;
    const unsigned char *s = (const unsigned char *)surface;
    while (*s == ' ') s++;
    while (*s) {
        if (is_sep(*s)) {
            while (is_sep(*s)) s++;
            if (!*s) break;
            node = add_child(lx, node, SEP);
        } else {
            node = add_child(lx, node, fold(*s++));
        }
        if (node < 0) return -1;
    }
    return node == 0 ? -1 : node;
}

/* The loaded trie, breadth first (see struct med_trie_node). */
static imrx_status_t pack(med_lexicon_t *lx)
{
    size_t n = lx->n_nodes;
    med_trie_node_t *out = malloc(n * sizeof *out);
    unsigned char *labels = malloc(n);
    int32_t *order = malloc(n * sizeof *order); /* old index of each new node */
    if (!out || !labels || !order) {
        free(out), free(labels), free(order);
        return IMRX_ENOMEM;
    }
    size_t head = 0, tail = 1;
    order[0] = 0;
    while (head < tail) {
        const med_trie_node_t *old = &lx->nodes[order[head]];
        med_trie_node_t *nw = &out[head];
        nw->entry = old->entry;
        nw->label = labels[head] = old->label;
        nw->first_child = (int32_t)tail;
        nw->next_sibling = 0;
        for (int32_t c = old->first_child; c >= 0; c = lx->nodes[c].next_sibling) {
            order[tail++] = c;
            nw->next_sibling++;
        }
        head++;
    }
    for (int i = 0; i < 256; i++) lx->root_child[i] = -1;
    for (int32_t i = out[0].first_child; i < out[0].first_child + out[0].next_sibling; i++)
        lx->root_child[labels[i]] = i;
    free(order);
    free(lx->nodes);
    lx->nodes = out;
    lx->nodes_cap = n;
    lx->labels = labels;
    return IMRX_OK;
}

static void entry_free(med_entry_t *e)
{
    free(e->surface);
    free(e->generic);
    free(e->drug_class);
    for (int i = 0; i < e->n_ingredients; i++) free(e->ingredients[i]);
    free(e->ingredients);
}

static uint32_t parse_flags(const char *s, char schedule[4])
{
    static const struct {
        const char *name;
        uint32_t flag;
    } names[] = {{"opioid", MED_OPIOID},
                 {"brand", MED_BRAND},
                 {"generic", MED_GENERIC},
                 {"misspelling", MED_MISSPELLING},
                 {"abbreviation", MED_ABBREVIATION},
                 {"compound", MED_COMPOUND},
                 {"injectable", MED_INJECTABLE},
                 {"topical", MED_TOPICAL},
                 {"medical_food", MED_MEDICAL_FOOD},
                 {"otc", MED_OTC}};
    uint32_t flags = 0;
    schedule[0] = '\0';
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n == 2 && s[0] == 'C' && s[1] >= '2' && s[1] <= '5') {
            schedule[0] = 'C', schedule[1] = s[1], schedule[2] = '\0';
        } else {
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                if (strlen(names[i].name) == n && strncmp(s, names[i].name, n) == 0)
                    flags |= names[i].flag;
        }
        s += n;
        if (*s == ',') s++;
    }
    return flags;
}

/* Splits "a;b;c" into its parts; the generic becomes "a/b/c" (how a product is named whole). */
static imrx_status_t split_ingredients(med_entry_t *e, const char *generic)
{
    int n = 1;
    for (const char *p = generic; *p; p++) n += *p == ';';
    e->generic = strdup(generic);
    if (!e->generic) return IMRX_ENOMEM;
    for (char *p = e->generic; *p; p++)
        if (*p == ';') *p = '/';
    if (n == 1) return IMRX_OK;
    e->ingredients = calloc((size_t)n, sizeof *e->ingredients);
    if (!e->ingredients) return IMRX_ENOMEM;
    const char *p = generic;
    for (int i = 0; i < n; i++) {
        size_t k = strcspn(p, ";");
        e->ingredients[i] = strndup(p, k);
        if (!e->ingredients[i]) return IMRX_ENOMEM;
        e->n_ingredients++;
        p += k + (p[k] == ';');
    }
    return IMRX_OK;
}

typedef struct load {
    med_lexicon_t *lx;
    const imrx_host_api_t *api;
    imrx_ctx_t *ctx;
    const char *file;
} load_t;

static imrx_status_t add_row(void *user, char **f, int count, int line)
{
    load_t *L = user;
    med_lexicon_t *lx = L->lx;
    /* (A one-character surface could not be told from a letter; the matcher relies on it.) */
    if (count < 3 || strlen(f[0]) < 2 || !f[1][0]) {
        L->api->log(L->ctx, IMRX_LOG_WARN,
                    "%s:%d: a line needs a surface of two characters or more, a generic and a "
                    "class",
                    L->file, line);
        return IMRX_OK;
    }
    med_entry_t e = {0};
    e.surface = strdup(f[0]);
    e.drug_class = strdup(f[2]);
    e.flags = parse_flags(count > 3 ? f[3] : "", e.schedule);
    if (!e.surface || !e.drug_class || split_ingredients(&e, f[1]) != IMRX_OK) {
        entry_free(&e);
        return IMRX_ENOMEM;
    }
    int32_t node = insert(lx, e.surface);
    if (node < 0) {
        entry_free(&e);
        return lx->n_nodes ? IMRX_OK : IMRX_ENOMEM;
    }
    if (lx->nodes[node].entry >= 0) { /* a later line (a user's file) replaces the earlier one */
        entry_free(&lx->entries[lx->nodes[node].entry]);
        lx->entries[lx->nodes[node].entry] = e;
        return IMRX_OK;
    }
    if (lx->count == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 1024;
        med_entry_t *v = realloc(lx->entries, cap * sizeof *v);
        if (!v) {
            entry_free(&e);
            return IMRX_ENOMEM;
        }
        lx->entries = v;
        lx->cap = cap;
    }
    lx->nodes[node].entry = (int32_t)lx->count;
    lx->entries[lx->count++] = e;
    return IMRX_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static imrx_status_t load_file(load_t *L, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    L->file = name;
    imrx_status_t st = imrx_tsv_read(path, add_row, L);
    if (st != IMRX_OK)
        L->api->log(L->ctx, IMRX_LOG_ERROR, "cannot read the drug lexicon %s (status %d)", path,
                    (int)st);
    return st;
}

imrx_status_t med_lexicon_load(med_lexicon_t *lx, const char *dir, const imrx_host_api_t *api,
                               imrx_ctx_t *ctx)
{
    memset(lx, 0, sizeof *lx);
    for (int i = 0; i < 256; i++) lx->root_child[i] = -1;
    if (new_node(lx, 0) != 0) return IMRX_ENOMEM;
    load_t L = {lx, api, ctx, NULL};
    imrx_status_t st = load_file(&L, dir, "drugs.tsv");
    /* Then the user's own lists, in name order. */
    DIR *d = st == IMRX_OK ? opendir(dir) : NULL;
    if (d) {
        char *names[256];
        int n = 0;
        struct dirent *de;
        while ((de = readdir(d)) && n < 256) {
            size_t k = strlen(de->d_name);
            if (k > 4 && strcmp(de->d_name + k - 4, ".tsv") == 0 &&
                strcmp(de->d_name, "drugs.tsv") != 0 && (names[n] = strdup(de->d_name)))
                n++;
        }
        closedir(d);
        if (n) qsort(names, (size_t)n, sizeof names[0], cmp_str);
        for (int i = 0; i < n; i++) {
            if (st == IMRX_OK) st = load_file(&L, dir, names[i]);
            free(names[i]);
        }
    }
    if (st == IMRX_OK && lx->count == 0) {
        api->log(ctx, IMRX_LOG_ERROR, "the drug lexicon in %s is empty", dir);
        st = IMRX_EFORMAT;
    }
    if (st == IMRX_OK) st = pack(lx);
    if (st == IMRX_OK) med_trie_fill_pairs(lx);
    if (st == IMRX_OK) st = med_fuzzy_build(lx);
    if (st != IMRX_OK) med_lexicon_free(lx);
    return st;
}

void med_lexicon_free(med_lexicon_t *lx)
{
    for (size_t i = 0; i < lx->count; i++) entry_free(&lx->entries[i]);
    free(lx->entries);
    free(lx->nodes);
    free(lx->labels);
    med_fuzzy_free(lx);
    memset(lx, 0, sizeof *lx);
}
