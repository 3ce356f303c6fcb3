// Draws the sample volume's pictures (fictional scenes of 示例市) as SVG and renders them to JPEG with sharp.
// Deterministic, so the committed files can be regenerated: node scripts/make-sample-images.mjs
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom as random } from './seeded-random.mjs';
import sharp from 'sharp';

const out = 'content/yearbook-2016/images';


/** Tea terraces: rows of rounded bushes on the hillside, instead of a town. */
function terraces(width, horizon, rand) {
  return Array.from({ length: 7 }, (_, row) => {
    const y = horizon - 12 - row * 22;
    return Array.from({ length: 30 }, (_, index) => `<ellipse cx="${((index + (row % 2) * 0.5) * width / 29).toFixed(0)}" cy="${y}" rx="${(width / 60 + rand() * 8).toFixed(0)}" ry="9" fill="hsl(${100 + Math.floor(rand() * 30)},45%,${30 + row * 4}%)"/>`).join('');
  }).join('');
}

/** A river town: sky, hills, water, a row of buildings and, optionally, a bridge. */
function scene({ width, height, seed, sky, hill, water, bridge, dusk, town = true }) {
  const rand = random(seed);
  const horizon = height * (0.45 + rand() * 0.1);
  const hills = Array.from({ length: 3 }, (_, layer) => {
    let d = `M0 ${horizon}`;
    for (let x = 0; x <= width; x += width / 12) d += ` L${x.toFixed(0)} ${(horizon - height * (0.08 + rand() * 0.12) * (3 - layer) / 3).toFixed(0)}`;
    return `<path d="${d} L${width} ${horizon} Z" fill="${hill[layer]}" opacity="${0.55 + layer * 0.2}"/>`;
  }).join('');
  const buildings = !town ? terraces(width, horizon, rand) : Array.from({ length: 26 }, (_, index) => {
    const w = width / 40 + rand() * width / 30;
    const x = (index / 26) * width + rand() * 10;
    const h = height * (0.05 + rand() * 0.22);
    const windows = Array.from({ length: Math.floor(h / 28) }, (_, row) => `<rect x="${(x + w * 0.2).toFixed(0)}" y="${(horizon - h + 12 + row * 28).toFixed(0)}" width="${(w * 0.6).toFixed(0)}" height="8" fill="${dusk ? '#ffd98a' : '#cfe3f2'}" opacity="0.8"/>`).join('');
    return `<rect x="${x.toFixed(0)}" y="${(horizon - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${dusk ? '#3b3f58' : '#8d9aa6'}"/>${windows}`;
  }).join('');
  const bridgeShape = bridge
    ? `<path d="M0 ${horizon + height * 0.12} Q ${width / 2} ${horizon - height * 0.05} ${width} ${horizon + height * 0.12}" stroke="#e9e4d8" stroke-width="${height * 0.018}" fill="none"/>` +
      Array.from({ length: 9 }, (_, i) => `<rect x="${((i + 0.5) * width) / 9}" y="${horizon}" width="${width / 120}" height="${height * 0.14}" fill="#e9e4d8"/>`).join('')
    : '';
  const ripples = Array.from({ length: 60 }, () => `<rect x="${(rand() * width).toFixed(0)}" y="${(horizon + rand() * (height - horizon)).toFixed(0)}" width="${(20 + rand() * 80).toFixed(0)}" height="2" fill="#ffffff" opacity="0.25"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient>
  <linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${water[0]}"/><stop offset="1" stop-color="${water[1]}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>${hills}${buildings}
  <rect y="${horizon}" width="${width}" height="${height - horizon}" fill="url(#water)"/>${ripples}${bridgeShape}</svg>`;
}

const pictures = [
  ['plate-qingxi-river.jpg', { width: 2400, height: 1600, seed: 11, sky: ['#7fb2e5', '#d9ecf7'], hill: ['#6f8f72', '#4f7354', '#355a3b'], water: ['#5c8fb5', '#2f5f82'], bridge: true }],
  ['plate-city-night.jpg', { width: 2400, height: 1600, seed: 12, sky: ['#141b3a', '#5a4a7a'], hill: ['#2b3350', '#232a44', '#1b2138'], water: ['#26304f', '#111831'], bridge: true, dusk: true }],
  ['plate-tea-hills.jpg', { width: 2400, height: 1600, seed: 13, town: false, sky: ['#a9cfe9', '#eef6f1'], hill: ['#8fbf77', '#6da65a', '#4c8a3e'], water: ['#7aa98d', '#4f7f63'] }],
  ['donghu-bridge.jpg', { width: 1200, height: 800, seed: 21, sky: ['#8cbce6', '#e3f0f8'], hill: ['#7d9a80', '#5d7d62', '#3f6146'], water: ['#6194b8', '#325f80'], bridge: true }],
  ['water-plant.jpg', { width: 1200, height: 800, seed: 22, sky: ['#b8d6ee', '#f1f6f9'], hill: ['#93a69a', '#718a7b', '#516c5c'], water: ['#7fb0c9', '#4a7f98'] }],
  ['qingshan-village.jpg', { width: 1200, height: 800, seed: 23, town: false, sky: ['#9fc7e2', '#f4efe0'], hill: ['#9dbb83', '#7ea466', '#5d874b'], water: ['#8fb79b', '#5f8d70'] }],
];

await mkdir(out, { recursive: true });
for (const [name, options] of pictures) {
  await sharp(Buffer.from(scene(options))).jpeg({ quality: 82, mozjpeg: true }).toFile(join(out, name));
  console.log(`${join(out, name)}`);
}
