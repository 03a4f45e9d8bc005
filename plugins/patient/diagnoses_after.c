/* Lists of diagnoses told before the words that name them: "The treating physician lists lumbar
 * strain and sciatica as diagnoses", "Lumbar strain and sciatica are the accepted diagnoses",
 * "She carries CRPS as her working diagnosis". Read only where no list announced ahead was found
 * (dx_read), from the sentence's start, or from the verb that gives the list, to the words. */
#include <ctype.h>
#include <string.h>

#include "diagnoses.h"
#include "text.h"

const char dx_after_pattern[] =
    "\\b(?:as|are|were|remains?|remained)\\s+(?:(?:the|his|her|their|its)\\s+)?"
    "(?:(?:current|working|accepted|industrial|primary|principal|main|final|listed|established|"
    "admitted|chief|presenting|treating|relevant|clinical|only|two|three|four)\\s+){0,2}"
    "diagnos[ie]s\\b(?!\\s+(?:of|for|is|was|were|are)\\b)";

/* "diagnos" stands at most four words after the match's start ("as the current working
 * diagnoses"). */
static const char *const after_words[] = {"diagnos", NULL};
const imrx_re_keys_t dx_after_keys = {after_words, 4, 0};

/* The words after which the list starts: "lists", "records", "has" ... */
static const char *const giving[] = {
    "lists",      "listed", "gives", "gave",       "records",    "recorded",  "documents",
    "documented", "notes",  "noted", "identifies", "identified", "reports",   "reported",
    "cites",      "cited",  "names", "named",      "describes",  "described", "carries",
    "carried",    "has",    "had",   "have",       "includes",   "included",  NULL};

/* Where the list of text[sb..cb) starts: after the last giving word, else after an opening
 * phrase that names no condition ("On the orthopedic side, ..."), else at sb. */
static size_t list_start(const char *text, size_t sb, size_t cb)
{
    size_t start = sb;
    for (size_t p = sb; p < cb; p++) {
        if (p > sb && isalnum((unsigned char)text[p - 1])) continue;
        for (int i = 0; giving[i]; i++) {
            size_t n = strlen(giving[i]);
            if (p + n < cb && imrx_text_ieq(text + p, n, giving[i]) &&
                isspace((unsigned char)text[p + n]))
                start = p + n + 1;
        }
    }
    if (start != sb) return start;
    const char *comma = memchr(text + sb, ',', cb - sb);
    if (comma && !dx_has_condition(text, sb, (size_t)(comma - text)))
        return (size_t)(comma - text) + 1;
    return sb;
}

void dx_read_after(const imrx_re_t *after, const imrx_re_t *stop, imrx_re_scratch_t *t,
                   const char *text, size_t begin, size_t end, dx_list_t *out)
{
    size_t sb = begin; /* the start of the sentence that holds the match */
    for (size_t pos = begin; pos < end && out->n < DX_MAX &&
                             imrx_re_find_keyed(after, &dx_after_keys, t, text, pos, end) == 1;) {
        size_t cb = imrx_re_ov(t)[0];
        pos = imrx_re_ov(t)[1];
        for (size_t se; (se = dx_sentence_end(text, sb, end)) < cb;) {
            sb = se + 1;
            while (sb < cb && isspace((unsigned char)text[sb])) sb++;
        }
        size_t lb = list_start(text, sb, cb);
        while (lb < cb && isspace((unsigned char)text[lb])) lb++;
        if (lb < cb) dx_read_sentence(stop, t, text, lb, cb, 0, end, out);
    }
}
