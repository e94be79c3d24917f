// Prints benchmark figures in the one shape every bench shares: one JSON object per line.
export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  [extra: string]: string | number | boolean;
}

export function printFigure(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** Reads `--name value` from an argument list; returns undefined when absent. */
export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  return args[i + 1];
}

export function hasFlag(args: readonly string[], name: string): boolean {
  return args.includes(name);
}
