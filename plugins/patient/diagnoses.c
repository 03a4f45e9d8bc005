/* Lists of diagnoses in the clinical case summary.
 *
 * A list follows a phrase that announces it ("being treated for the diagnoses of", "Diagnoses
 * include", "The current diagnoses are documented as", "was diagnosed with", "is undergoing
 * treatment for") and ends with its sentence (split.c splits it), or is numbered ("1. Lumbar
 * disc displacement. 2. Lumbar radiculopathy."), or stands one diagnosis a line under
 * "Diagnoses:". */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "diagnoses.h"
#include "text.h"

size_t dx_sentence_end(const char *text, size_t b, size_t end)
{
    static const char *const abbrev[] = {"dr", "mr",     "mrs", "ms",  "vs", "st",
                                         "no", "approx", "e.g", "i.e", "fig"};
    for (size_t i = b; i < end; i++) {
        char c = text[i];
        if (c == '\n' && i + 1 < end && text[i + 1] == '\n') return i;
        if (c != '.' && c != '?' && c != '!') continue;
        if (i + 1 < end && !isspace((unsigned char)text[i + 1])) continue;
        size_t w = i;
        while (w > b && (isalpha((unsigned char)text[w - 1]) || text[w - 1] == '.')) w--;
        int abbreviation = 0;
        for (size_t k = 0; c == '.' && k < sizeof abbrev / sizeof abbrev[0]; k++)
            if (imrx_text_ieq(text + w, i - w, abbrev[k])) abbreviation = 1;
        if (!abbreviation) return i;
    }
    return end;
}

/* The marker styles of a list: numbers ("1.", "2)", "(3)", "#4") or letters ("a.", "b)",
 * "(c)", "A)"). */
enum { MARK_DIGIT, MARK_LOWER, MARK_UPPER };

/* A list marker for item `n` in `style` at text[p], after blanks and before one: returns where
 * the item starts, 0 when there is none. A letter is followed by ')' or by '.' and a blank. */
static size_t marker_at(const char *text, size_t p, size_t end, int n, int style)
{
    while (p < end && (text[p] == ' ' || text[p] == '\n')) p++;
    int paren = p < end && text[p] == '(';
    if (p < end && ((style == MARK_DIGIT && text[p] == '#') || paren)) p++;
    char num[8];
    size_t k;
    if (style == MARK_DIGIT)
        k = (size_t)snprintf(num, sizeof num, "%d", n);
    else if (n <= 26)
        num[0] = (char)((style == MARK_LOWER ? 'a' : 'A') + n - 1), k = 1;
    else
        return 0;
    if (p + k + 1 >= end || memcmp(text + p, num, k) != 0) return 0;
    p += k;
    if (paren ? text[p] != ')' : text[p] != '.' && text[p] != ')') return 0;
    p++;
    return p < end && isspace((unsigned char)text[p]) ? p : 0;
}

/* Does a label ("Medications:", "Plan:", "Treatment to date:") start at text[p]? */
static int label_at(const char *text, size_t p, size_t end)
{
    if (p >= end || !isupper((unsigned char)text[p])) return 0;
    for (size_t i = p + 1, words = 1; i < end && i - p < 40; i++) {
        char c = text[i];
        if (c == ':') return 1;
        if (c == ' ' && ++words > 4) return 0;
        if (!isalpha((unsigned char)c) && c != ' ' && c != '/' && c != '&' && c != '-') return 0;
    }
    return 0;
}

static size_t paragraph_end(const char *text, size_t p, size_t end)
{
    for (; p + 1 < end; p++)
        if (text[p] == '\n' && text[p + 1] == '\n') return p;
    return end;
}

/* Where a sentence of the narrative starts inside text[p..e), or e: the last item of a list of
 * lines, joined to the next line when it ended without a period ("3. Insomnia (G47.00) He
 * underwent ...", "2. Cervical strain Treatment to date has included ..."). */
