// PNG export: the charts on screen composed into one figure, each under its title with its
// legend, on the page's background (light or dark, as shown).
import { colorOf, type ColorSlot, type Theme } from './theme';

export interface PngPanel {
  title: string;
  canvas: HTMLCanvasElement;
  legend: { label: string; color: ColorSlot; dashed: boolean }[];
}

/** Chromium refuses canvases much taller than this. */
const MAX_SIDE = 16000;

export function composeFigure(
  heading: string,
  panels: readonly PngPanel[],
  columns: number,
  theme: Theme,
): HTMLCanvasElement {
  const first = panels[0]?.canvas;
  const ratio = first && first.clientWidth > 0 ? first.width / first.clientWidth : 1;
  const cellW = Math.max(1, ...panels.map((p) => p.canvas.width));
  const plotH = Math.max(1, ...panels.map((p) => p.canvas.height));
  const pad = Math.round(12 * ratio);
  const titleH = Math.round(24 * ratio);
  const legendLine = Math.round(18 * ratio);
  const measure = document.createElement('canvas').getContext('2d');
  const font = (size: number, weight = '') => `${weight} ${Math.round(size * ratio)}px ${theme.font}`;
  // Legend rows per panel, wrapped to the cell width.
  const legendRows = (panel: PngPanel) => {
    if (!measure) return [panel.legend];
    measure.font = font(12);
    const rows: PngPanel['legend'][] = [[]];
    let used = 0;
    for (const item of panel.legend) {
      const w = measure.measureText(item.label).width + 30 * ratio;
      if (used + w > cellW && used > 0) {
        rows.push([]);
        used = 0;
      }
      rows[rows.length - 1]?.push(item);
      used += w;
    }
    return rows;
  };
  const legendH = Math.max(...panels.map((p) => legendRows(p).length)) * legendLine;
  const cellH = titleH + plotH + legendH + pad;
  const cols = Math.max(1, Math.min(columns, panels.length));
  const rows = Math.ceil(panels.length / cols);
  const headH = Math.round(34 * ratio);
  const width = pad + cols * (cellW + pad);
  const height = headH + rows * cellH + pad;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.scale(scale, scale);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.fg;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.font = font(15, '600');
  ctx.fillText(heading, width / 2, headH / 2);
  panels.forEach((panel, i) => {
    const x = pad + (i % cols) * (cellW + pad);
    const y = headH + Math.floor(i / cols) * cellH;
    ctx.textAlign = 'center';
    ctx.fillStyle = theme.fg;
    ctx.font = font(13, '600');
    ctx.fillText(panel.title, x + cellW / 2, y + titleH / 2);
    ctx.drawImage(panel.canvas, x, y + titleH);
    ctx.textAlign = 'left';
    ctx.font = font(12);
    legendRows(panel).forEach((row, r) => {
      let lx = x + 4 * ratio;
      const ly = y + titleH + plotH + r * legendLine + legendLine / 2;
      for (const item of row) {
        ctx.strokeStyle = colorOf(theme, item.color);
        ctx.lineWidth = 2 * ratio;
        ctx.setLineDash(item.dashed ? [5 * ratio, 3 * ratio] : []);
        ctx.beginPath();
        ctx.moveTo(lx, ly);
        ctx.lineTo(lx + 18 * ratio, ly);
        ctx.stroke();
        ctx.fillStyle = theme.fg;
        ctx.fillText(item.label, lx + 22 * ratio, ly);
        lx += ctx.measureText(item.label).width + 30 * ratio;
      }
    });
  });
  return out;
}

export function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
