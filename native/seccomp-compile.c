/*
 * seccomp-compile: turns Plugboard's seccomp rules into classic BPF.
 *
 * All policy decisions (syntax, constants, user names, which rules deny) are
 * made in TypeScript (src/backends/seccomp/). This program only hands the
 * resulting rules to libseccomp and writes what libseccomp generates, in the
 * raw `struct sock_filter[]` format that `bwrap --seccomp FD` loads.
 *
 * Input (stdin), one directive per line, fields separated by single spaces:
 *
 *   @@ PATH          start a program; its filter is written to PATH (rest of
 *                    the line, may contain spaces). PATH must not exist.
 *   F NAME           source name used in messages (rest of the line)
 *   M MODE           enforce | complain | unrestricted (default enforce)
 *   R LINE ACTION SYSCALL [CMP ...]
 *                    one rule. LINE is the source line (0: implicit rule),
 *                    ACTION is allow | eacces | enosys, CMP is
 *                    ARG:OP:VALUE with OP in eq ne gt ge lt le, or
 *                    ARG:me:MASK:VALUE (masked equality: arg & MASK == VALUE).
 *                    ARG is 0..5, numbers are unsigned 64-bit decimal.
 *
 * Blank lines are ignored. A program ends at the next "@@" or at end of input
 * and is compiled then; PATH is created with O_EXCL, written and fsynced.
 *
 * Exit status: 0 all written; 1 a rule was refused (stderr:
 * "NAME:LINE: message"); 2 malformed input ("stdin:N: message"); 3 an output
 * could not be written or libseccomp failed.
 *
 * How a program becomes one filter
 * --------------------------------
 * libseccomp merges rules for one system call into a single decision tree and
 * an unconditional rule absorbs every conditional one, so "allow ioctl" plus
 * "deny ioctl TIOCSTI" would silently allow TIOCSTI. Explicit denials must win
 * over allowances, so the two kinds are compiled separately:
 *
 *   1. a *deny* filter holding the eacces/enosys rules, whose default (and
 *      bad-architecture) action is a private marker value;
 *   2. an *allow* filter holding the allow rules, whose default action is the
 *      mode's (EPERM, LOG or ALLOW).
 *
 * The output is the deny filter with every "return marker" instruction turned
 * into a forward jump to the first instruction of the allow filter, followed
 * by the allow filter. A classic BPF program only reads seccomp_data through
 * absolute loads, so the allow filter behaves as if it ran on its own.
 *
 * Architectures
 * -------------
 * The filter covers the native architecture and its 32-bit compat one (x86 on
 * x86_64, arm on aarch64) when libseccomp supports it; calls from any other
 * architecture (x32 included) get the default action. Each
 * architecture is built in its own context and the contexts are merged,
 * because comparisons need per-architecture treatment: on a 32-bit
 * architecture an argument is at most 0xffffffff, and libseccomp would
 * truncate a larger operand (turning "arg >= 2^32" into "arg >= 0", i.e.
 * always). We evaluate such comparisons ourselves: one that can never hold
 * drops the rule for that architecture, one that always holds is dropped
 * from the rule.
 *
 * socketcall and ipc: 32-bit x86 programs may reach the socket and SysV IPC
 * calls through a multiplexer whose real arguments sit in user memory, where
 * seccomp cannot read them. An allowance with comparisons on such a call
 * ("socket AF_UNIX") is therefore left out of the 32-bit part of the filter
 * altogether (see build()): a 32-bit program gets EPERM instead of every
 * socket family. Unconditional allowances go through libseccomp as they are
 * (they allow the multiplexed form as well), and so do denials with
 * comparisons, which then deny the multiplexed form whole: both err on the
 * side the rule asked for.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/filter.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_RULE 1
#define EXIT_INPUT 2
#define EXIT_IO 3

/* Marks "no deny rule matched" in the deny filter; never reaches the kernel. */
#define DENY_PASS SCMP_ACT_TRACE(0x7062)

#define MAX_ARGS 6

enum mode { MODE_ENFORCE, MODE_COMPLAIN, MODE_UNRESTRICTED };
enum action { ACT_ALLOW, ACT_EACCES, ACT_ENOSYS };

