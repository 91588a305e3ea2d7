/*
 * gowsgi_wake.c - how a request thread sleeps between steps until the
 * core has news for it.
 *
 * Under a threaded MPM (event, worker) request threads do not wait inside
 * Go. A C thread blocked inside the core is a goroutine locked to its
 * thread: waking it takes Go's scheduler handing a P to that very thread,
 * which waits for a time slice while the Ps run Python, so wake-ups queue
 * up behind busy applications. Instead the child gives the core an
 * eventfd as notify_fd; one waker thread per child sleeps on it, drains
 * gowsgi_ready() and wakes the request threads the cookies name, each on
 * the condition variable of its request's waiter (the cookie is the
 * waiter's address). A woken thread polls the core, which never blocks.
 *
 * Under prefork a child serves one request at a time, so few goroutines
 * compete for its Ps when the request thread is woken: that thread blocks
 * in gowsgi_request_wait() (notify_fd -1), which costs less per step than
 * an eventfd write, a poll() and a gowsgi_ready() call (about a fifth of
 * the requests per second, measured). gowsgi_child_init() asks the MPM
 * which it is and starts the waker or not.
 *
 * A waiter lives in its request's pool. The core stops reporting a cookie
 * once the request ended in it (close, END, ABORT, a LAST event), but a
 * batch it already returned may still hold the cookie: the waker holds
 * gowsgi_batch_lock from gowsgi_ready() until it has woken the whole batch,
 * and a request passes through that lock after it ended in the core and
 * before its pool is freed.
 */

#include "mod_gowsgi.h"

#if !APR_HAS_THREADS
#error "mod_gowsgi needs APR built with threads"
#endif

#include "apr_atomic.h"
#include "apr_time.h"

#include <errno.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>


APLOG_USE_MODULE(gowsgi);


/* cookies taken from the core per call: about a child's worth of threads */
#define GOWSGI_WAKE_BATCH   64

/* a failing poll() is retried after this long, rather than spin */
#define GOWSGI_WAKE_RETRY   apr_time_from_msec(100)


/* set once the waker runs: requests sleep on their waiters, not in the
 * core; never cleared, the child's requests are over when it stops */
static int                  gowsgi_wake_on;

static int                  gowsgi_wake_fd = -1;
static gowsgi_ready_pt      gowsgi_wake_ready;
static server_rec          *gowsgi_wake_server;

static apr_pool_t          *gowsgi_wake_pool;
static apr_thread_t        *gowsgi_waker;
static apr_uint32_t         gowsgi_wake_stopping;
static pthread_mutex_t      gowsgi_batch_lock = PTHREAD_MUTEX_INITIALIZER;


/*
 * Waits until the eventfd is readable and resets it: news posted after
 * this finds the core's list empty and writes again. Returns APR_SUCCESS,
 * or APR_EINTR for a signal (or a failure, after a pause).
 */

static apr_status_t
gowsgi_wake_wait(void)
{
    uint64_t       count;
    struct pollfd  pfd;

    pfd.fd = gowsgi_wake_fd;
    pfd.events = POLLIN;
    pfd.revents = 0;

    if (poll(&pfd, 1, -1) < 0) {
        if (errno != EINTR) {
            ap_log_error(APLOG_MARK, APLOG_ERR, errno, gowsgi_wake_server,
                         "mod_gowsgi: poll() on the core's eventfd failed");
            apr_sleep(GOWSGI_WAKE_RETRY);
        }

        return APR_EINTR;
    }

    /* one thread reads: after POLLIN only a signal can make read() fail */
    if (read(gowsgi_wake_fd, &count, sizeof(count)) < 0) {
        return APR_EINTR;
    }

    return APR_SUCCESS;
}


static void
gowsgi_wake_one(gowsgi_waiter *w)
{
    pthread_mutex_lock(&w->mutex);
    w->news = 1;
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&w->mutex);
}


/* the waker never waits on a request: a waiter's mutex is only held
 * around its flag, so a slow request cannot delay the others' news */

static void * APR_THREAD_FUNC
gowsgi_wake_thread(apr_thread_t *thd, void *data)
{
    size_t     i, n;
    uintptr_t  cookies[GOWSGI_WAKE_BATCH];

    for ( ;; ) {
        if (gowsgi_wake_wait() != APR_SUCCESS) {
            continue;
        }

        if (apr_atomic_read32(&gowsgi_wake_stopping)) {
            break;
        }

        pthread_mutex_lock(&gowsgi_batch_lock);

        do {
            n = gowsgi_wake_ready(cookies, GOWSGI_WAKE_BATCH);

            for (i = 0; i < n; i++) {
                gowsgi_wake_one((gowsgi_waiter *) cookies[i]);
            }

        } while (n == GOWSGI_WAKE_BATCH);

        pthread_mutex_unlock(&gowsgi_batch_lock);
    }

    apr_thread_exit(thd, APR_SUCCESS);

    return NULL;
}


/*
 * The waker is made in a pool of its own, destroyed after the join: the
 * child's subpools (which the thread's own pool would be) are destroyed
 * before the child's cleanups, the join among them, run.
 */

