/*
 * gowsgi_response.c - a response's way out of the core: status and
 * headers into the request, then the body as heap buckets the core fills
 * directly, passed down the output filters as they fill. A bucket is sent
 * with a flush when the application flushed or the core has nothing more
 * for now, so a stream reaches the client as it is made; the filters
 * block when the client is slow, which in turn stops the application
 * (its queue is bounded), so no response is ever held whole.
 */

#include "mod_gowsgi.h"

#include "http_core.h"
#include "http_protocol.h"
#include "http_request.h"

#include "apr_lib.h"
#include "apr_strings.h"


APLOG_USE_MODULE(gowsgi);


/* the status and headers usually take much less; a small body completing
 * the response comes along in the same poll */
#define GOWSGI_HEADER_SIZE  8192


static void
gowsgi_set_header(request_rec *r, const char *name, const char *value)
{
    char       *end;
    apr_off_t   n;

    if (strcasecmp(name, "Content-Type") == 0) {
        ap_set_content_type(r, value);
        return;
    }

    if (strcasecmp(name, "Content-Length") == 0) {
        /* the core checked it; Apache frames the response with it */
        if (apr_strtoff(&n, value, &end, 10) == APR_SUCCESS && *end == '\0') {
            ap_set_content_length(r, n);
        }

        return;
    }

    apr_table_addn(r->headers_out, name, value);
}


/* the block is the reason phrase, then each name and value, NUL-ended */

static int
gowsgi_set_headers(request_rec *r, const gowsgi_event *ev, const char *block)
{
    size_t       i;
    const char  *p, *last, *name, *value;

    p = block;
    last = block + ev->len;

    r->status = ev->status;

    if (*p) {
        r->status_line = apr_psprintf(r->pool, "%03d %s", ev->status, p);
    }

    p += strlen(p) + 1;

    for (i = 0; i < ev->count; i++) {
        if (p >= last) {
            ap_log_rerror(APLOG_MARK, APLOG_ALERT, 0, r,
                          "mod_gowsgi: the core sent a short header block");
            return HTTP_INTERNAL_SERVER_ERROR;
        }

        name = p;
        p += strlen(p) + 1;
        value = p;
        p += strlen(p) + 1;

        gowsgi_set_header(r, name, value);
    }

    /* a response the core had whole before its headers went out gets a
     * length, so that the connection can be kept alive */

    if ((ev->flags & GOWSGI_EV_COMPLETE)
        && apr_table_get(r->headers_out, "Content-Length") == NULL
        && !r->header_only
        && ev->status >= 200
        && ev->status != HTTP_NO_CONTENT
        && ev->status != HTTP_NOT_MODIFIED)
    {
        ap_set_content_length(r, (apr_off_t) ev->body + ev->queued);
    }

    return OK;
}


/*
 * Passes what the brigade holds; a client gone or too slow for Timeout
 * ends the request in the core, which cancels the application and runs
 * its close().
 */

static int
gowsgi_pass(gowsgi_ctx *ctx)
{
    apr_status_t  rv;
    request_rec  *r;

    r = ctx->r;

    rv = ap_pass_brigade(r->output_filters, ctx->out);
    apr_brigade_cleanup(ctx->out);

    if (rv == APR_SUCCESS && !r->connection->aborted) {
        return OK;
    }

    ap_log_rerror(APLOG_MARK, APLOG_INFO, rv, r,
                  "mod_gowsgi: the client went away");

    ctx->client_gone = 1;

    if (ctx->id) {
        ctx->core->request_close(ctx->id);
        ctx->id = 0;
    }

    return DONE;
}


/* the filled part of the buffer becomes a bucket, its memory with it */

