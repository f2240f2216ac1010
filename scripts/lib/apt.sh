# Sourced by scripts/setup.sh: apt-get that waits for the package manager's lock.
#
# On a freshly booted Debian/Ubuntu, unattended-upgrades often holds the dpkg/apt lock for a
# few minutes; apt-get then fails at once (exit 100). apt_get waits for the lock instead, up
# to APT_LOCK_WAIT seconds (default 300), says so once, and fails with apt's own message after.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_get() {
  local wait=${APT_LOCK_WAIT:-300}
  local deadline=$((SECONDS + wait)) told=0 out rc
  while :; do
    # DPkg::Lock::Timeout makes apt itself wait for the dpkg lock; the loop also covers the
    # lists and archive locks (apt-get update), which that option does not.
    rc=0
    out=$(as_root env DEBIAN_FRONTEND=noninteractive \
          apt-get -o DPkg::Lock::Timeout=10 "$@" 2>&1) || rc=$?
    if [ "$rc" -eq 0 ]; then
      return 0
    fi
    if ! grep -qiE "could not get lock|unable to acquire|unable to lock" <<<"$out" \
        || [ "$SECONDS" -ge "$deadline" ]; then
      printf '%s\n' "$out" >&2
      return "$rc"
    fi
    if [ "$told" -eq 0 ]; then
      echo "apt is locked by another process (often unattended-upgrades after a boot);" \
           "waiting up to ${wait} s for it..." >&2
      told=1
    fi
    sleep "${APT_LOCK_POLL:-5}"
  done
}
