/*
 * gowsgi_apps.c - the core's applications, made once the configuration is
 * read and merged (check_config, which also runs for configtest).
 *
 * Each alias of each server becomes one application: a WSGIScriptAlias
 * line in the core's syntax carrying every setting merged for it. Apache
 * merges per-directory settings per request, so an alias whose callable,
 * reloading or process group may differ by <Location> or <Directory> gets
 * one application per combination that can occur; the handler picks the
 * one the request's merged settings name. Sections that cannot apply to an
 * alias (another URI, another directory) add nothing to it.
 */

#include "mod_gowsgi.h"

#include "http_core.h"

#include "apr_fnmatch.h"
#include "apr_strings.h"

#include <dlfcn.h>


APLOG_USE_MODULE(gowsgi);


#define GOWSGI_LOCATION   1
#define GOWSGI_DIRECTORY  2
#define GOWSGI_FILES      3

/* whether a section applies to the requests of an alias */
#define GOWSGI_NEVER      0
#define GOWSGI_MAYBE      1
#define GOWSGI_ALWAYS     2


/* the configuration the children will serve: the last one checked */
static gowsgi_state  *gowsgi_checked;


gowsgi_state *
gowsgi_state_final(void)
{
    return gowsgi_checked;
}


/* ---- which sections can apply to an alias ---- */


/* "/a" and "/a/b" overlap either way: one may hold requests of the other */

static int
gowsgi_overlap(const char *a, const char *b)
{
    size_t  la, lb;

    la = strlen(a);
    lb = strlen(b);

    return strncmp(a, b, la < lb ? la : lb) == 0;
}


/*
 * A <Location> matches a URI it is a prefix of on a segment boundary, as
 * ap_location_walk() decides; every URI of a mount extends the mount's
 * own, so a section matching the mount's URI matches all of them.
 */

static int
gowsgi_location_applies(const char *d, const char *uri)
{
    size_t  len;

    len = strlen(d);

    if (strpbrk(d, "*?[")) {
        return GOWSGI_MAYBE;
    }

    if (len > 0 && strncmp(d, uri, len) == 0
        && (d[len - 1] == '/' || uri[len] == '/' || uri[len] == '\0'))
    {
        return GOWSGI_ALWAYS;
    }

    if (strcmp(uri, "/") == 0
        || (strncmp(d, uri, strlen(uri)) == 0 && d[strlen(uri)] == '/'))
    {
        return GOWSGI_MAYBE;
    }

    return GOWSGI_NEVER;
}


/*
 * Whether a <LocationMatch> may match some URI under a mount: it never
 * does only when the pattern is anchored and starts with literal text
 * outside the mount.
 */

static int
gowsgi_location_regex_applies(ap_regex_t *re, const char *pattern,
    const char *uri, apr_pool_t *p)
{
    char        *literal;
    const char  *s;
    size_t       n;

    if (ap_regexec(re, uri, 0, NULL, 0) == 0
        || ap_regexec(re, apr_pstrcat(p, uri, "/", NULL), 0, NULL, 0) == 0)
    {
        return GOWSGI_MAYBE;
    }

    if (pattern[0] != '^') {
        return GOWSGI_MAYBE;
    }

    literal = apr_pstrdup(p, pattern + 1);

    for (s = literal, n = 0; *s && !strchr(".[]()*+?{}|\\^$", *s); s++) {
        n++;
    }

    /* a quantifier binds the last literal character: leave it out */
    if (*s && strchr("*+?{", *s) && n > 0) {
        n--;
    }

    literal[n] = '\0';

    return gowsgi_overlap(literal, uri) ? GOWSGI_MAYBE : GOWSGI_NEVER;
}


/*
 * Directory sections see r->filename, which for a mount is its script:
 * they apply to all of its requests or to none.
 */

