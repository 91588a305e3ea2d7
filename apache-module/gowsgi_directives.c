/*
 * gowsgi_directives.c - mod_wsgi's directives and gowsgi's own: their
 * handlers check every value while Apache reads the configuration, so
 * that `apachectl configtest` names the line of a mistake. The parent
 * never runs Go: what only the core can judge (a script's Python) is
 * reported when a child starts.
 */

#include "mod_gowsgi.h"

#include "http_core.h"

#include "apr_fnmatch.h"
#include "apr_lib.h"
#include "apr_strings.h"


APLOG_USE_MODULE(gowsgi);


#define GOWSGI_STATE_KEY  "gowsgi:config-state"

#define GOWSGI_MAX_THREADS  1024


static const char *gowsgi_python_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", NULL
};


/*
 * The state of one configuration lives in pconf's user data: Apache reads
 * its configuration twice at start and again on every restart, unloading
 * and reloading this module in between, so a static would go stale.
 */

gowsgi_state *
gowsgi_state_get(apr_pool_t *pconf)
{
    void          *data;
    gowsgi_state  *st;

    if (apr_pool_userdata_get(&data, GOWSGI_STATE_KEY, pconf) == APR_SUCCESS
        && data != NULL)
    {
        return data;
    }

    st = apr_pcalloc(pconf, sizeof(gowsgi_state));
    st->pool = pconf;
    st->daemons = apr_hash_make(pconf);
    st->group_refs = apr_array_make(pconf, 4, sizeof(gowsgi_group_ref));
    st->dir_settings = apr_array_make(pconf, 4, sizeof(gowsgi_dir_setting));
    st->notices = apr_array_make(pconf, 4, sizeof(const char *));
    st->noticed = apr_hash_make(pconf);
    st->core_settings = apr_array_make(pconf, 2, sizeof(const char *));

    apr_pool_userdata_set(st, GOWSGI_STATE_KEY, apr_pool_cleanup_null, pconf);

    return st;
}


/* what has no effect here is said once per configuration, not per use */

void
gowsgi_notice(gowsgi_state *st, const char *key, const char *text)
{
    if (apr_hash_get(st->noticed, key, APR_HASH_KEY_STRING) != NULL) {
        return;
    }

    apr_hash_set(st->noticed, apr_pstrdup(st->pool, key), APR_HASH_KEY_STRING,
                 "");
    APR_ARRAY_PUSH(st->notices, const char *) = apr_pstrdup(st->pool, text);
}


gowsgi_where
gowsgi_where_of(cmd_parms *cmd)
{
    gowsgi_where  where;

    where.file = cmd->directive->filename;
    where.line = (unsigned) cmd->directive->line_num;

    return where;
}


const char *
gowsgi_where_text(apr_pool_t *p, const gowsgi_where *where)
{
    return apr_psprintf(p, "%s:%u", where->file, where->line);
}


/* %{GLOBAL} and the per-request forms all mean: no daemon process group */

const char *
gowsgi_normal_group(const char *group)
{
    if (group == NULL || strncmp(group, "%{", 2) == 0) {
        return "";
    }

    return group;
}


static void
gowsgi_notice_at(cmd_parms *cmd, const char *key, const char *text)
{
    gowsgi_where  where = gowsgi_where_of(cmd);

    gowsgi_notice(gowsgi_state_get(cmd->pool), key,
                  apr_psprintf(cmd->temp_pool, "%s (first at %s)", text,
                               gowsgi_where_text(cmd->temp_pool, &where)));
}


/* ---- values ---- */


static const char *
gowsgi_parse_flag(const char *value, int *flag)
{
    if (strcasecmp(value, "On") == 0) {
        *flag = 1;
        return NULL;
    }

    if (strcasecmp(value, "Off") == 0) {
        *flag = 0;
        return NULL;
    }

    return "expected On or Off";
}


/*
 * A module-level Python name. Non-ASCII letters are left for the core to
 * judge; keywords can never name a callable.
 */

static const char *
gowsgi_check_callable(const char *name)
{
    const char   *p;
    const char  **kw;

    if (*name == '\0' || apr_isdigit(*name)) {
        return "expected a Python identifier such as application";
    }

    for (p = name; *p; p++) {
        if (!apr_isalnum(*p) && *p != '_' && !((unsigned char) *p & 0x80)) {
            return "expected a Python identifier such as application";
        }
    }

    for (kw = gowsgi_python_keywords; *kw; kw++) {
        if (strcmp(name, *kw) == 0) {
            return "a Python keyword cannot name a callable";
        }
    }

    return NULL;
}


static const char *
gowsgi_parse_threads(const char *value, int *threads)
{
    const char  *p;
    apr_int64_t  n;

    for (p = value; apr_isdigit(*p); p++) {
        /* void */
    }

    n = apr_atoi64(value);

    if (*value == '\0' || *p != '\0' || p - value > 5
        || n < 1 || n > GOWSGI_MAX_THREADS)
    {
        return "expected a whole number from 1 to 1024";
    }

    *threads = (int) n;

    return NULL;
}


/* digits with at most one '.', at least one digit: how many chars, or 0 */

