/**
 * Whether the readable report is coloured when neither `--color` nor `--no-color` says. As in
 * Node itself: FORCE_COLOR forces colours (`0` or `false` turns them off) and wins over NO_COLOR,
 * which turns them off when present and not empty (https://no-color.org); otherwise a terminal
 * gets colours, unless TERM is `dumb`.
 */
export function colorFromEnvironment(env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal && env.TERM !== 'dumb';
}
