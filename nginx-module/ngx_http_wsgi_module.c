
/*
 * Copyright (C) gowsgi authors
 *
 * The directives of the WSGI module, their merging from http through
 * server to location, and the worker hooks that start and stop the Go core.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_wsgi_module.h"


static ngx_int_t ngx_http_wsgi_postconfiguration(ngx_conf_t *cf);
static void *ngx_http_wsgi_create_main_conf(ngx_conf_t *cf);
static char *ngx_http_wsgi_init_main_conf(ngx_conf_t *cf, void *conf);
static void *ngx_http_wsgi_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_wsgi_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);

static char *ngx_http_wsgi_script_alias(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_wsgi_script_alias_match(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);
static char *ngx_http_wsgi_set_alias(ngx_conf_t *cf,
    ngx_http_wsgi_loc_conf_t *wlcf, ngx_uint_t match);
static ngx_int_t ngx_http_wsgi_check_match(ngx_conf_t *cf,
    ngx_http_wsgi_alias_t *alias);
static char *ngx_http_wsgi_python_path(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_wsgi_python_home(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_wsgi_request_timeout(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_wsgi_core_setting(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_wsgi_check_callable(ngx_conf_t *cf, void *post,
    void *data);
static ngx_int_t ngx_http_wsgi_check_script(ngx_conf_t *cf, ngx_str_t *path);

static ngx_int_t ngx_http_wsgi_init_process(ngx_cycle_t *cycle);
static void ngx_http_wsgi_exit_process(ngx_cycle_t *cycle);


static ngx_conf_enum_t  ngx_http_wsgi_engines[] = {
    { ngx_string("gpython"), NGX_HTTP_WSGI_ENGINE_GPYTHON },
    { ngx_string("cpython"), NGX_HTTP_WSGI_ENGINE_CPYTHON },
    { ngx_null_string, 0 }
};


static ngx_conf_num_bounds_t  ngx_http_wsgi_threads_bounds = {
    ngx_conf_check_num_bounds, 1, 1024
};


static ngx_conf_post_t  ngx_http_wsgi_callable_post = {
    ngx_http_wsgi_check_callable
};


static ngx_command_t  ngx_http_wsgi_commands[] = {

    { ngx_string("wsgi_script_alias"),
      NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE123,
      ngx_http_wsgi_script_alias,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("wsgi_script_alias_match"),
      NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE23,
      ngx_http_wsgi_script_alias_match,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("wsgi_callable_object"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, callable_object),
      &ngx_http_wsgi_callable_post },

    { ngx_string("wsgi_python_path"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_1MORE,
      ngx_http_wsgi_python_path,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("wsgi_python_home"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_http_wsgi_python_home,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("wsgi_engine"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, engine),
      &ngx_http_wsgi_engines },

    { ngx_string("wsgi_threads"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, threads),
      &ngx_http_wsgi_threads_bounds },

    { ngx_string("wsgi_request_timeout"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_wsgi_request_timeout,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, request_timeout),
      NULL },

    { ngx_string("wsgi_script_reloading"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, script_reloading),
      NULL },

    { ngx_string("wsgi_pass_authorization"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, pass_authorization),
      NULL },

    { ngx_string("wsgi_buffer_size"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_wsgi_loc_conf_t, buffer_size),
      NULL },

    { ngx_string("wsgi_core_library"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_http_wsgi_main_conf_t, core_library),
      NULL },

    { ngx_string("wsgi_core_setting"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_1MORE,
      ngx_http_wsgi_core_setting,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_wsgi_module_ctx = {
    NULL,                                  /* preconfiguration */
    ngx_http_wsgi_postconfiguration,       /* postconfiguration */

    ngx_http_wsgi_create_main_conf,        /* create main configuration */
    ngx_http_wsgi_init_main_conf,          /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_wsgi_create_loc_conf,         /* create location configuration */
    ngx_http_wsgi_merge_loc_conf           /* merge location configuration */
};