static size_t sentence_opener(const char *text, size_t p, size_t e)
{
    static const char *const openers[] = {
        "He ",      "She ",       "The ",         "His ",        "Her ",   "They ",  "This ",
        "There ",   "On ",        "In ",          "At ",         "Per ",   "Prior ", "Past ",
        "Current ", "Treatment ", "Medications ", "Medication ", "She's ", "He's ",  NULL};
    for (size_t i = p + 3; i + 3 < e; i++) {
        if (text[i - 1] != ' ' || !isupper((unsigned char)text[i])) continue;
        for (const char *const *o = openers; *o; o++) {
            size_t n = strlen(*o);
            if (i + n <= e + 1 && strncmp(text + i, *o, n) == 0) return i - 1;
        }
    }
    return e;
}

/* A numbered or lettered list ("The diagnoses are: 1. Lumbar disc displacement. 2. Lumbar
 * radiculopathy.", "Diagnoses: (a) left ankle arthrosis; (b) painful retained hardware"): each
 * item runs to the next marker; the last one to the end of its sentence, or of its line when
 * the items stand on lines of their own. A label after a sentence ("... improving. Prior care:
 * ...") ends the list, so that another list further on (the medications, numbered too) is not
 * read as its continuation. Returns where the list ends, 0 when text[lb] starts none. */
static size_t read_numbered(dx_list_t *out, const char *text, size_t lb, size_t end)
{
    out->list_begin = out->n;
    int style = MARK_DIGIT;
    size_t p = marker_at(text, lb, end, 1, style);
    if (!p && (p = marker_at(text, lb, end, 1, MARK_LOWER))) style = MARK_LOWER;
    if (!p && (p = marker_at(text, lb, end, 1, MARK_UPPER))) style = MARK_UPPER;
    if (!p) return 0;
    size_t limit = paragraph_end(text, p, end);
    int by_lines = 0;
    for (int n = 2;; n++) {
        size_t q = p + 1, next = 0;
        for (; q < limit; q++) {
            if (!isspace((unsigned char)text[q - 1])) continue;
            if ((style == MARK_DIGIT ? isdigit((unsigned char)text[q]) || text[q] == '#'
                                     : isalpha((unsigned char)text[q])) ||
                text[q] == '(') {
                if ((next = marker_at(text, q, limit, n, style))) break;
            }
            if (q >= 2 && text[q - 2] == '.' && label_at(text, q, limit)) {
                limit = q;
                break;
            }
        }
        /* a page break leaves a blank line inside a list: the next number right after it
         * goes on with the list */
        if (!next && limit < end) {
            size_t r = limit;
            while (r < end && (text[r] == '\n' || text[r] == ' ')) r++;
            if (r - limit <= 3 && (next = marker_at(text, r, end, n, style))) {
                q = r;
                limit = paragraph_end(text, next, end);
            }
        }
        if (n == 2 && next) {
            /* one entry a line, the markers maybe indented ("      2. Lumbar ...") */
            size_t r = q;
            while (r > p && text[r - 1] == ' ') r--;
            by_lines = text[r - 1] == '\n';
        }
        /* a list of lines ends where its lines do: a number further on ("5. Omeprazole" of the
         * medication list after the prose) begins another list */
        if (next && by_lines && n > 2) {
            int lines = 0;
            for (size_t i = p; i < q && lines <= 2; i++) lines += text[i] == '\n';
            if (lines > 2) next = 0, q = limit;
        }
        /* an inline list ends with its sentence: "... and (3) morbid obesity. She weighs ... Her
         * medications were: (1) Tramadol ..., (4) Celebrex" does not go on into the next list */
        if (next && !by_lines) {
            size_t se = dx_sentence_end(text, p, q), w = se;
            while (w < q && !isalpha((unsigned char)text[w])) w++;
            if (se < q && w < q) {
                dx_add_item(out, text, p, se);
                return se;
            }
        }
        size_t item_end = next ? q : dx_sentence_end(text, p, limit);
        if (!next && by_lines) {
            size_t nl = p;
            while (nl < item_end && text[nl] != '\n') nl++;
            item_end = sentence_opener(text, p, nl);
        }
        dx_add_item(out, text, p, item_end);
        if (!next || out->n >= DX_MAX) return item_end;
        p = next;
    }
}

/* A list under "Diagnoses:" with one diagnosis a line; it stops at a line that reads like a
 * sentence or a label. Returns where it ends, 0 when there is none. */