struct rule {
	unsigned long line;
	enum action action;
	char *syscall;
	unsigned ncmp;
	struct scmp_arg_cmp cmp[MAX_ARGS];
};

struct program {
	char *output;
	char *name;
	enum mode mode;
	size_t nrules;
	size_t cap;
	struct rule *rules;
};

struct bpf {
	struct sock_filter *insn;
	size_t len;
};

static unsigned long input_line;

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (!q) {
		fputs("seccomp-compile: out of memory\n", stderr);
		exit(EXIT_IO);
	}
	return q;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d) {
		fputs("seccomp-compile: out of memory\n", stderr);
		exit(EXIT_IO);
	}
	return d;
}

static void input_error(const char *msg, const char *detail)
{
	fprintf(stderr, "stdin:%lu: %s%s%s\n", input_line, msg, detail ? ": " : "", detail ? detail : "");
	exit(EXIT_INPUT);
}

__attribute__((format(printf, 3, 4)))
static void rule_error(const struct program *p, const struct rule *r, const char *fmt, ...)
{
	const char *name = p->name ? p->name : p->output;
	va_list ap;
	if (r && r->line)
		fprintf(stderr, "%s:%lu: ", name, r->line);
	else
		fprintf(stderr, "%s: ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool parse_u64(const char *s, uint64_t *out)
{
	char *end;
	if (!*s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end)
		return false;
	*out = (uint64_t)v;
	return true;
}

static bool valid_syscall_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* "ARG:OP:VALUE" or "ARG:me:MASK:VALUE" */
static void parse_cmp(char *tok, struct scmp_arg_cmp *c)
{
	char *arg = strtok(tok, ":"), *op = strtok(NULL, ":"), *v1 = strtok(NULL, ":"), *v2 = strtok(NULL, ":");
	uint64_t idx;
	if (!arg || !op || !v1 || !parse_u64(arg, &idx) || idx >= MAX_ARGS)
		input_error("bad comparison", tok);
	memset(c, 0, sizeof(*c));
	c->arg = (unsigned)idx;
	static const struct { const char *name; enum scmp_compare op; } ops[] = {
		{ "eq", SCMP_CMP_EQ }, { "ne", SCMP_CMP_NE }, { "gt", SCMP_CMP_GT },
		{ "ge", SCMP_CMP_GE }, { "lt", SCMP_CMP_LT }, { "le", SCMP_CMP_LE },
		{ "me", SCMP_CMP_MASKED_EQ },
	};
	size_t i;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(op, ops[i].name))
			break;
	if (i == sizeof(ops) / sizeof(ops[0]))
		input_error("unknown comparison operator", op);
	c->op = ops[i].op;
	if (c->op == SCMP_CMP_MASKED_EQ) {
		if (!v2 || !parse_u64(v1, &c->datum_a) || !parse_u64(v2, &c->datum_b) || strtok(NULL, ":"))
			input_error("bad masked comparison", v1);
	} else {
		if (v2 || !parse_u64(v1, &c->datum_a))
			input_error("bad comparison value", v1);
	}
}

static void parse_rule(struct program *p, char *rest)
{
	struct rule r;
	memset(&r, 0, sizeof(r));
	char *line = strtok(rest, " "), *action = strtok(NULL, " "), *name = strtok(NULL, " ");
	uint64_t ln;
	if (!line || !action || !name || !parse_u64(line, &ln))
		input_error("rule needs LINE ACTION SYSCALL", NULL);
	r.line = (unsigned long)ln;
	if (!strcmp(action, "allow"))
		r.action = ACT_ALLOW;
	else if (!strcmp(action, "eacces"))
		r.action = ACT_EACCES;
	else if (!strcmp(action, "enosys"))
		r.action = ACT_ENOSYS;
	else
		input_error("unknown action", action);
	if (!valid_syscall_name(name))
		input_error("bad system call name", name);
	/* Collect the comparison tokens first: parse_cmp uses strtok itself. */
	char *toks[MAX_ARGS + 1];
	unsigned n = 0;
	char *t;
	while ((t = strtok(NULL, " ")) != NULL) {
		if (n == MAX_ARGS)
			input_error("more than 6 comparisons", NULL);
		toks[n++] = t;
	}
	for (unsigned i = 0; i < n; i++)
		parse_cmp(toks[i], &r.cmp[i]);
	r.ncmp = n;
	r.syscall = xstrdup(name);
	if (p->nrules == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->rules = xrealloc(p->rules, p->cap * sizeof(*p->rules));
	}
	p->rules[p->nrules++] = r;
}

static void free_program(struct program *p)
{
	for (size_t i = 0; i < p->nrules; i++)
		free(p->rules[i].syscall);
	free(p->rules);
	free(p->output);
	free(p->name);
	memset(p, 0, sizeof(*p));
}

static uint32_t compat_arch(uint32_t native)
{
	switch (native) {
	case SCMP_ARCH_X86_64:
		return SCMP_ARCH_X86;
	case SCMP_ARCH_AARCH64:
		return SCMP_ARCH_ARM;
	default:
		return 0;
	}
}

enum verdict { CMP_KEEP, CMP_ALWAYS, CMP_NEVER };

/* What a 64-bit comparison means when the argument is at most 32 bits wide. */
static enum verdict narrow_cmp(struct scmp_arg_cmp *c)
{
	const uint64_t max = UINT32_MAX;
	switch (c->op) {
	case SCMP_CMP_EQ:
		return c->datum_a > max ? CMP_NEVER : CMP_KEEP;
	case SCMP_CMP_NE:
		return c->datum_a > max ? CMP_ALWAYS : CMP_KEEP;
	case SCMP_CMP_GT:
		return c->datum_a >= max ? CMP_NEVER : CMP_KEEP;
	case SCMP_CMP_GE:
		return c->datum_a > max ? CMP_NEVER : CMP_KEEP;
	case SCMP_CMP_LT:
		return c->datum_a > max ? CMP_ALWAYS : CMP_KEEP;
	case SCMP_CMP_LE:
		return c->datum_a >= max ? CMP_ALWAYS : CMP_KEEP;
	case SCMP_CMP_MASKED_EQ:
		if (c->datum_b & ~c->datum_a)
			return CMP_NEVER;
		if (c->datum_b > max)
			return CMP_NEVER;
		c->datum_a &= max;
		return c->datum_a ? CMP_KEEP : CMP_ALWAYS;
	default:
		return CMP_KEEP;
	}
}

static uint32_t rule_action(enum action a)
{
	switch (a) {
	case ACT_EACCES:
		return SCMP_ACT_ERRNO(EACCES);
	case ACT_ENOSYS:
		return SCMP_ACT_ERRNO(ENOSYS);
	default:
		return SCMP_ACT_ALLOW;
	}
}

static scmp_filter_ctx new_ctx(uint32_t def, int optimize)
{
	scmp_filter_ctx ctx = seccomp_init(def);
	if (!ctx)
		return NULL;
	/*
	 * A call from an architecture the filter does not cover (x32 on x86_64)
	 * gets the default action too. The allow filter is laid out as a binary
	 * tree, so a call costs O(log n) comparisons instead of O(n).
	 */
	if (seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, def) < 0 ||
	    (optimize && seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2) < 0)) {
		seccomp_release(ctx);
		return NULL;
	}
	return ctx;
}

