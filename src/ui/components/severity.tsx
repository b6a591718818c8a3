import { Text } from 'ink';

const colours: Record<string, string> = {
  critical: 'red',
  page: 'red',
  error: 'red',
  high: 'red',
  warning: 'yellow',
  medium: 'yellow',
  info: 'blue',
};

/** A severity word in its colour (Ink drops colour under NO_COLOR). */
export function Severity({ severity, width }: { severity: string; width?: number }) {
  const text = width === undefined ? severity : severity.slice(0, width).padEnd(width);
  const colour = colours[severity];
  return colour === undefined ? <Text>{text}</Text> : <Text color={colour}>{text}</Text>;
}
