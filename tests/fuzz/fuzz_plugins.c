/* libFuzzer target: a plugin's extract (IMRX_FUZZ_PLUGINS names which: one, or all), through the
 * whole letter pipeline. Whatever the input, the record must be valid JSON. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pipeline/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static imrx_engine_t engine;
    static imrx_worker_t worker;
    static imrx_diag_t diag;
    static imrx_buf_t out;
    static int ready;
    if (!ready) {
        static const char *const dirs[] = {IMRX_PLUGIN_DIR};
        imrx_diag_init(&diag, NULL, NULL);
        diag.min_level = IMRX_LOG_ERROR;
        imrx_loader_options_t lo = {.dirs = dirs,
                                    .dir_count = 1,
                                    .skip_default = 1,
                                    .skip_env = 1,
                                    .only = IMRX_FUZZ_PLUGINS};
        if (imrx_engine_open(&engine, &lo, &diag) != IMRX_OK) abort();
        if (imrx_worker_init(&worker, &engine) != IMRX_OK) abort();
        imrx_buf_init(&out);
        ready = 1;
    }
    imrx_input_t in = {
        .kind = IMRX_IN_BYTES, .name = "fuzz.txt", .bytes = (unsigned char *)data, .len = size};
    imrx_worker_process(&worker, &in);
    imrx_buf_clear(&out);
    imrx_worker_write_json(&worker, 1, &out);
    json_t *j = json_loadb(out.data, out.len, 0, NULL);
    if (!j) __builtin_trap();
    json_decref(j);
    return 0;
}
