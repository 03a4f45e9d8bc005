/* Writing JSON text: strings escaped once, here. (Reading JSON goes through jansson.) */
#ifndef IMRX_JSON_H
#define IMRX_JSON_H

#include <stddef.h>

#include "util/buf.h"

/* Appends s[0..n) as a quoted JSON string. Invalid UTF-8 is not checked here: values that
 * reach a writer were validated when they entered the record. */
void imrx_json_string(imrx_buf_t *b, const char *s, size_t n);
void imrx_json_cstring(imrx_buf_t *b, const char *s); /* NULL writes null */

#endif