/*
 * Builds one filter from the rules selected by `deny` (allow rules, or the
 * eacces/enosys ones). Returns 0, or EXIT_RULE / EXIT_IO after printing why.
 */
static int build(const struct program *p, bool deny, uint32_t def, scmp_filter_ctx *out)
{
	uint32_t native = seccomp_arch_native(), compat = compat_arch(native);
	int optimize = !deny;
	scmp_filter_ctx nctx = new_ctx(def, optimize), cctx = NULL;
	if (!nctx) {
		rule_error(p, NULL, "libseccomp cannot create a filter");
		return EXIT_IO;
	}
	if (compat) {
		cctx = new_ctx(def, optimize);
		/* A library or kernel without the compat architecture: native only. */
		if (cctx && (seccomp_arch_add(cctx, compat) < 0 || seccomp_arch_remove(cctx, native) < 0)) {
			seccomp_release(cctx);
			cctx = NULL;
		}
	}
	for (size_t i = 0; i < p->nrules; i++) {
		const struct rule *r = &p->rules[i];
		if ((r->action != ACT_ALLOW) != deny)
			continue;
		int nr = seccomp_syscall_resolve_name(r->syscall);
		if (nr == __NR_SCMP_ERROR) {
			rule_error(p, r, "unknown system call \"%s\" (libseccomp does not know it on any architecture)", r->syscall);
			goto fail_rule;
		}
		uint32_t act = rule_action(r->action);
		int rc = seccomp_rule_add_array(nctx, act, nr, r->ncmp, r->cmp);
		if (rc < 0) {
			rule_error(p, r, "libseccomp refused the rule for \"%s\": %s", r->syscall, strerror(-rc));
			goto fail_rule;
		}
		if (!cctx)
			continue;
		struct scmp_arg_cmp narrow[MAX_ARGS];
		unsigned n = 0;
		bool never = false;
		for (unsigned k = 0; k < r->ncmp; k++) {
			struct scmp_arg_cmp c = r->cmp[k];
			enum verdict v = narrow_cmp(&c);
			if (v == CMP_NEVER)
				never = true;
			else if (v == CMP_KEEP)
				narrow[n++] = c;
		}
		if (never)
			continue;
		/*
		 * A name that has no number of its own on the compat architecture
		 * either does not exist there (libseccomp skips it) or is reached
		 * through a multiplexer (socketcall, ipc) whose real arguments are
		 * in memory. libseccomp then allows the multiplexed call without
		 * the comparisons, which would widen a conditional allowance (e.g.
		 * "socket AF_UNIX" would allow every family through socketcall).
		 * Such allowances are left out on the compat architecture: 32-bit
		 * programs are refused there rather than granted more. Denials and
		 * unconditional allowances go through libseccomp as they are; for
		 * a denial the widening only denies more.
		 */
		if (!deny && n > 0 && seccomp_syscall_resolve_name_arch(compat, r->syscall) < 0)
			continue;
		rc = seccomp_rule_add_array(cctx, act, nr, n, narrow);
		if (rc < 0) {
			rule_error(p, r, "libseccomp refused the rule for \"%s\" on the 32-bit %s architecture: %s", r->syscall,
				   compat == SCMP_ARCH_X86 ? "x86" : "arm", strerror(-rc));
			goto fail_rule;
		}
	}
	if (cctx) {
		int rc = seccomp_merge(nctx, cctx);
		if (rc < 0) {
			rule_error(p, NULL, "libseccomp cannot merge the architectures: %s", strerror(-rc));
			seccomp_release(cctx);
			seccomp_release(nctx);
			return EXIT_IO;
		}
	}
	*out = nctx;
	return 0;
fail_rule:
	if (cctx)
		seccomp_release(cctx);
	seccomp_release(nctx);
	return EXIT_RULE;
}