static apr_status_t
gowsgi_waker_start(void)
{
    int                rc;
    sigset_t           old;
    apr_status_t       rv;
    apr_threadattr_t  *attr;

    apr_atomic_set32(&gowsgi_wake_stopping, 0);

    rv = apr_pool_create_unmanaged_ex(&gowsgi_wake_pool, NULL, NULL);

    if (rv != APR_SUCCESS) {
        return rv;
    }

    apr_pool_tag(gowsgi_wake_pool, "gowsgi_wake");

    rv = apr_threadattr_create(&attr, gowsgi_wake_pool);

    /* Apache's signals stay with the threads the MPM handles them on */

    if (rv == APR_SUCCESS) {
        rc = gowsgi_block_signals(&old);

        if (rc != 0) {
            rv = APR_FROM_OS_ERROR(rc);

        } else {
            rv = apr_thread_create(&gowsgi_waker, attr, gowsgi_wake_thread,
                                   NULL, gowsgi_wake_pool);
            (void) pthread_sigmask(SIG_SETMASK, &old, NULL);
        }
    }

    if (rv != APR_SUCCESS) {
        gowsgi_waker = NULL;
        apr_pool_destroy(gowsgi_wake_pool);
        gowsgi_wake_pool = NULL;
    }

    return rv;
}


/*
 * For a threaded MPM: makes the eventfd and starts the waker. Returns the
 * descriptor for notify_fd, or -1.
 */

int
gowsgi_wake_start(server_rec *s, gowsgi_ready_pt ready)
{
    apr_status_t  rv;

    gowsgi_wake_server = s;
    gowsgi_wake_ready = ready;

    gowsgi_wake_fd = eventfd(0, EFD_NONBLOCK|EFD_CLOEXEC);

    if (gowsgi_wake_fd < 0) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, s,
                     "mod_gowsgi: eventfd() failed");
        return -1;
    }

    rv = gowsgi_waker_start();

    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, rv, s,
                     "mod_gowsgi: cannot start the thread that wakes "
                     "requests");
        close(gowsgi_wake_fd);
        gowsgi_wake_fd = -1;
        return -1;
    }

    gowsgi_wake_on = 1;

    return gowsgi_wake_fd;
}


/*
 * Ends the waker once the core is stopped (nothing posts news any more)
 * or did not start.
 */

void
gowsgi_wake_stop(void)
{
    uint64_t      one = 1;
    apr_status_t  rv;

    if (gowsgi_waker == NULL) {
        return;
    }

    apr_atomic_set32(&gowsgi_wake_stopping, 1);

    /* one more, as the core's own writes do */
    while (write(gowsgi_wake_fd, &one, sizeof(one)) < 0 && errno == EINTR) {
        /* void */
    }

    (void) apr_thread_join(&rv, gowsgi_waker);
    gowsgi_waker = NULL;

    close(gowsgi_wake_fd);
    gowsgi_wake_fd = -1;

    apr_pool_destroy(gowsgi_wake_pool);
    gowsgi_wake_pool = NULL;
}


/*
 * The waiter's mutex and condition are part of the request's context, so
 * a request allocates nothing more; gowsgi_waiter_done() destroys them.
 * Under prefork the waiter is not used: there is nothing to make.
 */

apr_status_t
gowsgi_waiter_init(gowsgi_ctx *ctx)
{
    int             rc;
    gowsgi_waiter  *w = &ctx->waiter;

    w->news = 0;
    w->made = 0;

    if (!gowsgi_wake_on) {
        return APR_SUCCESS;
    }

    rc = pthread_mutex_init(&w->mutex, NULL);

    if (rc != 0) {
        return APR_FROM_OS_ERROR(rc);
    }

    rc = pthread_cond_init(&w->cond, NULL);

    if (rc != 0) {
        (void) pthread_mutex_destroy(&w->mutex);
        return APR_FROM_OS_ERROR(rc);
    }

    w->made = 1;

    return APR_SUCCESS;
}


/*
 * Returns once the core had news for the request since the last return:
 * APR_SUCCESS, or APR_EGENERAL when the core no longer knows the request.
 * News may be old (already seen by the poll that came before): the caller
 * polls again and comes back here when there is nothing.
 */

apr_status_t
gowsgi_waiter_sleep(gowsgi_ctx *ctx)
{
    gowsgi_waiter  *w = &ctx->waiter;

    if (!w->made) {
        return ctx->core->request_wait(ctx->id, -1) < 0 ? APR_EGENERAL
                                                        : APR_SUCCESS;
    }

    pthread_mutex_lock(&w->mutex);

    while (!w->news) {
        pthread_cond_wait(&w->cond, &w->mutex);
    }

    w->news = 0;

    pthread_mutex_unlock(&w->mutex);

    return APR_SUCCESS;
}


/*
 * Called once the request ended in the core, before the waiter's memory
 * is freed: a batch that still holds its cookie has been woken completely
 * by the time the lock is free, and no later batch can hold it.
 */

void
gowsgi_waiter_done(gowsgi_ctx *ctx)
{
    gowsgi_waiter  *w = &ctx->waiter;

    if (!w->made) {
        return;
    }

    pthread_mutex_lock(&gowsgi_batch_lock);
    pthread_mutex_unlock(&gowsgi_batch_lock);

    (void) pthread_cond_destroy(&w->cond);
    (void) pthread_mutex_destroy(&w->mutex);

    w->made = 0;
}
