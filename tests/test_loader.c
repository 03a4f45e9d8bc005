/* The plugin loader: the project's plugins load and list; each broken fixture is refused with a
 * message that names the file and says what to do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "plugin/ctx.h"
#include "plugin/plugin_set.h"

/* Loads (and initialises) the plugins of `dir` alone; returns the status and the messages. */
static imrx_status_t load_dir(const char *dir, int with_defaults, int untrusted, t_diag_t *d)
{
    /* The project's own plugins come first when asked for, as the default folder would. */
    const char *dirs[] = {IMRX_PLUGIN_DIR, dir};
    imrx_loader_options_t lo = {.dirs = with_defaults ? dirs : dirs + 1,
                                .dir_count = with_defaults ? 2 : 1,
                                .skip_default = 1,
                                .skip_env = 1,
                                .allow_untrusted = untrusted};
    t_diag_init(d);
    imrx_plugin_set_t set;
    imrx_status_t st = imrx_plugins_load(&set, &lo, &d->diag);
    if (st == IMRX_OK) {
        st = imrx_plugins_init(&set);
        imrx_plugins_unload(&set);
    }
    return st;
}

#define FIX(dir) IMRX_FIXTURE_DIR "/" dir

static void expect_refusal(const char *dir, int with_defaults, const char *file, const char *what)
{
    t_diag_t d;
    cr_assert_neq(load_dir(dir, with_defaults, 0, &d), IMRX_OK, "%s is refused", dir);
    cr_assert(strstr(d.text, file), "message names the file %s:\n%s", file, d.text);
    cr_assert(strstr(d.text, what), "message says '%s':\n%s", what, d.text);
}

Test(loader, the_projects_plugins_load_and_are_listed)
{
    char *out = NULL;
    int code =
        t_sh(&out, "%s plugins --no-default-plugins --plugin-dir %s", IMRX_BINARY, IMRX_PLUGIN_DIR);
    cr_assert_eq(code, 0, "%s", out);
    cr_assert(strstr(out, "dates 1."), "%s", out);
    cr_assert(strstr(out, "reads    header, procedure, summary"), "%s", out);
    cr_assert(strstr(out, "fills    case_number"), "%s", out);
    free(out);
    /* and by default, from the folder beside the executable */
    code = t_sh(&out, "%s plugins", IMRX_BINARY);
    cr_assert_eq(code, 0, "%s", out);
    cr_assert(strstr(out, IMRX_PLUGIN_DIR "/dates.so"), "%s", out);
    free(out);
}

Test(loader, a_good_plugin_from_another_folder_loads)
{
    t_diag_t d;
    cr_assert_eq(load_dir(FIX("good"), 0, 0, &d), IMRX_OK, "%s", d.text);
}

Test(loader, wrong_abi_major)
{
    expect_refusal(FIX("abi"), 0, "abi/broken.so", "built for plugin ABI 2.0");
    expect_refusal(FIX("abi"), 0, "abi/broken.so", "rebuild it");
}

Test(loader, too_small_descriptor)
{
    expect_refusal(FIX("small"), 0, "small/broken.so", "descriptor is 24 bytes");
}

Test(loader, missing_entry_symbol)
{
    expect_refusal(FIX("noentry"), 0, "noentry/broken.so", "no entry point 'imrx_plugin_entry'");
}

Test(loader, failing_init)
{
    expect_refusal(FIX("init"), 0, "init/broken.so", "failed to initialise");
    expect_refusal(FIX("init"), 0, "plugin 'broken'", "the lexicon file is missing");
}

Test(loader, duplicate_name)
{
    expect_refusal(FIX("dup1"), 1, "dup1/dates.so", "a plugin named 'dates' is already loaded");
}

Test(loader, ordering_cycle)
{
    expect_refusal(FIX("cycle"), 0, "-", "ordering cycle");
    expect_refusal(FIX("cycle"), 0, "'cycle_a', 'cycle_b'", "fix their `after` and `requires`");
}

Test(loader, missing_dependency)
{
    expect_refusal(FIX("missingdep"), 0, "missingdep/needy.so", "requires 'no_such_plugin'");
}

Test(loader, not_a_plugin_file_and_missing_folder)
{
    char dir[] = "/tmp/imrx-test-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    chmod(dir, 0755);
    char path[512];
    snprintf(path, sizeof path, "%s/notes.so", dir);
    FILE *fp = fopen(path, "w");
    fputs("not an ELF file\n", fp);
    fclose(fp);
    snprintf(path, sizeof path, "%s/readme.txt", dir); /* wrong suffix: ignored */
    fp = fopen(path, "w");
    fclose(fp);
    expect_refusal(dir, 0, "notes.so", "cannot load plugin");
    expect_refusal(dir, 0, "notes.so", "ldd");
    expect_refusal("/nonexistent/plugins", 0, "/nonexistent/plugins", "does not exist");
    t_sh(NULL, "rm -rf %s", dir);
}

