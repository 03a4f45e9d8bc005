/* One generated letter as facts: what it is about, what it decides, and (filled in while it is
 * written) what it states. The gold file is written from this, so gold and text agree by
 * construction. */
#ifndef IMRX_GEN_MODEL_H
#define IMRX_GEN_MODEL_H

#include <stdint.h>

#include "gen/gen.h"
#include "gen/prng.h"
#include "gen/vocab.h"

typedef struct imrx_gen_date {
    short y; /* 0: none */
    signed char m, d;
} imrx_gen_date_t;

enum { GEN_LAYOUT_A, GEN_LAYOUT_B, GEN_LAYOUT_C, GEN_LAYOUT_D };
enum { GEN_R_LAYOUT, GEN_R_RAW, GEN_R_HEADERLESS, GEN_R_PLAIN };

/* What the MAXIMUS (reviewer's) guideline paragraph cites. */
enum { GEN_CITE_MTUS, GEN_CITE_MTUS_ODG, GEN_CITE_ODG, GEN_CITE_OTHER, GEN_CITE_NONE };
/* What the Claims Administrator guideline paragraph cites (layouts A and B). */
enum { GEN_CA_MTUS, GEN_CA_ODG, GEN_CA_NONE };

/* Header facts the letter states (bits of `shown`). */
enum {
    GEN_S_CASE = 1 << 0,
    GEN_S_ASSIGNED = 1 << 1,
    GEN_S_INJURY = 1 << 2,
    GEN_S_DECISION = 1 << 3,
    GEN_S_UR = 1 << 4,
    GEN_S_APP = 1 << 5,
    GEN_S_PRIORITY = 1 << 6,
};

/* Medication flags: how the letter mentions a drug. */
enum {
    GEN_MED_TAKEN = 1,   /* taken, prescribed or requested */
    GEN_MED_DENIED = 2,  /* "denies taking X": never taken */
    GEN_MED_STOPPED = 4, /* "no longer takes X": taken before, negated */
    GEN_MED_ASIDE = 8,   /* named in a rationale or citation only */
};

/* Finer kinds of items, for the arguments a rationale makes. */
enum {
    GEN_K_DRUG,
    GEN_K_COMPOUND,
    GEN_K_PT,
    GEN_K_PT_POSTOP,
    GEN_K_AQUATIC,
    GEN_K_OT,
    GEN_K_MASSAGE,
    GEN_K_WORKHARD,
    GEN_K_CHIRO,
    GEN_K_ACU,
    GEN_K_ESI,
    GEN_K_FACET,
    GEN_K_RFA,
    GEN_K_TPI,
    GEN_K_JOINT,
    GEN_K_PRP,
    GEN_K_BLOCK,
    GEN_K_MRI,
    GEN_K_XRAY,
    GEN_K_CT,
    GEN_K_EMG,
    GEN_K_UDS,
    GEN_K_FCE,
    GEN_K_SLEEP,
    GEN_K_LAB,
    GEN_K_US,
    GEN_K_TENS,
    GEN_K_BRACE,
    GEN_K_COLD,
    GEN_K_DME,
    GEN_K_SURG,
    GEN_K_ASSIST,
    GEN_K_PREOP,
    GEN_K_STAY,
    GEN_K_FOLLOWUP,
    GEN_K_CONSULT,
    GEN_K_PSYEVAL,
    GEN_K_CBT,
    GEN_K_BIOFEED,
    GEN_K_FRP,
    GEN_K_GYM,
    GEN_K_WEIGHT,
    GEN_K_HOME,
    GEN_K_TRANSPORT,
    GEN_K_INTERP,
    GEN_K_ERGO,
    GEN_NKIND
};

/* Item templates (items_tpl.c). Placeholders: {R} region with article ("the lumbar spine"),
 * {r} without ("right shoulder"), {A} region adjective, {F} frequency ("2 times a week for 6
 * weeks", matching the count), {N} count, {W} count in words, {L} spinal level(s), {S} side,
 * {X} an operation of the region, {Y} a second operation word (the surgeon's). */
