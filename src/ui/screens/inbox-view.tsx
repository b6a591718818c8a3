import { Box } from 'ink';
import { memo } from 'react';
import { Text } from '../components/text.js';
import type { InboxRow } from '../../core/inbox/inbox-rows.js';
import { formatElapsed } from '../../core/alerts/select.js';
import { formatStartAge } from '../../core/format/start-time.js';
import { emptyValue, keyLabels } from '../../core/alerts/alert-table.js';
import { fitCells } from '../../core/format/cells.js';
import { sanitizeLine, type SafeText } from '../../core/sanitize.js';
import { visibleRange } from '../state/list-state.js';
import { filterProblemText } from '../state/inbox-state.js';
import type { InboxState } from '../state/inbox-state.js';
import { emptyInboxText, type Coverage } from '../state/coverage.js';
import { noMatchText } from '../../core/alerts/no-match-text.js';
import type { OpenIncidentSummary } from '../../app/services.js';
import { Severity } from '../components/severity.js';
import { RowText } from '../components/row-text.js';

/** The cells of a row's lead: the cursor marker, a space, the severity (9 cells), a space. */
const leadWidth = 12;

/** The AGE column: room for the longest age it shows, `23 h 59 min`. */
const ageWidth = 11;

/** The alert list: only the rows inside the window are rendered. */
export function InboxList(props: { inbox: InboxState; nowMs: number; width: number; coverage: Coverage }) {
  const { inbox, nowMs, width } = props;
  const empty = noRowsText(inbox, props.coverage);
  const { start, end } = visibleRange(inbox.list);
  const incidentCount = inbox.incidents.length;
  if (inbox.rows.length === 0 && incidentCount === 0) return <Text dimColor>{empty}</Text>;
  const nameWidth = Math.max(20, Math.min(44, width - 40));
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {'  '}
        {'SEVERITY'.padEnd(9)} {'ALERT'.padEnd(nameWidth)} {'AGE'.padEnd(ageWidth)} DETAIL
      </Text>
      {Array.from({ length: end - start }, (_, i) => start + i).map((index) => {
        const selected = index === inbox.list.cursor;
        const incident = inbox.incidents[index];
        if (incident)
          return (
            <IncidentLine
              key={`i${index}`}
              incident={incident}
              selected={selected}
              nowMs={nowMs}
              resolvedAt={inbox.incidentsResolvedAt.get(incident.id)}
              quiet={index >= inbox.liveIncidents}
            />
          );
        const row = inbox.rows[index - incidentCount];
        return row ? (
          <InboxLine
            key={index}
            row={row}
            selected={selected}
            age={formatStartAge(row.kind === 'group' ? row.group.oldestStart : row.alert.startsAt, nowMs)}
            nameWidth={nameWidth}
            width={width}
          />
        ) : null;
      })}
      {inbox.rows.length === 0 ? (
        <Text dimColor>
          {'  '}
          {empty}
        </Text>
      ) : null}
      {incidentCount + inbox.rows.length > end - start ? (
        <Text dimColor>
          {'  '}rows {start + 1}–{end} of {incidentCount + inbox.rows.length}
        </Text>
      ) : null}
    </Box>
  );
}

/**
 * What the list says when it lists no alert: what the filter hid (never "No alerts firing." while
 * alerts fire), that every alert firing is muted, or what the sources' coverage allows.
 */
function noRowsText(inbox: InboxState, coverage: Coverage): string {
  if (!inbox.filter.empty && inbox.unfiltered > 0) return noMatchText(inbox.filterApplied, inbox.unfiltered);
  const muted = inbox.alerts.length - inbox.unfiltered;
  if (inbox.unfiltered === 0 && muted > 0)
    return `Every alert firing is silenced or inhibited (${muted.toLocaleString('en-US')}); s shows them.`;
  return emptyInboxText(coverage);
}

/**
 * An open incident. One whose alerts all resolved says since when; one quiet for a while (listed
 * below the live ones) is dimmed.
 */
const IncidentLine = memo(function IncidentLine(props: {
  incident: OpenIncidentSummary;
  selected: boolean;
  nowMs: number;
  resolvedAt: string | undefined;
  quiet: boolean;
}) {
  const { incident, selected, nowMs, resolvedAt, quiet } = props;
  const resolved = resolvedAt === undefined ? '' : ` · resolved ${formatElapsed(resolvedAt, nowMs)} ago`;
  const steps = `${incident.done}/${incident.total} steps`;
  const opened = `opened ${formatElapsed(incident.openedAt, nowMs)} ago`;
  return (
    <Text inverse={selected} dimColor={quiet && !selected} wrap="truncate">
      {selected ? '›' : ' '} <Text color={quiet ? 'gray' : 'magenta'}>{'INCIDENT'.padEnd(9)}</Text>{' '}
      {`${shownName(incident.title)}${resolved} · ${steps} · ${opened} (${sanitizeLine(incident.id)})`}
    </Text>
  );
});

/**
 * One alert or group row. Memoized, and given its age as text rather than the clock: a cursor
 * move re-renders the two rows whose `selected` changed, and the clock's tick only the rows whose
 * age reads differently, not the whole window.
 */
const InboxLine = memo(function InboxLine(props: {
  row: InboxRow;
  selected: boolean;
  age: string;
  nameWidth: number;
  width: number;
}) {
  const { row, selected, age, nameWidth, width } = props;
  const marker = selected ? '›' : ' ';
  const detailWidth = Math.max(10, width - nameWidth - ageWidth - 15);
  if (row.kind === 'group') {
    const name = fit(shownName(row.group.name), nameWidth - 2);
    const detail = `${row.group.alerts.length} alerts`;
    return (
      <RowText
        selected={selected}
        width={width}
        leadWidth={leadWidth}
        lead={
          <>
            {marker} <Severity severity={row.group.severity} width={9} />{' '}
          </>
        }
        fold={row.expanded ? '▾' : '▸'}
        rest={` ${name} ${age.padEnd(ageWidth)} ${detail}`}
      />
    );
  }
  const { alert } = row;
  const indent = row.group.alerts.length > 1 ? '  ' : '';
  const name = `${indent}${fit(shownName(alert.name), nameWidth - indent.length)}`;
  const state = alert.state === 'active' ? '' : `[${alert.state}] `;
  const detail = fit(sanitizeLine(`${state}${keyLabels(alert)}`), detailWidth);
  return (
    <RowText
      selected={selected}
      width={width}
      leadWidth={leadWidth}
      lead={
        <>
          {marker} <Severity severity={alert.severity} width={9} />{' '}
        </>
      }
      rest={`${name} ${age.padEnd(ageWidth)} ${detail}`}
    />
  );
});

/** An alertname or title made safe; `-` when that leaves nothing, as `sitrep alerts` shows it. */
function shownName(text: string): SafeText {
  const safe = sanitizeLine(text);
  return safe === '' ? sanitizeLine(emptyValue) : safe;
}

/** Safe text cut or padded to exactly `width` terminal cells. */
function fit(text: SafeText, width: number): string {
  return fitCells(text, width);
}

/** Under the filter line: why part of the typed filter does not parse, and what is applied. */
export function FilterProblem({ inbox }: { inbox: InboxState }) {
  const text = filterProblemText(inbox);
  return text === undefined ? null : <Text color="yellow">{text}</Text>;
}
