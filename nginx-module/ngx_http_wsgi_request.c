
/*
 * Copyright (C) gowsgi authors
 *
 * A request's way into the core: the content handler reads the body the
 * usual way (into memory or a temporary file), hands the request to the
 * core and then offers the body in bounded pieces whenever the core has
 * room. The core's news resumes the request from the event loop.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <nginx.h>

#include "ngx_http_wsgi_module.h"


/* re-armed while the core has a request; see ngx_http_wsgi_waiting() */
#define NGX_HTTP_WSGI_WAIT  60000

/* extra CGI variables passed besides the core's own */
#define NGX_HTTP_WSGI_NVARS  5


/* what a request's description points to, alive until the core copied it */
typedef struct {
    u_char                      server_port[NGX_INT_T_LEN];
    u_char                      remote_port[NGX_INT_T_LEN];
    u_char                      server_addr[NGX_SOCKADDR_STRLEN];
    u_char                      log_id[NGX_ATOMIC_T_LEN + 1];
    gowsgi_str                  vars[2 * NGX_HTTP_WSGI_NVARS];
} ngx_http_wsgi_scratch_t;


static void ngx_http_wsgi_body_read(ngx_http_request_t *r);
static ngx_int_t ngx_http_wsgi_describe(ngx_http_request_t *r,
    gowsgi_request *req, ngx_http_wsgi_scratch_t *scratch);
static ngx_int_t ngx_http_wsgi_describe_path(ngx_http_request_t *r,
    gowsgi_request *req);
static ngx_int_t ngx_http_wsgi_describe_headers(ngx_http_request_t *r,
    gowsgi_request *req);
static void ngx_http_wsgi_describe_addresses(ngx_http_request_t *r,
    gowsgi_request *req, ngx_http_wsgi_scratch_t *scratch);
static ngx_uint_t ngx_http_wsgi_describe_vars(ngx_http_request_t *r,
    gowsgi_str *vars, ngx_str_t *server_addr);
static off_t ngx_http_wsgi_body_length(ngx_http_request_t *r);
static ngx_int_t ngx_http_wsgi_next_piece(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx);
static ngx_uint_t ngx_http_wsgi_body_left(ngx_chain_t *cl);
static void ngx_http_wsgi_process(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx);
static void ngx_http_wsgi_write_handler(ngx_http_request_t *r);
static void ngx_http_wsgi_waiting(ngx_event_t *ev);
static void ngx_http_wsgi_cleanup(void *data);
static void ngx_http_wsgi_release(ngx_http_wsgi_ctx_t *ctx);


#define ngx_http_wsgi_str(s, src)                                             \
    (s).data = (char *) (src).data; (s).len = (src).len


ngx_int_t
ngx_http_wsgi_handler(ngx_http_request_t *r)
{
    ngx_int_t                  rc;
    ngx_http_wsgi_ctx_t       *ctx;
    ngx_http_wsgi_loc_conf_t  *wlcf;

    wlcf = ngx_http_get_module_loc_conf(r, ngx_http_wsgi_module);

    if (wlcf->app == 0) {
        return NGX_DECLINED;
    }

    if (ngx_http_wsgi_core == NULL) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "wsgi core is not running in this worker, "
                      "see the alert logged when the worker started");
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_wsgi_ctx_t));
    if (ctx == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->request = r;
    ctx->header.len = NGX_HTTP_WSGI_HEADER_SIZE;

    ngx_http_set_ctx(r, ctx, ngx_http_wsgi_module);

    /*
     * reading the body takes a reference on the request; once the body
     * handler runs, the module owns the request until it finalizes it
     */

    rc = ngx_http_read_client_request_body(r, ngx_http_wsgi_body_read);

    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
        return rc;
    }

    return NGX_DONE;
}


static void
ngx_http_wsgi_body_read(ngx_http_request_t *r)
{
    ngx_int_t             rc;
    ngx_http_wsgi_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_wsgi_module);

    rc = ngx_http_wsgi_start(r, ctx);

    if (rc != NGX_OK) {
        ngx_http_wsgi_finalize(r, ctx, rc);
        return;
    }

    /* the response cannot be there yet: the core's news will bring it */

    if (ngx_http_wsgi_offer_body(r, ctx) == NGX_ERROR) {
        ngx_http_wsgi_finalize(r, ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
    }
}


