/**
 * Images whose default command (their Dockerfile `CMD`) is a shell: busybox `sh`, alpine `/bin/sh`,
 * ubuntu and debian `bash`, … Named by the repository's last path segment, so a registry's copy
 * (`registry.k8s.io/busybox`) counts. A container of one with no `command`/`args` runs that shell:
 * `kubectl attach -it` reaches it, and without a terminal it ends at once.
 */
export const SHELL_IMAGES: readonly string[] = ['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'bash', 'rockylinux', 'almalinux', 'amazonlinux'];