static int
gowsgi_directory_applies(ap_regex_t *re, const char *pattern,
    const char *script, apr_pool_t *p)
{
    char        *dir, *slash, *want;
    size_t       len;

    want = apr_pstrdup(p, pattern);
    len = strlen(want);

    while (len > 1 && want[len - 1] == '/') {
        want[--len] = '\0';
    }

    dir = apr_pstrdup(p, script);

    for ( ;; ) {
        slash = strrchr(dir, '/');
        if (slash == NULL) {
            return GOWSGI_NEVER;
        }

        if (slash == dir) {
            dir[1] = '\0';
        } else {
            *slash = '\0';
        }

        if (re) {
            if (ap_regexec(re, dir, 0, NULL, 0) == 0
                || ap_regexec(re, apr_pstrcat(p, dir, "/", NULL), 0, NULL, 0)
                   == 0)
            {
                return GOWSGI_ALWAYS;
            }

        } else if (strpbrk(want, "*?[")) {
            if (apr_fnmatch(want, dir, APR_FNM_PATHNAME) == APR_SUCCESS) {
                return GOWSGI_ALWAYS;
            }

        } else if (strcmp(want, dir) == 0) {
            return GOWSGI_ALWAYS;
        }

        if (dir[1] == '\0') {
            return GOWSGI_NEVER;
        }
    }
}


static int
gowsgi_section_applies(apr_pool_t *p, const ap_directive_t *sec,
    const gowsgi_alias *alias)
{
    int          kind, regex, match;
    char        *args, *end;
    const char  *name, *rest, *word, *pattern, *base;
    ap_regex_t  *re;

    name = sec->directive;

    if (name[0] != '<') {
        return GOWSGI_ALWAYS;
    }

    if (strcasecmp(name, "<VirtualHost") == 0
        || (strncasecmp(name, "<If", 3) == 0 && strcasecmp(name, "<If") != 0))
    {
        /* the server is checked apart; <IfModule>, <IfDefine> and their
         * kind held when the file was read, or nothing inside was seen */
        return GOWSGI_ALWAYS;
    }

    if (strncasecmp(name, "<Proxy", 6) == 0) {
        return GOWSGI_NEVER;
    }

    if (strncasecmp(name, "<Location", 9) == 0) {
        kind = GOWSGI_LOCATION;

    } else if (strncasecmp(name, "<Directory", 10) == 0) {
        kind = GOWSGI_DIRECTORY;

    } else if (strncasecmp(name, "<Files", 6) == 0) {
        kind = GOWSGI_FILES;

    } else {
        /* <If>, <Else>, <Limit> and the like decide per request */
        return GOWSGI_MAYBE;
    }

    args = apr_pstrdup(p, sec->args ? sec->args : "");
    end = strrchr(args, '>');

    if (end) {
        *end = '\0';
    }

    rest = args;
    word = ap_getword_conf(p, &rest);
    regex = (strlen(name) > 5
             && strcasecmp(name + strlen(name) - 5, "Match") == 0);

    if (strcmp(word, "~") == 0) {
        regex = 1;
        pattern = ap_getword_conf(p, &rest);

    } else {
        pattern = word;
    }

    re = NULL;

    if (regex) {
        re = ap_pregcomp(p, pattern, AP_REG_EXTENDED);
        if (re == NULL) {
            return GOWSGI_MAYBE;
        }
    }

    switch (kind) {

    case GOWSGI_LOCATION:
        if (alias->regex) {
            return GOWSGI_MAYBE;
        }

        if (re) {
            return gowsgi_location_regex_applies(re, pattern, alias->uri, p);
        }

        return gowsgi_location_applies(pattern, alias->uri);

    case GOWSGI_DIRECTORY:
        if (alias->templated) {
            return GOWSGI_MAYBE;
        }

        return gowsgi_directory_applies(re, pattern, alias->script, p);

    default:
        if (alias->templated) {
            return GOWSGI_MAYBE;
        }

        base = strrchr(alias->script, '/');
        base = base ? base + 1 : alias->script;

        match = re ? ap_regexec(re, base, 0, NULL, 0) == 0
                   : apr_fnmatch(pattern, base, 0) == APR_SUCCESS;

        return match ? GOWSGI_ALWAYS : GOWSGI_NEVER;
    }
}