ngx_int_t
ngx_http_wsgi_start(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    gowsgi_request            req;
    ngx_http_cleanup_t       *cln;
    ngx_http_wsgi_scratch_t   scratch;

    /*
     * The request's reference is the one the body reading took: nothing
     * frees the request before the module finalizes it but its
     * termination (a client gone, an error), which runs this cleanup
     * first. The core keeps nothing of the request's memory, only the
     * cookie, which it forgets in the cleanup's close; a worker that exits
     * has the core cancel whatever still runs (gowsgi_shutdown).
     */

    cln = ngx_http_cleanup_add(r, 0);
    if (cln == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    cln->handler = ngx_http_wsgi_cleanup;
    cln->data = ctx;

    if (ngx_http_wsgi_describe(r, &req, &scratch) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (req.content_length && r->request_body) {
        ctx->body = r->request_body->bufs;
        ctx->file_pos = -1;

        ctx->piece = ngx_calloc_buf(r->pool);
        if (ctx->piece == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    ctx->id = ngx_http_wsgi_core->request_start(&req, (uintptr_t) ctx);

    if (ctx->id == 0) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "wsgi core refused the request");
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->wait.handler = ngx_http_wsgi_waiting;
    ctx->wait.data = ctx;
    ctx->wait.log = r->connection->log;

    ngx_add_timer(&ctx->wait, NGX_HTTP_WSGI_WAIT);

    /* a client that goes away finalizes the request, which cancels it */

    r->read_event_handler = ngx_http_test_reading;
    r->write_event_handler = ngx_http_wsgi_write_handler;

    return NGX_OK;
}


static ngx_int_t
ngx_http_wsgi_describe(ngx_http_request_t *r, gowsgi_request *req,
    ngx_http_wsgi_scratch_t *scratch)
{
    ngx_str_t                  server_addr;
    ngx_http_wsgi_loc_conf_t  *wlcf;

    wlcf = ngx_http_get_module_loc_conf(r, ngx_http_wsgi_module);

    ngx_memzero(req, sizeof(gowsgi_request));

    req->app = wlcf->app;

    ngx_http_wsgi_str(req->method, r->method_name);
    ngx_http_wsgi_str(req->query, r->args);

    if (r->http_protocol.len) {
        ngx_http_wsgi_str(req->protocol, r->http_protocol);

    } else {
        req->protocol.data = "HTTP/0.9";
        req->protocol.len = sizeof("HTTP/0.9") - 1;
    }

    if (ngx_http_wsgi_describe_path(r, req) != NGX_OK) {
        return NGX_ERROR;
    }

    if (ngx_http_wsgi_describe_headers(r, req) != NGX_OK) {
        return NGX_ERROR;
    }

    req->content_length = ngx_http_wsgi_body_length(r);

    ngx_http_wsgi_describe_addresses(r, req, scratch);

    server_addr.data = scratch->server_addr;
    server_addr.len = NGX_SOCKADDR_STRLEN;

    if (ngx_connection_local_sockaddr(r->connection, &server_addr, 0)
        != NGX_OK)
    {
        server_addr.len = 0;
    }

    req->vars = scratch->vars;
    req->nvars = ngx_http_wsgi_describe_vars(r, scratch->vars, &server_addr);

    /* core log lines name the request as nginx's own lines do */

    req->log_id.data = (char *) scratch->log_id;
    req->log_id.len = ngx_sprintf(scratch->log_id, "*%uA",
                                  r->connection->number)
                      - scratch->log_id;

    return NGX_OK;
}


/*
 * The core decodes the path it is given, so it gets r->uri encoded again:
 * the path nginx normalized ("/a/../b" is "/b", slashes merged) and chose
 * the location by, which after a rewrite is the only current one.
 */

static ngx_int_t
ngx_http_wsgi_describe_path(ngx_http_request_t *r, gowsgi_request *req)
{
    u_char     *p;
    uintptr_t   escape;

    escape = 2 * ngx_escape_uri(NULL, r->uri.data, r->uri.len, NGX_ESCAPE_URI);

    if (escape == 0) {
        ngx_http_wsgi_str(req->path, r->uri);
        return NGX_OK;
    }

    p = ngx_pnalloc(r->pool, r->uri.len + escape);
    if (p == NULL) {
        return NGX_ERROR;
    }

    (void) ngx_escape_uri(p, r->uri.data, r->uri.len, NGX_ESCAPE_URI);

    req->path.data = (char *) p;
    req->path.len = r->uri.len + escape;

    return NGX_OK;
}


static ngx_int_t
ngx_http_wsgi_describe_headers(ngx_http_request_t *r, gowsgi_request *req)
{
    gowsgi_str       *h;
    ngx_uint_t        i, n;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *header;

    n = 0;

    for (part = &r->headers_in.headers.part; part; part = part->next) {
        n += part->nelts;
    }

    if (n == 0) {
        return NGX_OK;
    }

    h = ngx_palloc(r->pool, 2 * n * sizeof(gowsgi_str));
    if (h == NULL) {
        return NGX_ERROR;
    }

    req->headers = h;

    for (part = &r->headers_in.headers.part; part; part = part->next) {
        header = part->elts;

        for (i = 0; i < part->nelts; i++) {
            ngx_http_wsgi_str(h[0], header[i].key);
            ngx_http_wsgi_str(h[1], header[i].value);
            h += 2;
        }
    }

    req->nheaders = n;

    return NGX_OK;
}


static void
ngx_http_wsgi_describe_addresses(ngx_http_request_t *r, gowsgi_request *req,
    ngx_http_wsgi_scratch_t *scratch)
{
    u_char                    *p;
    ngx_connection_t          *c;
    ngx_http_core_srv_conf_t  *cscf;

    c = r->connection;

    if (r->headers_in.server.len) {
        ngx_http_wsgi_str(req->server_name, r->headers_in.server);

    } else {
        cscf = ngx_http_get_module_srv_conf(r, ngx_http_core_module);
        ngx_http_wsgi_str(req->server_name, cscf->server_name);
    }

    if (ngx_connection_local_sockaddr(c, NULL, 0) == NGX_OK
        && c->local_sockaddr->sa_family != AF_UNIX)
    {
        p = ngx_sprintf(scratch->server_port, "%ui",
                        (ngx_uint_t) ngx_inet_get_port(c->local_sockaddr));

        req->server_port.data = (char *) scratch->server_port;
        req->server_port.len = p - scratch->server_port;
    }

    ngx_http_wsgi_str(req->remote_addr, c->addr_text);

    if (c->sockaddr->sa_family != AF_UNIX) {
        p = ngx_sprintf(scratch->remote_port, "%ui",
                        (ngx_uint_t) ngx_inet_get_port(c->sockaddr));

        req->remote_port.data = (char *) scratch->remote_port;
        req->remote_port.len = p - scratch->remote_port;
    }

#if (NGX_HTTP_SSL)
    req->tls = (c->ssl != NULL);
#endif
}


static ngx_uint_t
ngx_http_wsgi_describe_vars(ngx_http_request_t *r, gowsgi_str *vars,
    ngx_str_t *server_addr)
{
    gowsgi_str  *v;

    static ngx_str_t  software = ngx_string(NGINX_VER);
    static ngx_str_t  basic = ngx_string("Basic");

    v = vars;

#define ngx_http_wsgi_var(name, value)                                        \
    v[0].data = name;                                                         \
    v[0].len = sizeof(name) - 1;                                              \
    v[1].data = (char *) (value).data;                                        \
    v[1].len = (value).len;                                                   \
    v += 2

    ngx_http_wsgi_var("REQUEST_URI", r->unparsed_uri);
    ngx_http_wsgi_var("SERVER_SOFTWARE", software);

    if (server_addr->len) {
        ngx_http_wsgi_var("SERVER_ADDR", *server_addr);
    }

    /* set once an access module (auth_basic and the like) checked them */

    if (r->headers_in.user.len) {
        ngx_http_wsgi_var("REMOTE_USER", r->headers_in.user);
        ngx_http_wsgi_var("AUTH_TYPE", basic);
    }

#undef ngx_http_wsgi_var

    return (v - vars) / 2;
}


/* what was read of the body: chunked bodies have a length from now on */

static off_t
ngx_http_wsgi_body_length(ngx_http_request_t *r)
{
    off_t         len;
    ngx_chain_t  *cl;

    if (r != r->main || r->request_body == NULL) {
        return 0;
    }

    len = 0;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        len += ngx_buf_size(cl->buf);
    }

    return len;
}


/*
 * Offers the body until the core's queue is full (NGX_AGAIN: wait for
 * news), the body is all taken or the application stopped reading it.
 */

ngx_int_t
ngx_http_wsgi_offer_body(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    size_t      len;
    ssize_t     n;
    ngx_buf_t  *piece;
    ngx_int_t   last;

    piece = ctx->piece;

    while (piece && (ctx->body || piece->pos < piece->last)) {

        if (piece->pos == piece->last) {
            if (ngx_http_wsgi_next_piece(r, ctx) != NGX_OK) {
                return NGX_ERROR;
            }

            continue;
        }

        len = piece->last - piece->pos;
        last = !ngx_http_wsgi_body_left(ctx->body);

        n = ngx_http_wsgi_core->request_body(ctx->id, (char *) piece->pos,
                                             len, last);

        if (n == GOWSGI_GONE) {
            ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                           "wsgi application left the body unread");
            ctx->body = NULL;
            piece->pos = piece->last;
            return NGX_OK;
        }

        if (n < 0) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "wsgi core did not take the request body");
            return NGX_ERROR;
        }

        piece->pos += n;

        if ((size_t) n < len) {
            return NGX_AGAIN;
        }
    }

    return NGX_OK;
}


