/* Whether a drug is denied (never taken) or was stopped: cues before the mention ("denies use
 * of", "stopped taking", "switched from"), after it in its clause ("was discontinued", "but
 * never filled it", "and then gave it up"), in the next clause after a semicolon, and lists said
 * never tried ("the records do not show that A, B or C was ever tried": negation_lists.c). Read
 * within the mention's sentence; the patterns are in negation_cues.c. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "meds.h"
#include "text.h"

/* Is there a clause break in text[b, e)? */
static int broken(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t b,
                  uint32_t e)
{
    return b < e && imrx_re_find(&re->stop_after, t, text, b, e) == 1;
}

/* Where a relative clause set off by commas right after a mention ends (after its closing
 * comma), or 0: ", which he had been using up to four days a week," */
static uint32_t relative_clause_end(const char *text, uint32_t p, uint32_t se)
{
    if (p + 8 > se || text[p] != ',') return 0;
    uint32_t w = p + 1;
    while (w < se && (text[w] == ' ' || text[w] == '\n')) w++;
    /* "which ...", "who ...", or a participle: "Percocet 10/325mg, started after surgery, was
     * replaced by Norco", "Norco, used since 2014, was changed over to Ultracet" */
    static const char *const openers[] = {"which", "who",       "started", "used",
                                          "taken", "begun",     "given",   "prescribed",
                                          "tried", "initiated", "added",   NULL};
    uint32_t we = w;
    while (we < se && ((text[we] | 32) >= 'a' && (text[we] | 32) <= 'z')) we++;
    int opens = 0;
    for (int i = 0; openers[i] && !opens; i++) opens = imrx_text_ieq(text + w, we - w, openers[i]);
    if (!opens || we >= se || text[we] != ' ') return 0;
    for (uint32_t i = w; i < se && i < w + 120; i++)
        if (text[i] == ',') return i + 1;
    return 0;
}

/* Where "had been recommended", "was offered", "was requested" (a passive verb of offering)
 * right after a mention ends, or 0. */
static uint32_t offered_end(const char *text, uint32_t p, uint32_t cb)
{
    static const char *const aux[] = {"had been", "has been", "was", "were", NULL};
    static const char *const verbs[] = {"recommended", "suggested", "proposed",
                                        "offered",     "requested", NULL};
    while (p < cb && (text[p] == ' ' || text[p] == '\n')) p++;
    /* (past a name in parentheses: "Erenumab (Aimovig) was recommended", the mention either) */
    if (p < cb && text[p] == ')') {
        p++;
        while (p < cb && (text[p] == ' ' || text[p] == '\n')) p++;
    } else if (p < cb && text[p] == '(') {
        uint32_t q = p + 1;
        while (q < cb && q < p + 40 && text[q] != ')' && text[q] != '(') q++;
        if (q < cb && text[q] == ')') {
            p = q + 1;
            while (p < cb && (text[p] == ' ' || text[p] == '\n')) p++;
        }
    }
    for (int i = 0; aux[i]; i++) {
        if (!med_phrase_at(text, p, cb, aux[i])) continue;
        uint32_t q = p + (uint32_t)strlen(aux[i]);
        while (q < cb && (text[q] == ' ' || text[q] == '\n')) q++;
        for (int k = 0; verbs[k]; k++)
            if (med_phrase_at(text, q, cb, verbs[k])) return q + (uint32_t)strlen(verbs[k]);
    }
    return 0;
}

/* Does the cue at text[cb] open with "but" or "and" and a verb, its subject left out ("but was
 * never started")? */
static int elided_subject(const char *text, uint32_t cb, uint32_t se)
{
    static const char *const verbs[] = {"was", "were", "has", "have", "had", NULL};
    uint32_t p = cb;
    if (se - p > 4 && imrx_text_ieq(text + p, 3, "but") && text[p + 3] == ' ')
        p += 4;
    else if (se - p > 4 && imrx_text_ieq(text + p, 3, "and") && text[p + 3] == ' ')
        p += 4;
    else
        return 0;
    uint32_t w = p;
    while (w < se && imrx_text_letter((unsigned char)text[w])) w++;
    for (int i = 0; verbs[i]; i++)
        if (imrx_text_ieq(text + p, w - p, verbs[i])) return 1;
    return 0;
}

