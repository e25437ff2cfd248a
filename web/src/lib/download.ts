import type * as z from 'zod';
import { apiGetResponse } from './api-client.ts';

/** The file name a `Content-Disposition: attachment; filename="…"` header gives, or `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a JSON resource of our API as a file: fetched like any other call (so a failure is an
 * ApiError the page can show), checked against its schema, then saved under the server's dated name.
 */
export async function downloadJson(path: string, schema: z.ZodType, fallbackName: string): Promise<string> {
  const { data, headers } = await apiGetResponse(path, schema);
  const name = attachmentName(headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
