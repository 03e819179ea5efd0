// A configuration matrix (browser × OS, say): each dimension's values multiply into the
// configurations a run executes every case in. Labels are made the way the execution service
// makes them, so the preview shows exactly what will be created.
export const MAX_DIMENSIONS = 5;
export const MAX_VALUES = 20;
export const MAX_CONFIGURATIONS = 50;

export interface Dimension {
  name: string;
  values: string;
}

export interface Matrix {
  /** dimension name → its values, for the API; undefined when no dimension has values */
  matrix: Record<string, string[]> | undefined;
  labels: string[];
  error: string | null;
}

const values = (text: string) => [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))];

export function buildMatrix(dimensions: Dimension[]): Matrix {
  const filled = dimensions.map((d) => ({ name: d.name.trim(), values: values(d.values) })).filter((d) => d.values.length);
  if (!filled.length) return { matrix: undefined, labels: [], error: null };
  const unnamed = filled.findIndex((d) => !d.name);
  const names = filled.map((d) => d.name);
  let error: string | null = null;
  if (unnamed >= 0) error = `dimension ${unnamed + 1} needs a name`;
  else if (new Set(names).size !== names.length) error = 'each dimension needs a name of its own';
  else if (filled.length > MAX_DIMENSIONS) error = `at most ${MAX_DIMENSIONS} dimensions`;
  else if (filled.some((d) => d.values.length > MAX_VALUES)) error = `at most ${MAX_VALUES} values in a dimension`;
  let labels = [''];
  for (const d of filled) labels = labels.flatMap((prefix) => d.values.map((v) => (prefix ? `${prefix} / ${v}` : v)));
  if (!error && labels.length > MAX_CONFIGURATIONS) error = `makes ${labels.length} configurations; at most ${MAX_CONFIGURATIONS}`;
  return { matrix: Object.fromEntries(filled.map((d) => [d.name, d.values])), labels, error };
}