/* The diagnoses of one line, text[b..e), added to `out`; split on their own, since a line's
 * parts never qualify an item of the line before. */
static void add_line(dx_list_t *out, const char *text, size_t b, size_t e)
{
    dx_list_t line = {.n = 0};
    dx_split_list(&line, text, b, e);
    for (size_t i = 0; i < line.n; i++)
        dx_add_item(out, text, line.item[i].begin, line.item[i].end);
}

/* Does the line text[p..e) read as a sentence of the narrative: it ends with a period and opens
 * with a pronoun or an article ("Her history also includes migraine headaches.")? */
static int narrative_line(const char *text, size_t p, size_t e)
{
    static const char *const openers[] = {"he",    "she",  "his",   "her", "the", "they",
                                          "their", "this", "there", "it",  "in",  "on",
                                          "at",    "per",  "these", "a",   "an",  NULL};
    while (e > p && text[e - 1] == ' ') e--;
    if (e == p || text[e - 1] != '.') return 0;
    size_t w = p;
    while (w < e && isalpha((unsigned char)text[w])) w++;
    for (const char *const *o = openers; *o; o++)
        if (imrx_text_ieq(text + p, w - p, *o)) return 1;
    return 0;
}

static size_t read_lines(dx_list_t *out, const char *text, size_t lb, size_t end)
{
    out->list_begin = out->n;
    size_t p = lb, last = 0;
    int coded = 0; /* the lines open with ICD codes: one without a code ends the list */
    for (int lines = 0; p < end && lines < 12; lines++) {
        size_t e = p;
        while (e < end && text[e] != '\n') e++;
        size_t first = p;
        while (first < e && text[first] == ' ') first++;
        int code = dx_leading_code(text, first, e) != 0;
        if (lines == 0) coded = code;
        if (coded && !code) break;
        /* the list's last line joined to the narrative after it ("S13.4XXA Cervical strain He
         * underwent ..."): the line ends where the sentence starts, and so does the list */
        size_t opener = lines ? sentence_opener(text, first, e) : e;
        int full_stop = 0;
        for (size_t i = p; i < opener && !full_stop; i++)
            full_stop = text[i] == '.' && text[i + 1] == ' ';
        if (opener < e && !full_stop && opener - p <= 100 && text[opener - 1] != '.' &&
            dx_has_condition(text, p, opener)) {
            add_line(out, text, p, opener);
            return opener;
        }
        int sentence = e - p > 100 || e == p || memchr(text + p, ':', e - p) != NULL ||
                       narrative_line(text, first, e);
        size_t period = e;
        for (size_t i = p; i + 1 < e && period == e; i++)
            if (text[i] == '.' && text[i + 1] == ' ') sentence = 1, period = i;
        /* A line that ended in ";" goes on: the list is one sentence wrapped after its
         * semicolon, and it ends with this line's first sentence ("...; thoracic strain;\n
         * anxiety disorder. At the visit of ..."). */
        if (sentence && period < e && last && text[last - 1] == ';' &&
            dx_has_condition(text, p, period)) {
            add_line(out, text, p, period);
            return period;
        }
        if (sentence || !dx_has_condition(text, p, e)) break;
        add_line(out, text, p, e);
        last = e;
        p = e + 1;
    }
    return last;
}

/* Does the stop at text[sb..se) only date a procedure of the list ("..., status post right
 * total knee arthroplasty in 2011, and lumbar spondylosis", "status post meniscectomy on
 * 4-9-2015; (2) ...", "failed back surgery syndrome after an L4-S1 fusion in 2012, ...")? Then
 * the list goes on after the date: the item since the last separator says "status post" ("s/p",
 * "after", "following"), the stop is "on"/"in" with a date, and a separator follows it; or the
 * date closes the list and the item is "status post ..." or "history of ..." ("history of
 * peptic ulcer disease in 2012."). */