ngx_module_t  ngx_http_wsgi_module = {
    NGX_MODULE_V1,
    &ngx_http_wsgi_module_ctx,             /* module context */
    ngx_http_wsgi_commands,                /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    ngx_http_wsgi_init_process,            /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    ngx_http_wsgi_exit_process,            /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


static void *
ngx_http_wsgi_create_main_conf(ngx_conf_t *cf)
{
    ngx_http_wsgi_main_conf_t  *wmcf;

    wmcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_wsgi_main_conf_t));
    if (wmcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     wmcf->core_library = { 0, NULL };
     *     wmcf->python_home = { 0, NULL };
     */

    if (ngx_array_init(&wmcf->core_settings, cf->pool, 2, sizeof(ngx_str_t))
        != NGX_OK)
    {
        return NULL;
    }

    if (ngx_array_init(&wmcf->apps, cf->pool, 4, sizeof(ngx_http_wsgi_app_t))
        != NGX_OK)
    {
        return NULL;
    }

    return wmcf;
}


static char *
ngx_http_wsgi_init_main_conf(ngx_conf_t *cf, void *conf)
{
    ngx_http_wsgi_main_conf_t *wmcf = conf;

    if (wmcf->core_library.data == NULL) {
        if (ngx_http_wsgi_core_default_library(cf, &wmcf->core_library)
            != NGX_OK)
        {
            return NGX_CONF_ERROR;
        }

        return NGX_CONF_OK;
    }

    if (ngx_conf_full_name(cf->cycle, &wmcf->core_library, 0) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static void *
ngx_http_wsgi_create_loc_conf(ngx_conf_t *cf)
{
    ngx_http_wsgi_loc_conf_t  *conf;

    conf = ngx_pcalloc(cf->pool, sizeof(ngx_http_wsgi_loc_conf_t));
    if (conf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     conf->callable_object = { 0, NULL };
     *     conf->python_path = { 0, NULL };
     *     conf->app = 0;
     */

    conf->alias = NGX_CONF_UNSET_PTR;
    conf->engine = NGX_CONF_UNSET_UINT;
    conf->threads = NGX_CONF_UNSET;
    conf->request_timeout = NGX_CONF_UNSET_MSEC;
    conf->script_reloading = NGX_CONF_UNSET;
    conf->pass_authorization = NGX_CONF_UNSET;
    conf->buffer_size = NGX_CONF_UNSET_SIZE;

    return conf;
}


static char *
ngx_http_wsgi_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_wsgi_loc_conf_t *prev = parent;
    ngx_http_wsgi_loc_conf_t *conf = child;

    ngx_http_core_loc_conf_t  *clcf;

    ngx_conf_merge_ptr_value(conf->alias, prev->alias, NULL);

    /*
     * settings nobody set stay unset, so that the core's own defaults
     * apply: the module does not keep a second copy of them
     */

    if (conf->callable_object.data == NULL) {
        conf->callable_object = prev->callable_object;
    }

    if (conf->python_path.data == NULL) {
        conf->python_path = prev->python_path;
    }

    ngx_conf_merge_uint_value(conf->engine, prev->engine, NGX_CONF_UNSET_UINT);
    ngx_conf_merge_value(conf->threads, prev->threads, NGX_CONF_UNSET);
    ngx_conf_merge_msec_value(conf->request_timeout, prev->request_timeout,
                              NGX_CONF_UNSET_MSEC);
    ngx_conf_merge_value(conf->script_reloading, prev->script_reloading,
                         NGX_CONF_UNSET);
    ngx_conf_merge_value(conf->pass_authorization, prev->pass_authorization,
                         NGX_CONF_UNSET);

    ngx_conf_merge_size_value(conf->buffer_size, prev->buffer_size,
                              GOWSGI_QUEUE_BYTES);

    if (conf->buffer_size < 1024) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"wsgi_buffer_size\" must be at least 1k");
        return NGX_CONF_ERROR;
    }

    if (conf->alias == NULL) {
        return NGX_CONF_OK;
    }

    conf->app = ngx_http_wsgi_app_add(cf, conf);
    if (conf->app == 0) {
        return NGX_CONF_ERROR;
    }

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

    if (clcf->handler == NULL) {
        clcf->handler = ngx_http_wsgi_handler;
    }

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_wsgi_postconfiguration(ngx_conf_t *cf)
{
    ngx_file_info_t             fi;
    ngx_http_wsgi_main_conf_t  *wmcf;

    wmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_wsgi_module);

    if (wmcf->apps.nelts == 0) {
        return NGX_OK;
    }

    /* a missing core is an error of the configuration, not of a worker */

    if (ngx_file_info(wmcf->core_library.data, &fi) == NGX_FILE_ERROR) {
        ngx_log_error(NGX_LOG_EMERG, cf->log, ngx_errno,
                      "wsgi core library \"%V\" not found, "
                      "set \"wsgi_core_library\"", &wmcf->core_library);
        return NGX_ERROR;
    }

    return NGX_OK;
}


