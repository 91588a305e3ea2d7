
/*
 * Copyright (C) gowsgi authors
 *
 * The Go core in a worker: libgowsgi.so is loaded only here, after the
 * fork, because a Go runtime does not survive a fork. Its news arrives on
 * an eventfd that the worker's event loop watches like a channel.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <dlfcn.h>
#include <sys/eventfd.h>

#include "ngx_http_wsgi_module.h"


/* cookies taken from the core per call */
#define NGX_HTTP_WSGI_READY_MAX   64

/* calls per notification before other events get a turn */
#define NGX_HTTP_WSGI_READY_ROUNDS  8

/* how long the core gets to close its applications when a worker exits */
#define NGX_HTTP_WSGI_SHUTDOWN_MS  3000


static ngx_int_t ngx_http_wsgi_core_load(ngx_cycle_t *cycle,
    ngx_str_t *path);
static ngx_int_t ngx_http_wsgi_core_init(ngx_cycle_t *cycle,
    ngx_http_wsgi_main_conf_t *wmcf, int fd);
static ngx_int_t ngx_http_wsgi_core_settings(ngx_cycle_t *cycle,
    ngx_http_wsgi_main_conf_t *wmcf, ngx_str_t *text);
static ngx_int_t ngx_http_wsgi_core_watch(ngx_cycle_t *cycle, int fd);
static void ngx_http_wsgi_core_notified(ngx_event_t *ev);
static void ngx_http_wsgi_core_log(int level, const char *msg, size_t len);


ngx_http_wsgi_core_t  *ngx_http_wsgi_core;

static ngx_http_wsgi_core_t   ngx_http_wsgi_core_funcs;
static ngx_connection_t      *ngx_http_wsgi_notify;

/* the cookies being resumed; a request released meanwhile is struck out */
static uintptr_t              ngx_http_wsgi_ready[NGX_HTTP_WSGI_READY_MAX];
static ngx_uint_t             ngx_http_wsgi_nready;


typedef struct {
    char                       *name;
    size_t                      offset;
} ngx_http_wsgi_symbol_t;


static ngx_http_wsgi_symbol_t  ngx_http_wsgi_symbols[] = {
    { GOWSGI_SYM_ABI_VERSION,
      offsetof(ngx_http_wsgi_core_t, abi_version) },
    { GOWSGI_SYM_INIT, offsetof(ngx_http_wsgi_core_t, init) },
    { GOWSGI_SYM_REQUEST_START,
      offsetof(ngx_http_wsgi_core_t, request_start) },
    { GOWSGI_SYM_REQUEST_BODY,
      offsetof(ngx_http_wsgi_core_t, request_body) },
    { GOWSGI_SYM_REQUEST_POLL,
      offsetof(ngx_http_wsgi_core_t, request_poll) },
    { GOWSGI_SYM_REQUEST_CLOSE,
      offsetof(ngx_http_wsgi_core_t, request_close) },
    { GOWSGI_SYM_READY, offsetof(ngx_http_wsgi_core_t, ready) },
    { GOWSGI_SYM_SHUTDOWN, offsetof(ngx_http_wsgi_core_t, shutdown) },
    { NULL, 0 }
};


/* the signals nginx's worker handles itself; Go must not take them */

static int  ngx_http_wsgi_signals[] = {
    SIGHUP, SIGQUIT, SIGTERM, SIGINT, SIGUSR1, SIGUSR2, SIGWINCH, SIGALRM,
    SIGIO, SIGCHLD, 0
};


