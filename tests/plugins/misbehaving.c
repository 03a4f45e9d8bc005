/* A plugin that misbehaves at run time, in the way chosen with -DMISBEHAVE_<KIND>: the host must
 * validate what it emits and carry on. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "imrx/plugin.h"
#ifdef MISBEHAVE_RUNAWAY
#include "re.h"
static imrx_re_t runaway; /* nested quantifiers: exponential backtracking without a limit */
#endif

static const imrx_host_api_t *api;
static const char *const fields[] = {"case_number", "priority", "notes", NULL};

static imrx_status_t init(const imrx_init_args_t *args, void **state)
{
    api = args->api;
    *state = NULL;
#ifdef MISBEHAVE_RUNAWAY
    return imrx_re_compile(&runaway, "(?:(?:\\w+\\s?)+)+[#%]", 0, api, NULL);
#else
    return IMRX_OK;
#endif
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
#elif defined(MISBEHAVE_KEY)
    /* the longest key admitted (64 characters), then one too long, an empty one, an odd one */
    imrx_node_t notes = api->object(ctx, root, "notes");
    static const char k64[] = "k123456789012345678901234567890123456789012345678901234567890123";
    static const char k65[] = "k1234567890123456789012345678901234567890123456789012345678901234";
    api->set_string(ctx, notes, k64, "ok", 2, imrx_span(0, 1));
    api->set_string(ctx, notes, k65, "X", 1, imrx_span(0, 1));
    api->set_string(ctx, notes, "", "X", 1, imrx_span(0, 1));
    return api->set_string(ctx, notes, "odd \"key\"", "X", 1, imrx_span(0, 1));
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
#elif defined(MISBEHAVE_RUNAWAY)
    /* Each search would take longer than the universe's age; the limits stop it. */
    imrx_re_scratch_t scratch;
    if (imrx_re_scratch_init(&scratch) != IMRX_OK) return IMRX_ENOMEM;
    int found = 0;
    for (int i = 0; i < 3; i++)
        found += imrx_re_find(&runaway, &scratch, letter->text, 0, letter->length) == 1;
    imrx_re_report_limits(&scratch, api, ctx);
    imrx_re_scratch_free(&scratch);
    return found ? IMRX_ERR : IMRX_OK;
#else
    return api->set_string(ctx, root, "priority", "Standard", 8, imrx_span(0, 0));
#endif
}

#ifdef MISBEHAVE_RUNAWAY
static void finish(void *state)
{
    (void)state;
    imrx_re_free(&runaway);
}
#else
#define finish NULL
#endif

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER, .name = "misbehaving", .version = "0.0.1", .summary = "a test fixture",
    .fields = fields,   .init = init,          .extract = extract, .fini = finish,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
