/*
 * gowsgi.h - the C interface of libgowsgi.so, the Go core of gowsgi.
 *
 * The web server modules (nginx-module/, apache-module/) include this file
 * and never link against libgowsgi.so: a Go runtime must not exist in a
 * process that forks afterwards, so each module dlopen()s the library in the
 * child that serves requests (RTLD_NOW | RTLD_GLOBAL) and looks every
 * function up with dlsym(); the GOWSGI_SYM_* names below are those symbols.
 *
 * One interface serves two kinds of host:
 *
 *   - an event loop (nginx) passes an eventfd or pipe as notify_fd, never
 *     blocks, and learns which requests have news from gowsgi_ready() when
 *     that descriptor becomes readable;
 *   - a thread per request (Apache) passes -1 and blocks in
 *     gowsgi_request_wait() instead.
 *
 * Ownership rules, on both sides of every call:
 *
 *   - the core copies everything it is given before the call returns; the
 *     host may free or reuse its memory right after;
 *   - the core writes only into buffers the host passes, within their
 *     stated length, and keeps no host pointer beyond the call; the cookie
 *     of a request is an opaque number to the core, never dereferenced;
 *   - every function may be called from any thread; the calls of one
 *     request must not run concurrently with each other;
 *   - no function lets a Go panic through: a panic is logged and turned
 *     into GOWSGI_ERROR (or a request ABORT).
 *
 * Memory per request is bounded whatever the body sizes: the core holds at
 * most GOWSGI_QUEUE_BYTES of request body and as much of response body; the
 * application's thread waits while either queue is full. That is the
 * backpressure between the client, the host and the application.
 */

#ifndef GOWSGI_H
#define GOWSGI_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif


/* The version of this interface; gowsgi_abi_version() returns the one the
 * library was built with, and a host refuses a library that differs. */
#define GOWSGI_ABI_VERSION          1

/* Bytes of request body, and of response body, the core queues per request. */
#define GOWSGI_QUEUE_BYTES          65536


/* Results of the functions below (events are >= 0, see gowsgi_event). */
#define GOWSGI_OK                   0
#define GOWSGI_ERROR                (-1)  /* not initialised, unknown id, bad argument */
#define GOWSGI_GONE                 (-2)  /* the application stopped reading the body */
#define GOWSGI_ENOSPC               (-3)  /* buffer too small: ev->len says how much is needed */


/* Log levels of gowsgi_log_pt. */
#define GOWSGI_LOG_ERROR            1
#define GOWSGI_LOG_WARN             2
#define GOWSGI_LOG_INFO             3
#define GOWSGI_LOG_DEBUG            4


/* A byte string: not NUL-terminated, data may be NULL when len is 0. */
typedef struct {
    const char                 *data;
    size_t                      len;
} gowsgi_str;


/*
 * The core's log lines: one message, without a trailing newline, with the
 * core's key=value fields. Called from the core's own threads, possibly
 * several at once: it must be thread-safe and must not call back into the
 * core. msg is valid only during the call.
 */
typedef void (*gowsgi_log_pt)(int level, const char *msg, size_t len);


/*
 * One application: a directive in gowsgi's Apache-style syntax,
 *
 *     WSGIScriptAlias URI SCRIPT [option=value ...]
 *
 * with the options of WSGIScriptAlias (callable-object=, pass-authorization=,
 * and the per-mount settings), and where the host's own configuration
 * defined it, for messages. SCRIPT should be absolute; a relative one is
 * taken relative to the directory of file.
 */
typedef struct {
    gowsgi_str                  directive;
    gowsgi_str                  file;
    unsigned                    line;
} gowsgi_app;


