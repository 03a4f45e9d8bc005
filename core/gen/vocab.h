/* The generator's vocabulary: drugs, body regions, diagnoses, guideline titles and topics,
 * specialties, states. Plain static tables, so that adding a drug or a topic is one line. */
#ifndef IMRX_GEN_VOCAB_H
#define IMRX_GEN_VOCAB_H

#include <stddef.h>

/* Item categories, in the order of the gold format's list. */
enum {
    GEN_CAT_PHARMA,
    GEN_CAT_PT,
    GEN_CAT_CHIRO,
    GEN_CAT_ACU,
    GEN_CAT_INJECT,
    GEN_CAT_DIAG,
    GEN_CAT_DME,
    GEN_CAT_SURGERY,
    GEN_CAT_EM,
    GEN_CAT_BEHAV,
    GEN_CAT_PROGRAMS,
    GEN_CAT_HOME,
    GEN_CAT_TRANSPORT,
    GEN_CAT_OTHER,
    GEN_NCAT
};
extern const char *const imrx_gen_cat_names[GEN_NCAT]; /* gold names: "pharmaceuticals", ... */

/* Rationale families of drugs: which guideline passages and arguments apply. */
enum {
    GEN_RX_OPIOID,
    GEN_RX_NSAID,
    GEN_RX_MUSCLE,
    GEN_RX_AED,
    GEN_RX_PPI,
    GEN_RX_TOPICAL,
    GEN_RX_SLEEP,
    GEN_RX_ANTIDEP,
    GEN_RX_BENZO,
    GEN_RX_OTHER,
    GEN_NRX
};

typedef struct imrx_gen_drug {
    const char *name;         /* as letters write it: "Norco", "Tramadol ER", "gabapentin" */
    const char *generic;      /* gold generic, lowercase; a fixed combination joined with '/' */
    const char *cls;          /* drug class, as the medications plugin names classes */
    const char *strengths[5]; /* without unit: "10/325", "7.5"; NULL-terminated */
    const char *unit;         /* "mg", "%", "mcg/hr", "mcg" */
    const char *form;         /* "tablets", "capsules", "patches", "" */
    short qty[4];             /* usual quantities; 0-terminated; none: no "#n" */
    unsigned char rx;         /* GEN_RX_* */
    unsigned char brand;      /* the name is a brand */
    short topic;              /* GEN_TP_*: the guideline topic for this drug */
    short weight;             /* how often it is requested, relative */
} imrx_gen_drug_t;
extern const imrx_gen_drug_t imrx_gen_drugs[];
extern const size_t imrx_gen_ndrugs;

/* Ingredients of compounded creams: each is a drug of its own in the gold lists. */
typedef struct imrx_gen_ingredient {
    const char *name;    /* "Flurbiprofen" */
    const char *generic; /* "flurbiprofen" */
    const char *pct[3];  /* "20", "10": percent strengths; NULL-terminated */
} imrx_gen_ingredient_t;
extern const imrx_gen_ingredient_t imrx_gen_ingredients[];
extern const size_t imrx_gen_ningredients;

/* Drugs that a rationale may name in passing (alternatives, comparisons). */
typedef struct imrx_gen_aside {
    const char *text;       /* a sentence naming the drugs */
    const char *generic[2]; /* the drugs it names (second may be NULL) */
    unsigned char rx;       /* for which family of request it fits */
} imrx_gen_aside_t;
extern const imrx_gen_aside_t imrx_gen_asides[];
extern const size_t imrx_gen_nasides;

/* MTUS guideline titles. `a` is the title as layout A prints it ("Decision based on MTUS <a>
 * <year>"); `full` as the other layouts print it, less the word "Guidelines" (the gold title of
 * those layouts); `acoem` the ACOEM chapter ("Chapter 12, Low Back Complaints") or NULL. */
typedef struct imrx_gen_title {
    const char *a;
    int year_a;
    const char *full;
    int year_full;
    const char *acoem; /* "Chapter 12": the title is an ACOEM chapter; NULL otherwise */
} imrx_gen_title_t;
enum {
    GEN_T_CHRONIC09,
    GEN_T_CHRONIC16,
    GEN_T_OPIOID16,
    GEN_T_ACU07,
    GEN_T_POSTSURG09,
    GEN_T_LOWBACK,
    GEN_T_NECK,
    GEN_T_SHOULDER,
    GEN_T_KNEE,
    GEN_T_HAND,
    GEN_T_ELBOW,
    GEN_T_ANKLE,
    GEN_T_GENERAL,
    GEN_T_STRESS,
    GEN_T_IME,
    GEN_NTITLE
};
extern const imrx_gen_title_t imrx_gen_titles[GEN_NTITLE];