static apr_size_t
gowsgi_decimal_len(const char *s)
{
    int          digits;
    const char  *p;

    digits = 0;

    for (p = s; apr_isdigit(*p); p++) {
        digits++;
    }

    if (*p == '.') {
        for (p++; apr_isdigit(*p); p++) {
            digits++;
        }
    }

    return digits ? (apr_size_t) (p - s) : 0;
}


/*
 * The core's request timeout: seconds ("30", "2.5"), a duration with
 * units as in "1m30s" or "500ms", or 0 / Off for none.
 */

static const char *
gowsgi_check_timeout(const char *value)
{
    apr_size_t   n;
    const char  *p;

    static const char  want[] = "expected seconds such as 30 or 2.5, "
                                "a duration such as 1m30s, or Off";

    if (strcasecmp(value, "Off") == 0) {
        return NULL;
    }

    n = gowsgi_decimal_len(value);

    if (n == 0) {
        return want;
    }

    if (value[n] == '\0') {
        return NULL;
    }

    for (p = value; *p; /* void */) {
        n = gowsgi_decimal_len(p);

        if (n == 0) {
            return want;
        }

        p += n;

        if (strncmp(p, "ns", 2) == 0 || strncmp(p, "us", 2) == 0
            || strncmp(p, "ms", 2) == 0)
        {
            p += 2;

        } else if (*p == 's' || *p == 'm' || *p == 'h') {
            p++;

        } else {
            return want;
        }
    }

    return NULL;
}


static const char *
gowsgi_parse_engine(const char *value, const char **engine)
{
    if (strcasecmp(value, "gpython") == 0) {
        *engine = "gpython";
        return NULL;
    }

    if (strcasecmp(value, "cpython") == 0) {
        *engine = "cpython";
        return NULL;
    }

    return "expected gpython or cpython";
}


/* DIR[:DIR...], each taken relative to ServerRoot, joined again by ':' */

static const char *
gowsgi_parse_path_list(apr_pool_t *p, const char *value,
    apr_array_header_t *dirs)
{
    char  *list, *dir, *last, *full;

    if (*value == '\0' || strstr(value, "::") || *value == ':'
        || value[strlen(value) - 1] == ':')
    {
        return "expected directories separated by ':', none of them empty";
    }

    list = apr_pstrdup(p, value);

    for (dir = apr_strtok(list, ":", &last); dir;
         dir = apr_strtok(NULL, ":", &last))
    {
        full = ap_server_root_relative(p, dir);

        if (full == NULL) {
            return apr_psprintf(p, "directory \"%s\" is not a valid path",
                                dir);
        }

        APR_ARRAY_PUSH(dirs, const char *) = full;
    }

    return NULL;
}


static const char *
gowsgi_join_path_list(apr_pool_t *p, const char *value, const char **joined)
{
    const char          *err;
    apr_array_header_t  *dirs;

    dirs = apr_array_make(p, 2, sizeof(const char *));

    err = gowsgi_parse_path_list(p, value, dirs);
    if (err) {
        return err;
    }

    *joined = apr_array_pstrcat(p, dirs, ':');

    return NULL;
}


/*
 * A mount URI as the core takes it: a clean absolute path, one trailing
 * slash dropped, so that "/app/" and "/app" name the same mount.
 */

static const char *
gowsgi_clean_uri(apr_pool_t *p, const char *uri, const char **clean)
{
    char        *u;
    const char  *seg, *end;
    size_t       len;

    if (uri[0] != '/') {
        return "expected a URI path starting with \"/\", such as /app";
    }

    if (strpbrk(uri, "?#")) {
        return "expected a plain URI path, without a query or fragment";
    }

    u = apr_pstrdup(p, uri);
    len = strlen(u);

    if (len > 1 && u[len - 1] == '/') {
        u[--len] = '\0';
    }

    for (seg = u + 1; len > 1; seg = end + 1) {
        end = strchr(seg, '/');
        if (end == NULL) {
            end = seg + strlen(seg);
        }

        if (end == seg
            || (end - seg == 1 && seg[0] == '.')
            || (end - seg == 2 && seg[0] == '.' && seg[1] == '.'))
        {
            return "expected a clean URI path, without \"//\", \"/./\" "
                   "or \"/../\"";
        }

        if (*end == '\0') {
            break;
        }
    }

    *clean = u;

    return NULL;
}


/*
 * The parent only checks that the script is a regular file: its Python is
 * compiled by the core in each child, which logs errors with FILE:LINE.
 */

static const char *
gowsgi_check_script(apr_pool_t *p, const char *path)
{
    apr_status_t  rv;
    apr_finfo_t   finfo;

    rv = apr_stat(&finfo, path, APR_FINFO_TYPE, p);

    if (rv != APR_SUCCESS) {
        if (APR_STATUS_IS_ENOENT(rv) || APR_STATUS_IS_ENOTDIR(rv)) {
            return apr_psprintf(p, "script \"%s\" does not exist", path);
        }

        return apr_psprintf(p, "script \"%s\" cannot be read (%pm)", path,
                            &rv);
    }

    if (finfo.filetype != APR_REG) {
        return apr_psprintf(p, "script \"%s\" is not a regular file; "
                            "expected a WSGI script file", path);
    }

    return NULL;
}