typedef struct {
    /* The applications; a request names one by its index plus one. Each
     * is served by its own dispatcher, so two applications may mount the
     * same URI (two virtual servers, two locations). */
    const gowsgi_app           *apps;
    size_t                      napps;

    /* Settings of the core's runtime, NAME=VALUE, one per line:
     *     GOMAXPROCS=N          threads running Go code at once
     *     GOMEMLIMIT=SIZE       soft memory limit (512MiB, 2GiB, bytes)
     *     GOGC=PERCENT|off      heap growth between garbage collections
     *     LOG_LEVEL=LEVEL       error, warn, info, debug or trace
     * An unknown name or a bad value fails gowsgi_init(). */
    gowsgi_str                  settings;

    /* An event loop's descriptor the core writes to (8 bytes, an eventfd
     * increment) when some request has news and none had before; the host
     * then drains gowsgi_ready(). -1 for a host that blocks in
     * gowsgi_request_wait() instead. The host owns it. */
    int                         notify_fd;

    /* Where the core's log lines go; NULL drops them. */
    gowsgi_log_pt               log;
} gowsgi_config;


/* A request, as the host received it. Headers and vars are arrays of
 * 2 * n strings: name, value, name, value... */
typedef struct {
    unsigned                    app;          /* 1..napps */
    gowsgi_str                  method;
    gowsgi_str                  path;         /* percent-encoded, no query: the
                                                 core decodes it and routes by it */
    gowsgi_str                  query;        /* without the '?' */
    gowsgi_str                  protocol;     /* "HTTP/1.1" */
    const gowsgi_str           *headers;
    size_t                      nheaders;
    int64_t                     content_length; /* -1: unknown, 0: no body */
    gowsgi_str                  server_name;
    gowsgi_str                  server_port;
    gowsgi_str                  remote_addr;
    gowsgi_str                  remote_port;
    int                         tls;          /* 1: HTTPS=on, wsgi.url_scheme https */
    const gowsgi_str           *vars;         /* extra CGI variables (REMOTE_USER...) */
    size_t                      nvars;
    gowsgi_str                  log_id;       /* names the request in log lines */
} gowsgi_request;


/* Event types returned by gowsgi_request_poll(). */
#define GOWSGI_EV_NONE              0   /* nothing now: wait for news */
#define GOWSGI_EV_HEADERS           1   /* status and headers */
#define GOWSGI_EV_DATA              2   /* response body bytes */
#define GOWSGI_EV_END               3   /* the response is complete */
#define GOWSGI_EV_ABORT             4   /* cut the connection: the client must
                                           see a truncated response */

/* Event flags. */
#define GOWSGI_EV_FLUSH             0x1 /* the application flushed: send now */
#define GOWSGI_EV_LAST              0x2 /* nothing follows: END is implied */
#define GOWSGI_EV_COMPLETE          0x4 /* all the rest is queued: `queued`
                                           more bytes, then the end */

typedef struct {
    int                         type;     /* GOWSGI_EV_* */
    int                         flags;    /* GOWSGI_EV_FLUSH|LAST|COMPLETE */
    int                         status;   /* HEADERS: the status code */
    size_t                      count;    /* HEADERS: headers in buf */
    size_t                      len;      /* bytes written into buf; with
                                             GOWSGI_ENOSPC: bytes needed */
    size_t                      body;     /* HEADERS: body bytes after the
                                             header block, at buf + len */
    int64_t                     queued;   /* body bytes ready behind this event */
} gowsgi_event;


/*
 * gowsgi_abi_version
 *     Returns GOWSGI_ABI_VERSION as the library was built.
 */
typedef unsigned (*gowsgi_abi_version_pt)(void);
#define GOWSGI_SYM_ABI_VERSION      "gowsgi_abi_version"

/*
 * gowsgi_init
 *     Starts the core once per process: parses every application, makes
 *     their dispatchers and starts loading them in the background. An
 *     application whose directive fails is logged (FILE:LINE: ...) and
 *     gowsgi_request_start() refuses its requests; the others serve. When
 *     no application can be served, or the settings are wrong, it writes a
 *     NUL-terminated message (every mistake, one per line) into err and
 *     returns GOWSGI_ERROR. Calling it again after success fails.
 */
typedef int (*gowsgi_init_pt)(const gowsgi_config *conf, char *err,
    size_t err_len);
#define GOWSGI_SYM_INIT             "gowsgi_init"

/*
 * gowsgi_request_start
 *     Hands a request to the application req->app and returns its id
 *     (never 0), or 0 when the core is not running or the application is
 *     unknown or did not start.
 *     The application runs at once; a body with content_length != 0 is
 *     then given with gowsgi_request_body(). cookie comes back from
 *     gowsgi_ready() when the request has news.
 */
