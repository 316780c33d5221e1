# Drives the agent with snapd-glib (GNOME Software's and Settings' client):
# connect, list connections, disconnect, and a refused request.
# Usage: snapd-glib-connections.py SOCKET; prints one line per step.
import sys
import gi

gi.require_version("Snapd", "2")
from gi.repository import Snapd  # noqa: E402

client = Snapd.Client()
client.set_socket_path(sys.argv[1])


def established():
    r = client.get_connections2_sync(Snapd.GetConnectionsFlags.NONE, None, None, None)
    return sorted(f"{c.get_plug().get_snap()}:{c.get_plug().get_plug()} {c.get_slot().get_snap()}:{c.get_slot().get_slot()}" for c in r[1])


client.connect_interface_sync("bar", "camera", "core", "camera", None, None)
print("after connect:", ",".join(established()))
client.disconnect_interface_sync("bar", "camera", "core", "camera", None, None)
print("after disconnect:", ",".join(established()))
try:
    client.connect_interface_sync("bar", "nope", "core", "camera", None, None)
    print("refused: no")
except Exception as e:  # snapd-glib raises GLib.Error with the server's message
    print("refused:", e.message)
