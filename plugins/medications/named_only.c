/* Drugs the summary names that the worker does not take: one only planned or considered ("The
 * provider plans to move her to a Butrans patch", "Lexapro is listed in the plan as the next
 * option"), a metabolite a drug screen found ("its metabolite hydromorphone"), one named in the
 * reason UR gave ("non-certified ..., stating that buprenorphine is not first-line"). Their
 * context is "rationale", as a drug named only in reasoning. */
#include <string.h>

#include "meds.h"
#include "text.h"

/* In the summary, a drug only planned or considered, not taken: "The provider plans to move her
 * to a Butrans patch", "would consider a trial of Lyrica", "the next step would be ...". The
 * cue stands before the mention in its sentence. */
const char med_re_planned_before[] =
    "\\b(?:(?:plans?|planned|planning|intends?|intended)\\s+to|plan\\s+(?:is|was)\\s+to)\\s+(?:"
    "start|begin|move|switch|transition|change|convert|try|add|initiate|trial|consider|prescribe|"
    "introduce)\\b"
    "|\\b(?:is|was|are|were)\\s+(?:considering|contemplating)\\b"
    "|\\b(?:would|will|may|might|could)\\s+(?:consider|try|trial|add|start|begin)\\b"
    "|\\bconsider(?:s|ed|ing)?\\s+(?:starting|adding|a\\s+trial|switching|trying)\\b"
    "|\\bnext\\s+(?:step|option)\\s+(?:is|was|would\\s+be|will\\s+be)\\b"
    "|\\bfuture\\s+trial\\s+of\\b"
    /* "with the plan of adding prazosin if the nightmares continue" */
    "|\\bplan\\s+of\\s+(?:adding|starting|beginning|trying|introducing|switching\\s+to)\\b";
static const char *const planned_words[] = {
    "plan",  "intend", "considering", "contemplating", "would",  "will", "may",
    "might", "could",  "consider",    "next",          "future", NULL};
static const imrx_re_keys_t planned_keys = {planned_words, 0, 0};

/* ... or after it: "Lexapro is listed in the plan as the next option", "Butrans was discussed as
 * a future option", "Lyrica is being considered". */
const char med_re_planned_after[] =
    "\\s*(?:is|was|has\\s+been|remains)\\s+(?:(?:listed|noted|mentioned|named|kept|discussed)"
    "\\s+)?(?:in\\s+the\\s+(?:treatment\\s+)?plan\\s+)?as\\s+(?:the\\s+|a\\s+)?(?:next|future|"
    "possible|potential|backup|back-up|alternative|later)\\s+(?:option|step|choice|agent|"
    "medication)"
    "|\\s*(?:is|was|are|were)\\s+(?:being\\s+)?(?:considered|contemplated|planned)\\b";

/* In a request's sentence, the reason UR gave: "non-certified both requests, stating that
 * buprenorphine is not a first-line treatment". A drug after it is named in reasoning. */
const char med_re_reported_reason[] =
    "\\b(?:stating|noting|citing|finding|reasoning|explaining|opining|commenting)\\s+that\\b"
    "|\\bon\\s+the\\s+grounds?\\s+that\\b";
static const char *const reason_words[] = {"stating",   "noting",     "citing",  "finding",
                                           "reasoning", "explaining", "opining", "commenting",
                                           "grounds",   NULL};
static const imrx_re_keys_t reason_keys = {reason_words, 0, 0};

/* Is the summary's mention only planned or considered: a plan's cue shortly before it in its
 * sentence (not the drug switched from, "plans to move him from Norco to Butrans"), or right
 * after it? */
static int only_planned(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                        uint32_t sb, uint32_t se, const mention_t *m)
{
    uint32_t me = m->attr_e > m->e ? m->attr_e : m->e;
    if (me < se && imrx_re_at(&re->planned_after, t, text, me, se) == 1) return 1;
    if (imrx_re_find_required(&re->planned_before, &planned_keys, t, text, sb, m->b) != 1) return 0;
    uint32_t ce = (uint32_t)imrx_re_ov(t)[1];
    if (m->b - ce > 80 || memchr(text + ce, ';', m->b - ce)) return 0;
    /* "The plan was to begin a slow taper of Klonopin, continue Seroquel": a drug taken; "would
     * consider Lyrica if the gabapentin fails": another clause */
    static const char *const current[] = {"taper",    "wean",      "titrat",  "continu", "refill",
                                          "reduc",    "decreas",   "increas", "resum",   " if ",
                                          " unless ", " because ", " since ", " while ", NULL};
    for (int i = 0; current[i]; i++)
        if (imrx_text_find(text, ce, m->b, current[i]) < m->b) return 0;
    uint32_t w = m->b;
    while (w > ce && (text[w - 1] == ' ' || text[w - 1] == '\n')) w--;
    return !(w >= ce + 4 && imrx_text_ieq(text + w - 4, 4, "from")) &&
           !(w >= ce + 3 && imrx_text_ieq(text + w - 3, 3, "off"));
}

/* Is the mention a metabolite a drug screen found ("hydrocodone and its metabolite
 * hydromorphone", "hydromorphone (a metabolite)"), not a drug the patient took? */
static int named_as_metabolite(const char *text, uint32_t sb, uint32_t se, const mention_t *m)
{
    uint32_t from = m->b > sb + 24 ? m->b - 24 : sb;
    uint32_t at = imrx_text_find(text, from, m->b, "metabolite");
    if (at < m->b) {
        uint32_t p = at + 10;
        if (p < m->b && text[p] == 's') p++;
        /* "a metabolite of hydrocodone" names the drug taken */
        if (imrx_text_find(text, p, m->b, " of ") == p) return 0;
        int words = 0; /* "its metabolite hydromorphone" */
        for (; p < m->b; p++)
            if ((text[p] == ' ' || text[p] == '\n') && p + 1 < m->b && text[p + 1] != ' ') words++;
        if (words <= 1) return 1;
    }
    uint32_t me = m->attr_e > m->e ? m->attr_e : m->e;
    uint32_t to = me + 24 < se ? me + 24 : se;
    uint32_t after = imrx_text_find(text, me, to, "metabolite");
    if (after == to) return 0;
    /* "(a metabolite)", ", its metabolite", not "hydrocodone and its metabolite" */
    uint32_t p = me;
    while (p < after && (text[p] == ' ' || text[p] == '\n' || text[p] == ',' || text[p] == '('))
        p++;
    static const char *const articles[] = {"a ", "its ", "the ", "an active ", "a known ", NULL};
    for (int i = 0; articles[i] && p < after; i++)
        if (imrx_text_find(text, p, after, articles[i]) == p) p += (uint32_t)strlen(articles[i]);
    return p == after;
}

/* In a request's sentence, is the mention named in the reason UR gave ("non-certified ...,
 * stating that buprenorphine is not a first-line treatment"), with no use of the patient's
 * between? */
static int in_reported_reason(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                              uint32_t sb, const mention_t *m)
{
    if (imrx_re_find_required(&re->reported_reason, &reason_keys, t, text, sb, m->b) != 1) return 0;
    uint32_t ce = (uint32_t)imrx_re_ov(t)[1];
    return imrx_re_find_required(&re->patient_use, &med_use_keys, t, text, ce, m->b) != 1;
}

int med_named_only(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                   uint32_t se, const mention_t *m, int requested)
{
    if (requested) return in_reported_reason(re, t, text, sb, m);
    return only_planned(re, t, text, sb, se, m) || named_as_metabolite(text, sb, se, m);
}
