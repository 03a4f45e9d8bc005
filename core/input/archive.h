/* Letters inside tar, tar.gz, tar.bz2, tar.xz and zip archives, read in one streaming pass
 * through libarchive (no unpacking to disk). */
#ifndef IMRX_ARCHIVE_H
#define IMRX_ARCHIVE_H

#include <stddef.h>

#include "input/source.h"

typedef struct imrx_archive imrx_archive_t;

/* Is this the name of an archive imrx opens? */
int imrx_archive_name(const char *path);
imrx_archive_t *imrx_archive_open(const char *path, size_t max_size, int include_all);
/* 1 and the next member (IMRX_IN_BYTES, or IMRX_IN_ERROR for a member or archive that cannot be
 * read), 0 at the end. After an error in the archive itself, the next call returns 0. */
int imrx_archive_next(imrx_archive_t *a, imrx_input_t *in);
void imrx_archive_close(imrx_archive_t *a);

#endif
