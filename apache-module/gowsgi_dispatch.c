/*
 * gowsgi_dispatch.c - which requests are WSGI requests, and the handler
 * that runs them: translate_name maps a URI to its alias the way mod_wsgi
 * does (the script becomes r->filename, so <Directory> sections and
 * Apache's access checks apply to it), and the handler, which runs on a
 * thread that may block, drives the request through the core.
 */

#include "mod_gowsgi.h"

#include "http_core.h"
#include "http_request.h"

#include "apr_lib.h"
#include "apr_strings.h"


APLOG_USE_MODULE(gowsgi);


/*
 * $0..$9 of a WSGIScriptAliasMatch script, with the core's rules: a group
 * that took no part is empty, and a result with a ".." element or a NUL
 * is no match, so a request cannot name a file outside the tree.
 */

static const char *
gowsgi_expand(apr_pool_t *p, const char *tmpl, const char *uri,
    const ap_regmatch_t *m)
{
    int                  n;
    char                *out, *seg, *last;
    const char          *s;
    apr_array_header_t  *parts;

    parts = apr_array_make(p, 8, sizeof(const char *));

    for (s = tmpl; *s; s++) {
        if (s[0] == '$' && apr_isdigit(s[1])) {
            n = s[1] - '0';

            if (m[n].rm_so >= 0 && m[n].rm_eo >= m[n].rm_so) {
                APR_ARRAY_PUSH(parts, const char *) =
                    apr_pstrmemdup(p, uri + m[n].rm_so,
                                   m[n].rm_eo - m[n].rm_so);
            }

            s++;
            continue;
        }

        APR_ARRAY_PUSH(parts, const char *) = apr_pstrmemdup(p, s, 1);
    }

    out = apr_array_pstrcat(p, parts, 0);

    for (seg = apr_strtok(apr_pstrdup(p, out), "/", &last); seg;
         seg = apr_strtok(NULL, "/", &last))
    {
        if (strcmp(seg, "..") == 0) {
            return NULL;
        }
    }

    return out;
}


int
gowsgi_translate_name(request_rec *r)
{
    int                  i;
    size_t               n, matched;
    const char          *script;
    gowsgi_note         *note;
    gowsgi_mount        *mount;
    ap_regmatch_t        m[AP_MAX_REG_MATCH];
    const gowsgi_alias  *alias;
    gowsgi_server_conf  *sconf;

    if (r->proxyreq || r->uri == NULL || r->uri[0] != '/') {
        return DECLINED;
    }

    sconf = ap_get_module_config(r->server->module_config, &gowsgi_module);

    if (sconf->mounts == NULL) {
        return DECLINED;
    }

    mount = (gowsgi_mount *) sconf->mounts->elts;

    /* the first alias that matches serves, in the order written */

    for (i = 0; i < sconf->mounts->nelts; i++, mount++) {
        alias = mount->alias;

        if (alias->regex) {
            if (ap_regexec(alias->regex, r->uri, AP_MAX_REG_MATCH, m, 0) != 0
                || m[0].rm_so != 0)
            {
                continue;
            }

            script = alias->templated
                     ? gowsgi_expand(r->pool, alias->script, r->uri, m)
                     : alias->script;

            if (script == NULL) {
                continue;
            }

            matched = (size_t) m[0].rm_eo;

        } else {
            n = strlen(alias->uri);

            if (n == 1) {
                /* the root mount: SCRIPT_NAME is empty */
                matched = 0;

            } else if (strncmp(r->uri, alias->uri, n) == 0
                       && (r->uri[n] == '/' || r->uri[n] == '\0'))
            {
                matched = n;

            } else {
                continue;
            }

            script = alias->script;
        }

        r->filename = apr_pstrdup(r->pool, script);
        r->path_info = apr_pstrdup(r->pool, r->uri + matched);
        r->handler = GOWSGI_HANDLER;

        note = apr_palloc(r->pool, sizeof(gowsgi_note));
        note->mount = mount;
        ap_set_module_config(r->request_config, &gowsgi_module, note);

        return OK;
    }

    return DECLINED;
}


/* the request's merged <Location>/<Directory> settings name the variant */

static const gowsgi_variant *
gowsgi_variant_for(request_rec *r, const gowsgi_mount *mount)
{
    int                    i, reloading;
    const char            *callable, *group;
    gowsgi_dir_conf       *dconf;
    const gowsgi_alias    *alias;
    const gowsgi_variant  *v;

    dconf = ap_get_module_config(r->per_dir_config, &gowsgi_module);
    alias = mount->alias;

    callable = alias->callable ? alias->callable
               : dconf->callable ? dconf->callable : "";
    reloading = alias->script_reloading != -1 ? alias->script_reloading
                                              : dconf->script_reloading;
    group = gowsgi_normal_group(alias->process_group ? alias->process_group
                                                     : dconf->process_group);

    v = (const gowsgi_variant *) mount->variants->elts;

    for (i = 0; i < mount->variants->nelts; i++, v++) {
        if (v->script_reloading == reloading
            && strcmp(v->callable, callable) == 0
            && strcmp(v->process_group, group) == 0)
        {
            return v;
        }
    }

    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                  "mod_gowsgi: no application for %s with callable \"%s\", "
                  "reloading %d and process group \"%s\"; these settings "
                  "come from a section the configuration check did not see",
                  alias->uri, callable, reloading, group);

    return NULL;
}


