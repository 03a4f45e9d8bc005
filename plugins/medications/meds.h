/* medications plugin: shared types of its parts (lexicon, attributes, context, item link). */
#ifndef IMRX_MEDS_H
#define IMRX_MEDS_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"
#include "re.h"

/* -- lexicon (lexicon.c) ------------------------------------------------------------------- */

/* Flags of a lexicon line (drugs.tsv, column 4). */
enum {
    MED_OPIOID = 1u << 0,
    MED_BRAND = 1u << 1,
    MED_GENERIC = 1u << 2,
    MED_MISSPELLING = 1u << 3,
    MED_ABBREVIATION = 1u << 4,
    MED_COMPOUND = 1u << 5,
    MED_INJECTABLE = 1u << 6,
    MED_TOPICAL = 1u << 7,
    MED_MEDICAL_FOOD = 1u << 8,
    MED_OTC = 1u << 9,
};

typedef struct med_entry {
    char *surface;      /* as the data file writes it */
    char *generic;      /* fixed combinations with '/'; a ';' product's parts joined with '/' */
    char *drug_class;   /* one of the README's classes */
    char **ingredients; /* the parts of a ';' product (separately counted drugs), else NULL */
    int n_ingredients;
    char schedule[4]; /* "C2".."C5", or "" */
    uint32_t flags;
} med_entry_t;

typedef struct med_trie_node med_trie_node_t;

typedef struct med_lexicon {
    med_entry_t *entries;
    size_t count, cap;
    med_trie_node_t *nodes; /* a character trie of the surfaces, folded (lexicon.c) */
    size_t n_nodes, nodes_cap;
    unsigned char *labels; /* once loaded: the trie laid out breadth first, siblings together */
    struct med_fuzzy_slot *fuzzy; /* one-letter misspellings of long names (fuzzy.c) */
    uint32_t *fuzzy_bloom;
    size_t fuzzy_cap;
    int32_t root_child[256]; /* the first level, indexed directly: every word start looks here */
    int32_t pair[36 * 36];   /* the second level for two letters or digits, indexed directly */
} med_lexicon_t;

/* Loads `drugs.tsv` and then every other `*.tsv` of `dir` (a user's additions; a surface given
 * again replaces the earlier line). */
imrx_status_t med_lexicon_load(med_lexicon_t *lx, const char *dir, const imrx_host_api_t *api,
                               imrx_ctx_t *ctx);
void med_lexicon_free(med_lexicon_t *lx);

/* The longest surface that starts at text[pos] and ends at a word boundary (a plural 's'/'es'
 * included), tolerant of case, of a hyphen or line break inside a word ("cyclo-\nbenzaprine")
 * and of any run of space, line break, '-' or '/' where the surface has one. Returns the entry
 * index and sets *end, or -1. */
int med_lexicon_match(const med_lexicon_t *lx, const char *text, size_t len, size_t pos,
                      size_t *end);
/* The same, and *reach: the furthest index of text the answer depended on (SIZE_MAX when it
 * may have depended on more: a surface was reached, or one continues past a separator). */
int med_lexicon_match_reach(const med_lexicon_t *lx, const char *text, size_t len, size_t pos,
                            size_t *end, size_t *reach);

/* Words that start no mention when followed by a given character (whatever comes after it): a
 * letter's common words ("patient", "the", "reported,") are looked up in this per-thread
 * cache instead of walking the trie and trying the misspelling index again and again. */
#define MED_WORD_CACHE 8192
#define MED_WORD_MAX   23
typedef struct med_word_miss {
    uint32_t hash;
    uint8_t len;
    char next;               /* the character after the word (a line break kept as a space) */
    char word[MED_WORD_MAX]; /* folded */
} med_word_miss_t;
typedef struct med_word_cache {
    med_word_miss_t slot[MED_WORD_CACHE];
} med_word_cache_t;

/* A misspelling of a long one-word name ("Cyclobenzaprin", "Gabapentine"): a word of 8 letters
 * or more at text[pos], one edit (insertion, deletion, substitution, transposition) away from
 * a surface of 8 letters or more with the same first letter. Returns the entry and sets *end,
 * or -1. */
