// Reads an answer's body as text into one Buffer, decoded once (issue #15).
//
// node-fetch's text() keeps every chunk in a list, joins them into a second Buffer and decodes
// that, so the chunks, their join and the string can all be alive at once: at 10,000 alerts (an
// 8 MB answer) some runs of `sitrep alerts --json` peaked ~20 MiB higher than others. Here each
// chunk is copied into one Buffer as it arrives and can go at once: a Buffer of the declared
// Content-Length when there is one (not compressed), else (Alertmanager answers chunked) one that
// starts at 256 KiB and doubles. Decoded with the same TextDecoder, so the text is the same.
// Decoding chunk by chunk was tried and raised the peak (~+10 MiB): the pieces are heap strings
// that outlive young-generation collections and stay in the old generation until a full one.
//
// The errors are node-fetch's own, so the caller classifies them as it did text()'s: over the size
// cap is a 'max-size' FetchError and a stream error (a body cut short of its Content-Length is one:
// Node's parser reports it) is wrapped the way node-fetch wraps it.
import { AbortError, FetchError, type Response } from 'node-fetch';

// A declared length preallocates at most this much; a larger body grows the Buffer as it arrives.
const largestFirstBuffer = 64 * 1024 * 1024;
const firstChunkedBuffer = 256 * 1024;

/** The body of `response` as text; refuses more than `maxBytes` bytes (0: no cap). */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const identity = (response.headers.get('content-encoding') ?? 'identity') === 'identity';
  const known = identity && Number.isSafeInteger(declared) && declared >= 0;
  let buffer = Buffer.allocUnsafe(known ? Math.min(declared, largestFirstBuffer) : firstChunkedBuffer);
  let received = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (maxBytes > 0 && received + bytes.length > maxBytes) {
        const error = new FetchError(`content size at ${response.url} over limit: ${maxBytes}`, 'max-size');
        (body as NodeJS.ReadableStream & { destroy(error?: Error): void }).destroy(error);
        throw error;
      }
      if (received + bytes.length > buffer.length) {
        const doubled = maxBytes > 0 ? Math.min(buffer.length * 2, maxBytes) : buffer.length * 2;
        const grown = Buffer.allocUnsafe(Math.max(doubled, received + bytes.length));
        buffer.copy(grown, 0, 0, received);
        buffer = grown;
      }
      bytes.copy(buffer, received);
      received += bytes.length;
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
  return new TextDecoder().decode(buffer.subarray(0, received));
}
