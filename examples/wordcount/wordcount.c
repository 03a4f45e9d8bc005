/* An example plugin, written from include/imrx/plugin.h alone: it counts the words of the case
 * summary and stores the count as "summary_words". Build it and run it:
 *
 *   cc -std=c11 -O2 -fPIC -shared -fvisibility=hidden -I ../../include wordcount.c \
 *      -o wordcount.so
 *   mkdir -p ~/imrx-plugins && cp wordcount.so ~/imrx-plugins/
 *   imrx plugins --plugin-dir ~/imrx-plugins
 *   imrx extract --plugin-dir ~/imrx-plugins letters/ | jq .summary_words
 *
 * It keeps no state, so it needs no init, thread_init or fini: extract only reads the letter it
 * is given and writes through the host's function table, which the host hands to init (here a
 * small init just keeps the table). */
#include <imrx/plugin.h>

static const imrx_host_api_t *api;

static imrx_status_t wordcount_init(const imrx_init_args_t *args, void **state)
{
    api = args->api;
    *state = 0;
    return IMRX_OK;
}

static imrx_status_t wordcount_extract(void *state, void *thread_state, const imrx_letter_t *letter,
                                       imrx_ctx_t *ctx)
{
    (void)state, (void)thread_state;
    const imrx_section_t *s = imrx_letter_section(letter, "summary");
    if (!s) return IMRX_OK; /* no summary: nothing to count, not an error */
    int64_t words = 0;
    int in_word = 0;
    for (uint32_t i = s->begin; i < s->end; i++) {
        int space = letter->text[i] == ' ' || letter->text[i] == '\n';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return api->set_int(ctx, api->root(ctx), "summary_words", words, imrx_span(s->begin, s->end));
}

static const char *const reads[] = {"summary", 0};
static const char *const fills[] = {"summary_words", 0};

static const imrx_plugin_t descriptor = {
    IMRX_PLUGIN_HEADER,     .name = "wordcount",
    .version = "1.0.0",     .summary = "words in the case summary (an example)",
    .sections = reads,      .fields = fills,
    .init = wordcount_init, .extract = wordcount_extract,
};

IMRX_PLUGIN_EXPORT const imrx_plugin_t *imrx_plugin_entry(void)
{
    return &descriptor;
}
