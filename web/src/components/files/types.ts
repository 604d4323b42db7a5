/** What a preview needs to know of a file; every file DTO of the API has these fields. */
export interface PreviewableFile {
  id: string;
  name: string;
  content_type: string;
  size: number;
  /** How the browser can show it; `null`: download only. */
  preview?: 'image' | 'pdf' | null;
  /** Whether a thumbnail exists. */
  thumbnail: boolean;
}

/** "logo.final.PNG" → "PNG"; a name without an extension → "FILE"-like fallback left to the caller. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1, dot + 5).toUpperCase();
}