static int dated_procedure(const char *text, size_t lb, size_t sb, size_t se, size_t le)
{
    size_t w = sb;
    while (w < se && (text[w] == ',' || text[w] == ' ' || text[w] == '\n')) w++;
    if (se - w < 3 ||
        !((text[w] == 'o' && text[w + 1] == 'n') || (text[w] == 'i' && text[w + 1] == 'n')))
        return 0;
    size_t i = se; /* the rest of the date: "4-9-2015", "/14", ", 2012" */
    while (i < le && (isdigit((unsigned char)text[i]) || text[i] == '/' || text[i] == '-' ||
                      ((text[i] == ',' || text[i] == ' ') && i + 2 < le &&
                       (isdigit((unsigned char)text[i + 1]) ||
                        (text[i + 1] == ' ' && isdigit((unsigned char)text[i + 2]))))))
        i++;
    /* the date goes on the list (a separator follows) or closes it */
    int closes = i >= le;
    if (!closes && text[i] != ';' && text[i] != ',' &&
        !(i + 5 <= le && (text[i] == ' ' || text[i] == '\n') &&
          imrx_text_ieq(text + i + 1, 4, "and ")))
        return 0;
    size_t item = sb;
    while (item > lb && text[item - 1] != ';' && text[item - 1] != ',') item--;
    char low[160];
    size_t n = sb - item < sizeof low - 1 ? sb - item : sizeof low - 1;
    for (size_t k = 0; k < n; k++) low[k] = (char)tolower((unsigned char)text[item + k]);
    low[n] = '\0';
    if (closes) /* a date that ends the list stays with a past operation or illness */
        return strstr(low, "status post") || strstr(low, "s/p ") || strstr(low, "history of");
    return strstr(low, "status post") || strstr(low, "s/p ") || strstr(low, " after ") ||
           strstr(low, " following ");
}

/* Is the stop at text[sb..se) an "after"/"following" that names a procedure before the next
 * separator ("failed back surgery syndrome after an L4-S1 fusion in 2012, ...")? That is part
 * of the diagnosis, unlike "after a fall" or "after he returned to work". */
static int after_procedure(const char *text, size_t sb, size_t se, size_t le)
{
    static const char *const procedures[] = {
        "fusion",        "surgery",      "discectomy",  "microdiscectomy", "laminectomy",
        "laminotomy",    "arthroplasty", "arthroscopy", "repair",          "release",
        "decompression", "meniscectomy", "replacement", "reconstruction",  "amputation",
        "foraminotomy",  "arthrodesis",  "osteotomy",   "debridement",     "fixation",
        "implantation",  "excision",     NULL};
    size_t w = sb;
    while (w < se && (text[w] == ' ' || text[w] == '\n' || text[w] == ',')) w++;
    if (!(se - w == 5 && imrx_text_ieq(text + w, 5, "after")) &&
        !(se - w == 9 && imrx_text_ieq(text + w, 9, "following")))
        return 0;
    for (size_t i = se, words = 0; i < le && words < 6 && !strchr(",;:.", text[i]);) {
        while (i < le && (text[i] == ' ' || text[i] == '\n')) i++;
        size_t b = i;
        while (i < le && (isalnum((unsigned char)text[i]) || text[i] == '-')) i++;
        if (i == b) break;
        words++;
        for (int k = 0; procedures[k]; k++)
            if (imrx_text_ieq(text + b, i - b, procedures[k])) return 1;
    }
    return 0;
}

/* Does the sentence text[b, e) open with a study ("X-rays of the L-spine 2/2019 neg.", "MRI
 * 3/2018: ...")? A result, not a diagnosis. */
static int study_result(const char *text, size_t b, size_t e)
{
    static const char *const studies[] = {
        "x-ray", "xray", "x ray",      "mri ",   "mri:",       "ct ",   "ct:",     "emg", "ncv",
        "ncs",   "uds ", "radiograph", "films ", "ultrasound", "labs ", "imaging", NULL};
    for (int i = 0; studies[i]; i++) {
        size_t n = strlen(studies[i]);
        if (b + n <= e && imrx_text_ieq(text + b, n, studies[i])) return 1;
    }
    return 0;
}

/* Under a label, a progress note's style gives one diagnosis a sentence ("Diagnoses: Status post
 * ORIF of the right ankle, healed. Symptomatic retained hardware, right ankle. Medications:
 * ..."): the short sentences after the first, none with a verb the stop pattern knows, are
 * diagnoses too when the run ends at the next label. Returns where the last one ends, or
 * `le` (the first sentence's end) when they are not such a run. */
