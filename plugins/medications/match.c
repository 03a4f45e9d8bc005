/* Matching the lexicon: from each word start, a walk down the trie that tolerates case,
 * separators and words broken by a hyphen, and keeps the longest surface that ends a word. */
#include <stdint.h>
#include <string.h>

#include "trie.h"

/* Where a surface may end: not inside a word. A digit may follow a name ("Norco10/325"). */
static int boundary(const char *t, size_t len, size_t i)
{
    if (i >= len) return 1;
    unsigned char c = (unsigned char)t[i];
    if (c >= '0' && c <= '9') return is_alpha((unsigned char)t[i - 1]);
    return !is_alnum(c);
}

typedef struct walk {
    const med_lexicon_t *lx;
    const char *t;
    size_t len, start;
    int best;
    size_t best_end;
    size_t reach; /* furthest index read; SIZE_MAX: the answer may depend on more */
} walk_t;

/* A surface that ends in a number followed by a dose unit ("Robaxin-750" in "Robaxin 750 mg")
 * would swallow the strength: there the number is the strength, not part of the name. */
static int number_is_strength(const char *t, size_t len, size_t i)
{
    if (i == 0 || !(t[i - 1] >= '0' && t[i - 1] <= '9')) return 0;
    while (i < len && t[i] == ' ') i++;
    if (i < len && t[i] == '%') return 1;
    char u[3] = {0};
    for (int k = 0; k < 2 && i + (size_t)k < len; k++) u[k] = (char)fold((unsigned char)t[i + k]);
    return (u[0] == 'm' && (u[1] == 'g' || u[1] == 'c' || u[1] == 'l')) ||
           (u[0] == 'g' && (u[1] == 'm' || u[1] == ' ' || u[1] == 0));
}

static void found(walk_t *W, int32_t entry, size_t i)
{
    size_t end = 0;
    W->reach = SIZE_MAX;
    if (number_is_strength(W->t, W->len, i)) return;
    if (boundary(W->t, W->len, i)) end = i;
    /* A plural the lexicon leaves to the engine ("patches", "Norcos"); not after short
     * abbreviations, whose plural would be another word. */
    else if (i - W->start >= 4 && is_alpha((unsigned char)W->t[i - 1])) {
        if (fold((unsigned char)W->t[i]) == 's' && boundary(W->t, W->len, i + 1))
            end = i + 1;
        else if (i + 1 < W->len && fold((unsigned char)W->t[i]) == 'e' &&
                 fold((unsigned char)W->t[i + 1]) == 's' && boundary(W->t, W->len, i + 2))
            end = i + 2;
    }
    if (end > W->best_end) W->best_end = end, W->best = entry;
}

static void walk(walk_t *W, int32_t node, size_t i, int depth)
{
    unsigned char c;
    /* Letters and digits follow the trie in a loop; only separators branch. */
    for (;;) {
        const med_trie_node_t *n = &W->lx->nodes[node];
        if (n->entry >= 0) found(W, n->entry, i);
        if (i >= W->len) return;
        if (depth > 96) {
            W->reach = SIZE_MAX;
            return;
        }
        c = (unsigned char)W->t[i];
        if (i > W->reach) W->reach = i;
        if (is_sep(c)) break;
        node = packed_child(W->lx, node, fold(c));
        if (node < 0) return;
        i++, depth++;
    }
    /* A separator where the surface has one: any short run of them, one line break at most. */
    int32_t next = packed_child(W->lx, node, SEP);
    if (next >= 0) {
        W->reach = SIZE_MAX;
        size_t j = i;
        int lines = 0;
        while (j < W->len && is_sep((unsigned char)W->t[j]) && j - i < 4)
            lines += W->t[j++] == '\n';
        if (lines <= 1 && j < W->len && !is_sep((unsigned char)W->t[j]))
            walk(W, next, j, depth + 1);
    }
    /* A hyphen that breaks a word ("cyclo-benzaprine", "Cyclo- benzaprine", "cyclo-\nbenz"). */
    if (c == '-' && node != 0 && is_alpha((unsigned char)W->t[i - 1])) {
        W->reach = SIZE_MAX;
        size_t j = i + 1;
        if (j < W->len && (W->t[j] == ' ' || W->t[j] == '\n')) j++;
        if (j < W->len && is_alpha((unsigned char)W->t[j])) walk(W, node, j, depth + 1);
    }
}

/* A letter or digit as 0..35, or -1. */
static int slot(unsigned char c)
{
    c = fold(c);
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '0' && c <= '9') return 26 + c - '0';
    return -1;
}

/* Most words start with two letters: one look-up finds the node after them. */
void med_trie_fill_pairs(med_lexicon_t *lx)
{
    for (int i = 0; i < 36 * 36; i++) lx->pair[i] = -1;
    for (int a = 0; a < 36; a++) {
        int32_t n1 = lx->root_child[a < 26 ? 'a' + a : '0' + a - 26];
        if (n1 < 0) continue;
        for (int b = 0; b < 36; b++)
            lx->pair[a * 36 + b] =
                packed_child(lx, n1, (unsigned char)(b < 26 ? 'a' + b : '0' + b - 26));
    }
}

int med_lexicon_match(const med_lexicon_t *lx, const char *text, size_t len, size_t pos,
                      size_t *end)
{
    size_t reach;
    return med_lexicon_match_reach(lx, text, len, pos, end, &reach);
}

int med_lexicon_match_reach(const med_lexicon_t *lx, const char *text, size_t len, size_t pos,
                            size_t *end, size_t *reach)
{
    *reach = pos + 1; /* the pair look-up reads two characters */
    if (pos >= len) return -1;
    int32_t n1 = lx->root_child[fold((unsigned char)text[pos])];
    if (n1 < 0) return -1;
    walk_t W = {lx, text, len, pos, -1, 0, pos + 1};
    int a = slot((unsigned char)text[pos]),
        b = pos + 1 < len ? slot((unsigned char)text[pos + 1]) : -1;
    if (a >= 0 && b >= 0) {
        /* (No surface is one character long, so nothing ends at the first.) */
        int32_t n2 = lx->pair[a * 36 + b];
        if (n2 < 0) return -1;
        walk(&W, n2, pos + 2, 2);
    } else {
        walk(&W, 0, pos, 0);
    }
    *reach = W.reach;
    if (W.best < 0) return -1;
    *end = W.best_end;
    return W.best;
}
