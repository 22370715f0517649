# Shared by /init and the sysprep shim: the installed system's state lives on the VM disk ($DISK,
# also recorded in /run/winguest-disk) as a tar archive in the 4 MiB after the first MiB (sector 0
# may hold a partition table): a fresh (zeroed) disk reads as an empty archive, i.e. "not
# installed". Only that area is read, so the size of the disk does not matter.
STATE=/var/lib/winguest
restore_state() { dd if="$DISK" bs=1M skip=1 count=4 2>/dev/null | tar -x -C "$STATE" 2>/dev/null; }
save_state() {
  tar -c -f /run/state.tar -C "$STATE" . || return 1
  [ "$(wc -c </run/state.tar)" -le 4194304 ] || return 1
  dd if=/run/state.tar of="$DISK" bs=1M seek=1 conv=notrunc,fsync 2>/dev/null && sync
}
# host_path 'C:\Windows\Temp\x.xml': where the stand-in keeps that Windows file (on its disk).
host_path() { echo "$STATE/c$(echo "$1" | sed 's|^[A-Za-z]:||; s|\\|/|g')"; }