static size_t label_run_end(const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text,
                            size_t le, size_t end)
{
    size_t p = le, last = le;
    for (int n = 0; n < 8 && p < end && text[p] == '.'; n++) {
        size_t b = p + 1;
        while (b < end && (text[b] == ' ' || text[b] == '\n')) b++;
        if (b > p + 1 && label_at(text, b, end)) return n ? last : le;
        size_t e = dx_sentence_end(text, b, end);
        if (e - b > 120 || e <= b || memchr(text + b, ':', e - b) || study_result(text, b, e) ||
            imrx_re_find(stop, t, text, b - 1, e) == 1)
            return le;
        last = p = e;
    }
    return le;
}

/* Does text[b, e) hold "diagnos" (any case)? Most lists do not, and then no cue that matters
 * here starts in them: the cue search is not run. */
static int mentions_diagnosis(const char *text, size_t b, size_t e)
{
    for (size_t i = b + 3; i + 4 <= e; i++)
        if ((text[i] == 'g' || text[i] == 'G') && imrx_text_ieq(text + i - 3, 7, "diagnos"))
            return 1;
    return 0;
}

size_t dx_read_sentence(const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text, size_t lb,
                        size_t le, int labelled, size_t end, dx_list_t *out)
{
    out->list_begin = out->n;
    int trimmed = 0; /* a stop word ended the list before its sentence did */
    for (size_t from = lb; imrx_re_find(stop, t, text, from, le) == 1;) {
        size_t sb = imrx_re_ov(t)[0], se = imrx_re_ov(t)[1];
        if (!dated_procedure(text, lb, sb, se, le) && !after_procedure(text, sb, se, le)) {
            le = sb;
            trimmed = 1;
            break;
        }
        from = se;
    }
    /* "treated for six weeks", "the diagnosis was not made": no condition, no list */
    if (le <= lb || !dx_has_condition(text, lb, le)) return 0;
    size_t run = labelled && !trimmed ? label_run_end(stop, t, text, le, end) : le;
    for (size_t b = lb, e = le;;) {
        dx_list_t part = {.n = 0};
        dx_split_list(&part, text, b, e);
        for (size_t i = 0; i < part.n; i++)
            dx_add_item(out, text, part.item[i].begin, part.item[i].end);
        if (e >= run) break;
        for (b = e + 1; b < run && (text[b] == ' ' || text[b] == '\n');) b++;
        e = dx_sentence_end(text, b, run);
    }
    return run;
}

/* "A, which remains the working diagnosis, along with B that her physician treats": the list
 * ended at "which"; B is read after "along with" (or "together with"). */
static void along_with(const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text, size_t lb,
                       size_t le, size_t end, dx_list_t *out)
{
    static const char *const joins[] = {"diagnosis, along with ", "diagnosis, together with ",
                                        "diagnosis along with ", NULL};
    uint32_t which = imrx_text_find(text, (uint32_t)lb, (uint32_t)le, ", which ");
    if (which == le) return;
    for (int i = 0; joins[i]; i++) {
        uint32_t p = imrx_text_find(text, which, (uint32_t)le, joins[i]);
        if (p == le) continue;
        p += (uint32_t)strlen(joins[i]);
        dx_read_sentence(stop, t, text, p, le, 0, end, out);
        return;
    }
}

/* Does the sentence after the period at text[p] open with "He is status post" ("She is also
 * s/p", "The injured worker is status post")? Where "status post" starts, or 0. */
static size_t status_post_sentence(const char *text, size_t p, size_t end)
{
    static const char *const subjects[] = {"he is ",
                                           "she is ",
                                           "the patient is ",
                                           "the injured worker is ",
                                           "the applicant is ",
                                           "the claimant is ",
                                           "the employee is ",
                                           NULL};
    if (p >= end || text[p] != '.') return 0;
    p++;
    while (p < end && (text[p] == ' ' || text[p] == '\n')) p++;
    for (int i = 0; subjects[i]; i++) {
        size_t q = p;
        const char *w = subjects[i];
        while (*w && q < end && (text[q] == '\n' ? ' ' : tolower((unsigned char)text[q])) == *w)
            w++, q++;
        if (*w) continue;
        if (q + 5 <= end && imrx_text_ieq(text + q, 5, "also ")) q += 5;
        return dx_status_post(text, q, end) ? q : 0;
    }
    return 0;
}

