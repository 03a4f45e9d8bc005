/* The credentials plugin's tables: states of licensure (states.c) and specialties
 * (specialties.c). Both are loaded once at init from the plugin's data folder and only read
 * afterwards, so every worker thread shares them. */
#ifndef IMRX_CREDENTIALS_CRED_H
#define IMRX_CREDENTIALS_CRED_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"
#include "re.h"

/* -- states ------------------------------------------------------------------------------- */

typedef struct cred_state_form {
    char *form; /* lower case, or the code itself for a two-letter upper-case form */
    size_t len;
    char code[3];
    int exact_case; /* a code such as "CA": matches in upper case only */
} cred_state_form_t;

typedef struct cred_states {
    cred_state_form_t *v; /* longest form first */
    size_t n, cap;
} cred_states_t;

imrx_status_t cred_states_load(cred_states_t *s, const char *path, const imrx_host_api_t *api,
                               imrx_ctx_t *ctx);
void cred_states_free(cred_states_t *s);

/* Length of the longest state form at text[pos..end) that ends at a word boundary (0: none);
 * *code receives its USPS code. */
size_t cred_state_at(const cred_states_t *s, const char *text, size_t pos, size_t end,
                     const char **code);

typedef struct cred_hit {
    uint32_t begin, end;
    char code[3];
} cred_hit_t;

typedef enum {
    CRED_SCAN_LABEL, /* the value of "State(s) of Licensure:" */
    CRED_SCAN_PROSE, /* what follows "licensed to practice in" */
} cred_scan_mode_t;

/* Reads a list of states starting at text[pos], up to `end`: names or codes separated by
 * commas (with or without a space), semicolons, "and", "&" or "/". Stops at the first word that
 * is no state. A label's value may go on to the next line after a separator, or start on the
 * next line; a name may be wrapped. In a label's value an unknown word between separators is
 * tried as a misspelt name, else skipped and reported in *unknown (span 0,0 when none).
 * Returns the number of hits written to `out`. */
size_t cred_scan_states(const cred_states_t *s, const char *text, size_t pos, size_t end,
                        cred_scan_mode_t mode, cred_hit_t *out, size_t max, imrx_span_t *unknown);

/* -- specialties ---------------------------------------------------------------------------- */

typedef struct cred_spec_row {
    char *key;       /* the surface form, as cred_specialty_key() writes it */
    char *canonical; /* the canonical name */
} cred_spec_row_t;

typedef struct cred_specialties {
    cred_spec_row_t *v; /* sorted by key */
    size_t n, cap;
} cred_specialties_t;

imrx_status_t cred_specialties_load(cred_specialties_t *t, const char *path,
                                    const imrx_host_api_t *api, imrx_ctx_t *ctx);
void cred_specialties_free(cred_specialties_t *t);

/* The comparison form of a specialty: lower case, "&" as "and", punctuation and runs of space
 * made one space. Returns its length. */
size_t cred_specialty_key(const char *s, size_t n, char *out, size_t cap);

/* The canonical name of the specialty written s[0..n), exactly or by a close spelling that
 * points to one canonical name only; NULL when the table does not know it. */
const char *cred_specialty_canonical(const cred_specialties_t *t, const char *s, size_t n);
/* The same for the exact spelling only (no search for a close one: cheap). */
const char *cred_specialty_exact(const cred_specialties_t *t, const char *s, size_t n);

/* Damerau (optimal string alignment) distance of a and b, or a value > limit when it exceeds
 * `limit` (computation stops early). */
int cred_edit_distance(const char *a, size_t na, const char *b, size_t nb, int limit);

/* -- reading the reviewer section (reading.c) ---------------------------------------------- */

#define CRED_MAX_STATES      64
#define CRED_MAX_SPECIALTIES 32

enum {
    CRED_RE_LIC,        /* "State(s) of Licensure:" */
    CRED_RE_SPEC,       /* "Certification(s)/Specialty:" */
    CRED_RE_BOARD,      /* "Board Certified in <specialty>" */
    CRED_RE_SUB,        /* "has a subspecialty in <specialty>" */
    CRED_RE_PROFESSION, /* "is a Licensed Chiropractor" */
    CRED_RE_LICENSED,   /* "licensed to practice in" */
    CRED_RE_COUNT
};

/* The patterns, compiled once by the plugin's init. */
extern const char *const cred_patterns[CRED_RE_COUNT];

/* What every thread shares: compiled patterns and tables. */
typedef struct cred_shared {
    imrx_re_t re[CRED_RE_COUNT];
    cred_states_t states;
    cred_specialties_t specialties;
} cred_shared_t;

/* What one letter's extraction gathers before it writes the record. */
typedef struct cred_letter {
    const imrx_host_api_t *api;
    const imrx_letter_t *l;
    const imrx_section_t *sec;
    imrx_ctx_t *ctx;
    imrx_re_scratch_t *t;
    const cred_shared_t *s;
    cred_hit_t states[CRED_MAX_STATES]; /* no two with the same code */
    size_t nstates;
    imrx_span_t specs[CRED_MAX_SPECIALTIES];
    size_t nspecs;
} cred_letter_t;

/* Reads the labelled form (layouts A and C). Returns 0 when the section has no label. */
int cred_read_labels(cred_letter_t *L);
/* Reads the prose form (layouts B and D). */
void cred_read_prose(cred_letter_t *L);

#endif
