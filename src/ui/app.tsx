import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { version } from '../cli/version.js';

/** The interactive screen's root. The inbox and incident workspace arrive with the TUI issue. */
export function App() {
  const { isRawModeSupported } = useStdin();
  return (
    <Box flexDirection="column">
      <Text bold>sitrep {version}</Text>
      <Text>The interactive inbox is not built yet; `sitrep --help` lists the commands.</Text>
      <Text dimColor>q quit</Text>
      {isRawModeSupported === true ? <QuitKey /> : null}
    </Box>
  );
}

function QuitKey() {
  const { exit } = useApp();
  useInput((input) => {
    if (input.includes('q')) exit();
  });
  return null;
}
