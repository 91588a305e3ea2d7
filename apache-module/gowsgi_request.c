/*
 * gowsgi_request.c - a request's way into the core: its description as
 * Apache sees it (after its own authentication, mod_remoteip, SetEnv...)
 * and then its body, read from the input filters until EOS in pieces the
 * core takes as its queue has room. Nothing holds a whole body.
 */

#include "mod_gowsgi.h"

#include "http_core.h"
#include "http_protocol.h"
#include "http_ssl.h"
#include "util_script.h"

#include "apr_lib.h"
#include "apr_strings.h"


APLOG_USE_MODULE(gowsgi);


/*
 * Variables of ap_add_common_vars() the core does not get from here: the
 * headers (it builds HTTP_* itself, dropping the ambiguous ones), the
 * values it has fields for, and the server's own process environment.
 */

static const char *gowsgi_own_vars[] = {
    "CONTENT_LENGTH", "CONTENT_TYPE", "PATH", "LD_LIBRARY_PATH",
    "REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
    "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "REMOTE_ADDR",
    "REMOTE_PORT", NULL
};


#define gowsgi_set_str(s, value)                                              \
    do {                                                                      \
        const char *v_ = (value);                                             \
        (s).data = v_;                                                        \
        (s).len = v_ ? strlen(v_) : 0;                                        \
    } while (0)


static int
gowsgi_own_var(const char *key)
{
    const char  **v;

    if (strncmp(key, "HTTP_", 5) == 0) {
        return 1;
    }

    for (v = gowsgi_own_vars; *v; v++) {
        if (strcmp(key, *v) == 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * Authorization reaches the application only with WSGIPassAuthorization
 * On; Proxy-Authorization never does (it is for a proxy, as in CGI).
 */

static void
gowsgi_describe_headers(request_rec *r, gowsgi_request *req, int pass_auth)
{
    int                      i;
    size_t                   n;
    gowsgi_str              *h;
    const apr_array_header_t *arr;
    const apr_table_entry_t  *e;

    arr = apr_table_elts(r->headers_in);
    e = (const apr_table_entry_t *) arr->elts;

    h = apr_palloc(r->pool, 2 * (arr->nelts + 1) * sizeof(gowsgi_str));
    n = 0;

    for (i = 0; i < arr->nelts; i++) {
        if (e[i].key == NULL || e[i].val == NULL) {
            continue;
        }

        if ((!pass_auth && strcasecmp(e[i].key, "Authorization") == 0)
            || strcasecmp(e[i].key, "Proxy-Authorization") == 0)
        {
            continue;
        }

        gowsgi_set_str(h[2 * n], e[i].key);
        gowsgi_set_str(h[2 * n + 1], e[i].val);
        n++;
    }

    req->headers = h;
    req->nheaders = n;
}


static void
gowsgi_describe_vars(request_rec *r, gowsgi_request *req)
{
    int                      i;
    size_t                   n;
    gowsgi_str              *v;
    const apr_array_header_t *arr;
    const apr_table_entry_t  *e;

    /* what mod_wsgi's environ holds: Apache's CGI variables, SetEnv... */
    ap_add_common_vars(r);

    arr = apr_table_elts(r->subprocess_env);
    e = (const apr_table_entry_t *) arr->elts;

    v = apr_palloc(r->pool, 2 * (arr->nelts + 3) * sizeof(gowsgi_str));
    n = 0;

    for (i = 0; i < arr->nelts; i++) {
        if (e[i].key == NULL || e[i].val == NULL || gowsgi_own_var(e[i].key)) {
            continue;
        }

        gowsgi_set_str(v[2 * n], e[i].key);
        gowsgi_set_str(v[2 * n + 1], e[i].val);
        n++;
    }

    /* what ap_add_cgi_vars() would add, without its subrequest */

    gowsgi_set_str(v[2 * n], "REQUEST_URI");
    gowsgi_set_str(v[2 * n + 1], r->unparsed_uri);
    n++;

    gowsgi_set_str(v[2 * n], "SCRIPT_FILENAME");
    gowsgi_set_str(v[2 * n + 1], r->filename);
    n++;

    gowsgi_set_str(v[2 * n], "GATEWAY_INTERFACE");
    gowsgi_set_str(v[2 * n + 1], "CGI/1.1");
    n++;

    req->vars = v;
    req->nvars = n;
}


/* HTTPS as mod_wsgi decides it: TLS here, or the HTTPS variable set by
 * mod_ssl or by the configuration behind a TLS proxy */

static int
gowsgi_is_tls(request_rec *r)
{
    const char  *https;

    if (ap_ssl_conn_is_ssl(r->connection)) {
        return 1;
    }

    https = apr_table_get(r->subprocess_env, "HTTPS");

    return https && (strcasecmp(https, "on") == 0 || strcmp(https, "1") == 0);
}


/* -1 for a chunked body; the input filters enforce the length given */

static int
gowsgi_body_length(request_rec *r, int64_t *length)
{
    char        *end;
    apr_off_t    n;
    const char  *cl;

    *length = 0;

    if (r->main) {
        return OK;
    }

    if (apr_table_get(r->headers_in, "Transfer-Encoding")) {
        *length = -1;
        return OK;
    }

    cl = apr_table_get(r->headers_in, "Content-Length");

    if (cl == NULL) {
        return OK;
    }

    if (!apr_isdigit(*cl) || apr_strtoff(&n, cl, &end, 10) != APR_SUCCESS
        || *end != '\0' || n < 0)
    {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "mod_gowsgi: invalid Content-Length \"%s\"", cl);
        return HTTP_BAD_REQUEST;
    }

    *length = (int64_t) n;

    return OK;
}


int
gowsgi_request_start(gowsgi_ctx *ctx, unsigned app, int pass_auth)
{
    int              rc;
    request_rec     *r;
    conn_rec        *c;
    apr_port_t       port;
    gowsgi_request   req;

    r = ctx->r;
    c = r->connection;

    rc = gowsgi_body_length(r, &ctx->content_length);
    if (rc != OK) {
        return rc;
    }

    memset(&req, 0, sizeof(gowsgi_request));

    req.app = app;
    gowsgi_set_str(req.method, r->method);
    gowsgi_set_str(req.path, ap_escape_uri(r->pool, r->uri));
    gowsgi_set_str(req.query, r->args);
    gowsgi_set_str(req.protocol, r->protocol);
    req.content_length = ctx->content_length;

    gowsgi_describe_headers(r, &req, pass_auth);
    gowsgi_describe_vars(r, &req);

    /* Apache's view: UseCanonicalName, mod_remoteip, the TLS layer */

    gowsgi_set_str(req.server_name, ap_get_server_name_for_url(r));
    gowsgi_set_str(req.server_port,
                   apr_itoa(r->pool, (int) ap_get_server_port(r)));
    gowsgi_set_str(req.remote_addr, r->useragent_ip);

    port = r->useragent_addr ? r->useragent_addr->port
                             : c->client_addr->port;
    gowsgi_set_str(req.remote_port, apr_itoa(r->pool, (int) port));

    req.tls = gowsgi_is_tls(r);

    gowsgi_set_str(req.log_id,
                   r->log_id ? r->log_id
                   : c->log_id ? c->log_id
                   : apr_psprintf(r->pool, "%ld", c->id));

    ctx->id = ctx->core->request_start(&req, (uintptr_t) &ctx->waiter);

    if (ctx->id == 0) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "mod_gowsgi: the core refused the request (its "
                      "application did not start; see the error logged "
                      "when this process started)");
        return HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ctx->content_length != 0) {
        ctx->in = apr_brigade_create(r->pool, c->bucket_alloc);
        ctx->body_open = 1;
    }

    return OK;
}