/* "Tylenol, and Motrin, which was discontinued", "Motrin and Tylenol #3 for pain at night, which
 * she stopped after one week": a relative clause after a later drug is that drug's, unless it
 * says it is about several ("which were", "both of which", "she stopped them"). */
static int relative_of_later(const char *text, uint32_t cb, uint32_t ce, const mention_t *m,
                             const mention_t *all, size_t n)
{
    if ((size_t)(m - all) + 1 >= n || m[1].b >= cb) return 0; /* no later drug before the cue */
    /* "a compounded cream containing ketoprofen and cyclobenzaprine, which was stopped": the
     * drugs are one product's ingredients, and the clause is the product's */
    static const char *const contents[] = {"containing", "contains", "consisting of", "made with",
                                           NULL};
    uint32_t w = m->b;
    while (w > 0 && (text[w - 1] == ' ' || text[w - 1] == '\n')) w--;
    for (int k = 0; contents[k]; k++) {
        uint32_t len = (uint32_t)strlen(contents[k]);
        if (w >= len && imrx_text_ieq(text + w - len, len, contents[k])) return 0;
    }
    uint32_t p = cb;
    if (p + 4 <= ce && imrx_text_ieq(text + p, 3, "was") && text[p + 3] == ' ') {
        /* the passive cue follows "which": look for it right before */
        w = cb;
        while (w > 0 && (text[w - 1] == ' ' || text[w - 1] == '\n')) w--;
        return w >= 5 && imrx_text_ieq(text + w - 5, 5, "which");
    }
    while (p < ce && (text[p] == ',' || text[p] == ' ' || text[p] == '\n')) p++;
    if (!(p + 6 <= ce &&
          (imrx_text_ieq(text + p, 5, "which") || imrx_text_ieq(text + p, 4, "that"))))
        return 0;
    /* "both of which", "all of which" */
    w = cb;
    while (w > 0 && (text[w - 1] == ' ' || text[w - 1] == '\n')) w--;
    if (w >= 2 && imrx_text_ieq(text + w - 2, 2, "of")) {
        uint32_t v = w - 2;
        while (v > 0 && (text[v - 1] == ' ' || text[v - 1] == '\n')) v--;
        if ((v >= 4 && imrx_text_ieq(text + v - 4, 4, "both")) ||
            (v >= 3 && imrx_text_ieq(text + v - 3, 3, "all")) ||
            (v >= 4 && imrx_text_ieq(text + v - 4, 4, "each")))
            return 0;
    }
    static const char *const plural[] = {"were", "them", "both", "all", "each", NULL};
    for (uint32_t i = p; i < ce; i++) {
        if (i > p && imrx_text_letter((unsigned char)text[i - 1])) continue;
        for (int k = 0; plural[k]; k++) {
            uint32_t len = (uint32_t)strlen(plural[k]);
            if (i + len <= ce && imrx_text_ieq(text + i, len, plural[k]) &&
                (i + len == ce || !imrx_text_letter((unsigned char)text[i + len])))
                return 0;
        }
    }
    return 1;
}

/* Does text[b..e), between two drugs, make the second what the first would replace ("as an
 * alternative to the", "in place of")? */
static int replaced_one(const char *text, uint32_t b, uint32_t e)
{
    static const char *const phrases[] = {"alternative to", "in place of",     "instead of",
                                          "to replace",     "replacement for", NULL};
    if (e <= b || e - b > 80) return 0;
    for (int i = 0; phrases[i]; i++)
        if (imrx_text_find(text, b, e, phrases[i]) < e) return 1;
    return 0;
}

/* Does the cue at `cb`, after mention m, belong to a list of other drugs that stands between
 * them ("switched to methadone in 2015 after OxyContin and Opana ER were each stopped")? A
 * later mention joined to the cue by list words only, and not to m, is the cue's subject. */
