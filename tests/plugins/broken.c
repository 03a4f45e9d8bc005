/* Deliberately broken plugins, one per refusal the loader must make. Which breakage is built is
 * chosen with -DBROKEN_<KIND>; tests/CMakeLists.txt builds each into a folder of its own. */
#include <stddef.h>

#include "imrx/plugin.h"

static const char *const fields[] = {"case_number", NULL};

static imrx_status_t extract(void *state, void *thread_state, const imrx_letter_t *letter,
                             imrx_ctx_t *ctx)
{
    (void)state, (void)thread_state, (void)letter, (void)ctx;
    return IMRX_OK;
}

#if defined(BROKEN_FAILING_INIT)
static imrx_status_t init(const imrx_init_args_t *args, void **state)
{
    (void)state;
    args->api->log(args->ctx, IMRX_LOG_ERROR, "the lexicon file is missing");
    return IMRX_ERR;
}
#endif

#ifndef PLUGIN_NAME
#define PLUGIN_NAME "broken"
#endif

#if defined(BROKEN_CYCLE_A)
static const char *const after[] = {"cycle_b", NULL};
#elif defined(BROKEN_CYCLE_B)
static const char *const after[] = {"cycle_a", NULL};
#else
static const char *const *const after = NULL;
#endif
#if defined(BROKEN_MISSING_DEP)
static const char *const requires[] = {"no_such_plugin", NULL};
#else
static const char *const *const requires = NULL;
#endif

static const imrx_plugin_t descriptor = {
#if defined(BROKEN_ABI)
    .abi_major = IMRX_ABI_MAJOR + 1,
    .abi_minor = 0,
    .struct_size = sizeof(imrx_plugin_t),
#elif defined(BROKEN_SMALL)
    .abi_major = IMRX_ABI_MAJOR,
    .abi_minor = 0,
    .struct_size = 24,
#else
    IMRX_PLUGIN_HEADER,
#endif
    .name = PLUGIN_NAME,
    .version = "0.0.1",
    .summary = "a test fixture",
    .fields = fields,
    .after = after,
    .requires = requires,
#if defined(BROKEN_FAILING_INIT)
    .init = init,
#endif
    .extract = extract,
};

#if !defined(BROKEN_NO_ENTRY)
IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
#else
IMRX_PLUGIN_EXPORT const imrx_plugin_t *some_other_symbol(void)
{
    return &descriptor;
}
#endif
