#!/bin/sh
# udhcpc event script: configures the interface from the lease (QEMU user-mode network: 10.0.2.15).
case "$1" in
  deconfig)
    ip addr flush dev "$interface"
    ip link set "$interface" up
    ;;
  bound | renew)
    ip addr flush dev "$interface"
    ip addr add "$ip/${mask:-24}" dev "$interface"
    [ -n "$router" ] && ip route add default via "${router%% *}" dev "$interface"
    : >/etc/resolv.conf
    for server in $dns; do echo "nameserver $server" >>/etc/resolv.conf; done
    echo "udhcpc: $interface $ip/${mask:-24} router ${router:-none}"
    ;;
esac
exit 0
