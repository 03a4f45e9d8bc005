/* medications plugin: the lexicon's trie, shared by loading (lexicon.c) and matching
 * (match.c). Internal to the plugin. */
#ifndef IMRX_MEDS_TRIE_H
#define IMRX_MEDS_TRIE_H

#include "meds.h"

/* The trie stores surfaces folded: ASCII lower case, and every run of space, '-' or '/' one
 * SEP symbol, so that "hydrocodone-APAP", "hydrocodone/APAP" and "Hydrocodone / APAP" meet. */
#define SEP 0x01

/* While loading, children are a linked list (first_child, next_sibling). Once loaded, the trie
 * is laid out breadth first: a node's children are the `next_sibling` nodes from first_child
 * on, and their labels sit side by side in lx->labels, so a lookup reads one short run. */
struct med_trie_node {
    int32_t first_child, next_sibling;
    int32_t entry; /* index into entries, or -1 */
    unsigned char label;
};

static inline int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int is_alnum(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

static inline int is_sep(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '-' || c == '/';
}

static inline unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline int32_t packed_child(const med_lexicon_t *lx, int32_t node, unsigned char label)
{
    if (node == 0) return lx->root_child[label];
    /* Most nodes have a few children: a plain loop beats memchr's set-up. */
    const med_trie_node_t *n = &lx->nodes[node];
    const unsigned char *l = lx->labels + n->first_child;
    for (int32_t k = 0; k < n->next_sibling; k++)
        if (l[k] == label) return n->first_child + k;
    return -1;
}

/* Fills lx->pair from the packed trie (match.c). */
void med_trie_fill_pairs(med_lexicon_t *lx);

#endif
