/* Cues told of a list of drugs, for negation.c: the words that may join a list ("Soma or
 * Norco", "his Flexeril"), a list said never tried ("Neither gabapentin nor Lyrica has been
 * tried"), trials of a list that failed, and a list tried in the past ("took Lyrica and Cymbalta
 * years ago"). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "meds.h"
#include "text.h"

/* Between a denial or stop and its drug only a list may stand ("denies use of Soma or Norco",
 * "stopped taking his Flexeril"): other words ("denies side effects from Norco") end its reach. */
int med_list_gap(const char *text, uint32_t b, uint32_t e, const mention_t *all, size_t n)
{
    static const char *const glue[] = {
        "and", "or", "nor", "any", "the", "his", "her", "their", "all", "other", "further", "use",
        "of", "taking", "using", "such", "as", "like", "including", "oral", "topical", "prescribed",
        /* "has never taken an antidepressant for pain, such as duloxetine" */
        "for", "previous", "previously", "prior", "current", "well", "a", "medication",
        "medications", "drugs", "opioids", "opioid", "NSAIDs", "NSAID", "narcotics", "narcotic",
        "muscle", "relaxants", "relaxant", "pain", "either", "both", "long", "short", "acting",
        "extended", "immediate", "release", "controlled", "brand", "generic", "name",
        /* "a tricyclic antidepressant like nortriptyline or an SNRI like duloxetine" */
        "an", "tricyclic", "antidepressant", "antidepressants", "SNRI", "SNRIs", "SSRI", "SSRIs",
        "anticonvulsant", "anticonvulsants", "antiepileptic", "antiepileptics", "agent", "agents",
        /* "an inhaled corticosteroid such as fluticasone", "any other sleeping pill" */
        "inhaled", "corticosteroid", "corticosteroids", "steroid", "steroids", "sleeping", "sleep",
        "pill", "pills", "aid", "aids", "anti", "inflammatory", "inflammatories", "triptan",
        "triptans", "benzodiazepine", "benzodiazepines",
        /* "a first-line oral agent, nor a topical NSAID such as diclofenac gel" */
        "first", "second", "third", "line", "another",
        /* "He took Motrin and later naproxen; both were stopped" */
        "later", "then", "subsequently",
        /* "She stopped over-the-counter ibuprofen" */
        "over", "counter", "OTC",
        /* "has never been prescribed a neuropathic agent such as gabapentin" */
        "neuropathic", "adjuvant", "sedating", "hypnotic", "hypnotics", "analgesic", "analgesics",
        "nonsteroidal",
        /* "takes no anticoagulant or aspirin", "no blood thinners or aspirin" */
        "anticoagulant", "anticoagulants", "blood", "thinner", "thinners", "antiplatelet",
        "antiplatelets", "antihistamine", "antihistamines", "supplement", "supplements",
        /* "She stopped her daily aspirin" */
        "daily", "nightly", "usual", "regular", NULL};
    uint32_t p = b;
    while (p < e) {
        char c = text[p];
        /* a list entry's note is the entry's: "ibuprofen (stopped in 2014), Flexeril (no
         * benefit) and tramadol", "amoxicillin (hives) and codeine (vomiting)" */
        if (c == '(') {
            uint32_t q = p + 1;
            while (q < e && q < p + 80 && text[q] != ')' && text[q] != '(' && text[q] != '\n') q++;
            if (q < e && text[q] == ')') {
                p = q + 1;
                continue;
            }
        }
        int in_mention = 0;
        for (size_t k = 0; k < n && !in_mention; k++)
            if (p >= all[k].b && p < med_mention_end(&all[k]))
                in_mention = 1, p = med_mention_end(&all[k]);
        if (in_mention) continue;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            if (c != ' ' && c != '\n' && c != ',' && c != '/' && c != '(' && c != ')' && c != '-' &&
                c != '\'')
                return 0;
            p++;
            continue;
        }
        uint32_t w = p;
        while (w < e && ((text[w] >= 'a' && text[w] <= 'z') || (text[w] >= 'A' && text[w] <= 'Z')))
            w++;
        int ok = 0;
        for (int i = 0; glue[i] && !ok; i++) ok = imrx_text_ieq(text + p, w - p, glue[i]);
        if (!ok) return 0;
        p = w;
    }
    return 1;
}

