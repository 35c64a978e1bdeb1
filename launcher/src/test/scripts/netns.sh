#!/usr/bin/env bash
# Test hosts for NetworkFaultIT: network namespaces on a bridge of their own, with addresses of their own.
#   netns.sh up PREFIX N    creates bridge PREFIX-br (10.213.0.254/24 in the root namespace) and namespaces
#                           PREFIX-1 .. PREFIX-N at 10.213.0.1 .. 10.213.0.N, each with loopback up
#   netns.sh down PREFIX    removes them, and kills what still runs inside (idempotent)
# Needs root and iproute2. Uses only addresses inside 10.213.0.0/24, which it creates itself.
set -euo pipefail
command=$1 prefix=$2
net=10.213.0
bridge="$prefix-br"

down() {
  for ns in $(ip netns list | awk '{print $1}' | grep "^$prefix-[0-9]*$" || true); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  for link in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^v$prefix-" || true); do
    ip link del "$link" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
}

up() {
  local count=$1
  down
  ip link add "$bridge" type bridge
  ip addr add "$net.254/24" dev "$bridge"
  ip link set "$bridge" up
  for i in $(seq 1 "$count"); do
    local ns="$prefix-$i" host="v$prefix-$i" peer="p$prefix-$i"
    ip netns add "$ns"
    ip link add "$host" type veth peer name "$peer"
    ip link set "$peer" netns "$ns"
    ip link set "$host" master "$bridge"
    ip link set "$host" up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add "$net.$i/24" dev "$peer"
    ip -n "$ns" link set "$peer" up
  done
  # Bridged frames must not pass the root namespace's own packet filter (br_netfilter), if that module is loaded.
  if [ -e /proc/sys/net/bridge/bridge-nf-call-iptables ]; then echo 0 > /proc/sys/net/bridge/bridge-nf-call-iptables; fi
}

case "$command" in
  up) up "${3:?how many namespaces}" ;;
  down) down ;;
  *) echo "usage: netns.sh up PREFIX N | down PREFIX" >&2; exit 2 ;;
esac
