/* Layouts B and C have no fixed wording for a partial authorisation: writers name what was
 * requested, what was certified and "the remaining portion" each their own way. The item is the
 * remaining portion; what came before it, when it reads, is the original request and what was
 * certified. */
#include "decisions.h"

int imrx_items_read_portion(scan_t *sc, item_t *it, uint32_t floor, uint32_t end)
{
    const char *text = sc->l->text;
    uint32_t pb = 0, pe = 0;
    for (uint32_t p = floor;
         p < end && imrx_re_find(&sc->s->re[RE_PORTION], sc->t, text, p, end) == 1;) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        pb = (uint32_t)ov[0], pe = (uint32_t)ov[1];
        p = pe > p ? pe : p + 1;
    }
    if (pe == 0 || pe >= end) return 0;
    range_t portion = {pe, end};
    imrx_trim_range(text, &portion, ",");
    if (portion.e <= portion.b) return 0;
    range_t original = {0, 0}, authorized = {0, 0};
    if (imrx_re_find(&sc->s->re[RE_REQUESTED], sc->t, text, floor, pb) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        original = (range_t){floor, (uint32_t)ov[0]};
        uint32_t after = (uint32_t)ov[1];
        imrx_trim_range(text, &original, ",");
        if (imrx_re_find(&sc->s->re[RE_CERTIFIED], sc->t, text, after, pb) == 1) {
            int g = imrx_re_has(sc->t, 1) ? 1 : 2;
            PCRE2_SIZE *cv = imrx_re_ov(sc->t);
            authorized = (range_t){(uint32_t)cv[2 * g], (uint32_t)cv[2 * g + 1]};
            imrx_trim_range(text, &authorized, ",;");
        }
    }
    it->partial = 1;
    it->original = original;
    it->authorized = authorized;
    it->text = portion;
    return 1;
}