/* the highest $N in a WSGIScriptAliasMatch script, -1 for none */

static int
gowsgi_highest_ref(const char *script)
{
    int          n;
    const char  *p;

    n = -1;

    for (p = script; *p; p++) {
        if (p[0] == '$' && apr_isdigit(p[1])) {
            if (p[1] - '0' > n) {
                n = p[1] - '0';
            }

            p++;
        }
    }

    return n;
}


static void
gowsgi_add_group_ref(cmd_parms *cmd, const char *group)
{
    gowsgi_state      *st;
    gowsgi_group_ref  *ref;

    if (*gowsgi_normal_group(group) == '\0') {
        if (strcasecmp(group, "%{GLOBAL}") != 0) {
            gowsgi_notice_at(cmd, "process-group-expansion",
                             "process group names with %{...} other than "
                             "%{GLOBAL} are not expanded: such requests run "
                             "with the settings of no daemon process group");
        }

        return;
    }

    st = gowsgi_state_get(cmd->pool);
    ref = apr_array_push(st->group_refs);
    ref->name = group;
    ref->where = gowsgi_where_of(cmd);
}


/* ---- WSGIScriptAlias, WSGIScriptAliasMatch ---- */


#define GOWSGI_ALIAS_OPTIONS                                                  \
    "callable-object=NAME, pass-authorization=On|Off, application-group=NAME, "\
    "process-group=NAME, engine=NAME, threads=N, request-timeout=SECONDS, "   \
    "python-path=DIR[:DIR...] or script-reloading=On|Off"


static const char *
gowsgi_alias_option(cmd_parms *cmd, gowsgi_alias *alias, const char *opt,
    apr_hash_t *seen)
{
    char        *key;
    const char  *value, *err;

    value = strchr(opt, '=');

    if (value == NULL) {
        return apr_psprintf(cmd->pool, "%s: unexpected argument \"%s\"; "
                            "expected options " GOWSGI_ALIAS_OPTIONS,
                            cmd->cmd->name, opt);
    }

    key = apr_pstrmemdup(cmd->temp_pool, opt, value - opt);
    ap_str_tolower(key);
    value++;

    if (apr_hash_get(seen, key, APR_HASH_KEY_STRING)) {
        return apr_psprintf(cmd->pool, "%s: option %s= is given twice",
                            cmd->cmd->name, key);
    }

    apr_hash_set(seen, key, APR_HASH_KEY_STRING, key);

    err = NULL;

    if (strcmp(key, "callable-object") == 0) {
        err = gowsgi_check_callable(value);
        alias->callable = value;

    } else if (strcmp(key, "pass-authorization") == 0) {
        err = gowsgi_parse_flag(value, &alias->pass_authorization);

    } else if (strcmp(key, "script-reloading") == 0) {
        err = gowsgi_parse_flag(value, &alias->script_reloading);

    } else if (strcmp(key, "application-group") == 0) {
        if (*value == '\0') {
            err = "expected a group name";
        }

        gowsgi_notice_at(cmd, "application-group",
                         "WSGIApplicationGroup and application-group= have "
                         "no effect: each mount of each virtual host runs "
                         "in interpreters of its own, as with mod_wsgi's "
                         "default %{RESOURCE} group");

    } else if (strcmp(key, "process-group") == 0) {
        if (*value == '\0') {
            err = "expected a group name";

        } else {
            alias->process_group = value;
            gowsgi_add_group_ref(cmd, value);
        }

    } else if (strcmp(key, "engine") == 0) {
        err = gowsgi_parse_engine(value, &alias->engine);

    } else if (strcmp(key, "threads") == 0) {
        err = gowsgi_parse_threads(value, &alias->threads);

    } else if (strcmp(key, "request-timeout") == 0) {
        err = gowsgi_check_timeout(value);
        alias->request_timeout = value;

    } else if (strcmp(key, "python-path") == 0) {
        err = gowsgi_join_path_list(cmd->pool, value, &alias->python_path);

    } else {
        return apr_psprintf(cmd->pool, "%s: unknown option \"%s\"; expected "
                            GOWSGI_ALIAS_OPTIONS, cmd->cmd->name, opt);
    }

    if (err) {
        return apr_psprintf(cmd->pool, "%s: option %s= \"%s\": %s",
                            cmd->cmd->name, key, value, err);
    }

    return NULL;
}


