// The metric names a query reads: the bare name of each vector selector (`rate(x_total[1m])` reads
// `x_total`). A probe with variants for different exporters is run in the variant whose metrics
// Prometheus has, so the planner needs to know which metrics each variant reads.
import { parsePromql } from './parse.js';

/** The metric names the query's selectors name, in order of first use, without repeats. */
export function metricNames(query: string): string[] {
  const names: string[] = [];
  parsePromql(query)
    .cursor()
    .iterate((node) => {
      if (node.name !== 'Identifier') return;
      if (node.node.parent?.name !== 'VectorSelector') return;
      const name = query.slice(node.from, node.to);
      if (!names.includes(name)) names.push(name);
    });
  return names;
}
