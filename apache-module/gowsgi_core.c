/*
 * gowsgi_core.c - the Go core in a child: libgowsgi.so is loaded here and
 * only here, after the fork, because a Go runtime does not survive a fork
 * and the parent forks children for its whole life. Under a threaded MPM
 * the core tells the child about news through an eventfd and request
 * threads wait outside the core; under prefork they block in the core
 * (notify_fd -1). gowsgi_wake.c says why.
 */

#include "mod_gowsgi.h"

#include "ap_mpm.h"

#include "apr_strings.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>


APLOG_USE_MODULE(gowsgi);


/* how long the core gets to close its applications when a child exits */
#define GOWSGI_SHUTDOWN_MS  3000


static gowsgi_core_funcs        gowsgi_funcs;
static const gowsgi_core_funcs *gowsgi_running;

/* where the core's log lines go; read from the core's own threads */
static server_rec              *gowsgi_log_server;

/* set once a prefork child's pool is being destroyed */
static volatile sig_atomic_t    gowsgi_exiting;


typedef struct {
    const char                 *name;
    size_t                      offset;
} gowsgi_symbol;


static const gowsgi_symbol  gowsgi_symbols[] = {
    { GOWSGI_SYM_ABI_VERSION, offsetof(gowsgi_core_funcs, abi_version) },
    { GOWSGI_SYM_INIT, offsetof(gowsgi_core_funcs, init) },
    { GOWSGI_SYM_REQUEST_START, offsetof(gowsgi_core_funcs, request_start) },
    { GOWSGI_SYM_REQUEST_BODY, offsetof(gowsgi_core_funcs, request_body) },
    { GOWSGI_SYM_REQUEST_POLL, offsetof(gowsgi_core_funcs, request_poll) },
    { GOWSGI_SYM_REQUEST_WAIT, offsetof(gowsgi_core_funcs, request_wait) },
    { GOWSGI_SYM_REQUEST_CLOSE, offsetof(gowsgi_core_funcs, request_close) },
    { GOWSGI_SYM_READY, offsetof(gowsgi_core_funcs, ready) },
    { GOWSGI_SYM_SHUTDOWN, offsetof(gowsgi_core_funcs, shutdown) },
    { NULL, 0 }
};


/* the signals Apache's processes handle themselves */

static const int  gowsgi_signals[] = {
    SIGHUP, SIGQUIT, SIGTERM, SIGINT, SIGUSR1, SIGUSR2, SIGWINCH, SIGALRM,
    SIGIO, SIGCHLD, 0
};


const gowsgi_core_funcs *
gowsgi_core(void)
{
    return gowsgi_running;
}


/*
 * Threads started in a child (the Go runtime's, the waker) keep the mask
 * they start with: Apache's own signals blocked in them still reach the
 * thread the MPM handles them on. Threaded MPMs run child_init with
 * signals blocked already, prefork does not.
 */

int
gowsgi_block_signals(sigset_t *old)
{
    int       *sig;
    sigset_t   set;

    sigemptyset(&set);

    for (sig = (int *) gowsgi_signals; *sig; sig++) {
        sigaddset(&set, *sig);
    }

    return pthread_sigmask(SIG_BLOCK, &set, old);
}


/*
 * Called from the core's threads, several at once: ap_log_error() only
 * formats on the stack and writes. Each line of a message is its own
 * entry, so tracebacks are not cut at the error log's line limit.
 */

static void
gowsgi_core_log(int level, const char *msg, size_t len)
{
    int          lvl;
    const char  *p, *last, *eol, *text;

    switch (level) {

    case GOWSGI_LOG_ERROR:
        lvl = APLOG_ERR;
        break;

    case GOWSGI_LOG_WARN:
        lvl = APLOG_WARNING;
        break;

    case GOWSGI_LOG_INFO:
        lvl = APLOG_INFO;
        break;

    default:
        lvl = APLOG_DEBUG;
    }

    p = msg;
    last = msg + len;

    while (p < last) {
        eol = memchr(p, '\n', last - p);
        if (eol == NULL) {
            eol = last;
        }

        for (text = p; text < eol && (*text == ' ' || *text == '\t'); text++) {
            /* void */
        }

        if (text < eol) {
            ap_log_error(APLOG_MARK, lvl, 0, gowsgi_log_server, "%.*s",
                         (int) (eol - p), p);
        }

        p = eol + 1;
    }
}


