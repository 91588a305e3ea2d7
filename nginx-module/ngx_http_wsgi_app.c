
/*
 * Copyright (C) gowsgi authors
 *
 * Each location that serves WSGI becomes one application of the core: its
 * merged settings are written as one WSGIScriptAlias line in gowsgi's
 * Apache-style syntax, with an option for every setting that was set
 * somewhere from http to location. Locations that end up with the same line
 * share one application.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_wsgi_module.h"


static u_char *ngx_http_wsgi_app_write(u_char *p,
    ngx_http_wsgi_main_conf_t *wmcf, ngx_http_wsgi_loc_conf_t *wlcf);
static u_char *ngx_http_wsgi_app_word(u_char *p, char *key, ngx_str_t *value);
static size_t ngx_http_wsgi_app_word_len(char *key, ngx_str_t *value);


ngx_uint_t
ngx_http_wsgi_app_add(ngx_conf_t *cf, ngx_http_wsgi_loc_conf_t *wlcf)
{
    u_char                     *p;
    size_t                      len;
    ngx_uint_t                  i;
    ngx_http_wsgi_app_t        *app;
    ngx_http_wsgi_alias_t      *alias;
    ngx_http_wsgi_main_conf_t  *wmcf;

    wmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_wsgi_module);
    alias = wlcf->alias;

    /* "WSGIScriptAliasMatch", fixed options of at most 40 bytes each, the
     * rest */

    len = sizeof("WSGIScriptAliasMatch") + 6 * 40
          + ngx_http_wsgi_app_word_len(NULL, &alias->uri)
          + ngx_http_wsgi_app_word_len(NULL, &alias->script)
          + ngx_http_wsgi_app_word_len("callable-object=", &alias->callable)
          + ngx_http_wsgi_app_word_len("callable-object=",
                                       &wlcf->callable_object)
          + ngx_http_wsgi_app_word_len("python-path=", &wlcf->python_path)
          + ngx_http_wsgi_app_word_len("python-home=", &wmcf->python_home);

    p = ngx_pnalloc(cf->pool, len);
    if (p == NULL) {
        return 0;
    }

    len = ngx_http_wsgi_app_write(p, wmcf, wlcf) - p;

    app = wmcf->apps.elts;

    for (i = 0; i < wmcf->apps.nelts; i++) {
        if (app[i].directive.len == len
            && ngx_strncmp(app[i].directive.data, p, len) == 0)
        {
            return i + 1;
        }
    }

    app = ngx_array_push(&wmcf->apps);
    if (app == NULL) {
        return 0;
    }

    app->directive.data = p;
    app->directive.len = len;
    app->file = alias->file;
    app->line = alias->line;

    return wmcf->apps.nelts;
}


static u_char *
ngx_http_wsgi_app_write(u_char *p, ngx_http_wsgi_main_conf_t *wmcf,
    ngx_http_wsgi_loc_conf_t *wlcf)
{
    ngx_str_t               *callable;
    ngx_http_wsgi_alias_t   *alias;

    static ngx_str_t  engines[] = {
        ngx_null_string,
        ngx_string("gpython"),
        ngx_string("cpython")
    };

    alias = wlcf->alias;

    if (alias->match) {
        p = ngx_cpymem(p, "WSGIScriptAliasMatch",
                       sizeof("WSGIScriptAliasMatch") - 1);

    } else {
        p = ngx_cpymem(p, "WSGIScriptAlias", sizeof("WSGIScriptAlias") - 1);
    }
    p = ngx_http_wsgi_app_word(p, NULL, &alias->uri);
    p = ngx_http_wsgi_app_word(p, NULL, &alias->script);

    callable = alias->callable.len ? &alias->callable : &wlcf->callable_object;

    if (callable->len) {
        p = ngx_http_wsgi_app_word(p, "callable-object=", callable);
    }

    if (wlcf->engine != NGX_CONF_UNSET_UINT) {
        p = ngx_http_wsgi_app_word(p, "engine=", &engines[wlcf->engine]);
    }

    if (wlcf->threads != NGX_CONF_UNSET) {
        p = ngx_sprintf(p, " threads=%i", wlcf->threads);
    }

    if (wlcf->request_timeout == 0) {
        p = ngx_cpymem(p, " request-timeout=Off",
                       sizeof(" request-timeout=Off") - 1);

    } else if (wlcf->request_timeout != NGX_CONF_UNSET_MSEC) {
        p = ngx_sprintf(p, " request-timeout=%Mms", wlcf->request_timeout);
    }

    if (wlcf->python_path.len) {
        p = ngx_http_wsgi_app_word(p, "python-path=", &wlcf->python_path);
    }

    if (wmcf->python_home.len) {
        p = ngx_http_wsgi_app_word(p, "python-home=", &wmcf->python_home);
    }

    if (wlcf->script_reloading != NGX_CONF_UNSET) {
        p = ngx_sprintf(p, " script-reloading=%s",
                        wlcf->script_reloading ? "On" : "Off");
    }

    if (wlcf->pass_authorization != NGX_CONF_UNSET) {
        p = ngx_sprintf(p, " pass-authorization=%s",
                        wlcf->pass_authorization ? "On" : "Off");
    }

    return p;
}


/*
 * A blank, then key and value as one double-quoted word: inside it the
 * core's parser takes \" and \\ for a quote and a backslash.
 */

static u_char *
ngx_http_wsgi_app_word(u_char *p, char *key, ngx_str_t *value)
{
    u_char     c;
    ngx_uint_t i;

    *p++ = ' ';
    *p++ = '"';

    if (key) {
        p = ngx_cpymem(p, key, ngx_strlen(key));
    }

    for (i = 0; i < value->len; i++) {
        c = value->data[i];

        if (c == '"' || c == '\\') {
            *p++ = '\\';
        }

        *p++ = c;
    }

    *p++ = '"';

    return p;
}


static size_t
ngx_http_wsgi_app_word_len(char *key, ngx_str_t *value)
{
    size_t      len;
    ngx_uint_t  i;

    len = sizeof(" \"\"") - 1 + value->len;

    if (key) {
        len += ngx_strlen(key);
    }

    for (i = 0; i < value->len; i++) {
        if (value->data[i] == '"' || value->data[i] == '\\') {
            len++;
        }
    }

    return len;
}