/* What a cue says of the diagnoses it lists, for superseding (below). */
enum {
    DX_EVENT = 1,   /* "was diagnosed with": what one visit found */
    DX_FIRST = 2,   /* ... at the first visit ("initially diagnosed with") */
    DX_REPLACES = 4 /* "the diagnosis was changed to", "revised the working diagnoses to" */
};

static int cue_kind(const char *text, size_t sentence_b, size_t cue_b, size_t cue_e)
{
    static const char *const first[] = {
        "initial",       "originally",      "first seen", "first visit",  "first evaluat",
        "first treated", "first saw",       "at first",   "at the first", "at her first",
        "at his first",  "first diagnosed", NULL};
    uint32_t b = (uint32_t)cue_b, e = (uint32_t)cue_e;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == ':')) e--;
    int kind = 0;
    if (imrx_text_find(text, b, e, "diagnosed") < e) kind |= DX_EVENT;
    for (int i = 0; first[i] && (kind & DX_EVENT); i++)
        if (imrx_text_find(text, (uint32_t)sentence_b, e, first[i]) < e) kind |= DX_FIRST;
    if (e >= b + 3 && imrx_text_ieq(text + e - 3, 3, " to") &&
        (imrx_text_find(text, b, e, "chang") < e || imrx_text_find(text, b, e, "revis") < e ||
         imrx_text_find(text, b, e, "updat") < e || imrx_text_find(text, b, e, "amend") < e))
        kind |= DX_REPLACES;
    return kind;
}

/* The start of the sentence holding text[p], not before b. */
static size_t sentence_begin(const char *text, size_t b, size_t p)
{
    while (p > b &&
           !((text[p - 1] == ' ' || text[p - 1] == '\n') && p >= b + 2 && text[p - 2] == '.'))
        p--;
    return p;
}

/* A summary that follows years of care names diagnoses that later ones replaced: what the first
 * visit found ("initially diagnosed with a lumbar strain"), and what a visit found before "the
 * diagnosis was changed to". Those go when the summary names others after them. */
static void drop_superseded(dx_list_t *out, const uint8_t *kind)
{
    int later = 0;
    for (size_t i = 0; i < out->n && !later; i++) later = !(kind[i] & DX_FIRST);
    if (!later) return;
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++)
        if (!(kind[i] & DX_FIRST)) out->item[k++] = out->item[i];
    out->n = k;
}

static void dx_read_lists(const imrx_re_t *cue, const imrx_re_t *stop, imrx_re_scratch_t *t,
                          const char *text, size_t begin, size_t end, dx_list_t *out,
                          uint8_t *kind);

/* A SOAP note copied into the summary ("S: ...", "O: ...", "A: Major depressive disorder, single
 * episode, moderate; Posttraumatic stress disorder, chronic.", "P: ..."): its "A:" line holds the
 * diagnoses, as "Assessment:" does (no cue word to key a search on: read here, and only after an
 * "O:" line). */
static void soap_assessments(const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text,
                             size_t begin, size_t end, dx_list_t *out)
{
    size_t objective = SIZE_MAX; /* the last "O:" line's start */
    for (size_t p = begin; p + 3 < end && out->n < DX_MAX;) {
        /* (line by line: this runs over every summary) */
        const char *nl = memchr(text + p, '\n', end - p);
        size_t next = nl ? (size_t)(nl - text) + 1 : end;
        if (text[p] == 'O' && text[p + 1] == ':') objective = p;
        if (text[p] == 'A' && text[p + 1] == ':' && text[p + 2] == ' ' && objective != SIZE_MAX &&
            p - objective <= 1500) {
            size_t lb = p + 3;
            /* numbered ("A: 1. Cervical disc degeneration C5-6" / "2. ..."), or a line */
            if (!read_numbered(out, text, lb, end))
                dx_read_sentence(stop, t, text, lb, next > lb ? next - 1 : lb, 1, end, out);
        }
        p = next;
    }
}