typedef uint64_t (*gowsgi_request_start_pt)(const gowsgi_request *req,
    uintptr_t cookie);
#define GOWSGI_SYM_REQUEST_START    "gowsgi_request_start"

/*
 * gowsgi_request_body
 *     Offers len bytes of request body; last = 1 ends the body once all of
 *     them are taken (len may be 0). Returns how many bytes the core copied
 *     (possibly 0 when its queue is full: offer the rest again after news),
 *     GOWSGI_GONE when the application no longer reads (drop the rest), or
 *     GOWSGI_ERROR.
 */
typedef ssize_t (*gowsgi_request_body_pt)(uint64_t id, const char *data,
    size_t len, int last);
#define GOWSGI_SYM_REQUEST_BODY     "gowsgi_request_body"

/*
 * gowsgi_request_poll
 *     Takes the next piece of the response, never blocking:
 *
 *     HEADERS  once the application flushed, filled the queue or finished:
 *              status in ev->status; buf holds the reason phrase and then
 *              ev->count pairs of header name and value, each terminated
 *              by a NUL (names are HTTP tokens, values hold no control
 *              characters). ev->len is the block's size. As much body as
 *              fits follows the block: ev->body bytes at buf + ev->len.
 *              When buf cannot hold the block, GOWSGI_ENOSPC is returned
 *              and ev->len is the size needed; the event stays.
 *     DATA     up to buf_len body bytes copied into buf, ev->len of them.
 *     END      the response is complete.
 *     ABORT    the response cannot be completed: close the connection
 *              without finishing the body.
 *     NONE     nothing now: poll again after news.
 *
 *     END, ABORT and an event flagged GOWSGI_EV_LAST end the request in
 *     the core as gowsgi_request_close() would: its id is invalid after.
 *     Returns the event type (also in ev->type) or GOWSGI_ERROR.
 */
typedef int (*gowsgi_request_poll_pt)(uint64_t id, gowsgi_event *ev,
    char *buf, size_t buf_len);
#define GOWSGI_SYM_REQUEST_POLL     "gowsgi_request_poll"

/*
 * gowsgi_request_wait
 *     For hosts without notify_fd: blocks the calling thread until the
 *     request has news or timeout_ms passes (< 0: no limit). Returns 1 on
 *     news, 0 on timeout, GOWSGI_ERROR for an unknown id.
 */
typedef int (*gowsgi_request_wait_pt)(uint64_t id, int timeout_ms);
#define GOWSGI_SYM_REQUEST_WAIT     "gowsgi_request_wait"

/*
 * gowsgi_request_close
 *     The host is done with a request whose response did not end (see
 *     gowsgi_request_poll): the client went away, or the host gave up. If
 *     the application still runs, it is cancelled: reads of wsgi.input
 *     fail, Python stops at its next step and the response's close() runs.
 *     The id is invalid afterwards and its cookie never comes back from
 *     gowsgi_ready(). Closing an id that is already invalid does nothing.
 */
typedef void (*gowsgi_request_close_pt)(uint64_t id);
#define GOWSGI_SYM_REQUEST_CLOSE    "gowsgi_request_close"

/*
 * gowsgi_ready
 *     Drains up to max cookies of requests that have news since they were
 *     last returned, each once. Call it after reading notify_fd, until it
 *     returns less than max. A request closed while its cookie waits in
 *     the host's array (say, by resuming another one) must be skipped by
 *     the host: the core cannot take back what it already returned.
 */
typedef size_t (*gowsgi_ready_pt)(uintptr_t *cookies, size_t max);
#define GOWSGI_SYM_READY            "gowsgi_ready"

/*
 * gowsgi_shutdown
 *     Stops taking requests, waits up to timeout_ms for running ones and
 *     closes the applications. The core cannot be started again in this
 *     process.
 */
typedef void (*gowsgi_shutdown_pt)(int timeout_ms);
#define GOWSGI_SYM_SHUTDOWN         "gowsgi_shutdown"


#ifdef __cplusplus
}
#endif

#endif /* GOWSGI_H */