/*
 * A value set in a section counts for an alias of its server (or, from
 * the main server, of every virtual host) as far as all the sections
 * around it apply: never, maybe, or to every request of the alias.
 */

static int
gowsgi_setting_applies(apr_pool_t *p, const gowsgi_dir_setting *set,
    server_rec *s, server_rec *main_server, const gowsgi_alias *alias)
{
    int                    applies, sec_applies;
    const ap_directive_t  *sec;

    if (set->server != s && set->server != main_server) {
        return GOWSGI_NEVER;
    }

    applies = GOWSGI_ALWAYS;

    for (sec = set->directive->parent; sec; sec = sec->parent) {
        sec_applies = gowsgi_section_applies(p, sec, alias);

        if (sec_applies < applies) {
            applies = sec_applies;
        }

        if (applies == GOWSGI_NEVER) {
            break;
        }
    }

    return applies;
}


/* ---- the core's directive lines ---- */


static void
gowsgi_add_unique(apr_array_header_t *list, const char *value)
{
    int  i;

    for (i = 0; i < list->nelts; i++) {
        if (strcmp(APR_ARRAY_IDX(list, i, const char *), value) == 0) {
            return;
        }
    }

    APR_ARRAY_PUSH(list, const char *) = value;
}


static void
gowsgi_add_unique_flag(apr_array_header_t *list, int value)
{
    int  i;

    for (i = 0; i < list->nelts; i++) {
        if (APR_ARRAY_IDX(list, i, int) == value) {
            return;
        }
    }

    APR_ARRAY_PUSH(list, int) = value;
}


/*
 * A blank, then key and value as one double-quoted word, in which the
 * core's parser takes \" and \\ for a quote and a backslash.
 */

static void
gowsgi_word(apr_pool_t *p, apr_array_header_t *out, const char *key,
    const char *value)
{
    char        *w, *q;
    const char  *s;

    w = apr_palloc(p, 4 + strlen(key) + 2 * strlen(value));
    q = w;

    *q++ = ' ';
    *q++ = '"';

    for (s = key; *s; s++) {
        *q++ = *s;
    }

    for (s = value; *s; s++) {
        if (*s == '"' || *s == '\\') {
            *q++ = '\\';
        }

        *q++ = *s;
    }

    *q++ = '"';
    *q = '\0';

    APR_ARRAY_PUSH(out, const char *) = w;
}


/*
 * Precedence: the alias's own option, then the daemon process group it
 * runs in, then the server's directive. Settings set nowhere are left out:
 * the core's defaults apply. pass-authorization is always On because the
 * handler leaves the Authorization header out itself when it is Off for
 * the request.
 */

static const char *
gowsgi_line(apr_pool_t *p, gowsgi_server_conf *sconf,
    const gowsgi_alias *alias, const char *callable, int reloading,
    const gowsgi_daemon *daemon, const char *python_home)
{
    int                  threads;
    const char          *timeout, *path, *engine;
    apr_array_header_t  *words;

    words = apr_array_make(p, 12, sizeof(const char *));

    APR_ARRAY_PUSH(words, const char *) = alias->regex
                                          ? "WSGIScriptAliasMatch"
                                          : "WSGIScriptAlias";
    gowsgi_word(p, words, "", alias->uri);
    gowsgi_word(p, words, "", alias->script);

    if (*callable) {
        gowsgi_word(p, words, "callable-object=", callable);
    }

    APR_ARRAY_PUSH(words, const char *) = " \"pass-authorization=On\"";

    engine = alias->engine ? alias->engine : sconf->engine;

    if (engine) {
        gowsgi_word(p, words, "engine=", engine);
    }

    threads = alias->threads ? alias->threads
              : (daemon && daemon->threads) ? daemon->threads
              : sconf->threads;

    if (threads) {
        gowsgi_word(p, words, "threads=", apr_itoa(p, threads));
    }

    timeout = alias->request_timeout ? alias->request_timeout
              : (daemon && daemon->request_timeout) ? daemon->request_timeout
              : sconf->request_timeout;

    if (timeout) {
        gowsgi_word(p, words, "request-timeout=", timeout);
    }

    path = alias->python_path ? alias->python_path
           : (daemon && daemon->python_path) ? daemon->python_path
           : sconf->python_path->nelts
             ? apr_array_pstrcat(p, sconf->python_path, ':') : NULL;

    if (path) {
        gowsgi_word(p, words, "python-path=", path);
    }

    if (python_home) {
        gowsgi_word(p, words, "python-home=", python_home);
    }

    if (reloading != -1) {
        gowsgi_word(p, words, "script-reloading=", reloading ? "On" : "Off");
    }

    return apr_array_pstrcat(p, words, 0);
}