imrx_status_t med_fuzzy_build(med_lexicon_t *lx);
void med_fuzzy_free(med_lexicon_t *lx);

/* Words found to be no misspelling, per thread: letters repeat the same long words
 * ("treatment", "guidelines"), each of which would otherwise be probed again. Exact (the word
 * is kept), so a hit never hides a drug. */
#define MED_FUZZY_CACHE 4096
typedef struct med_fuzzy_miss {
    uint32_t hash;
    uint8_t len;
    char word[31];
} med_fuzzy_miss_t;
typedef struct med_fuzzy_cache {
    med_fuzzy_miss_t slot[MED_FUZZY_CACHE];
} med_fuzzy_cache_t;

/* `cache` may be NULL. */
int med_lexicon_fuzzy(const med_lexicon_t *lx, med_fuzzy_cache_t *cache, const char *text,
                      size_t len, size_t pos, size_t *end);

/* -- one mention and its attributes ------------------------------------------------------- */

/* A normalised attribute value with the span of the text it was read from. */
typedef struct med_value {
    uint32_t b, e; /* e == 0: absent */
    char text[64];
} med_value_t;

typedef struct med_int {
    uint32_t b, e; /* e == 0: absent */
    int value;
} med_int_t;

enum { CTX_HISTORY, CTX_REQUESTED, CTX_RATIONALE };

typedef struct mention {
    uint32_t b, e;   /* the mention as written: the surface and its salt/release words */
    uint32_t attr_e; /* end of the attributes read after it */
    int entry;
    med_value_t strength, dose_form, frequency;
    med_int_t quantity, refills;
    int strength_parts; /* how many numbers the strength has (10/325: 2) */
    const char *section;
    int context;
    int negated, discontinued;
    int item; /* -1: none */
} mention_t;

/* Where a mention ends, its attributes ("10 mg twice a day") included. */
static inline uint32_t med_mention_end(const mention_t *m)
{
    return m->attr_e > m->e ? m->attr_e : m->e;
}

/* -- relations between mentions (resolve.c) -------------------------------------------------- */

/* Rewrites the letter's mentions in place: a combination written as two names ("Hydrocodone
 * 10mg/APAP 325mg") becomes one mention; a short name written in full elsewhere ("Terocin",
 * "Terocin patches") and a name explained in parentheses ("Norco (hydrocodone)") take the
 * fuller entry. Returns the new count. */
size_t med_resolve(const med_lexicon_t *lx, const char *text, mention_t *m, size_t n);

/* -- attributes (attrs.c) ------------------------------------------------------------------- */

typedef struct med_attr_re {
    imrx_re_t salt, token;
} med_attr_re_t;

imrx_status_t med_attr_compile(med_attr_re_t *re, const imrx_host_api_t *api, imrx_ctx_t *ctx);
void med_attr_free(med_attr_re_t *re);

/* Extends the mention over the words that name a salt or a release form ("sodium", "ER",
 * "HCl"), then reads strength, dose form, frequency, quantity and refills from the text that
 * follows, up to `limit` (the next mention) or the end of the clause. */
void med_read_attributes(const med_attr_re_t *re, imrx_re_scratch_t *s, const char *t,
                         uint32_t limit, mention_t *m);

/* Writes the strength of text[b..e) normalised ("10/325 mg", "5 %") into out; 0 if none. */
int med_parse_strength(const char *text, uint32_t b, uint32_t e, med_value_t *out, int *parts);

/* -- context and negation (context.c, negation.c) ---------------------------------------------- */

typedef struct med_context_re {
    imrx_re_t negation_before; /* cues of context.c and negation.c, compiled once */
    imrx_re_t stop_after;
    imrx_re_t negation_after;
    imrx_re_t request;
    imrx_re_t equivalent;
    imrx_re_t patient_use;
    imrx_re_t patient_use_now;
    imrx_re_t hedge;
    imrx_re_t requested_here;
    imrx_re_t lab_after;
    imrx_re_t decision_line;
    imrx_re_t untried_before;
    imrx_re_t untried_after;
    imrx_re_t stopped_next_clause;
    imrx_re_t planned_before;
    imrx_re_t planned_after;
    imrx_re_t reported_reason;
} med_context_re_t;

