/* Writing JSON text: strings escaped once, here. (Reading JSON goes through jansson.) */
#ifndef IMRX_JSON_H
#define IMRX_JSON_H

#include <stddef.h>

#include "util/buf.h"

/* Appends s[0..n) as a quoted JSON string. A byte that is no valid UTF-8 (a file name in
 * Latin-1, a message cut inside a character) is written as \u00XX, its Latin-1 character. */
void imrx_json_string(imrx_buf_t *b, const char *s, size_t n);
/* The length of the valid UTF-8 sequence at s[0..n) whose first byte is >= 0x80, or 0. */
size_t imrx_utf8_sequence(const unsigned char *s, size_t n);
void imrx_json_cstring(imrx_buf_t *b, const char *s); /* NULL writes null */

#endif
