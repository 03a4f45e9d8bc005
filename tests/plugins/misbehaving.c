/* A plugin that misbehaves at run time, in the way chosen with -DMISBEHAVE_<KIND>: the host must
 * validate what it emits and carry on. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "imrx/plugin.h"

static const imrx_host_api_t *api;
static const char *const fields[] = {"case_number", "priority", "notes", NULL};

static imrx_status_t init(const imrx_init_args_t *args, void **state)
{
    api = args->api;
    *state = NULL;
    return IMRX_OK;
}

static imrx_status_t extract(void *state, void *thread_state, const imrx_letter_t *letter,
                             imrx_ctx_t *ctx)
{
    (void)state, (void)thread_state, (void)letter;
    imrx_node_t root = api->root(ctx);
    (void)root;
#if defined(MISBEHAVE_ERROR)
    api->error(ctx, imrx_span(0, 4), "could not make sense of this letter");
    return IMRX_ERR;
#elif defined(MISBEHAVE_SPAN)
    return api->set_string(ctx, root, "case_number", "X", 1,
                           imrx_span(letter->length, letter->length + 50));
#elif defined(MISBEHAVE_FIELD)
    return api->set_string(ctx, root, "items", "X", 1, imrx_span(0, 1));
#elif defined(MISBEHAVE_UTF8)
    return api->set_string(ctx, root, "case_number", "\xff\xfe", 2, imrx_span(0, 1));
#elif defined(MISBEHAVE_FLOOD)
    imrx_node_t notes = api->array(ctx, root, "notes");
    for (int i = 0; i < 1000000; i++) {
        imrx_status_t st = api->set_string(ctx, notes, NULL, "spam", 4, imrx_span(0, 1));
        if (st == IMRX_ELIMIT) return IMRX_OK; /* a polite plugin stops at the budget */
    }
    return IMRX_OK;
#elif defined(MISBEHAVE_CRASH)
    /* Crashes on letters that say so, as a buggy plugin would on some input. */
    if (strstr(letter->text, "CRASH-ME")) raise(SIGSEGV);
    return IMRX_OK;
#elif defined(MISBEHAVE_HANG)
    if (strstr(letter->text, "HANG-ME"))
        for (volatile int forever = 1; forever;) sleep(1);
    return IMRX_OK;
#else
    return api->set_string(ctx, root, "priority", "Standard", 8, imrx_span(0, 0));
#endif
}

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER, .name = "misbehaving", .version = "0.0.1", .summary = "a test fixture",
    .fields = fields,   .init = init,          .extract = extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
