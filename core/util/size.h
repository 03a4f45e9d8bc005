/* Byte counts as people read them, in messages. */
#ifndef IMRX_SIZE_H
#define IMRX_SIZE_H

#include <stddef.h>
#include <stdint.h>

/* "812 bytes", "3.4 KiB", "8.0 MiB", "1.2 GiB"; returns out. */
const char *imrx_size_text(uint64_t bytes, char *out, size_t n);

#endif