imrx_status_t med_context_compile(med_context_re_t *re, const imrx_host_api_t *api,
                                  imrx_ctx_t *ctx);
void med_context_free(med_context_re_t *re);

/* 1 when the mention is not a drug at all ("morphine equivalent dose", "soma" as anatomy). */
int med_is_false_mention(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                         uint32_t len, const mention_t *m, const med_entry_t *entry);

/* The cues of negation.c (negation_cues.c), compiled by med_context_compile into
 * med_context_re_t, and the words at a word start that every match of the first and the third
 * holds. */
extern const char med_re_negation_before[], med_re_stop_after[], med_re_negation_after[],
    med_re_stopped_next_clause[], med_re_untried_before[], med_re_untried_after[];
extern const imrx_re_keys_t med_negation_before_keys, med_negation_after_keys;
extern const imrx_re_starts_t med_negation_after_starts, med_negation_before_starts;

/* The words every match of the patient's-use cue holds (context.c). */
extern const imrx_re_keys_t med_use_keys;

/* The cues of named_only.c, compiled by med_context_compile. */
extern const char med_re_planned_before[], med_re_planned_after[], med_re_reported_reason[];

/* Does the summary's mention m, in the sentence text[sb, se), name a drug the worker does not
 * take: only planned or considered, a metabolite found in a drug screen, or (in a sentence about
 * the request, `requested`) named in the reason UR gave? (named_only.c) */
int med_named_only(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                   uint32_t se, const mention_t *m, int requested);

/* Sets m->negated (never taken) or m->discontinued from the cues of its sentence text[sb, se)
 * (hi: the end of its section, for the clause after a semicolon); all[0..n) are the letter's
 * mentions, m one of them (negation.c). */
void med_negation(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                  uint32_t se, uint32_t hi, mention_t *m, const mention_t *all, size_t n);

/* Cues told of a list of drugs (negation_lists.c). Does only a list stand in text[b, e) ("Soma
 * or Norco", "his Flexeril")? Is m one of a list said never tried ("Neither A nor B has been
 * tried")? One of a list tried in the past or whose trials failed ("took Lyrica and Cymbalta years
 * ago", "Preventive trials of topiramate and propranolol failed")? Is text[p..se) the phrase ph
 * (lower case, single spaces; line breaks count as spaces) before a non-letter? */
int med_list_gap(const char *text, uint32_t b, uint32_t e, const mention_t *all, size_t n);
int med_untried(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                uint32_t se, const mention_t *m, const mention_t *all, size_t n);
int med_past_trial(const char *text, uint32_t sb, uint32_t se, const mention_t *m,
                   const mention_t *all, size_t n);
int med_phrase_at(const char *text, uint32_t p, uint32_t se, const char *ph);

/* Is the drug of m, in its sentence text[sb, se), stopped in the next sentence, named by a
 * pronoun ("it", "both")? (negation_next.c) */
int med_stopped_in_next_sentence(const char *text, uint32_t sb, uint32_t se, uint32_t hi,
                                 const mention_t *m, const mention_t *all, size_t n);

/* Sets section, context, negated and discontinued of every mention. */
void med_classify(const med_context_re_t *re, imrx_re_scratch_t *t, const imrx_letter_t *l,
                  mention_t *m, size_t n);

/* -- the item link (items.c) ---------------------------------------------------------------- */

typedef struct med_letter {
    const imrx_host_api_t *api;
    imrx_ctx_t *ctx;
    const imrx_letter_t *l;
    const med_lexicon_t *lx;
    const med_attr_re_t *attr;
    imrx_re_scratch_t *t;
    med_fuzzy_cache_t *fuzzy; /* this thread's */
    med_word_cache_t *words;  /* this thread's, or NULL */
} med_letter_t;

/* Finds the mentions of a string (not necessarily the letter's text) into m (at most cap);
 * returns how many. Attributes are read too. */
size_t med_find_mentions(const med_letter_t *L, const char *text, uint32_t len, mention_t *m,
                         size_t cap);

/* Marks the mentions inside each disputed item's text (context requested, item index) and
 * writes items[i].drug. */
imrx_status_t med_link_items(const med_letter_t *L, mention_t *m, size_t n);

#endif
