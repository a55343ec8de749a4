/** Serves `dir` under the URL prefix `prefix` (e.g. "/sub/") on 127.0.0.1, on a free port. */
export function serveStatic(
  dir: string,
  prefix?: string,
): Promise<{ url: string; close: () => Promise<void> }>;
