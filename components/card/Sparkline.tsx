// Mentions per year in the archive as a tiny line chart. Years without mentions between the first and last count
// as zero so the line's shape is honest.

export interface SparklineProps {
  perYear: [number, number][];
  width?: number;
  height?: number;
}

export function yearSeries(perYear: [number, number][]): [number, number][] {
  if (perYear.length === 0) return [];
  const counts = new Map(perYear);
  const first = Math.min(...perYear.map(([y]) => y));
  const last = Math.max(...perYear.map(([y]) => y));
  const out: [number, number][] = [];
  for (let y = first; y <= last && out.length < 200; y++) out.push([y, counts.get(y) ?? 0]);
  return out;
}

export function Sparkline({ perYear, width = 120, height = 28 }: SparklineProps) {
  const series = yearSeries(perYear);
  if (series.length === 0) return null;
  const max = Math.max(1, ...series.map(([, n]) => n));
  const pad = 3;
  const step = series.length > 1 ? (width - 2 * pad) / (series.length - 1) : 0;
  const points = series.map(([, n], i) => {
    const x = series.length > 1 ? pad + i * step : width / 2;
    const y = height - pad - (n / max) * (height - 2 * pad);
    return [x, y] as const;
  });
  const label = `Mentions per year in the archive: ${series.map(([y, n]) => `${y}: ${n}`).join(', ')}`;
  return (
    <svg class="sparkline" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{label}</title>
      {points.length > 1 && (
        <polyline fill="none" stroke="currentColor" stroke-width="1.5" points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} />
      )}
      {points.map(([x, y], i) => (
        <circle key={series[i][0]} cx={x.toFixed(1)} cy={y.toFixed(1)} r={series[i][1] > 0 ? 2 : 1} fill="currentColor" />
      ))}
    </svg>
  );
}