static apr_status_t
gowsgi_core_load(server_rec *s, const char *path)
{
    int                    rc;
    void                  *handle, *fn;
    unsigned               version;
    sigset_t               old;
    const gowsgi_symbol   *sym;

    /* the Go runtime starts its threads while the library loads */

    rc = gowsgi_block_signals(&old);

    if (rc != 0) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, rc, s,
                     "mod_gowsgi: pthread_sigmask() failed");
        return APR_EGENERAL;
    }

    handle = dlopen(path, RTLD_NOW|RTLD_GLOBAL);

    (void) pthread_sigmask(SIG_SETMASK, &old, NULL);

    if (handle == NULL) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, 0, s,
                     "mod_gowsgi: cannot load the core \"%s\": %s; its "
                     "applications answer 500 in this process", path,
                     dlerror());
        return APR_EGENERAL;
    }

    for (sym = gowsgi_symbols; sym->name; sym++) {
        fn = dlsym(handle, sym->name);

        if (fn == NULL) {
            ap_log_error(APLOG_MARK, APLOG_ALERT, 0, s,
                         "mod_gowsgi: the core \"%s\" has no symbol \"%s\"",
                         path, sym->name);
            return APR_EGENERAL;
        }

        memcpy((char *) &gowsgi_funcs + sym->offset, &fn, sizeof(void *));
    }

    version = gowsgi_funcs.abi_version();

    if (version != GOWSGI_ABI_VERSION) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, 0, s,
                     "mod_gowsgi: the core \"%s\" has interface version %u, "
                     "this module needs %d; build both from one tree", path,
                     version, GOWSGI_ABI_VERSION);
        return APR_EGENERAL;
    }

    return APR_SUCCESS;
}


/*
 * Apache unloads its modules when a child exits (apr_terminate() runs at
 * exit()), while the core's threads may still log through this module:
 * the child keeps its copy mapped. The parent, which never loads the
 * core, still loads the module afresh on every restart.
 */

static apr_status_t
gowsgi_pin_module(server_rec *s)
{
    Dl_info      info;
    const char  *why;

    if (dladdr((void *) gowsgi_child_init, &info) != 0
        && info.dli_fname != NULL
        && dlopen(info.dli_fname, RTLD_NOW|RTLD_NOLOAD|RTLD_NODELETE))
    {
        return APR_SUCCESS;
    }

    why = dlerror();

    ap_log_error(APLOG_MARK, APLOG_ALERT, 0, s,
                 "mod_gowsgi: cannot keep the module loaded in the child: "
                 "%s", why ? why : "dladdr() failed");

    return APR_EGENERAL;
}


/* the core formats only what the error log keeps: its level follows
 * `LogLevel` (or `LogLevel gowsgi:LEVEL`) */

static const char *
gowsgi_core_settings(apr_pool_t *p, server_rec *s,
    const apr_array_header_t *settings)
{
    int          level;
    const char  *name;

    level = ap_get_server_module_loglevel(s, APLOG_MODULE_INDEX);

    if (level >= APLOG_TRACE1) {
        name = "trace";

    } else if (level >= APLOG_DEBUG) {
        name = "debug";

    } else if (level >= APLOG_INFO) {
        name = "info";

    } else if (level >= APLOG_WARNING) {
        name = "warn";

    } else {
        name = "error";
    }

    /* WSGICoreSetting lines come after and win */
    return apr_psprintf(p, "LOG_LEVEL=%s\n%s", name,
                        apr_array_pstrcat(p, settings, 0));
}


