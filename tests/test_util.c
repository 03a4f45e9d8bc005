/* The core's small utilities, on their edge values: the buffer's number and string writers, the
 * JSON escaper, size texts, the hash set. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "util/buf.h"
#include "util/hashset.h"
#include "util/json.h"
#include "util/size.h"

Test(util, numbers_at_their_limits)
{
    imrx_buf_t b;
    imrx_buf_init(&b);
    imrx_buf_put_u64(&b, 0);
    imrx_buf_putc(&b, ' ');
    imrx_buf_put_u64(&b, UINT32_MAX);
    imrx_buf_putc(&b, ' ');
    imrx_buf_put_u64(&b, (uint64_t)UINT32_MAX + 1);
    imrx_buf_putc(&b, ' ');
    imrx_buf_put_u64(&b, UINT64_MAX);
    imrx_buf_putc(&b, ' ');
    imrx_buf_put_i64(&b, INT64_MIN);
    imrx_buf_putc(&b, ' ');
    imrx_buf_put_i64(&b, -7);
    cr_assert_str_eq(b.data, "0 4294967295 4294967296 18446744073709551615 "
                             "-9223372036854775808 -7");
    imrx_buf_free(&b);
}

Test(util, numbers_agree_with_printf)
{
    /* the writer's digit pairs: every count of digits, and each side of every power of ten */
    imrx_buf_t b;
    imrx_buf_init(&b);
    char expect[32];
    for (uint64_t p = 1; p <= 10000000000000000000u; p *= 10) {
        const uint64_t values[] = {p - 1, p, p + 1, p * 3 + 7};
        for (int i = 0; i < 4; i++) {
            imrx_buf_clear(&b);
            imrx_buf_put_u64(&b, values[i]);
            snprintf(expect, sizeof expect, "%llu", (unsigned long long)values[i]);
            cr_assert_str_eq(b.data, expect);
        }
        if (p == 10000000000000000000u) break;
    }
    for (uint64_t v = 0; v < 100000; v += 7) {
        imrx_buf_clear(&b);
        imrx_buf_put_u64(&b, v);
        snprintf(expect, sizeof expect, "%llu", (unsigned long long)v);
        cr_assert_str_eq(b.data, expect);
    }
    imrx_buf_free(&b);
}

Test(util, short_copies_write_exactly_their_bytes)
{
    /* every length the writer's inline copy treats apart (0, 1-3, 4-7, 8-16, more), at every
     * alignment: the bytes copied, and none before or after them touched */
    char src[64], dst[96];
    for (int i = 0; i < 64; i++) src[i] = (char)('A' + i % 50);
    for (size_t off = 0; off < 8; off++)
        for (size_t n = 0; n <= 40; n++) {
            memset(dst, '#', sizeof dst);
            imrx_copy_short(dst + 16 + off, src + off, n);
            cr_assert(memcmp(dst + 16 + off, src + off, n) == 0, "n %zu off %zu", n, off);
            for (size_t k = 0; k < sizeof dst; k++)
                if (k < 16 + off || k >= 16 + off + n)
                    cr_assert_eq(dst[k], '#', "byte %zu touched (n %zu off %zu)", k, n, off);
        }
}

Test(util, buffers_grow_across_the_inline_fast_path)
{
    imrx_buf_t b;
    imrx_buf_init(&b);
    char expect[5000];
    for (int i = 0; i < 4999; i++) {
        expect[i] = (char)('a' + i % 26);
        if (i % 3)
            imrx_buf_putc(&b, expect[i]);
        else
            imrx_buf_append(&b, &expect[i], 1);
    }
    expect[4999] = '\0';
    cr_assert_eq(b.len, 4999);
    cr_assert_str_eq(b.data, expect, "content kept across reallocations, NUL-terminated");
    imrx_buf_free(&b);
}

Test(util, json_strings_escape_what_they_must)
{
    imrx_buf_t b;
    imrx_buf_init(&b);
    const char in[] = "a\"b\\c\nd\te\rf\x01g\x1fh\x7f caf\xc3\xa9";
    imrx_json_string(&b, in, sizeof in - 1);
    cr_assert_str_eq(b.data, "\"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u001fh\x7f caf\xc3\xa9\"");
    imrx_buf_clear(&b);
    imrx_json_cstring(&b, NULL);
    cr_assert_str_eq(b.data, "null");
    imrx_buf_clear(&b);
    imrx_json_string(&b, "", 0);
    cr_assert_str_eq(b.data, "\"\"");
    /* bytes that are no UTF-8 (Latin-1, a character cut short, a surrogate, an overlong form)
     * come out as the Latin-1 character of each byte: still valid JSON */
    imrx_buf_clear(&b);
    const char bad[] = "caf\xe9 \xe2\x82 \xed\xa0\x80 \xc0\xaf ok\xe2\x82\xac";
    imrx_json_string(&b, bad, sizeof bad - 1);
    cr_assert_str_eq(b.data, "\"caf\\u00e9 \\u00e2\\u0082 \\u00ed\\u00a0\\u0080 \\u00c0\\u00af "
                             "ok\xe2\x82\xac\"");
    imrx_buf_free(&b);
}

Test(util, json_strings_read_eight_bytes_at_a_time_as_one_by_one)
{
    /* every byte at every place of a 24-byte string (read eight bytes at a time) is escaped as
     * it is alone (read one by one): "abc...<byte>...xyz" is "abc..." + <byte alone> + "...xyz" */
    imrx_buf_t whole, alone;
    imrx_buf_init(&whole);
    imrx_buf_init(&alone);
    char in[24], expect[64];
    for (int c = 1; c < 256; c++) {
        char one = (char)c;
        imrx_buf_clear(&alone);
        imrx_json_string(&alone, &one, 1);
        for (int at = 0; at < 24; at++) {
            for (int i = 0; i < 24; i++) in[i] = (char)('a' + i);
            in[at] = (char)c;
            imrx_buf_clear(&whole);
            imrx_json_string(&whole, in, sizeof in);
            snprintf(expect, sizeof expect, "\"%.*s%.*s%.*s\"", at, in, (int)alone.len - 2,
                     alone.data + 1, 23 - at, in + at + 1);
            cr_assert_str_eq(whole.data, expect, "byte %d at %d", c, at);
        }
    }
    imrx_buf_free(&whole);
    imrx_buf_free(&alone);
}

Test(util, sizes_as_people_read_them)
{
    char s[32];
    cr_assert_str_eq(imrx_size_text(0, s, sizeof s), "0 bytes");
    cr_assert_str_eq(imrx_size_text(1023, s, sizeof s), "1023 bytes");
    cr_assert_str_eq(imrx_size_text(1024, s, sizeof s), "1.0 KiB");
    cr_assert_str_eq(imrx_size_text(8u << 20, s, sizeof s), "8.0 MiB");
    cr_assert_str_eq(imrx_size_text((uint64_t)3 << 30, s, sizeof s), "3.0 GiB");
}

Test(util, hash_set_holds_every_value_including_zero)
{
    imrx_hashset_t h;
    imrx_hashset_init(&h);
    for (uint64_t i = 0; i < 100000; i++)
        cr_assert_eq(imrx_hashset_add(&h, i * 0x9e3779b97f4a7c15ull), 0);
    for (uint64_t i = 0; i < 100000; i++)
        cr_assert(imrx_hashset_has(&h, i * 0x9e3779b97f4a7c15ull), "%llu", (unsigned long long)i);
    cr_assert(!imrx_hashset_has(&h, 12345), "a value never added");
    cr_assert(imrx_hashset_has(&h, 0), "0 is a value like any other");
    imrx_hashset_free(&h);
}
