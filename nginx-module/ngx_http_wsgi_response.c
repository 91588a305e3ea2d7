
/*
 * Copyright (C) gowsgi authors
 *
 * A response's way out of the core: status and headers into headers_out,
 * then the body through the output filters one buffer at a time. The next
 * buffer is pulled from the core only once the previous one has left
 * (nothing busy), so a slow client slows the application down instead of
 * filling memory, as in the upstream module's unbuffered mode.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_wsgi_module.h"


static ngx_int_t ngx_http_wsgi_read_header(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx);
static ngx_int_t ngx_http_wsgi_set_headers(ngx_http_request_t *r,
    gowsgi_event *ev, u_char *block);
static ngx_int_t ngx_http_wsgi_set_header(ngx_http_request_t *r,
    ngx_str_t *name, ngx_str_t *value);
static void ngx_http_wsgi_set_content_type(ngx_http_request_t *r,
    ngx_str_t *value);
static ngx_int_t ngx_http_wsgi_alloc_buffer(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx, gowsgi_event *ev);
static ngx_int_t ngx_http_wsgi_read_body(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx);
static ngx_int_t ngx_http_wsgi_send(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx, u_char *pos, u_char *last, ngx_uint_t last_buf);
static ngx_int_t ngx_http_wsgi_send_buffer(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx, ngx_uint_t last_buf);
static void ngx_http_wsgi_abort(ngx_http_request_t *r,
    ngx_http_wsgi_ctx_t *ctx, char *reason);


/*
 * Moves what the core has of the response towards the client. Returns
 * NGX_DONE once the request is finalized, NGX_AGAIN to wait for news or
 * for the client.
 */

ngx_int_t
ngx_http_wsgi_pump(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    ngx_int_t  rc;

    if (ctx->done) {
        return NGX_DONE;
    }

    if (!ctx->header_sent) {
        rc = ngx_http_wsgi_read_header(r, ctx);

        if (rc != NGX_OK) {
            return rc;
        }
    }

    for ( ;; ) {

        if (ctx->busy) {
            rc = ngx_http_wsgi_send(r, ctx, NULL, NULL, 0);

            if (rc == NGX_ERROR) {
                ngx_http_wsgi_finalize(r, ctx, NGX_ERROR);
                return NGX_DONE;
            }

            if (ctx->busy) {
                return NGX_AGAIN;
            }
        }

        rc = ngx_http_wsgi_read_body(r, ctx);

        if (rc != NGX_OK) {
            return rc;
        }
    }
}


