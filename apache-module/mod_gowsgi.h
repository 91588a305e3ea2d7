/*
 * mod_gowsgi.h - what the parts of mod_gowsgi share.
 *
 * mod_gowsgi serves WSGI applications inside Apache's child processes with
 * gowsgi's Go core (libgowsgi.so). The parent process only reads the
 * configuration: a Go runtime does not survive fork(), so each child loads
 * the core in child_init and hands it one application per mount.
 *
 *   mod_gowsgi.c         module record, configuration records and merging
 *   gowsgi_directives.c  the directives' handlers and their checks
 *   gowsgi_apps.c        the core's applications, made from the merged config
 *   gowsgi_core.c        loading and starting the core in each child
 *   gowsgi_wake.c        request threads waiting for the core's news
 *   gowsgi_dispatch.c    translate_name and the handler
 *   gowsgi_request.c     the request and its body, towards the core
 *   gowsgi_response.c    the response, from the core to the client
 */

#ifndef MOD_GOWSGI_H
#define MOD_GOWSGI_H

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_regex.h"

#include "apr_hash.h"
#include "apr_tables.h"
#include "apr_buckets.h"
#include "apr_thread_proc.h"

#include <pthread.h>
#include <signal.h>

#include "gowsgi.h"


/* r->handler of the requests a WSGIScriptAlias maps */
#define GOWSGI_HANDLER          "gowsgi-script"

/* mod_wsgi's handler name, refused unless mod_wsgi itself is loaded */
#define GOWSGI_MODWSGI_HANDLER  "wsgi-script"


/* where a directive was written */
typedef struct {
    const char                 *file;
    unsigned                    line;
} gowsgi_where;


/* A WSGIScriptAlias or WSGIScriptAliasMatch with its options; options not
 * given are NULL, 0 or -1 and leave the merged settings in force. */
typedef struct {
    const char                 *uri;        /* clean URI, or the pattern */
    ap_regex_t                 *regex;      /* WSGIScriptAliasMatch */
    const char                 *script;     /* absolute; with $N for a
                                               pattern's groups */
    int                         templated;  /* the script refers to groups */

    const char                 *callable;
    int                         pass_authorization;
    int                         script_reloading;
    const char                 *process_group;
    const char                 *engine;
    int                         threads;
    const char                 *request_timeout;
    const char                 *python_path; /* absolute, joined by ':' */

    server_rec                 *server;     /* the server it was written in */
    gowsgi_where                where;
} gowsgi_alias;


/*
 * One set of per-directory values an alias can be served with, and the
 * core's application for it. Empty callable and process group and -1
 * reloading stand for "not set".
 */
typedef struct {
    const char                 *callable;
    int                         script_reloading;
    const char                 *process_group;
    unsigned                    app;        /* 1..napps */
} gowsgi_variant;


/* an alias as one server serves it */
typedef struct {
    const gowsgi_alias         *alias;
    apr_array_header_t         *variants;   /* gowsgi_variant */
} gowsgi_mount;


typedef struct {
    apr_array_header_t         *aliases;    /* gowsgi_alias *: own, then the
                                               main server's */
    const char                 *engine;     /* NULL: not set */
    int                         threads;    /* 0: not set */
    const char                 *request_timeout; /* NULL: not set */
    apr_array_header_t         *python_path; /* const char *, absolute */
    apr_array_header_t         *mounts;     /* gowsgi_mount, by check_config */
} gowsgi_server_conf;


typedef struct {
    const char                 *callable;   /* NULL: not set */
    int                         script_reloading;   /* -1: not set */
    int                         pass_authorization; /* -1: not set */
    const char                 *process_group; /* NULL: not set */
    const char                 *application_group; /* accepted, no effect */
} gowsgi_dir_conf;


/* a WSGIDaemonProcess: its apps run in Apache's children with its threads,
 * python-path and request-timeout */
typedef struct {
    const char                 *name;
    int                         threads;    /* 0: not given */
    const char                 *python_path;
    const char                 *request_timeout;
    gowsgi_where                where;
} gowsgi_daemon;


/* a daemon process group named by WSGIProcessGroup or process-group= */
typedef struct {
    const char                 *name;
    gowsgi_where                where;
} gowsgi_group_ref;


#define GOWSGI_SET_CALLABLE     1
#define GOWSGI_SET_RELOADING    2
#define GOWSGI_SET_GROUP        3

/* a per-directory value set inside a section, from which the variants of
 * the aliases it may apply to are made */
typedef struct {
    int                         what;       /* GOWSGI_SET_* */
    const char                 *value;      /* callable, group */
    int                         flag;       /* reloading */
    server_rec                 *server;
    const ap_directive_t       *directive;
} gowsgi_dir_setting;


