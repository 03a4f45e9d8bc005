#include "letter/offset_map.h"

#include <stdlib.h>
#include <string.h>

void imrx_map_init(imrx_offset_map_t *m)
{
    memset(m, 0, sizeof *m);
}

void imrx_map_free(imrx_offset_map_t *m)
{
    free(m->bucket);
    free(m->segs);
    memset(m, 0, sizeof *m);
}

void imrx_map_clear(imrx_offset_map_t *m, uint32_t in_total)
{
    m->count = 0;
    m->out_total = 0;
    m->in_total = in_total;
    m->failed = 0;
    m->indexed = 0;
}

void imrx_map_add(imrx_offset_map_t *m, uint32_t out_len, uint32_t in, uint32_t in_len)
{
    m->indexed = 0;
    if (out_len == 0) return; /* a deletion needs no segment */
    if (m->count) {
        imrx_map_seg_t *last = &m->segs[m->count - 1];
        /* Extend a copy segment by a contiguous copy: the common case, one segment per run. */
        if (last->out_len == last->in_len && out_len == in_len && last->in + last->in_len == in &&
            last->out + last->out_len == m->out_total) {
            last->out_len += out_len;
            last->in_len += in_len;
            m->out_total += out_len;
            return;
        }
    }
    if (m->count == m->cap) {
        uint32_t cap = m->cap ? m->cap * 2 : 64;
        imrx_map_seg_t *p = realloc(m->segs, cap * sizeof *p);
        if (!p) {
            m->failed = 1;
            m->out_total += out_len;
            return;
        }
        m->segs = p;
        m->cap = cap;
    }
    m->segs[m->count++] = (imrx_map_seg_t){m->out_total, in, out_len, in_len};
    m->out_total += out_len;
}

void imrx_map_unput(imrx_offset_map_t *m, uint32_t n)
{
    m->indexed = 0;
    while (n && m->count) {
        imrx_map_seg_t *last = &m->segs[m->count - 1];
        uint32_t k = n < last->out_len ? n : last->out_len;
        last->out_len -= k;
        if (last->in_len >= k) last->in_len -= k;
        m->out_total -= k;
        n -= k;
        if (last->out_len == 0) m->count--;
    }
}

#define BUCKET_SHIFT 6

void imrx_map_index(imrx_offset_map_t *m)
{
    m->indexed = 0;
    if (m->failed || !m->count) return;
    uint32_t n = ((m->out_total - 1) >> BUCKET_SHIFT) + 1;
    if (n > m->bucket_cap) {
        uint32_t *p = realloc(m->bucket, n * sizeof *p);
        if (!p) return;
        m->bucket = p;
        m->bucket_cap = n;
    }
    /* Segments tile the output from 0 in order (imrx_map_add). */
    uint32_t seg = 0;
    for (uint32_t b = 0; b < n; b++) {
        uint32_t at = b << BUCKET_SHIFT;
        while (at >= m->segs[seg].out + m->segs[seg].out_len) seg++;
        m->bucket[b] = seg;
    }
    m->indexed = 1;
}

/* Index of the segment holding output byte `out`, or count when out is past the end. */
static uint32_t find(const imrx_offset_map_t *m, uint32_t out)
{
    if (m->indexed) {
        if (out >= m->out_total) return m->count;
        uint32_t i = m->bucket[out >> BUCKET_SHIFT];
        while (out >= m->segs[i].out + m->segs[i].out_len) i++;
        return i;
    }
    uint32_t lo = 0, hi = m->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const imrx_map_seg_t *s = &m->segs[mid];
        if (out < s->out)
            hi = mid;
        else if (out >= s->out + s->out_len)
            lo = mid + 1;
        else
            return mid;
    }
    return m->count;
}

uint32_t imrx_map_begin(const imrx_offset_map_t *m, uint32_t out)
{
    uint32_t i = find(m, out);
    if (i == m->count) return m->in_total;
    const imrx_map_seg_t *s = &m->segs[i];
    if (s->out_len == s->in_len) return s->in + (out - s->out);
    return s->in;
}

uint32_t imrx_map_end(const imrx_offset_map_t *m, uint32_t out)
{
    if (out == 0) return imrx_map_begin(m, 0);
    uint32_t i = find(m, out - 1);
    if (i == m->count) return m->in_total;
    const imrx_map_seg_t *s = &m->segs[i];
    if (s->out_len == s->in_len) return s->in + (out - s->out);
    return s->in + s->in_len;
}