static const char *
gowsgi_script_alias(cmd_parms *cmd, void *mconfig, int argc,
    char *const argv[])
{
    int                  i, match, refs;
    const char          *err, *script;
    apr_hash_t          *seen;
    gowsgi_alias        *alias, **other;
    gowsgi_server_conf  *sconf;

    match = (cmd->info != NULL);

    if (argc < 2) {
        return apr_psprintf(cmd->pool, "%s takes %s, a script and options "
                            "(" GOWSGI_ALIAS_OPTIONS ")", cmd->cmd->name,
                            match ? "a regular expression" : "a URI");
    }

    alias = apr_pcalloc(cmd->pool, sizeof(gowsgi_alias));
    alias->pass_authorization = -1;
    alias->script_reloading = -1;
    alias->server = cmd->server;
    alias->where = gowsgi_where_of(cmd);

    if (match) {
        alias->uri = argv[0];
        alias->regex = ap_pregcomp(cmd->pool, argv[0], AP_REG_EXTENDED);

        if (alias->regex == NULL) {
            return apr_psprintf(cmd->pool, "%s: regular expression \"%s\" "
                                "does not compile", cmd->cmd->name, argv[0]);
        }

    } else {
        err = gowsgi_clean_uri(cmd->pool, argv[0], &alias->uri);
        if (err) {
            return apr_psprintf(cmd->pool, "%s: URI \"%s\": %s",
                                cmd->cmd->name, argv[0], err);
        }
    }

    script = ap_server_root_relative(cmd->pool, argv[1]);

    if (script == NULL || *argv[1] == '\0') {
        return apr_psprintf(cmd->pool, "%s: script \"%s\" is not a valid path",
                            cmd->cmd->name, argv[1]);
    }

    alias->script = script;
    refs = match ? gowsgi_highest_ref(script) : -1;
    alias->templated = (refs >= 0);

    if (alias->templated) {
        /* scripts named by the request cannot be checked now */

        if (refs > (int) alias->regex->re_nsub) {
            return apr_psprintf(cmd->pool, "%s: script \"%s\" refers to $%d "
                                "but the expression has %d group(s)",
                                cmd->cmd->name, script, refs,
                                (int) alias->regex->re_nsub);
        }

    } else {
        err = gowsgi_check_script(cmd->temp_pool, script);
        if (err) {
            return apr_psprintf(cmd->pool, "%s: %s", cmd->cmd->name, err);
        }
    }

    seen = apr_hash_make(cmd->temp_pool);

    for (i = 2; i < argc; i++) {
        err = gowsgi_alias_option(cmd, alias, argv[i], seen);
        if (err) {
            return err;
        }
    }

    /* the second of two identical mounts in one server could never serve */

    sconf = ap_get_module_config(cmd->server->module_config, &gowsgi_module);
    other = (gowsgi_alias **) sconf->aliases->elts;

    for (i = 0; i < sconf->aliases->nelts; i++) {
        if ((other[i]->regex != NULL) == match
            && strcmp(other[i]->uri, alias->uri) == 0)
        {
            return apr_psprintf(cmd->pool, "%s %s is already given at %s",
                                cmd->cmd->name, alias->uri,
                                gowsgi_where_text(cmd->pool,
                                                  &other[i]->where));
        }
    }

    APR_ARRAY_PUSH(sconf->aliases, gowsgi_alias *) = alias;

    return NULL;
}


/* ---- per-directory directives ---- */


/*
 * A value set inside <Location>, <Directory>, <Files> or <If> may give an
 * alias other settings than its server's: it is remembered so that the
 * core gets an application for each such combination.
 */

static void
gowsgi_add_dir_setting(cmd_parms *cmd, int what, const char *value, int flag)
{
    gowsgi_state        *st;
    gowsgi_dir_setting  *set;

    if (cmd->path == NULL) {
        return;
    }

    st = gowsgi_state_get(cmd->pool);
    set = apr_array_push(st->dir_settings);
    set->what = what;
    set->value = value;
    set->flag = flag;
    set->server = cmd->server;
    set->directive = cmd->directive;
}


static const char *
gowsgi_callable_object(cmd_parms *cmd, void *mconfig, const char *arg)
{
    gowsgi_dir_conf  *dconf = mconfig;
    const char       *err;

    err = gowsgi_check_callable(arg);
    if (err) {
        return apr_psprintf(cmd->pool, "%s \"%s\": %s", cmd->cmd->name, arg,
                            err);
    }

    dconf->callable = arg;
    gowsgi_add_dir_setting(cmd, GOWSGI_SET_CALLABLE, arg, 0);

    return NULL;
}


static const char *
gowsgi_script_reloading(cmd_parms *cmd, void *mconfig, int flag)
{
    gowsgi_dir_conf  *dconf = mconfig;

    dconf->script_reloading = flag;
    gowsgi_add_dir_setting(cmd, GOWSGI_SET_RELOADING, NULL, flag);

    return NULL;
}


/* decided per request, by leaving the header out: no variant needed */

static const char *
gowsgi_pass_authorization(cmd_parms *cmd, void *mconfig, int flag)
{
    gowsgi_dir_conf  *dconf = mconfig;

    dconf->pass_authorization = flag;

    return NULL;
}


static const char *
gowsgi_process_group(cmd_parms *cmd, void *mconfig, const char *arg)
{
    gowsgi_dir_conf  *dconf = mconfig;

    if (*arg == '\0') {
        return apr_psprintf(cmd->pool, "%s: expected a group name",
                            cmd->cmd->name);
    }

    dconf->process_group = arg;
    gowsgi_add_group_ref(cmd, arg);
    gowsgi_add_dir_setting(cmd, GOWSGI_SET_GROUP, gowsgi_normal_group(arg), 0);

    return NULL;
}


