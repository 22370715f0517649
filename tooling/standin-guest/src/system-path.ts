/**
 * PATH plus the sbin directories, where Debian keeps `depmod` even though a normal user's PATH
 * leaves them out.
 */
export function systemPath(path = process.env.PATH ?? ''): string {
  const extra = ['/usr/sbin', '/sbin'].filter((dir) => !path.split(':').includes(dir));
  return [path, ...extra].filter(Boolean).join(':');
}
