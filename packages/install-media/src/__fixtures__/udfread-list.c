/* Lists a UDF image with libudfread (VideoLAN's reader, which follows UDF 2.50 metadata partitions):
 * "L <volume id>", then "D <path>" or "F <size> <path>" per entry, depth first. */
#include <stdio.h>
#include <string.h>
#include <udfread/udfread.h>

static void walk(udfread *udf, const char *dir) {
  UDFDIR *d = udfread_opendir(udf, dir[0] ? dir : "/");
  struct udfread_dirent entry;
  if (!d) return;
  while (udfread_readdir(d, &entry)) {
    char path[4096];
    if (!strcmp(entry.d_name, ".") || !strcmp(entry.d_name, "..")) continue;
    snprintf(path, sizeof path, "%s%s%s", dir, dir[0] ? "/" : "", entry.d_name);
    if (entry.d_type == UDF_DT_DIR) {
      printf("D %s\n", path);
      walk(udf, path);
    } else {
      UDFFILE *f = udfread_file_open(udf, path);
      printf("F %lld %s\n", f ? (long long)udfread_file_size(f) : -1LL, path);
      if (f) udfread_file_close(f);
    }
  }
  udfread_closedir(d);
}

int main(int argc, char **argv) {
  udfread *udf = udfread_init();
  if (argc != 2 || udfread_open(udf, argv[1]) < 0) return 1;
  printf("L %s\n", udfread_get_volume_id(udf));
  walk(udf, "");
  udfread_close(udf);
  return 0;
}
