# Does this guest's AppArmor decide a connect to a pathname unix socket?
# Run: node vm-tests/run.mjs job core vm-tests/experiments/af-unix-pathname.sh
# Each line prints a profile variant and what connect(/run/x.sock) answered
# under it. A variant that grants nothing for /run/x.sock answering OK means
# the connect is not mediated (see vm-tests/README.md).
set +e
K=/sys/kernel/security/apparmor/features
echo "kernel $(uname -r); $(apparmor_parser --version | head -1); network_v9/af_unix: $(cat $K/network_v9/af_unix 2>/dev/null || echo absent)"
cp /mnt/share/tools/pb-probe /tmp/pb-probe
/tmp/pb-probe listen-unix /run/x.sock &
for i in 1 2 3 4 5 6 7 8 9 10; do [ -S /run/x.sock ] && break; sleep 0.2; done
echo "unconfined: $(/tmp/pb-probe connect-unix /run/x.sock)"
# variant NAME ABI-LINE CONNECT-RULE EXTRA-RULE [parser options]
variant() {
  n=$1 abi=$2 conn=$3 extra=$4; shift 4
  printf '%s\ninclude <tunables/global>\nprofile %s {\n  /tmp/pb-probe mr,\n  /{,usr/}lib{,32,64,x32}/** rm,\n  /etc/ld.so.cache r,\n  unix (create, getattr, getopt, setopt, shutdown, bind, listen, accept, send, receive) type=stream addr=none,\n  %s\n  %s\n}\n' \
    "$abi" "$n" "$conn" "$extra" > /tmp/$n.prof
  if apparmor_parser -r "$@" /tmp/$n.prof; then
    echo "$n: $(aa-exec -p $n -- /tmp/pb-probe connect-unix /run/x.sock 2>&1)"
  else
    echo "$n: refused by the parser"
  fi
}
ANY='unix (connect) type=stream addr=none,'
NOPATH='unix (connect) type=stream addr=none peer=(addr=none),'
variant abi3-any        'abi <abi/3.0>,' "$ANY" ''
variant abi4-any        'abi <abi/4.0>,' "$ANY" ''
variant kernel-any      'abi <abi/3.0>,' "$ANY" '' --override-policy-abi=$K
variant abi3-nopath     'abi <abi/3.0>,' "$NOPATH" ''
variant kernel-nopath   'abi <abi/3.0>,' "$NOPATH" '' --override-policy-abi=$K
variant kernel-file     'abi <abi/3.0>,' "$NOPATH" '/run/x.sock rw,' --override-policy-abi=$K
variant kernel-peeraddr 'abi <abi/3.0>,' "$NOPATH" 'unix (connect) type=stream peer=(addr="/run/x.sock"),' --override-policy-abi=$K
printf 'abi <abi/3.0>,\ninclude <tunables/global>\nprofile no-unix {\n  /tmp/pb-probe mr,\n  /{,usr/}lib{,32,64,x32}/** rm,\n  /etc/ld.so.cache r,\n}\n' > /tmp/no-unix.prof
apparmor_parser -r /tmp/no-unix.prof && echo "no-unix (control): $(aa-exec -p no-unix -- /tmp/pb-probe connect-unix /run/x.sock 2>&1)"
# The shape of the base template's unix rules (templates/apparmor/profile.hbs):
# sockets may be created and configured, connects only to a peer of the
# same snap. If this refuses the connect, pathname connects are mediated and
# it was a permissive connect rule that let the variants above through.
own() {
  n=$1 abi=$2; shift 2
  printf '%s\ninclude <tunables/global>\nprofile %s {\n  /tmp/pb-probe mr,\n  /{,usr/}lib{,32,64,x32}/** rm,\n  /etc/ld.so.cache r,\n  unix (create, getattr, getopt, setopt, shutdown),\n  unix peer=(label=snap.t-own.*),\n  %s\n}\n' "$abi" "$n" "$*" > /tmp/$n.prof
  if apparmor_parser -r $OWN_OPTS /tmp/$n.prof; then
    echo "$n: $(aa-exec -p $n -- /tmp/pb-probe connect-unix /run/x.sock 2>&1)"
  else
    echo "$n: refused by the parser"
  fi
}
OWN_OPTS=
own own-peer-abi3 'abi <abi/3.0>,'
own own-peer-abi4 'abi <abi/4.0>,'
own own-peer-file 'abi <abi/3.0>,' '/run/x.sock rw,'
own own-peer-abi4-rule 'abi <abi/4.0>,' 'unix (connect, send, receive) type=stream peer=(label=unconfined),'
# The same shapes compiled for everything the kernel mediates: if the first
# refuses and the second allows, file rules decide pathname connects there.
OWN_OPTS=--override-policy-abi=$K
own own-peer-kernel 'abi <abi/3.0>,'
own own-peer-kernel-file 'abi <abi/3.0>,' '/run/x.sock rw,'
# As Plugboard compiles where the parser ships the 5.0 ABI: no abi rule, the
# profile pinned with --policy-features (what snapd does too).
if [ -f /etc/apparmor.d/abi/5.0 ]; then
  OWN_OPTS=--policy-features=/etc/apparmor.d/abi/5.0
  own own-peer-pin5 ''
  own own-peer-pin5-file '' '/run/x.sock rw,'
else
  echo "own-peer-pin5: this parser has no 5.0 ABI"
fi
