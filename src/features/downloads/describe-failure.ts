import type { DownloadFailure, StopReason } from './types';

/**
 * What the Downloads screen says about a failed download and about downloads stopping. Jobs and
 * tab messages carry codes (decision 028); the words live here, and only here.
 */
export function failureText(failure: DownloadFailure): string {
  switch (failure.code) {
    case 'http':
      return `the server answered ${failure.status}`;
    case 'stalled':
      return `the server stopped sending for ${failure.seconds} s`;
    case 'incomplete':
      return 'the file arrived incomplete';
    case 'dropped':
      return 'the connection dropped';
    case 'not-converted':
      return "the server wouldn't convert it";
    case 'cors':
      return "this server doesn't let the browser download its files (it sends no CORS headers). Playing still works; ask the server's owner, or download on the server's own network";
    case 'storage-refused':
      return 'this browser refused to store the file (a private window keeps no downloads)';
    case 'unknown':
      return 'unknown error';
  }
}

export const stopText: Record<StopReason, string> = {
  'storage-full':
    'Storage is full, so downloads stopped. What finished is kept: free some space (delete downloads here), then resume.',
};