static const char *
gowsgi_application_group(cmd_parms *cmd, void *mconfig, const char *arg)
{
    gowsgi_dir_conf  *dconf = mconfig;

    if (*arg == '\0') {
        return apr_psprintf(cmd->pool, "%s: expected a group name",
                            cmd->cmd->name);
    }

    dconf->application_group = arg;

    gowsgi_notice_at(cmd, "application-group",
                     "WSGIApplicationGroup and application-group= have no "
                     "effect: each mount of each virtual host runs in "
                     "interpreters of its own, as with mod_wsgi's default "
                     "%{RESOURCE} group");

    return NULL;
}


/* ---- server directives ---- */


static gowsgi_server_conf *
gowsgi_server_conf_of(cmd_parms *cmd)
{
    return ap_get_module_config(cmd->server->module_config, &gowsgi_module);
}


static const char *
gowsgi_python_path(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char  *err;

    err = gowsgi_parse_path_list(cmd->pool, arg,
                                 gowsgi_server_conf_of(cmd)->python_path);
    if (err) {
        return apr_psprintf(cmd->pool, "%s \"%s\": %s", cmd->cmd->name, arg,
                            err);
    }

    return NULL;
}


static const char *
gowsgi_engine(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char  *err;

    err = gowsgi_parse_engine(arg, &gowsgi_server_conf_of(cmd)->engine);
    if (err) {
        return apr_psprintf(cmd->pool, "%s \"%s\": %s", cmd->cmd->name, arg,
                            err);
    }

    return NULL;
}


static const char *
gowsgi_threads(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char  *err;

    err = gowsgi_parse_threads(arg, &gowsgi_server_conf_of(cmd)->threads);
    if (err) {
        return apr_psprintf(cmd->pool, "%s \"%s\": %s", cmd->cmd->name, arg,
                            err);
    }

    return NULL;
}


static const char *
gowsgi_request_timeout(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char  *err;

    err = gowsgi_check_timeout(arg);
    if (err) {
        return apr_psprintf(cmd->pool, "%s \"%s\": %s", cmd->cmd->name, arg,
                            err);
    }

    gowsgi_server_conf_of(cmd)->request_timeout = arg;

    return NULL;
}


static const char *
gowsgi_core_library(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char  *err, *path;

    err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    if (err) {
        return err;
    }

    path = ap_server_root_relative(cmd->pool, arg);

    if (path == NULL || *arg == '\0') {
        return apr_psprintf(cmd->pool, "%s: \"%s\" is not a valid path",
                            cmd->cmd->name, arg);
    }

    gowsgi_state_get(cmd->pool)->core_library = path;

    return NULL;
}


/*
 * Go reads GOMAXPROCS and the like from the environment Apache was
 * started with, which is the parent's: the core takes them at its start
 * instead. Values are checked by the core, which refuses to start (and
 * says why) on a bad one.
 */

static const char *
gowsgi_core_setting(cmd_parms *cmd, void *mconfig, const char *arg)
{
    size_t         len;
    const char    *err, *eq, **name;
    gowsgi_state  *st;

    static const char *names[] = {
        "GOMAXPROCS", "GOMEMLIMIT", "GOGC", "LOG_LEVEL", NULL
    };

    err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    if (err) {
        return err;
    }

    eq = strchr(arg, '=');
    len = eq ? (size_t) (eq - arg) : 0;

    for (name = names; eq && *name; name++) {
        if (strlen(*name) == len && strncmp(arg, *name, len) == 0) {
            break;
        }
    }

    if (eq == NULL || *name == NULL || eq[1] == '\0' || strchr(arg, '\n')) {
        return apr_psprintf(cmd->pool, "%s: unexpected \"%s\"; expected "
                            "GOMAXPROCS=N, GOMEMLIMIT=SIZE, GOGC=PERCENT|off "
                            "or LOG_LEVEL=LEVEL", cmd->cmd->name, arg);
    }

    st = gowsgi_state_get(cmd->pool);
    APR_ARRAY_PUSH(st->core_settings, const char *) =
        apr_pstrcat(cmd->pool, arg, "\n", NULL);

    return NULL;
}


/*
 * A child runs one CPython interpreter, so WSGIPythonHome and every daemon
 * group's python-home= must name the same directory; the core gets it as
 * each application's python-home= option.
 */

static const char *
gowsgi_set_python_home(cmd_parms *cmd, const char *dir)
{
    const char    *path;
    apr_status_t   rv;
    apr_finfo_t    finfo;
    gowsgi_state  *st;

    path = ap_server_root_relative(cmd->pool, dir);

    if (path == NULL) {
        return apr_psprintf(cmd->pool, "python home \"%s\" is not a valid "
                            "path", dir);
    }

    rv = apr_stat(&finfo, path, APR_FINFO_TYPE, cmd->temp_pool);

    if (rv != APR_SUCCESS || finfo.filetype != APR_DIR) {
        return apr_psprintf(cmd->pool, "python home \"%s\" is not a "
                            "directory; expected a Python installation "
                            "prefix or a virtualenv", path);
    }

    st = gowsgi_state_get(cmd->pool);

    if (st->python_home && strcmp(st->python_home, path) != 0) {
        return apr_psprintf(cmd->pool, "python home \"%s\" differs from "
                            "\"%s\" given at %s; a child runs one Python "
                            "interpreter", path, st->python_home,
                            gowsgi_where_text(cmd->pool,
                                              &st->python_home_at));
    }

    if (st->python_home == NULL) {
        st->python_home = path;
        st->python_home_at = gowsgi_where_of(cmd);
    }

    return NULL;
}