/* Guideline topics (indexes into imrx_gen_topics). */
enum {
    GEN_TP_OPIOIDS,
    GEN_TP_OPIOIDS_ONGOING,
    GEN_TP_OPIOID_GL, /* the 2016 opioid guideline (layout A, later years) */
    GEN_TP_TRAMADOL,
    GEN_TP_NSAIDS,
    GEN_TP_NSAID_GI,
    GEN_TP_MUSCLE,
    GEN_TP_CARISOPRODOL,
    GEN_TP_CYCLOBENZAPRINE,
    GEN_TP_AED,
    GEN_TP_TOPICAL,
    GEN_TP_LIDODERM,
    GEN_TP_ANTIDEP,
    GEN_TP_BENZO,
    GEN_TP_INSOMNIA,
    GEN_TP_ZOLPIDEM,
    GEN_TP_BCA,
    GEN_TP_ANTIEMETIC,
    GEN_TP_STEROID,
    GEN_TP_MEDFOOD,
    GEN_TP_TRIPTAN,
    GEN_TP_PHYSMED,
    GEN_TP_PHYS_METHODS,
    GEN_TP_AQUATIC,
    GEN_TP_POSTSURG,
    GEN_TP_MANIP,
    GEN_TP_ACU,
    GEN_TP_ESI,
    GEN_TP_FACET,
    GEN_TP_TPI,
    GEN_TP_RFA,
    GEN_TP_PRP,
    GEN_TP_SPECIAL,
    GEN_TP_EMG,
    GEN_TP_UDS,
    GEN_TP_FCE,
    GEN_TP_SLEEPSTUDY,
    GEN_TP_TENS,
    GEN_TP_DME,
    GEN_TP_BRACE,
    GEN_TP_COLD,
    GEN_TP_SURGICAL,
    GEN_TP_ASSIST,
    GEN_TP_PREOP,
    GEN_TP_OFFICE,
    GEN_TP_CONSULT,
    GEN_TP_PSYCH_EVAL,
    GEN_TP_BEHAV,
    GEN_TP_STRESS,
    GEN_TP_BIOFEEDBACK,
    GEN_TP_FRP,
    GEN_TP_GYM,
    GEN_TP_WEIGHT,
    GEN_TP_HOME,
    GEN_TP_TRANSPORT,
    GEN_TP_INTERPRETER,
    GEN_TP_JOINT_INJ,
    GEN_TP_NERVE_BLOCK,
    GEN_TP_SI,
    GEN_TP_ERGO,
    GEN_TP_LAB,
    GEN_NTOPIC
};

/* Guideline topics: a section of an MTUS title and its pages, and the ODG topic that covers the
 * same ground. `title` is a GEN_T_* chronic-pain title (resolved to 2009 or 2016 by year), an
 * ACOEM chapter, or -1 when only the ODG addresses it; -2 means "the body region's chapter". */
typedef struct imrx_gen_topic {
    const char *section;
    const char *pages;
    int title;
    const char *odg_chapter; /* NULL: the body region's chapter */
    const char *odg;         /* NULL: no guideline addresses it */
} imrx_gen_topic_t;
extern const imrx_gen_topic_t imrx_gen_topics[GEN_NTOPIC];

/* Body regions. Diagnosis templates use '@' for the side ("@ shoulder impingement syndrome"). */
typedef struct imrx_gen_region {
    const char *name;  /* "lumbar spine", "shoulder" */
    const char *plain; /* "low back", "shoulder" */
    const char *adj;   /* "lumbar", "shoulder" */
    int lateral;       /* needs a side */
    int chapter;       /* GEN_T_* ACOEM chapter, or -1 */
    const char *odg;   /* ODG chapter: "Low Back" */
    const char *pages; /* pages of its ACOEM chapter that rationales cite */
    const char *dx[8];
    const char *levels[4]; /* spinal levels, or NULL */
    const char *surgery[5];
    const char *exam[4];
} imrx_gen_region_t;
extern const imrx_gen_region_t imrx_gen_regions[];
extern const size_t imrx_gen_nregions;

extern const char *const imrx_gen_dx_other[]; /* psychiatric and general diagnoses */
extern const size_t imrx_gen_ndx_other;

typedef struct imrx_gen_state {
    const char *name;
    const char *code;
} imrx_gen_state_t;
extern const imrx_gen_state_t imrx_gen_states[];
extern const size_t imrx_gen_nstates;

/* Reviewer specialties, with the item categories each is likely to review (a bit mask). */
typedef struct imrx_gen_specialty {
    const char *name;
    unsigned cats;
    const char *typo; /* a misspelling seen in letters, or NULL */
} imrx_gen_specialty_t;
extern const imrx_gen_specialty_t imrx_gen_specialties[];
extern const size_t imrx_gen_nspecialties;

extern const char *const imrx_gen_mechanisms[]; /* "while lifting a box of files" */
extern const size_t imrx_gen_nmechanisms;
extern const char *const imrx_gen_jobs[]; /* "warehouse worker" */
extern const size_t imrx_gen_njobs;

#endif