Test(loader, world_writable_folders_are_refused_unless_allowed)
{
    char dir[] = "/tmp/imrx-test-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    cr_assert_eq(t_sh(NULL, "cp %s/fine.so %s/", FIX("good"), dir), 0);
    chmod(dir, 0777);
    expect_refusal(dir, 0, dir, "writable by every user");
    t_diag_t d;
    cr_assert_eq(load_dir(dir, 0, 1, &d), IMRX_OK, "--allow-untrusted-plugins: %s", d.text);
    chmod(dir, 0755);
    cr_assert_eq(load_dir(dir, 0, 0, &d), IMRX_OK, "%s", d.text);
    t_sh(NULL, "rm -rf %s", dir);
}

Test(loader, refusals_make_the_cli_exit_with_status_2)
{
    char *out = NULL;
    int code = t_sh(&out, "%s plugins --plugin-dir %s 2>&1", IMRX_BINARY, FIX("abi"));
    cr_assert_eq(code, 2, "%s", out);
    cr_assert(strstr(out, "broken.so"), "%s", out);
    free(out);
    code = t_sh(&out, "%s extract --plugin-dir %s %s/corpus/letters 2>&1 >/dev/null", IMRX_BINARY,
                FIX("cycle"), IMRX_SOURCE_DIR);
    cr_assert_eq(code, 2, "%s", out);
    free(out);
}

Test(loader, the_example_plugin_builds_from_the_header_alone_and_runs)
{
    char dir[] = "/tmp/imrx-example-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    chmod(dir, 0755);
    char *out;
    int code = t_sh(&out,
                    "cc -std=c11 -Wall -Wextra -Werror -O2 -fPIC -shared -fvisibility=hidden "
                    "-I %s/include %s/examples/wordcount/wordcount.c -o %s/wordcount.so 2>&1",
                    IMRX_SOURCE_DIR, IMRX_SOURCE_DIR, dir);
    cr_assert_eq(code, 0, "%s", out);
    free(out);
    code =
        t_sh(&out, "%s extract -q --no-default-plugins --plugin-dir %s %s/corpus/letters/B-01.txt",
             IMRX_BINARY, dir, IMRX_SOURCE_DIR);
    cr_assert_eq(code, 0, "%s", out);
    json_t *r = json_loads(out, 0, NULL);
    cr_assert_not_null(r);
    cr_assert_gt(json_integer_value(json_object_get(r, "summary_words")), 100);
    json_decref(r);
    free(out);
    t_sh(NULL, "rm -rf %s", dir);
}