static char *
ngx_http_wsgi_script_alias(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_wsgi_loc_conf_t *wlcf = conf;

    ngx_str_t  *value;

    if (wlcf->alias != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (cf->args->nelts == 2) {
        if (ngx_strcmp(value[1].data, "off") == 0) {
            wlcf->alias = NULL;
            return NGX_CONF_OK;
        }

        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid parameter \"%V\", "
                           "expected \"off\" or URI and script", &value[1]);
        return NGX_CONF_ERROR;
    }

    if (value[1].len == 0 || value[1].data[0] != '/') {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid URI \"%V\", it must start with \"/\"",
                           &value[1]);
        return NGX_CONF_ERROR;
    }

    return ngx_http_wsgi_set_alias(cf, wlcf, 0);
}


/*
 * wsgi_script_alias_match REGEX SCRIPT: the core matches REGEX against the
 * request's path from its start; the match is SCRIPT_NAME, and SCRIPT may
 * name the groups as $1..$9. A SCRIPT with such references names scripts
 * that can only be checked once a request names them.
 */

static char *
ngx_http_wsgi_script_alias_match(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_wsgi_loc_conf_t *wlcf = conf;

    if (wlcf->alias != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    return ngx_http_wsgi_set_alias(cf, wlcf, 1);
}


/* URI (or REGEX), SCRIPT and options become the location's alias */

static char *
ngx_http_wsgi_set_alias(ngx_conf_t *cf, ngx_http_wsgi_loc_conf_t *wlcf,
    ngx_uint_t match)
{
    ngx_int_t                  rc;
    ngx_str_t                 *value, name;
    ngx_uint_t                 i;
    ngx_http_wsgi_alias_t     *alias;
    ngx_http_core_loc_conf_t  *clcf;

    value = cf->args->elts;

    alias = ngx_pcalloc(cf->pool, sizeof(ngx_http_wsgi_alias_t));
    if (alias == NULL) {
        return NGX_CONF_ERROR;
    }

    alias->uri = value[1];
    alias->script = value[2];
    alias->match = match;

    if (ngx_conf_full_name(cf->cycle, &alias->script, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    rc = match ? ngx_http_wsgi_check_match(cf, alias)
               : ngx_http_wsgi_check_script(cf, &alias->script);

    if (rc != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    for (i = 3; i < cf->args->nelts; i++) {

        if (ngx_strncmp(value[i].data, "callable-object=", 16) == 0) {
            name.data = value[i].data + 16;
            name.len = value[i].len - 16;

            if (ngx_http_wsgi_check_callable(cf, NULL, &name)
                != NGX_CONF_OK)
            {
                return NGX_CONF_ERROR;
            }

            alias->callable = name;
            continue;
        }

        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid parameter \"%V\", "
                           "expected \"callable-object=NAME\"", &value[i]);
        return NGX_CONF_ERROR;
    }

    alias->file = cf->conf_file->file.name;
    alias->line = cf->conf_file->line;

    wlcf->alias = alias;

    if (cf->cmd_type & NGX_HTTP_LOC_CONF) {
        clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
        clcf->handler = ngx_http_wsgi_handler;
    }

    return NGX_CONF_OK;
}


/*
 * The regex must compile, and SCRIPT may only name groups it has. nginx's
 * PCRE checks the syntax here; the core compiles the pattern again as Go
 * (RE2) syntax when the worker starts and refuses, with FILE:LINE, the
 * few PCRE-only features (lookaround, backreferences).
 */

static ngx_int_t
ngx_http_wsgi_check_match(ngx_conf_t *cf, ngx_http_wsgi_alias_t *alias)
{
    u_char               *p, *last;
    ngx_int_t             highest, captures;
#if (NGX_PCRE)
    ngx_regex_compile_t   rc;
    u_char                errstr[NGX_MAX_CONF_ERRSTR];

    ngx_memzero(&rc, sizeof(ngx_regex_compile_t));

    rc.pattern = alias->uri;
    rc.pool = cf->pool;
    rc.err.len = NGX_MAX_CONF_ERRSTR;
    rc.err.data = errstr;

    if (ngx_regex_compile(&rc) != NGX_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "%V", &rc.err);
        return NGX_ERROR;
    }

    captures = rc.captures;
#else
    /* without PCRE only the core checks the pattern, at the worker's start */
    captures = 9;
#endif

    highest = -1;
    last = alias->script.data + alias->script.len;

    for (p = alias->script.data; p + 1 < last; p++) {
        if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
            highest = ngx_max(highest, p[1] - '0');
        }
    }

    if (highest > captures) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "wsgi script \"%V\" refers to $%i, but \"%V\" "
                           "has %i group(s)", &alias->script, highest,
                           &alias->uri, captures);
        return NGX_ERROR;
    }

    if (highest >= 0) {
        return NGX_OK;
    }

    return ngx_http_wsgi_check_script(cf, &alias->script);
}


