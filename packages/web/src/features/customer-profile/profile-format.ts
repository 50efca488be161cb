import type { Language } from '../../i18n/i18n.types.ts';

// "1.234,50 €" / "€1,234.50": an amount in its own currency, in the chosen language.
export function formatMoney(amount: number, currency: string, lang: Language): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown code still shows the number rather than breaking the card.
    return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

// 0.625 → "63 %" / "63%".
export const formatShare = (share: number, lang: Language): string => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

const STEPS: Array<[Intl.NumberFormatOptions['unit'], number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// A median reply time in the largest unit it fills: "45 s", "12 min", "3 h", "2 d".
export function formatDuration(seconds: number, lang: Language): string {
  for (const [unit, size] of STEPS) {
    if (seconds >= size) return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(seconds / size);
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(Math.max(0, Math.round(seconds)));
}
