/*
 * pb-probe: tries one protected access and reports how the kernel answered.
 *
 * Test snaps run it as their app (through `plugboard run`), so it executes
 * under the app's AppArmor profile and seccomp filter. It prints exactly one
 * line, "OK" or the errno name (EACCES, EPERM, ENXIO, ...), and exits 0 so the
 * harness reads the kernel's answer rather than a shell's guess.
 *
 * The "listen-unix" operation is a helper the harness runs unconfined in the
 * guest to stand in for a service socket such as /run/docker.sock.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include <sys/syscall.h>
#ifndef AF_BLUETOOTH
#define AF_BLUETOOTH 31
#endif
#ifndef AF_CAN
#define AF_CAN 29
#endif
#ifndef AF_ALG
#define AF_ALG 38
#endif
#ifndef NETLINK_CONNECTOR
#define NETLINK_CONNECTOR 11
#endif

static const char *errname(int e) {
  switch (e) {
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case ENXIO: return "ENXIO";
    case ENODEV: return "ENODEV";
    case EROFS: return "EROFS";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EINVAL: return "EINVAL";
    case EIO: return "EIO";
    case EBUSY: return "EBUSY";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOSYS: return "ENOSYS";
    case EBADF: return "EBADF";
    default: {
      static char buf[32];
      snprintf(buf, sizeof buf, "E%d", e);
      return buf;
    }
  }
}

static int report(int rc) {
  if (rc < 0) printf("%s\n", errname(errno));
  else printf("OK\n");
  return 0;
}

static int usage(void) {
  fprintf(stderr,
          "usage: pb-probe read FILE | write FILE | open-rw FILE | list DIR | create FILE\n"
          "       pb-probe socket unix|inet|inet6|packet|bluetooth|netlink-route|netlink-uevent|netlink-audit|netlink-connector|alg|can\n"
          "       pb-probe bind-inet | connect-unix PATH | listen-unix PATH\n"
          "       pb-probe klog | nice N | settime | finit-module\n");
  return 2;
}

static int open_and(const char *file, int flags, int do_read) {
  int fd = open(file, flags | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return -1;
  if (do_read) {
    char c;
    if (read(fd, &c, 1) < 0 && errno != EAGAIN) {
      int e = errno;
      close(fd);
      errno = e;
      return -1;
    }
  }
  close(fd);
  return 0;
}

static int do_socket(const char *kind) {
  int family, type = SOCK_STREAM, proto = 0;
  if (!strcmp(kind, "unix")) family = AF_UNIX;
  else if (!strcmp(kind, "inet")) family = AF_INET;
  else if (!strcmp(kind, "inet6")) family = AF_INET6;
  else if (!strcmp(kind, "packet")) { family = AF_PACKET; type = SOCK_RAW; }
  else if (!strcmp(kind, "bluetooth")) { family = AF_BLUETOOTH; type = SOCK_RAW; proto = 1; /* BTPROTO_HCI */ }
  else if (!strcmp(kind, "netlink-route")) { family = AF_NETLINK; type = SOCK_RAW; proto = NETLINK_ROUTE; }
  else if (!strcmp(kind, "netlink-uevent")) { family = AF_NETLINK; type = SOCK_RAW; proto = NETLINK_KOBJECT_UEVENT; }
  else if (!strcmp(kind, "netlink-audit")) { family = AF_NETLINK; type = SOCK_RAW; proto = NETLINK_AUDIT; }
  else if (!strcmp(kind, "netlink-connector")) { family = AF_NETLINK; type = SOCK_DGRAM; proto = NETLINK_CONNECTOR; }
  else if (!strcmp(kind, "alg")) { family = AF_ALG; type = SOCK_SEQPACKET; }
  else if (!strcmp(kind, "can")) { family = AF_CAN; type = SOCK_RAW; proto = 1; /* CAN_RAW */ }
  else return usage();
  int s = socket(family, type | SOCK_CLOEXEC, proto);
  if (s >= 0) close(s);
  return report(s);
}

static int bind_inet(void) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return report(-1);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int rc = bind(s, (struct sockaddr *)&a, sizeof a);
  if (rc == 0) rc = listen(s, 1);
  int e = errno;
  close(s);
  errno = e;
  return report(rc);
}

static int unix_addr(const char *p, struct sockaddr_un *a) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  if (strlen(p) >= sizeof a->sun_path) return -1;
  strcpy(a->sun_path, p);
  return 0;
}

static int connect_unix(const char *p) {
  struct sockaddr_un a;
  if (unix_addr(p, &a) < 0) return usage();
  int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return report(-1);
  int rc = connect(s, (struct sockaddr *)&a, sizeof a);
  int e = errno;
  close(s);
  errno = e;
  return report(rc);
}

/* Unconfined helper: listen on a path, accept and drop connections, forever. */
static int listen_unix(const char *p) {
  struct sockaddr_un a;
  if (unix_addr(p, &a) < 0) return usage();
  unlink(p);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 16) < 0) {
    perror(p);
    return 1;
  }
  chmod(p, 0666);
  signal(SIGPIPE, SIG_IGN);
  for (;;) {
    int c = accept(s, NULL, NULL);
    if (c >= 0) close(c);
  }
}

static int list_dir(const char *d) {
  DIR *dir = opendir(d);
  if (!dir) return report(-1);
  errno = 0;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
  }
  int rc = errno ? -1 : 0;
  closedir(dir);
  return report(rc);
}

int main(int argc, char **argv) {
  if (argc < 2) return usage();
  const char *op = argv[1];
  const char *arg = argc > 2 ? argv[2] : NULL;
  if (!strcmp(op, "read") && arg) return report(open_and(arg, O_RDONLY, 1));
  if (!strcmp(op, "write") && arg) return report(open_and(arg, O_WRONLY, 0));
  if (!strcmp(op, "open-rw") && arg) return report(open_and(arg, O_RDWR, 0));
  if (!strcmp(op, "create") && arg) return report(open_and(arg, O_WRONLY | O_CREAT | O_TRUNC, 0));
  if (!strcmp(op, "list") && arg) return list_dir(arg);
  if (!strcmp(op, "socket") && arg) return do_socket(arg);
  if (!strcmp(op, "bind-inet")) return bind_inet();
  if (!strcmp(op, "connect-unix") && arg) return connect_unix(arg);
  if (!strcmp(op, "listen-unix") && arg) return listen_unix(arg);
  /* An invalid descriptor: past the capability and seccomp checks the kernel answers EBADF, loading nothing. */
  if (!strcmp(op, "finit-module")) return report((int)syscall(SYS_finit_module, -1, "", 0));
  if (!strcmp(op, "klog")) {
    char buf[64];
    return report(klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf, sizeof buf));
  }
  if (!strcmp(op, "nice") && arg) return report(setpriority(PRIO_PROCESS, 0, atoi(arg)));
  if (!strcmp(op, "settime")) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return report(clock_settime(CLOCK_REALTIME, &now));
  }
  return usage();
}