/*
 * The master never runs Python, so the script is only checked for being a
 * regular file it can open; syntax errors show at the worker's start.
 */

static ngx_int_t
ngx_http_wsgi_check_script(ngx_conf_t *cf, ngx_str_t *path)
{
    ngx_fd_t         fd;
    ngx_file_info_t  fi;

    fd = ngx_open_file(path->data, NGX_FILE_RDONLY|NGX_FILE_NONBLOCK,
                       NGX_FILE_OPEN, 0);

    if (fd == NGX_INVALID_FILE) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "wsgi script \"%V\" cannot be opened", path);
        return NGX_ERROR;
    }

    if (ngx_fd_info(fd, &fi) == NGX_FILE_ERROR) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           ngx_fd_info_n " \"%V\" failed", path);
        (void) ngx_close_file(fd);
        return NGX_ERROR;
    }

    (void) ngx_close_file(fd);

    if (!ngx_is_file(&fi)) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "wsgi script \"%V\" is not a regular file", path);
        return NGX_ERROR;
    }

    return NGX_OK;
}


static char *
ngx_http_wsgi_check_callable(ngx_conf_t *cf, void *post, void *data)
{
    ngx_str_t  *name = data;

    u_char      c;
    ngx_uint_t  i;

    for (i = 0; i < name->len; i++) {
        c = name->data[i];

        if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (i > 0 && c >= '0' && c <= '9'))
        {
            continue;
        }

        break;
    }

    if (name->len == 0 || i < name->len) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid callable object \"%V\", "
                           "it must be a Python identifier", name);
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_wsgi_python_path(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_wsgi_loc_conf_t *wlcf = conf;

    u_char      *p, *last, *sep;
    size_t       len;
    ngx_str_t   *value, *s, dir;
    ngx_uint_t   i, n;
    ngx_array_t  dirs;

    if (wlcf->python_path.data != NULL) {
        return "is duplicate";
    }

    if (ngx_array_init(&dirs, cf->temp_pool, 4, sizeof(ngx_str_t)) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    value = cf->args->elts;
    len = 0;

    for (i = 1; i < cf->args->nelts; i++) {

        p = value[i].data;
        last = p + value[i].len;

        while (p <= last) {
            sep = ngx_strlchr(p, last, ':');
            if (sep == NULL) {
                sep = last;
            }

            dir.data = p;
            dir.len = sep - p;
            p = sep + 1;

            if (dir.len == 0) {
                ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                                   "invalid python path \"%V\", "
                                   "it has an empty entry", &value[i]);
                return NGX_CONF_ERROR;
            }

            if (ngx_conf_full_name(cf->cycle, &dir, 1) != NGX_OK) {
                return NGX_CONF_ERROR;
            }

            s = ngx_array_push(&dirs);
            if (s == NULL) {
                return NGX_CONF_ERROR;
            }

            *s = dir;
            len += dir.len + 1;
        }
    }

    p = ngx_pnalloc(cf->pool, len);
    if (p == NULL) {
        return NGX_CONF_ERROR;
    }

    wlcf->python_path.data = p;
    value = dirs.elts;

    for (n = 0; n < dirs.nelts; n++) {
        if (n) {
            *p++ = ':';
        }

        p = ngx_cpymem(p, value[n].data, value[n].len);
    }

    wlcf->python_path.len = p - wlcf->python_path.data;

    return NGX_CONF_OK;
}


