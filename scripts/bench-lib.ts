/** Pieces of `npm run bench`: percentiles, page JavaScript, the chart. */
import { gzipSync } from "node:zlib";
import { decodeEntities } from "../__tests__/e2e/support/http-forms";

export const median = (values: number[]) => percentile(values, 50);

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type PageScripts = { files: number; rawBytes: number; gzipBytes: number };

/** The JavaScript files a page loads (its script elements with src), gzipped one by one. */
export async function measurePageScripts(url: string, cookie?: string): Promise<PageScripts> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => decodeEntities(match[1]!)));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    const file = Buffer.from(await (await fetch(new URL(source, url))).arrayBuffer());
    rawBytes += file.length;
    gzipBytes += gzipSync(file).length;
  }
  return { files: sources.size, rawBytes, gzipBytes };
}

/** Logins per second against concurrency, beside the ceiling the hash allows. */
export function loginsChart(points: { concurrency: number; loginsPerSecond: number }[], cores: number, tHashMs: number) {
  const width = 720;
  const height = 320;
  const left = 56;
  const right = 230;
  const top = 24;
  const bottom = 48;
  const floor = (cores * 1000) / tHashMs;
  const ideal = (c: number) => (Math.min(c, cores) * 1000) / tHashMs;
  const maxY = Math.max(floor, ...points.map((point) => point.loginsPerSecond)) * 1.15;
  const xs = points.map((point) => point.concurrency);
  const x = (c: number) => left + (Math.log2(c) / Math.log2(Math.max(...xs))) * (width - left - right);
  const y = (value: number) => top + (1 - value / maxY) * (height - top - bottom);
  const line = (values: [number, number][]) => values.map(([c, v], i) => `${i ? "L" : "M"}${x(c).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const ticks = Array.from({ length: 5 }, (_, i) => (maxY * i) / 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">
  <title>Successful logins per second against concurrency</title>
  <rect width="${width}" height="${height}" fill="#fff"/>
  ${ticks.map((v) => `<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e2e8f0"/><text x="${left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#475569">${v.toFixed(1)}</text>`).join("\n  ")}
  ${xs.map((c) => `<text x="${x(c).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" fill="#475569">${c}</text>`).join("\n  ")}
  <text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle" fill="#0f172a">concurrent logins</text>
  <text x="14" y="${(top + height - bottom) / 2}" text-anchor="middle" fill="#0f172a" transform="rotate(-90 14 ${(top + height - bottom) / 2})">logins / s</text>
  <path d="${line(xs.map((c) => [c, ideal(c)]))}" fill="none" stroke="#94a3b8" stroke-width="2" stroke-dasharray="6 4"/>
  <path d="${line(xs.map((c) => [c, 0.9 * floor]))}" fill="none" stroke="#f59e0b" stroke-width="1.5" stroke-dasharray="2 3"/>
  <path d="${line(points.map((point) => [point.concurrency, point.loginsPerSecond]))}" fill="none" stroke="#1d4ed8" stroke-width="2.5"/>
  ${points.map((point) => `<circle cx="${x(point.concurrency).toFixed(1)}" cy="${y(point.loginsPerSecond).toFixed(1)}" r="4" fill="#1d4ed8"><title>${point.loginsPerSecond.toFixed(2)} logins/s at ${point.concurrency}</title></circle>`).join("\n  ")}
  <g transform="translate(${width - right + 12}, ${top + 8})">
    <line x2="24" stroke="#1d4ed8" stroke-width="2.5"/><text x="30" y="4">measured</text>
    <line y1="20" x2="24" y2="20" stroke="#94a3b8" stroke-width="2" stroke-dasharray="6 4"/><text x="30" y="24">min(c, cores) / t_hash</text>
    <line y1="40" x2="24" y2="40" stroke="#f59e0b" stroke-width="1.5" stroke-dasharray="2 3"/><text x="30" y="44">target 0.9 × cores / t_hash</text>
  </g>
</svg>
`;
}