static int nearer_subject(const char *text, uint32_t from, uint32_t cb, const mention_t *m,
                          const mention_t *all, size_t n)
{
    for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < cb; k++) {
        uint32_t ke = med_mention_end(&all[k]);
        /* (a drug named as what this one would replace is no subject: "Lyrica was discussed
         * as an alternative to Neurontin, but he has not started it") */
        if (replaced_one(text, from, all[k].b)) continue;
        if (ke <= cb && med_list_gap(text, ke, cb, all, n))
            return !med_list_gap(text, from, all[k].b, all, n);
    }
    return 0;
}

/* Does another drug stand between the mention (ending at `from`) and the cue at `cb`, on a line
 * that begins after the mention and before that drug? A table or list copied from the records
 * gives each drug a line ("Pantoprazole / 40 mg / daily / 03/2016 / A trial of Topamax was
 * discussed, but she chose not to start it", "#2 Gabapentin 300 mg TID / #3 Methocarbamol /
 * #4 Celebrex 200 mg daily - DC'd 02/2016"): the cue is the later line's. (Normalisation joins
 * the lines of a sentence that goes on in lower case; a line that a drug begins may still be
 * the sentence's, "took Norco and" / "Flexeril, but stopped it", unless the first drug opens
 * its line too: "Tramadol 50 mg q6h PRN" / "Naproxen 550 mg BID - DC'd 03/2016".) */
static int later_line_drug(const char *text, uint32_t from, uint32_t cb, const mention_t *m,
                           const mention_t *all, size_t n)
{
    /* (a drug that opens its own line, and the next that opens the next: lines of a list) */
    int opens_line = m->b == 0 || text[m->b - 1] == '\n';
    for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < cb; k++)
        for (uint32_t i = from; i + 1 < all[k].b + (uint32_t)opens_line; i++)
            if (text[i] == '\n') return 1;
    return 0;
}

/* A switch to another form of the same drug ("Tramadol was changed to Tramadol ER") ends no
 * use: the drug named right after the cue's "to" begins with this one's first word. */
static int switched_to_itself(const char *text, uint32_t ce, const mention_t *m,
                              const mention_t *all, size_t n)
{
    if (ce < 2 || strncasecmp(text + ce - 2, "to", 2) != 0) return 0;
    uint32_t w = m->b;
    while (w < m->e && imrx_text_letter((unsigned char)text[w])) w++;
    for (size_t k = (size_t)(m - all) + 1; k < n; k++) {
        if (all[k].b < ce) continue;
        if (all[k].b > ce + 3) return 0;
        return all[k].e - all[k].b >= w - m->b &&
               strncasecmp(text + all[k].b, text + m->b, w - m->b) == 0;
    }
    return 0;
}

/* Does "the latter of" stand right before text[cb] ("Keflex and Percocet, the latter of which
 * she stopped")? The cue is then the last drug's, not an earlier one's. */
static int latter_before(const char *text, uint32_t lo, uint32_t cb)
{
    static const char phrase[] = "the latter of";
    const uint32_t k = sizeof phrase - 1;
    uint32_t p = cb;
    while (p > lo && (text[p - 1] == ' ' || text[p - 1] == '\n')) p--;
    return p >= lo + k && imrx_text_ieq(text + p - k, k, phrase) &&
           (p == lo + k || !imrx_text_letter((unsigned char)text[p - k - 1]));
}

/* A denial of use that ends at text[ce] ("has not taken") followed, after the drug that ends at
 * `me`, by "since": a use that ended. */
static int not_since(const char *text, uint32_t ce, uint32_t me, uint32_t se)
{
    static const char *const verbs[] = {"taken", "used", "needed", "had", "required"};
    uint32_t w = ce;
    while (w > 0 && text[w - 1] == ' ') w--;
    uint32_t b = w;
    while (b > 0 && imrx_text_letter((unsigned char)text[b - 1])) b--;
    int verb = 0;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0] && !verb; i++)
        verb = imrx_text_ieq(text + b, w - b, verbs[i]);
    if (!verb) return 0;
    while (me < se && (text[me] == ' ' || text[me] == '\n')) me++;
    return me + 6 <= se && imrx_text_ieq(text + me, 5, "since") &&
           !imrx_text_letter((unsigned char)text[me + 5]);
}

