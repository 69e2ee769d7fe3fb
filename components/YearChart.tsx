// Mentions over time as inline SVG bars, one per year (gaps shown as empty years). The numbers are also given as
// text for screen readers.
import { yearSeries } from './card/Sparkline'; // the card's sparkline and this chart count years the same way

const BAR = 22;
const GAP = 6;
const HEIGHT = 120;
const LABEL = 18;

export function YearChart({ perYear, label }: { perYear: [number, number][]; label: string }) {
  const series = yearSeries(perYear);
  if (series.length === 0) return <p class="muted">No dated mentions.</p>;
  const max = Math.max(...series.map(([, n]) => n));
  const width = series.length * (BAR + GAP) + GAP;
  const description = series.filter(([, n]) => n > 0).map(([y, n]) => `${y}: ${n}`).join(', ');
  return (
    <figure class="year-chart" data-testid="year-chart">
      <svg
        role="img"
        aria-label={`${label}: ${description}`}
        viewBox={`0 0 ${width} ${HEIGHT + LABEL * 2}`}
        width={Math.min(width, 720)}
        preserveAspectRatio="xMinYMin meet"
      >
        {series.map(([year, n], i) => {
          const h = max === 0 ? 0 : Math.max(n > 0 ? 2 : 0, Math.round((n / max) * HEIGHT));
          const x = GAP + i * (BAR + GAP);
          const showYear = series.length <= 12 || i % Math.ceil(series.length / 12) === 0 || i === series.length - 1;
          return (
            <g key={year}>
              <rect class="bar" x={x} y={LABEL + HEIGHT - h} width={BAR} height={h} rx={2}>
                <title>{`${year}: ${n} mention${n === 1 ? '' : 's'}`}</title>
              </rect>
              {n > 0 && (
                <text class="bar-value" x={x + BAR / 2} y={LABEL + HEIGHT - h - 4} text-anchor="middle">
                  {n}
                </text>
              )}
              {showYear && (
                <text class="bar-year" x={x + BAR / 2} y={LABEL + HEIGHT + 14} text-anchor="middle">
                  {series.length > 8 ? `’${String(year).slice(2)}` : year}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
