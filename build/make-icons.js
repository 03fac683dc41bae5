#!/usr/bin/env node
// Draws smsdesk's icons as PNG files, with no image tools: a speech bubble with three dots on a
// blue rounded square (the app and the tray), grey with pause bars while sending is paused, and
// black "template" variants that macOS tints for its menu bar. Shapes are signed-distance tests,
// supersampled 4×4 per pixel for smooth edges. Run `node build/make-icons.js` after changing it;
// the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const outDir = path.dirname(fileURLToPath(import.meta.url));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (Uint8Array, size*size*4) → PNG bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1, y down).
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** The bubble within a box [x0,y0]–[x1,y1] of the icon; `mark` = 'dots' or 'pause'. */
function bubble(box) {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  const body = [x0, y0, x1, y0 + h * 0.78];
  const at = (fx, fy) => [x0 + w * fx, y0 + h * fy];
  return {
    contains: (x, y) =>
      inRoundRect(x, y, ...body, Math.min(w, h) * 0.22) || inTriangle(x, y, at(0.16, 0.7), at(0.42, 0.7), at(0.12, 1)),
    mark: (x, y, kind) => {
      const cy = y0 + h * 0.39;
      if (kind === 'dots') {
        const r = w * 0.085;
        return [0.27, 0.5, 0.73].some((fx) => inCircle(x, y, x0 + w * fx, cy, r));
      }
      if (kind === 'bang') {
        // "!": a bar and a dot, for "needs attention".
        const barW = w * 0.13;
        const cx = x0 + w * 0.5;
        return (Math.abs(x - cx) <= barW / 2 && y >= y0 + h * 0.14 && y <= y0 + h * 0.5) || inCircle(x, y, cx, y0 + h * 0.62, barW * 0.6);
      }
      if (kind === 'arrow') {
        // A "play" triangle, for "sending".
        return inTriangle(x, y, at(0.36, 0.16), at(0.36, 0.62), at(0.7, 0.39));
      }
      const barW = w * 0.12;
      const barH = h * 0.36;
      return [0.38, 0.62].some((fx) => Math.abs(x - (x0 + w * fx)) <= barW / 2 && Math.abs(y - cy) <= barH / 2);
    },
  };
}

function render(size, paint) {
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const color = paint((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!color) continue;
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      const n = ss * ss;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

const WHITE = [255, 255, 255, 255];
const BLACK = [0, 0, 0, 255];

/** The tray's states (issue 7): colours top → bottom, and the mark in the bubble. */
const STATES = {
  idle: { top: [64, 150, 255], bottom: [9, 88, 217], mark: 'dots' },
  paused: { top: [150, 156, 166], bottom: [110, 116, 126], mark: 'pause' },
  sending: { top: [115, 209, 61], bottom: [56, 158, 13], mark: 'arrow' },
  attention: { top: [255, 122, 69], bottom: [212, 56, 13], mark: 'bang' },
};
const stateOf = (paused) => (typeof paused === 'string' ? paused : paused ? 'paused' : 'idle');

/** Colour icon: rounded square (blue; grey when paused, green while sending, orange for attention) with a white bubble. */
function colourIcon(size, paused, inset) {
  const { top, bottom, mark } = STATES[stateOf(paused)];
  const shape = bubble([0.2, 0.22, 0.8, 0.8]);
  return render(size, (x, y) => {
    if (!inRoundRect(x, y, inset, inset, 1 - inset, 1 - inset, 0.22)) return null;
    const t = (y - inset) / (1 - 2 * inset);
    const bg = [0, 1, 2].map((i) => Math.round(top[i] + (bottom[i] - top[i]) * t)).concat(255);
    if (shape.contains(x, y)) return shape.mark(x, y, mark) ? bg : WHITE;
    return bg;
  });
}

/** macOS template: the bubble in black, its mark cut out (the system tints it). */
function templateIcon(size, paused) {
  const shape = bubble([0.06, 0.1, 0.94, 0.94]);
  const { mark } = STATES[stateOf(paused)];
  return render(size, (x, y) => (shape.contains(x, y) && !shape.mark(x, y, mark) ? BLACK : null));
}

const files = {
  // The app icon leaves a margin, as the platforms' icon grids expect.
  'icon.png': [512, () => colourIcon(512, false, 0.06)],
  'tray.png': [16, () => colourIcon(16, false, 0)],
  'tray@2x.png': [32, () => colourIcon(32, false, 0)],
  'tray-paused.png': [16, () => colourIcon(16, true, 0)],
  'tray-paused@2x.png': [32, () => colourIcon(32, true, 0)],
  'trayTemplate.png': [16, () => templateIcon(16, false)],
  'trayTemplate@2x.png': [32, () => templateIcon(32, false)],
  'trayPausedTemplate.png': [16, () => templateIcon(16, true)],
  'trayPausedTemplate@2x.png': [32, () => templateIcon(32, true)],
  'tray-sending.png': [16, () => colourIcon(16, 'sending', 0)],
  'tray-sending@2x.png': [32, () => colourIcon(32, 'sending', 0)],
  'tray-attention.png': [16, () => colourIcon(16, 'attention', 0)],
  'tray-attention@2x.png': [32, () => colourIcon(32, 'attention', 0)],
  'traySendingTemplate.png': [16, () => templateIcon(16, 'sending')],
  'traySendingTemplate@2x.png': [32, () => templateIcon(32, 'sending')],
  'trayAttentionTemplate.png': [16, () => templateIcon(16, 'attention')],
  'trayAttentionTemplate@2x.png': [32, () => templateIcon(32, 'attention')],
};

for (const [name, [size, draw]] of Object.entries(files)) {
  fs.writeFileSync(path.join(outDir, name), encodePng(size, draw()));
}
console.log(`wrote ${Object.keys(files).length} icons to ${outDir}`);