/* Is the cue that ends at text[ce] a label ("Discontinued:", "Discontinued 2016:", "Previously
 * tried:", "Past medications:") whose list, entries and notes separated by commas or
 * semicolons, runs on to `to` without another label or sentence? */
static int labelled_list(const char *text, uint32_t ce, uint32_t to)
{
    uint32_t p = ce;
    while (p < to && text[p] == ' ') p++;
    if (p + 4 < to && text[p] >= '0' && text[p] <= '9') { /* "Discontinued 2016:" */
        while (p < to && text[p] >= '0' && text[p] <= '9') p++;
        while (p < to && text[p] == ' ') p++;
    }
    if (!(ce > 0 && text[ce - 1] == ':') && !(p < to && text[p] == ':')) return 0;
    if (to - p > 300) return 0;
    for (uint32_t i = p + 1; i < to; i++) {
        if (text[i] == ':') return 0;                                     /* another label */
        if (text[i] == '.' && i + 1 < to && text[i + 1] == ' ') return 0; /* a sentence ends */
        if (text[i] == '\n' && i + 1 < to && text[i + 1] == '\n') return 0;
    }
    return 1;
}

/* Is the drug at text[b] what another was switched to ("Norco 5/325 mg, changed to tramadol in
 * 2015", "naproxen, replaced by meloxicam")? Then a list's label does not stop it. */
static int switch_target(const char *text, uint32_t from, uint32_t b)
{
    static const char *const leads[] = {
        "changed to",  "switched to",  "converted to", "replaced by",     "replaced with",
        "in favor of", "in favour of", "moved to",     "transitioned to", NULL};
    uint32_t lo = b > from + 24 ? b - 24 : from;
    for (int i = 0; leads[i]; i++) {
        uint32_t k = imrx_text_find_last(text, lo, b, leads[i]);
        if (k == b) continue;
        uint32_t q = k + (uint32_t)strlen(leads[i]);
        while (q < b && (text[q] == ' ' || text[q] == '\n')) q++;
        if (q == b) return 1;
    }
    return 0;
}

/* Does the cue at text[cb..ce) stand inside parentheses that close before `to` ("Norco
 * (discontinued 3/2015), tramadol")? */
static int in_parentheses(const char *text, uint32_t from, uint32_t cb, uint32_t ce, uint32_t to)
{
    uint32_t o = cb;
    while (o > from && cb - o < 40 && text[o - 1] != '(' && text[o - 1] != ')') o--;
    if (o == from || text[o - 1] != '(') return 0;
    for (uint32_t c = ce; c < to && c - ce < 60; c++) {
        if (text[c] == ')') return 1;
        if (text[c] == '(') return 0;
    }
    return 0;
}

/* Is the cue at text[cb..ce) a list entry's note after a dash or colon, closed by a comma or
 * semicolon before `to` ("Soma 350mg - D/C'd, Motrin 800mg - BID")? */
static int entry_note(const char *text, uint32_t from, uint32_t cb, uint32_t ce, uint32_t to)
{
    uint32_t p = cb;
    while (p > from && text[p - 1] == ' ') p--;
    if (p == from || (text[p - 1] != '-' && text[p - 1] != ':')) return 0;
    uint32_t q = ce;
    while (q < to && text[q] == ' ') q++;
    return q < to && (text[q] == ',' || text[q] == ';');
}

/* Does a verb follow text[p] (a drug's name), making the drug its clause's subject ("naproxen
 * alone is unlikely", "gabapentin was then started")? */
