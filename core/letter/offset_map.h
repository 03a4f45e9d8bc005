/* Maps offsets of a transformed text back to offsets of the text it was made from.
 *
 * The map is a list of segments in output order. A copy segment (out_len == in_len) maps byte
 * for byte; a replacement segment maps its whole output range onto its whole input range (an NFC
 * cluster, a folded quote). Input bytes that produced no output (removed spaces, form feeds) have
 * no segment. Most letters are one long copy segment with a few dozen edits. */
#ifndef IMRX_OFFSET_MAP_H
#define IMRX_OFFSET_MAP_H

#include <stdint.h>

#include "imrx/plugin.h"

typedef struct imrx_map_seg {
    uint32_t out, in;         /* where the segment starts in the output and the input */
    uint32_t out_len, in_len; /* equal lengths: a copy */
} imrx_map_seg_t;

typedef struct imrx_offset_map {
    imrx_map_seg_t *segs;
    uint32_t count, cap;
    uint32_t out_total; /* output bytes mapped so far */
    uint32_t in_total;  /* length of the input */
    int failed;         /* out of memory while building */
    /* After imrx_map_index: for every 64 output bytes, the segment holding the first of them,
     * so that a look-up scans a segment or two instead of searching all of them. */
    uint32_t *bucket;
    uint32_t bucket_cap;
    int indexed;
} imrx_offset_map_t;

void imrx_map_init(imrx_offset_map_t *m);
void imrx_map_free(imrx_offset_map_t *m);
void imrx_map_clear(imrx_offset_map_t *m, uint32_t in_total);
/* Appends output [out_total, out_total+out_len) made from input [in, in+in_len). */
void imrx_map_add(imrx_offset_map_t *m, uint32_t out_len, uint32_t in, uint32_t in_len);
/* Removes the last n output bytes (which must lie in copy segments). */
void imrx_map_unput(imrx_offset_map_t *m, uint32_t n);
/* Builds the look-up index once the map is complete (look-ups work without it, slower). */
void imrx_map_index(imrx_offset_map_t *m);
/* Input offset of output offset `out` as the start of a span, and as the (exclusive) end. */
uint32_t imrx_map_begin(const imrx_offset_map_t *m, uint32_t out);
uint32_t imrx_map_end(const imrx_offset_map_t *m, uint32_t out);

#endif
