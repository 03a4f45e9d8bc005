/* Where letters come from: files, folders (recursively), lists of paths on standard input,
 * and (through archive.c) members of tar and zip archives. The iterator streams: it holds one
 * sorted listing per open folder level and one archive at a time, never the whole input. */
#ifndef IMRX_SOURCE_H
#define IMRX_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"
#include "util/diag.h"

typedef enum imrx_input_kind {
    IMRX_IN_FILE,  /* `path` to be read by a worker */
    IMRX_IN_BYTES, /* `bytes` already read (an archive member) */
    IMRX_IN_ERROR, /* could not be read at all: `error` says why */
} imrx_input_kind_t;

typedef struct imrx_input {
    imrx_input_kind_t kind;
    char *name;           /* the record's "source": a path, or "archive:member" */
    char *path;           /* IMRX_IN_FILE */
    unsigned char *bytes; /* IMRX_IN_BYTES (owned) */
    size_t len;           /* IMRX_IN_BYTES: the length of `bytes` */
    int is_pdf;           /* decode as PDF (by name or by magic bytes) */
    char *error;          /* IMRX_IN_ERROR */
    const char *error_stage;
    int64_t error_offset; /* byte offset of the problem, or -1 */
} imrx_input_t;

typedef struct imrx_source_options {
    size_t max_size;           /* bigger letters are refused unread */
    int include_all;           /* folders: every regular file, not only *.txt / *.pdf / archives */
    uint32_t shard_k, shard_n; /* keep inputs whose name hashes to k-1 modulo n (n 0: all) */
} imrx_source_options_t;

typedef struct imrx_sources imrx_sources_t;

/* `args`: paths of files, folders and archives, or "-" for a list of paths on standard input. */
imrx_sources_t *imrx_sources_open(const char *const *args, int count,
                                  const imrx_source_options_t *opt, imrx_diag_t *diag);
/* 1 and an input (free it with imrx_input_clear), or 0 at the end. */
int imrx_sources_next(imrx_sources_t *s, imrx_input_t *in);
void imrx_sources_close(imrx_sources_t *s);
void imrx_input_clear(imrx_input_t *in);

/* How many records a run over `args` will produce, found by walking the same files and folders
 * without reading any letter; -1 when that needs a second pass over data (archives, a list on
 * standard input) or `*stop` became true. For the progress line's ETA. */
int64_t imrx_sources_count(const char *const *args, int count, const imrx_source_options_t *opt,
                           const volatile int *stop);

/* Is this a name imrx reads from a folder? (.txt, .pdf, or an archive) */
int imrx_source_wanted_name(const char *name);
/* Stable 64-bit hash of a source name (FNV-1a), for sharding and resume. */
uint64_t imrx_source_hash(const char *name);
/* The key of a source for --resume: the hash of its name with every byte that is no valid UTF-8
 * taken as Latin-1, as the record writers write it (JSON "\u00e9", SQLite "é"), so that a name
 * read back from either output matches the name of the file. */
uint64_t imrx_source_resume_key(const char *name);

#endif
