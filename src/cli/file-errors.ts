/** Why a file named on the command line cannot be read, in a few words (never a stack trace). */
export function describeFileError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message.split('\n')[0] ?? 'unreadable';
  }
}
