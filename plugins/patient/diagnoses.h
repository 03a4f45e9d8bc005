/* The patient plugin's diagnosis lists: found in diagnoses.c, split in split.c, with the words
 * that name a condition in conditions.c. */
#ifndef IMRX_PATIENT_DIAGNOSES_H
#define IMRX_PATIENT_DIAGNOSES_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"
#include "re.h"

#define DX_MAX 48

/* The diagnoses found in one summary: spans into the letter's text, in letter order. */
typedef struct dx_list {
    imrx_span_t item[DX_MAX];
    size_t n;
    size_t list_begin; /* the first item of the list being read: earlier ones are other lists' */
} dx_list_t;

/* The pattern of the phrases that introduce a list of diagnoses ("being treated for the
 * diagnoses of", "Diagnoses include", "was diagnosed with", "is undergoing treatment for"), and
 * of the words that end such a list before its sentence does. Compiled once by the plugin. */
extern const char dx_cue_pattern[];
extern const char dx_stop_pattern[];
/* Every match of dx_cue_pattern holds one of these words near its start (diagnoses_cues.c). */
extern const imrx_re_keys_t dx_cue_keys;

/* Reads every list of diagnoses in text[begin..end) and splits each into items. */
void dx_read(const imrx_re_t *cue, const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text,
             size_t begin, size_t end, dx_list_t *out);

/* Lists told before the words that name them ("The physician lists lumbar strain and sciatica
 * as diagnoses", "Lumbar strain and sciatica are the accepted diagnoses"), and the keys of that
 * pattern (diagnoses_after.c). */
extern const char dx_after_pattern[];
extern const imrx_re_keys_t dx_after_keys;

/* Reads the lists of text[begin..end) told before dx_after_pattern's words; for summaries where
 * dx_read found none. */
void dx_read_after(const imrx_re_t *after, const imrx_re_t *stop, imrx_re_scratch_t *t,
                   const char *text, size_t begin, size_t end, dx_list_t *out);

/* Where the sentence that starts at `b` ends: a period, question or exclamation mark before a
 * space or the end (not one of an abbreviation or a decimal), or a blank line. */
size_t dx_sentence_end(const char *text, size_t b, size_t end);

/* Reads the list in text[lb..le), the rest of a cue's sentence, into `out`: it ends at the first
 * stop that dates no procedure, and, under a label (`labelled`), runs on over the label's short
 * sentences up to `end`. Returns where it ended, 0 when it names no condition. */
size_t dx_read_sentence(const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text, size_t lb,
                        size_t le, int labelled, size_t end, dx_list_t *out);

/* Adds the item text[b..e), trimmed, unless the summary named the same diagnosis before. */
void dx_add_item(dx_list_t *out, const char *text, size_t b, size_t e);
/* Splits the list text[b..e) into items (split.c). */
void dx_split_list(dx_list_t *out, const char *text, size_t b, size_t e);

/* Does text[b..e) name a condition ("strain", "radiculopathy", "status post ...")? */
int dx_has_condition(const char *text, size_t b, size_t e);

/* Is `word` (lower case, n bytes) a condition that another one shares its site with in
 * "cervical sprain and strain", "wrist tendinitis and bursitis"? */
int dx_shared_head(const char *word, size_t n);

/* Do the words `left` and `right` (lower case), on either side of an "and", belong to one
 * phrase ("open reduction and internal fixation")? */
int dx_joined_pair(const char *left, const char *right);

/* Plain pdftotext drops the hyphen of a line that ends inside "sprain-strain": the word
 * "sprainstrain". Where the lower-case word w[0..n) is two conditions that share a site
 * joined, the length of the first; else 0. */
size_t dx_joined_at(const char *w, size_t n);
/* Puts the hyphen back into every such word of buf[0..n) (at most cap bytes); the new length. */
size_t dx_restore_hyphens(char *buf, size_t n, size_t cap);
/* Drops every diagnosis code in parentheses or brackets from s[0..n), with the blank before it:
 * "lumbar disc displacement at L4-L5 (M51.26), status post ..." (split.c); the new length. */
size_t dx_drop_codes(char *s, size_t n);

/* An ICD-10 or ICD-9 code opening text[b..e) ("M54.16 Radiculopathy, lumbar region", "726.32 -
 * Lateral epicondylitis"): where the name after it starts, or 0 (split.c). */
size_t dx_leading_code(const char *text, size_t b, size_t e);

/* Does text[b..e) open with "status post" ("status-post", "s/p")? */
int dx_status_post(const char *text, size_t b, size_t e);

#endif