Test(loader, plugin_files_anyone_may_write_or_another_user_owns_are_refused)
{
    char dir[] = "/tmp/imrx-test-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    chmod(dir, 0755);
    cr_assert_eq(t_sh(NULL, "cp %s/fine.so %s/", FIX("good"), dir), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/fine.so", dir);
    chmod(path, 0666);
    expect_refusal(dir, 0, "fine.so", "writable by every user");
    chmod(path, 0644);
    t_diag_t d;
    cr_assert_eq(load_dir(dir, 0, 0, &d), IMRX_OK, "%s", d.text);
    if (geteuid() == 0) {
        /* Only root can give a file away; CI runs as root. */
        cr_assert_eq(chown(path, 65534, 65534), 0);
        expect_refusal(dir, 0, "fine.so", "belongs to user 65534");
        cr_assert_eq(load_dir(dir, 0, 1, &d), IMRX_OK, "--allow-untrusted-plugins: %s", d.text);
    }
    t_sh(NULL, "rm -rf %s", dir);
}

Test(loader, the_current_folder_is_not_searched_by_default)
{
    char dir[] = "/tmp/imrx-test-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    chmod(dir, 0755);
    cr_assert_eq(t_sh(NULL, "cp %s/fine.so %s/ && mkdir %s/plugins && cp %s/fine.so %s/plugins/",
                      FIX("good"), dir, dir, FIX("good"), dir),
                 0);
    char *out = NULL;
    cr_assert_eq(t_sh(&out, "cd %s && env -u IMRX_PLUGIN_PATH %s plugins 2>&1", dir, IMRX_BINARY),
                 0, "%s", out);
    cr_assert(strstr(out, "dates"), "the default plugins load: %s", out);
    cr_assert_null(strstr(out, "fine"), "a plugin in the current folder does not: %s", out);
    free(out);
    cr_assert_eq(t_sh(&out, "cd %s && %s plugins --plugin-dir . 2>&1", dir, IMRX_BINARY), 0, "%s",
                 out);
    cr_assert(strstr(out, "fine"), "named explicitly, it does: %s", out);
    free(out);
    t_sh(NULL, "rm -rf %s", dir);
}

/* The host API admits a value only where the plugin declared it (or below), and containers on
 * the way to a declared field; what one plugin may write under a container does not carry
 * over to another plugin writing under the same container. */
Test(loader, declared_fields_hold_at_every_depth_and_per_plugin)
{
    static const char *const fields_a[] = {"items", "notes.kept", NULL};
    static const char *const fields_b[] = {"items[].drug", NULL};
    imrx_plugin_t desc_a = {IMRX_PLUGIN_HEADER, .name = "a", .fields = fields_a};
    imrx_plugin_t desc_b = {IMRX_PLUGIN_HEADER, .name = "b", .fields = fields_b};
    imrx_loaded_plugin_t pa = {.desc = &desc_a}, pb = {.desc = &desc_b};
    imrx_doc_t doc;
    imrx_doc_init(&doc);
    static const unsigned char letter[] = "a letter of some length";
    cr_assert_eq(imrx_doc_load(&doc, "x.txt", letter, sizeof letter - 1), IMRX_OK);
    imrx_record_t rec;
    imrx_record_init(&rec);
    cr_assert_eq(imrx_record_reset(&rec), IMRX_OK);
    t_diag_t d;
    t_diag_init(&d);
    imrx_ctx_t ctx = {.record = &rec,
                      .doc = &doc,
                      .diag = &d.diag,
                      .limits = {.max_values = 1000, .max_bytes = 100000}};
    const imrx_host_api_t *api = imrx_host_api();
    imrx_span_t sp = imrx_span(0, 1);

    imrx_ctx_begin(&ctx, 1, &pa);
    imrx_node_t items = api->array(&ctx, 0, "items");
    cr_assert_neq(items, IMRX_NODE_NONE);
    imrx_node_t item = api->object(&ctx, items, NULL);
    cr_assert_neq(item, IMRX_NODE_NONE);
    /* below a declared field: anything, at any depth */
    cr_expect_eq(api->set_string(&ctx, item, "text", "x", 1, sp), IMRX_OK);
    imrx_node_t deep = api->object(&ctx, item, "deeper");
    cr_expect_eq(api->set_int(&ctx, deep, "n", 1, sp), IMRX_OK);
    /* a container on the way to a declared field, but not its other members */
    imrx_node_t notes = api->object(&ctx, 0, "notes");
    cr_assert_neq(notes, IMRX_NODE_NONE);
    cr_expect_eq(api->set_string(&ctx, notes, "kept", "x", 1, sp), IMRX_OK);
    cr_expect_eq(api->set_string(&ctx, notes, "other", "x", 1, sp), IMRX_EFIELD);
    cr_expect_eq(api->set_string(&ctx, notes, "kept", "y", 1, sp), IMRX_OK, "again");
    cr_expect_eq(api->set_string(&ctx, 0, "priority", "x", 1, sp), IMRX_EFIELD);

    /* plugin b: only items[].drug, even under the container plugin a made */
    imrx_ctx_begin(&ctx, 2, &pb);
    cr_expect_eq(api->set_string(&ctx, item, "text", "x", 1, sp), IMRX_EFIELD);
    cr_expect_eq(api->set_int(&ctx, deep, "n", 2, sp), IMRX_EFIELD);
    imrx_node_t drug = api->object(&ctx, item, "drug");
    cr_assert_neq(drug, IMRX_NODE_NONE);
    cr_expect_eq(api->set_string(&ctx, drug, "generic", "x", 1, sp), IMRX_OK);
    cr_expect_eq(api->set_string(&ctx, item, "category", "x", 1, sp), IMRX_EFIELD);
    cr_expect_eq(api->set_string(&ctx, notes, "kept", "x", 1, sp), IMRX_EFIELD);

    /* back to a: still everything under items, never the drug's keys by b's right alone */
    imrx_ctx_begin(&ctx, 1, &pa);
    cr_expect_eq(api->set_string(&ctx, drug, "generic", "z", 1, sp), IMRX_OK);
    cr_expect_eq(api->set_string(&ctx, notes, "other", "x", 1, sp), IMRX_EFIELD);
    imrx_record_free(&rec);
    imrx_doc_free(&doc);
}