ngx_int_t
ngx_http_wsgi_core_default_library(ngx_conf_t *cf, ngx_str_t *path)
{
    u_char   *p, *slash;
    size_t    len;
    Dl_info   info;

    /* libgowsgi.so is looked for next to this module's own file */

    if (dladdr((void *) &ngx_http_wsgi_module, &info) == 0
        || info.dli_fname == NULL)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "cannot find the wsgi module's file, "
                           "set \"wsgi_core_library\"");
        return NGX_ERROR;
    }

    p = (u_char *) info.dli_fname;
    slash = (u_char *) strrchr((char *) p, '/');
    len = slash ? (size_t) (slash - p + 1) : 0;

    path->len = len + sizeof("libgowsgi.so") - 1;
    path->data = ngx_pnalloc(cf->pool, path->len + 1);
    if (path->data == NULL) {
        return NGX_ERROR;
    }

    ngx_cpystrn(ngx_cpymem(path->data, p, len), (u_char *) "libgowsgi.so",
                sizeof("libgowsgi.so"));

    return NGX_OK;
}


ngx_int_t
ngx_http_wsgi_core_start(ngx_cycle_t *cycle, ngx_http_wsgi_main_conf_t *wmcf)
{
    int  fd;

    if (ngx_http_wsgi_core_load(cycle, &wmcf->core_library) != NGX_OK) {
        return NGX_ERROR;
    }

    fd = eventfd(0, EFD_NONBLOCK|EFD_CLOEXEC);
    if (fd == -1) {
        ngx_log_error(NGX_LOG_ALERT, cycle->log, ngx_errno,
                      "wsgi: eventfd() failed");
        return NGX_ERROR;
    }

    if (ngx_http_wsgi_core_watch(cycle, fd) != NGX_OK) {
        (void) close(fd);
        return NGX_ERROR;
    }

    if (ngx_http_wsgi_core_init(cycle, wmcf, fd) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_http_wsgi_core = &ngx_http_wsgi_core_funcs;

    return NGX_OK;
}


static ngx_int_t
ngx_http_wsgi_core_load(ngx_cycle_t *cycle, ngx_str_t *path)
{
    int                      *sig;
    void                     *handle, *fn;
    unsigned                  version;
    sigset_t                  set, old;
    ngx_http_wsgi_symbol_t   *sym;

    /*
     * the Go runtime starts its threads while the library loads; they
     * inherit this mask, so nginx's signals keep reaching nginx
     */

    sigemptyset(&set);

    for (sig = ngx_http_wsgi_signals; *sig; sig++) {
        sigaddset(&set, *sig);
    }

    if (sigprocmask(SIG_BLOCK, &set, &old) == -1) {
        ngx_log_error(NGX_LOG_ALERT, cycle->log, ngx_errno,
                      "wsgi: sigprocmask() failed");
        return NGX_ERROR;
    }

    handle = dlopen((char *) path->data, RTLD_NOW|RTLD_GLOBAL);

    if (sigprocmask(SIG_SETMASK, &old, NULL) == -1) {
        ngx_log_error(NGX_LOG_ALERT, cycle->log, ngx_errno,
                      "wsgi: sigprocmask() failed");
    }

    if (handle == NULL) {
        ngx_log_error(NGX_LOG_ALERT, cycle->log, 0,
                      "wsgi: dlopen(\"%V\") failed: %s", path, dlerror());
        return NGX_ERROR;
    }

    for (sym = ngx_http_wsgi_symbols; sym->name; sym++) {
        fn = dlsym(handle, sym->name);

        if (fn == NULL) {
            ngx_log_error(NGX_LOG_ALERT, cycle->log, 0,
                          "wsgi: \"%V\" has no symbol \"%s\"", path,
                          sym->name);
            return NGX_ERROR;
        }

        ngx_memcpy((u_char *) &ngx_http_wsgi_core_funcs + sym->offset, &fn,
                   sizeof(void *));
    }

    version = ngx_http_wsgi_core_funcs.abi_version();

    if (version != GOWSGI_ABI_VERSION) {
        ngx_log_error(NGX_LOG_ALERT, cycle->log, 0,
                      "wsgi: \"%V\" has interface version %ud, "
                      "this module needs %d", path, version,
                      GOWSGI_ABI_VERSION);
        return NGX_ERROR;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_wsgi_core_init(ngx_cycle_t *cycle, ngx_http_wsgi_main_conf_t *wmcf,
    int fd)
{
    u_char               *p, *last;
    ngx_str_t             settings;
    ngx_uint_t            i;
    gowsgi_app           *apps;
    gowsgi_config         conf;
    ngx_http_wsgi_app_t  *app;
    u_char                err[4096];

    apps = ngx_pcalloc(cycle->pool, wmcf->apps.nelts * sizeof(gowsgi_app));
    if (apps == NULL) {
        return NGX_ERROR;
    }

    app = wmcf->apps.elts;

    for (i = 0; i < wmcf->apps.nelts; i++) {
        apps[i].directive.data = (char *) app[i].directive.data;
        apps[i].directive.len = app[i].directive.len;
        apps[i].file.data = (char *) app[i].file.data;
        apps[i].file.len = app[i].file.len;
        apps[i].line = app[i].line;
    }

    if (ngx_http_wsgi_core_settings(cycle, wmcf, &settings) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_memzero(&conf, sizeof(gowsgi_config));

    conf.apps = apps;
    conf.napps = wmcf->apps.nelts;
    conf.settings.data = (char *) settings.data;
    conf.settings.len = settings.len;
    conf.notify_fd = fd;
    conf.log = ngx_http_wsgi_core_log;

    err[0] = '\0';

    if (ngx_http_wsgi_core_funcs.init(&conf, (char *) err, sizeof(err))
        == GOWSGI_OK)
    {
        return NGX_OK;
    }

    /* the core reports every mistake, one per line */

    p = err;

    do {
        last = (u_char *) ngx_strchr(p, '\n');
        if (last == NULL) {
            last = p + ngx_strlen(p);
        }

        ngx_log_error(NGX_LOG_ALERT, cycle->log, 0,
                      "wsgi core not started: %*s", last - p, p);

        p = last + 1;

    } while (*last != '\0');

    return NGX_ERROR;
}


/*
 * The core's runtime settings: the log level follows the error_log's, so
 * the core does not format lines nginx would drop; wsgi_core_setting
 * comes after and wins.
 */

static ngx_int_t
ngx_http_wsgi_core_settings(ngx_cycle_t *cycle,
    ngx_http_wsgi_main_conf_t *wmcf, ngx_str_t *text)
{
    u_char      *p;
    char        *level;
    size_t       len;
    ngx_str_t   *s;
    ngx_uint_t   i;

    if (cycle->log->log_level >= NGX_LOG_DEBUG) {
        level = "debug";

    } else if (cycle->log->log_level >= NGX_LOG_INFO) {
        level = "info";

    } else if (cycle->log->log_level >= NGX_LOG_WARN) {
        level = "warn";

    } else {
        level = "error";
    }

    s = wmcf->core_settings.elts;
    len = sizeof("LOG_LEVEL=debug\n");

    for (i = 0; i < wmcf->core_settings.nelts; i++) {
        len += s[i].len + 1;
    }

    p = ngx_pnalloc(cycle->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    text->data = p;

    p = ngx_sprintf(p, "LOG_LEVEL=%s\n", level);

    for (i = 0; i < wmcf->core_settings.nelts; i++) {
        p = ngx_sprintf(p, "%V\n", &s[i]);
    }

    text->len = p - text->data;

    return NGX_OK;
}


static ngx_int_t
ngx_http_wsgi_core_watch(ngx_cycle_t *cycle, int fd)
{
    ngx_event_t       *rev;
    ngx_connection_t  *c;

    c = ngx_get_connection(fd, cycle->log);
    if (c == NULL) {
        return NGX_ERROR;
    }

    c->pool = cycle->pool;

    rev = c->read;
    rev->log = cycle->log;
    rev->handler = ngx_http_wsgi_core_notified;

    /* like the master's channel: not a client, nothing to warn about */

    rev->channel = 1;
    c->write->channel = 1;

    if (ngx_add_event(rev, NGX_READ_EVENT, 0) == NGX_ERROR) {
        ngx_free_connection(c);
        return NGX_ERROR;
    }

    ngx_http_wsgi_notify = c;

    return NGX_OK;
}


static void
ngx_http_wsgi_core_notified(ngx_event_t *ev)
{
    size_t             n;
    ssize_t            rc;
    uint64_t           count;
    uintptr_t          cookie;
    ngx_uint_t         i, round;
    ngx_connection_t  *c;

    c = ev->data;

    rc = read(c->fd, &count, sizeof(uint64_t));

    if (rc == -1 && ngx_errno != NGX_EAGAIN && ngx_errno != NGX_EINTR) {
        ngx_log_error(NGX_LOG_ALERT, ev->log, ngx_errno,
                      "wsgi: read() from eventfd failed");
    }

    if (ngx_http_wsgi_core == NULL) {
        return;
    }

    for (round = 0; round < NGX_HTTP_WSGI_READY_ROUNDS; round++) {

        n = ngx_http_wsgi_core->ready(ngx_http_wsgi_ready,
                                      NGX_HTTP_WSGI_READY_MAX);
        ngx_http_wsgi_nready = n;

        for (i = 0; i < n; i++) {
            cookie = ngx_http_wsgi_ready[i];

            if (cookie) {
                ngx_http_wsgi_ready[i] = 0;
                ngx_http_wsgi_wake((ngx_http_wsgi_ctx_t *) cookie);
            }
        }

        ngx_http_wsgi_nready = 0;

        if (n < NGX_HTTP_WSGI_READY_MAX) {
            return;
        }
    }

    /* the core writes again only once its list is empty: come back soon */

    ngx_post_event(ev, &ngx_posted_events);
}


/*
 * Resuming one request of a batch can free another one (a subrequest's
 * cleanup runs with its main request's), whose cookie is then struck out.
 */

void
ngx_http_wsgi_core_forget(ngx_http_wsgi_ctx_t *ctx)
{
    ngx_uint_t  i;

    for (i = 0; i < ngx_http_wsgi_nready; i++) {
        if (ngx_http_wsgi_ready[i] == (uintptr_t) ctx) {
            ngx_http_wsgi_ready[i] = 0;
        }
    }
}


void
ngx_http_wsgi_core_stop(ngx_cycle_t *cycle)
{
    if (ngx_http_wsgi_core == NULL) {
        return;
    }

    ngx_http_wsgi_core->shutdown(ngx_terminate ? 0 : NGX_HTTP_WSGI_SHUTDOWN_MS);
    ngx_http_wsgi_core = NULL;

    if (ngx_http_wsgi_notify) {
        ngx_close_connection(ngx_http_wsgi_notify);
        ngx_http_wsgi_notify = NULL;
    }
}


/*
 * Called from the core's own threads: ngx_log_error() on the cycle's log
 * only formats into a stack buffer and writes, as nginx's thread pools do.
 * Each line of a message becomes its own entry so long tracebacks are not
 * cut at nginx's line limit.
 */

static void
ngx_http_wsgi_core_log(int level, const char *msg, size_t len)
{
    u_char      *p, *last, *eol, *blank;
    ngx_uint_t   lvl;

    switch (level) {

    case GOWSGI_LOG_ERROR:
        lvl = NGX_LOG_ERR;
        break;

    case GOWSGI_LOG_WARN:
        lvl = NGX_LOG_WARN;
        break;

    case GOWSGI_LOG_INFO:
        lvl = NGX_LOG_INFO;
        break;

    default:
        lvl = NGX_LOG_DEBUG;
    }

    p = (u_char *) msg;
    last = p + len;

    while (p < last) {
        eol = ngx_strlchr(p, last, '\n');
        if (eol == NULL) {
            eol = last;
        }

        for (blank = p; blank < eol && *blank == ' '; blank++) {
            /* void */
        }

        if (blank < eol) {
            ngx_log_error(lvl, ngx_cycle->log, 0, "%*s", eol - p, p);
        }

        p = eol + 1;
    }
}