/*
 * The same line in the same host:port is one application, shared by the
 * variants (and servers) that need it, like mod_wsgi's %{RESOURCE} group.
 */

static unsigned
gowsgi_app_add(gowsgi_state *st, server_rec *s, const gowsgi_alias *alias,
    const char *line)
{
    const char  *key;
    gowsgi_app  *app;
    unsigned     index;
    void        *found;

    key = apr_psprintf(st->pool, "%s:%u\n%s",
                       s->server_hostname ? s->server_hostname : "",
                       (unsigned) s->port, line);

    found = apr_hash_get(st->app_index, key, APR_HASH_KEY_STRING);

    if (found) {
        return (unsigned) (uintptr_t) found;
    }

    app = apr_array_push(st->apps);
    app->directive.data = line;
    app->directive.len = strlen(line);
    app->file.data = alias->where.file;
    app->file.len = strlen(alias->where.file);
    app->line = alias->where.line;

    index = (unsigned) st->apps->nelts;
    apr_hash_set(st->app_index, key, APR_HASH_KEY_STRING,
                 (void *) (uintptr_t) index);

    return index;
}


static void
gowsgi_make_mount(gowsgi_state *st, server_rec *s, server_rec *main_server,
    gowsgi_server_conf *sconf, gowsgi_dir_conf *dconf,
    const gowsgi_alias *alias, apr_pool_t *ptemp)
{
    int                        i, c, l, g, reloading, applies;
    int                        sure_callable, sure_reloading, sure_group;
    const char                *callable, *group;
    gowsgi_mount              *mount;
    gowsgi_variant            *v;
    apr_array_header_t        *callables, *reloads, *groups;
    const gowsgi_daemon       *daemon;
    const gowsgi_dir_setting  *set;

    callables = apr_array_make(ptemp, 2, sizeof(const char *));
    reloads = apr_array_make(ptemp, 2, sizeof(int));
    groups = apr_array_make(ptemp, 2, sizeof(const char *));
    sure_callable = sure_reloading = sure_group = 0;

    /* an alias's own option wins over every section */

    if (alias->callable) {
        gowsgi_add_unique(callables, alias->callable);
        sure_callable = 1;
    }

    if (alias->script_reloading != -1) {
        gowsgi_add_unique_flag(reloads, alias->script_reloading);
        sure_reloading = 1;
    }

    if (alias->process_group) {
        gowsgi_add_unique(groups, gowsgi_normal_group(alias->process_group));
        sure_group = 1;
    }

    set = (const gowsgi_dir_setting *) st->dir_settings->elts;

    for (i = 0; i < st->dir_settings->nelts; i++, set++) {
        applies = gowsgi_setting_applies(ptemp, set, s, main_server, alias);

        if (applies == GOWSGI_NEVER) {
            continue;
        }

        if (set->what == GOWSGI_SET_CALLABLE && alias->callable == NULL) {
            gowsgi_add_unique(callables, set->value);
            sure_callable |= (applies == GOWSGI_ALWAYS);

        } else if (set->what == GOWSGI_SET_RELOADING
                   && alias->script_reloading == -1)
        {
            gowsgi_add_unique_flag(reloads, set->flag);
            sure_reloading |= (applies == GOWSGI_ALWAYS);

        } else if (set->what == GOWSGI_SET_GROUP
                   && alias->process_group == NULL)
        {
            gowsgi_add_unique(groups, set->value);
            sure_group |= (applies == GOWSGI_ALWAYS);
        }
    }

    /* the server's value holds unless a section always replaces it */

    if (!sure_callable) {
        gowsgi_add_unique(callables, dconf->callable ? dconf->callable : "");
    }

    if (!sure_reloading) {
        gowsgi_add_unique_flag(reloads, dconf->script_reloading);
    }

    if (!sure_group) {
        gowsgi_add_unique(groups, gowsgi_normal_group(dconf->process_group));
    }

    mount = apr_array_push(sconf->mounts);
    mount->alias = alias;
    mount->variants = apr_array_make(st->pool,
                                     callables->nelts * reloads->nelts
                                     * groups->nelts, sizeof(gowsgi_variant));

    for (c = 0; c < callables->nelts; c++) {
        callable = APR_ARRAY_IDX(callables, c, const char *);

        for (l = 0; l < reloads->nelts; l++) {
            reloading = APR_ARRAY_IDX(reloads, l, int);

            for (g = 0; g < groups->nelts; g++) {
                group = APR_ARRAY_IDX(groups, g, const char *);
                daemon = *group ? apr_hash_get(st->daemons, group,
                                               APR_HASH_KEY_STRING)
                                : NULL;

                v = apr_array_push(mount->variants);
                v->callable = apr_pstrdup(st->pool, callable);
                v->script_reloading = reloading;
                v->process_group = apr_pstrdup(st->pool, group);
                v->app = gowsgi_app_add(st, s, alias,
                                        gowsgi_line(st->pool, sconf, alias,
                                                    callable, reloading,
                                                    daemon,
                                                    st->python_home));
            }
        }
    }
}


