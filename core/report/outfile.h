/* Output files written atomically: into "NAME.partial", renamed to NAME when the run is
 * complete, so that an interrupted run never leaves a half-written file under the final name.
 * An interrupted JSON Lines run can be resumed from its .partial file. */
#ifndef IMRX_OUTFILE_H
#define IMRX_OUTFILE_H

#include <stdio.h>

#include "imrx/plugin.h"
#include "util/hashset.h"

typedef struct imrx_outfile {
    char *final_path; /* NULL: standard output */
    char *partial_path;
    FILE *fp;
    int failed;
    int direct;   /* a device or FIFO: written in place, no .partial */
    char *buffer; /* fp's buffer: large, so that records go out in few writes */
} imrx_outfile_t;

/* Opens `path` ("-" or NULL for standard output) for writing. With `resume`, reopens an existing
 * .partial file, drops its incomplete last line, and adds the source of every complete record
 * to `done` (JSON Lines only). A path that is a device or FIFO (/dev/null) is written directly;
 * resuming into one is IMRX_EINVAL. */
imrx_status_t imrx_outfile_open(imrx_outfile_t *o, const char *path, int resume,
                                imrx_hashset_t *done, unsigned long *done_count);
/* Flushes, syncs and renames into place. IMRX_EIO (reported) if anything failed. */
imrx_status_t imrx_outfile_commit(imrx_outfile_t *o);
/* Closes without renaming (the .partial stays for --resume). */
void imrx_outfile_abandon(imrx_outfile_t *o);
/* Closes and removes the .partial: a write that failed and cannot be resumed. */
void imrx_outfile_discard(imrx_outfile_t *o);

/* The "source" of a JSON Lines record, unescaped into buf; 0 if the line has none. */
int imrx_record_line_source(const char *line, size_t len, char *buf, size_t buflen);

#endif