/*
 * One interpreter per process, so one home for all of http{}; checked here
 * so that "nginx -t" names the line rather than a worker failing to start.
 */

static char *
ngx_http_wsgi_python_home(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_wsgi_main_conf_t *wmcf = conf;

    ngx_str_t        *value;
    ngx_file_info_t   fi;

    if (wmcf->python_home.data != NULL) {
        return "is duplicate";
    }

    value = cf->args->elts;
    wmcf->python_home = value[1];

    if (ngx_conf_full_name(cf->cycle, &wmcf->python_home, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (ngx_file_info(wmcf->python_home.data, &fi) == NGX_FILE_ERROR
        || !ngx_is_dir(&fi))
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "python home \"%V\" is not a directory, expected "
                           "a Python installation prefix or a virtualenv",
                           &wmcf->python_home);
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_wsgi_request_timeout(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_wsgi_loc_conf_t *wlcf = conf;

    ngx_str_t  *value;
    ngx_msec_t  timeout;

    if (wlcf->request_timeout != NGX_CONF_UNSET_MSEC) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        wlcf->request_timeout = 0;
        return NGX_CONF_OK;
    }

    timeout = ngx_parse_time(&value[1], 0);

    if (timeout == (ngx_msec_t) NGX_ERROR || timeout == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid value \"%V\", "
                           "expected a time such as 30s or \"off\"",
                           &value[1]);
        return NGX_CONF_ERROR;
    }

    wlcf->request_timeout = timeout;

    return NGX_CONF_OK;
}


static char *
ngx_http_wsgi_core_setting(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_wsgi_main_conf_t *wmcf = conf;

    u_char      *eq;
    ngx_str_t   *value, *s, *name;
    ngx_uint_t   i;

    static ngx_str_t  names[] = {
        ngx_string("GOMAXPROCS"),
        ngx_string("GOMEMLIMIT"),
        ngx_string("GOGC"),
        ngx_string("LOG_LEVEL"),
        ngx_null_string
    };

    value = cf->args->elts;

    for (i = 1; i < cf->args->nelts; i++) {

        eq = ngx_strlchr(value[i].data, value[i].data + value[i].len, '=');

        for (name = names; eq && name->len; name++) {
            if ((size_t) (eq - value[i].data) == name->len
                && ngx_strncmp(value[i].data, name->data, name->len) == 0)
            {
                break;
            }
        }

        if (eq == NULL
            || name->len == 0
            || eq + 1 == value[i].data + value[i].len)
        {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "invalid parameter \"%V\", expected "
                               "GOMAXPROCS=N, GOMEMLIMIT=SIZE, "
                               "GOGC=PERCENT or LOG_LEVEL=LEVEL", &value[i]);
            return NGX_CONF_ERROR;
        }

        s = ngx_array_push(&wmcf->core_settings);
        if (s == NULL) {
            return NGX_CONF_ERROR;
        }

        *s = value[i];
    }

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_wsgi_init_process(ngx_cycle_t *cycle)
{
    ngx_http_wsgi_main_conf_t  *wmcf;

    if (ngx_process != NGX_PROCESS_WORKER
        && ngx_process != NGX_PROCESS_SINGLE)
    {
        return NGX_OK;
    }

    wmcf = ngx_http_cycle_get_module_main_conf(cycle, ngx_http_wsgi_module);

    if (wmcf == NULL || wmcf->apps.nelts == 0) {
        return NGX_OK;
    }

    /*
     * a worker whose core fails to start answers 500 and says why, rather
     * than exit and be respawned into the same failure
     */

    (void) ngx_http_wsgi_core_start(cycle, wmcf);

    return NGX_OK;
}


static void
ngx_http_wsgi_exit_process(ngx_cycle_t *cycle)
{
    ngx_http_wsgi_core_stop(cycle);
}
