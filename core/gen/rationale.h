/* Rationale arguments by family of request (rationale_text.c), used by rationale.c. */
#ifndef IMRX_GEN_RATIONALE_H
#define IMRX_GEN_RATIONALE_H

typedef struct imrx_gen_family {
    const char *guide[4]; /* what the guideline says */
    const char *up[4];    /* why the case does not meet it */
    const char *over[3];  /* why it does */
} imrx_gen_family_t;

enum {
    F_OPIOID,
    F_NSAID,
    F_MUSCLE,
    F_AED,
    F_PPI,
    F_TOPICAL,
    F_SLEEP,
    F_ANTIDEP,
    F_BENZO,
    F_DRUG,
    F_PT,
    F_MANUAL,
    F_ACU,
    F_ESI,
    F_FACET,
    F_INJECT,
    F_IMAGING,
    F_EMG,
    F_TEST,
    F_DEVICE,
    F_SURGERY,
    F_VISIT,
    F_PSYCH,
    F_PROGRAM,
    F_HOME,
    F_SUPPORT,
    F_N
};

extern const imrx_gen_family_t imrx_gen_families[F_N];

#endif
