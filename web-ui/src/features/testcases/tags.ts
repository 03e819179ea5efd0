// Tags as the test-case service accepts them: short lower-case labels, each at most once.
export const MAX_TAGS = 30;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}._:/-]{0,49}$/u;

export interface TagChange {
  add: string[];
  remove: string[];
  /** what is wrong with the input, in words; null when it can be sent */
  error: string | null;
}

/** Splits what the user typed (commas or spaces) into normalised tags, duplicates dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** The bulk change the two inputs describe, checked by the rules the service applies. */
export function tagChange(addText: string, removeText: string): TagChange {
  const add = parseTags(addText);
  const remove = parseTags(removeText);
  const bad = [...add, ...remove].find((t) => !TAG.test(t));
  let error: string | null = null;
  if (bad) error = `'${bad}' is not a tag: letters, digits and . _ : / -, starting with a letter or digit, at most 50 characters`;
  else if (add.length > MAX_TAGS || remove.length > MAX_TAGS) error = `at most ${MAX_TAGS} tags at a time`;
  else if (add.some((t) => remove.includes(t))) error = `'${add.find((t) => remove.includes(t))}' cannot be added and removed at once`;
  else if (!add.length && !remove.length) error = 'name at least one tag to add or remove';
  return { add, remove, error };
}