enum {
    GEN_F_COUNT = 1,   /* has a count of sessions/hours: may be partially authorised */
    GEN_F_SPINE = 2,   /* only for the spine */
    GEN_F_LIMB = 4,    /* only for a limb (lateral region) */
    GEN_F_ARTICLE = 8, /* layout D may put "a"/"an" before it */
    GEN_F_HAND = 16,   /* only for wrist or elbow */
};
typedef struct imrx_gen_tpl {
    const char *tpl;
    unsigned char kind, topic, topic2, flags;
    const char *noun;
    short lo, hi; /* range of the count */
} imrx_gen_tpl_t;
extern const imrx_gen_tpl_t *const imrx_gen_tpls[GEN_NCAT];
extern const size_t imrx_gen_ntpls[GEN_NCAT];
#define GEN_NO_TOPIC 255

#define GEN_MAX_ITEMS  8
#define GEN_MAX_TOPICS 3
#define GEN_MAX_MEDS   48
#define GEN_TEXT_MAX   240

typedef struct imrx_gen_item {
    char text[GEN_TEXT_MAX]; /* as the decision line names it: the gold text */
    char orig[GEN_TEXT_MAX]; /* partial authorisation: the original request */
    char auth[GEN_TEXT_MAX]; /* partial authorisation: the part authorised */
    const char *noun;        /* how a rationale refers to it: "physical therapy" */
    unsigned char cat, overturned, partial, cite, ca, region, side, proper;
    unsigned char article; /* layout D may put "a"/"an" before it */
    unsigned char ntopic, topics[GEN_MAX_TOPICS];
    unsigned char kind; /* a finer kind within the category, for rationales */
    short drug;         /* index into imrx_gen_drugs; -1 none; -2 a compounded cream */
    unsigned char ningr, ingr[4];
    char mention[64]; /* gold drug attributes; "" = null */
    char strength[48];
    int qty;   /* -1 = null */
    int count; /* sessions, hours, visits requested; 0 if none */
} imrx_gen_item_t;

typedef struct imrx_gen_med {
    const char *generic;
    unsigned char flags;
} imrx_gen_med_t;

typedef struct imrx_gen_letter {
    uint64_t seed, index;
    char name[48]; /* GEN-<seed>-<index as 7 digits> */
    int layout, rendering, year;
    char case_number[24];
    imrx_gen_date_t assigned, injury, decision, ur, app;
    int priority;   /* 0 Standard, 1 Expedited */
    int cp16;       /* cites the 2016 edition of the chronic pain guidelines */
    unsigned shown; /* GEN_S_* written so far */
    imrx_gen_date_t narr_injury, narr_ur; /* as the summary states them; y = 0: not stated */
    int age;                              /* as the summary states it; -1 not stated */
    int sex;                              /* 0 male, 1 female */
    int sex_shown;
    int region, side, region2, side2; /* side: 0 none, 1 right, 2 left, 3 bilateral */
    int nstates;
    unsigned char states[4];
    int nspec;
    const char *spec[4]; /* as written, typos included */
    int ndx;
    char dx[5][100];
    int nitems;
    imrx_gen_item_t items[GEN_MAX_ITEMS];
    /* drugs of the narrative (indexes into imrx_gen_drugs) */
    int ncur, nneg;
    short cur[5], neg[2];
    unsigned char neg_stopped[2]; /* 1: discontinued, 0: denied */
    int nmeds;
    imrx_gen_med_t meds[GEN_MAX_MEDS];
} imrx_gen_letter_t;

/* Draws the facts of letter L->index (model.c, items.c). */
void imrx_gen_model(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L);
void imrx_gen_items(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L);
/* A drug item (items_drug.c). */
void imrx_gen_drug_item(const imrx_gen_config_t *c, imrx_gen_rng_t *r, imrx_gen_letter_t *L,
                        imrx_gen_item_t *it);

/* Records that the letter names drug `generic` in a way given by GEN_MED_* flags. */
void imrx_gen_med_note(imrx_gen_letter_t *L, const char *generic, unsigned flags);
/* Whether `generic` is one of the letter's denied or discontinued drugs. */
int imrx_gen_med_is_negated(const imrx_gen_letter_t *L, const char *generic);
/* Records every drug of item `it` as taken/requested. */
void imrx_gen_med_note_item(imrx_gen_letter_t *L, const imrx_gen_item_t *it);

/* Dates. */
long imrx_gen_days(imrx_gen_date_t d);
imrx_gen_date_t imrx_gen_from_days(long days);
imrx_gen_date_t imrx_gen_add_days(imrx_gen_date_t d, long n);

/* The guideline title an item's topic resolves to in this letter (-1 when not in the MTUS). */
int imrx_gen_topic_title(const imrx_gen_letter_t *L, const imrx_gen_item_t *it, int topic);

#endif
