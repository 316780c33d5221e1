/*
 * peer-cred: prints the credentials of the process at the other end of the
 * unix socket it is given as file descriptor 3, as "UID GID PID".
 *
 * Node cannot read SO_PEERCRED itself. The agent hands an accepted API
 * connection to this helper (the descriptor is duplicated, not moved, so the
 * agent keeps serving it) and decides from the uid whether the caller may
 * change anything. The kernel records the credentials when the client
 * connects, so a client cannot change them afterwards.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/socket.h>

int main(void)
{
	struct ucred cred;
	socklen_t len = sizeof cred;

	if (getsockopt(3, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
		fprintf(stderr, "peer-cred: cannot read the peer's credentials of descriptor 3: %s\n", strerror(errno));
		return 1;
	}
	if (len != sizeof cred) {
		fprintf(stderr, "peer-cred: the kernel returned %u bytes of credentials, expected %zu\n", (unsigned)len, sizeof cred);
		return 1;
	}
	if (printf("%u %u %d\n", (unsigned)cred.uid, (unsigned)cred.gid, (int)cred.pid) < 0 || fflush(stdout) != 0)
		return 1;
	return 0;
}
