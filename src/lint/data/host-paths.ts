/** `/d/tmp/x`: a Windows drive as Git Bash/MSYS mounts it (drive letter, then a usual top folder). */
export const MSYS_DRIVE_PATH = /(?<![\w.~/-])\/([a-zA-Z])\/((?:tmp|Users|users|home|temp|Temp)\b[^\s'"|;&)]*)/g;

/** Paths that exist only on the author's machine, with what makes them host-specific. */
export const HOST_PATHS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: MSYS_DRIVE_PATH, why: 'a Windows drive mounted in Git Bash/MSYS' },
  { pattern: /(?<![\w\\])[A-Za-z]:\\[\w.-]{2,}[^\s'"]*/g, why: 'a Windows drive path' },
  { pattern: /~\/(?:Downloads|Desktop|Documents)\b[^\s'"]*/g, why: "a folder of the author's home directory" },
  { pattern: /(?<![\w.-])\/Users\/(?!\$)[A-Za-z0-9._-]+[^\s'"]*/g, why: 'a macOS home directory' },
  { pattern: /(?<![\w.-])\/home\/(?!\$)[A-Za-z0-9._-]+[^\s'"]*/g, why: 'a Linux home directory' },
];