/* Is the mention one of a list said never tried (untried_before ... untried_after)? */
int med_untried(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                uint32_t se, const mention_t *m, const mention_t *all, size_t n)
{
    /* the end of the list the mention stands in: later mentions joined by list words */
    size_t i = (size_t)(m - all);
    uint32_t end = med_mention_end(m);
    while (i + 1 < n && all[i + 1].b < se && med_list_gap(text, end, all[i + 1].b, all, n)) {
        i++;
        end = med_mention_end(&all[i]);
    }
    /* a list may end in a class ("nortriptyline or another tricyclic was ever offered"): past
     * list words after an "or", "and" or "nor" */
    uint32_t o = end;
    while (o < se && (text[o] == ' ' || text[o] == '\n' || text[o] == ',')) o++;
    if (o + 3 < se && (imrx_text_ieq(text + o, 3, "or ") || imrx_text_ieq(text + o, 4, "and ") ||
                       imrx_text_ieq(text + o, 4, "nor "))) {
        uint32_t tail = end;
        for (uint32_t x = o; x < se && x < o + 60; x++) {
            if (text[x] != ' ' && text[x] != '\n') continue;
            if (!med_list_gap(text, end, x, all, n)) break; /* a word that is no list word */
            tail = x;
        }
        end = tail;
    }
    /* most lists are followed by anything but "was tried": a look at the next word first */
    uint32_t w = end;
    while (w < se && (text[w] == ' ' || text[w] == '\n' || text[w] == ',')) w++;
    uint32_t we = w;
    while (we < se && imrx_text_letter((unsigned char)text[we])) we++;
    static const char *const verbs[] = {"was", "were", "has", "have", "had"};
    int verb = 0;
    for (int k = 0; k < 5 && !verb; k++) verb = imrx_text_ieq(text + w, we - w, verbs[k]);
    if (!verb || imrx_re_at(&re->untried_after, t, text, end, se) != 1) return 0;
    uint32_t pos = sb, cue_e = 0;
    while (pos < m->b && imrx_re_find(&re->untried_before, t, text, pos, m->b) == 1) {
        cue_e = (uint32_t)imrx_re_ov(t)[1];
        pos = cue_e > pos ? cue_e : pos + 1;
    }
    return cue_e && med_list_gap(text, cue_e, m->b, all, n);
}

/* Is text[p..se) the phrase `ph` (lower case, single spaces) followed by a non-letter? Line
 * breaks count as spaces. */
int med_phrase_at(const char *text, uint32_t p, uint32_t se, const char *ph)
{
    for (; *ph; ph++, p++) {
        if (p >= se) return 0;
        char c = text[p] == '\n' ? ' ' : (char)(text[p] | 0x20);
        if (c != *ph) return 0;
    }
    return p >= se || !imrx_text_letter((unsigned char)text[p]);
}

/* "Preventive trials of topiramate and propranolol failed", "A trial of Lyrica has failed to
 * help": the list stands after "trial(s) of" (the word text[wb..we)), its outcome right after it
 * (at p). Not a guideline's or a reviewer's condition ("no documentation that trials of
 * gabapentin have failed", "unless trials of ... failed"). */
