/** Hands a file to the browser's downloads, as a click on a link would; the address stays valid to save it again. */
export function save(blob: Blob, name: string): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  return url;
}