/* an alias after another that covers its URI in the same server is dead:
 * the first that matches serves, as with mod_wsgi and mod_alias */

static void
gowsgi_shadowed(gowsgi_state *st, server_rec *s, gowsgi_server_conf *sconf)
{
    int            i, j;
    size_t         n;
    gowsgi_alias **a;

    a = (gowsgi_alias **) sconf->aliases->elts;

    for (j = 1; j < sconf->aliases->nelts; j++) {
        if (a[j]->regex || a[j]->server != s) {
            continue;
        }

        for (i = 0; i < j; i++) {
            if (a[i]->regex || a[i]->server != s) {
                continue;
            }

            n = strlen(a[i]->uri);

            if (strcmp(a[i]->uri, "/") == 0
                || (strncmp(a[i]->uri, a[j]->uri, n) == 0
                    && (a[j]->uri[n] == '/' || a[j]->uri[n] == '\0')))
            {
                gowsgi_notice(st, gowsgi_where_text(st->pool, &a[j]->where),
                    apr_psprintf(st->pool, "%s: WSGIScriptAlias %s will "
                                 "never serve: WSGIScriptAlias %s at %s "
                                 "comes first and covers it; write the "
                                 "longer URI first",
                                 gowsgi_where_text(st->pool, &a[j]->where),
                                 a[j]->uri, a[i]->uri,
                                 gowsgi_where_text(st->pool,
                                                   &a[i]->where)));
                break;
            }
        }
    }
}


static const char *
gowsgi_default_library(apr_pool_t *p)
{
    Dl_info      info;
    const char  *slash;

    if (dladdr((void *) &gowsgi_module, &info) == 0
        || info.dli_fname == NULL)
    {
        return NULL;
    }

    slash = strrchr(info.dli_fname, '/');

    if (slash == NULL) {
        return "libgowsgi.so";
    }

    return apr_pstrcat(p, apr_pstrmemdup(p, info.dli_fname,
                                         slash - info.dli_fname + 1),
                       "libgowsgi.so", NULL);
}


