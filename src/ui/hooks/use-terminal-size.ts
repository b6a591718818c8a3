import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { useRedraw } from './use-redraw.js';

/**
 * How long after the last resize event the screen is cleared and drawn whole: past Ink's two
 * 30-fps throttles (render, then write), so the frame drawn is the one for the new size.
 */
const settleMs = 150;

/**
 * The terminal's size, kept current on resize (24×80 when unknown, as in tests). After a resize
 * the whole screen is redrawn: on a narrower terminal Ink first redraws the old layout, whose
 * long lines the terminal wraps onto extra rows, and Ink, erasing by its own line count, would
 * leave those rows behind (a second header, old lines at the top).
 */
export function useTerminalSize(): { rows: number; columns: number } {
  const { stdout } = useStdout();
  const redraw = useRedraw();
  const read = () => ({ rows: stdout.rows || 24, columns: stdout.columns || 80 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    let settle: NodeJS.Timeout | undefined;
    const onResize = () => {
      setSize({ rows: stdout.rows || 24, columns: stdout.columns || 80 });
      clearTimeout(settle);
      settle = setTimeout(redraw, settleMs);
    };
    stdout.on('resize', onResize);
    return () => {
      clearTimeout(settle);
      stdout.off('resize', onResize);
    };
  }, [stdout, redraw]);
  return size;
}