static int opens_clause(const char *text, uint32_t p, uint32_t se)
{
    static const char *const verbs[] = {
        "is",  "was",   "are",    "were",  "has",   "had",    "remains", "may",    "would",  "will",
        "can", "could", "should", "might", "helps", "helped", "works",   "worked", "caused", NULL};
    while (p < se && text[p] == ' ') p++;
    if (p + 6 < se && strncasecmp(text + p, "alone ", 6) == 0) p += 6;
    for (const char *const *v = verbs; *v; v++) {
        size_t k = strlen(*v);
        if (p + k < se && strncasecmp(text + p, *v, k) == 0 && !isalpha((unsigned char)text[p + k]))
            return 1;
    }
    return 0;
}

/* Is the drug restarted later in its sentence ("Elavil was tried in 2016, stopped for dry mouth,
 * and restarted in March 2018"), with no other drug named before the word? (`hi`: the end of
 * its section.) */
static int restarted_later(const char *text, uint32_t se, uint32_t hi, const mention_t *m,
                           const mention_t *all, size_t n)
{
    static const char *const words[] = {"restarted",     "resumed",      "re-started",
                                        "started again", "back on it",   "back on them",
                                        "gone back to",  "went back to", NULL};
    /* (the clause after a semicolon too: "were put on hold in October; she has since gone back
     * to using them") */
    if (se < hi && text[se] == ';')
        for (se++; se < hi && !(text[se] == '.' &&
                                (se + 1 == hi || text[se + 1] == ' ' || text[se + 1] == '\n'));)
            se++;
    uint32_t from = med_mention_end(m), at = se;
    for (int i = 0; words[i]; i++) {
        uint32_t w = imrx_text_find(text, from, at, words[i]);
        if (w < at) at = w;
    }
    if (at == se) return 0;
    /* "was never resumed", "has not been restarted" */
    uint32_t lb = at > from + 16 ? at - 16 : from;
    if (imrx_text_find(text, lb, at, "not ") < at || imrx_text_find(text, lb, at, "never ") < at ||
        imrx_text_find(text, lb, at, "n't ") < at)
        return 0;
    for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < at + 24; k++) {
        if (all[k].b >= from && all[k].b < at) return 0; /* another drug's clause */
        /* "he was restarted on Kadian": another drug is what was restarted */
        if (all[k].b > at && all[k].entry != m->entry) return 0;
    }
    return 1;
}

static void read_cues(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                      uint32_t sb, uint32_t se, uint32_t hi, mention_t *m, const mention_t *all,
                      size_t n);

void med_negation(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text, uint32_t sb,
                  uint32_t se, uint32_t hi, mention_t *m, const mention_t *all, size_t n)
{
    read_cues(re, t, text, sb, se, hi, m, all, n);
    if (m->discontinued && restarted_later(text, se, hi, m, all, n)) m->discontinued = 0;
}