static void
gowsgi_log_notices(gowsgi_state *st, server_rec *s)
{
    int  i;

    for (i = 0; i < st->notices->nelts; i++) {
        ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, "mod_gowsgi: %s",
                     APR_ARRAY_IDX(st->notices, i, const char *));
    }
}


int
gowsgi_check_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp,
    server_rec *s)
{
    int                  i, errors;
    server_rec          *vs;
    apr_finfo_t          finfo;
    gowsgi_state        *st;
    gowsgi_dir_conf     *dconf;
    gowsgi_group_ref    *ref;
    gowsgi_server_conf  *sconf;

    st = gowsgi_state_get(pconf);
    st->apps = apr_array_make(pconf, 4, sizeof(gowsgi_app));
    st->app_index = apr_hash_make(pconf);
    gowsgi_checked = NULL;
    errors = 0;

    /* mod_wsgi answers 500 for an undefined group; a typo is better
     * caught here, with its line */

    ref = (gowsgi_group_ref *) st->group_refs->elts;

    for (i = 0; i < st->group_refs->nelts; i++) {
        if (apr_hash_get(st->daemons, ref[i].name, APR_HASH_KEY_STRING)) {
            continue;
        }

        ap_log_error(APLOG_MARK, APLOG_STARTUP|APLOG_EMERG, 0, NULL,
                     "Syntax error on line %u of %s: process group \"%s\" "
                     "is not defined by any WSGIDaemonProcess",
                     ref[i].where.line, ref[i].where.file, ref[i].name);
        errors++;
    }

    if (errors) {
        return !OK;
    }

    for (vs = s; vs; vs = vs->next) {
        sconf = ap_get_module_config(vs->module_config, &gowsgi_module);
        dconf = ap_get_module_config(vs->lookup_defaults, &gowsgi_module);
        sconf->mounts = apr_array_make(pconf, sconf->aliases->nelts,
                                       sizeof(gowsgi_mount));

        for (i = 0; i < sconf->aliases->nelts; i++) {
            gowsgi_make_mount(st, vs, s, sconf, dconf,
                              APR_ARRAY_IDX(sconf->aliases, i,
                                            const gowsgi_alias *), ptemp);
        }

        gowsgi_shadowed(st, vs, sconf);
    }

    if (st->apps->nelts > 0) {
        if (st->core_library == NULL) {
            st->core_library = gowsgi_default_library(pconf);
        }

        if (st->core_library == NULL
            || apr_stat(&finfo, st->core_library, APR_FINFO_TYPE, ptemp)
               != APR_SUCCESS
            || finfo.filetype != APR_REG)
        {
            ap_log_error(APLOG_MARK, APLOG_STARTUP|APLOG_EMERG, 0, NULL,
                         "mod_gowsgi: the core library \"%s\" is not there; "
                         "build it (make libgowsgi) or name it with "
                         "WSGICoreLibrary",
                         st->core_library ? st->core_library
                                          : "libgowsgi.so");
            return !OK;
        }
    }

    if (ap_state_query(AP_SQ_RUN_MODE) == AP_SQ_RM_CONFIG_TEST) {
        gowsgi_log_notices(st, NULL);
    }

    gowsgi_checked = st;

    return OK;
}


/* said once per start or restart, in the error log: the first of the two
 * passes Apache makes at start logs nothing */

int
gowsgi_post_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp,
    server_rec *s)
{
    gowsgi_state  *st;

    if (ap_state_query(AP_SQ_MAIN_STATE) == AP_SQ_MS_CREATE_PRE_CONFIG) {
        return OK;
    }

    st = gowsgi_state_get(pconf);

    gowsgi_log_notices(st, s);

    return OK;
}
