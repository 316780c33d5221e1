import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

/**
 * What the C library's name service lookups read and reach: hosts, services
 * and protocols files, the resolver configurations of the usual managers,
 * NSS modules and their daemons' sockets (nscd, sssd, winbind, systemd's
 * userdb), LDAP, NIS and Kerberos client files, multicast DNS, and the IP
 * sockets a lookup opens. The same set as the host's AppArmor 3.0 name
 * service abstraction (with what it pulls in), which is what snapd uses;
 * /etc/passwd, /etc/group and /etc/nsswitch.conf are the base template's.
 */
export const NAMESERVICE = `@{etc_ro}/host.conf r,
@{etc_ro}/hosts r,
@{etc_ro}/gai.conf r,
@{etc_ro}/protocols r,
@{etc_ro}/netconfig r,
@{etc_ro}/services r,
@{etc_ro}/default/nss r,
@{etc_ro}/samba/lmhosts r,
@{etc_ro}/libnl-*/classid r,
/usr/etc/{passwd,group,nsswitch.conf} r,
/var/lib/extrausers/{group,passwd} r,
/var/lib/sss/mc/{group,initgroups,passwd} r,
/var/lib/sss/pipes/nss rw,
@{etc_ro}/resolv.conf r,
@{run}/{resolvconf,NetworkManager,systemd/resolve,connman,netconfig}/resolv.conf r,
@{etc_ro}/resolvconf/run/resolv.conf r,
@{run}/systemd/resolve/stub-resolv.conf r,
/mnt/wsl/resolv.conf r,
/var/lib/misc/*.db r,
@{run}/.nscd_socket rw,
@{run}/nscd/socket rw,
/{var/db,var/cache,var/lib,var/run,run}/nscd/{passwd,group,services,hosts} r,
@{run}/nscd/db* rmix,
/{usr/,}lib{,32,64}/libnss_*.so* mr,
/{usr/,}lib/@{multiarch}/libnss_*.so* mr,
@{run}/avahi-daemon/socket rw,
@{PROC}/@{pid}/net/psched r,
@{PROC}/@{pid}/net/route r,
# NIS (its client binds a privileged port).
/var/yp/binding/* r,
capability net_bind_service,
# LDAP.
/etc/ldap.conf r,
/etc/ldap.secret r,
/etc/openldap/* r,
/etc/openldap/cacerts/* r,
/etc/sasl2/* r,
/usr/lib{,32,64}/sasl2/* r,
@{run}/nslcd/socket rw,
# Samba's winbind and Likewise.
/tmp/.winbindd/pipe rw,
/var/lib/samba/winbindd_privileged/pipe rw,
@{run}/samba/winbindd_privileged/pipe rw,
/etc/samba/smb.conf r,
/etc/samba/dhcp.conf r,
/usr/lib*/samba/{valid,upcase,lowcase}.dat r,
/usr/share/samba/codepages/{lowcase,upcase,valid}.dat r,
/tmp/.lwidentity/pipe rw,
/var/lib/likewise-open/lwidentity_privileged/pipe rw,
# Multicast DNS.
/etc/mdns.allow r,
/etc/nss_mdns.conf r,
@{run}/mdnsd w,
# Kerberos.
/usr/lib{,32,64}/krb5/plugins/{libkrb5,preauth}/ r,
/usr/lib{,32,64}/krb5/plugins/{libkrb5,preauth}/* mr,
/usr/lib/@{multiarch}/krb5/plugins/{libkrb5,preauth}/ r,
/usr/lib/@{multiarch}/krb5/plugins/{libkrb5,preauth}/* mr,
/etc/krb5.keytab rk,
/etc/krb5.conf r,
/etc/krb5.conf.d/ r,
/etc/krb5.conf.d/* r,
/etc/krb.conf r,
/etc/krb.realms r,
/etc/srvtab r,
/tmp/krb5cc* r,
# systemd's user database (dynamic users, homed, machined, NSS).
@{run}/systemd/userdb/ r,
@{run}/systemd/userdb/io.systemd.{Multiplexer,DynamicUser,Home,NameServiceSwitch,Machine} rw,
@{PROC}/sys/kernel/random/boot_id r,
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path="/org/freedesktop/systemd1" interface="org.freedesktop.systemd1.Manager" member="{GetDynamicUsers,LookupDynamicUserByName,LookupDynamicUserByUID}" peer=(name="org.freedesktop.systemd1"),
# The sockets a lookup opens (and rtnetlink, for the host's addresses).
network inet stream,
network inet6 stream,
network inet dgram,
network inet6 dgram,
network netlink raw,`;

/**
 * The system bus, and systemd-resolved's lookup calls (made directly or by
 * the nss-resolve module); the rest of resolved's API changes settings and
 * is not included.
 */
export const RESOLVED = `${SYSTEM_BUS_STRICT}
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="Resolve{Address,Hostname,Record,Service}" peer=(name="org.freedesktop.resolve1"),`;

/** The certificate stores TLS clients and servers read (the host's AppArmor 3.0 ssl_certs abstraction). */
export const SSL_CERTS = `/etc/ca-certificates/{,**} r,
/etc/{,libre}ssl/ r,
/etc/{,libre}ssl/cert.pem r,
/etc/{,libre}ssl/certs/{,**} r,
/{etc,usr/share}/pki/bl[ao]cklist/{,*} r,
/{etc,usr/share}/pki/trust/{,*} r,
/{etc,usr/share}/pki/trust/{bl[oa]cklist,anchors}/{,**} r,
/usr/share/ca-certificates/{,**} r,
/usr/share/ssl/certs/ca-bundle.crt r,
/usr/local/share/ca-certificates/{,**} r,
/var/lib/ca-certificates/{,**} r,
/var/lib/acme/certs/*/{chain,cert} r,
/{etc,var/lib}/dehydrated/certs/*/{cert,chain,fullchain,ocsp}*.{pem,der} r,
/etc/{letsencrypt,certbot}/archive/*/{cert,chain,fullchain}*.pem r,
/etc/crypto-policies/*/*.txt r,
/usr/share/crypto-policies/*/*.txt r,`;

export default defineInterface({
  name: "network",
  summary: "allows access to the network as a client",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Name resolution, and the IP sockets clients use.
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf rk,
network netlink dgram,
${RESOLVED}
# Certificates, for TLS clients.
${SSL_CERTS}
@{PROC}/sys/net/core/somaxconn r,
@{PROC}/sys/net/ipv4/tcp_fastopen r,
# netcat as a client.
/{,usr/}bin/nc{,.openbsd} ixr,
`,
    // getaddrinfo asks the kernel for the host's addresses over NETLINK_ROUTE.
    // Clients bind too: netlink sockets, and UDP or TCP to a chosen source.
    // Family 123 is usrsctp's AF_CONN (userspace SCTP over another transport),
    // which the constants table does not name.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_ROUTE
socket 123
# Kept beyond snapd's module: snapd's default filter lets every snap make
# sockets of any family and leaves the family to AppArmor; Plugboard's allows
# only AF_UNIX, so the IP families come with the interfaces that grant them.
socket AF_INET
socket AF_INET6
`,
  },
});