/*
 * Points the piece at the next part of the body: a buffer in memory as it
 * is, a temporary file one buffer-size read at a time.
 */

static ngx_int_t
ngx_http_wsgi_next_piece(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    size_t                     size;
    ssize_t                    n;
    ngx_buf_t                 *b, *piece;
    ngx_http_wsgi_loc_conf_t  *wlcf;

    b = ctx->body->buf;
    piece = ctx->piece;

    if (ngx_buf_in_memory(b)) {
        piece->pos = b->pos;
        piece->last = b->last;
        ctx->body = ctx->body->next;
        return NGX_OK;
    }

    if (!b->in_file) {
        ctx->body = ctx->body->next;
        return NGX_OK;
    }

    if (piece->start == NULL) {
        wlcf = ngx_http_get_module_loc_conf(r, ngx_http_wsgi_module);

        piece->start = ngx_palloc(r->pool, wlcf->buffer_size);
        if (piece->start == NULL) {
            return NGX_ERROR;
        }

        piece->end = piece->start + wlcf->buffer_size;
    }

    if (ctx->file_pos == -1) {
        ctx->file_pos = b->file_pos;
    }

    size = (size_t) ngx_min(b->file_last - ctx->file_pos,
                            (off_t) (piece->end - piece->start));

    n = ngx_read_file(b->file, piece->start, size, ctx->file_pos);

    if (n == NGX_ERROR) {
        return NGX_ERROR;
    }

    if ((size_t) n != size) {
        ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                      ngx_read_file_n " read only %z of %uz bytes "
                      "of the request body", n, size);
        return NGX_ERROR;
    }

    piece->pos = piece->start;
    piece->last = piece->start + n;

    ctx->file_pos += n;

    if (ctx->file_pos >= b->file_last) {
        ctx->body = ctx->body->next;
        ctx->file_pos = -1;
    }

    return NGX_OK;
}


