#!/usr/bin/env bash
# Installs the Debian packages whose tools the tests drive (QEMU, firmware, ISO and WIM tools, …),
# only those that are missing. Tests that need a tool skip on a laptop without it but fail under
# CI=true, so CI runs this first. Usage: sudo scripts/system-deps.sh   (or as root)
set -euo pipefail

packages=(
  coreutils          # base64: independent encoder for password-encoding's cross-check; mkfifo for cidata-iso tree tests
  diffutils          # cmp: byte-identical images (cidata-iso)
  time               # GNU time: peak RSS of the ISO writers in cidata-iso's benchmark
  util-linux         # prlimit: a full disk in cidata-iso's tests; setpriv: libvirtd as nobody (export)
  libc-bin           # iconv: independent UTF-16LE encoder
  libxml2-utils      # xmllint: answer files are well-formed
  openssh-client     # ssh-keygen: independent SSH public keys; ssh: log in to the stand-in guest
  xorriso            # reference ISO writer and reader (-indev … -find)
  genisoimage        # genisoimage + isoinfo: reference ISO writer, Joliet listing/extraction, UDF images
  p7zip-full         # 7z: independent ISO/UDF/WIM reader
  wimtools           # wimcapture/wimappend/wiminfo: WIM fixtures and their reference metadata
  udftools           # mkudffs: UDF 2.x images
  gcc                # cc: builds the libudfread lister that checks UDF 2.50 metadata-partition images
  libudfread-dev     # libudfread: independent UDF 2.50 reader (install-media tests)
  qemu-system-x86    # qemu-system-x86_64: argv accepted by the real binary, QMP device checks
  qemu-system-arm    # qemu-system-aarch64
  qemu-utils         # qemu-img: instance disks
  qemu-guest-agent   # qemu-ga: the real guest agent the QGA client is tested against (qmp)
  ovmf               # amd64 UEFI firmware + QEMU firmware descriptors
  qemu-efi-aarch64   # arm64 UEFI firmware + descriptors
  swtpm              # TPM 2.0 emulator behind tpm-crb / tpm-tis-device
  swtpm-tools
  samba              # smbd: QEMU's user-network SMB share (smb=) in qemu-args' tests
  cpio               # GNU cpio: reads back the stand-in guest's initramfs
  kmod               # depmod: modules.dep for the stand-in guest's kernel
  binutils           # readelf: the stand-in's dropbear libraries, for any architecture
  dosfstools         # mkfs.vfat: the arm64 stand-in's ESP
  mtools             # mmd/mcopy/mdir/mtype: files into that ESP without mounting it, and back
  file               # file: the arm64 stand-in's kernel and dropbear are arm64 binaries
  busybox            # busybox sh: the stand-in guest's check scripts parse and run (e2e)
  libvirt-clients    # virt-xml-validate, virsh: libvirt exports validated and defined (export)
  libvirt0
  libvirt-daemon     # libvirtd: a private session daemon boots the libvirt export (export)
  libvirt-daemon-driver-qemu
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# The stand-in test guest is assembled with `apt-get download`, which needs package lists; the
# arm64 stand-in downloads Debian's arm64 packages (pkg:arm64), so dpkg must know that architecture.
if [ "$(dpkg --print-architecture)" != arm64 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "system-deps: dpkg --add-architecture arm64 (for the arm64 stand-in guest's packages)"
  $sudo dpkg --add-architecture arm64
  stale=1
fi
if [ -n "${stale:-}" ] || ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
  echo "system-deps: apt-get update (no package lists yet, or a new architecture)"
  $sudo apt-get update -qq
  updated=1
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: all ${#packages[@]} Debian packages present"
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
[ -n "${updated:-}" ] || $sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