static int trials_failed(const char *text, uint32_t sb, uint32_t wb, uint32_t we, uint32_t p,
                         uint32_t se)
{
    if (!imrx_text_ieq(text + wb, we - wb, "of")) return 0;
    uint32_t tb = wb, te = wb;
    while (te > sb && (text[te - 1] == ' ' || text[te - 1] == '\n')) te--;
    tb = te;
    while (tb > sb && imrx_text_letter((unsigned char)text[tb - 1])) tb--;
    if (!imrx_text_ieq(text + tb, te - tb, "trial") && !imrx_text_ieq(text + tb, te - tb, "trials"))
        return 0;
    static const char *const condition[] = {"that ",    "if ",   "unless ", "until ",
                                            "whether ", "once ", "should ", "after ",
                                            "before ",  "no ",   "not ",    NULL};
    for (int i = 0; condition[i]; i++)
        if (imrx_text_find(text, sb, tb, condition[i]) < tb) return 0;
    static const char *const outcome[] = {"failed",
                                          "have failed",
                                          "has failed",
                                          "had failed",
                                          "have all failed",
                                          "had all failed",
                                          "have both failed",
                                          "had both failed",
                                          "were unsuccessful",
                                          "was unsuccessful",
                                          "were ineffective",
                                          "was ineffective",
                                          NULL};
    for (int i = 0; outcome[i]; i++)
        if (med_phrase_at(text, p, se, outcome[i])) {
            uint32_t q = p + (uint32_t)strlen(outcome[i]);
            /* the clause ends, or the failure is told ("failed to help") */
            if (q >= se || text[q] == ',' || text[q] == ';' || text[q] == '.' || text[q] == ')' ||
                med_phrase_at(text, q + 1, se, "to") || med_phrase_at(text, q + 1, se, "because") ||
                med_phrase_at(text, q + 1, se, "due"))
                return 1;
        }
    return 0;
}

/* A trial told as past or as failed: "He tried morphine sulfate ER in the past, which caused
 * itching", "took Lyrica and Cymbalta years ago", "tried Robaxin early on without benefit". The
 * verb stands right before the list the mention is in, the time or outcome right after it, and
 * the clause ends there ("used Norco in the past six months" is no stop). */
int med_past_trial(const char *text, uint32_t sb, uint32_t se, const mention_t *m,
                   const mention_t *all, size_t n)
{
    size_t first = (size_t)(m - all), last = first;
    while (first > 0 && all[first - 1].b >= sb &&
           med_list_gap(text, med_mention_end(&all[first - 1]), all[first].b, all, n))
        first--;
    while (last + 1 < n && all[last + 1].b < se &&
           med_list_gap(text, med_mention_end(&all[last]), all[last + 1].b, all, n))
        last++;
    uint32_t p = med_mention_end(&all[last]);
    while (p < se && (text[p] == ' ' || text[p] == '\n')) p++;
    /* when, or how it went: "in the past", "early on without benefit" */
    static const char *const when[] = {"in the past",
                                       "years ago",
                                       "previously",
                                       "early on",
                                       "briefly",
                                       "without benefit",
                                       "without relief",
                                       "with no benefit",
                                       "with no relief",
                                       "without success",
                                       NULL};
    int told = 0;
    for (;;) {
        /* a year: "She tried Flexeril in 2015 without benefit" */
        if (p + 7 < se && med_phrase_at(text, p, se, "in ") &&
            isdigit((unsigned char)text[p + 3]) && isdigit((unsigned char)text[p + 4]) &&
            isdigit((unsigned char)text[p + 5]) && isdigit((unsigned char)text[p + 6]) &&
            !isdigit((unsigned char)text[p + 7])) {
            told = 1;
            p += 7;
            while (p < se && (text[p] == ' ' || text[p] == '\n')) p++;
            continue;
        }
        size_t k = 0;
        while (when[k] && !med_phrase_at(text, p, se, when[k])) k++;
        if (!when[k]) break;
        told = 1;
        p += (uint32_t)strlen(when[k]);
        while (p < se && (text[p] == ' ' || text[p] == '\n')) p++;
    }
    uint32_t we = all[first].b;
    while (we > sb && (text[we - 1] == ' ' || text[we - 1] == '\n')) we--;
    uint32_t wb = we;
    while (wb > sb && imrx_text_letter((unsigned char)text[wb - 1])) wb--;
    if (trials_failed(text, sb, wb, we, p, se)) return 1;
    if (!told) return 0;
    if (p < se && text[p] != ',' && text[p] != ';' && text[p] != ')' && text[p] != '.') return 0;
    static const char *const verbs[] = {"tried", "took", "used", "taken", "trialed", NULL};
    for (int i = 0; verbs[i]; i++)
        if (imrx_text_ieq(text + wb, we - wb, verbs[i])) return 1;
    return 0;
}