void dx_read(const imrx_re_t *cue, const imrx_re_t *stop, imrx_re_scratch_t *t, const char *text,
             size_t begin, size_t end, dx_list_t *out)
{
    uint8_t kind[DX_MAX] = {0};
    dx_read_lists(cue, stop, t, text, begin, end, out, kind);
    drop_superseded(out, kind);
    soap_assessments(stop, t, text, begin, end, out);
}

static void dx_read_lists(const imrx_re_t *cue, const imrx_re_t *stop, imrx_re_scratch_t *t,
                          const char *text, size_t begin, size_t end, dx_list_t *out, uint8_t *kind)
{
    size_t pos = begin, marked = out->n;
    int this_kind = 0;
    while (pos < end && out->n < DX_MAX &&
           imrx_re_find_keyed(cue, &dx_cue_keys, t, text, pos, end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(t);
        /* the cue's place, read now: the searches below reuse the match data */
        const size_t cue_b = ov[0];
        size_t cue_end = cue_b, lb = ov[1];
        /* the items of the cue before carry its kind; one that replaces makes the event lists
         * before it provisional */
        for (; marked < out->n; marked++) kind[marked] = (uint8_t)this_kind;
        this_kind = cue_kind(text, sentence_begin(text, begin, cue_b), cue_b, lb);
        if (this_kind & DX_REPLACES)
            for (size_t i = 0; i < out->n; i++)
                if (kind[i] & DX_EVENT) kind[i] |= DX_FIRST;
        const int labelled = memchr(text + cue_b, ':', lb - cue_b) != NULL; /* "Diagnoses:" */
        while (cue_end < lb && text[cue_end] != '\n') cue_end++;
        /* a DSM-IV multiaxial list: its axis I holds the diagnoses ("Axis I: Posttraumatic stress
         * disorder, chronic (309.81); ... Axis II: No diagnosis."), perhaps after a few words
         * ("diagnoses are given in multiaxial form: Axis I: ...") */
        size_t lim = lb + 48 < end ? lb + 48 : end;
        size_t axis = imrx_text_find(text, (uint32_t)lb, (uint32_t)lim, "axis i");
        if (axis < lim && axis > lb &&
            imrx_text_find(text, (uint32_t)lb, (uint32_t)axis, ":") < axis &&
            !memchr(text + lb, '.', axis - lb))
            lb = axis;
        if (lb + 7 < end && imrx_text_ieq(text + lb, 6, "axis i") &&
            (text[lb + 6] == ':' || (text[lb + 6] == ' ' && text[lb + 7] == ':')))
            lb += text[lb + 6] == ':' ? 7 : 8;
        size_t done = read_numbered(out, text, lb, end);
        /* "Diagnoses:" closing its line opens a list of lines */
        if (!done && cue_end < lb && lb > 0 && memchr(text + cue_b, ':', cue_end - cue_b))
            done = read_lines(out, text, lb, end);
        if (done) {
            pos = done > lb ? done : lb + 1;
            continue;
        }
        size_t le = dx_sentence_end(text, lb, end);
        /* a list never runs into another cue ("The diagnosis was then revised, and the report
         * lists the diagnoses as: ..."): the next list starts there */
        if (le > lb + 1 && mentions_diagnosis(text, lb + 1, le) &&
            imrx_re_find_keyed(cue, &dx_cue_keys, t, text, lb + 1, le) == 1)
            le = imrx_re_ov(t)[0];
        pos = le > lb ? le : lb + 1;
        size_t run = dx_read_sentence(stop, t, text, lb, le, labelled, end, out);
        if (!run) continue;
        along_with(stop, t, text, lb, le, end, out);
        if (run > pos) pos = run;
        /* "The diagnoses include A and B. He is status post C on 2-3-2016.": a past operation
         * told in the next sentence belongs to the list */
        size_t sp = status_post_sentence(text, pos, end);
        if (sp) {
            size_t se = dx_sentence_end(text, sp, end);
            dx_read_sentence(stop, t, text, sp, se, 0, end, out);
            pos = se;
        }
    }
    for (; marked < out->n; marked++) kind[marked] = (uint8_t)this_kind;
}