/*
 * Threaded MPMs exit from their main thread once the workers are done.
 * The waker runs until the core is down: requests the shutdown waits for
 * still need their news.
 */

static apr_status_t
gowsgi_core_stop(void *data)
{
    if (gowsgi_running) {
        gowsgi_running->shutdown(GOWSGI_SHUTDOWN_MS);
        gowsgi_running = NULL;
    }

    gowsgi_wake_stop();

    return APR_SUCCESS;
}


/*
 * A prefork child told to stop exits from a signal handler, which may
 * interrupt its request thread inside the core (gowsgi_request_wait()).
 * Calling the core again from there crashes the child, and exit() ends
 * everything anyway: this pre-cleanup of the child's pool runs before the
 * pools of its connection and request are destroyed, and their cleanups
 * then leave the core alone.
 */

static apr_status_t
gowsgi_core_exiting(void *data)
{
    gowsgi_exiting = 1;

    return APR_SUCCESS;
}


int
gowsgi_child_exiting(void)
{
    return gowsgi_exiting;
}


void
gowsgi_child_init(apr_pool_t *pchild, server_rec *s)
{
    int             threaded, fd;
    char           *line, *last;
    char            err[4096];
    const char     *settings;
    gowsgi_state   *st;
    gowsgi_config   conf;

    st = gowsgi_state_final();

    if (st == NULL || st->apps->nelts == 0) {
        return;
    }

    gowsgi_log_server = s;

    /*
     * A child whose core cannot start answers 500 and says why, rather
     * than exit and be forked again into the same failure.
     */

    if (gowsgi_pin_module(s) != APR_SUCCESS
        || gowsgi_core_load(s, st->core_library) != APR_SUCCESS)
    {
        return;
    }

    /* threaded MPMs get the waker and an eventfd; a prefork child's
     * thread blocks in the core (gowsgi_wake.c says why) */

    if (ap_mpm_query(AP_MPMQ_IS_THREADED, &threaded) != APR_SUCCESS) {
        threaded = AP_MPMQ_NOT_SUPPORTED;
    }

    threaded = (threaded != AP_MPMQ_NOT_SUPPORTED);

    fd = -1;

    if (threaded) {
        fd = gowsgi_wake_start(s, gowsgi_funcs.ready);

        if (fd < 0) {
            ap_log_error(APLOG_MARK, APLOG_ALERT, 0, s,
                         "mod_gowsgi: core not started; its applications "
                         "answer 500 in this process");
            return;
        }
    }

    settings = gowsgi_core_settings(pchild, s, st->core_settings);

    memset(&conf, 0, sizeof(gowsgi_config));
    conf.apps = (const gowsgi_app *) st->apps->elts;
    conf.napps = (size_t) st->apps->nelts;
    conf.settings.data = settings;
    conf.settings.len = strlen(settings);
    conf.notify_fd = fd;
    conf.log = gowsgi_core_log;

    err[0] = '\0';

    if (gowsgi_funcs.init(&conf, err, sizeof(err)) != GOWSGI_OK) {
        for (line = apr_strtok(err, "\n", &last); line;
             line = apr_strtok(NULL, "\n", &last))
        {
            ap_log_error(APLOG_MARK, APLOG_ALERT, 0, s,
                         "mod_gowsgi: core not started: %s", line);
        }

        gowsgi_wake_stop();

        return;
    }

    gowsgi_running = &gowsgi_funcs;

    if (threaded) {
        apr_pool_cleanup_register(pchild, NULL, gowsgi_core_stop,
                                  apr_pool_cleanup_null);

    } else {
        apr_pool_pre_cleanup_register(pchild, NULL, gowsgi_core_exiting);
    }

    ap_log_error(APLOG_MARK, APLOG_DEBUG, 0, s,
                 "mod_gowsgi: requests wait for the core's news %s",
                 threaded ? "on a waker thread (threaded MPM)"
                          : "in the core (prefork)");
}
