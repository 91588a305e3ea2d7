
/*
 * Copyright (C) gowsgi authors
 */


#ifndef _NGX_HTTP_WSGI_MODULE_H_INCLUDED_
#define _NGX_HTTP_WSGI_MODULE_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <gowsgi.h>


/* where a wsgi_script_alias was written */
typedef struct {
    ngx_str_t                   uri;          /* or the regex of a match */
    ngx_str_t                   script;       /* absolute */
    ngx_str_t                   callable;     /* callable-object=, or empty */
    unsigned                    match:1;      /* wsgi_script_alias_match */
    ngx_str_t                   file;
    ngx_uint_t                  line;
} ngx_http_wsgi_alias_t;


/* one application of the core: its directive in gowsgi's syntax */
typedef struct {
    ngx_str_t                   directive;
    ngx_str_t                   file;
    ngx_uint_t                  line;
} ngx_http_wsgi_app_t;


typedef struct {
    ngx_str_t                   core_library;
    ngx_array_t                 core_settings; /* ngx_str_t, NAME=VALUE */
    ngx_str_t                   python_home;   /* absolute, or empty */
    ngx_array_t                 apps;          /* ngx_http_wsgi_app_t */
} ngx_http_wsgi_main_conf_t;


typedef struct {
    ngx_http_wsgi_alias_t      *alias;         /* NULL: wsgi_script_alias off */

    /* settings left unset are not passed: the core's defaults apply */
    ngx_str_t                   callable_object;
    ngx_str_t                   python_path;   /* absolute dirs joined by ':' */
    ngx_uint_t                  engine;
    ngx_int_t                   threads;
    ngx_msec_t                  request_timeout; /* 0: off */
    ngx_flag_t                  script_reloading;
    ngx_flag_t                  pass_authorization;

    size_t                      buffer_size;

    ngx_uint_t                  app;           /* 1..apps->nelts, 0: none */
} ngx_http_wsgi_loc_conf_t;


/* the functions of libgowsgi.so, looked up once per worker */
typedef struct {
    gowsgi_abi_version_pt       abi_version;
    gowsgi_init_pt              init;
    gowsgi_request_start_pt     request_start;
    gowsgi_request_body_pt      request_body;
    gowsgi_request_poll_pt      request_poll;
    gowsgi_request_close_pt     request_close;
    gowsgi_ready_pt             ready;
    gowsgi_shutdown_pt          shutdown;
} ngx_http_wsgi_core_t;


/* a request while the core serves it */
typedef struct {
    ngx_http_request_t         *request;
    uint64_t                    id;            /* 0: not in the core */

    ngx_chain_t                *body;          /* request body not offered yet */
    ngx_buf_t                  *piece;         /* part of it being offered */
    off_t                       file_pos;      /* next temp file byte to read */

    ngx_str_t                   header;        /* block for status and headers */
    ngx_buf_t                  *buffer;        /* response bytes from the core */
    ngx_chain_t                *free;
    ngx_chain_t                *busy;

    ngx_event_t                 wait;          /* keeps a quitting worker alive */

    unsigned                    header_sent:1;
    unsigned                    done:1;
} ngx_http_wsgi_ctx_t;


/*
 * what the status and headers usually take, with room for a small body
 * that the core sends along; the core says when the headers need more
 */
#define NGX_HTTP_WSGI_HEADER_SIZE     2048


#define NGX_HTTP_WSGI_ENGINE_GPYTHON  1
#define NGX_HTTP_WSGI_ENGINE_CPYTHON  2


extern ngx_module_t             ngx_http_wsgi_module;
extern ngx_http_wsgi_core_t    *ngx_http_wsgi_core;


ngx_int_t ngx_http_wsgi_core_start(ngx_cycle_t *cycle,
    ngx_http_wsgi_main_conf_t *wmcf);
void ngx_http_wsgi_core_stop(ngx_cycle_t *cycle);
void ngx_http_wsgi_core_forget(ngx_http_wsgi_ctx_t *ctx);
ngx_int_t ngx_http_wsgi_core_default_library(ngx_conf_t *cf, ngx_str_t *path);

ngx_uint_t ngx_http_wsgi_app_add(ngx_conf_t *cf, ngx_http_wsgi_loc_conf_t *wlcf);

ngx_int_t ngx_http_wsgi_handler(ngx_http_request_t *r);
void ngx_http_wsgi_wake(ngx_http_wsgi_ctx_t *ctx);
ngx_int_t ngx_http_wsgi_start(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx);
ngx_int_t ngx_http_wsgi_offer_body(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx);
ngx_int_t ngx_http_wsgi_pump(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx);
void ngx_http_wsgi_finalize(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx,
    ngx_int_t rc);


#endif /* _NGX_HTTP_WSGI_MODULE_H_INCLUDED_ */