/* what one configuration (one generation of pconf) collects */
typedef struct {
    apr_pool_t                 *pool;
    const char                 *core_library; /* NULL: next to the module */
    apr_array_header_t         *core_settings; /* "NAME=VALUE\n" */
    const char                 *python_home; /* absolute; NULL: Debian's */
    gowsgi_where                python_home_at;
    apr_hash_t                 *daemons;    /* name -> gowsgi_daemon * */
    apr_array_header_t         *group_refs; /* gowsgi_group_ref */
    apr_array_header_t         *dir_settings; /* gowsgi_dir_setting */
    apr_array_header_t         *notices;    /* const char *, each said once */
    apr_hash_t                 *noticed;
    apr_array_header_t         *apps;       /* gowsgi_app, by check_config */
    apr_hash_t                 *app_index;  /* host:port and line -> app */
} gowsgi_state;


/* the functions of libgowsgi.so, looked up once per child */
typedef struct {
    gowsgi_abi_version_pt       abi_version;
    gowsgi_init_pt              init;
    gowsgi_request_start_pt     request_start;
    gowsgi_request_body_pt      request_body;
    gowsgi_request_poll_pt      request_poll;
    gowsgi_request_wait_pt      request_wait;
    gowsgi_request_close_pt     request_close;
    gowsgi_ready_pt             ready;
    gowsgi_shutdown_pt          shutdown;
} gowsgi_core_funcs;


/* what translate_name found, for the handler */
typedef struct {
    const gowsgi_mount         *mount;
} gowsgi_note;


/* where a request thread sleeps between steps under a threaded MPM; its
 * address is the request's cookie, which the core hands back with its
 * news */
typedef struct {
    pthread_mutex_t             mutex;
    pthread_cond_t              cond;
    int                         news;       /* under mutex */
    int                         made;       /* mutex and cond exist: the
                                               waker wakes this request */
} gowsgi_waiter;


/* a request while the core serves it */
typedef struct {
    request_rec                *r;
    const gowsgi_core_funcs    *core;
    uint64_t                    id;         /* 0: not in the core (any
                                               more) */
    gowsgi_waiter               waiter;

    int64_t                     content_length;
    apr_bucket_brigade         *in;         /* body read, not yet offered */
    const char                 *piece;      /* part of a bucket not taken */
    apr_size_t                  piece_len;
    unsigned                    body_open:1; /* more body to offer */
    unsigned                    body_eos:1;  /* the client's body has ended */

    apr_bucket_brigade         *out;
    char                       *buf;        /* memory being filled */
    apr_size_t                  buf_len;
    apr_size_t                  buf_size;
    unsigned                    buf_bucket:1; /* buf is bucket memory, not
                                                 the pool's header block */
    unsigned                    header_sent:1;
    unsigned                    client_gone:1;
} gowsgi_ctx;


/* a step of a request that waits for the core's news; the others return
 * the handler's result */
#define GOWSGI_AGAIN            1


extern module AP_MODULE_DECLARE_DATA gowsgi_module;
extern const command_rec gowsgi_cmds[];


/* gowsgi_directives.c */
gowsgi_state *gowsgi_state_get(apr_pool_t *pconf);
void gowsgi_notice(gowsgi_state *st, const char *key, const char *text);
gowsgi_where gowsgi_where_of(cmd_parms *cmd);
const char *gowsgi_where_text(apr_pool_t *p, const gowsgi_where *where);
const char *gowsgi_normal_group(const char *group);

/* gowsgi_apps.c */
int gowsgi_check_config(apr_pool_t *pconf, apr_pool_t *plog,
    apr_pool_t *ptemp, server_rec *s);
int gowsgi_post_config(apr_pool_t *pconf, apr_pool_t *plog,
    apr_pool_t *ptemp, server_rec *s);
gowsgi_state *gowsgi_state_final(void);

/* gowsgi_core.c */
void gowsgi_child_init(apr_pool_t *pchild, server_rec *s);
const gowsgi_core_funcs *gowsgi_core(void);
int gowsgi_block_signals(sigset_t *old);
int gowsgi_child_exiting(void);

/* gowsgi_wake.c */
int gowsgi_wake_start(server_rec *s, gowsgi_ready_pt ready);
void gowsgi_wake_stop(void);
apr_status_t gowsgi_waiter_init(gowsgi_ctx *ctx);
apr_status_t gowsgi_waiter_sleep(gowsgi_ctx *ctx);
void gowsgi_waiter_done(gowsgi_ctx *ctx);

/* gowsgi_dispatch.c */
int gowsgi_translate_name(request_rec *r);
int gowsgi_handler(request_rec *r);

/* gowsgi_request.c */
int gowsgi_request_start(gowsgi_ctx *ctx, unsigned app, int pass_auth);
int gowsgi_request_feed(gowsgi_ctx *ctx);

/* gowsgi_response.c */
int gowsgi_response_pump(gowsgi_ctx *ctx);
void gowsgi_response_cut(gowsgi_ctx *ctx, const char *reason);
void gowsgi_response_free(gowsgi_ctx *ctx);


#endif /* MOD_GOWSGI_H */