static ngx_uint_t
ngx_http_wsgi_body_left(ngx_chain_t *cl)
{
    for ( /* void */ ; cl; cl = cl->next) {
        if (ngx_buf_size(cl->buf)) {
            return 1;
        }
    }

    return 0;
}


void
ngx_http_wsgi_wake(ngx_http_wsgi_ctx_t *ctx)
{
    ngx_connection_t    *c;
    ngx_http_request_t  *r;

    r = ctx->request;
    c = r->connection;

    ngx_http_set_log_request(c->log, r);

    ngx_log_debug0(NGX_LOG_DEBUG_HTTP, c->log, 0, "wsgi news");

    ngx_http_wsgi_process(r, ctx);

    ngx_http_run_posted_requests(c);
}


static void
ngx_http_wsgi_process(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    if (ctx->done) {
        return;
    }

    if (ngx_http_wsgi_offer_body(r, ctx) == NGX_ERROR) {
        ngx_http_wsgi_finalize(r, ctx, ctx->header_sent
                                       ? NGX_ERROR
                                       : NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    (void) ngx_http_wsgi_pump(r, ctx);
}


static void
ngx_http_wsgi_write_handler(ngx_http_request_t *r)
{
    ngx_event_t          *wev;
    ngx_connection_t     *c;
    ngx_http_wsgi_ctx_t  *ctx;

    c = r->connection;
    wev = c->write;
    ctx = ngx_http_get_module_ctx(r, ngx_http_wsgi_module);

    if (wev->timedout) {
        c->timedout = 1;
        ngx_connection_error(c, NGX_ETIMEDOUT, "client timed out");
        ngx_http_wsgi_finalize(r, ctx, NGX_HTTP_REQUEST_TIME_OUT);
        return;
    }

    ngx_http_wsgi_process(r, ctx);
}


/*
 * While the core has a request, this timer is pending: a worker told to
 * quit gracefully waits for its timers, and so for such requests, before
 * it exits.
 */

static void
ngx_http_wsgi_waiting(ngx_event_t *ev)
{
    ngx_http_wsgi_ctx_t  *ctx = ev->data;

    if (ctx->id) {
        ngx_add_timer(ev, NGX_HTTP_WSGI_WAIT);
    }
}


void
ngx_http_wsgi_finalize(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx,
    ngx_int_t rc)
{
    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "wsgi finalize request: %i", rc);

    ngx_http_wsgi_release(ctx);

    ngx_http_finalize_request(r, rc);
}


static void
ngx_http_wsgi_cleanup(void *data)
{
    ngx_http_wsgi_ctx_t  *ctx = data;

    ngx_http_wsgi_release(ctx);
}


/* the core forgets the request, cancelling it if it still runs */

static void
ngx_http_wsgi_release(ngx_http_wsgi_ctx_t *ctx)
{
    if (ctx->id && ngx_http_wsgi_core) {
        ngx_http_wsgi_core->request_close(ctx->id);
    }

    ctx->id = 0;
    ctx->done = 1;

    ngx_http_wsgi_core_forget(ctx);

    if (ctx->wait.timer_set) {
        ngx_del_timer(&ctx->wait);
    }
}
