/*
 * sl-init: the PID 1 SecureLaunch puts in front of a container's command so that secret
 * environment variables reach the command without ever being in `docker inspect`.
 *
 *   /.securelaunch/init -- COMMAND [ARG...]
 *
 * Reads NAME=value entries (each NUL-terminated) from /.securelaunch/env, adds them on top
 * of the environment Docker gave us, forks, execs COMMAND with that environment, forwards
 * signals to it, reaps every zombie, and exits with the command's status. See README.md.
 *
 * Static and self-contained on purpose: it runs in images with no libc and no shell.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SL_ENV_FILE
#define SL_ENV_FILE "/.securelaunch/env"
#endif

/* Exit codes follow `docker run`: 125 the wrapper failed, 126 cannot execute, 127 not found. */
#define EXIT_INIT_FAILED 125
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND 127

#define ENV_FILE_MAX (1024 * 1024)
/* The kernel's MAX_ARG_STRLEN: execve fails with E2BIG on a longer NAME=value. */
#define ENTRY_MAX (128 * 1024)
/* What Docker puts in a container's environment when the image sets no PATH. */
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

extern char **environ;

struct env_file {
    char *buf;
    size_t len;
    char **vars;      /* pointers into buf, one per entry */
    size_t *name_len; /* length of each entry's NAME */
    size_t count;
};

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One write per message, retried on EINTR and short writes; never prints a value. */
static void say(const char *fmt, ...)
{
    char msg[512];
    int n = snprintf(msg, sizeof msg, "sl-init: ");
    va_list ap;
    va_start(ap, fmt);
    n += vsnprintf(msg + n, sizeof msg - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof msg - 2) {
        n = (int)sizeof msg - 2;
    }
    msg[n++] = '\n';
    for (const char *p = msg; n > 0;) {
        ssize_t w = write(STDERR_FILENO, p, (size_t)n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        p += w;
        n -= (int)w;
    }
}

static void discard(struct env_file *f)
{
    if (f->buf != NULL) {
        explicit_bzero(f->buf, f->len);
        free(f->buf);
        f->buf = NULL;
    }
    free(f->vars);
    free(f->name_len);
    f->vars = NULL;
    f->name_len = NULL;
}

static bool valid_name(const char *s, size_t n)
{
    if (n == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

static bool read_env_file(struct env_file *f)
{
    int fd;
    do {
        fd = open(SL_ENV_FILE, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        say("cannot open %s: %s", SL_ENV_FILE, strerror(errno));
        return false;
    }

    struct stat st;
    bool ok = false;
    if (fstat(fd, &st) != 0) {
        say("cannot stat %s: %s", SL_ENV_FILE, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        /* Docker creates a directory when a bind mount's source is missing. */
        say("%s is not a regular file (is the bind mount's source missing?)", SL_ENV_FILE);
    } else if (st.st_size > ENV_FILE_MAX) {
        say("%s is larger than %d bytes; refusing it", SL_ENV_FILE, ENV_FILE_MAX);
    } else {
        /* One spare byte so that a file growing while we read it is noticed, not truncated. */
        size_t cap = (size_t)st.st_size + 1;
        f->buf = malloc(cap);
        if (f->buf == NULL) {
            say("out of memory reading %s", SL_ENV_FILE);
        } else {
            ok = true;
            while (f->len < cap) {
                ssize_t r = read(fd, f->buf + f->len, cap - f->len);
                if (r < 0 && errno == EINTR) {
                    continue;
                }
                if (r < 0) {
                    say("cannot read %s: %s", SL_ENV_FILE, strerror(errno));
                    ok = false;
                    break;
                }
                if (r == 0) {
                    break;
                }
                f->len += (size_t)r;
            }
            if (ok && f->len > (size_t)st.st_size) {
                say("%s changed while it was being read", SL_ENV_FILE);
                ok = false;
            }
        }
    }
    close(fd);
    return ok;
}

/* Checks every entry before anything runs; errors name the entry by number, never its bytes. */
static bool parse_env_file(struct env_file *f)
{
    if (f->len == 0) {
        return true;
    }
    if (f->buf[f->len - 1] != '\0') {
        say("%s is malformed: the last entry is not NUL-terminated (truncated file?)", SL_ENV_FILE);
        return false;
    }
    size_t entries = 0;
    for (size_t i = 0; i < f->len; i++) {
        entries += f->buf[i] == '\0';
    }
    f->vars = calloc(entries, sizeof *f->vars);
    f->name_len = calloc(entries, sizeof *f->name_len);
    if (f->vars == NULL || f->name_len == NULL) {
        say("out of memory parsing %s", SL_ENV_FILE);
        return false;
    }
    for (char *p = f->buf; p < f->buf + f->len; f->count++) {
        size_t number = f->count + 1;
        size_t n = strlen(p);
        const char *eq = memchr(p, '=', n);
        if (n == 0) {
            say("%s is malformed: entry %zu is empty", SL_ENV_FILE, number);
            return false;
        }
        if (n + 1 > ENTRY_MAX) {
            say("%s is malformed: entry %zu is longer than %d bytes, the kernel's limit for one variable",
                SL_ENV_FILE, number, ENTRY_MAX - 1);
            return false;
        }
        if (eq == NULL) {
            say("%s is malformed: entry %zu has no '='", SL_ENV_FILE, number);
            return false;
        }
        if (!valid_name(p, (size_t)(eq - p))) {
            say("%s is malformed: entry %zu has an invalid name (expected [A-Za-z_][A-Za-z0-9_]*)",
                SL_ENV_FILE, number);
            return false;
        }
        f->vars[f->count] = p;
        f->name_len[f->count] = (size_t)(eq - p);
        p += n + 1;
    }
    return true;
}

static bool has_name(const char *entry, const char *name, size_t len)
{
    return strncmp(entry, name, len) == 0 && entry[len] == '=';
}

/* Docker's environment, minus the names the file sets, plus the file's entries (last one wins). */
static char **merge_environment(const struct env_file *f)
{
    size_t inherited = 0;
    while (environ != NULL && environ[inherited] != NULL) {
        inherited++;
    }
    char **envp = calloc(inherited + f->count + 1, sizeof *envp);
    if (envp == NULL) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < inherited; i++) {
        bool overridden = false;
        for (size_t j = 0; j < f->count && !overridden; j++) {
            overridden = has_name(environ[i], f->vars[j], f->name_len[j]);
        }
        if (!overridden) {
            envp[k++] = environ[i];
        }
    }
    for (size_t i = 0; i < f->count; i++) {
        bool superseded = false;
        for (size_t j = i + 1; j < f->count && !superseded; j++) {
            superseded = f->name_len[i] == f->name_len[j] && has_name(f->vars[j], f->vars[i], f->name_len[i]);
        }
        if (!superseded) {
            envp[k++] = f->vars[i];
        }
    }
    return envp;
}

static const char *lookup(char *const *envp, const char *name)
{
    size_t len = strlen(name);
    for (; *envp != NULL; envp++) {
        if (has_name(*envp, name, len)) {
            return *envp + len + 1;
        }
    }
    return NULL;
}

/*
 * execvp's search, but over the NEW environment's PATH and without its /bin/sh fallback for
 * ENOEXEC (there may be no shell). Returns only on failure, with the errno to report.
 */
static int exec_command(char *const argv[], char *const envp[])
{
    const char *file = argv[0];
    if (file[0] == '\0') {
        return ENOENT;
    }
    if (strchr(file, '/') != NULL) {
        execve(file, argv, envp);
        return errno;
    }
    const char *path = lookup(envp, "PATH");
    if (path == NULL) {
        path = DEFAULT_PATH;
    }
    size_t file_len = strlen(file);
    bool denied = false;
    char candidate[4096];
    for (const char *dir = path;; dir++) {
        const char *end = strchrnul(dir, ':');
        size_t dir_len = (size_t)(end - dir);
        if (dir_len + 1 + file_len < sizeof candidate) {
            /* An empty element means the current directory, as in execvp. */
            memcpy(candidate, dir, dir_len);
            size_t at = dir_len;
            if (dir_len > 0) {
                candidate[at++] = '/';
            }
            memcpy(candidate + at, file, file_len + 1);
            execve(candidate, argv, envp);
            switch (errno) {
            case EACCES:
                denied = true;
                break;
            case ENOENT:
            case ENOTDIR:
            case ESTALE:
            case ENODEV:
            case ETIMEDOUT:
            case ENAMETOOLONG:
            case ELOOP:
                break;
            default:
                return errno;
            }
        }
        dir = end;
        if (*end == '\0') {
            break;
        }
    }
    return denied ? EACCES : ENOENT;
}

/* In the forked child: own process group (and the terminal's foreground), original signals, exec. */
static void run_child(char *const argv[], char *const envp[], const sigset_t *mask, const struct sigaction *sigchld)
{
    /* SIGTTOU is still blocked here, which is what lets a background process take the terminal. */
    if (setpgid(0, 0) == 0 && isatty(STDIN_FILENO) && tcsetpgrp(STDIN_FILENO, getpid()) != 0 && errno != ENOTTY &&
        errno != ENXIO) {
        say("cannot give the terminal to %s: %s", argv[0], strerror(errno));
    }
    sigaction(SIGCHLD, sigchld, NULL);
    sigprocmask(SIG_SETMASK, mask, NULL);
    int err = exec_command(argv, envp);
    if (err == ENOENT || err == ENOTDIR) {
        say("%s: %s", argv[0], strchr(argv[0], '/') != NULL ? "no such file or directory" : "not found in PATH");
        _exit(EXIT_NOT_FOUND);
    }
    if (err == ENOEXEC) {
        say("%s: cannot execute: exec format error (a script without #!, or another architecture?)", argv[0]);
    } else {
        say("%s: cannot execute: %s", argv[0], strerror(err));
    }
    _exit(EXIT_CANNOT_EXEC);
}

/* Reaps every exited child; returns true once the command itself has been reaped. */
static bool reap(pid_t child, int *status)
{
    bool done = false;
    for (;;) {
        int st;
        pid_t pid = waitpid(-1, &st, WNOHANG);
        if (pid > 0) {
            if (pid == child) {
                *status = st;
                done = true;
            }
            continue;
        }
        if (pid < 0 && errno == EINTR) {
            continue;
        }
        return done; /* 0: others still running; ECHILD: none left */
    }
}

/* Faults are about the init itself: never blocked (a blocked fault kills anyway) nor forwarded. */
static const int faults[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};

int main(int argc, char *argv[])
{
    char **command = argv + 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        command++;
    }
    if (*command == NULL) {
        say("usage: %s -- COMMAND [ARG...]", argc > 0 ? argv[0] : "sl-init");
        return EXIT_INIT_FAILED;
    }

    /*
     * Block everything but faults before the fork, so that no signal is lost between the fork
     * and the wait loop; the loop then takes them with sigtimedwait. A PID 1 with no handler
     * would otherwise ignore signals sent from inside the container, or die of those sent
     * from outside.
     */
    sigset_t original, blocked, waited;
    sigfillset(&blocked);
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        sigdelset(&blocked, faults[i]);
    }
    sigprocmask(SIG_SETMASK, &blocked, &original);
    /* Terminal job-control stops are meant for the foreground group, which is the command's. */
    waited = blocked;
    sigdelset(&waited, SIGTTIN);
    sigdelset(&waited, SIGTTOU);
    /* SIGCHLD ignored would make the kernel reap the command and lose its exit status. */
    struct sigaction default_action = {.sa_handler = SIG_DFL}, original_sigchld;
    sigaction(SIGCHLD, &default_action, &original_sigchld);

    struct env_file file = {0};
    if (!read_env_file(&file) || !parse_env_file(&file)) {
        discard(&file);
        return EXIT_INIT_FAILED;
    }
    char **envp = merge_environment(&file);
    if (envp == NULL) {
        say("out of memory building the environment");
        discard(&file);
        return EXIT_INIT_FAILED;
    }

    /* Not PID 1 (--pid=host, or run by hand): still adopt and reap orphaned descendants. */
    if (getpid() != 1) {
        prctl(PR_SET_CHILD_SUBREAPER, 1);
    }

    pid_t child = fork();
    int fork_errno = errno;
    if (child == 0) {
        run_child(command, envp, &original, &original_sigchld);
    }
    /* The values now live only in the child; our copy goes before anything else happens. */
    discard(&file);
    free(envp);
    if (child < 0) {
        say("cannot fork: %s", strerror(fork_errno));
        return EXIT_INIT_FAILED;
    }

    const struct timespec tick = {.tv_sec = 1};
    for (;;) {
        int sig = sigtimedwait(&waited, NULL, &tick);
        if (sig > 0 && sig != SIGCHLD && kill(child, sig) != 0 && errno != ESRCH) {
            say("cannot forward signal %d: %s", sig, strerror(errno));
        }
        /* Reap on every wake-up, timeouts included, so that no zombie outlives a lost SIGCHLD. */
        int status;
        if (reap(child, &status)) {
            return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
        }
    }
}
