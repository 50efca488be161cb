const HEX = /^#[0-9a-fA-F]{6}$/;
export const DEFAULT_ACCENT = '#1f6f66';

// Relative luminance (WCAG 2) of a #rrggbb colour.
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

// The workspace picks the accent; the text on it is whichever of white or near-black reads better.
export function accentColors(color: string | undefined): { accent: string; onAccent: string } {
  const accent = color && HEX.test(color) ? color : DEFAULT_ACCENT;
  const l = luminance(accent);
  return { accent, onAccent: contrast(l, 1) >= contrast(l, luminance('#111111')) ? '#ffffff' : '#111111' };
}