static int export_filter(const struct program *p, scmp_filter_ctx ctx, struct bpf *b)
{
	int fd = memfd_create("seccomp-bpf", MFD_CLOEXEC);
	if (fd < 0) {
		rule_error(p, NULL, "memfd_create: %s", strerror(errno));
		return EXIT_IO;
	}
	int rc = seccomp_export_bpf(ctx, fd);
	off_t size = rc < 0 ? -1 : lseek(fd, 0, SEEK_END);
	if (rc < 0 || size < 0 || size % (off_t)sizeof(struct sock_filter)) {
		rule_error(p, NULL, "libseccomp cannot export the filter: %s", strerror(rc < 0 ? -rc : errno));
		close(fd);
		return EXIT_IO;
	}
	b->len = (size_t)size / sizeof(struct sock_filter);
	b->insn = xrealloc(NULL, (size_t)size ? (size_t)size : 1);
	ssize_t got = pread(fd, b->insn, (size_t)size, 0);
	close(fd);
	if (got != size) {
		rule_error(p, NULL, "reading the exported filter failed");
		return EXIT_IO;
	}
	return 0;
}

static int write_output(const struct program *p, const struct sock_filter *insn, size_t len)
{
	int fd = open(p->output, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "%s: cannot create: %s\n", p->output, strerror(errno));
		return EXIT_IO;
	}
	const char *buf = (const char *)insn;
	size_t left = len * sizeof(*insn);
	while (left) {
		ssize_t w = write(fd, buf, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fprintf(stderr, "%s: write: %s\n", p->output, strerror(errno));
			goto fail;
		}
		buf += w;
		left -= (size_t)w;
	}
	if (fsync(fd) < 0) {
		fprintf(stderr, "%s: fsync: %s\n", p->output, strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fprintf(stderr, "%s: close: %s\n", p->output, strerror(errno));
		unlink(p->output);
		return EXIT_IO;
	}
	return 0;
fail:
	close(fd);
	unlink(p->output);
	return EXIT_IO;
}

