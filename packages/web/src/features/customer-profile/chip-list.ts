// Tags and interests as the server stores them (customer-profile.service.ts normaliseTags): trimmed,
// inner spaces collapsed, lower-case, no duplicates; normalising here keeps the chips from jumping after a save.
export const normaliseChip = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

// What the input adds: one or several values separated by commas, after the ones there are.
export function addChips(list: readonly string[], input: string): string[] {
  const added = input.split(',').map(normaliseChip).filter(Boolean);
  return [...new Set([...list, ...added])];
}

export const removeChip = (list: readonly string[], value: string): string[] => list.filter((v) => v !== value);

export const sameChips = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