static void
gowsgi_take_buffer(gowsgi_ctx *ctx)
{
    apr_bucket  *b;

    if (ctx->buf == NULL || ctx->buf_len == 0) {
        return;
    }

    b = apr_bucket_heap_create(ctx->buf, ctx->buf_len, apr_bucket_free,
                               ctx->out->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(ctx->out, b);

    ctx->buf = NULL;
    ctx->buf_len = 0;
}


/* bucket memory that never became a bucket goes back to the allocator,
 * which keeps it for the connection's next buckets */

void
gowsgi_response_free(gowsgi_ctx *ctx)
{
    if (ctx->buf && ctx->buf_bucket) {
        apr_bucket_free(ctx->buf);
    }

    ctx->buf = NULL;
    ctx->buf_len = 0;
}


static void
gowsgi_add_flush(gowsgi_ctx *ctx)
{
    APR_BRIGADE_INSERT_TAIL(ctx->out,
                            apr_bucket_flush_create(ctx->out->bucket_alloc));
}


static int
gowsgi_finish(gowsgi_ctx *ctx)
{
    gowsgi_take_buffer(ctx);

    APR_BRIGADE_INSERT_TAIL(ctx->out,
                            apr_bucket_eos_create(ctx->out->bucket_alloc));

    (void) gowsgi_pass(ctx);

    return OK;
}


/*
 * The client must see a truncated response, never a clean end: what was
 * made goes out, then an error bucket, on which the HTTP filters end no
 * chunked body and close the connection instead of keeping it alive.
 */

void
gowsgi_response_cut(gowsgi_ctx *ctx, const char *reason)
{
    request_rec  *r;
    apr_bucket   *b;

    r = ctx->r;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                  "mod_gowsgi: response cut short: %s", reason);

    if (ctx->client_gone) {
        return;
    }

    if (ctx->out == NULL) {
        ctx->out = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    }

    gowsgi_take_buffer(ctx);
    gowsgi_add_flush(ctx);

    if (gowsgi_pass(ctx) != OK) {
        return;
    }

    r->connection->keepalive = AP_CONN_CLOSE;

    b = ap_bucket_error_create(HTTP_BAD_GATEWAY, NULL, r->pool,
                               r->connection->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(ctx->out, b);
    APR_BRIGADE_INSERT_TAIL(ctx->out,
                            apr_bucket_eos_create(ctx->out->bucket_alloc));

    (void) gowsgi_pass(ctx);
}


/*
 * Takes the status and headers. Returns GOWSGI_AGAIN when they are not
 * there yet, OK once the headers are set and the body follows, DONE when
 * the whole response went with them, or an error status when the core
 * gave no response (nothing was sent: Apache answers it).
 */

static int
gowsgi_read_header(gowsgi_ctx *ctx)
{
    int            type, rc;
    char          *block;
    apr_size_t     size;
    request_rec   *r;
    apr_bucket    *b;
    gowsgi_event   ev;

    r = ctx->r;
    size = GOWSGI_HEADER_SIZE;

    /* one block per response, kept while the headers are not there yet */

    if (ctx->buf == NULL) {
        ctx->buf = apr_palloc(r->pool, size);
        ctx->buf_size = size;
    }

    for ( ;; ) {
        block = ctx->buf;
        size = ctx->buf_size;

        type = ctx->core->request_poll(ctx->id, &ev, block, size);

        if (type != GOWSGI_ENOSPC) {
            break;
        }

        /* room for the block and a small body after it */
        ctx->buf_size = ev.len + GOWSGI_HEADER_SIZE;
        ctx->buf = apr_palloc(r->pool, ctx->buf_size);
    }

    switch (type) {

    case GOWSGI_EV_NONE:
        return GOWSGI_AGAIN;

    case GOWSGI_EV_HEADERS:
        break;

    case GOWSGI_EV_END:
    case GOWSGI_EV_ABORT:
        ctx->id = 0;
        /* fall through */

    default:
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "mod_gowsgi: the core gave no response headers (%d)",
                      type);
        return HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->buf = NULL;
    ctx->buf_size = 0;

    if (ev.flags & GOWSGI_EV_LAST) {
        /* the core has forgotten the request */
        ctx->id = 0;
    }

    rc = gowsgi_set_headers(r, &ev, block);

    if (rc != OK) {
        return rc;
    }

    ctx->header_sent = 1;
    ctx->out = apr_brigade_create(r->pool, r->connection->bucket_alloc);

    if (ev.body) {
        b = apr_bucket_pool_create(block + ev.len, ev.body, r->pool,
                                   ctx->out->bucket_alloc);
        APR_BRIGADE_INSERT_TAIL(ctx->out, b);
    }

    if (ev.flags & GOWSGI_EV_LAST) {
        gowsgi_finish(ctx);
        return DONE;
    }

    if (ev.flags & GOWSGI_EV_FLUSH) {
        gowsgi_add_flush(ctx);

        if (gowsgi_pass(ctx) != OK) {
            return DONE;
        }
    }

    return OK;
}


/*
 * Pulls body from the core into bucket memory until the bucket is full,
 * the application flushed, the core has nothing more now (GOWSGI_AGAIN)
 * or the response is over (DONE).
 */

static int
gowsgi_read_body(gowsgi_ctx *ctx)
{
    int            type;
    request_rec   *r;
    gowsgi_event   ev;

    r = ctx->r;

    for ( ;; ) {
        if (ctx->buf == NULL) {
            ctx->buf_size = GOWSGI_QUEUE_BYTES;
            ctx->buf = apr_bucket_alloc(ctx->buf_size,
                                        r->connection->bucket_alloc);
            ctx->buf_len = 0;
            ctx->buf_bucket = 1;
        }

        type = ctx->core->request_poll(ctx->id, &ev, ctx->buf + ctx->buf_len,
                                       ctx->buf_size - ctx->buf_len);

        switch (type) {

        case GOWSGI_EV_DATA:
            ctx->buf_len += ev.len;

            if (ev.flags & GOWSGI_EV_LAST) {
                ctx->id = 0;
                gowsgi_finish(ctx);
                return DONE;
            }

            if (ctx->buf_len < ctx->buf_size && !(ev.flags & GOWSGI_EV_FLUSH))
            {
                continue;
            }

            gowsgi_take_buffer(ctx);

            if (ev.flags & GOWSGI_EV_FLUSH) {
                gowsgi_add_flush(ctx);
            }

            if (gowsgi_pass(ctx) != OK) {
                return DONE;
            }

            continue;

        case GOWSGI_EV_NONE:
            gowsgi_take_buffer(ctx);

            if (!APR_BRIGADE_EMPTY(ctx->out)) {
                gowsgi_add_flush(ctx);

                if (gowsgi_pass(ctx) != OK) {
                    return DONE;
                }
            }

            return GOWSGI_AGAIN;

        case GOWSGI_EV_END:
            ctx->id = 0;
            gowsgi_finish(ctx);
            return DONE;

        case GOWSGI_EV_ABORT:
            ctx->id = 0;
            gowsgi_response_cut(ctx, "the application failed after its "
                                "response began");
            return DONE;

        default:
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                          "mod_gowsgi: the core failed to give the response "
                          "body (%d)", type);
            ctx->core->request_close(ctx->id);
            ctx->id = 0;
            gowsgi_response_cut(ctx, "the core failed");
            return DONE;
        }
    }
}


/*
 * Moves what the core has of the response towards the client. Returns
 * GOWSGI_AGAIN to wait for the core's news, or the handler's result once
 * the response is over.
 */

int
gowsgi_response_pump(gowsgi_ctx *ctx)
{
    int  rc;

    if (!ctx->header_sent) {
        rc = gowsgi_read_header(ctx);

        if (rc != OK) {
            return rc == DONE ? OK : rc;
        }
    }

    rc = gowsgi_read_body(ctx);

    return rc == DONE ? OK : rc;
}
