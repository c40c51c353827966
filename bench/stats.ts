export interface Figure {
  name: string;
  unit: string;
  runs: number[];
  median: number;
  min: number;
  max: number;
  target: string;
  met: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return value ?? Number.NaN;
}

export function figure(
  name: string,
  unit: string,
  runs: number[],
  target: string,
  meets: (m: number) => boolean,
): Figure {
  const m = median(runs);
  return {
    name,
    unit,
    runs: runs.map((r) => Math.round(r * 10) / 10),
    median: Math.round(m * 10) / 10,
    min: Math.round(Math.min(...runs) * 10) / 10,
    max: Math.round(Math.max(...runs) * 10) / 10,
    target,
    met: meets(m),
  };
}

export function table(figures: Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.median} ${f.unit} | ${f.min} | ${f.max} | ${f.target} | ${f.met ? 'yes' : '**no**'} |`,
  );
  return [
    '| figure | median | min | max | target | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * The per-engine figures as one row per measure and a column per engine: names are
 * "<engine>: <measure>" (bench/engines-player.ts).
 */
export function engineTable(figures: Figure[]): string {
  const engines = [...new Set(figures.map((f) => f.name.split(': ')[0] ?? ''))];
  const measures = [...new Set(figures.map((f) => f.name.split(': ').slice(1).join(': ')))];
  const cell = (engine: string, measure: string) => {
    const f = figures.find((x) => x.name === `${engine}: ${measure}`);
    if (!f) return '–';
    return `${f.median} ${f.unit}${f.met ? '' : ' (**no**)'}`;
  };
  const target = (measure: string) =>
    figures.find((f) => f.name.endsWith(`: ${measure}`))?.target ?? '';
  return [
    `| measure (median) | ${engines.join(' | ')} | target |`,
    `| --- | ${engines.map(() => '---').join(' | ')} | --- |`,
    ...measures.map(
      (m) => `| ${m} | ${engines.map((e) => cell(e, m)).join(' | ')} | ${target(m)} |`,
    ),
  ].join('\n');
}
