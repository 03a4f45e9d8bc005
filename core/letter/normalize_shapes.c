/* Pass 2 of normalisation, lines that some PDFs' type leaves in odd shapes: headings in spaced
 * capitals or drawn twice to fake bold type, and justified prose (docs/normalisation.md, items 8
 * and 9). */
#include "letter/normalize.h"

#include <string.h>

/* A character of a heading: a capital, or '&', ',', '(', ')', '-', '/', ':'. */
static int heading_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c && strchr("&,()-/:", c));
}

/* Spaced capitals ("H O W  T H E  I M R ..."): single heading characters one blank apart, words
 * two or more apart; at least four letters. */
static int letter_spaced(const char *in, uint32_t b, uint32_t e)
{
    uint32_t letters = 0;
    for (uint32_t p = b; p < e; p++) {
        if (in[p] == ' ') continue;
        if (!heading_char(in[p]) || (p + 1 < e && in[p + 1] != ' ')) return 0;
        letters += in[p] >= 'A' && in[p] <= 'Z';
    }
    return letters >= 4;
}

/* Fake bold ("HHOOWW  TTHHEE ..."): every word an even run of doubled heading characters; at
 * least eight letters. */
static int fake_bold(const char *in, uint32_t b, uint32_t e)
{
    uint32_t letters = 0;
    for (uint32_t p = b; p < e;) {
        if (in[p] == ' ') {
            p++;
            continue;
        }
        uint32_t q = p;
        while (q < e && in[q] != ' ') q++;
        if ((q - p) % 2) return 0;
        for (uint32_t k = p; k < q; k += 2) {
            if (in[k + 1] != in[k] || !heading_char(in[k])) return 0;
            letters += in[k] >= 'A' && in[k] <= 'Z';
        }
        p = q;
    }
    return letters >= 16; /* eight letters, each twice */
}

/* Justified prose: every gap between words two blanks or more, at least six gaps. Side-by-side
 * header lines, whose labels keep single blanks, are not. */
static int justified(const char *in, uint32_t b, uint32_t e)
{
    uint32_t gaps = 0;
    for (uint32_t p = b; p < e; p++) {
        if (in[p] != ' ') continue;
        uint32_t q = p;
        while (q < e && in[q] == ' ') q++;
        if (q - p < 2) return 0;
        gaps++;
        p = q - 1;
    }
    return gaps >= 6;
}

/* Writes in[b..w) with each run of blanks as one blank mapped to the run (a single blank dropped
 * when `drop_single`: the one between the letters of a spaced word) and every `step`-th
 * character of a word kept, mapped to its `step` bytes (2 undoes fake bold). */
static void write_folded(const char *in, uint32_t b, uint32_t w, uint32_t step, int drop_single,
                         imrx_buf_t *out, imrx_offset_map_t *map)
{
    for (uint32_t p = b; p < w;) {
        uint32_t q = p;
        if (in[p] == ' ') {
            while (q < w && in[q] == ' ') q++;
            if (!(drop_single && q - p == 1)) {
                imrx_buf_putc(out, ' ');
                imrx_map_add(map, 1, p, q - p);
            }
        } else if (step == 1) {
            while (q < w && in[q] != ' ') q++;
            imrx_buf_append(out, in + p, q - p);
            imrx_map_add(map, q - p, p, q - p);
        } else {
            imrx_buf_putc(out, in[p]);
            imrx_map_add(map, 1, p, step);
            q = p + step;
        }
        p = q;
    }
}

int imrx_normalize_line_shape(const char *in, uint32_t b, uint32_t e, uint32_t w, int alone,
                              imrx_buf_t *out, imrx_offset_map_t *map)
{
    if (alone && letter_spaced(in, b, e))
        write_folded(in, b, w, 1, 1, out, map);
    else if (alone && fake_bold(in, b, e))
        write_folded(in, b, w, 2, 0, out, map);
    else if (justified(in, b, e))
        write_folded(in, b, w, 1, 0, out, map);
    else
        return 0;
    return 1;
}
