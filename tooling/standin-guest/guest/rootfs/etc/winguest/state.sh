# Shared by /init and the sysprep shim: the installed system's state lives on the
# VM disk ($DISK, also recorded in /run/winguest-disk) in the 4 MiB after the first MiB (sector 0
# may hold a partition table), in two 2 MiB slots. Each save goes to the slot that does not hold
# the newest state: a 512-byte header `WGSTATE1 <generation> <bytes> <md5>`, then the tar archive.
# A restore takes the valid slot with the highest generation, so a write cut short (power off, QEMU
# quit) leaves the previous state, and bytes of an older, longer archive are never read as entries.
# A fresh (zeroed) disk reads as "not installed". Only that area is read: the disk's size does not
# matter.
# STATE, DISK and TMPDIR (default /run) may be set before this file is sourced.
STATE=${STATE:-/var/lib/winguest}
DISK=${DISK:-$(cat /run/winguest-disk 2>/dev/null)}
WORK=${TMPDIR:-/run}

# slot_header N: the header of slot N (0 or 1) without its zero padding.
slot_header() { dd if="$DISK" bs=512 skip=$((2048 + $1 * 4096)) count=1 2>/dev/null | tr -d '\000'; }
# slot_archive N BYTES: the archive of slot N.
slot_archive() {
  dd if="$DISK" bs=512 skip=$((2049 + $1 * 4096)) count=$((($2 + 511) / 512)) 2>/dev/null | head -c "$2"
}

# newest_slot: prints `<slot> <generation> <bytes>` of the newest slot whose archive matches its
# checksum; prints nothing on a fresh disk; fails naming what it found when no slot is valid.
newest_slot() {
  best=''
  seen=''
  for slot in 0 1; do
    header=$(slot_header "$slot")
    [ -n "$header" ] || continue
    set -f
    # shellcheck disable=SC2086 # the header's fields are separate words
    set -- $header
    set +f
    if [ "$1" != WGSTATE1 ] || [ $# -ne 4 ]; then
      seen="$seen slot $slot: no state header"
      continue
    fi
    sum=$(slot_archive "$slot" "$3" | md5sum)
    if [ "${sum%% *}" != "$4" ]; then
      seen="$seen slot $slot: generation $2 fails its checksum (a write cut short)"
      continue
    fi
    [ -n "$best" ] && [ "${best#* }" -ge "$2" ] 2>/dev/null && continue
    best="$slot $2"
    bytes=$3
  done
  [ -n "$best" ] && { echo "$best $bytes"; return 0; }
  [ -z "$seen" ] && return 0
  echo "the state on $DISK is damaged:$seen"
  return 1
}

# Extracts the newest valid state into $STATE; fails with the reason when the state is damaged.
restore_state() {
  newest=$(newest_slot) || { echo "$newest"; return 1; }
  [ -n "$newest" ] || return 0
  set -- $newest
  slot_archive "$1" "$3" | tar -x -C "$STATE" || { echo "could not extract the state on $DISK"; return 1; }
}

# Writes $STATE to the older slot (flushed to the disk) with the next generation.
save_state() {
  tar -c -f "$WORK/state.tar" -C "$STATE" . || return 1
  bytes=$(wc -c <"$WORK/state.tar")
  [ "$bytes" -le 2096640 ] || { echo "state of $bytes bytes does not fit its 2 MiB slot" >&2; return 1; }
  newest=$(newest_slot 2>/dev/null) || newest=''
  set -- ${newest:-1 0 0}
  slot=$((1 - $1))
  sum=$(md5sum <"$WORK/state.tar")
  { printf 'WGSTATE1 %s %s %s' "$(($2 + 1))" "$bytes" "${sum%% *}"; head -c 512 /dev/zero; } |
    head -c 512 | cat - "$WORK/state.tar" >"$WORK/state.slot"
  dd if="$WORK/state.slot" of="$DISK" bs=512 seek=$((2048 + slot * 4096)) conv=notrunc,fsync 2>/dev/null && sync
}

# host_path 'C:\Windows\Temp\x.xml': where the stand-in keeps that Windows file (on its disk).
host_path() { echo "$STATE/c$(echo "$1" | sed 's|^[A-Za-z]:||; s|\\|/|g')"; }
