/* A drug stopped in the sentence after its own, named there by a pronoun ("... started Celexa
 * 20 mg daily. Because of sexual side effects it was stopped", "both opioids were tapered off"):
 * a cue negation.c reads when its sentence holds none. */
#include <string.h>
#include <strings.h>

#include "meds.h"
#include "text.h"

/* At text[p]: an auxiliary, perhaps an adverb, and a verb of stopping ("were later
 * discontinued", "was tapered")? */
static int stop_verb_at(const char *text, uint32_t p, uint32_t end)
{
    static const char *const aux[] = {"was ",      "were ",     "have been ",
                                      "has been ", "had been ", NULL};
    static const char *const adverbs[] = {"then ",   "later ",        "eventually ", "gradually ",
                                          "slowly ", "subsequently ", NULL};
    static const char *const stops[] = {"tapered", "weaned", "stopped", "discontinued", NULL};
    for (int a = 0; aux[a]; a++) {
        size_t k = strlen(aux[a]);
        if (p + k > end || strncasecmp(text + p, aux[a], k) != 0) continue;
        uint32_t q = p + (uint32_t)k;
        for (int d = 0; adverbs[d]; d++)
            if (q + strlen(adverbs[d]) <= end &&
                strncasecmp(text + q, adverbs[d], strlen(adverbs[d])) == 0)
                q += (uint32_t)strlen(adverbs[d]);
        for (int x = 0; stops[x]; x++)
            if (q + strlen(stops[x]) <= end &&
                strncasecmp(text + q, stops[x], strlen(stops[x])) == 0)
                return 1;
        return 0;
    }
    return 0;
}

/* Does the sentence after the mention's, before naming any drug, say that the drug was stopped,
 * naming it by a pronoun? "both" when the mention's sentence names two drugs ("... maintained on
 * Opana ER and Dilaudid. In 2016 he fell and fractured two ribs; both opioids were tapered off
 * over eight weeks"), "it" when it names this one alone ("... started Celexa 20 mg daily. Because
 * of sexual side effects it was stopped in March 2014", "Her first antidepressant was Paxil 20 mg
 * daily. She quit it on her own early in 2013"). */
int med_stopped_in_next_sentence(const char *text, uint32_t sb, uint32_t se, uint32_t hi,
                                 const mention_t *m, const mention_t *all, size_t n)
{
    int drugs = 0, other = -1;
    for (size_t k = 0; k < n; k++) {
        if (all[k].b < sb || all[k].b >= se) continue;
        if (all[k].entry == m->entry) continue;
        if (other != all[k].entry) drugs++, other = all[k].entry;
    }
    if (drugs > 1) return 0;
    uint32_t end = se + 300 < hi ? se + 300 : hi;
    for (uint32_t i = se + 1; i + 1 < end; i++) /* the next sentence's end */
        if (text[i] == '.' && (text[i + 1] == ' ' || text[i + 1] == '\n')) {
            end = i;
            break;
        }
    for (size_t k = 0; k < n; k++)
        if (all[k].b > se && all[k].b < end) end = all[k].b; /* no drug before the cue */
    if (drugs == 1) {
        uint32_t at = imrx_text_find(text, se, end, "both ");
        if (at >= end || (at > 0 && imrx_text_letter((unsigned char)text[at - 1]))) return 0;
        /* "both", up to two words ("opioids", "of them"), then the verb */
        uint32_t p = at + 5;
        for (int words = 0; words <= 2; words++) {
            if (stop_verb_at(text, p, end)) return 1;
            while (p < end && imrx_text_letter((unsigned char)text[p])) p++; /* a word */
            if (p >= end || text[p] != ' ') return 0;
            p++;
        }
        return 0;
    }
    /* "it was stopped", "quit it", "came off it", within the next sentence's first words (one
     * pass over the "it"s: this runs for most mentions) */
    if (end > se + 160) end = se + 160;
    static const char *const before_it[] = {"quit ",           "stopped ",    "discontinued ",
                                            "stopped taking ", "came off ",   "went off ",
                                            "tapered off ",    "weaned off ", NULL};
    for (uint32_t at = se; at + 2 < end; at++) {
        if ((text[at] != 'i' && text[at] != 'I') || text[at + 1] != 't' ||
            (text[at + 2] != ' ' && text[at + 2] != '.' && text[at + 2] != ',') ||
            (at > 0 && imrx_text_letter((unsigned char)text[at - 1])))
            continue;
        if (text[at + 2] == ' ' && stop_verb_at(text, at + 3, end)) return 1;
        for (int i = 0; before_it[i]; i++) {
            uint32_t k = (uint32_t)strlen(before_it[i]);
            if (at >= se + k && strncasecmp(text + at - k, before_it[i], k) == 0 &&
                (at - k == 0 || !imrx_text_letter((unsigned char)text[at - k - 1])))
                return 1;
        }
    }
    return 0;
}