static int compile(const struct program *p)
{
	uint32_t def = p->mode == MODE_ENFORCE ? SCMP_ACT_ERRNO(EPERM)
		     : p->mode == MODE_COMPLAIN ? SCMP_ACT_LOG
						: SCMP_ACT_ALLOW;
	struct program eff = *p;
	bool any_deny = false;
	int rc;
	/* Unrestricted: every rule is moot; the filter allows everything. */
	if (p->mode == MODE_UNRESTRICTED)
		eff.nrules = 0;
	for (size_t i = 0; i < eff.nrules; i++)
		if (eff.rules[i].action != ACT_ALLOW)
			any_deny = true;

	struct bpf deny = { NULL, 0 }, allow = { NULL, 0 };
	scmp_filter_ctx ctx;
	if (any_deny) {
		if ((rc = build(&eff, true, DENY_PASS, &ctx)) != 0)
			return rc;
		rc = export_filter(p, ctx, &deny);
		seccomp_release(ctx);
		if (rc)
			return rc;
	}
	if ((rc = build(&eff, false, def, &ctx)) != 0)
		goto out;
	rc = export_filter(p, ctx, &allow);
	seccomp_release(ctx);
	if (rc)
		goto out;

	size_t total = deny.len + allow.len;
	if (total > BPF_MAXINSNS) {
		rule_error(p, NULL, "the filter has %zu instructions, more than the kernel's limit of %d", total, BPF_MAXINSNS);
		rc = EXIT_RULE;
		goto out;
	}
	struct sock_filter *all = xrealloc(NULL, (total ? total : 1) * sizeof(*all));
	for (size_t i = 0; i < deny.len; i++) {
		struct sock_filter in = deny.insn[i];
		if (in.code == (BPF_RET | BPF_K) && in.k == DENY_PASS) {
			in.code = BPF_JMP | BPF_JA;
			in.jt = in.jf = 0;
			in.k = (uint32_t)(deny.len - i - 1);
		}
		all[i] = in;
	}
	if (allow.len)
		memcpy(all + deny.len, allow.insn, allow.len * sizeof(*all));
	rc = write_output(p, all, total);
	free(all);
out:
	free(deny.insn);
	free(allow.insn);
	return rc;
}

static int finish(struct program *p)
{
	int rc = p->output ? compile(p) : 0;
	free_program(p);
	return rc;
}

int main(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fputs("usage: seccomp-compile < PROGRAMS (see the comment at the top of seccomp-compile.c)\n", stderr);
		return EXIT_INPUT;
	}
	struct program p;
	memset(&p, 0, sizeof(p));
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		input_line++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (strlen(line) != (size_t)n)
			input_error("NUL byte in input", NULL);
		if (n == 0)
			continue;
		if (!strncmp(line, "@@ ", 3)) {
			if ((rc = finish(&p)) != 0)
				break;
			if (!line[3])
				input_error("empty output path", NULL);
			p.output = xstrdup(line + 3);
			continue;
		}
		if (!p.output)
			input_error("expected \"@@ OUTPUT-PATH\" first", NULL);
		if (!strncmp(line, "F ", 2)) {
			free(p.name);
			p.name = xstrdup(line + 2);
		} else if (!strcmp(line, "M enforce")) {
			p.mode = MODE_ENFORCE;
		} else if (!strcmp(line, "M complain")) {
			p.mode = MODE_COMPLAIN;
		} else if (!strcmp(line, "M unrestricted")) {
			p.mode = MODE_UNRESTRICTED;
		} else if (!strncmp(line, "R ", 2)) {
			parse_rule(&p, line + 2);
		} else {
			input_error("unknown directive", line);
		}
	}
	if (rc == 0 && ferror(stdin)) {
		fprintf(stderr, "stdin: read error: %s\n", strerror(errno));
		rc = EXIT_IO;
	}
	if (rc == 0)
		rc = finish(&p);
	free_program(&p);
	free(line);
	return rc;
}
