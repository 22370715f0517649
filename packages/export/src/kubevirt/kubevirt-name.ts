/** A Kubernetes name from a VM name: lowercase, other characters as `-`, at most 40 characters. */
export const kubeVirtName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
