// Reads an answer's body as text, decoding each chunk as it arrives (issue #15).
//
// node-fetch's text() keeps every chunk until the end, joins them into one more Buffer and decodes
// that: at 10,000 alerts (an 8 MB answer) the chunks, their join and the string are all alive at
// once. Decoding chunk by chunk with one streaming TextDecoder lets each chunk go as soon as it is
// decoded; the string is the same (a streaming decode equals a whole one, leading BOM dropped as
// before). A Buffer preallocated from Content-Length was measured too and saved nothing: the
// socket's chunks stay until the next collection either way, and Alertmanager answers chunked.
//
// The errors are node-fetch's own, so the caller classifies them as it did text()'s: over the size
// cap is a 'max-size' FetchError and a stream error (a body cut short of its Content-Length is one:
// Node's parser reports it) is wrapped the way node-fetch wraps it.
import { AbortError, FetchError, type Response } from 'node-fetch';

/** The body of `response` as text; refuses more than `maxBytes` bytes (0: no cap). */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (maxBytes > 0 && received + bytes.length > maxBytes) {
        const error = new FetchError(`content size at ${response.url} over limit: ${maxBytes}`, 'max-size');
        (body as NodeJS.ReadableStream & { destroy(error?: Error): void }).destroy(error);
        throw error;
      }
      received += bytes.length;
      parts.push(decoder.decode(bytes, { stream: true }));
    }
  } catch (error) {
    if (error instanceof FetchError || error instanceof AbortError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FetchError(
      `Invalid response body while trying to fetch ${response.url}: ${message}`,
      'system',
      error as Record<string, unknown>,
    );
  }
  parts.push(decoder.decode());
  return parts.length === 1 ? (parts[0] ?? '') : parts.join('');
}