/*
 * Points the piece at the next bytes of body, reading from the client
 * when none are left; sets body_eos at the end. Returns OK or the status
 * for a body that cannot be read (timeout, LimitRequestBody, bad chunk).
 */

static int
gowsgi_next_piece(gowsgi_ctx *ctx)
{
    const char    *data;
    apr_size_t     len;
    apr_bucket    *b;
    apr_status_t   rv;
    request_rec   *r;

    r = ctx->r;

    for ( ;; ) {
        if (APR_BRIGADE_EMPTY(ctx->in)) {
            rv = ap_get_brigade(r->input_filters, ctx->in, AP_MODE_READBYTES,
                                APR_BLOCK_READ, GOWSGI_QUEUE_BYTES);

            if (rv != APR_SUCCESS) {
                ap_log_rerror(APLOG_MARK, APLOG_INFO, rv, r,
                              "mod_gowsgi: reading the request body failed");
                return ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
            }

            continue;
        }

        b = APR_BRIGADE_FIRST(ctx->in);

        if (APR_BUCKET_IS_EOS(b)) {
            ctx->body_eos = 1;
            apr_brigade_cleanup(ctx->in);
            return OK;
        }

        if (APR_BUCKET_IS_METADATA(b)) {
            apr_bucket_delete(b);
            continue;
        }

        rv = apr_bucket_read(b, &data, &len, APR_BLOCK_READ);

        if (rv != APR_SUCCESS) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, rv, r,
                          "mod_gowsgi: reading the request body failed");
            return ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
        }

        if (len == 0) {
            apr_bucket_delete(b);
            continue;
        }

        ctx->piece = data;
        ctx->piece_len = len;

        return OK;
    }
}


/*
 * Offers body until the core's queue is full (the core's news says when
 * it has room again), the body has ended, or the application stopped
 * reading it (Apache discards the rest).
 */

int
gowsgi_request_feed(gowsgi_ctx *ctx)
{
    int          rc;
    apr_ssize_t  n;

    while (ctx->body_open && ctx->id) {

        if (ctx->piece_len == 0) {
            if (ctx->body_eos) {
                n = ctx->core->request_body(ctx->id, NULL, 0, 1);
                ctx->body_open = 0;

                if (n < 0 && n != GOWSGI_GONE) {
                    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, ctx->r,
                                  "mod_gowsgi: the core did not take the "
                                  "end of the request body");
                }

                return OK;
            }

            rc = gowsgi_next_piece(ctx);

            if (rc != OK) {
                ctx->body_open = 0;
                return rc;
            }

            continue;
        }

        n = ctx->core->request_body(ctx->id, ctx->piece, ctx->piece_len, 0);

        if (n == GOWSGI_GONE) {
            ctx->body_open = 0;
            ctx->piece_len = 0;
            apr_brigade_cleanup(ctx->in);
            return OK;
        }

        if (n < 0) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, ctx->r,
                          "mod_gowsgi: the core did not take the request "
                          "body");
            ctx->body_open = 0;
            return HTTP_INTERNAL_SERVER_ERROR;
        }

        ctx->piece += n;
        ctx->piece_len -= (apr_size_t) n;

        if (ctx->piece_len > 0) {
            return OK;
        }

        /* the piece was the first bucket's data: that bucket is done */
        apr_bucket_delete(APR_BRIGADE_FIRST(ctx->in));
    }

    return OK;
}