static const char *
gowsgi_python_home(cmd_parms *cmd, void *mconfig, const char *arg)
{
    const char  *err;

    err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    if (err) {
        return err;
    }

    err = gowsgi_set_python_home(cmd, arg);
    if (err) {
        return apr_psprintf(cmd->pool, "%s: %s", cmd->cmd->name, err);
    }

    return NULL;
}


static const char *
gowsgi_import_script(cmd_parms *cmd, void *mconfig, int argc,
    char *const argv[])
{
    int          i;
    const char  *value;

    if (argc < 1) {
        return apr_psprintf(cmd->pool, "%s takes a script and the options "
                            "process-group=NAME application-group=NAME",
                            cmd->cmd->name);
    }

    for (i = 1; i < argc; i++) {
        value = strchr(argv[i], '=');

        if (value == NULL
            || (strncasecmp(argv[i], "process-group=", 14) != 0
                && strncasecmp(argv[i], "application-group=", 18) != 0))
        {
            return apr_psprintf(cmd->pool, "%s: unknown option \"%s\"; "
                                "expected process-group=NAME or "
                                "application-group=NAME", cmd->cmd->name,
                                argv[i]);
        }
    }

    gowsgi_notice_at(cmd, "import-script",
                     "WSGIImportScript has no effect: gowsgi loads every "
                     "mounted script when a child starts");

    return NULL;
}


/* ---- WSGIDaemonProcess ---- */


#define GOWSGI_DAEMON_THREADS      1
#define GOWSGI_DAEMON_PYTHON_PATH  2
#define GOWSGI_DAEMON_TIMEOUT      3
#define GOWSGI_DAEMON_IGNORE       4
#define GOWSGI_DAEMON_REFUSE       5
#define GOWSGI_DAEMON_PYTHON_HOME  6


typedef struct {
    const char                 *name;
    int                         action;
    const char                 *why;
} gowsgi_daemon_option;


/*
 * mod_wsgi's options of WSGIDaemonProcess. There are no daemon processes
 * here: an app of the group runs in Apache's children with the group's
 * threads, python-path and request-timeout (and python-home, which is the
 * children's one interpreter's). Options that would confine
 * the app (a chroot, script ownership) are refused rather than silently
 * dropped; the rest tune processes that do not exist and are ignored.
 */