static ngx_int_t
ngx_http_wsgi_read_header(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    int            type;
    u_char        *block;
    size_t         size;
    ngx_int_t      rc;
    gowsgi_event   ev;

    /* one block per request, however often the headers are not there yet */

    block = ctx->header.data;
    size = ctx->header.len;

    for ( ;; ) {
        if (block == NULL) {
            block = ngx_pnalloc(r->pool, size);
            if (block == NULL) {
                ngx_http_wsgi_finalize(r, ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
                return NGX_DONE;
            }

            ctx->header.data = block;
            ctx->header.len = size;
        }

        type = ngx_http_wsgi_core->request_poll(ctx->id, &ev, (char *) block,
                                                size);

        if (type != GOWSGI_ENOSPC) {
            break;
        }

        block = NULL;
        size = ev.len;
    }

    switch (type) {

    case GOWSGI_EV_NONE:
        return NGX_AGAIN;

    case GOWSGI_EV_HEADERS:
        break;

    default:
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "wsgi core gave no response headers (%d)", type);
        ngx_http_wsgi_finalize(r, ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return NGX_DONE;
    }

    if (ev.flags & GOWSGI_EV_LAST) {
        /* the core has forgotten the request */
        ctx->id = 0;
    }

    if (ngx_http_wsgi_set_headers(r, &ev, block) != NGX_OK) {
        ngx_http_wsgi_finalize(r, ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return NGX_DONE;
    }

    ctx->header_sent = 1;

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        ngx_http_wsgi_finalize(r, ctx, rc);
        return NGX_DONE;
    }

    if (ev.flags & GOWSGI_EV_LAST) {
        rc = ngx_http_wsgi_send(r, ctx, block + ev.len,
                                block + ev.len + ev.body, 1);
        ngx_http_wsgi_finalize(r, ctx, rc);
        return NGX_DONE;
    }

    if (ngx_http_wsgi_alloc_buffer(r, ctx, &ev) != NGX_OK) {
        ngx_http_wsgi_finalize(r, ctx, NGX_ERROR);
        return NGX_DONE;
    }

    if (ev.body) {
        rc = ngx_http_wsgi_send(r, ctx, block + ev.len,
                                block + ev.len + ev.body, 0);

        if (rc == NGX_ERROR) {
            ngx_http_wsgi_finalize(r, ctx, NGX_ERROR);
            return NGX_DONE;
        }
    }

    return NGX_OK;
}


/*
 * The block holds the reason phrase, then names and values, each ending
 * in a NUL, so they are used where they are.
 */

static ngx_int_t
ngx_http_wsgi_set_headers(ngx_http_request_t *r, gowsgi_event *ev,
    u_char *block)
{
    u_char     *p, *last;
    ngx_str_t   reason, name, value;
    ngx_uint_t  i;

    p = block;
    last = block + ev->len;

    reason.data = p;
    reason.len = ngx_strlen(p);
    p += reason.len + 1;

    r->headers_out.status = ev->status;

    if (reason.len) {
        r->headers_out.status_line.data = ngx_pnalloc(r->pool,
                                                      reason.len + 4);
        if (r->headers_out.status_line.data == NULL) {
            return NGX_ERROR;
        }

        r->headers_out.status_line.len =
                          ngx_sprintf(r->headers_out.status_line.data,
                                      "%03ui %V", r->headers_out.status,
                                      &reason)
                          - r->headers_out.status_line.data;
    }

    for (i = 0; i < ev->count; i++) {

        if (p >= last) {
            ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                          "wsgi core sent a short header block");
            return NGX_ERROR;
        }

        name.data = p;
        name.len = ngx_strlen(p);
        p += name.len + 1;

        value.data = p;
        value.len = ngx_strlen(p);
        p += value.len + 1;

        if (ngx_http_wsgi_set_header(r, &name, &value) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    /*
     * a response the core had whole before its headers went out gets a
     * Content-Length, so the connection can be kept alive
     */

    if ((ev->flags & GOWSGI_EV_COMPLETE)
        && r->headers_out.content_length_n == -1
        && r->method != NGX_HTTP_HEAD
        && r->headers_out.status >= NGX_HTTP_OK
        && r->headers_out.status != NGX_HTTP_NO_CONTENT
        && r->headers_out.status != NGX_HTTP_NOT_MODIFIED)
    {
        r->headers_out.content_length_n = ev->body + ev->queued;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_wsgi_set_header(ngx_http_request_t *r, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_table_elt_t  *h;

    /* names and values end in a NUL: see gowsgi_request_poll() */

    if (ngx_strcasecmp(name->data, (u_char *) "Content-Length") == 0) {
        r->headers_out.content_length_n = ngx_atoof(value->data, value->len);

        if (r->headers_out.content_length_n == NGX_ERROR) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "wsgi application sent invalid Content-Length "
                          "\"%V\"", value);
            return NGX_ERROR;
        }

        return NGX_OK;
    }

    if (ngx_strcasecmp(name->data, (u_char *) "Content-Type") == 0) {
        ngx_http_wsgi_set_content_type(r, value);
        return NGX_OK;
    }

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    h->hash = 1;
    h->key = *name;
    h->value = *value;

#if (nginx_version >= 1023000)
    h->next = NULL;
#endif

    h->lowcase_key = ngx_pnalloc(r->pool, name->len);
    if (h->lowcase_key == NULL) {
        return NGX_ERROR;
    }

    ngx_strlow(h->lowcase_key, name->data, name->len);

    /* the application's own Server and Date replace nginx's */

    if (ngx_strcasecmp(name->data, (u_char *) "Server") == 0) {
        r->headers_out.server = h;

    } else if (ngx_strcasecmp(name->data, (u_char *) "Date") == 0) {
        r->headers_out.date = h;

    } else if (ngx_strcasecmp(name->data, (u_char *) "Content-Encoding") == 0)
    {
        /* so that gzip does not encode it twice */
        r->headers_out.content_encoding = h;
    }

    return NGX_OK;
}


/*
 * Filters such as gzip match the MIME type alone, and the charset module
 * wants the charset apart: "text/html; charset=utf-8" is sent as it came,
 * with content_type_len covering "text/html" and charset "utf-8".
 */

static void
ngx_http_wsgi_set_content_type(ngx_http_request_t *r, ngx_str_t *value)
{
    u_char  *p, *last, *semi;

    r->headers_out.content_type = *value;
    r->headers_out.content_type_lowcase = NULL;

    last = value->data + value->len;

    semi = ngx_strlchr(value->data, last, ';');
    if (semi == NULL) {
        r->headers_out.content_type_len = value->len;
        return;
    }

    for (p = semi; p > value->data && p[-1] == ' '; p--) { /* void */ }

    r->headers_out.content_type_len = p - value->data;

    for (p = semi + 1; p < last; p++) {

        while (p < last && (*p == ' ' || *p == ';')) {
            p++;
        }

        if (last - p > 8 && ngx_strncasecmp(p, (u_char *) "charset=", 8) == 0) {
            p += 8;

            if (*p == '"') {
                p++;
            }

            r->headers_out.charset.data = p;

            while (p < last && *p != '"' && *p != ';' && *p != ' ') {
                p++;
            }

            r->headers_out.charset.len = p - r->headers_out.charset.data;
            return;
        }

        p = ngx_strlchr(p, last, ';');
        if (p == NULL) {
            return;
        }
    }
}


static ngx_int_t
ngx_http_wsgi_alloc_buffer(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx,
    gowsgi_event *ev)
{
    size_t                     size;
    ngx_http_wsgi_loc_conf_t  *wlcf;

    wlcf = ngx_http_get_module_loc_conf(r, ngx_http_wsgi_module);

    size = wlcf->buffer_size;

    /* a complete response needs no more than itself */

    if ((ev->flags & GOWSGI_EV_COMPLETE) && ev->queued < (int64_t) size) {
        size = ngx_max((size_t) ev->queued, 1);
    }

    ctx->buffer = ngx_create_temp_buf(r->pool, size);
    if (ctx->buffer == NULL) {
        return NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * Fills the free buffer from the core and sends it: when it is full, when
 * the application flushed, when the core has nothing more for now, or at
 * the end. Returns NGX_OK to go on pulling, NGX_AGAIN to wait, NGX_DONE
 * once finalized.
 */

static ngx_int_t
ngx_http_wsgi_read_body(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx)
{
    int            type;
    ngx_buf_t     *b;
    ngx_int_t      rc;
    gowsgi_event   ev;

    b = ctx->buffer;
    b->pos = b->start;
    b->last = b->start;

    for ( ;; ) {

        type = ngx_http_wsgi_core->request_poll(ctx->id, &ev, (char *) b->last,
                                                b->end - b->last);

        switch (type) {

        case GOWSGI_EV_DATA:
            b->last += ev.len;

            if (ev.flags & GOWSGI_EV_LAST) {
                ctx->id = 0;
                ngx_http_wsgi_finalize(r, ctx,
                                       ngx_http_wsgi_send_buffer(r, ctx, 1));
                return NGX_DONE;
            }

            if (b->last < b->end && !(ev.flags & GOWSGI_EV_FLUSH)) {
                continue;
            }

            break;

        case GOWSGI_EV_NONE:
            if (b->last == b->pos) {
                return NGX_AGAIN;
            }

            break;

        case GOWSGI_EV_END:
            ctx->id = 0;
            ngx_http_wsgi_finalize(r, ctx,
                                   ngx_http_wsgi_send_buffer(r, ctx, 1));
            return NGX_DONE;

        case GOWSGI_EV_ABORT:
            ctx->id = 0;
            ngx_http_wsgi_abort(r, ctx, "the application failed");
            return NGX_DONE;

        default:
            ngx_http_wsgi_abort(r, ctx, "the core failed");
            return NGX_DONE;
        }

        rc = ngx_http_wsgi_send_buffer(r, ctx, 0);

        if (rc == NGX_ERROR) {
            ngx_http_wsgi_finalize(r, ctx, NGX_ERROR);
            return NGX_DONE;
        }

        return (type == GOWSGI_EV_NONE || ctx->busy) ? NGX_AGAIN : NGX_OK;
    }
}


/* passes what was pulled into the buffer and not sent yet */

static ngx_int_t
ngx_http_wsgi_send_buffer(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx,
    ngx_uint_t last_buf)
{
    u_char  *pos;

    pos = ctx->buffer->pos;
    ctx->buffer->pos = ctx->buffer->last;

    return ngx_http_wsgi_send(r, ctx, pos, ctx->buffer->last, last_buf);
}


/*
 * Passes pos..last (possibly nothing) down the output filters as a buffer
 * that points into the module's memory; that memory is free again once no
 * link of the module's is busy.
 */

static ngx_int_t
ngx_http_wsgi_send(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx,
    u_char *pos, u_char *last, ngx_uint_t last_buf)
{
    ngx_buf_t                 *b;
    ngx_int_t                  rc;
    ngx_chain_t               *out, *cl;
    ngx_event_t               *wev;
    ngx_http_core_loc_conf_t  *clcf;

    out = NULL;

    if (pos < last || last_buf) {
        cl = ngx_chain_get_free_buf(r->pool, &ctx->free);
        if (cl == NULL) {
            return NGX_ERROR;
        }

        b = cl->buf;

        ngx_memzero(b, sizeof(ngx_buf_t));

        b->tag = (ngx_buf_tag_t) &ngx_http_wsgi_module;

        if (pos < last) {
            b->start = pos;
            b->pos = pos;
            b->last = last;
            b->end = last;
            b->memory = 1;
        }

        b->flush = 1;

        if (last_buf) {
            b->last_buf = (r == r->main) ? 1 : 0;
            b->last_in_chain = 1;
        }

        out = cl;
    }

    rc = ngx_http_output_filter(r, out);

    ngx_chain_update_chains(r->pool, &ctx->free, &ctx->busy, &out,
                            (ngx_buf_tag_t) &ngx_http_wsgi_module);

    if (last_buf || rc == NGX_ERROR) {
        return rc;
    }

    wev = r->connection->write;
    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    if (ngx_handle_write_event(wev, clcf->send_lowat) != NGX_OK) {
        return NGX_ERROR;
    }

    /* after the event is registered, so it is active on its first wait */

    if (wev->active && !wev->ready) {
        ngx_add_timer(wev, clcf->send_timeout);

    } else if (wev->timer_set) {
        ngx_del_timer(wev);
    }

    return rc;
}


/* the client must see a cut response, never a clean end */

static void
ngx_http_wsgi_abort(ngx_http_request_t *r, ngx_http_wsgi_ctx_t *ctx,
    char *reason)
{
    if (ctx->buffer && ctx->buffer->pos < ctx->buffer->last) {
        (void) ngx_http_wsgi_send_buffer(r, ctx, 0);
    }

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "wsgi response cut short: %s", reason);

    r->keepalive = 0;

    ngx_http_wsgi_finalize(r, ctx, NGX_ERROR);
}
