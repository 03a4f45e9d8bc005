/* Facts about output paths. */
#ifndef IMRX_PATH_H
#define IMRX_PATH_H

/* Nonzero when `path` exists and is not a regular file once symlinks are followed: a device
 * such as /dev/null, a FIFO, a terminal, /dev/stdout. Outputs go to such a path directly, never
 * through "NAME.partial" and a rename, which would replace it with a regular file (run as root,
 * /dev/null itself). */
int imrx_path_is_special(const char *path);

#endif
