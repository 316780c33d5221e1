/*
 * confine-exec: the last step of `plugboard run`, inside the bubblewrap
 * sandbox, between the sandbox being built and the app starting.
 *
 *   confine-exec [--new-pts] [--profile TAG] [--keep-cap N]...
 *                [--env NAME=VALUE]... -- COMMAND [ARG]...
 *
 * with the app's compiled seccomp filter (raw BPF) on file descriptor 3.
 * In this order it:
 *   1. with --new-pts, mounts a private devpts instance on /dev/pts and binds
 *      its ptmx over /dev/ptmx, so the app can make pseudo-terminals of its
 *      own but cannot open any of the host's (it keeps the terminal it was
 *      started on through its inherited file descriptors and /dev/tty);
 *   2. with --profile, asks AppArmor to confine the next exec with TAG;
 *   3. removes every capability but the --keep-cap ones from the bounding,
 *      permitted, effective, inheritable and ambient sets, so even root keeps
 *      only what the connected interfaces grant;
 *   4. sets no_new_privs and loads the seccomp filter;
 *   5. execs COMMAND (an absolute path) with exactly the --env environment.
 *
 * It is linked statically and started by bubblewrap with an empty
 * environment, so nothing the snap chose (LD_PRELOAD, PATH, ...) can run code
 * before confinement is complete: the snap's environment reaches only the
 * app. Any failure stops the launch (exit 125) rather than run the app less
 * confined than asked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define EXIT_LAUNCH 125
#define FILTER_FD 3
#define MAX_CAPS 64
#define MAX_FILTER_BYTES (4096 * sizeof(struct sock_filter))

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("confine-exec: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(EXIT_LAUNCH);
}

static void new_pts(void)
{
	/* ptmxmode 0666 so an unprivileged app can allocate; mode 0620 as devpts usually is. */
	if (mount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620") != 0)
		die("cannot mount a private devpts on /dev/pts: %s", strerror(errno));
	if (mount("/dev/pts/ptmx", "/dev/ptmx", NULL, MS_BIND, NULL) != 0)
		die("cannot bind the private /dev/pts/ptmx over /dev/ptmx: %s", strerror(errno));
}

static void change_profile_on_exec(const char *tag)
{
	/* The per-LSM path first (kernels with LSM stacking), then the legacy one. */
	const char *files[] = { "/proc/self/attr/apparmor/exec", "/proc/self/attr/exec" };
	char cmd[512];
	int n = snprintf(cmd, sizeof(cmd), "exec %s", tag);
	if (n < 0 || (size_t)n >= sizeof(cmd))
		die("AppArmor profile name too long: %s", tag);
	int last = 0;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		int fd = open(files[i], O_WRONLY | O_CLOEXEC);
		if (fd < 0) {
			last = errno;
			continue;
		}
		ssize_t w = write(fd, cmd, (size_t)n);
		last = errno;
		close(fd);
		if (w == n)
			return;
	}
	die("cannot confine the app with AppArmor profile %s: %s (is the profile loaded?)", tag, strerror(last));
}

static unsigned last_cap(void)
{
	unsigned v = CAP_LAST_CAP;
	FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	if (f) {
		if (fscanf(f, "%u", &v) != 1)
			v = CAP_LAST_CAP;
		fclose(f);
	}
	return v < MAX_CAPS ? v : MAX_CAPS - 1;
}

static void limit_capabilities(const bool keep[MAX_CAPS])
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];
	if (syscall(SYS_capget, &hdr, data) != 0)
		die("cannot read capabilities: %s", strerror(errno));
	bool may_drop_bounding = (data[CAP_TO_INDEX(CAP_SETPCAP)].effective & CAP_TO_MASK(CAP_SETPCAP)) != 0;
	unsigned last = last_cap();
	for (unsigned c = 0; c <= last; c++) {
		if (keep[c])
			continue;
		/*
		 * Root regains every capability of the bounding set at exec, so the
		 * bounding set is what limits it. Without CAP_SETPCAP the process is
		 * not privileged and exec clears its capabilities anyway.
		 */
		if (may_drop_bounding && prctl(PR_CAPBSET_DROP, c, 0, 0, 0) != 0 && errno != EINVAL)
			die("cannot drop capability %u from the bounding set: %s", c, strerror(errno));
		data[CAP_TO_INDEX(c)].effective &= ~CAP_TO_MASK(c);
		data[CAP_TO_INDEX(c)].permitted &= ~CAP_TO_MASK(c);
		data[CAP_TO_INDEX(c)].inheritable &= ~CAP_TO_MASK(c);
	}
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
		die("cannot clear ambient capabilities: %s", strerror(errno));
	if (syscall(SYS_capset, &hdr, data) != 0)
		die("cannot set capabilities: %s", strerror(errno));
}

static void load_seccomp(void)
{
	static unsigned char buf[MAX_FILTER_BYTES + 1];
	size_t len = 0;
	for (;;) {
		ssize_t r = read(FILTER_FD, buf + len, sizeof(buf) - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("cannot read the seccomp filter on fd %d: %s", FILTER_FD, strerror(errno));
		if (r == 0)
			break;
		len += (size_t)r;
		if (len > MAX_FILTER_BYTES)
			die("the seccomp filter on fd %d is larger than the kernel accepts", FILTER_FD);
	}
	close(FILTER_FD);
	if (len == 0 || len % sizeof(struct sock_filter) != 0)
		die("the seccomp filter on fd %d is not a BPF program (%zu bytes)", FILTER_FD, len);
	struct sock_fprog prog = { (unsigned short)(len / sizeof(struct sock_filter)), (struct sock_filter *)buf };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		die("cannot set no_new_privs: %s", strerror(errno));
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
		die("cannot load the seccomp filter: %s", strerror(errno));
}

int main(int argc, char **argv)
{
	bool pts = false, keep[MAX_CAPS] = { false };
	const char *profile = NULL;
	char **env = calloc((size_t)argc + 1, sizeof(char *));
	size_t nenv = 0;
	int i = 1;
	if (!env)
		die("out of memory");
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "--new-pts") == 0) {
			pts = true;
		} else if (strcmp(a, "--profile") == 0 && i + 1 < argc) {
			profile = argv[++i];
		} else if (strcmp(a, "--keep-cap") == 0 && i + 1 < argc) {
			char *end;
			unsigned long c = strtoul(argv[++i], &end, 10);
			if (*argv[i] == '\0' || *end != '\0' || c >= MAX_CAPS)
				die("--keep-cap takes a capability number, not %s", argv[i]);
			keep[c] = true;
		} else if (strcmp(a, "--env") == 0 && i + 1 < argc) {
			const char *kv = argv[++i], *eq = strchr(kv, '=');
			if (!eq || eq == kv)
				die("--env takes NAME=VALUE, not %s", kv);
			env[nenv++] = argv[i];
		} else {
			die("unknown argument %s", a);
		}
	}
	if (i >= argc)
		die("no command after --");
	if (argv[i][0] != '/')
		die("the command must be an absolute path, not %s", argv[i]);

	if (pts)
		new_pts();
	if (profile)
		change_profile_on_exec(profile);
	limit_capabilities(keep);
	load_seccomp();
	execve(argv[i], argv + i, env);
	die("cannot run %s: %s", argv[i], strerror(errno));
}