/*
 * The core forgets a request the handler leaves, whatever the way out;
 * then the waiter, which the waker may still be waking, can go.
 */

static apr_status_t
gowsgi_ctx_cleanup(void *data)
{
    gowsgi_ctx  *ctx = data;

    /*
     * A prefork child that is told to stop destroys its pools from the
     * signal handler, maybe on this request's own thread, interrupted in
     * the core: the core may not be called then, and exit() follows.
     */

    if (gowsgi_child_exiting()) {
        return APR_SUCCESS;
    }

    if (ctx->id) {
        ctx->core->request_close(ctx->id);
        ctx->id = 0;
    }

    gowsgi_waiter_done(ctx);

    gowsgi_response_free(ctx);

    return APR_SUCCESS;
}


/* the request is over for the client: nothing more is sent or read */

static int
gowsgi_give_up(gowsgi_ctx *ctx, int rc, const char *reason)
{
    if (ctx->id) {
        ctx->core->request_close(ctx->id);
        ctx->id = 0;
    }

    if (!ctx->header_sent) {
        return rc;
    }

    gowsgi_response_cut(ctx, reason);

    return OK;
}


int
gowsgi_handler(request_rec *r)
{
    int                       rc, pass_auth;
    apr_status_t              rv;
    gowsgi_ctx               *ctx;
    gowsgi_note              *note;
    gowsgi_dir_conf          *dconf;
    const gowsgi_variant     *variant;
    const gowsgi_core_funcs  *core;

    if (r->handler == NULL) {
        return DECLINED;
    }

    if (strcmp(r->handler, GOWSGI_HANDLER) != 0) {

        /* mod_wsgi's AddHandler/SetHandler setup would otherwise have the
         * default handler send the script's source to the client */

        if (strcmp(r->handler, GOWSGI_MODWSGI_HANDLER) == 0
            && ap_find_linked_module("mod_wsgi.c") == NULL)
        {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                          "mod_gowsgi: the handler \"wsgi-script\" "
                          "(AddHandler or SetHandler) is not supported; "
                          "mount %s with WSGIScriptAlias", r->filename);
            return HTTP_INTERNAL_SERVER_ERROR;
        }

        return DECLINED;
    }

    note = ap_get_module_config(r->request_config, &gowsgi_module);

    if (note == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "mod_gowsgi: handler \"" GOWSGI_HANDLER "\" set for "
                      "a URI no WSGIScriptAlias maps");
        return HTTP_INTERNAL_SERVER_ERROR;
    }

    core = gowsgi_core();

    if (core == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "mod_gowsgi: the core is not running in this process; "
                      "see the alert logged when it started");
        return HTTP_INTERNAL_SERVER_ERROR;
    }

    variant = gowsgi_variant_for(r, note->mount);

    if (variant == NULL) {
        return HTTP_INTERNAL_SERVER_ERROR;
    }

    dconf = ap_get_module_config(r->per_dir_config, &gowsgi_module);
    pass_auth = note->mount->alias->pass_authorization != -1
                ? note->mount->alias->pass_authorization
                : dconf->pass_authorization == 1;

    ctx = apr_pcalloc(r->pool, sizeof(gowsgi_ctx));
    ctx->r = r;
    ctx->core = core;

    rv = gowsgi_waiter_init(ctx);

    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r,
                      "mod_gowsgi: cannot make the request's mutex and "
                      "condition variable");
        return HTTP_INTERNAL_SERVER_ERROR;
    }

    apr_pool_cleanup_register(r->pool, ctx, gowsgi_ctx_cleanup,
                              apr_pool_cleanup_null);

    rc = gowsgi_request_start(ctx, variant->app, pass_auth);

    if (rc != OK) {
        return rc;
    }

    /*
     * The body goes in and the response comes out in turns, each as far
     * as the core's queues allow; in between this thread sleeps until
     * the core has news that the application has read, written or
     * finished.
     */

    for ( ;; ) {
        rc = gowsgi_request_feed(ctx);

        if (rc != OK) {
            return gowsgi_give_up(ctx, rc,
                                  "the request body could not be read");
        }

        rc = gowsgi_response_pump(ctx);

        if (rc != GOWSGI_AGAIN) {
            return rc;
        }

        if (gowsgi_waiter_sleep(ctx) != APR_SUCCESS) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                          "mod_gowsgi: the core lost the request");
            ctx->id = 0;
            return gowsgi_give_up(ctx, HTTP_INTERNAL_SERVER_ERROR,
                                  "the core lost the request");
        }
    }
}