static void read_cues(const med_context_re_t *re, imrx_re_scratch_t *t, const char *text,
                      uint32_t sb, uint32_t se, uint32_t hi, mention_t *m, const mention_t *all,
                      size_t n)
{
    /* The last cue before the mention, if the clause goes on to it. */
    uint32_t pos = sb, cue_e = 0;
    int kind = 0;
    while (pos < m->b && imrx_re_find_starts(&re->negation_before, &med_negation_before_starts, t,
                                             text, pos, m->b) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(t);
        /* a list entry's own note, "Norco (discontinued), Soma (current)", is the entry's, not
         * a cue for the entries after it */
        int note = in_parentheses(text, sb, (uint32_t)ov[0], (uint32_t)ov[1], m->b) ||
                   entry_note(text, sb, (uint32_t)ov[0], (uint32_t)ov[1], m->b);
        if (!note) cue_e = (uint32_t)ov[1], kind = imrx_re_has(t, 1) ? 1 : 2;
        pos = ov[1] > pos ? (uint32_t)ov[1] : pos + 1;
    }
    /* A labelled list split at semicolons ("Discontinued: Paxil 20 mg (...); trazodone 50 mg")
     * puts its later entries in sentences of their own: the label stands before them. */
    if (!kind) {
        uint32_t lb = sb;
        while (lb > 0 && (text[lb - 1] == ' ' || text[lb - 1] == '\n')) lb--;
        if (lb > 0 && text[lb - 1] == ';') {
            while (lb > 0 && sb - lb < 300 && text[lb - 1] != '\n' &&
                   !(text[lb - 1] == ' ' && lb > 1 && text[lb - 2] == '.'))
                lb--;
            for (pos = lb;
                 pos < sb && imrx_re_find_starts(&re->negation_before, &med_negation_before_starts,
                                                 t, text, pos, sb) == 1;) {
                PCRE2_SIZE *ov = imrx_re_ov(t);
                if (labelled_list(text, (uint32_t)ov[1], m->b)) {
                    cue_e = (uint32_t)ov[1], kind = imrx_re_has(t, 1) ? 1 : 2;
                    break;
                }
                pos = ov[1] > pos ? (uint32_t)ov[1] : pos + 1;
            }
        }
    }
    /* "She did not tolerate tramadol, and naproxen alone is unlikely to ...": a drug after
     * another that opens a clause of its own is not in the cue's list */
    int own_clause =
        kind && m != all && m[-1].b >= cue_e && opens_clause(text, med_mention_end(m), se);
    if (kind && !own_clause &&
        ((m->b - cue_e < 160 && med_list_gap(text, cue_e, m->b, all, n)) ||
         (labelled_list(text, cue_e, m->b) && !switch_target(text, cue_e, m->b)))) {
        if (kind == 1 && not_since(text, cue_e, med_mention_end(m), se))
            m->discontinued = 1; /* "He has not taken Norco since 2015": he took it before */
        else if (kind == 1)
            m->negated = 1;
        else
            m->discontinued = 1;
        return;
    }
    uint32_t from = med_mention_end(m);
    /* A relative clause between commas after the drug ("Imitrex 50 mg, which he had been using
     * four days a week, was stopped") is an aside: the cue after it is still the drug's. */
    uint32_t aside = relative_clause_end(text, from, se);
    if (med_untried(re, t, text, sb, se, m, all, n)) {
        m->negated = 1;
        return;
    }
    if (from < se && imrx_re_find_starts(&re->negation_after, &med_negation_after_starts, t, text,
                                         from, se) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(t);
        uint32_t cb = (uint32_t)ov[0], ce = (uint32_t)ov[1];
        int disc = imrx_re_has(t, 1);
        /* another drug named inside the cue ("but Zoloft made her groggy, and she stopped it")
         * may be what it is about */
        int inside = 0;
        for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < ce && !inside; k++)
            inside = all[k].b >= cb;
        /* "X was suggested as an alternative to Y but was never started": a cue without a
         * subject of its own is about the clause's subject, the sentence's first drug */
        int elided = elided_subject(text, cb, se);
        /* the first of its clause: a semicolon opens one ("She takes Celebrex; meloxicam
         * caused stomach upset and was stopped") */
        uint32_t cs = sb;
        for (uint32_t i = m->b; i > sb && cs == sb; i--)
            if (text[i - 1] == ';') cs = i;
        int first = m == all || m[-1].b < cs; /* mentions are in text order */
        /* "(not taking)" closes its own list entry: a line break or a comma before it means
         * another entry's */
        int elsewhere = 0;
        if (cb > from && text[cb - 1] == '(')
            for (uint32_t i = from; i < cb && !elsewhere; i++)
                elsewhere = text[i] == '\n' || text[i] == ',' || text[i] == ';';
        /* "Keflex and Percocet, the latter of which she stopped": the cue is a later drug's */
        int latter = (size_t)(m - all) + 1 < n && m[1].b < cb &&
                     (latter_before(text, from, cb) || relative_of_later(text, cb, ce, m, all, n));
        uint32_t gap = aside && aside <= cb ? aside : from;
        /* "Tramadol had been recommended by the surgeon, but she never started it": the drug's
         * own passive verb opens no other clause */
        uint32_t own = offered_end(text, from, cb);
        if (own > gap) gap = own;
        /* "Synvisc injections in 2014, and an unloader brace, which he stopped wearing": a
         * relative clause after another thing (no drug) joined by "and" is about that thing */
        uint32_t rw = cb;
        while (rw < ce && (text[rw] == ',' || text[rw] == ' ' || text[rw] == '\n')) rw++;
        int relative_elsewhere =
            rw + 6 <= ce &&
            (strncasecmp(text + rw, "which ", 6) == 0 || strncasecmp(text + rw, "that ", 5) == 0) &&
            imrx_text_find(text, from, cb, " and ") < cb &&
            ((size_t)(m - all) + 1 == n || m[1].b >= cb);
        /* a guideline's condition names drugs as examples: "once at least two classes of
         * preventive medication, such as topiramate or propranolol, have failed or were not
         * tolerated" */
        int condition = imrx_text_find(text, sb, m->b, "once at least ") < m->b ||
                        imrx_text_find(text, sb, m->b, "unless ") < m->b;
        /* "Lyrica was discussed as an alternative to Neurontin, but he has not started it": a
         * "but" clause after the drug another would replace is about that other one */
        uint32_t bb = cb;
        while (bb < ce && (text[bb] == ',' || text[bb] == ' ' || text[bb] == '\n')) bb++;
        int replaced_object = m != all && m[-1].b >= sb &&
                              replaced_one(text, med_mention_end(&m[-1]), m->b) && bb + 4 <= ce &&
                              strncasecmp(text + bb, "but ", 4) == 0;
        if (!inside && !latter && !elsewhere && !relative_elsewhere && !condition &&
            !replaced_object && cb - from < 160 && !later_line_drug(text, from, cb, m, all, n) &&
            cb - gap < 100 && !broken(re, t, text, gap, cb) &&
            (elided ? first : !nearer_subject(text, from, cb, m, all, n)) &&
            !(disc && switched_to_itself(text, ce, m, all, n))) {
            if (disc)
                m->discontinued = 1;
            else
                m->negated = 1;
            return;
        }
    }
    if (med_past_trial(text, sb, se, m, all, n)) {
        m->discontinued = 1;
        return;
    }
    /* The sentence ended at a semicolon: the next clause may still stop the drug, when it
     * names no other drug before its cue. */
    /* ... and the clause's drugs after this one stand in a list with it ("an injection of
     * Toradol and a prescription for cyclobenzaprine; she never took it" is cyclobenzaprine's) */
    /* ... and a drug named as what another would replace ("Belbuca was proposed as an
     * alternative to the Norco; he declined it") is no subject of the next clause, the other
     * one is */
    int listed = se < hi && text[se] == ';' && se - from < 100;
    for (size_t k = (size_t)(m - all) + 1; listed && k < n && all[k].b < se; k++)
        listed = med_list_gap(text, med_mention_end(&all[k - 1]), all[k].b, all, n) ||
                 replaced_one(text, med_mention_end(&all[k - 1]), all[k].b);
    if (listed && m != all && m[-1].b >= sb && replaced_one(text, med_mention_end(&m[-1]), m->b))
        listed = 0;
    if (listed && !broken(re, t, text, from, se) &&
        imrx_re_at(&re->stopped_next_clause, t, text, se, se + 140 < hi ? se + 140 : hi) == 1) {
        uint32_t ce = (uint32_t)imrx_re_ov(t)[1];
        /* another drug named there is that clause's subject; the same one named again
         * ("non-certification of OxyContin; OxyContin was never started") is this one */
        int other = 0;
        for (size_t k = (size_t)(m - all) + 1; k < n && all[k].b < ce && !other; k++)
            other = all[k].b > se && !(all[k].e - all[k].b == m->e - m->b &&
                                       strncasecmp(text + all[k].b, text + m->b, m->e - m->b) == 0);
        if (!other && imrx_re_has(t, 1))
            m->negated = 1; /* "; the PTP has not prescribed it" */
        else if (!other)
            m->discontinued = 1;
    }
    if (!m->negated && !m->discontinued &&
        med_stopped_in_next_sentence(text, sb, se, hi, m, all, n))
        m->discontinued = 1;
}
