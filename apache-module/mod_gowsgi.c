/*
 * mod_gowsgi.c - the module record: configuration records, their merging
 * from the main server into virtual hosts and from there into sections,
 * and the hooks.
 */

#include "mod_gowsgi.h"

#include "http_request.h"


static void *
gowsgi_create_server_conf(apr_pool_t *p, server_rec *s)
{
    gowsgi_server_conf  *conf;

    conf = apr_pcalloc(p, sizeof(gowsgi_server_conf));
    conf->aliases = apr_array_make(p, 4, sizeof(gowsgi_alias *));
    conf->python_path = apr_array_make(p, 2, sizeof(const char *));

    return conf;
}


/*
 * A virtual host serves its own aliases first and then the main server's,
 * as mod_alias does; a setting it gives replaces the main server's, and
 * its WSGIPythonPath directories come after the main server's.
 */

static void *
gowsgi_merge_server_conf(apr_pool_t *p, void *basev, void *addv)
{
    gowsgi_server_conf  *base = basev;
    gowsgi_server_conf  *add = addv;
    gowsgi_server_conf  *conf;

    conf = apr_pcalloc(p, sizeof(gowsgi_server_conf));

    conf->aliases = apr_array_append(p, add->aliases, base->aliases);
    conf->engine = add->engine ? add->engine : base->engine;
    conf->threads = add->threads ? add->threads : base->threads;
    conf->request_timeout = add->request_timeout ? add->request_timeout
                                                 : base->request_timeout;
    conf->python_path = apr_array_append(p, base->python_path,
                                         add->python_path);

    return conf;
}


static void *
gowsgi_create_dir_conf(apr_pool_t *p, char *dir)
{
    gowsgi_dir_conf  *conf;

    conf = apr_pcalloc(p, sizeof(gowsgi_dir_conf));
    conf->script_reloading = -1;
    conf->pass_authorization = -1;

    return conf;
}


/* the innermost section that sets a value wins, as for core directives */

static void *
gowsgi_merge_dir_conf(apr_pool_t *p, void *basev, void *addv)
{
    gowsgi_dir_conf  *base = basev;
    gowsgi_dir_conf  *add = addv;
    gowsgi_dir_conf  *conf;

    conf = apr_palloc(p, sizeof(gowsgi_dir_conf));

    conf->callable = add->callable ? add->callable : base->callable;
    conf->script_reloading = add->script_reloading != -1
                             ? add->script_reloading : base->script_reloading;
    conf->pass_authorization = add->pass_authorization != -1
                               ? add->pass_authorization
                               : base->pass_authorization;
    conf->process_group = add->process_group ? add->process_group
                                             : base->process_group;
    conf->application_group = add->application_group
                              ? add->application_group
                              : base->application_group;

    return conf;
}


static void
gowsgi_register_hooks(apr_pool_t *p)
{
    /*
     * Alias and Redirect win over WSGIScriptAlias (Alias /static next to
     * WSGIScriptAlias / is the usual setup); user directories and mass
     * virtual hosting come after, as with mod_wsgi.
     */
    static const char * const before_us[] = { "mod_alias.c", NULL };
    static const char * const after_us[] = { "mod_userdir.c",
                                             "mod_vhost_alias.c", NULL };

    ap_hook_check_config(gowsgi_check_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_post_config(gowsgi_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_child_init(gowsgi_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_translate_name(gowsgi_translate_name, before_us, after_us,
                           APR_HOOK_MIDDLE);
    ap_hook_handler(gowsgi_handler, NULL, NULL, APR_HOOK_MIDDLE);
}


AP_DECLARE_MODULE(gowsgi) = {
    STANDARD20_MODULE_STUFF,
    gowsgi_create_dir_conf,
    gowsgi_merge_dir_conf,
    gowsgi_create_server_conf,
    gowsgi_merge_server_conf,
    gowsgi_cmds,
    gowsgi_register_hooks,
    AP_MODULE_FLAG_NONE
};
