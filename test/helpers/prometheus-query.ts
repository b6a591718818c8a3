// One instant query to the shared stack's Prometheus, answered as Prometheus sends it, for tests
// that check PromQL against the real server rather than through sitrep's own client.
import { sharedStackUrls } from './stack.js';

/** The parts of a `/api/v1/query` answer the tests read. */
export interface QueryResponse {
  status: string;
  error?: string;
  data?: { result: { metric: Record<string, string> }[] };
}

/** POSTs `promql` to the shared Prometheus (10 s timeout) and returns its JSON, error or not. */
export async function querySharedPrometheus(promql: string): Promise<QueryResponse> {
  const response = await fetch(`${sharedStackUrls.prometheus}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: promql }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json()) as QueryResponse;
}
