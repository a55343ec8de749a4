/** Saves text (or a ready Blob) as a file through a Blob URL (no network). */
export function download(filename: string, text: string | Blob, mime: string): void {
  const blob = typeof text === 'string' ? new Blob([text], { type: `${mime};charset=utf-8` }) : text;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