static const gowsgi_daemon_option  gowsgi_daemon_options[] = {
    { "threads", GOWSGI_DAEMON_THREADS, NULL },
    { "python-path", GOWSGI_DAEMON_PYTHON_PATH, NULL },
    { "request-timeout", GOWSGI_DAEMON_TIMEOUT, NULL },
    { "python-home", GOWSGI_DAEMON_PYTHON_HOME, NULL },

    { "chroot", GOWSGI_DAEMON_REFUSE,
      "apps run in Apache's children, which cannot be confined to a chroot "
      "per group" },
    { "script-user", GOWSGI_DAEMON_REFUSE,
      "the ownership of scripts is not checked" },
    { "script-group", GOWSGI_DAEMON_REFUSE,
      "the ownership of scripts is not checked" },

    { "user", GOWSGI_DAEMON_IGNORE,
      "apps run as Apache's User, in Apache's children" },
    { "group", GOWSGI_DAEMON_IGNORE,
      "apps run as Apache's Group, in Apache's children" },
    { "supplementary-groups", GOWSGI_DAEMON_IGNORE,
      "apps run with the groups of Apache's User" },
    { "processes", GOWSGI_DAEMON_IGNORE,
      "Apache's MPM decides how many processes serve" },
    { "home", GOWSGI_DAEMON_IGNORE,
      "the working directory of Apache's children is not changed" },
    { "umask", GOWSGI_DAEMON_IGNORE, "Apache's children keep their umask" },
    { "lang", GOWSGI_DAEMON_IGNORE, "the locale is Apache's" },
    { "locale", GOWSGI_DAEMON_IGNORE, "the locale is Apache's" },
    { "display-name", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to name" },
    { "python-eggs", GOWSGI_DAEMON_IGNORE, "eggs are not unpacked" },
    { "stack-size", GOWSGI_DAEMON_IGNORE, "the core sizes its own stacks" },
    { "maximum-requests", GOWSGI_DAEMON_IGNORE,
      "use MaxConnectionsPerChild to recycle Apache's children" },
    { "inactivity-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to restart" },
    { "deadlock-timeout", GOWSGI_DAEMON_IGNORE,
      "the gpython engine has no global interpreter lock" },
    { "graceful-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to restart" },
    { "eviction-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to restart" },
    { "restart-interval", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to restart" },
    { "shutdown-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to stop" },
    { "startup-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon process to start" },
    { "connect-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon socket" },
    { "socket-timeout", GOWSGI_DAEMON_IGNORE, "there is no daemon socket" },
    { "queue-timeout", GOWSGI_DAEMON_IGNORE, "there is no daemon queue" },
    { "listen-backlog", GOWSGI_DAEMON_IGNORE, "there is no daemon socket" },
    { "socket-user", GOWSGI_DAEMON_IGNORE, "there is no daemon socket" },
    { "socket-rotation", GOWSGI_DAEMON_IGNORE, "there is no daemon socket" },
    { "send-buffer-size", GOWSGI_DAEMON_IGNORE, "there is no daemon socket" },
    { "receive-buffer-size", GOWSGI_DAEMON_IGNORE,
      "there is no daemon socket" },
    { "header-buffer-size", GOWSGI_DAEMON_IGNORE,
      "there is no daemon socket" },
    { "response-buffer-size", GOWSGI_DAEMON_IGNORE,
      "there is no daemon socket" },
    { "response-socket-timeout", GOWSGI_DAEMON_IGNORE,
      "there is no daemon socket" },
    { "memory-limit", GOWSGI_DAEMON_IGNORE,
      "Apache's children are not limited per group" },
    { "virtual-memory-limit", GOWSGI_DAEMON_IGNORE,
      "Apache's children are not limited per group" },
    { "cpu-time-limit", GOWSGI_DAEMON_IGNORE,
      "Apache's children are not limited per group" },
    { "cpu-priority", GOWSGI_DAEMON_IGNORE,
      "Apache's children keep their priority" },
    { "server-metrics", GOWSGI_DAEMON_IGNORE, "there are no daemon metrics" },
    { NULL, 0, NULL }
};


static const char *
gowsgi_daemon_process(cmd_parms *cmd, void *mconfig, int argc,
    char *const argv[])
{
    int                          i;
    char                        *key;
    const char                  *value, *err;
    gowsgi_state                *st;
    gowsgi_daemon               *daemon, *other;
    const gowsgi_daemon_option  *opt;

    if (argc < 1 || *argv[0] == '\0' || strncmp(argv[0], "%{", 2) == 0) {
        return apr_psprintf(cmd->pool, "%s takes a group name and options",
                            cmd->cmd->name);
    }

    st = gowsgi_state_get(cmd->pool);

    other = apr_hash_get(st->daemons, argv[0], APR_HASH_KEY_STRING);

    if (other) {
        return apr_psprintf(cmd->pool, "%s %s is already defined at %s",
                            cmd->cmd->name, argv[0],
                            gowsgi_where_text(cmd->pool, &other->where));
    }

    daemon = apr_pcalloc(cmd->pool, sizeof(gowsgi_daemon));
    daemon->name = argv[0];
    daemon->where = gowsgi_where_of(cmd);

    for (i = 1; i < argc; i++) {
        value = strchr(argv[i], '=');

        if (value == NULL) {
            return apr_psprintf(cmd->pool, "%s: unexpected argument \"%s\"; "
                                "expected options NAME=VALUE",
                                cmd->cmd->name, argv[i]);
        }

        key = apr_pstrmemdup(cmd->temp_pool, argv[i], value - argv[i]);
        ap_str_tolower(key);
        value++;

        for (opt = gowsgi_daemon_options; opt->name; opt++) {
            if (strcmp(opt->name, key) == 0) {
                break;
            }
        }

        err = NULL;

        switch (opt->action) {

        case GOWSGI_DAEMON_THREADS:
            err = gowsgi_parse_threads(value, &daemon->threads);
            break;

        case GOWSGI_DAEMON_PYTHON_PATH:
            err = gowsgi_join_path_list(cmd->pool, value,
                                        &daemon->python_path);
            break;

        case GOWSGI_DAEMON_TIMEOUT:
            err = gowsgi_check_timeout(value);
            daemon->request_timeout = value;
            break;

        case GOWSGI_DAEMON_PYTHON_HOME:
            err = gowsgi_set_python_home(cmd, value);
            if (err) {
                return apr_psprintf(cmd->pool, "%s: option %s=: %s",
                                    cmd->cmd->name, key, err);
            }
            break;

        case GOWSGI_DAEMON_REFUSE:
            return apr_psprintf(cmd->pool, "%s: option %s= is not "
                                "supported: %s", cmd->cmd->name, key,
                                opt->why);

        case GOWSGI_DAEMON_IGNORE:
            gowsgi_notice_at(cmd,
                             apr_pstrcat(cmd->temp_pool, "daemon:", key,
                                         NULL),
                             apr_psprintf(cmd->temp_pool,
                                          "WSGIDaemonProcess option %s= is "
                                          "ignored: %s", key, opt->why));
            break;

        default:
            return apr_psprintf(cmd->pool, "%s: unknown option \"%s\"",
                                cmd->cmd->name, argv[i]);
        }

        if (err) {
            return apr_psprintf(cmd->pool, "%s: option %s= \"%s\": %s",
                                cmd->cmd->name, key, value, err);
        }
    }

    apr_hash_set(st->daemons, daemon->name, APR_HASH_KEY_STRING, daemon);

    return NULL;
}


/* mod_wsgi directives that tune what gowsgi does not have */

static const char *
gowsgi_without_effect(cmd_parms *cmd, void *mconfig, const char *args)
{
    gowsgi_notice_at(cmd, cmd->cmd->name,
                     apr_psprintf(cmd->temp_pool, "%s has no effect: %s",
                                  cmd->cmd->name,
                                  (const char *) cmd->info));

    return NULL;
}


#define GOWSGI_NO_DAEMONS  "gowsgi runs no daemon processes"


const command_rec gowsgi_cmds[] = {

    AP_INIT_TAKE_ARGV("WSGIScriptAlias", gowsgi_script_alias, NULL,
        RSRC_CONF,
        "a URI, the WSGI script serving it and options ("
        GOWSGI_ALIAS_OPTIONS ")"),

    AP_INIT_TAKE_ARGV("WSGIScriptAliasMatch", gowsgi_script_alias, "match",
        RSRC_CONF,
        "a regular expression, the WSGI script serving what it matches "
        "($1..$9 stand for its groups) and options"),

    AP_INIT_TAKE1("WSGICallableObject", gowsgi_callable_object, NULL,
        RSRC_CONF|ACCESS_CONF,
        "the name of the WSGI callable in the script (default application)"),

    AP_INIT_FLAG("WSGIScriptReloading", gowsgi_script_reloading, NULL,
        RSRC_CONF|ACCESS_CONF,
        "On to load a script again when its file changes (default On)"),

    AP_INIT_FLAG("WSGIPassAuthorization", gowsgi_pass_authorization, NULL,
        RSRC_CONF|OR_AUTHCFG,
        "On to pass the Authorization header to the application "
        "(default Off)"),

    AP_INIT_TAKE1("WSGIProcessGroup", gowsgi_process_group, NULL,
        RSRC_CONF|ACCESS_CONF,
        "the WSGIDaemonProcess group whose threads, python-path and "
        "request-timeout apply"),

    AP_INIT_TAKE1("WSGIApplicationGroup", gowsgi_application_group, NULL,
        RSRC_CONF|ACCESS_CONF,
        "accepted for mod_wsgi configurations; has no effect"),

    AP_INIT_TAKE1("WSGIPythonPath", gowsgi_python_path, NULL,
        RSRC_CONF,
        "directories added to the applications' module search path, "
        "separated by ':'"),

    AP_INIT_TAKE1("WSGIPythonHome", gowsgi_python_home, NULL,
        RSRC_CONF,
        "the Python installation or virtualenv the cpython engine runs "
        "from"),

    AP_INIT_TAKE_ARGV("WSGIImportScript", gowsgi_import_script, NULL,
        RSRC_CONF,
        "accepted for mod_wsgi configurations; has no effect"),

    AP_INIT_TAKE_ARGV("WSGIDaemonProcess", gowsgi_daemon_process, NULL,
        RSRC_CONF,
        "a process group name and options; threads=, python-path=, "
        "python-home= and request-timeout= apply to its applications"),

    AP_INIT_TAKE1("WSGIEngine", gowsgi_engine, NULL,
        RSRC_CONF,
        "the Python engine: gpython (default) or cpython"),

    AP_INIT_TAKE1("WSGIThreads", gowsgi_threads, NULL,
        RSRC_CONF,
        "requests one application runs at once in one child (default 4)"),

    AP_INIT_TAKE1("WSGIRequestTimeout", gowsgi_request_timeout, NULL,
        RSRC_CONF,
        "seconds a request may spend in Python, or Off (default 60)"),

    AP_INIT_TAKE1("WSGICoreLibrary", gowsgi_core_library, NULL,
        RSRC_CONF,
        "the path of libgowsgi.so (default: next to mod_gowsgi.so)"),

    AP_INIT_ITERATE("WSGICoreSetting", gowsgi_core_setting, NULL,
        RSRC_CONF,
        "settings of the core's Go runtime in each child: GOMAXPROCS=N, "
        "GOMEMLIMIT=SIZE, GOGC=PERCENT|off, LOG_LEVEL=LEVEL"),

    AP_INIT_RAW_ARGS("WSGISocketPrefix", gowsgi_without_effect,
        GOWSGI_NO_DAEMONS, RSRC_CONF, "accepted; has no effect"),

    AP_INIT_RAW_ARGS("WSGIRestrictEmbedded", gowsgi_without_effect,
        "every application runs in Apache's children", RSRC_CONF,
        "accepted; has no effect"),

    AP_INIT_RAW_ARGS("WSGILazyInitialization", gowsgi_without_effect,
        "the core starts in each child, never in the parent", RSRC_CONF,
        "accepted; has no effect"),

    AP_INIT_RAW_ARGS("WSGIPythonOptimize", gowsgi_without_effect,
        "the gpython engine has no optimisation levels", RSRC_CONF,
        "accepted; has no effect"),

    AP_INIT_RAW_ARGS("WSGIRestrictStdout", gowsgi_without_effect,
        "sys.stdout is never the client", RSRC_CONF,
        "accepted; has no effect"),

    AP_INIT_RAW_ARGS("WSGIRestrictSignal", gowsgi_without_effect,
        "applications cannot install signal handlers", RSRC_CONF,
        "accepted; has no effect"),

    { NULL }
};
