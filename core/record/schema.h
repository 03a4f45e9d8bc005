/* The record schema (docs/record.md): its version and the fields every record has. */
#ifndef IMRX_SCHEMA_H
#define IMRX_SCHEMA_H

#include "record/record.h"

#define IMRX_RECORD_VERSION 1

/* Builds the fields every record has, null or empty, in their documented order, so that the
 * output keeps one shape whatever the plugins find. */
imrx_status_t imrx_schema_skeleton(imrx_record_t *r);

#endif
